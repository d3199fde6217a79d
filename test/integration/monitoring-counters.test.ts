/**
 * Monitoring counters against the emulator: the counter store on DynamoDB (moto), fed 2,000 stream
 * changes with redeliveries and out-of-order arrivals, must equal a full recount; the real handlers
 * count a filed complaint once even when its stream batch is delivered twice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Provisioned } from '../../infra/local/provision.ts';
import { complaintItem } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { createComplaintQueries } from '../../shared/adapters/dynamodb/complaint-queries.ts';
import { createCounterStore } from '../../shared/adapters/dynamodb/counter-store.ts';
import {
  createFollowUpRepository,
  followUpItem,
  parseFollowUpItem,
} from '../../shared/adapters/dynamodb/follow-up-repository.ts';
import { complaintKey } from '../../shared/adapters/dynamodb/keys.ts';
import {
  applyCounterChanges,
  reconcileCounters,
  sourceIdOf,
  type ReconcileDeps,
} from '../../shared/app/counters.ts';
import type { StreamChange } from '../../shared/app/publish-timeline.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import type { FollowUp } from '../../shared/domain/follow-up.ts';
import {
  addShares,
  complaintContribution,
  followUpContribution,
  type CounterShare,
} from '../../shared/domain/monitoring-counters.ts';
import type { Sla } from '../../shared/domain/sla.ts';
import type { Status } from '../../shared/domain/vocabulary.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { parseComplaintItem } from '../../shared/schemas/stored.ts';
import { invoke as invokeApi, testContext, type ApiHandler } from '../support/api-events.ts';
import { apiEvent, call, claimsOf, lambdaContext, type Handler } from './officer-support.ts';
import { provisionForTest } from '../support/aws.ts';
import { readStream, streamEnd } from '../support/stream.ts';
import { makeComplaint } from '../unit/officer/fakes.ts';

let provisioned: Provisioned;
const tableName = () => provisioned.names.appTable;

// Handlers read their configuration when imported: import them once the resources exist.
let fileHandler: ApiHandler;
let countersHandler: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;
let monitoringHandler: Handler;

beforeAll(async () => {
  provisioned = await provisionForTest('cnt');
  fileHandler = (await import('../../functions/file-complaint.ts')).handler;
  countersHandler = (await import('../../functions/monitoring-counters.ts')).handler;
  monitoringHandler = (await import('../../functions/officer-monitoring.ts')).handler;
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DISTRICTS = ['LHR', 'FSD', 'RWP'];
const STATIONS = ['Gulberg', 'Model Town', 'Civil Lines'];
const START = Date.parse('2026-03-01T02:00:00.000Z');
const minutes = (at: number, n: number) => new Date(at + n * 60_000).toISOString();

/** A complaint's life as a series of versions, and the follow-ups its breaches opened. */
const life = (rand: () => number, i: number): { versions: Complaint[]; followUps: FollowUp[] } => {
  const filedAt = START + Math.floor(rand() * 3 * 86_400_000);
  const first = makeComplaint({ district: DISTRICTS[i % 3] as string }, new Date(filedAt));
  const versions = [first];
  const followUps: FollowUp[] = [];
  const next = (changes: Partial<Complaint>) => {
    const last = versions.at(-1) as Complaint;
    versions.push({ ...last, ...changes, version: last.version + 1 });
  };
  const steps = Math.floor(rand() * 6);
  const station = STATIONS[Math.floor(rand() * 3)] as string;
  const sla = () => (versions.at(-1) as Complaint).sla as Sla;
  for (let step = 0; step < steps; step++) {
    const at = filedAt + (step + 1) * Math.floor(rand() * 600) * 60_000;
    const choice: Status | 'breach' = (['assigned', 'in_progress', 'breach', 'resolved', 'closed'] as const)[
      step % 5
    ] as Status | 'breach';
    if (choice === 'breach') {
      const breach = {
        level: 'SHO' as const,
        phase: 'first_action' as const,
        dueAt: minutes(at, 0),
        breachedAt: minutes(at, 0),
      };
      next({ sla: { ...sla(), breaches: [...sla().breaches, breach] } });
      followUps.push({
        id: `${first.etag}#${sla().breaches.length}`,
        etag: first.etag,
        district: first.district,
        level: 'SHO',
        phase: 'first_action',
        postKind: 'station',
        post: station,
        station,
        officerId: `sho-${station}`,
        dueAt: minutes(at, 0),
        breachedAt: minutes(at, 0),
        state: 'open',
        openedAt: minutes(at, 0),
        updatedAt: minutes(at, 0),
        version: 1,
        history: [],
      });
    } else if (choice === 'assigned') {
      next({
        status: 'assigned',
        assignment: {
          level: 'SHO',
          assignedAt: minutes(at, 0),
          station,
          officerId: `sho-${station}`,
          circle: rand() < 0.5 ? 'City' : 'Cantt',
        },
      });
    } else if (choice === 'in_progress') {
      next({ status: 'in_progress', sla: { ...sla(), firstActionAt: minutes(at, 0) } });
    } else {
      next({ status: choice, sla: { ...sla(), stoppedAt: minutes(at, 0) } });
    }
  }
  return { versions, followUps };
};

const complaintChange = (c: Complaint, seq: number): StreamChange => ({
  sequenceNumber: String(seq),
  eventName: c.version === 1 ? 'INSERT' : 'MODIFY',
  newImage: complaintItem(c),
});

const followUpChange = (f: FollowUp, seq: number): StreamChange => ({
  sequenceNumber: String(seq),
  eventName: 'INSERT',
  newImage: followUpItem(f),
});

describe('monitoring counters on the emulator', () => {
  it('2,000 changes with redeliveries and out-of-order arrivals give exactly a full recount', async () => {
    // Prepare: complaint lives, their changes in stream order, then disorder and redeliveries
    const rand = random(13);
    const lives = Array.from({ length: 260 }, (_, i) => life(rand, i));
    const changes: StreamChange[] = [];
    let seq = 0;
    for (const { versions, followUps } of lives) {
      for (const v of versions) changes.push(complaintChange(v, ++seq));
      for (const f of followUps) changes.push(followUpChange(f, ++seq));
    }
    for (let i = 0; i + 1 < changes.length; i++) {
      if (rand() < 0.3)
        [changes[i], changes[i + 1]] = [changes[i + 1] as StreamChange, changes[i] as StreamChange];
    }
    const inOrder = changes.length;
    while (changes.length < 2000) {
      const copy = changes[Math.floor(rand() * inOrder)] as StreamChange;
      changes.splice(Math.floor(rand() * changes.length), 0, { ...copy, sequenceNumber: String(++seq) });
    }
    const store = createCounterStore(documentClient(), tableName);
    const deps = { store, parsers: { complaint: parseComplaintItem, followUp: parseFollowUpItem } };
    // Act: batches of 100, two at a time (two shards, or a retry overlapping the next batch)
    const failed: string[] = [];
    for (let i = 0; i < changes.length; i += 200) {
      const outcomes = await Promise.all([
        applyCounterChanges(deps, changes.slice(i, i + 100)),
        applyCounterChanges(deps, changes.slice(i + 100, i + 200)),
      ]);
      for (const o of outcomes) failed.push(...o.failedSequenceNumbers);
    }
    // Assess: the stored counters equal the recount of every complaint's last version and every follow-up
    expect(failed).toEqual([]);
    const recount = new Map<string, CounterShare>();
    for (const { versions, followUps } of lives) {
      addShares(recount, complaintContribution(versions.at(-1) as Complaint));
      for (const f of followUps) addShares(recount, followUpContribution(f));
    }
    const stored = new Map<string, Record<string, number>>();
    for (const district of DISTRICTS) {
      for (const item of await store.read(district, '2026-01-01', '2026-12-31')) {
        stored.set(`${district}/${item.day}`, item.counts);
      }
    }
    expect(stored.size).toBeGreaterThanOrEqual(9);
    expect(Object.fromEntries(stored)).toEqual(
      Object.fromEntries([...recount].map(([k, share]) => [k, share.counts])),
    );
    expect(changes).toHaveLength(2000);

    // Act: the reconcile job, reading the complaints and follow-ups from the table
    const finalItems = lives.flatMap(({ versions, followUps }) => [
      complaintItem(versions.at(-1) as Complaint),
      ...followUps.map(followUpItem),
    ]);
    for (let i = 0; i < finalItems.length; i += 25) {
      await documentClient().send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName()]: finalItems.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    const queries = createComplaintQueries(documentClient(), tableName);
    const followUpRepo = createFollowUpRepository(documentClient(), tableName);
    const reconcileDeps: ReconcileDeps = {
      store,
      complaintsFiled: (d, from, to) => queries.filedBetween(d, from, to),
      followUpsOpened: (d, from, to) => followUpRepo.openedBetween(d, from, to),
      complaintSourceId: (c) => sourceIdOf(complaintKey(c.etag)),
      followUpSourceId: (f) => sourceIdOf(followUpItem(f)),
    };
    const drift: Record<string, unknown> = {};
    let recounted = 0;
    for (const key of stored.keys()) {
      const [district, day] = key.split('/') as [string, string];
      const report = await reconcileCounters(reconcileDeps, { district, day });
      recounted += report.itemsRecounted;
      if (Object.keys(report.drift).length > 0) drift[key] = report.drift;
    }
    // Assess
    expect(drift).toEqual({});
    expect(recounted).toBe(lives.reduce((n, l) => n + 1 + l.followUps.length, 0));
  }, 240_000);

  it('the real handlers count a filed complaint once when its stream batch is delivered twice', async () => {
    // Prepare
    const end = await streamEnd(provisioned.streamArn);
    const filed = await invokeApi(fileHandler, {
      method: 'POST',
      path: '/complaints',
      body: {
        complainant: { name: 'Ayesha Khan', phone: '0300 1234567' },
        district: 'SKT',
        category: 'theft_robbery',
        description: 'My motorcycle was stolen outside the market in the evening.',
      },
    });
    expect(filed.status).toBe(201);
    const records = await readStream(provisioned.streamArn, end);
    // Act
    const first = await countersHandler({ Records: records }, testContext());
    const again = await countersHandler({ Records: records }, testContext());
    const report = await call(monitoringHandler, {
      method: 'GET',
      path: '/officer/monitoring',
      route: '/officer/monitoring',
      claims: claimsOf('DPO', { district: 'SKT' }),
    });
    const csv = await monitoringHandler(
      apiEvent({
        method: 'GET',
        path: '/officer/monitoring',
        route: '/officer/monitoring',
        query: { format: 'csv' },
        claims: claimsOf('DPO', { district: 'SKT' }),
      }),
      lambdaContext,
    );
    // Assess
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.body).split('\r\n')[1]).toMatch(/^district,SKT,1,1,0,1,/);
    expect(first).toEqual({ batchItemFailures: [] });
    expect(again).toEqual({ batchItemFailures: [] });
    expect(report.status).toBe(200);
    expect(report.body.districts[0]).toMatchObject({ district: 'SKT', total: 1, open: 1 });
    expect(report.body.itemsRead).toBe(1);
  });
});
