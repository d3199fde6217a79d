/**
 * Maintained monitoring counters (docs/monitoring-counters.md): the stream consumer's use case and the
 * reconcile job.
 *
 * Apply: every complaint META and follow-up image in the table stream is a *source* with a version.
 * The store remembers, per source, the version and contribution last applied; a newer image adds
 * `contribution(new) − contribution(applied)` to the counter items and records the new version in
 * the same transaction, conditional on the remembered version. So a record applied twice counts
 * once, an older image arriving after a newer one changes nothing, and counters equal a recount.
 */
import type { Complaint } from '../domain/complaint.ts';
import type { FollowUp } from '../domain/follow-up.ts';
import {
  addShares,
  complaintContribution,
  contributionDelta,
  counterDay,
  dayStart,
  followUpContribution,
  type CounterShare,
  type Counts,
} from '../domain/monitoring-counters.ts';
import type { Log } from './ports.ts';
import type { StreamChange } from './publish-timeline.ts';

/** A countable item as last seen: its id (table key), version and what it contributes. */
export interface CounterSource {
  id: string;
  version: number;
  shares: CounterShare[];
}

export interface CounterUpdate {
  source: CounterSource;
  /** The version the store holds for the source now (undefined: never applied); the write is conditional on it. */
  previousVersion?: number;
  delta: CounterShare[];
}

export interface CounterItem {
  district: string;
  day: string;
  counts: Counts;
  /** Incremented by every write; a repair is conditional on it. */
  revision: number;
}

export interface CounterStore {
  /** The version and contribution last applied, per source id (absent: never applied). */
  applied(sourceIds: readonly string[]): Promise<Map<string, { version: number; shares: CounterShare[] }>>;
  /** Writes the updates (atomically per transaction); returns the source ids whose write was cancelled. */
  apply(updates: readonly CounterUpdate[]): Promise<Set<string>>;
  /** Counter items of one district for days in [fromDay, toDay]. */
  read(district: string, fromDay: string, toDay: string): Promise<CounterItem[]>;
  /**
   * Replaces one counter item with `counts` (conditional on `expectedRevision`) and records the
   * sources as applied at their versions; false when the item moved meanwhile.
   */
  replace(item: CounterItem, expectedRevision: number, sources: readonly CounterSource[]): Promise<boolean>;
}

/** How a stream image becomes a source; undefined for items that are not counted. */
export interface CountableParsers {
  complaint(image: Record<string, unknown>): Complaint;
  followUp(image: Record<string, unknown>): FollowUp;
}

export const complaintSource = (id: string, complaint: Complaint): CounterSource => ({
  id,
  version: complaint.version,
  shares: complaintContribution(complaint),
});

export const followUpSource = (id: string, followUp: FollowUp): CounterSource => ({
  id,
  version: followUp.version,
  shares: followUpContribution(followUp),
});

/** Source id of a table item: its key. */
export const sourceIdOf = (image: { pk?: unknown; sk?: unknown }): string =>
  `${String(image.pk)}|${String(image.sk)}`;

/** `entity` of the items the counters count (the stream filter of the counter consumer). */
export const COUNTED_ENTITIES = ['complaint', 'followUp'] as const;

const sourceOfImage = (
  image: Record<string, unknown>,
  parsers: CountableParsers,
): CounterSource | undefined => {
  if (image.entity === 'complaint') return complaintSource(sourceIdOf(image), parsers.complaint(image));
  if (image.entity === 'followUp') return followUpSource(sourceIdOf(image), parsers.followUp(image));
  return undefined;
};

export interface ApplyCountersDeps {
  store: CounterStore;
  parsers: CountableParsers;
  log?: Log;
}

export interface ApplyCountersOutcome {
  /** Sources whose counters changed or whose version moved on. */
  applied: number;
  /** Images already applied (redelivered) or older than the applied one. */
  skipped: number;
  failedSequenceNumbers: string[];
}

const ATTEMPTS = 4;

export const applyCounterChanges = async (
  deps: ApplyCountersDeps,
  changes: readonly StreamChange[],
): Promise<ApplyCountersOutcome> => {
  const failed: string[] = [];
  // Only the newest image of each source matters: the delta is taken against what was applied.
  const newest = new Map<string, { source: CounterSource; sequenceNumbers: string[] }>();
  for (const change of changes) {
    if (!change.newImage || change.eventName === 'REMOVE') continue;
    let source: CounterSource | undefined;
    try {
      source = sourceOfImage(change.newImage, deps.parsers);
    } catch (error) {
      deps.log?.error('Countable item does not parse', {
        sequenceNumber: change.sequenceNumber,
        error: (error as Error).message,
      });
      failed.push(change.sequenceNumber);
      continue;
    }
    if (!source) continue;
    const seen = newest.get(source.id);
    if (!seen) newest.set(source.id, { source, sequenceNumbers: [change.sequenceNumber] });
    else {
      seen.sequenceNumbers.push(change.sequenceNumber);
      if (source.version > seen.source.version) seen.source = source;
    }
  }
  let pending = [...newest.keys()];
  let applied = 0;
  let skipped = changes.length - pending.length;
  for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
    const current = await deps.store.applied(pending);
    const updates: CounterUpdate[] = [];
    for (const id of pending) {
      const { source } = newest.get(id) as { source: CounterSource };
      const before = current.get(id);
      if (before && before.version >= source.version) {
        skipped++;
        continue;
      }
      updates.push({
        source,
        ...(before ? { previousVersion: before.version } : {}),
        delta: contributionDelta(before?.shares ?? [], source.shares),
      });
    }
    const cancelled = await deps.store.apply(updates);
    applied += updates.length - cancelled.size;
    pending = [...cancelled];
  }
  for (const id of pending) {
    deps.log?.warn('Counter update kept losing races; the stream retries it', { source: id });
    failed.push(...(newest.get(id)?.sequenceNumbers ?? []));
  }
  return { applied, skipped, failedSequenceNumbers: failed };
};

// --- reconcile ------------------------------------------------------------------------------------

export interface ReconcileDeps {
  store: CounterStore;
  /** Complaints of a district filed in [from, to). */
  complaintsFiled(district: string, from: string, to: string): AsyncIterable<Complaint>;
  /** Follow-ups of a district opened in [from, to). */
  followUpsOpened(district: string, from: string, to: string): AsyncIterable<FollowUp>;
  /** Source id of a complaint / follow-up (its table key), as the stream consumer names it. */
  complaintSourceId(complaint: Complaint): string;
  followUpSourceId(followUp: FollowUp): string;
  log?: Log;
}

export interface ReconcileReport {
  district: string;
  day: string;
  /** Complaints and follow-ups recounted. */
  itemsRecounted: number;
  /** Stored minus recounted, per counter (only the ones that differ). */
  drift: Counts;
  repaired: boolean;
}

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/** Recomputes one district × day from the complaints and follow-ups; with `repair`, writes the recount. */
export const reconcileCounters = async (
  deps: ReconcileDeps,
  input: { district: string; day: string; repair?: boolean },
): Promise<ReconcileReport> => {
  const { district, day } = input;
  const from = dayStart(day);
  const to = dayStart(nextDay(day));
  const sources: CounterSource[] = [];
  for await (const complaint of deps.complaintsFiled(district, from, to)) {
    sources.push(complaintSource(deps.complaintSourceId(complaint), complaint));
  }
  for await (const followUp of deps.followUpsOpened(district, from, to)) {
    sources.push(followUpSource(deps.followUpSourceId(followUp), followUp));
  }
  const recount = new Map<string, CounterShare>();
  for (const source of sources) {
    addShares(
      recount,
      source.shares.filter((s) => s.district === district && s.day === day),
    );
  }
  const expected = recount.get(`${district}/${day}`)?.counts ?? {};
  const [stored] = await deps.store.read(district, day, day);
  const drift: Counts = {};
  for (const name of new Set([...Object.keys(expected), ...Object.keys(stored?.counts ?? {})])) {
    const difference = (stored?.counts[name] ?? 0) - (expected[name] ?? 0);
    if (difference !== 0) drift[name] = difference;
  }
  const drifted = Object.keys(drift).length > 0;
  let repaired = false;
  if (drifted && input.repair) {
    repaired = await deps.store.replace(
      { district, day, counts: expected, revision: (stored?.revision ?? 0) + 1 },
      stored?.revision ?? 0,
      sources,
    );
  }
  if (drifted) deps.log?.warn('Counter drift', { district, day, drift, repaired });
  return { district, day, itemsRecounted: sources.length, drift, repaired };
};

/** The counter day before the one holding `now` (the nightly reconcile's default). */
export const previousCounterDay = (now: Date): string =>
  counterDay(new Date(Date.parse(dayStart(counterDay(now.toISOString()))) - 1).toISOString());
