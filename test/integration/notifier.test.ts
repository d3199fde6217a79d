import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAlertRepository } from '../../shared/adapters/dynamodb/alert-repository.ts';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { createOutboundMessageStore } from '../../shared/adapters/dynamodb/outbound-message-store.ts';
import { createSessionStore, sessionItem } from '../../shared/adapters/dynamodb/session-store.ts';
import type { GraphMessage, GraphRecipient } from '../../shared/app/whatsapp/ports.ts';
import {
  EarlierUpdatePendingError,
  notifyCitizen,
  type CitizenNotifierDeps,
} from '../../shared/app/notify/citizen-notifier.ts';
import { eventOfTimelineEntry } from '../../shared/app/publish-timeline.ts';
import { alertOfficers, type OfficerAlerterDeps } from '../../shared/app/notify/officer-alerter.ts';
import { listAlerts } from '../../shared/app/officer/alerts.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';
import type { ChatSession } from '../../shared/chat/types.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import { applyTransition } from '../../shared/domain/lifecycle.ts';
import { createForceRepository } from '../../shared/adapters/dynamodb/force-repository.ts';
import { createDigestStore } from '../../shared/adapters/dynamodb/digest-store.ts';
import { seedStructure } from '../../shared/domain/force/seed.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { provisionForTest } from '../support/aws.ts';
import { makeComplaint, officer } from '../unit/officer/fakes.ts';
import { seed } from './officer-support.ts';

/** Meta's Graph API is not ours: a recording fake of the client's port. */
const recordingGraph = () => {
  const sent: { to: GraphRecipient; message: GraphMessage }[] = [];
  return {
    sent,
    send: async (to: GraphRecipient, message: GraphMessage) => {
      sent.push({ to, message });
      return { wamid: `wamid.${sent.length}` };
    },
    markAsRead: async () => undefined,
  };
};

const log = { info: () => undefined, warn: () => undefined, error: () => undefined };

let table: string;
let repository: ComplaintRepository;

beforeAll(async () => {
  table = (await provisionForTest('ntf')).names.appTable;
  repository = createComplaintRepository(documentClient(), () => table);
});

const notifierDeps = (
  graph = recordingGraph(),
): CitizenNotifierDeps & { graph: ReturnType<typeof recordingGraph> } => ({
  complaints: repository,
  sessions: createSessionStore(documentClient(), () => table),
  // The number these tests' web complaints name has opted in (opt-in itself: send-lease and fault suites).
  optIns: { isGranted: async () => true, grant: async () => undefined },
  outbound: createOutboundMessageStore(documentClient(), () => table),
  graph,
  template: { name: 'rabta_update', language: 'ur' },
  log,
  clock: { now: () => new Date() },
});

/** Applies an officer command and returns the EventBridge event the publisher would emit for its entry. */
const actAndAnnounce = async (complaint: Complaint, command: Parameters<typeof applyTransition>[1]) => {
  const dpo = { kind: 'officer' as const, officer: officer('DPO', { district: complaint.district }) };
  const current = (await repository.get(complaint.etag)) ?? complaint;
  const { complaint: next, timeline } = applyTransition(current, command, dpo, new Date());
  await repository.update(next, current.version, timeline);
  const stored = await repository.getWithTimeline(complaint.etag);
  const entry = stored?.timeline.at(-1);
  if (!entry) throw new Error('no timeline entry');
  const base = {
    schemaVersion: 1,
    etag: entry.etag,
    timelineItemId: entry.id,
    occurredAt: entry.at,
    district: entry.district,
  };
  const detail =
    entry.type === 'ComplaintAssigned'
      ? { ...base, level: next.assignment?.level, status: next.status }
      : entry.type === 'ComplaintStatusChanged'
        ? { ...base, fromStatus: entry.fromStatus, toStatus: entry.toStatus }
        : { ...base, kind: entry.data?.kind, status: next.status };
  return { 'detail-type': entry.type, detail };
};

/** Tells the citizen about every entry but the last, in order, as the notifier would have by now. */
const announceEarlier = async (etag: string) => {
  const stored = await repository.getWithTimeline(etag);
  const deps = notifierDeps();
  for (const entry of stored?.timeline.slice(0, -1) ?? []) {
    const { detailType, detail } = eventOfTimelineEntry(entry);
    await notifyCitizen(deps, { 'detail-type': detailType, detail });
  }
};

const openWindow = async (citizenId: string) => {
  const now = new Date();
  const session = {
    citizenId,
    language: 'en',
    languageChosen: true,
    lastInboundAt: now.toISOString(),
    recentInbound: [],
    updatedAt: now.toISOString(),
  } as ChatSession;
  await documentClient().send(new PutCommand({ TableName: table, Item: sessionItem(session, now) }));
};

describe('notifyCitizen', () => {
  it('holds a later update back until the earlier one of the same complaint has gone out', async () => {
    // Prepare: filed (its update not sent yet), then assigned
    const complaint = makeComplaint({ district: 'LHR', language: 'en' }, new Date());
    await seed(repository, complaint);
    const assigned = await actAndAnnounce(complaint, { type: 'assign', level: 'SHO', station: 'Model Town' });
    const deps = notifierDeps();
    // Act
    const tooEarly = notifyCitizen(deps, assigned);
    await expect(tooEarly).rejects.toBeInstanceOf(EarlierUpdatePendingError);
    await announceEarlier(complaint.etag);
    const inTurn = await notifyCitizen(deps, assigned);
    // Assess
    expect(inTurn).toEqual({ outcome: 'sent', messages: 1 });
    expect(deps.graph.sent).toHaveLength(1);
  });

  it('sends one template per event outside the 24-hour window, and nothing again when the event is redelivered', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'LHR', language: 'ur' }, new Date());
    await seed(repository, complaint);
    const event = await actAndAnnounce(complaint, { type: 'assign', level: 'SHO', station: 'Model Town' });
    await announceEarlier(complaint.etag);
    const deps = notifierDeps();
    // Act
    const first = await notifyCitizen(deps, event);
    const again = await notifyCitizen(deps, event);
    // Assess
    expect(first).toEqual({ outcome: 'sent', messages: 1 });
    expect(again).toEqual({ outcome: 'skipped', reason: 'already-told' });
    expect(deps.graph.sent).toHaveLength(1);
    expect(deps.graph.sent[0]?.to).toEqual({ waId: '923001234567' });
    expect(deps.graph.sent[0]?.message).toMatchObject({ type: 'template', name: 'rabta_update' });
    // Urdu complaint → the Urdu text as the template's parameter
    expect(JSON.stringify(deps.graph.sent[0]?.message)).toMatch(/شکایت/);
  });

  it('inside the window sends free-form text, and on resolve the satisfaction question with reply buttons', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'LHR', language: 'en' }, new Date());
    await seed(repository, complaint);
    await openWindow('923001234567');
    await actAndAnnounce(complaint, { type: 'assign', level: 'SHO', station: 'Model Town' });
    await actAndAnnounce(complaint, { type: 'start' });
    const resolved = await actAndAnnounce(complaint, { type: 'resolve', note: 'Motorcycle recovered' });
    await announceEarlier(complaint.etag);
    const deps = notifierDeps();
    // Act
    const result = await notifyCitizen(deps, resolved);
    // Assess
    expect(result).toEqual({ outcome: 'sent', messages: 2 });
    expect(deps.graph.sent.map((s) => s.message.type)).toEqual(['text', 'buttons']);
    expect(JSON.stringify(deps.graph.sent[0]?.message)).toMatch(/resolved/);
  });

  it('never messages a citizen who opted out', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'LHR', optOutOfUpdates: true }, new Date());
    await seed(repository, complaint);
    const event = await actAndAnnounce(complaint, { type: 'assign', level: 'DPO' });
    const deps = notifierDeps();
    // Act
    const result = await notifyCitizen(deps, event);
    // Assess
    expect(result).toEqual({ outcome: 'skipped', reason: 'opted-out' });
    expect(deps.graph.sent).toEqual([]);
  });
});

describe('alertOfficers', () => {
  it('stores the breach once, messages the holder and the supervisor the directory names by template once, and shows it in their alerts', async () => {
    // Prepare: the City Police Officer Faisalabad and the RPO Faisalabad are posted, with WhatsApp numbers.
    const complaint = makeComplaint({ district: 'FSD' }, new Date());
    await seed(repository, complaint);
    const force = createForceRepository(documentClient(), () => table);
    const { units, posts } = seedStructure();
    await force.seed(units, posts);
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const record = (serviceNumber: string, name: string, rank: 'SSP' | 'DIG', phone: string) => ({
      officer: {
        serviceNumber,
        name,
        rank,
        whatsapp: { phone, consentAt: since },
        createdAt: since,
        updatedAt: since,
        version: 1,
      },
    });
    await force.apply({
      officers: [
        record('PB-FSD-1', 'Kamran Aziz', 'SSP', '+923334445555'),
        record('PB-FSD-2', 'Hina Shah', 'DIG', '+923331112222'),
      ],
      openPostings: [
        {
          postId: 'district-FSD.head',
          serviceNumber: 'PB-FSD-1',
          from: since,
          recordedBy: 'test',
          recordedAt: since,
        },
        {
          postId: 'region-faisalabad.head',
          serviceNumber: 'PB-FSD-2',
          from: since,
          recordedBy: 'test',
          recordedAt: since,
        },
      ],
    });
    const rpo = officer('RPO', { region: 'faisalabad' });
    const graph = recordingGraph();
    const alerts = createAlertRepository(documentClient(), () => table);
    const deps: OfficerAlerterDeps = {
      complaints: repository,
      alerts,
      force,
      digests: createDigestStore(documentClient(), () => table),
      consoleUrl: 'https://console.example/officer',
      digestHourPkt: 9,
      outbound: createOutboundMessageStore(documentClient(), () => table),
      graph,
      template: { name: 'rabta_officer_alert', language: 'en' },
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
    const first = await alertOfficers(deps, event);
    const again = await alertOfficers(deps, event);
    const rpoAlerts = await listAlerts({ alerts, clock: deps.clock }, { officer: rpo });
    const otherDistrict = await listAlerts(
      { alerts, clock: deps.clock },
      { officer: officer('DPO', { district: 'LHR' }) },
    );
    // Assess
    expect(first).toEqual({ outcome: 'alerted', stored: true, messaged: 2 });
    expect(again).toEqual({ outcome: 'alerted', stored: false, messaged: 0 });
    expect(graph.sent.map((s) => [s.to.waId, s.message.type]).sort()).toEqual([
      ['923331112222', 'template'],
      ['923334445555', 'template'],
    ]);
    expect(rpoAlerts.items[0]?.recipients?.map((r) => r.serviceNumber).sort()).toEqual([
      'PB-FSD-1',
      'PB-FSD-2',
    ]);
    expect(rpoAlerts.items.map((a) => [a.etag, a.kind, a.escalatedTo])).toEqual([
      [complaint.etag, 'breach', 'RPO'],
    ]);
    expect(otherDistrict.items).toEqual([]);
  });
});
