/**
 * One complaint: details, the complainant's contact, SLA state, the full timeline, and every action the API
 * offers, each sent with If-Match. A 412 (someone else changed it) reloads the complaint and keeps what the
 * officer typed: the forms are never remounted by a reload.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ACTION_KINDS } from '../../shared/domain/lifecycle.ts';
import { SLA_LEVELS } from '../../shared/domain/sla.ts';
import { ApiError } from '../lib/api.ts';
import { formValues } from '../lib/form.tsx';
import { ACTION_LABELS } from '../lib/labels.ts';
import { SlaClock, en, localTime, officerApi, role, useSession, type SlaView } from './common.tsx';

interface Detail {
  complaint: {
    etag: string;
    district: string;
    station?: string;
    category: string;
    description: string;
    channel: string;
    status: string;
    priority: string;
    language: string;
    version: number;
    createdAt: string;
    updatedAt: string;
    optOutOfUpdates: boolean;
    complainant: { name: string; phone?: string; cnic?: string; overseas?: boolean; country?: string };
    location?: { latitude: number; longitude: number; address?: string };
    assignment?: { level: string; station?: string; circle?: string; officerId?: string };
    sla?: SlaView;
  };
  timeline: {
    id: string;
    type: string;
    at: string;
    actor: { kind: string; id?: string; role?: string };
    fromStatus?: string;
    toStatus?: string;
    note?: string;
    reason?: string;
    noteVisibility?: 'internal' | 'citizen';
    data?: Record<string, unknown>;
  }[];
}

type Outcome = { kind: 'ok' | 'error' | 'conflict'; text: string };

const describeError = (e: unknown): string =>
  e instanceof ApiError
    ? `${e.message}${e.issues.length ? ` (${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : ''}`
    : String(e);

const ActionForm = (props: {
  title: string;
  submit: string;
  onSubmit: (values: Record<string, string | undefined>) => Promise<void>;
  children: ComponentChildren;
}) => {
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const send = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setOutcome(undefined);
    setBusy(true);
    props
      .onSubmit(formValues(form))
      .then(() => {
        form.reset();
        setOutcome({ kind: 'ok', text: 'Done.' });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 412) {
          setOutcome({
            kind: 'conflict',
            text: 'Someone else changed this complaint meanwhile. It has been reloaded above; your text is kept — check and send again.',
          });
        } else setOutcome({ kind: 'error', text: describeError(e) });
      })
      .finally(() => setBusy(false));
  };
  return (
    <form class="card form" onSubmit={send} aria-label={props.title}>
      <h3>{props.title}</h3>
      {props.children}
      <button type="submit" class="primary" disabled={busy}>
        {props.submit}
      </button>
      {outcome && (
        <p
          class={outcome.kind === 'ok' ? 'hint' : 'error'}
          role={outcome.kind === 'ok' ? 'status' : 'alert'}
          data-outcome={outcome.kind}
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
};

const Input = ({
  id,
  label,
  name,
  required,
  multiline,
}: {
  id: string;
  label: string;
  name: string;
  required?: boolean;
  multiline?: boolean;
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    {multiline ? (
      <textarea id={id} name={name} rows={3} maxLength={2000} required={required} />
    ) : (
      <input id={id} name={name} maxLength={120} required={required} />
    )}
  </div>
);

/** Who may read the note: officers only unless the officer says otherwise (docs/force.md). */
const VisibilityChoice = ({ id }: { id: string }) => (
  <fieldset class="choice">
    <legend>Who may read the note</legend>
    <div class="check">
      <input type="radio" name="visibility" value="internal" id={`${id}-internal`} defaultChecked />
      <label for={`${id}-internal`}>Officers only (internal)</label>
    </div>
    <div class="check">
      <input type="radio" name="visibility" value="citizen" id={`${id}-citizen`} />
      <label for={`${id}-citizen`}>The citizen too (WhatsApp updates and tracking)</label>
    </div>
  </fieldset>
);

/** A question to the citizen and a rejection's reason always reach the citizen: the API refuses them internal. */
const ADDRESSED_TO_CITIZEN: readonly string[] = ['requestCitizenInfo', 'reject'];

const TRANSITIONS = [
  { type: 'start', label: 'Start work' },
  { type: 'requestCitizenInfo', label: 'Ask the citizen for information' },
  { type: 'resolve', label: 'Resolve' },
  { type: 'reject', label: 'Reject (not accepted)' },
  { type: 'reopen', label: 'Reopen' },
  { type: 'close', label: 'Close' },
] as const;

export const ComplaintPage = ({ etag }: { etag: string }) => {
  const session = useSession();
  const [detail, setDetail] = useState<Detail>();
  const [error, setError] = useState('');
  const now = Date.now();

  const reload = async () => {
    try {
      const { data } = await officerApi<Detail>(session, `/officer/complaints/${encodeURIComponent(etag)}`);
      setDetail(data);
      setError('');
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404 ? 'No such complaint in your area.' : describeError(e),
      );
    }
  };
  useEffect(() => void reload(), [etag]);

  /** Every action carries the version it was decided on; 412 → reload, the form keeps its text. */
  const act = (path: string, body: unknown) => async () => {
    if (!detail) return;
    try {
      await officerApi(session, `/officer/complaints/${encodeURIComponent(etag)}/${path}`, {
        body,
        ifMatch: `"${detail.complaint.version}"`,
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) await reload();
      throw e;
    }
    await reload();
  };

  if (error && !detail)
    return (
      <p class="error banner" role="alert">
        {error}
      </p>
    );
  if (!detail) return <p aria-busy="true">Loading…</p>;
  const c = detail.complaint;
  return (
    <section>
      <p>
        <a href="#/queue">← Queue</a>
      </p>
      <h1>
        <span class="code">{c.etag}</span> — {en.status(c.status)}
      </h1>
      <div class="actions-grid">
        <div class="card">
          <h2>Complaint</h2>
          <dl class="facts">
            <div>
              <dt>Category</dt>
              <dd>{en.category(c.category)}</dd>
            </div>
            <div>
              <dt>Priority</dt>
              <dd>{c.priority}</dd>
            </div>
            <div>
              <dt>District / station</dt>
              <dd>
                {en.district(c.district)}
                {c.station ? ` / ${c.station}` : ''}
              </dd>
            </div>
            <div>
              <dt>Held by</dt>
              <dd>
                {c.assignment
                  ? `${c.assignment.level}${c.assignment.station ? `, ${c.assignment.station}` : ''}${c.assignment.circle ? `, ${c.assignment.circle}` : ''}`
                  : 'not assigned'}
              </dd>
            </div>
            <div>
              <dt>SLA</dt>
              <dd>
                <SlaClock sla={c.sla} now={now} />
                {c.sla?.breaches?.length ? ` ${c.sla.breaches.length} breach(es)` : ''}
              </dd>
            </div>
            <div>
              <dt>Filed</dt>
              <dd>
                {localTime(c.createdAt)} via {c.channel}
              </dd>
            </div>
            <div>
              <dt>Version</dt>
              <dd data-testid="version">{c.version}</dd>
            </div>
          </dl>
          <h3>What happened</h3>
          <p class="note" lang={c.language}>
            {c.description}
          </p>
          {c.location && (
            <p>
              Location:{' '}
              <span dir="ltr">
                {c.location.latitude.toFixed(5)}, {c.location.longitude.toFixed(5)}
              </span>
              {c.location.address ? ` — ${c.location.address}` : ''}
            </p>
          )}
          <h3>Complainant (officers only)</h3>
          <dl class="facts">
            <div>
              <dt>Name</dt>
              <dd>{c.complainant.name}</dd>
            </div>
            <div>
              <dt>Phone</dt>
              <dd>
                <a href={`tel:${c.complainant.phone ?? ''}`} dir="ltr">
                  {c.complainant.phone ?? '—'}
                </a>
              </dd>
            </div>
            {c.complainant.cnic && (
              <div>
                <dt>CNIC</dt>
                <dd dir="ltr">{c.complainant.cnic}</dd>
              </div>
            )}
            <div>
              <dt>Overseas</dt>
              <dd>
                {c.complainant.overseas
                  ? `yes${c.complainant.country ? ` (${c.complainant.country})` : ''}`
                  : 'no'}
              </dd>
            </div>
            <div>
              <dt>Updates</dt>
              <dd>
                {c.optOutOfUpdates ? 'opted out' : `WhatsApp, ${c.language === 'ur' ? 'Urdu' : 'English'}`}
              </dd>
            </div>
          </dl>
        </div>
        <div class="card">
          <h2>Timeline</h2>
          <ol class="timeline">
            {[...detail.timeline].reverse().map((t) => (
              <li key={t.id}>
                <time dateTime={t.at}>{localTime(t.at)}</time>
                <span class="what">
                  {t.type.replace(/^Complaint/, '').replace(/([a-z])([A-Z])/g, '$1 $2')}
                  {t.toStatus ? ` → ${en.status(t.toStatus)}` : ''}
                  {' · '}
                  {t.actor.kind === 'officer'
                    ? `${t.actor.role ?? 'officer'} ${t.actor.id ?? ''}`
                    : t.actor.kind}
                </span>
                {typeof t.data?.firNumber === 'string' && <span class="detail">FIR {t.data.firNumber}</span>}
                {(t.note ?? t.reason) && (
                  <span class="detail note" data-visibility={t.noteVisibility}>
                    {t.noteVisibility === 'internal' ? '[internal] ' : '[citizen sees] '}
                    {t.note ?? t.reason}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      </div>
      <h2>Actions</h2>
      <div class="actions-grid">
        {c.status === 'received' && ['DPO', 'RPO', 'CPO'].includes(role(session)) && (
          <ActionForm
            title="Take and start"
            submit="Take and start"
            onSubmit={(v) =>
              act('transitions', {
                type: 'takeAndStart',
                ...(v.note ? { note: v.note, visibility: v.visibility } : {}),
              })()
            }
          >
            <p class="hint">Take this complaint yourself, at your level, and start work on it in one step.</p>
            <Input id="t-note" label="Note (optional)" name="note" multiline />
            <VisibilityChoice id="t-visibility" />
          </ActionForm>
        )}
        <ActionForm
          title="Assign"
          submit="Assign"
          onSubmit={(v) =>
            act('assign', {
              level: v.level,
              ...(v.station ? { station: v.station } : {}),
              ...(v.circle ? { circle: v.circle } : {}),
              ...(v.officerId ? { officerId: v.officerId } : {}),
              ...(v.note ? { note: v.note, visibility: v.visibility } : {}),
            })()
          }
        >
          <div class="field">
            <label for="a-level">Level</label>
            <select id="a-level" name="level">
              {SLA_LEVELS.map((l) => (
                <option value={l} key={l}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <Input id="a-station" label="Station (optional)" name="station" />
          <Input id="a-circle" label="Circle (optional)" name="circle" />
          <Input id="a-officer" label="Officer id (optional)" name="officerId" />
          <Input id="a-note" label="Note (optional)" name="note" multiline />
          <VisibilityChoice id="a-visibility" />
        </ActionForm>
        <ActionForm
          title="Record an action"
          submit="Record action"
          onSubmit={(v) =>
            act('actions', {
              kind: v.kind,
              note: v.note ?? '',
              visibility: v.visibility,
              ...(v.firNumber ? { firNumber: v.firNumber } : {}),
            })()
          }
        >
          <div class="field">
            <label for="r-kind">What was done</label>
            <select id="r-kind" name="kind">
              {ACTION_KINDS.map((k) => (
                <option value={k} key={k}>
                  {ACTION_LABELS[k].en}
                </option>
              ))}
            </select>
          </div>
          <Input id="r-fir" label="FIR number (when an FIR was registered)" name="firNumber" />
          <Input id="r-note" label="Note" name="note" multiline />
          <VisibilityChoice id="r-visibility" />
        </ActionForm>
        <ActionForm
          title="Change status"
          submit="Apply"
          onSubmit={(v) =>
            act('transitions', {
              type: v.type,
              ...(v.type === 'reject' || v.type === 'reopen'
                ? { reason: v.note }
                : v.note
                  ? { note: v.note }
                  : {}),
              ...(v.note && !ADDRESSED_TO_CITIZEN.includes(v.type ?? '') ? { visibility: v.visibility } : {}),
            })()
          }
        >
          <div class="field">
            <label for="s-type">Change</label>
            <select id="s-type" name="type">
              {TRANSITIONS.map((t) => (
                <option value={t.type} key={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <Input id="s-note" label="Note / question / reason" name="note" multiline />
          <VisibilityChoice id="s-visibility" />
          <p class="hint">A question to the citizen and a rejection’s reason always reach the citizen.</p>
        </ActionForm>
      </div>
    </section>
  );
};
