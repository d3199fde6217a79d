/** My queue: filters, cursor paging, each complaint's SLA clock, newest or most-overdue first. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { CATEGORY_CODES, PRIORITIES, STATUSES } from '../../shared/domain/vocabulary.ts';
import { DISTRICTS } from '../../shared/domain/districts.ts';
import { formValues } from '../lib/form.tsx';
import {
  ErrorBanner,
  LoadMore,
  ScrollTable,
  SelectField,
  SlaClock,
  Time,
  dueInMs,
  labels,
  role,
  scopeOf,
  useLang,
  usePagedList,
  useSession,
  type SlaView,
} from './common.tsx';
import { C, PRIORITY_LABELS, fill, labelOf } from './strings.ts';

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

type Filters = Record<string, string | undefined>;
type Options = readonly (readonly [value: string, label: string])[];

/** A filing date (a Pakistan calendar day) as the start or end instant of that day. */
const toIso = (date: string | undefined, endOfDay = false): string | undefined =>
  date ? new Date(`${date}T${endOfDay ? '23:59:59' : '00:00:00'}+05:00`).toISOString() : undefined;

export const QueuePage = () => {
  const session = useSession();
  const lang = useLang();
  const l = labels(lang);
  const [filters, setFilters] = useState<Filters>({});
  const [order, setOrder] = useState<'newest' | 'overdue'>('newest');
  const { items, cursor, error, loading, load } = usePagedList<QueueItem>(
    '/officer/complaints',
    { ...filters, limit: '25' },
    [filters],
  );
  const now = Date.now();
  const manyDistricts = ['RPO', 'CPO', 'ADMIN'].includes(role(session));
  // The station filter suggests the district's stations (the officer's own, or the district filtered on).
  const stationDistrict = filters.district || scopeOf(session).district;
  const [stations, setStations] = useState<string[]>([]);
  useEffect(() => {
    setStations([]);
    if (!stationDistrict) return;
    let current = true;
    api<{ stations: { name: string }[] }>(`/stations?district=${encodeURIComponent(stationDistrict)}`)
      .then(({ data }) => current && setStations(data.stations.map((s) => s.name)))
      // Suggestions only: the officer can still type a station.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [stationDistrict]);

  const apply = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    setFilters({
      status: v.status,
      overdue: v.overdue,
      category: v.category,
      priority: v.priority,
      station: v.station,
      district: v.district,
      from: toIso(v.from),
      to: toIso(v.to, true),
    });
  };

  // The filters that pick from a list: name, label, options, and the word for "no filter".
  const selects: (readonly [name: string, label: string, options: Options, any?: string])[] = [
    ['status', C.status[lang], STATUSES.map((s) => [s, l.status(s)])],
    [
      'overdue',
      C.overdue[lang],
      [
        ['true', C.overdueOnly[lang]],
        ['false', C.onTimeOnly[lang]],
      ],
    ],
    ['category', C.category[lang], CATEGORY_CODES.map((c) => [c, l.category(c)])],
    ['priority', C.priority[lang], PRIORITIES.map((p) => [p, labelOf(PRIORITY_LABELS, p, lang)])],
  ];
  if (manyDistricts)
    selects.push([
      'district',
      C.district[lang],
      DISTRICTS.map((d) => [d.code, d[lang]]),
      C.allInMyArea[lang],
    ]);

  const sorted =
    order === 'newest'
      ? items
      : [...items].sort((a, b) => (dueInMs(a.sla, now) ?? Infinity) - (dueInMs(b.sla, now) ?? Infinity));

  return (
    <section>
      <h1>{C.queueTitle[lang]}</h1>
      <form class="card filters" onSubmit={apply} aria-label={C.filters[lang]}>
        {selects.map(([name, label, options, any = C.any[lang]]) => (
          <SelectField id={`q-${name}`} name={name} label={label} any={any} options={options} key={name} />
        ))}
        <div class="field">
          <label for="q-station">{C.station[lang]}</label>
          <input id="q-station" name="station" maxLength={120} list="q-station-choices" />
          <datalist id="q-station-choices">
            {stations.map((name) => (
              <option value={name} key={name} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for="q-from">{C.filedFrom[lang]}</label>
          <input id="q-from" name="from" type="date" dir="ltr" />
        </div>
        <div class="field">
          <label for="q-to">{C.filedTo[lang]}</label>
          <input id="q-to" name="to" type="date" dir="ltr" />
        </div>
        <button type="submit" class="primary">
          {C.apply[lang]}
        </button>
      </form>
      <div class="row">
        <SelectField
          id="q-order"
          label={C.order[lang]}
          inline
          value={order}
          onChange={(value) => setOrder(value === 'overdue' ? 'overdue' : 'newest')}
          options={[
            ['newest', C.newestFirst[lang]],
            ['overdue', C.mostOverdueFirst[lang]],
          ]}
        />
        <span role="status">{loading ? C.loading[lang] : fill(C.shown, lang, { n: items.length })}</span>
      </div>
      <ErrorBanner text={error} />
      <ScrollTable
        caption={C.queueCaption[lang]}
        stack
        empty={items.length === 0 && !loading && C.noComplaints[lang]}
        columns={[
          C.etag[lang],
          C.filed[lang],
          C.category[lang],
          C.districtStation[lang],
          C.status[lang],
          C.priority[lang],
          C.sla[lang],
        ]}
      >
        {sorted.map((c) => (
          <tr key={c.etag}>
            <td>
              <a href={`#/complaints/${c.etag}`} class="code" dir="ltr">
                {c.etag}
              </a>
            </td>
            <td>
              <Time iso={c.createdAt} />
            </td>
            <td>{l.category(c.category)}</td>
            <td>
              {l.district(c.district)}
              {c.station ? ` / ${c.station}` : ''}
            </td>
            <td>
              {l.status(c.status)}
              {c.assignment ? ` (${c.assignment.level})` : ''}
            </td>
            <td>{labelOf(PRIORITY_LABELS, c.priority, lang)}</td>
            <td>
              <SlaClock sla={c.sla} now={now} />
            </td>
          </tr>
        ))}
      </ScrollTable>
      <LoadMore cursor={cursor} loading={loading} load={load} />
    </section>
  );
};
