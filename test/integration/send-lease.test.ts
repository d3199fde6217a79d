/**
 * Exactly one message per update under concurrent and repeated delivery (issue 12, Deliver 1): the
 * outbound record is leased by a conditional write in the real table (moto) before each send.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAlertRepository } from '../../shared/adapters/dynamodb/alert-repository.ts';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { createDigestStore } from '../../shared/adapters/dynamodb/digest-store.ts';
import { createForceRepository } from '../../shared/adapters/dynamodb/force-repository.ts';
import { createOptInStore } from '../../shared/adapters/dynamodb/opt-in-store.ts';
import { createOutboundMessageStore } from '../../shared/adapters/dynamodb/outbound-message-store.ts';
import { createSessionStore } from '../../shared/adapters/dynamodb/session-store.ts';
import type { GraphMessage, GraphRecipient } from '../../shared/app/whatsapp/ports.ts';
import { notifyCitizen, type CitizenNotifierDeps } from '../../shared/app/notify/citizen-notifier.ts';
import { alertOfficers, type OfficerAlerterDeps } from '../../shared/app/notify/officer-alerter.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';
import { deliver } from '../../shared/app/whatsapp/deliver.ts';
import { GraphApiError, SendInProgressError } from '../../shared/app/whatsapp/errors.ts';
import { seedStructure } from '../../shared/domain/force/seed.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { provisionForTest } from '../support/aws.ts';
import { makeComplaint } from '../unit/officer/fakes.ts';
import { seed } from './officer-support.ts';

/** A Graph API that takes a while to answer, so concurrent senders really overlap. */
const slowGraph = (delayMs = 40) => {
  const sent: { to: GraphRecipient; message: GraphMessage }[] = [];
  let failures = 0;
  return {
    sent,
    failNext(count: number) {
      failures = count;
    },
    send: async (to: GraphRecipient, message: GraphMessage) => {
      await sleep(delayMs);
      if (failures > 0) {
        failures--;
        throw new GraphApiError('Graph API answered 503', 503, 131000);
      }
      sent.push({ to, message });
      return { wamid: `wamid.${sent.length}.${Math.random()}` };
    },
    markAsRead: async () => undefined,
  };
};

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

let table: string;
let repository: ComplaintRepository;

beforeAll(async () => {
  table = (await provisionForTest('lease')).names.appTable;
  repository = createComplaintRepository(documentClient(), () => table);
});

/** Each test's complaint names its own number: a number hears one opt-in question, ever. */
let numbers = 0;
const freshComplainant = () => ({
  name: 'Test Citizen',
  phone: `+92300${String(Date.now() % 1_000_000).padStart(6, '0')}${numbers++ % 10}`,
  overseas: false,
  country: 'PK',
});

/** What SQS does with a record whose handler threw a retryable error: deliver it again, a little later. */
const untilSettled = async <T>(attempt: () => Promise<T>, retryable: (error: unknown) => boolean) => {
  for (let tries = 0; tries < 50; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error)) throw error;
      await sleep(20);
    }
  }
  throw new Error('never settled');
};

const notifierDeps = (graph: ReturnType<typeof slowGraph>, leaseMs?: number): CitizenNotifierDeps => ({
  complaints: repository,
  sessions: createSessionStore(documentClient(), () => table),
  optIns: createOptInStore(documentClient(), () => table),
  outbound: createOutboundMessageStore(documentClient(), () => table, leaseMs),
  graph,
  template: { name: 'rabta_update', language: 'ur' },
  log,
  clock: { now: () => new Date() },
});

const filedEvent = (complaint: { etag: string; district: string; createdAt: string }) => ({
  'detail-type': 'ComplaintFiled',
  detail: {
    schemaVersion: 1,
    etag: complaint.etag,
    timelineItemId: `${complaint.etag}#${complaint.createdAt}#000001.00`,
    occurredAt: complaint.createdAt,
    district: complaint.district,
    category: 'theft_robbery',
    channel: 'web',
    language: 'en',
    status: 'received',
    priority: 'normal',
    canMessageCitizen: true,
    sensitive: false,
  },
});

describe('one message per update under concurrent delivery', () => {
  it.each([3, 10])('%i concurrent copies of one event send exactly one message', async (copies) => {
    // Prepare
    const complaint = makeComplaint(
      { district: 'LHR', language: 'en', complainant: freshComplainant() },
      new Date(),
    );
    await seed(repository, complaint);
    const graph = slowGraph();
    const event = filedEvent(complaint);
    // Act: every copy is retried like SQS would while another copy holds the lease
    const outcomes = await Promise.all(
      Array.from({ length: copies }, () =>
        untilSettled(
          () => notifyCitizen(notifierDeps(graph), event),
          (e) => e instanceof SendInProgressError,
        ),
      ),
    );
    // Assess
    expect(graph.sent).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
  });

  it('a sender killed after its claim: the message goes out once, after the lease expires', async () => {
    // Prepare: a claim whose holder never comes back
    const outbound = createOutboundMessageStore(documentClient(), () => table, 300);
    const delivery = {
      outboundId: `crash#${Date.now()}`,
      citizenId: '923001234567',
      recipient: { waId: '923001234567' },
      message: { kind: 'text' as const, body: 'Your complaint was assigned.' },
      windowStart: new Date(),
      now: new Date(),
    };
    const { outboundId, citizenId, recipient } = delivery;
    const claim = await outbound.claim(
      { outboundId, citizenId, recipient, mode: 'free-form', fallbackText: delivery.message.body },
      new Date(),
    );
    expect(claim.outcome).toBe('claimed');
    const graph = slowGraph(1);
    const deps = { outbound, graph, template: { name: 'rabta_update', language: 'en' }, log };
    // Act
    const whileLeased = deliver(deps, { ...delivery, now: new Date() });
    await expect(whileLeased).rejects.toBeInstanceOf(SendInProgressError);
    await sleep(350);
    const afterLease = await deliver(deps, { ...delivery, now: new Date() });
    const again = await deliver(deps, { ...delivery, now: new Date() });
    // Assess
    expect([afterLease, again]).toEqual(['sent', 'already-sent']);
    expect(graph.sent).toHaveLength(1);
  });

  it('a retryable Graph failure releases the claim at once, so the retry sends without waiting for the lease', async () => {
    // Prepare: a lease far longer than the test
    const complaint = makeComplaint(
      { district: 'LHR', language: 'en', complainant: freshComplainant() },
      new Date(),
    );
    await seed(repository, complaint);
    const graph = slowGraph(1);
    graph.failNext(1);
    const deps = notifierDeps(graph, 600_000);
    const event = filedEvent(complaint);
    // Act
    await expect(notifyCitizen(deps, event)).rejects.toBeInstanceOf(GraphApiError);
    const retried = await notifyCitizen(deps, event);
    // Assess
    expect(retried).toEqual({ outcome: 'sent', messages: 1 });
    expect(graph.sent).toHaveLength(1);
  });

  it('officer alerts: 5 concurrent copies of a breach message each officer once', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'FSD' }, new Date());
    await seed(repository, complaint);
    const force = createForceRepository(documentClient(), () => table);
    const { units, posts } = seedStructure();
    await force.seed(units, posts);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    await force.apply({
      officers: [
        {
          officer: {
            serviceNumber: 'PB-LEASE-1',
            name: 'Hina Shah',
            rank: 'DIG',
            whatsapp: { phone: '+923331110000', consentAt: since },
            createdAt: since,
            updatedAt: since,
            version: 1,
          },
        },
      ],
      openPostings: [
        {
          postId: 'region-faisalabad.head',
          serviceNumber: 'PB-LEASE-1',
          from: since,
          recordedBy: 'test',
          recordedAt: since,
        },
      ],
    });
    const graph = slowGraph();
    const deps: OfficerAlerterDeps = {
      complaints: repository,
      alerts: createAlertRepository(documentClient(), () => table),
      force,
      digests: createDigestStore(documentClient(), () => table),
      consoleUrl: 'https://console.example/officer',
      digestHourPkt: 9,
      outbound: createOutboundMessageStore(documentClient(), () => table),
      graph,
      template: { name: 'rabta_update', language: 'en' },
      log,
      clock: { now: () => new Date() },
    };
    const now = new Date().toISOString();
    const event = {
      'detail-type': 'ComplaintSlaBreached',
      detail: {
        schemaVersion: 1,
        etag: complaint.etag,
        timelineItemId: `${complaint.etag}#${now}#000002.00`,
        occurredAt: now,
        district: 'FSD',
        fromLevel: 'DPO',
        toLevel: 'RPO',
        phase: 'first_action',
        dueAt: now,
      },
    };
    // Act
    await Promise.all(
      Array.from({ length: 5 }, () =>
        untilSettled(
          () => alertOfficers(deps, event),
          (e) => e instanceof SendInProgressError,
        ),
      ),
    );
    // Assess
    expect(graph.sent.filter((s) => s.to.waId === '923331110000')).toHaveLength(1);
  });
});
