/**
 * Who answers for a complaint: the post responsible at a level (from the force structure) and the officer
 * posted there at an instant (from the posting history, so a later transfer does not change the answer).
 * Escalation, alerts and follow-ups ask here; none of them hard-codes a level.
 */
import { postingAt, type OfficerRecord } from '../../domain/force/personnel.ts';
import { describePost, type Post } from '../../domain/force/structure.ts';
import { stationOf, type ScopedComplaint } from '../../domain/officer.ts';
import { nextLevel, type SlaLevel } from '../../domain/sla.ts';
import type { ForceReader } from './ports.ts';

export interface Where {
  district: string;
  station?: string;
  circle?: string;
}

/** Where a complaint sits in the structure: its district, station and circle. */
export const whereOf = (complaint: ScopedComplaint): Where => {
  const station = stationOf(complaint);
  const circle = complaint.assignment?.circle;
  return { district: complaint.district, ...(station ? { station } : {}), ...(circle ? { circle } : {}) };
};

/** The officer as a follow-up or alert names them. */
export const officerSummary = (
  officer: OfficerRecord,
): { serviceNumber: string; name: string; rank: string } => ({
  serviceNumber: officer.serviceNumber,
  name: officer.name,
  rank: officer.rank,
});

export interface Accountable {
  /** Undefined when the structure has no such post (an unknown station): treated as vacant. */
  post?: Post;
  /** The post for people, e.g. "Station House Officer, Gulberg (Lahore)". */
  label: string;
  /** The officer posted there at the instant asked; undefined when vacant. */
  holder?: OfficerRecord;
}

const fallbackLabel = (where: Where, tier: SlaLevel): string =>
  tier === 'SHO' && where.station
    ? `SHO, ${where.station} (${where.district})`
    : `${tier}, ${where.district}`;

/** The officer who held `postId` at `at`, from the history. */
export const holderAt = async (
  force: ForceReader,
  postId: string,
  at: Date | string,
): Promise<OfficerRecord | undefined> => {
  const posting = postingAt(await force.postingsOfPost(postId), postId, new Date(at).toISOString());
  return posting ? force.officer(posting.serviceNumber) : undefined;
};

export const accountableAt = async (
  force: ForceReader,
  where: Where,
  tier: SlaLevel,
  at: Date | string,
): Promise<Accountable> => {
  const structure = await force.structure();
  const post = structure.responsiblePost(where, tier);
  if (!post) return { label: fallbackLabel(where, tier) };
  const holder = await holderAt(force, post.id, at);
  return { post, label: describePost(structure, post), ...(holder ? { holder } : {}) };
};

/**
 * The level a complaint held at `tier` goes to on a breach: the next post up its chain, else (a station or
 * circle the structure does not know) the default ladder; the top keeps it.
 */
export const escalationTier = async (force: ForceReader, where: Where, tier: SlaLevel): Promise<SlaLevel> =>
  (await force.structure()).nextTier(where, tier) ?? nextLevel(tier);

/** The supervisor of the post responsible at `tier` (the next post up) and who holds it at `at`; none at the top. */
export const supervisorAt = async (
  force: ForceReader,
  where: Where,
  tier: SlaLevel,
  at: Date | string,
): Promise<Accountable | undefined> => {
  if (tier === 'CPO') return undefined;
  return accountableAt(force, where, await escalationTier(force, where, tier), at);
};
