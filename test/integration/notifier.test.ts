import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAlertRepository } from '../../shared/adapters/dynamodb/alert-repository.ts';
import { createOfficerDirectory } from '../../shared/adapters/dynamodb/officer-directory.ts';
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
  it('stores the breach once, messages the registered supervisor by template once, and shows it in their alerts', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'FSD' }, new Date());
    await seed(repository, complaint);
    const directory = createOfficerDirectory(documentClient(), () => table);
    const rpo = { ...officer('RPO', { region: 'faisalabad' }), phone: '+923331112222' };
    const dpo = { ...officer('DPO', { district: 'FSD' }), phone: '+923334445555' };
    await directory.register(rpo, new Date());
    await directory.register(dpo, new Date());
    await directory.register(dpo, new Date()); // unchanged: no second entry
    const graph = recordingGraph();
    const alerts = createAlertRepository(documentClient(), () => table);
    const deps: OfficerAlerterDeps = {
      complaints: repository,
      alerts,
      directory,
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
    const first = await alertOfficers(deps, event);
    const again = await alertOfficers(deps, event);
    const rpoAlerts = await listAlerts({ alerts, clock: deps.clock }, { officer: rpo });
    const otherDistrict = await listAlerts(
      { alerts, clock: deps.clock },
      { officer: officer('DPO', { district: 'LHR' }) },
    );
    // Assess
    expect(first).toEqual({ outcome: 'alerted', stored: true, messaged: 1 });
    expect(again).toEqual({ outcome: 'alerted', stored: false, messaged: 0 });
    expect(graph.sent.map((s) => [s.to.waId, s.message.type])).toEqual([['923331112222', 'template']]);
    expect(rpoAlerts.items.map((a) => [a.etag, a.kind, a.escalatedTo])).toEqual([
      [complaint.etag, 'breach', 'RPO'],
    ]);
    expect(otherDistrict.items).toEqual([]);
  });
});
