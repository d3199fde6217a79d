/**
 * Monitoring for DPO / RPO / CPO: per district (bars) and over time (weekly reports, lines) — filed, open,
 * overdue, SLA breaches, compliance — drawn with uPlot, plus the tables behind them and CSV export.
 */
import 'uplot/dist/uPlot.min.css';
import uPlot from 'uplot';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { districtLabel } from '../../shared/chat/labels.ts';
import type { Language } from '../lib/texts.ts';
import {
  ErrorBanner,
  Fact,
  ScrollTable,
  SelectField,
  describeError,
  officerApi,
  role,
  useLang,
  useSession,
} from './common.tsx';
import { OfficerFigures, ServiceFeedback } from './monitoring-details.tsx';
import { C, fill } from './strings.ts';

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
const PERIODS = [7, 30, 90, 365];

/** Share of the period's complaints that never breached an SLA, in percent (100 when nothing was filed). */
export const compliance = (f: Figures): number =>
  f.total === 0 ? 100 : Math.round(1000 * (1 - Math.min(f.breaches.total, f.total) / f.total)) / 10;

const hours = (minutes: number | null): string => (minutes === null ? '—' : (minutes / 60).toFixed(1));

/**
 * The totals of several districts. Medians do not add up: one district's are its own, several districts'
 * are shown as "—" (the province's come from the API).
 */
const sum = (rows: readonly Figures[]): Figures =>
  rows.length === 1 && rows[0]
    ? rows[0]
    : rows.reduce<Figures>(
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

/** Canvas text does not fall back through CSS: name the Urdu font the site serves. */
const chartFont = (lang: Language, weight = 400): string =>
  `${weight} ${lang === 'ur' ? '13px "Noto Naskh Arabic",' : '12px'} system-ui, sans-serif`;

type ChartBuild = (width: number) => { opts: uPlot.Options; data: uPlot.AlignedData };

/**
 * One uPlot chart as wide as its card (redrawn when the card's width changes: a phone turned, a window
 * resized). Charts stay left to right in Urdu too: axes read left to right in both languages.
 */
const Chart = ({ id, title, build }: { id: string; title: string; build: ChartBuild }) => {
  const lang = useLang();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let plot: uPlot | undefined;
    let cancelled = false;
    const width = () => Math.max(240, el.clientWidth);
    const resize = new ResizeObserver(() => plot?.setSize({ width: width(), height: plot.height }));
    // Urdu labels need the Naskh font loaded before the canvas draws them.
    void (lang === 'ur' ? document.fonts.load(chartFont('ur'), 'اردو') : Promise.resolve()).then(() => {
      if (cancelled) return;
      const { opts, data } = build(width());
      plot = new uPlot(opts, data, el);
      resize.observe(el);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      plot?.destroy();
    };
  }, [build, lang]);
  return (
    <figure class="card chart" dir="ltr">
      <figcaption dir="auto">
        <strong>{title}</strong>
      </figcaption>
      <div ref={box} role="img" aria-label={title} data-chart={id} />
    </figure>
  );
};

/** An x axis of categories (district names, week labels) at 0, 1, 2, … */
const categoryAxis = (names: readonly string[], lang: Language, rotate: boolean): uPlot.Axis =>
  ({
    values: (_u: uPlot, ticks: number[]) => ticks.map((t) => (Number.isInteger(t) ? (names[t] ?? '') : '')),
    incrs: [1],
    font: chartFont(lang),
    ...(rotate ? { rotate: -45, size: lang === 'ur' ? 96 : 84 } : { size: 40 }),
  }) as uPlot.Axis;

const valueAxis = (label: string, lang: Language, extra: Partial<uPlot.Axis> = {}): uPlot.Axis => ({
  label,
  font: chartFont(lang),
  labelFont: chartFont(lang, 700),
  labelSize: lang === 'ur' ? 34 : 24,
  ...extra,
});

const districtBars =
  (report: Report, lang: Language): ChartBuild =>
  (width) => {
    // About 28 px a district: a phone shows the busiest ten, a desktop twenty.
    const count = Math.max(5, Math.min(20, Math.floor(width / 28)));
    const rows = [...report.districts].sort((a, b) => b.total - a.total).slice(0, count);
    const names = rows.map((r) => districtLabel(r.district, lang));
    const series = [
      { label: C.filed[lang], key: (r: Figures) => r.total },
      { label: C.open[lang], key: (r: Figures) => r.open },
      { label: C.overdue[lang], key: (r: Figures) => r.overdue },
      { label: C.slaBreaches[lang], key: (r: Figures) => r.breaches.total },
    ];
    const opts: uPlot.Options = {
      width,
      height: 320,
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] } },
      axes: [categoryAxis(names, lang, true), valueAxis(C.complaints[lang], lang)],
      // Nested bars, widest first: filed ⊇ open ⊇ overdue, breaches innermost.
      series: [
        { label: C.district[lang], value: (_u, i) => names[i] ?? '' },
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

const overTime =
  (weeks: { end: number; figures: Figures }[], lang: Language): ChartBuild =>
  (width) => {
    const day = new Intl.DateTimeFormat(lang === 'ur' ? 'ur-PK' : 'en-GB', {
      timeZone: 'Asia/Karachi',
      day: 'numeric',
      month: 'short',
      numberingSystem: 'latn',
    });
    const names = weeks.map((w) => day.format(new Date(w.end)));
    // A phone labels every other week, so the dates do not run into each other.
    const shown = width < 480 ? names.map((n, i) => (i % 2 === names.length % 2 ? '' : n)) : names;
    const opts: uPlot.Options = {
      width,
      height: 300,
      scales: { x: { time: false, range: [-0.3, weeks.length - 0.7] }, pct: { range: [0, 100] } },
      axes: [
        categoryAxis(shown, lang, false),
        valueAxis(C.complaints[lang], lang),
        valueAxis(C.compliancePct[lang], lang, { side: 1, scale: 'pct', grid: { show: false } }),
      ],
      series: [
        { label: C.weekTo[lang], value: (_u, i) => names[i] ?? '' },
        { label: C.filed[lang], stroke: COLORS[0], width: 2 },
        { label: C.open[lang], stroke: COLORS[1], width: 2 },
        { label: C.overdue[lang], stroke: COLORS[2], width: 2 },
        { label: C.slaBreaches[lang], stroke: COLORS[3], width: 2 },
        { label: C.compliancePct[lang], stroke: COLORS[4], width: 2, scale: 'pct', dash: [6, 4] },
      ],
    };
    const data: uPlot.AlignedData = [
      weeks.map((_, i) => i),
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
  const lang = useLang();
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
      .catch((e: unknown) => setError(describeError(e)));
  }, [days]);

  const bars = useMemo(() => report && districtBars(report, lang), [report, lang]);
  const lines = useMemo(() => weeks && overTime(weeks, lang), [weeks, lang]);

  if (error) return <ErrorBanner text={error} />;
  const rows = report ? [...report.districts].sort((a, b) => b.total - a.total) : [];
  const whole = report ? (report.province ?? sum(report.districts)) : undefined;
  const stations = new Map<string, number>();
  for (const d of rows)
    for (const [s, n] of Object.entries(d.breaches.byStation))
      stations.set(`${districtLabel(d.district, lang)} / ${s}`, n);
  // The CSV is for spreadsheets and other systems: codes and English headers whatever the page's language.
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
  const loading = <p aria-busy="true">{C.loading[lang]}</p>;
  return (
    <section>
      <h1>{C.monitoringTitle[lang]}</h1>
      <div class="row">
        <SelectField
          id="m-days"
          label={C.period[lang]}
          inline
          value={String(days)}
          onChange={(value) => setDays(Number(value))}
          options={PERIODS.map((n) => [String(n), fill(C.lastDays, lang, { n })])}
        />
        <button type="button" class="secondary" onClick={csv} disabled={!report} data-action="csv">
          {C.exportCsv[lang]}
        </button>
      </div>
      {whole && (
        <dl class="facts card" aria-label={C.totals[lang]}>
          <Fact term={C.filed[lang]} testId="total-filed">
            {whole.total}
          </Fact>
          <Fact term={C.open[lang]}>{whole.open}</Fact>
          <Fact term={C.overdue[lang]}>{whole.overdue}</Fact>
          <Fact term={C.slaBreaches[lang]}>{whole.breaches.total}</Fact>
          <Fact term={C.slaCompliance[lang]}>
            <bdi dir="ltr">{compliance(whole)} %</bdi>
          </Fact>
          <Fact term={C.medians[lang]}>
            <bdi dir="ltr">
              {hours(whole.medianMinutesToFirstAction)} h / {hours(whole.medianMinutesToResolution)} h
            </bdi>
          </Fact>
        </dl>
      )}
      <div class="charts">
        {bars ? <Chart id="districts" title={C.perDistrict[lang]} build={bars} /> : loading}
        {lines ? <Chart id="weeks" title={fill(C.overWeeks, lang, { n: WEEKS })} build={lines} /> : loading}
      </div>
      {report && (
        <>
          <h2>{C.districts[lang]}</h2>
          <ScrollTable
            caption={C.districtsCaption[lang]}
            columns={[
              C.district[lang],
              C.filed[lang],
              C.open[lang],
              C.overdue[lang],
              C.slaBreaches[lang],
              C.compliancePct[lang],
              C.medianFirst[lang],
              C.medianResolution[lang],
            ]}
          >
            {rows.map((d) => (
              <tr key={d.district}>
                <td>{districtLabel(d.district, lang)}</td>
                <td>{d.total}</td>
                <td>{d.open}</td>
                <td>{d.overdue}</td>
                <td>{d.breaches.total}</td>
                <td>{compliance(d)}</td>
                <td>{hours(d.medianMinutesToFirstAction)}</td>
                <td>{hours(d.medianMinutesToResolution)}</td>
              </tr>
            ))}
          </ScrollTable>
          <h2>{C.perStation[lang]}</h2>
          <ScrollTable
            caption={C.perStationCaption[lang]}
            empty={stations.size === 0 && C.noBreaches[lang]}
            columns={[C.districtStation[lang], C.slaBreaches[lang]]}
          >
            {[...stations]
              .sort((a, b) => b[1] - a[1])
              .map(([s, n]) => (
                <tr key={s}>
                  <td>{s}</td>
                  <td>{n}</td>
                </tr>
              ))}
          </ScrollTable>
          <p class="hint">{fill(C.itemsRead, lang, { n: report.itemsRead })}</p>
          <OfficerFigures days={days} />
          {['CPO', 'ADMIN'].includes(role(session)) && <ServiceFeedback />}
        </>
      )}
    </section>
  );
};
