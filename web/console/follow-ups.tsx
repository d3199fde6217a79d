/** The disciplinary follow-ups inbox (with its actions, If-Match on the follow-up's version) and SLA alerts. */
import { useEffect, useState } from 'preact/hooks';
import { FOLLOW_UP_OUTCOMES, FOLLOW_UP_STATES } from '../../shared/domain/follow-up.ts';
import { ApiError } from '../lib/api.ts';
import { formValues } from '../lib/form.tsx';
import { en, localTime, officerApi, useSession } from './common.tsx';

interface FollowUp {
  id: string;
  etag: string;
  district: string;
  level: string;
  phase: string;
  post: string;
  officerId?: string;
  dueAt: string;
  breachedAt: string;
  state: string;
  outcome?: string;
  version: number;
  history: { action: string; at: string; note?: string; by?: string }[];
}

interface Alert {
  id: string;
  kind: string;
  etag: string;
  district: string;
  station?: string;
  level: string;
  escalatedTo?: string;
  phase: string;
  dueAt: string;
  occurredAt: string;
}

const message = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));

const FollowUpRow = ({ item, onChanged }: { item: FollowUp; onChanged: () => Promise<void> }) => {
  const session = useSession();
  const [note, setNote] = useState('');
  const act = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const body =
      v.type === 'close'
        ? { type: 'close', outcome: v.outcome, note: v.note ?? '' }
        : { type: v.type, note: v.note ?? '' };
    officerApi(session, `/officer/follow-ups/${encodeURIComponent(item.id)}/actions`, {
      body,
      ifMatch: `"${item.version}"`,
    })
      .then(async () => {
        setNote('Done.');
        await onChanged();
      })
      .catch(async (e: unknown) => {
        setNote(
          e instanceof ApiError && e.status === 412
            ? 'Changed by someone else meanwhile; reloaded — check and send again.'
            : message(e),
        );
        if (e instanceof ApiError && e.status === 412) await onChanged();
      });
  };
  const id = item.id.replace(/\W/g, '-');
  return (
    <tr>
      <td>
        <a class="code" href={`#/complaints/${item.etag}`}>
          {item.etag}
        </a>
      </td>
      <td>
        {item.post} ({item.level}
        {item.officerId ? `, ${item.officerId}` : ''})
      </td>
      <td>
        {item.phase.replace('_', ' ')} due {localTime(item.dueAt)}; breached {localTime(item.breachedAt)}
      </td>
      <td>
        {item.state.replace(/_/g, ' ')}
        {item.outcome ? ` — ${item.outcome}` : ''}
      </td>
      <td>
        {item.state !== 'closed' && (
          <form class="row" onSubmit={act} aria-label={`Act on follow-up ${item.id}`}>
            <label class="visually-hidden" for={`fu-type-${id}`}>
              Action
            </label>
            <select id={`fu-type-${id}`} name="type" class="inline">
              <option value="callExplanation">Call explanation</option>
              <option value="issueShowCause">Issue show-cause</option>
              <option value="addNote">Add note</option>
              <option value="close">Close</option>
            </select>
            <label class="visually-hidden" for={`fu-outcome-${id}`}>
              Outcome (when closing)
            </label>
            <select id={`fu-outcome-${id}`} name="outcome" class="inline">
              {FOLLOW_UP_OUTCOMES.map((o) => (
                <option value={o} key={o}>
                  {o}
                </option>
              ))}
            </select>
            <label class="visually-hidden" for={`fu-note-${id}`}>
              Note
            </label>
            <input
              id={`fu-note-${id}`}
              name="note"
              placeholder="note"
              required
              maxLength={2000}
              class="inline"
            />
            <button type="submit" class="secondary">
              Send
            </button>
            <span role="status">{note}</span>
          </form>
        )}
      </td>
    </tr>
  );
};

export const FollowUpsPage = () => {
  const session = useSession();
  const [items, setItems] = useState<FollowUp[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [state, setState] = useState('');
  const [error, setError] = useState('');
  const load = async (after?: string) => {
    try {
      const { data } = await officerApi<{ items: FollowUp[]; cursor?: string }>(
        session,
        '/officer/follow-ups',
        {
          query: { state: state || undefined, limit: '50', cursor: after },
        },
      );
      setItems((current) => (after ? [...current, ...data.items] : data.items));
      setCursor(data.cursor);
      setError('');
    } catch (e) {
      setError(message(e));
    }
  };
  useEffect(() => void load(), [state]);
  return (
    <section>
      <h1>Disciplinary follow-ups</h1>
      <div class="row">
        <label for="fu-state">State</label>
        <select id="fu-state" class="inline" value={state} onChange={(e) => setState(e.currentTarget.value)}>
          <option value="">any</option>
          {FOLLOW_UP_STATES.map((s) => (
            <option value={s} key={s}>
              {s.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p class="error banner" role="alert">
          {error}
        </p>
      )}
      <div class="card table-scroll">
        <table>
          <caption class="visually-hidden">Follow-ups</caption>
          <thead>
            <tr>
              <th scope="col">Complaint</th>
              <th scope="col">Post</th>
              <th scope="col">Breach</th>
              <th scope="col">State</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <FollowUpRow key={`${f.id}@${f.version}`} item={f} onChanged={() => load()} />
            ))}
          </tbody>
        </table>
        {items.length === 0 && <p>No follow-ups.</p>}
      </div>
      {cursor && (
        <button type="button" class="secondary" onClick={() => void load(cursor)}>
          Load more
        </button>
      )}
    </section>
  );
};

export const AlertsPage = () => {
  const session = useSession();
  const [items, setItems] = useState<Alert[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState('');
  const load = async (after?: string) => {
    try {
      const { data } = await officerApi<{ items: Alert[]; cursor?: string }>(session, '/officer/alerts', {
        query: { limit: '50', cursor: after },
      });
      setItems((current) => (after ? [...current, ...data.items] : data.items));
      setCursor(data.cursor);
    } catch (e) {
      setError(message(e));
    }
  };
  useEffect(() => void load(), []);
  return (
    <section>
      <h1>Alerts</h1>
      {error && (
        <p class="error banner" role="alert">
          {error}
        </p>
      )}
      <div class="card table-scroll">
        <table>
          <caption class="visually-hidden">SLA warnings and breaches</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">Complaint</th>
              <th scope="col">District / station</th>
              <th scope="col">Level</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{localTime(a.occurredAt)}</td>
                <td>
                  <span class={a.kind === 'breach' ? 'pill overdue' : 'pill paused'}>{a.kind}</span>
                </td>
                <td>
                  <a class="code" href={`#/complaints/${a.etag}`}>
                    {a.etag}
                  </a>
                </td>
                <td>
                  {en.district(a.district)}
                  {a.station ? ` / ${a.station}` : ''}
                </td>
                <td>
                  {a.level}
                  {a.escalatedTo ? ` → ${a.escalatedTo}` : ''}
                </td>
                <td>
                  {a.phase.replace('_', ' ')} {localTime(a.dueAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && <p>No alerts.</p>}
      </div>
      {cursor && (
        <button type="button" class="secondary" onClick={() => void load(cursor)}>
          Load more
        </button>
      )}
    </section>
  );
};
