/**
 * GET /officer/monitoring/officers: breaches and median delay per officer over a period (issue 9), from the
 * disciplinary follow-ups, which name the officer posted at the breached post when the deadline passed.
 *
 * Cost: one index query per district in scope over the period's range of the follow-ups' byDistrict
 * partition (`FUDIST#<district>`), never a scan of complaints; reads stop at MAX_FOLLOW_UPS_READ
 * (`truncated: true`, narrow the period or the area). Who may see it: as for follow-ups (DPO district,
 * RPO region, CPO and ADMIN all); SHO and SDPO get 403. Definitions: docs/force.md.
 */
import { ForbiddenError } from '../../domain/errors.ts';
import { canSeeFollowUp, type FollowUp } from '../../domain/follow-up.ts';
import { regionOfDistrict, type Officer } from '../../domain/officer.ts';
import { period } from './monitoring.ts';
import type { OfficerBreachFigures, OfficerFiguresReport } from '../../schemas/officer-http.ts';
import type { FollowUpRepository } from './ports.ts';
import { districtsInScope } from './scope.ts';

export const MAX_FOLLOW_UPS_READ = 20_000;
const DISTRICTS_READ_AT_ONCE = 6;

/** The middle value (mean of the two middle ones), rounded to a minute; null for none. */
const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value);
};

interface Tally {
  figures: Omit<OfficerBreachFigures, 'medianDelayMinutes' | 'posts' | 'districts'>;
  posts: Set<string>;
  districts: Set<string>;
  delays: number[];
}

const tallyOf = (serviceNumber: string): Tally => ({
  figures: { serviceNumber, breaches: 0, byPhase: { first_action: 0, resolution: 0 }, openFollowUps: 0 },
  posts: new Set(),
  districts: new Set(),
  delays: [],
});

const count = (tally: Tally, followUp: FollowUp): void => {
  const f = tally.figures;
  if (followUp.officer) {
    f.name = followUp.officer.name;
    f.rank = followUp.officer.rank;
  }
  f.breaches++;
  f.byPhase[followUp.phase]++;
  if (followUp.state !== 'closed') f.openFollowUps++;
  tally.posts.add(followUp.post);
  tally.districts.add(followUp.district);
  if (followUp.delayMinutes !== undefined) tally.delays.push(followUp.delayMinutes);
};

export const officerFigures = async (
  deps: { followUps: Pick<FollowUpRepository, 'openedBetween'>; clock: { now(): Date } },
  input: { officer: Officer; district?: string; region?: string; from?: string; to?: string },
): Promise<OfficerFiguresReport> => {
  if (input.officer.role === 'SHO' || input.officer.role === 'SDPO') {
    throw new ForbiddenError('Per-officer figures are for the DPO, RPO and CPO');
  }
  const now = deps.clock.now();
  const range = period(now, input.from, input.to);
  let districts = districtsInScope(input.officer, input.district);
  const region = input.region?.trim().toLowerCase();
  if (region) districts = districts.filter((d) => regionOfDistrict(d) === region);

  const byOfficer = new Map<string, Tally>();
  const vacantPosts = new Set<string>();
  let vacant = 0;
  let unattributed = 0;
  let itemsRead = 0;
  let truncated = false;
  // A few districts at a time (a CPO's scope is every district: one after another was slow), each read
  // stopping at the shared cap, so the cap bounds the reads however wide the scope.
  const readDistrict = async (district: string): Promise<FollowUp[]> => {
    const read: FollowUp[] = [];
    for await (const followUp of deps.followUps.openedBetween(district, range.from, range.to)) {
      if (itemsRead >= MAX_FOLLOW_UPS_READ) {
        truncated = true;
        break;
      }
      itemsRead++;
      read.push(followUp);
    }
    return read;
  };
  const batches: FollowUp[][] = [];
  for (let i = 0; i < districts.length && !truncated; i += DISTRICTS_READ_AT_ONCE) {
    batches.push(...(await Promise.all(districts.slice(i, i + DISTRICTS_READ_AT_ONCE).map(readDistrict))));
  }
  for (const followUp of batches.flat()) {
    if (!canSeeFollowUp(input.officer, followUp)) continue;
    const serviceNumber = followUp.officer?.serviceNumber ?? followUp.officerId;
    if (serviceNumber) {
      const tally = byOfficer.get(serviceNumber) ?? tallyOf(serviceNumber);
      count(tally, followUp);
      byOfficer.set(serviceNumber, tally);
    } else if (followUp.vacant) {
      vacant++;
      vacantPosts.add(followUp.post);
    } else unattributed++;
  }

  const officers = [...byOfficer.values()]
    .map((t): OfficerBreachFigures => ({
      ...t.figures,
      posts: [...t.posts].sort(),
      districts: [...t.districts].sort(),
      medianDelayMinutes: median(t.delays),
    }))
    .sort(
      (a, b) =>
        b.breaches - a.breaches ||
        (b.medianDelayMinutes ?? -1) - (a.medianDelayMinutes ?? -1) ||
        a.serviceNumber.localeCompare(b.serviceNumber),
    );
  return {
    period: range,
    generatedAt: now.toISOString(),
    officers,
    vacant: { breaches: vacant, posts: [...vacantPosts].sort() },
    unattributed,
    itemsRead,
    truncated,
  };
};
