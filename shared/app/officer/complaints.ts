/**
 * Officer use cases on complaints: the queue (list), one complaint with its timeline, and acting on it
 * (assign, transition, action note) with optimistic locking. Scope is enforced here: a complaint outside
 * the officer's area answers exactly as a missing one (NotFoundError, or absent from the list).
 */
import type { Complaint } from '../../domain/complaint.ts';
import { NotFoundError, PreconditionFailedError } from '../../domain/errors.ts';
import { parseEtag } from '../../domain/etag.ts';
import { applyTransition, isForCitizen, type LifecycleCommand } from '../../domain/lifecycle.ts';
import { canSeeComplaint, type Officer } from '../../domain/officer.ts';
import type { ComplaintRepository, TimelineEntry } from '../ports.ts';
import type { EvidenceRecords } from '../evidence/ports.ts';
import { officerEvidenceList, type OfficerEvidenceList } from '../evidence/views.ts';
import type { ComplaintListFilters, ComplaintQueries, OfficerDirectory, Page } from './ports.ts';
import { districtsInScope } from './scope.ts';
import { checkAssignment, type AssigneeDeps } from './assignees.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** What officers see: everything, complainant contact included, but never the tracking-code hash. */
export type OfficerComplaintView = Omit<Complaint, 'trackingCodeHash'>;

export const officerView = (complaint: Complaint): OfficerComplaintView => {
  const { trackingCodeHash: _secret, ...view } = complaint;
  return view;
};

const notFound = (etag: string): NotFoundError => new NotFoundError(`Complaint ${etag} not found`);

// --- list ---------------------------------------------------------------------------------------

export interface ListComplaintsInput {
  officer: Officer;
  filters: ComplaintListFilters;
  limit?: number;
  cursor?: string;
}

export interface ListComplaintsDeps {
  queries: ComplaintQueries;
  clock: { now(): Date };
  /** Optional: the officer's landing screen refreshes their directory entry (for WhatsApp alerts). */
  directory?: OfficerDirectory;
  onDirectoryError?: (error: unknown) => void;
}

export const listComplaints = async (
  deps: ListComplaintsDeps,
  input: ListComplaintsInput,
): Promise<Page<OfficerComplaintView>> => {
  const now = deps.clock.now();
  const districts = districtsInScope(input.officer, input.filters.district);
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const page: Page<Complaint> =
    districts.length === 0
      ? { items: [] }
      : await deps.queries.list({
          districts,
          filters: input.filters,
          where: (c) => canSeeComplaint(input.officer, c),
          limit,
          ...(input.cursor ? { cursor: input.cursor } : {}),
          now,
        });
  if (deps.directory) {
    // After the read, so a refused request (e.g. a tampered cursor) writes nothing. Best effort: a
    // failed refresh must not cost the officer their queue.
    await deps.directory
      .register(input.officer, now)
      .catch((error: unknown) => deps.onDirectoryError?.(error));
  }
  return { ...page, items: page.items.map(officerView) };
};

// --- get ----------------------------------------------------------------------------------------

export interface OfficerComplaintDetail extends Partial<OfficerEvidenceList> {
  complaint: OfficerComplaintView;
  /** Oldest first; immutable entries (nobody edits or deletes them). */
  timeline: TimelineEntry[];
}

const canonicalEtag = (etag: string): string => {
  const canonical = parseEtag(etag);
  if (!canonical) throw notFound(etag.slice(0, 40));
  return canonical;
};

/** With `evidence`, the detail lists the complaint's attachments (docs/evidence.md "Officers"). */
export const getComplaint = async (
  deps: { complaints: ComplaintRepository; evidence?: Pick<EvidenceRecords, 'list'> },
  input: { officer: Officer; etag: string },
): Promise<OfficerComplaintDetail> => {
  const etag = canonicalEtag(input.etag);
  const found = await deps.complaints.getWithTimeline(etag);
  if (!found || !canSeeComplaint(input.officer, found.complaint)) throw notFound(etag);
  const evidence = deps.evidence ? officerEvidenceList(await deps.evidence.list(etag)) : {};
  return {
    complaint: officerView(found.complaint),
    timeline: found.timeline.map(withNoteVisibility),
    ...evidence,
  };
};

/** Officers see every note marked: an older unmarked one as the citizen reads it (docs/force.md). */
const withNoteVisibility = (entry: TimelineEntry): TimelineEntry =>
  entry.note === undefined && entry.reason === undefined
    ? entry
    : { ...entry, noteVisibility: isForCitizen(entry) ? 'citizen' : 'internal' };

// --- act ----------------------------------------------------------------------------------------

export interface ActOnComplaintInput {
  officer: Officer;
  etag: string;
  /** The version the officer saw (If-Match). */
  expectedVersion: number;
  command: LifecycleCommand;
}

/**
 * Applies one lifecycle command. The write is conditional on `expectedVersion`, so of any number of
 * concurrent officers acting on the same version exactly one wins; the others get PreconditionFailedError.
 */
export const actOnComplaint = async (
  deps: { complaints: ComplaintRepository; clock: { now(): Date } } & AssigneeDeps,
  input: ActOnComplaintInput,
): Promise<OfficerComplaintView> => {
  const etag = canonicalEtag(input.etag);
  const current = await deps.complaints.get(etag);
  if (!current || !canSeeComplaint(input.officer, current)) throw notFound(etag);
  if (current.version !== input.expectedVersion) {
    throw new PreconditionFailedError(
      `Complaint ${etag} is at version ${current.version}, not ${input.expectedVersion}; reload it and try again.`,
    );
  }
  const command =
    input.command.type === 'assign' ? await checkAssignment(deps, current, input.command) : input.command;
  const { complaint, timeline } = applyTransition(
    current,
    command,
    { kind: 'officer', officer: input.officer },
    deps.clock.now(),
  );
  await deps.complaints.update(complaint, input.expectedVersion, timeline);
  return officerView(complaint);
};
