/**
 * GET /officer/monitoring: per district and per region (and the province for the CPO), over complaints
 * filed in a period: counts by status, open, overdue, median minutes to first action and to resolution,
 * and SLA breaches (follow-ups opened in the period) per district, station and officer.
 *
 * Cost model (docs/monitoring-counters.md): reads only the maintained counter items, one per district
 * and day in scope (≤ 41 × 31 for the CPO's 30 days), never the complaints: flat in complaint volume.
 * The period is widened to whole days (Pakistan time); medians come from time buckets.
 */
import { ValidationError } from '../../domain/errors.ts';
import {
  addCounts,
  bucketMedian,
  daysCovering,
  emptyTally,
  mergeTally,
  type CounterView,
  type Tally,
} from '../../domain/monitoring-counters.ts';
import { regionOfDistrict, type Officer } from '../../domain/officer.ts';
import { STATUSES, type Status } from '../../domain/vocabulary.ts';
import type { CounterStore } from '../counters.ts';
import { districtsInScope } from './scope.ts';

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

export interface Figures {
  total: number;
  byStatus: Record<Status, number>;
  open: number;
  /** Open and breached at least once (the sweep breaches a complaint within one run of its due time). */
  overdue: number;
  /** Minutes from filing to the first action: upper bound of the median's time bucket; null when none. */
  medianMinutesToFirstAction: number | null;
  /** Minutes from filing to resolution (resolved/closed), same estimate; null when none. */
  medianMinutesToResolution: number | null;
  /** Complaints per time bucket (`le60` = within 60 minutes, `gt43200` = over 30 days). */
  firstActionBuckets: Record<string, number>;
  resolutionBuckets: Record<string, number>;
  breaches: {
    total: number;
    byStation: Record<string, number>;
    byOfficer: Record<string, number>;
  };
}

export interface MonitoringReport {
  period: { from: string; to: string };
  /** Counter days (Pakistan time) the figures cover: the period widened to whole days. */
  days: { from: string; to: string };
  generatedAt: string;
  districts: ({ district: string; region?: string } & Figures)[];
  regions: ({ region: string } & Figures)[];
  /** The whole province: CPO and ADMIN only. */
  province?: Figures;
  /** Counter items read to build this report: the query's cost. */
  itemsRead: number;
}

const figures = (t: Tally): Figures => ({
  total: t.total,
  byStatus: Object.fromEntries(STATUSES.map((s) => [s, t.byStatus[s] ?? 0])) as Record<Status, number>,
  open: t.open,
  overdue: t.overdue,
  medianMinutesToFirstAction: bucketMedian(t.firstAction),
  medianMinutesToResolution: bucketMedian(t.resolution),
  firstActionBuckets: t.firstAction,
  resolutionBuckets: t.resolution,
  breaches: { total: t.breaches, byStation: t.byStation, byOfficer: t.byOfficer },
});

/** The part of each district's counters an officer's scope covers (mirrors canSeeComplaint / canSeeFollowUp). */
const viewOf = (officer: Officer): CounterView => {
  if (officer.role === 'SHO') return { kind: 'station', station: officer.station ?? '' };
  if (officer.role === 'SDPO' && officer.circle) return { kind: 'circle', circle: officer.circle };
  if (officer.role === 'SDPO') return { kind: 'circle', circle: '' };
  return { kind: 'district' };
};

export const period = (now: Date, from?: string, to?: string): { from: string; to: string } => {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || start >= end) {
    throw new ValidationError('Invalid period', [{ path: 'from', message: 'from must be before to' }]);
  }
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw new ValidationError('Period too long', [
      { path: 'from', message: `at most ${MAX_PERIOD_DAYS} days` },
    ]);
  }
  return { from: start.toISOString(), to: end.toISOString() };
};

export const monitoring = async (
  deps: { counters: Pick<CounterStore, 'read'>; clock: { now(): Date } },
  input: { officer: Officer; district?: string; region?: string; from?: string; to?: string },
): Promise<MonitoringReport> => {
  const now = deps.clock.now();
  const range = period(now, input.from, input.to);
  const days = daysCovering(range.from, range.to);
  const fromDay = days[0] as string;
  const toDay = days[days.length - 1] as string;
  let districts = districtsInScope(input.officer, input.district);
  const region = input.region?.trim().toLowerCase();
  if (region) districts = districts.filter((d) => regionOfDistrict(d) === region);
  const view = viewOf(input.officer);
  let itemsRead = 0;
  const perDistrict = await Promise.all(
    districts.map(async (district) => {
      const tally = emptyTally();
      for (const item of await deps.counters.read(district, fromDay, toDay)) {
        itemsRead++;
        addCounts(tally, item.counts, view);
      }
      return { district, tally };
    }),
  );
  const regions = new Map<string, Tally>();
  const province = emptyTally();
  for (const { district, tally } of perDistrict) {
    const region = regionOfDistrict(district) ?? 'unknown';
    const regional = regions.get(region) ?? emptyTally();
    mergeTally(regional, tally);
    regions.set(region, regional);
    mergeTally(province, tally);
  }
  const seesProvince = input.officer.role === 'CPO' || input.officer.role === 'ADMIN';
  return {
    period: range,
    days: { from: fromDay, to: toDay },
    generatedAt: now.toISOString(),
    districts: perDistrict.map(({ district, tally }) => {
      const region = regionOfDistrict(district);
      return { district, ...(region ? { region } : {}), ...figures(tally) };
    }),
    regions: [...regions.entries()].map(([region, tally]) => ({ region, ...figures(tally) })),
    ...(seesProvince && !input.district && !input.region ? { province: figures(province) } : {}),
    itemsRead,
  };
};

const CSV_COLUMNS = [
  'scope',
  'name',
  'total',
  'open',
  'overdue',
  ...STATUSES,
  'medianMinutesToFirstAction',
  'medianMinutesToResolution',
  'breaches',
] as const;

/** A cell as RFC 4180 wants it; a leading =, +, - or @ is defused so spreadsheets never run it as a formula. */
const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as CSV (the export officers open in a spreadsheet): same figures, one row per area. */
export const monitoringCsv = (report: MonitoringReport): string => {
  const row = (scope: string, name: string, f: Figures): string =>
    [
      scope,
      name,
      f.total,
      f.open,
      f.overdue,
      ...STATUSES.map((s) => f.byStatus[s]),
      f.medianMinutesToFirstAction,
      f.medianMinutesToResolution,
      f.breaches.total,
    ]
      .map(csvCell)
      .join(',');
  return [
    CSV_COLUMNS.join(','),
    ...report.districts.map((d) => row('district', d.district, d)),
    ...report.regions.map((r) => row('region', r.region, r)),
    ...(report.province ? [row('province', 'punjab', report.province)] : []),
  ].join('\r\n');
};
