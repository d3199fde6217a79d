/**
 * Disciplinary follow-ups in the officer API: list those in one's scope (DPO: district, RPO: region,
 * CPO/ADMIN: all; station and circle officers see none) and act on one, each step audited in its history.
 */
import { NotFoundError, PreconditionFailedError } from '../../domain/errors.ts';
import {
  applyFollowUpAction,
  canSeeFollowUp,
  type FollowUp,
  type FollowUpAction,
} from '../../domain/follow-up.ts';
import type { Officer } from '../../domain/officer.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './complaints.ts';
import type { FollowUpFilters, FollowUpRepository, Page } from './ports.ts';
import { districtsInScope } from './scope.ts';

export const listFollowUps = async (
  deps: { followUps: FollowUpRepository; clock: { now(): Date } },
  input: { officer: Officer; filters: FollowUpFilters; limit?: number; cursor?: string },
): Promise<Page<FollowUp>> => {
  if (input.officer.role === 'SHO' || input.officer.role === 'SDPO') return { items: [] };
  const districts = districtsInScope(input.officer, input.filters.district);
  if (districts.length === 0) return { items: [] };
  return deps.followUps.list({
    districts,
    filters: input.filters,
    where: (f) => canSeeFollowUp(input.officer, f),
    limit: Math.min(Math.max(input.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE),
    ...(input.cursor ? { cursor: input.cursor } : {}),
    now: deps.clock.now(),
  });
};

export const actOnFollowUp = async (
  deps: { followUps: FollowUpRepository; clock: { now(): Date } },
  input: { officer: Officer; id: string; expectedVersion: number; action: FollowUpAction },
): Promise<FollowUp> => {
  const current = await deps.followUps.get(input.id);
  if (!current || !canSeeFollowUp(input.officer, current)) {
    throw new NotFoundError(`Follow-up ${input.id.slice(0, 40)} not found`);
  }
  if (current.version !== input.expectedVersion) {
    throw new PreconditionFailedError(
      `Follow-up ${current.id} is at version ${current.version}, not ${input.expectedVersion}; reload it and try again.`,
    );
  }
  const next = applyFollowUpAction(current, input.action, input.officer, deps.clock.now());
  await deps.followUps.update(next, input.expectedVersion);
  return next;
};
