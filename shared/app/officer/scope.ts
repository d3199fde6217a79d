/**
 * Scope helpers shared by the officer use cases: which district partitions an officer's request may
 * read, and what "overdue" means. Scope is always applied here, never trusted to the caller.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { DISTRICTS, findDistrict } from '../../domain/districts.ts';
import { scopeFilter, type Officer } from '../../domain/officer.ts';
import { slaSchema } from '../../domain/sla.ts';
import { OPEN_STATUSES } from '../../domain/vocabulary.ts';

/**
 * District partitions to read for this officer, narrowed by a requested district. A district outside
 * the officer's scope yields none: the answer is an empty list, exactly as for a district without complaints.
 */
export const districtsInScope = (officer: Officer, requested?: string): string[] => {
  const scope = scopeFilter(officer);
  const all = scope.kind === 'all' ? DISTRICTS.map((d) => d.code) : scope.districts;
  if (requested === undefined) return [...all];
  const code = findDistrict(requested)?.code;
  return code !== undefined && all.includes(code) ? [code] : [];
};

/**
 * Overdue: open and either past its current due time (the sweep has not moved it yet) or breached at
 * least once (escalated complaints stay "overdue" until closed, which is what a supervisor wants to see).
 */
export const isOverdue = (complaint: Complaint, now: Date): boolean => {
  if (!OPEN_STATUSES.includes(complaint.status)) return false;
  const sla = slaSchema.safeParse(complaint.sla);
  if (!sla.success) return false;
  if (sla.data.breaches.length > 0) return true;
  return (
    sla.data.dueAt !== undefined && sla.data.pausedAt === undefined && sla.data.dueAt <= now.toISOString()
  );
};
