/**
 * Ports of the officer, SLA and notification use cases (beside the complaint ports in ../ports.ts).
 * Adapters in shared/adapters/dynamodb implement them; unit tests fake them in memory.
 */
import type { EvidenceRecords } from '../evidence/ports.ts';
import type { Complaint } from '../../domain/complaint.ts';
import type { FollowUp, FollowUpState } from '../../domain/follow-up.ts';
import type { Officer } from '../../domain/officer.ts';
import type { AlertKind, SlaLevel } from '../../domain/sla.ts';
import type { CategoryCode, Priority, Role, Status } from '../../domain/vocabulary.ts';
import type { CounterStore } from '../counters.ts';
import type { Clock, ComplaintRepository, ExtraWrite, Page } from '../ports.ts';
import type { FeedbackRecord } from '../whatsapp/ports.ts';

export type { Page } from '../ports.ts';

/** Filters of the officer's complaint list (all optional; scope is applied on top by the use case). */
export interface ComplaintListFilters {
  district?: string;
  station?: string;
  status?: Status;
  category?: CategoryCode;
  priority?: Priority;
  /** true: only overdue (open and past due, or breached at least once); false: only the others. */
  overdue?: boolean;
  /** Filed at or after (ISO). */
  from?: string;
  /** Filed before (ISO). */
  to?: string;
}

export interface ListQuery<F, T> {
  /** Districts to read, each a partition; results are merged newest first. */
  districts: readonly string[];
  filters: F;
  /** Extra in-memory predicate (scope rules an index cannot express, e.g. station or circle). */
  where?: (item: T) => boolean;
  limit: number;
  cursor?: string;
  now: Date;
}

export interface ComplaintQueries {
  /** Complaints of the given districts, newest first, filtered, with an opaque cursor. */
  list(query: ListQuery<ComplaintListFilters, Complaint>): Promise<Page<Complaint>>;
  /** Every complaint of one district filed in [from, to): the monitoring aggregation's input. */
  filedBetween(district: string, from: string, to: string): AsyncIterable<Complaint>;
}

export interface FollowUpFilters {
  district?: string;
  state?: FollowUpState;
  level?: SlaLevel;
  station?: string;
  officerId?: string;
  from?: string;
  to?: string;
}

export interface FollowUpRepository {
  get(id: string): Promise<FollowUp | undefined>;
  /** Conditional on the stored version; PreconditionFailedError when it moved on. */
  update(followUp: FollowUp, expectedVersion: number): Promise<void>;
  list(query: ListQuery<FollowUpFilters, FollowUp>): Promise<Page<FollowUp>>;
  /** The item to write, with `create` semantics, in the same transaction as the breach. */
  creationWrite(followUp: FollowUp): ExtraWrite;
  /** Follow-ups of one district opened in [from, to) (monitoring: breaches per district/station/officer). */
  openedBetween(district: string, from: string, to: string): AsyncIterable<FollowUp>;
}

export type { AlertKind };

export interface OfficerAlert {
  /** The timeline item id of the SLA entry (one alert per entry). */
  id: string;
  kind: AlertKind;
  etag: string;
  district: string;
  station?: string;
  /** The level that was warned, or that let the time run out. */
  level: Role;
  /** For a breach: the level now holding the complaint. */
  escalatedTo?: Role;
  phase: string;
  dueAt: string;
  occurredAt: string;
  /** Who the directory named for it (recorded per recipient; `messaged`: they have a WhatsApp number). */
  recipients?: { serviceNumber: string; name: string; rank: string; messaged: boolean }[];
}

export interface AlertRepository {
  /** Stores the alert once; false when it was already stored (a redelivered event). */
  add(alert: OfficerAlert): Promise<boolean>;
  list(query: ListQuery<{ kind?: AlertKind }, OfficerAlert>): Promise<Page<OfficerAlert>>;
}

/** Officers holding a post, with the WhatsApp number they registered (from their token's claims). */
export interface OfficerDirectory {
  /** Records (or refreshes) the officer under their post; cheap no-op when nothing changed. */
  register(officer: Officer, now: Date): Promise<void>;
  /** Officers of `role` for an area: district code (SHO/SDPO/DPO), region code (RPO), or all (CPO). */
  holders(role: Role, area: { district: string; region?: string }): Promise<Officer[]>;
}

/** Service feedback (WhatsApp service 15), newest first, for the CPO. */
export interface FeedbackReader {
  list(query: { limit: number; cursor?: string; from?: string; to?: string }): Promise<Page<FeedbackRecord>>;
}

export interface SlaDuePage {
  complaints: Complaint[];
  /** Index items that did not parse as complaints (logged, skipped). */
  malformed: number;
  /** Items read from the index for this page (cost reporting). */
  scanned: number;
  consumedCapacity: number;
}

export interface SlaDueSource {
  /** Shards of the due index (a sweep with leases claims them one by one). */
  readonly shards: number;
  /** Complaints due at or before `now`, in pages: of the given shards, or of all. */
  due(now: Date, options?: { shards?: readonly number[] }): AsyncIterable<SlaDuePage>;
}

/** Time-limited claims on due-index shards, so overlapping sweeps split the work instead of repeating it. */
export interface SweepLeases {
  /** True when `owner` now holds the shard until `until` (free, expired or already its own). */
  claim(shard: number, owner: string, now: Date, until: Date): Promise<boolean>;
  release(shard: number, owner: string): Promise<void>;
}

export interface OfficerDeps {
  complaints: ComplaintRepository;
  queries: ComplaintQueries;
  followUps: FollowUpRepository;
  alerts: AlertRepository;
  directory: OfficerDirectory;
  /** Maintained monitoring counters (docs/monitoring-counters.md). */
  counters: CounterStore;
  clock: Clock;
  /** The complaints' attachments, listed in the complaint detail. */
  evidence?: Pick<EvidenceRecords, 'list'>;
}
