/**
 * In-memory fakes of the officer/SLA ports, with the same conditional-write semantics as the DynamoDB
 * adapters (version check, create-only extra writes), plus builders for complaints and officers.
 */
import { randomBytes } from 'node:crypto';
import { newComplaint, type Complaint } from '../../../shared/domain/complaint.ts';
import { ConflictError, PreconditionFailedError } from '../../../shared/domain/errors.ts';
import { generateEtag } from '../../../shared/domain/etag.ts';
import type { FollowUp } from '../../../shared/domain/follow-up.ts';
import type { Officer } from '../../../shared/domain/officer.ts';
import { initialSla } from '../../../shared/domain/sla.ts';
import type {
  ComplaintListFilters,
  ComplaintQueries,
  FollowUpRepository,
  ListQuery,
  SlaDueSource,
  SweepLeases,
} from '../../../shared/app/officer/ports.ts';
import { SLA_SHARD_COUNT, slaShardKey, slaShardOf } from '../../../shared/adapters/dynamodb/keys.ts';
import type {
  ComplaintRepository,
  ExtraWrite,
  TimelineDraft,
  TimelineEntry,
} from '../../../shared/app/ports.ts';
import { dueAtForIndex, slaSchema } from '../../../shared/domain/sla.ts';
import { matchesFilters } from '../../../shared/adapters/dynamodb/complaint-queries.ts';
import type {
  CounterItem,
  CounterSource,
  CounterStore,
  CounterUpdate,
} from '../../../shared/app/counters.ts';
import { addShares, type CounterShare } from '../../../shared/domain/monitoring-counters.ts';

export const T0 = new Date('2026-03-01T08:00:00.000Z');

export const fixedClock = (start: Date = T0) => {
  let now = start;
  return {
    now: () => now,
    set: (next: Date) => {
      now = next;
    },
    advanceMinutes: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
};

export const makeComplaint = (
  overrides: Partial<Complaint> & { district?: string } = {},
  now: Date = T0,
): Complaint => {
  const district = overrides.district ?? 'LHR';
  const base = newComplaint(
    {
      complainant: { name: 'Test Citizen', phone: '+923001234567', overseas: false, country: 'PK' },
      district,
      station: undefined,
      category: 'theft_robbery',
      description: 'My motorcycle was stolen from the market parking.',
      language: 'en',
    },
    { etag: generateEtag(district, randomBytes), trackingCodeHash: 'hash', now, channel: 'web' },
  );
  const complaint = { ...base, ...overrides };
  return {
    ...complaint,
    sla: overrides.sla ?? initialSla({ category: complaint.category, priority: complaint.priority }, now),
  };
};

export const officer = (role: Officer['role'], area: Partial<Officer> = {}): Officer => ({
  id: `${role.toLowerCase()}-${area.district ?? area.region ?? 'all'}-${area.station ?? ''}`,
  role,
  ...area,
});

export class InMemoryComplaints implements ComplaintRepository {
  readonly complaints = new Map<string, Complaint>();
  readonly timelines = new Map<string, TimelineEntry[]>();
  readonly extra = new Map<string, Record<string, unknown>>();
  updates = 0;

  seed(...complaints: Complaint[]): void {
    for (const c of complaints) {
      this.complaints.set(c.etag, structuredClone(c));
      this.timelines.set(c.etag, []);
    }
  }

  async create(complaint: Complaint, timeline: readonly TimelineDraft[]): Promise<void> {
    this.seed(complaint);
    this.append(complaint, timeline);
  }

  async get(etag: string): Promise<Complaint | undefined> {
    const c = this.complaints.get(etag);
    return c ? structuredClone(c) : undefined;
  }

  async getWithTimeline(etag: string) {
    const complaint = await this.get(etag);
    return complaint ? { complaint, timeline: [...(this.timelines.get(etag) ?? [])] } : undefined;
  }

  async listByCitizen() {
    return { items: [] };
  }

  async update(
    complaint: Complaint,
    expectedVersion: number,
    timeline: readonly TimelineDraft[],
    options: { extraWrites?: readonly ExtraWrite[] } = {},
  ): Promise<void> {
    const stored = this.complaints.get(complaint.etag);
    if (!stored || stored.version !== expectedVersion) throw new PreconditionFailedError('stale');
    for (const w of options.extraWrites ?? []) {
      if (w.mode === 'create' && this.extra.has(`${w.item.pk}|${w.item.sk}`))
        throw new ConflictError('exists');
    }
    for (const w of options.extraWrites ?? [])
      this.extra.set(`${w.item.pk}|${w.item.sk}`, structuredClone(w.item));
    this.complaints.set(complaint.etag, structuredClone(complaint));
    this.append(complaint, timeline);
    this.updates++;
  }

  private append(complaint: Complaint, drafts: readonly TimelineDraft[]): void {
    const list = this.timelines.get(complaint.etag) ?? [];
    drafts.forEach((d, i) =>
      list.push({
        id: `${complaint.etag}#${d.at}#${complaint.version}.${i}`,
        etag: complaint.etag,
        type: d.type,
        at: d.at,
        district: complaint.district,
        status: complaint.status,
        actor: d.actor,
        ...(d.fromStatus ? { fromStatus: d.fromStatus } : {}),
        ...(d.toStatus ? { toStatus: d.toStatus } : {}),
        ...(d.note ? { note: d.note } : {}),
        ...(d.reason ? { reason: d.reason } : {}),
        ...(d.data ? { data: d.data } : {}),
      }),
    );
    this.timelines.set(complaint.etag, list);
  }
}

/** A due source over the fake repository's current state (as the index would hold it), in pages. */
export const dueSourceOver = (
  repo: InMemoryComplaints,
  stale?: Complaint[],
  pageSize = Number.POSITIVE_INFINITY,
): SlaDueSource => ({
  shards: SLA_SHARD_COUNT,
  async *due(now, { shards } = {}) {
    const due = (stale ?? [...repo.complaints.values()]).filter((c) => {
      const sla = slaSchema.safeParse(c.sla);
      const at = sla.success ? dueAtForIndex(sla.data) : undefined;
      const inShard = !shards || shards.some((n) => slaShardOf(c.etag) === slaShardKey(n));
      return inShard && at !== undefined && at <= now.toISOString();
    });
    for (let i = 0; i === 0 || i < due.length; i += pageSize) {
      const page = due.slice(i, i + pageSize);
      yield {
        complaints: page.map((c) => structuredClone(c)),
        malformed: 0,
        scanned: page.length,
        consumedCapacity: 0,
      };
    }
  },
});

/** Shard leases in memory, with the adapter's rule: free, expired or already the owner's. */
export class InMemoryLeases implements SweepLeases {
  readonly held = new Map<number, { owner: string; until: number }>();
  async claim(shard: number, owner: string, now: Date, until: Date): Promise<boolean> {
    const lease = this.held.get(shard);
    if (lease && lease.until >= now.getTime() && lease.owner !== owner) return false;
    this.held.set(shard, { owner, until: until.getTime() });
    return true;
  }
  async release(shard: number, owner: string): Promise<void> {
    if (this.held.get(shard)?.owner === owner) this.held.delete(shard);
  }
}

export const followUpsOver = (): Pick<FollowUpRepository, 'creationWrite'> => ({
  creationWrite: (followUp: FollowUp) => ({
    item: { ...followUp, pk: `C#${followUp.etag}`, sk: `FU#${followUp.id.split('#')[1]}` },
    mode: 'create',
  }),
});

export const queriesOver = (repo: InMemoryComplaints): ComplaintQueries & { lastDistricts: string[][] } => {
  const lastDistricts: string[][] = [];
  return {
    lastDistricts,
    async list(query: ListQuery<ComplaintListFilters, Complaint>) {
      lastDistricts.push([...query.districts]);
      const items = [...repo.complaints.values()]
        .filter((c) => query.districts.includes(c.district))
        .filter((c) => matchesFilters(c, query.filters, query.now) && (query.where?.(c) ?? true))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
        .slice(0, query.limit);
      return { items };
    },
    async *filedBetween(district: string, from: string, to: string) {
      for (const c of repo.complaints.values()) {
        if (c.district === district && c.createdAt >= from && c.createdAt < to) yield structuredClone(c);
      }
    },
  };
};

/** The counter store in memory, with the DynamoDB adapter's conditional semantics (per-call atomicity). */
export class InMemoryCounters implements CounterStore {
  readonly items = new Map<string, CounterItem>();
  readonly sources = new Map<string, { version: number; shares: CounterShare[] }>();
  transactions = 0;

  async applied(ids: readonly string[]): Promise<Map<string, { version: number; shares: CounterShare[] }>> {
    return new Map(
      ids.flatMap((id) => (this.sources.has(id) ? [[id, structuredClone(this.sources.get(id))]] : [])) as [
        string,
        { version: number; shares: CounterShare[] },
      ][],
    );
  }

  async apply(updates: readonly CounterUpdate[]): Promise<Set<string>> {
    const cancelled = new Set<string>();
    for (const update of updates) {
      this.transactions++;
      if (this.sources.get(update.source.id)?.version !== update.previousVersion) {
        cancelled.add(update.source.id);
        continue;
      }
      this.sources.set(update.source.id, {
        version: update.source.version,
        shares: structuredClone(update.source.shares),
      });
      for (const share of update.delta) {
        const key = `${share.district}/${share.day}`;
        const item = this.items.get(key) ?? {
          district: share.district,
          day: share.day,
          counts: {},
          revision: 0,
        };
        const sums = new Map([[key, { district: item.district, day: item.day, counts: item.counts }]]);
        addShares(sums, [share]);
        this.items.set(key, { ...item, counts: sums.get(key)?.counts ?? {}, revision: item.revision + 1 });
      }
    }
    return cancelled;
  }

  async read(district: string, fromDay: string, toDay: string): Promise<CounterItem[]> {
    return [...this.items.values()]
      .filter((i) => i.district === district && i.day >= fromDay && i.day <= toDay)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((i) => structuredClone(i));
  }

  async replace(
    item: CounterItem,
    expectedRevision: number,
    sources: readonly CounterSource[],
  ): Promise<boolean> {
    const key = `${item.district}/${item.day}`;
    if ((this.items.get(key)?.revision ?? 0) !== expectedRevision) return false;
    this.items.set(key, structuredClone({ ...item, revision: expectedRevision + 1 }));
    for (const s of sources) {
      if ((this.sources.get(s.id)?.version ?? 0) < s.version)
        this.sources.set(s.id, { version: s.version, shares: structuredClone(s.shares) });
    }
    return true;
  }
}
