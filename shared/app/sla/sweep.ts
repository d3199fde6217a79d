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
import type { Clock, ComplaintRepository } from '../ports.ts';
import type { FollowUpRepository, SlaDueSource } from '../officer/ports.ts';

export interface SweepDeps {
  due: SlaDueSource;
  complaints: Pick<ComplaintRepository, 'get' | 'update'>;
  followUps: Pick<FollowUpRepository, 'creationWrite'>;
  clock: Clock;
  log?: { warn(message: string, extra?: Record<string, unknown>): void };
  /** Complaints processed at the same time (each is a few small writes). */
  concurrency?: number;
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
}

type Outcome = 'warned' | 'escalated' | 'nothingToDo' | 'lostRace' | 'failed';

const isRace = (error: unknown): boolean =>
  error instanceof PreconditionFailedError || error instanceof ConflictError;

/** One complaint: evaluate and write; on a lost race re-read (consistently) and evaluate once more. */
const sweepOne = async (deps: SweepDeps, indexed: Complaint, now: Date): Promise<Outcome> => {
  let complaint: Complaint | undefined = indexed;
  let lostRace = false;
  for (let attempt = 0; attempt < 2 && complaint; attempt++) {
    const check = applySlaCheck(complaint, now);
    if (!check) return lostRace ? 'lostRace' : 'nothingToDo';
    const extraWrites =
      check.outcome === 'breach'
        ? [
            deps.followUps.creationWrite(
              openFollowUp({
                complaint: check.breachedComplaint,
                breach: check.breach,
                breachNumber: check.breachNumber,
                now,
              }),
            ),
          ]
        : [];
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

const runPool = async <T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
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
  };
  for await (const page of deps.due.due(now)) {
    report.itemsRead += page.scanned;
    report.consumedCapacity += page.consumedCapacity;
    report.failed += page.malformed;
    await runPool(page.complaints, deps.concurrency ?? 8, async (complaint) => {
      let outcome: Outcome;
      try {
        outcome = await sweepOne(deps, complaint, now);
      } catch (error) {
        // One bad complaint must not stop the sweep; the next run tries it again.
        deps.log?.warn('SLA sweep could not process a complaint', {
          etag: complaint.etag,
          error: String(error),
        });
        outcome = 'failed';
      }
      if (outcome === 'warned') report.warned++;
      if (outcome === 'escalated') {
        report.escalated++;
        report.followUpsOpened++;
      }
      if (outcome === 'nothingToDo') report.nothingToDo++;
      if (outcome === 'lostRace') report.lostRaces++;
      if (outcome === 'failed') report.failed++;
    });
  }
  return report;
};
