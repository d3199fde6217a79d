/** My queue: filters, cursor paging, each complaint's SLA clock, newest or most-overdue first. */
import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_CODES, PRIORITIES, STATUSES } from '../../shared/domain/vocabulary.ts';
import { DISTRICTS } from '../../shared/domain/districts.ts';
import { ApiError } from '../lib/api.ts';
import { formValues } from '../lib/form.tsx';
import { SlaClock, dueInMs, en, localTime, officerApi, role, useSession, type SlaView } from './common.tsx';

export interface QueueItem {
  etag: string;
  district: string;
  station?: string;
  category: string;
  status: string;
  priority: string;
  createdAt: string;
  complainant: { name: string };
  assignment?: { level: string; station?: string };
  sla?: SlaView;
}

interface Page {
  items: QueueItem[];
  cursor?: string;
}

type Filters = Record<string, string | undefined>;

const toIso = (date: string | undefined, endOfDay = false): string | undefined =>
  date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}+05:00`).toISOString() : undefined;

export const QueuePage = () => {
  const session = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<QueueItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [order, setOrder] = useState<'newest' | 'overdue'>('newest');
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const now = Date.now();
  const manyDistricts = ['RPO', 'CPO', 'ADMIN'].includes(role(session));

  const load = async (f: Filters, after?: string) => {
    setLoading(true);
    setError('');
    try {
      const { data } = await officerApi<Page>(session, '/officer/complaints', {
        query: { ...f, limit: '25', cursor: after },
      });
      setItems((current) => (after ? [...current, ...data.items] : data.items));
      setCursor(data.cursor);
    } catch (e) {
      setError(
        e instanceof ApiError
          ? `${e.message}${e.issues.length ? `: ${e.issues.map((i) => `${i.path} ${i.message}`).join('; ')}` : ''}`
          : String(e),
      );
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => void load({}), []);

  const apply = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const f: Filters = {
      status: v.status,
      overdue: v.overdue,
      category: v.category,
      priority: v.priority,
      station: v.station,
      district: v.district,
      from: toIso(v.from),
      to: toIso(v.to, true),
    };
    setFilters(f);
    void load(f);
  };

  const sorted =
    order === 'newest'
      ? items
      : [...items].sort((a, b) => (dueInMs(a.sla, now) ?? Infinity) - (dueInMs(b.sla, now) ?? Infinity));

  return (
    <section>
      <h1>My queue</h1>
      <form class="card filters" onSubmit={apply} aria-label="Filters">
        <div class="field">
          <label for="q-status">Status</label>
          <select id="q-status" name="status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option value={s} key={s}>
                {en.status(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q-overdue">Overdue</label>
          <select id="q-overdue" name="overdue">
            <option value="">any</option>
            <option value="true">overdue only</option>
            <option value="false">on time only</option>
          </select>
        </div>
        <div class="field">
          <label for="q-category">Category</label>
          <select id="q-category" name="category">
            <option value="">any</option>
            {CATEGORY_CODES.map((c) => (
              <option value={c} key={c}>
                {en.category(c)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="q-priority">Priority</label>
          <select id="q-priority" name="priority">
            <option value="">any</option>
            {PRIORITIES.map((p) => (
              <option value={p} key={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        {manyDistricts && (
          <div class="field">
            <label for="q-district">District</label>
            <select id="q-district" name="district">
              <option value="">all in my area</option>
              {DISTRICTS.map((d) => (
                <option value={d.code} key={d.code}>
                  {d.en}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="q-station">Station</label>
          <input id="q-station" name="station" maxLength={120} />
        </div>
        <div class="field">
          <label for="q-from">Filed from</label>
          <input id="q-from" name="from" type="date" />
        </div>
        <div class="field">
          <label for="q-to">Filed to</label>
          <input id="q-to" name="to" type="date" />
        </div>
        <button type="submit" class="primary">
          Apply
        </button>
      </form>
      <div class="row">
        <label for="q-order">Order</label>
        <select
          id="q-order"
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value === 'overdue' ? 'overdue' : 'newest')}
          class="inline"
        >
          <option value="newest">newest first</option>
          <option value="overdue">most overdue first</option>
        </select>
        <span role="status">{loading ? 'Loading…' : `${items.length} shown`}</span>
      </div>
      {error && (
        <p class="error banner" role="alert">
          {error}
        </p>
      )}
      <div class="table-scroll card">
        <table>
          <caption class="visually-hidden">Complaints in my area</caption>
          <thead>
            <tr>
              <th scope="col">E-tag</th>
              <th scope="col">Filed</th>
              <th scope="col">Category</th>
              <th scope="col">District / station</th>
              <th scope="col">Status</th>
              <th scope="col">Priority</th>
              <th scope="col">SLA</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => (
              <tr key={c.etag}>
                <td>
                  <a href={`#/complaints/${c.etag}`} class="code">
                    {c.etag}
                  </a>
                </td>
                <td>{localTime(c.createdAt)}</td>
                <td>{en.category(c.category)}</td>
                <td>
                  {en.district(c.district)}
                  {c.station ? ` / ${c.station}` : ''}
                </td>
                <td>
                  {en.status(c.status)}
                  {c.assignment ? ` (${c.assignment.level})` : ''}
                </td>
                <td>{c.priority}</td>
                <td>
                  <SlaClock sla={c.sla} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {items.length === 0 && !loading && <p>No complaints match.</p>}
      </div>
      {cursor && (
        <button type="button" class="secondary" disabled={loading} onClick={() => void load(filters, cursor)}>
          Load more
        </button>
      )}
    </section>
  );
};
