/**
 * Monitoring for DPO / RPO / CPO: per district (bars) and over time (weekly reports, lines) — filed, open,
 * overdue, SLA breaches, compliance — drawn with uPlot, plus the tables behind them and CSV export.
 */
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.ts';
import { en, officerApi, role, useSession } from './common.tsx';
import { OfficerFigures, ServiceFeedback } from './monitoring-details.tsx';

export interface Figures {
  total: number;
  open: number;
  overdue: number;
  medianMinutesToFirstAction: number | null;
  medianMinutesToResolution: number | null;
  breaches: { total: number; byStation: Record<string, number>; byOfficer: Record<string, number> };
}
interface Report {
  period: { from: string; to: string };
  districts: ({ district: string; region?: string } & Figures)[];
  regions: ({ region: string } & Figures)[];
  province?: Figures;
  itemsRead: number;
}

const DAY = 86_400_000;
const WEEKS = 8;

/** Share of the period's complaints that never breached an SLA, in percent (100 when nothing was filed). */
export const compliance = (f: Figures): number =>
  f.total === 0 ? 100 : Math.round(1000 * (1 - Math.min(f.breaches.total, f.total) / f.total)) / 10;

const hours = (minutes: number | null): string => (minutes === null ? '—' : (minutes / 60).toFixed(1));

const sum = (rows: readonly Figures[]): Figures =>
  rows.reduce<Figures>(
    (acc, r) => ({
      ...acc,
      total: acc.total + r.total,
      open: acc.open + r.open,
      overdue: acc.overdue + r.overdue,
      breaches: { ...acc.breaches, total: acc.breaches.total + r.breaches.total },
    }),
    {
      total: 0,
      open: 0,
      overdue: 0,
      medianMinutesToFirstAction: null,
      medianMinutesToResolution: null,
      breaches: { total: 0, byStation: {}, byOfficer: {} },
    },
  );

const COLORS = ['#0b5d3b', '#0a4f8a', '#c27c0e', '#a4161a', '#6b3fa0'];

const Chart = ({
  title,
  build,
}: {
  title: string;
  build: (width: number) => { opts: uPlot.Options; data: uPlot.AlignedData };
}) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // The figure's width once laid out (the chart itself is not responsive: it is rebuilt per page load).
    const { opts, data } = build(Math.max(280, (el.parentElement?.clientWidth ?? 600) - 8));
    const plot = new uPlot(opts, data, el);
    return () => plot.destroy();
  }, [build]);
  return (
    <figure class="card chart">
      <figcaption>
        <strong>{title}</strong>
      </figcaption>
      <div ref={box} role="img" aria-label={title} data-chart={title} />
    </figure>
  );
};

const districtBars = (report: Report) => (width: number) => {
  const rows = [...report.districts].sort((a, b) => b.total - a.total).slice(0, 20);
  const names = rows.map((r) => en.district(r.district));
  const series = [
    { label: 'Filed', key: (r: Figures) => r.total },
    { label: 'Open', key: (r: Figures) => r.open },
    { label: 'Overdue', key: (r: Figures) => r.overdue },
    { label: 'Breaches', key: (r: Figures) => r.breaches.total },
  ];
  const opts: uPlot.Options = {
    width,
    height: 300,
    scales: { x: { time: false, range: [-0.5, rows.length - 0.5] } },
    axes: [
      {
        values: (_u: uPlot, ticks: number[]) =>
          ticks.map((t) => (Number.isInteger(t) ? (names[t] ?? '') : '')),
        rotate: -45,
        size: 80,
        incrs: [1],
      } as uPlot.Axis,
      {},
    ],
    // Nested bars, widest first: filed ⊇ open ⊇ overdue, breaches innermost.
    series: [
      {},
      ...series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i],
        fill: COLORS[i],
        paths: uPlot.paths.bars!({ size: [0.8 - i * 0.18, 60] }),
        points: { show: false },
      })),
    ],
  };
  const data: uPlot.AlignedData = [rows.map((_, i) => i), ...series.map((s) => rows.map(s.key))];
  return { opts, data };
};

const overTime = (weeks: { end: number; figures: Figures }[]) => (width: number) => {
  const opts: uPlot.Options = {
    width,
    height: 280,
    scales: { pct: { range: [0, 100] } },
    axes: [
      {},
      { label: 'complaints' },
      { side: 1, scale: 'pct', label: 'SLA compliance %', grid: { show: false } },
    ],
    series: [
      {},
      { label: 'Filed', stroke: COLORS[0], width: 2 },
      { label: 'Open', stroke: COLORS[1], width: 2 },
      { label: 'Overdue', stroke: COLORS[2], width: 2 },
      { label: 'Breaches', stroke: COLORS[3], width: 2 },
      { label: 'Compliance %', stroke: COLORS[4], width: 2, scale: 'pct', dash: [6, 4] },
    ],
  };
  const data: uPlot.AlignedData = [
    weeks.map((w) => Math.floor(w.end / 1000)),
    weeks.map((w) => w.figures.total),
    weeks.map((w) => w.figures.open),
    weeks.map((w) => w.figures.overdue),
    weeks.map((w) => w.figures.breaches.total),
    weeks.map((w) => compliance(w.figures)),
  ];
  return { opts, data };
};

export const toCsv = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string =>
  rows
    .map((r) =>
      r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(','),
    )
    .join('\r\n');

const download = (name: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

export const MonitoringPage = () => {
  const session = useSession();
  const [days, setDays] = useState(30);
  const [report, setReport] = useState<Report>();
  const [weeks, setWeeks] = useState<{ end: number; figures: Figures }[]>();
  const [error, setError] = useState('');

  useEffect(() => {
    const to = Date.now();
    setReport(undefined);
    setWeeks(undefined);
    const fetchPeriod = (from: number, until: number) =>
      officerApi<Report>(session, '/officer/monitoring', {
        query: { from: new Date(from).toISOString(), to: new Date(until).toISOString() },
      }).then((r) => r.data);
    // The period's report first (it draws the page), then the weekly ones one at a time: each reads every
    // district in scope, and nine at once would only delay the first.
    const weekly = async () => {
      const result: { end: number; figures: Figures }[] = [];
      for (let i = 0; i < WEEKS; i++) {
        const end = to - (WEEKS - 1 - i) * 7 * DAY;
        const r = await fetchPeriod(end - 7 * DAY, end);
        result.push({ end, figures: r.province ?? sum(r.districts) });
      }
      return result;
    };
    fetchPeriod(to - days * DAY, to)
      .then((r) => {
        setReport(r);
        return weekly().then(setWeeks);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [days]);

  if (error)
    return (
      <p class="error banner" role="alert">
        {error}
      </p>
    );
  const rows = report ? [...report.districts].sort((a, b) => b.total - a.total) : [];
  const whole = report ? (report.province ?? sum(report.districts)) : undefined;
  const stations = new Map<string, number>();
  for (const d of rows)
    for (const [s, n] of Object.entries(d.breaches.byStation))
      stations.set(`${en.district(d.district)} / ${s}`, n);
  const csv = () =>
    download(
      `rabta-monitoring-${days}d.csv`,
      toCsv([
        [
          'district',
          'region',
          'filed',
          'open',
          'overdue',
          'breaches',
          'compliance_pct',
          'median_hours_first_action',
          'median_hours_resolution',
        ],
        ...rows.map((d) => [
          d.district,
          d.region ?? '',
          d.total,
          d.open,
          d.overdue,
          d.breaches.total,
          compliance(d),
          hours(d.medianMinutesToFirstAction),
          hours(d.medianMinutesToResolution),
        ]),
      ]),
    );
  return (
    <section>
      <h1>Monitoring</h1>
      <div class="row">
        <label for="m-days">Period</label>
        <select
          id="m-days"
          class="inline"
          value={String(days)}
          onChange={(e) => setDays(Number(e.currentTarget.value))}
        >
          <option value="7">last 7 days</option>
          <option value="30">last 30 days</option>
          <option value="90">last 90 days</option>
          <option value="365">last 365 days</option>
        </select>
        <button type="button" class="secondary" onClick={csv} disabled={!report}>
          Export CSV
        </button>
      </div>
      {whole && (
        <dl class="facts card" aria-label="Totals">
          <div>
            <dt>Filed</dt>
            <dd data-testid="total-filed">{whole.total}</dd>
          </div>
          <div>
            <dt>Open</dt>
            <dd>{whole.open}</dd>
          </div>
          <div>
            <dt>Overdue</dt>
            <dd>{whole.overdue}</dd>
          </div>
          <div>
            <dt>SLA breaches</dt>
            <dd>{whole.breaches.total}</dd>
          </div>
          <div>
            <dt>SLA compliance</dt>
            <dd>{compliance(whole)} %</dd>
          </div>
          <div>
            <dt>Median to first action / resolution</dt>
            <dd>
              {hours(whole.medianMinutesToFirstAction)} h / {hours(whole.medianMinutesToResolution)} h
            </dd>
          </div>
        </dl>
      )}
      <div class="charts">
        {report ? (
          <Chart title="Per district" build={districtBars(report)} />
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
        {weeks ? (
          <Chart title={`Over the last ${WEEKS} weeks`} build={overTime(weeks)} />
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
      </div>
      {report && (
        <>
          <h2>Districts</h2>
          <div class="card table-scroll">
            <table>
              <caption class="visually-hidden">Figures per district</caption>
              <thead>
                <tr>
                  <th scope="col">District</th>
                  <th scope="col">Filed</th>
                  <th scope="col">Open</th>
                  <th scope="col">Overdue</th>
                  <th scope="col">Breaches</th>
                  <th scope="col">Compliance %</th>
                  <th scope="col">Median h to first action</th>
                  <th scope="col">Median h to resolution</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.district}>
                    <td>{en.district(d.district)}</td>
                    <td>{d.total}</td>
                    <td>{d.open}</td>
                    <td>{d.overdue}</td>
                    <td>{d.breaches.total}</td>
                    <td>{compliance(d)}</td>
                    <td>{hours(d.medianMinutesToFirstAction)}</td>
                    <td>{hours(d.medianMinutesToResolution)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Breaches per station</h2>
          <div class="card table-scroll">
            <table>
              <caption class="visually-hidden">SLA breaches per station</caption>
              <thead>
                <tr>
                  <th scope="col">District / station</th>
                  <th scope="col">Breaches</th>
                </tr>
              </thead>
              <tbody>
                {[...stations]
                  .sort((a, b) => b[1] - a[1])
                  .map(([s, n]) => (
                    <tr key={s}>
                      <td>{s}</td>
                      <td>{n}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
            {stations.size === 0 && <p>No breaches in this period.</p>}
          </div>
          <p class="hint">{report.itemsRead} items read for this report.</p>
          <OfficerFigures days={days} />
          {['CPO', 'ADMIN'].includes(role(session)) && <ServiceFeedback />}
        </>
      )}
    </section>
  );
};
