/**
 * Monitoring counters, pure: what one complaint or follow-up contributes to the per district × day
 * counter items, the difference between two contributions, time buckets, and the figures an officer
 * may see from a set of counter items. Decisions: docs/monitoring-counters.md.
 *
 * A counter item (district × day, Pakistan time) holds flat attributes `<dimension>|<figure>`:
 * - dimensions: `all`, `st:<station>` and `ci:<circle>` (as `unitNameKey` compares names), `cat:<category>`,
 *   `off:<officer id>`;
 * - complaint figures, over the complaints *filed* that day, by their current state: `filed`,
 *   `s:<status>`, `open`, `overdue` (open and breached at least once), `fa:<bucket>` (time to first
 *   action), `res:<bucket>` (time to resolution, resolved/closed only);
 * - follow-up figures, over the follow-ups *opened* that day: `breached`.
 * A complaint's contribution is a function of its state, so counters are a sum over items and the
 * consumer applies `contribution(new) − contribution(last applied)`: the result equals a full recount.
 */
import type { Complaint } from './complaint.ts';
import type { FollowUp } from './follow-up.ts';
import { slaSchema } from './sla.ts';
import { OPEN_STATUSES, type Status } from './vocabulary.ts';
import { unitNameKey } from './unit-name.ts';

export type Counts = Record<string, number>;

/** One counter item's share of a contribution or a delta. */
export interface CounterShare {
  district: string;
  /** `YYYY-MM-DD` in Pakistan time. */
  day: string;
  counts: Counts;
}

/** Pakistan Standard Time is UTC+5 all year (no daylight saving). */
const PKT_OFFSET_MS = 5 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The counter day (Pakistan time) of an ISO instant. */
export const counterDay = (iso: string): string =>
  new Date(Date.parse(iso) + PKT_OFFSET_MS).toISOString().slice(0, 10);

/** The instant a counter day starts (ISO, UTC). */
export const dayStart = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) - PKT_OFFSET_MS).toISOString();

/** Every counter day from the day of `from` to the day holding the last instant before `to`. */
export const daysCovering = (from: string, to: string): string[] => {
  const first = counterDay(from);
  const last = counterDay(new Date(Date.parse(to) - 1).toISOString());
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00.000Z`); ; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day > last) break;
    days.push(day);
  }
  return days;
};

/**
 * Upper bounds (minutes) of the time buckets: 15 min … 30 days; a last open bucket holds the rest.
 * They follow the SLA targets (1 h, 2 h, 4 h, 8 h, 24 h, 48 h, 72 h, 7 d, 15 d) so a bucket says
 * whether a target was met.
 */
export const TIME_BUCKETS_MINUTES = [
  15, 30, 60, 120, 240, 480, 1440, 2880, 4320, 10080, 21600, 43200,
] as const;
const OVER = `gt${TIME_BUCKETS_MINUTES[TIME_BUCKETS_MINUTES.length - 1]}`;
export const TIME_BUCKETS = [...TIME_BUCKETS_MINUTES.map((m) => `le${m}`), OVER] as const;

/** Bucket label of a duration in minutes (negative durations, from clock skew, count as 0). */
export const timeBucket = (minutes: number): string => {
  const value = Math.max(0, minutes);
  const bound = TIME_BUCKETS_MINUTES.find((b) => value <= b);
  return bound === undefined ? OVER : `le${bound}`;
};

/**
 * Median from a histogram: the upper bound of the bucket holding the middle value (the ⌈n/2⌉-th),
 * i.e. "half were done within this many minutes"; the open bucket reports its lower bound. null when empty.
 */
export const bucketMedian = (histogram: Readonly<Record<string, number>>): number | null => {
  const total = TIME_BUCKETS.reduce((sum, b) => sum + (histogram[b] ?? 0), 0);
  if (total <= 0) return null;
  const rank = Math.ceil(total / 2);
  let seen = 0;
  for (const [i, bucket] of TIME_BUCKETS.entries()) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) return TIME_BUCKETS_MINUTES[Math.min(i, TIME_BUCKETS_MINUTES.length - 1)] as number;
  }
  return null;
};

/** A station's counter key: its name as `unitNameKey` compares it ("Gulberg Police Station" counts as Gulberg). */
const key = (name: string | undefined): string | undefined => {
  const comparable = name === undefined ? '' : unitNameKey(name);
  return comparable ? comparable : undefined;
};

/** The dimensions a complaint is counted under. */
const complaintDimensions = (complaint: Complaint): string[] => {
  const station = key(complaint.assignment?.station ?? complaint.station);
  const circle = key(complaint.assignment?.circle);
  const officer = complaint.assignment?.officerId;
  return [
    'all',
    `cat:${complaint.category}`,
    ...(station ? [`st:${station}`] : []),
    ...(circle ? [`ci:${circle}`] : []),
    ...(officer ? [`off:${officer}`] : []),
  ];
};

/** Figures of one complaint in its current state (each 0 or 1). */
export const complaintFigures = (complaint: Complaint): string[] => {
  const open = OPEN_STATUSES.includes(complaint.status);
  const figures = ['filed', `s:${complaint.status}`];
  const sla = slaSchema.safeParse(complaint.sla);
  if (open) figures.push('open');
  if (!sla.success) return figures;
  if (open && sla.data.breaches.length > 0) figures.push('overdue');
  const filed = Date.parse(complaint.createdAt);
  if (sla.data.firstActionAt) {
    figures.push(`fa:${timeBucket((Date.parse(sla.data.firstActionAt) - filed) / MINUTE_MS)}`);
  }
  if (sla.data.stoppedAt && (complaint.status === 'resolved' || complaint.status === 'closed')) {
    figures.push(`res:${timeBucket((Date.parse(sla.data.stoppedAt) - filed) / MINUTE_MS)}`);
  }
  return figures;
};

const countsOf = (dimensions: readonly string[], figures: readonly string[]): Counts => {
  const counts: Counts = {};
  for (const d of dimensions) for (const f of figures) counts[`${d}|${f}`] = 1;
  return counts;
};

/** What a complaint adds to the counter item of its district and filing day. */
export const complaintContribution = (complaint: Complaint): CounterShare[] => [
  {
    district: complaint.district,
    day: counterDay(complaint.createdAt),
    counts: countsOf(complaintDimensions(complaint), complaintFigures(complaint)),
  },
];

/** What a follow-up (one SLA breach) adds to the counter item of its district and opening day. */
export const followUpContribution = (followUp: FollowUp): CounterShare[] => {
  const station = key(followUp.station);
  const dimensions = [
    'all',
    ...(station ? [`st:${station}`] : []),
    ...(followUp.officerId ? [`off:${followUp.officerId}`] : []),
  ];
  return [
    {
      district: followUp.district,
      day: counterDay(followUp.openedAt),
      counts: countsOf(dimensions, ['breached']),
    },
  ];
};

const shareKey = (s: Pick<CounterShare, 'district' | 'day'>): string => `${s.district}/${s.day}`;

/** Adds `sign × shares` into `into` (keyed by district/day), dropping counts that become 0. */
export const addShares = (
  into: Map<string, CounterShare>,
  shares: readonly CounterShare[],
  sign = 1,
): void => {
  for (const share of shares) {
    const k = shareKey(share);
    const target = into.get(k) ?? { district: share.district, day: share.day, counts: {} };
    for (const [name, n] of Object.entries(share.counts)) {
      const value = (target.counts[name] ?? 0) + sign * n;
      if (value === 0) delete target.counts[name];
      else target.counts[name] = value;
    }
    into.set(k, target);
  }
};

/** `next − previous`, per counter item; items whose counts do not change are left out. */
export const contributionDelta = (
  previous: readonly CounterShare[],
  next: readonly CounterShare[],
): CounterShare[] => {
  const delta = new Map<string, CounterShare>();
  addShares(delta, next);
  addShares(delta, previous, -1);
  return [...delta.values()].filter((s) => Object.keys(s.counts).length > 0);
};

// --- reading: the figures an officer may see ------------------------------------------------------

/** Which part of a district's counters an officer sees (from the officer's scope rules). */
export type CounterView =
  | { kind: 'district' }
  | { kind: 'station'; station: string }
  /** SDPO: the district minus complaints assigned to another circle; no follow-ups. */
  | { kind: 'circle'; circle: string };

/** Mergeable raw figures: counts by name, histograms by bucket, breaches by station and officer. */
export interface Tally {
  total: number;
  byStatus: Partial<Record<Status, number>>;
  open: number;
  overdue: number;
  firstAction: Record<string, number>;
  resolution: Record<string, number>;
  breaches: number;
  byStation: Record<string, number>;
  byOfficer: Record<string, number>;
}

export const emptyTally = (): Tally => ({
  total: 0,
  byStatus: {},
  open: 0,
  overdue: 0,
  firstAction: {},
  resolution: {},
  breaches: 0,
  // No prototype: a station or officer named `__proto__`, `constructor` or `toString` counts like any other.
  byStation: Object.create(null) as Record<string, number>,
  byOfficer: Object.create(null) as Record<string, number>,
});

const bump = (record: Record<string, number>, name: string, n: number): void => {
  const value = (record[name] ?? 0) + n;
  if (value === 0) delete record[name];
  else record[name] = value;
};

/** Adds one complaint figure (`filed`, `s:x`, `open`, `overdue`, `fa:b`, `res:b`) into a tally. */
const addFigure = (tally: Tally, figure: string, n: number): void => {
  if (figure === 'filed') tally.total += n;
  else if (figure === 'open') tally.open += n;
  else if (figure === 'overdue') tally.overdue += n;
  else if (figure.startsWith('s:')) bump(tally.byStatus, figure.slice(2), n);
  else if (figure.startsWith('fa:')) bump(tally.firstAction, figure.slice(3), n);
  else if (figure.startsWith('res:')) bump(tally.resolution, figure.slice(4), n);
};

/** Adds one counter item's counts, as seen through `view`, into `tally`. */
export const addCounts = (tally: Tally, counts: Readonly<Counts>, view: CounterView): void => {
  const station = view.kind === 'station' ? `st:${key(view.station) ?? ''}` : undefined;
  const ownCircle = view.kind === 'circle' ? `ci:${key(view.circle) ?? ''}` : undefined;
  for (const [name, n] of Object.entries(counts)) {
    if (typeof n !== 'number' || n === 0) continue;
    const bar = name.indexOf('|');
    if (bar < 0) continue;
    const dimension = name.slice(0, bar);
    const figure = name.slice(bar + 1);
    if (figure === 'breached') {
      // Follow-ups are for district-level supervisors (DPO and above), as canSeeFollowUp decides.
      if (view.kind !== 'district') continue;
      if (dimension === 'all') tally.breaches += n;
      else if (dimension.startsWith('st:')) bump(tally.byStation, dimension.slice(3), n);
      else if (dimension.startsWith('off:')) bump(tally.byOfficer, dimension.slice(4), n);
      continue;
    }
    if (view.kind === 'district' && dimension === 'all') addFigure(tally, figure, n);
    else if (view.kind === 'station' && dimension === station) addFigure(tally, figure, n);
    else if (view.kind === 'circle') {
      if (dimension === 'all') addFigure(tally, figure, n);
      else if (dimension.startsWith('ci:') && dimension !== ownCircle) addFigure(tally, figure, -n);
    }
  }
};

export const mergeTally = (target: Tally, source: Tally): void => {
  target.total += source.total;
  target.open += source.open;
  target.overdue += source.overdue;
  target.breaches += source.breaches;
  for (const [k, v] of Object.entries(source.byStatus)) bump(target.byStatus, k, v ?? 0);
  for (const [k, v] of Object.entries(source.firstAction)) bump(target.firstAction, k, v);
  for (const [k, v] of Object.entries(source.resolution)) bump(target.resolution, k, v);
  for (const [k, v] of Object.entries(source.byStation)) bump(target.byStation, k, v);
  for (const [k, v] of Object.entries(source.byOfficer)) bump(target.byOfficer, k, v);
};
