/**
 * GET /officer/alerts: SLA warnings and breaches on complaints inside the officer's scope, newest first.
 */
import { canSeeComplaint, type Officer } from '../../domain/officer.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './complaints.ts';
import type { AlertKind, AlertRepository, OfficerAlert, Page } from './ports.ts';
import { districtsInScope } from './scope.ts';

export const listAlerts = async (
  deps: { alerts: AlertRepository; clock: { now(): Date } },
  input: { officer: Officer; district?: string; kind?: AlertKind; limit?: number; cursor?: string },
): Promise<Page<OfficerAlert>> => {
  const districts = districtsInScope(input.officer, input.district);
  if (districts.length === 0) return { items: [] };
  return deps.alerts.list({
    districts,
    filters: input.kind ? { kind: input.kind } : {},
    // The alert carries what scope needs: district, station and the level concerned.
    where: (a) =>
      canSeeComplaint(input.officer, {
        district: a.district,
        ...(a.station ? { station: a.station } : {}),
        assignment: { level: (a.escalatedTo ?? a.level) as Role },
      }),
    limit: Math.min(Math.max(input.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE),
    ...(input.cursor ? { cursor: input.cursor } : {}),
    now: deps.clock.now(),
  });
};
