/**
 * The SLA sweep (issue 5): reads the complaints due now from the sparse due index and, for each, warns
 * the holder once or escalates one level up. Every change is one conditional transaction on the
 * complaint's version: the complaint, its timeline entry (ComplaintSlaWarning / ComplaintSlaBreached)
 * and, for a breach, the disciplinary follow-up (create-only, deterministic id). Overlapping sweeps
 * therefore escalate and open each follow-up exactly once: the loser's transaction is cancelled whole.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { ConflictError, PreconditionFailedError } from '../../domain/errors.ts';
import { openFollowUp } from '../../domain/follow-up.ts';
import { applySlaCheck } from '../../domain/lifecycle.ts';
import { accountableAt, escalationTier, officerSummary, whereOf } from '../force/accountability.ts';
import type { ForceReader } from '../force/ports.ts';
import type { Clock, ComplaintRepository } from '../ports.ts';
import type { FollowUpRepository, SlaDuePage, SlaDueSource, SweepLeases } from '../officer/ports.ts';

export interface SweepDeps {
  due: SlaDueSource;
  complaints: Pick<ComplaintRepository, 'get' | 'update'>;
  followUps: Pick<FollowUpRepository, 'creationWrite'>;
  /** The force directory: the chain a breach climbs, the post and officer a follow-up names. */
  force: ForceReader;
  clock: Clock;
  log?: { warn(message: string, extra?: Record<string, unknown>): void };
  /** Complaints processed at the same time (each is a few small writes). */
  concurrency?: number;
  /**
   * Time left for this run (ms; the Lambda context's remaining time less a reserve). The sweep starts no
   * page and no complaint once it is spent: the due index still holds the rest, and the next run takes it.
   */
  remainingMs?: () => number;
  /** Shard leases: overlapping sweeps split the shards instead of racing on the same complaints. */
  leases?: { leases: SweepLeases; owner: string; leaseMs: number };
}

export interface SweepReport {
  now: string;
  /** Items the index queries read: grows with the number of complaints due, not the table. */
  itemsRead: number;
  consumedCapacity: number;
  warned: number;
  escalated: number;
  followUpsOpened: number;
  /** Due in the index but nothing to do once evaluated (e.g. a stale index entry). */
  nothingToDo: number;
  /** Someone else (an officer, another sweep) changed the complaint first; re-evaluated once. */
  lostRaces: number;
  failed: number;
  /** Stopped for lack of time; what is left stays due in the index for the next run. */
  handedOver: boolean;
  /** Shards another running sweep held (with leases). */
  shardsSkipped: number;
}

type Outcome = 'warned' | 'escalated' | 'nothingToDo' | 'lostRace' | 'failed';

const isRace = (error: unknown): boolean =>
  error instanceof PreconditionFailedError || error instanceof ConflictError;

/** One complaint: evaluate and write; on a lost race re-read (consistently) and evaluate once more. */
const sweepOne = async (deps: SweepDeps, indexed: Complaint, now: Date): Promise<Outcome> => {
  let complaint: Complaint | undefined = indexed;
  let lostRace = false;
  for (let attempt = 0; attempt < 2 && complaint; attempt++) {
    const where = whereOf(complaint);
    const escalateTo = complaint.sla
      ? await escalationTier(deps.force, where, complaint.sla.level)
      : undefined;
    const check = applySlaCheck(complaint, now, escalateTo);
    if (!check) return lostRace ? 'lostRace' : 'nothingToDo';
    const extraWrites = [];
    if (check.outcome === 'breach') {
      // The officer posted there when the deadline passed, from the history: a later transfer changes nothing.
      const accountable = await accountableAt(deps.force, where, check.breach.level, check.breach.dueAt);
      extraWrites.push(
        deps.followUps.creationWrite(
          openFollowUp({
            complaint: check.breachedComplaint,
            breach: check.breach,
            breachNumber: check.breachNumber,
            now,
            accountable: {
              ...(accountable.post ? { postId: accountable.post.id } : {}),
              label: accountable.label,
              ...(accountable.holder ? { officer: officerSummary(accountable.holder) } : {}),
            },
          }),
        ),
      );
    }
    try {
      await deps.complaints.update(check.complaint, complaint.version, check.timeline, { extraWrites });
      return check.outcome === 'breach' ? 'escalated' : 'warned';
    } catch (error) {
      if (!isRace(error)) throw error;
      // The index is eventually consistent and officers act concurrently: the stored state decides.
      lostRace = true;
      complaint = await deps.complaints.get(complaint.etag);
    }
  }
  return 'lostRace';
};

/** Runs `work` over `items`, `concurrency` at a time, starting none once `proceed()` says no. */
const runPool = async <T>(
  items: readonly T[],
  concurrency: number,
  proceed: () => boolean,
  work: (item: T) => Promise<void>,
) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length && proceed()) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
};

export const runSlaSweep = async (deps: SweepDeps): Promise<SweepReport> => {
  const now = deps.clock.now();
  const report: SweepReport = {
    now: now.toISOString(),
    itemsRead: 0,
    consumedCapacity: 0,
    warned: 0,
    escalated: 0,
    followUpsOpened: 0,
    nothingToDo: 0,
    lostRaces: 0,
    failed: 0,
    handedOver: false,
    shardsSkipped: 0,
  };
  const inTime = (): boolean => {
    if (!deps.remainingMs || deps.remainingMs() > 0) return true;
    report.handedOver = true;
    return false;
  };
  const sweepPages = async (pages: AsyncIterable<SlaDuePage>): Promise<void> => {
    for await (const page of pages) {
      report.itemsRead += page.scanned;
      report.consumedCapacity += page.consumedCapacity;
      report.failed += page.malformed;
      await runPool(page.complaints, deps.concurrency ?? 8, inTime, async (complaint) => {
        record(report, await sweepSafely(deps, complaint, now));
      });
      if (!inTime()) return;
    }
  };
  if (!deps.leases) {
    await sweepPages(deps.due.due(now));
    return report;
  }
  const { leases, owner, leaseMs } = deps.leases;
  for (let shard = 0; shard < deps.due.shards && inTime(); shard++) {
    if (!(await leases.claim(shard, owner, now, new Date(now.getTime() + leaseMs)))) {
      report.shardsSkipped++;
      continue;
    }
    try {
      await sweepPages(deps.due.due(now, { shards: [shard] }));
    } finally {
      await leases.release(shard, owner);
    }
  }
  return report;
};

/** One complaint; a failure is logged and counted, never stops the sweep (the next run tries again). */
const sweepSafely = async (deps: SweepDeps, complaint: Complaint, now: Date): Promise<Outcome> => {
  try {
    return await sweepOne(deps, complaint, now);
  } catch (error) {
    deps.log?.warn('SLA sweep could not process a complaint', { etag: complaint.etag, error: String(error) });
    return 'failed';
  }
};

const record = (report: SweepReport, outcome: Outcome): void => {
  if (outcome === 'warned') report.warned++;
  if (outcome === 'escalated') {
    report.escalated++;
    report.followUpsOpened++;
  }
  if (outcome === 'nothingToDo') report.nothingToDo++;
  if (outcome === 'lostRace') report.lostRaces++;
  if (outcome === 'failed') report.failed++;
};
