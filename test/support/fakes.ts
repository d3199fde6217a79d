/**
 * In-memory fakes of the complaint ports (shared/app/ports.ts), faithful to the contracts: the
 * repository keeps complaints and immutable timelines, enforces unique e-tags and versions.
 */
import { createHash } from 'node:crypto';
import type { Complaint } from '../../shared/domain/complaint.ts';
import { PreconditionFailedError } from '../../shared/domain/errors.ts';
import { DuplicateFilingError, EtagCollisionError } from '../../shared/app/errors.ts';
import { citizenIdentityOf } from '../../shared/app/citizen/identity.ts';
import type {
  Clock,
  ComplaintRepository,
  EventPublisher,
  Random,
  RateLimiter,
  TimelineDraft,
  TimelineEntry,
  TrackingCodeHasher,
} from '../../shared/app/ports.ts';
import type { DomainEvent } from '../../shared/schemas/events/index.ts';
import { timelineEntry } from '../../shared/adapters/dynamodb/complaint-repository.ts';

export class InMemoryComplaintRepository implements ComplaintRepository {
  readonly complaints = new Map<string, Complaint>();
  readonly timelines = new Map<string, TimelineEntry[]>();
  /** E-tags that `create` reports as taken, to exercise collision retries. */
  readonly takenEtags = new Set<string>();
  createCalls = 0;

  /** Filing request id -> e-tag, like the table's FILING# markers. */
  readonly filingRequests = new Map<string, string>();

  async create(
    complaint: Complaint,
    timeline: readonly TimelineDraft[],
    options: { requestId?: string } = {},
  ): Promise<void> {
    this.createCalls++;
    if (this.complaints.has(complaint.etag) || this.takenEtags.has(complaint.etag)) {
      throw new EtagCollisionError(complaint.etag);
    }
    const filed = options.requestId ? this.filingRequests.get(options.requestId) : undefined;
    if (options.requestId && filed) throw new DuplicateFilingError(options.requestId, filed);
    if (options.requestId) this.filingRequests.set(options.requestId, complaint.etag);
    this.complaints.set(complaint.etag, structuredClone(complaint));
    this.timelines.set(
      complaint.etag,
      timeline.map((d, i) => timelineEntry(complaint, d, i)),
    );
  }

  async get(etag: string) {
    const c = this.complaints.get(etag);
    return c ? structuredClone(c) : undefined;
  }

  async getWithTimeline(etag: string) {
    const complaint = await this.get(etag);
    return complaint ? { complaint, timeline: structuredClone(this.timelines.get(etag) ?? []) } : undefined;
  }

  async listByCitizen(identity: string, options: { limit?: number } = {}) {
    const items = [...this.complaints.values()]
      .filter((c) => citizenIdentityOf(c) === identity)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .slice(0, options.limit ?? 20);
    return { items: structuredClone(items) };
  }

  async update(complaint: Complaint, expectedVersion: number, timeline: readonly TimelineDraft[]) {
    const current = this.complaints.get(complaint.etag);
    if (!current || current.version !== expectedVersion) throw new PreconditionFailedError('stale');
    this.complaints.set(complaint.etag, structuredClone(complaint));
    this.timelines.get(complaint.etag)?.push(...timeline.map((d, i) => timelineEntry(complaint, d, i)));
  }
}

export class RecordingPublisher implements EventPublisher {
  readonly published: DomainEvent[] = [];
  /** Indexes (per call) to report as failed. */
  failNext: number[] = [];
  async publish(events: readonly DomainEvent[]) {
    const failed = this.failNext;
    this.failNext = [];
    events.forEach((e, i) => {
      if (!failed.includes(i)) this.published.push(e);
    });
    return { failed };
  }
}

export const fixedClock = (iso = '2025-03-01T10:00:00.000Z'): Clock & { set(iso: string): void } => {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => void (now = new Date(next)) };
};

/** Deterministic bytes: a counter-seeded SHA-256 stream. */
export const seededRandom = (seed = 1): Random => {
  let counter = seed;
  return {
    bytes: (size) => {
      const out = new Uint8Array(size);
      for (let offset = 0; offset < size; offset += 32) {
        const block = createHash('sha256').update(String(counter++)).digest();
        out.set(block.subarray(0, Math.min(32, size - offset)), offset);
      }
      return out;
    },
  };
};

/** Fast, reversible-free stand-in for scrypt: same contract, no cost. */
export const fakeHasher = (): TrackingCodeHasher & { verifyNothingCalls: number } => {
  const digest = (code: string) => `fake$${createHash('sha256').update(code).digest('hex')}`;
  const hasher = {
    verifyNothingCalls: 0,
    hash: async (code: string) => digest(code),
    verify: async (code: string, stored: string) => digest(code) === stored,
    verifyNothing: async (_code: string) => {
      hasher.verifyNothingCalls++;
      return false as const;
    },
  };
  return hasher;
};

/** The abuse-limit counters in memory: the same fixed windows as the DynamoDB adapter. */
export const inMemoryLimiter = (): RateLimiter & { counts: Map<string, number> } => {
  const counts = new Map<string, number>();
  const slot = (rule: { name: string; windowSeconds: number }, key: string, now: Date) => {
    const size = rule.windowSeconds * 1000;
    const start = Math.floor(now.getTime() / size) * size;
    return { id: `${rule.name}\n${key}\n${start}`, resetAt: new Date(start + size) };
  };
  return {
    counts,
    async hit(rule, key, now) {
      const { id, resetAt } = slot(rule, key, now);
      const count = (counts.get(id) ?? 0) + 1;
      counts.set(id, count);
      return { count, resetAt };
    },
    async peek(rule, key, now) {
      const { id, resetAt } = slot(rule, key, now);
      return { count: counts.get(id) ?? 0, resetAt };
    },
  };
};
