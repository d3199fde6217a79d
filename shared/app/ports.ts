/**
 * Ports of the complaint use cases. Adapters (shared/adapters/*) implement them; unit tests fake
 * them in memory (test/support/fakes.ts).
 */
import type { Complaint } from '../domain/complaint.ts';
import type { TimelineDraft as LifecycleTimelineDraft } from '../domain/lifecycle.ts';
import type { RandomBytes } from '../domain/etag.ts';
import type { DomainEvent, EventType } from '../schemas/events/index.ts';
import type { RateRules } from './limits.ts';
import type { TimelineEntry } from '../schemas/stored.ts';

export type { TimelineEntry } from '../schemas/stored.ts';

/** A timeline entry to write with a change: the lifecycle's drafts plus `ComplaintFiled`. */
export type TimelineDraft = Omit<LifecycleTimelineDraft, 'type'> & { type: EventType };

export interface ComplaintWithTimeline {
  complaint: Complaint;
  /** Oldest first. */
  timeline: TimelineEntry[];
}

/** An additional item written in the same transaction as a complaint update (e.g. an SLA follow-up). */
export interface ExtraWrite {
  item: Record<string, unknown> & { pk: string; sk: string };
  /** `create`: fails the whole transaction when the item exists (exactly-once records). */
  mode: 'create' | 'put';
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Absent on the last page. */
  cursor?: string;
}

export interface ComplaintRepository {
  /**
   * Writes a new complaint (version 1) and its first timeline entries in one transaction.
   * Throws EtagCollisionError when the e-tag is taken. With a `requestId`, a filing request marker is
   * written in the same transaction, so a retried request (a worker redelivery after a crash) is
   * recognised: DuplicateFilingError carries the e-tag filed the first time.
   */
  create(
    complaint: Complaint,
    timeline: readonly TimelineDraft[],
    options?: { requestId?: string },
  ): Promise<void>;
  get(etag: string): Promise<Complaint | undefined>;
  getWithTimeline(etag: string): Promise<ComplaintWithTimeline | undefined>;
  /** The citizen's complaints (identity as in keys.citizenIdentityOf), newest first. */
  listByCitizen(identity: string, options?: { limit?: number; cursor?: string }): Promise<Page<Complaint>>;
  /**
   * Replaces the complaint (whose `version` is already the next one) if the stored version is still
   * `expectedVersion`, and appends the timeline entries, all in one transaction.
   * Throws PreconditionFailedError when the stored version moved on (or the complaint vanished),
   * ConflictError when an `extraWrites` item in mode `create` already exists.
   */
  update(
    complaint: Complaint,
    expectedVersion: number,
    timeline: readonly TimelineDraft[],
    options?: { extraWrites?: readonly ExtraWrite[] },
  ): Promise<void>;
}

export interface EventPublisher {
  /** Publishes events; returns the indexes (into `events`) that failed, to retry later. */
  publish(events: readonly DomainEvent[]): Promise<{ failed: number[] }>;
}

/** Structured log without personal data: callers pass ids, counts and types only. */
export interface Log {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export interface Clock {
  now(): Date;
}

export interface Random {
  bytes: RandomBytes;
}

/** One-way, salted hashing of tracking codes; the stored form carries its own parameters and salt. */
export interface TrackingCodeHasher {
  hash(code: string): Promise<string>;
  verify(code: string, stored: string): Promise<boolean>;
  /** Burns the same time as a verify, for answers that must not reveal whether a complaint exists. */
  verifyNothing(code: string): Promise<false>;
}

/** A limit: at most `limit` uses per fixed window of `windowSeconds`. */
export interface RateRule {
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Shared counters of the abuse limits (keys are hashed by the adapter: they are phones and addresses). */
export interface RateLimiter {
  /** Counts one use of `key` under `rule`; returns the count in the current window and when it resets. */
  hit(rule: RateRule, key: string, now: Date): Promise<{ count: number; resetAt: Date }>;
  /** The count without counting. */
  peek(rule: RateRule, key: string, now: Date): Promise<{ count: number; resetAt: Date }>;
}

export interface ComplaintDeps {
  complaints: ComplaintRepository;
  clock: Clock;
  random: Random;
  trackingCodes: TrackingCodeHasher;
  limits: RateLimiter;
  /** The abuse limits' rules (app/limits.ts `LIMITS`, scaled by configuration). */
  rateRules: RateRules;
}
