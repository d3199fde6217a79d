/**
 * GET /officer/monitoring: per district and per region (and the province for the CPO), over complaints
 * filed in a period: counts by status, open, overdue, median minutes to first action and to resolution,
 * and SLA breaches per district, station and officer.
 *
 * Cost model (docs/officer-api.md): one index query per district in scope over the period's range of the
 * byDistrict index, plus one over the district's follow-ups. Reads grow with the complaints filed in
 * the period inside the officer's scope, never with the whole table; the period is capped.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { ValidationError } from '../../domain/errors.ts';
import { canSeeFollowUp } from '../../domain/follow-up.ts';
import { canSeeComplaint, regionOfDistrict, type Officer } from '../../domain/officer.ts';
import { slaSchema } from '../../domain/sla.ts';
import { OPEN_STATUSES, STATUSES, type Status } from '../../domain/vocabulary.ts';
import type { ComplaintQueries, FollowUpRepository } from './ports.ts';
import { districtsInScope, isOverdue } from './scope.ts';

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface Figures {
  total: number;
  byStatus: Record<Status, number>;
  open: number;
  overdue: number;
  /** Minutes from filing to the first action, median over complaints that had one; null when none. */
  medianMinutesToFirstAction: number | null;
  /** Minutes from filing to resolution (clock stopped), median over resolved/closed; null when none. */
  medianMinutesToResolution: number | null;
  breaches: {
    total: number;
    byStation: Record<string, number>;
    byOfficer: Record<string, number>;
  };
}

export interface MonitoringReport {
  period: { from: string; to: string };
  generatedAt: string;
  districts: ({ district: string; region?: string } & Figures)[];
  regions: ({ region: string } & Figures)[];
  /** The whole province: CPO and ADMIN only. */
  province?: Figures;
  /** Items read to build this report (complaints + follow-ups): the query's cost. */
  itemsRead: number;
}

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value);
};

/** Raw material of the figures, mergeable from districts into regions and the province. */
interface Tally {
  total: number;
  byStatus: Record<Status, number>;
  open: number;
  overdue: number;
  firstAction: number[];
  resolution: number[];
  breaches: number;
  /** Maps, not plain objects: a station or officer named `__proto__` or `constructor` must count like any other. */
  byStation: Map<string, number>;
  byOfficer: Map<string, number>;
}

const bump = (counts: Map<string, number>, key: string, by = 1): void => {
  counts.set(key, (counts.get(key) ?? 0) + by);
};

const emptyTally = (): Tally => ({
  total: 0,
  byStatus: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
  open: 0,
  overdue: 0,
  firstAction: [],
  resolution: [],
  breaches: 0,
  byStation: new Map(),
  byOfficer: new Map(),
});

const addInto = (target: Tally, source: Tally): void => {
  target.total += source.total;
  for (const s of STATUSES) target.byStatus[s] += source.byStatus[s];
  target.open += source.open;
  target.overdue += source.overdue;
  target.firstAction.push(...source.firstAction);
  target.resolution.push(...source.resolution);
  target.breaches += source.breaches;
  for (const [k, v] of source.byStation) bump(target.byStation, k, v);
  for (const [k, v] of source.byOfficer) bump(target.byOfficer, k, v);
};

const figures = (t: Tally): Figures => ({
  total: t.total,
  byStatus: t.byStatus,
  open: t.open,
  overdue: t.overdue,
  medianMinutesToFirstAction: median(t.firstAction),
  medianMinutesToResolution: median(t.resolution),
  // Object.fromEntries defines own properties, so even `__proto__` arrives as a plain key in the JSON.
  breaches: {
    total: t.breaches,
    byStation: Object.fromEntries(t.byStation),
    byOfficer: Object.fromEntries(t.byOfficer),
  },
});

const countComplaint = (tally: Tally, complaint: Complaint, now: Date): void => {
  tally.total++;
  tally.byStatus[complaint.status]++;
  if (OPEN_STATUSES.includes(complaint.status)) tally.open++;
  if (isOverdue(complaint, now)) tally.overdue++;
  const sla = slaSchema.safeParse(complaint.sla);
  if (!sla.success) return;
  const filed = new Date(complaint.createdAt).getTime();
  if (sla.data.firstActionAt)
    tally.firstAction.push((new Date(sla.data.firstActionAt).getTime() - filed) / MINUTE_MS);
  if (sla.data.stoppedAt && (complaint.status === 'resolved' || complaint.status === 'closed')) {
    tally.resolution.push((new Date(sla.data.stoppedAt).getTime() - filed) / MINUTE_MS);
  }
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
  deps: {
    queries: Pick<ComplaintQueries, 'filedBetween'>;
    followUps: Pick<FollowUpRepository, 'openedBetween'>;
    clock: { now(): Date };
  },
  input: { officer: Officer; district?: string; region?: string; from?: string; to?: string },
): Promise<MonitoringReport> => {
  const now = deps.clock.now();
  const range = period(now, input.from, input.to);
  let districts = districtsInScope(input.officer, input.district);
  const region = input.region?.trim().toLowerCase();
  if (region) districts = districts.filter((d) => regionOfDistrict(d) === region);
  let itemsRead = 0;
  const perDistrict = await Promise.all(
    districts.map(async (district) => {
      const tally = emptyTally();
      for await (const complaint of deps.queries.filedBetween(district, range.from, range.to)) {
        itemsRead++;
        if (canSeeComplaint(input.officer, complaint)) countComplaint(tally, complaint, now);
      }
      for await (const followUp of deps.followUps.openedBetween(district, range.from, range.to)) {
        itemsRead++;
        if (!canSeeFollowUp(input.officer, followUp)) continue;
        tally.breaches++;
        const station = followUp.station ?? '(none)';
        bump(tally.byStation, station);
        if (followUp.officerId) bump(tally.byOfficer, followUp.officerId);
      }
      return { district, tally };
    }),
  );
  const regions = new Map<string, Tally>();
  const province = emptyTally();
  for (const { district, tally } of perDistrict) {
    const region = regionOfDistrict(district) ?? 'unknown';
    const regional = regions.get(region) ?? emptyTally();
    addInto(regional, tally);
    regions.set(region, regional);
    addInto(province, tally);
  }
  const seesProvince = input.officer.role === 'CPO' || input.officer.role === 'ADMIN';
  return {
    period: range,
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
