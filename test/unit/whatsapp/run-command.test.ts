import { describe, expect, it } from 'vitest';
import type { EvidenceJob } from '../../../shared/app/evidence/whatsapp-media.ts';
import { LIMITS } from '../../../shared/app/limits.ts';
import { runChatCommand, type RunCommandDeps } from '../../../shared/app/whatsapp/run-command.ts';
import type { ChatSession, InboundMessage } from '../../../shared/chat/types.ts';
import type { Complaint } from '../../../shared/domain/complaint.ts';
import {
  InMemoryComplaintRepository,
  fakeHasher,
  fixedClock,
  inMemoryLimiter,
  seededRandom,
} from '../../support/fakes.ts';
import { applyTransition } from '../../../shared/domain/lifecycle.ts';
import { makeComplaint, officer } from '../officer/fakes.ts';
import { textOf } from '../chat/chat-harness.ts';

const CITIZEN = '923001234567';
const NOW = new Date('2026-03-02T10:00:00Z');

const setup = (owner: string) => {
  const complaints = new InMemoryComplaintRepository();
  const resolved: Complaint = makeComplaint({
    status: 'resolved',
    version: 4,
    assignment: { level: 'SHO', station: 'Gulberg', assignedAt: '2026-03-01T10:00:00.000Z' },
    complainant: { name: 'Test Citizen', phone: '+923001234567', overseas: false, whatsappId: owner },
  });
  complaints.complaints.set(resolved.etag, resolved);
  complaints.timelines.set(resolved.etag, []);
  const queued: EvidenceJob[] = [];
  const deps: RunCommandDeps = {
    complaints: {
      complaints,
      clock: fixedClock(NOW.toISOString()),
      random: seededRandom(),
      trackingCodes: fakeHasher(),
      limits: inMemoryLimiter(),
      rateRules: LIMITS,
    },
    feedback: { record: async () => undefined },
    evidence: { enqueue: async (jobs) => void queued.push(...jobs) },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  return { deps, complaints, resolved, queued };
};

const context = () => ({
  inbound: {
    id: 'wamid.fb',
    citizen: { id: CITIZEN, waId: CITIZEN },
    timestamp: NOW,
    kind: 'interactive',
    replyId: 'fb:no',
    title: 'No',
  } as InboundMessage,
  commandIndex: 0,
  session: { citizenId: CITIZEN, language: 'en' } as ChatSession,
  now: NOW,
});

describe('runChatCommand: satisfaction feedback in chat', () => {
  it('"not satisfied" reopens the complaint one level up, with the reason in the timeline', async () => {
    // Prepare
    const { deps, complaints, resolved } = setup(CITIZEN);
    // Act
    await runChatCommand(
      deps,
      { kind: 'complaintFeedback', etag: resolved.etag, satisfied: false, reason: 'Nobody called me' },
      context(),
    );
    // Assess
    const after = complaints.complaints.get(resolved.etag);
    expect(after?.status).toBe('reopened');
    expect(after?.assignment?.level).toBe('SDPO');
    expect(complaints.timelines.get(resolved.etag)?.at(-1)).toMatchObject({ reason: 'Nobody called me' });
  });

  it('"satisfied" closes it', async () => {
    // Prepare
    const { deps, complaints, resolved } = setup(CITIZEN);
    // Act
    await runChatCommand(
      deps,
      { kind: 'complaintFeedback', etag: resolved.etag, satisfied: true },
      context(),
    );
    // Assess
    expect(complaints.complaints.get(resolved.etag)?.status).toBe('closed');
  });

  it("changes nothing on someone else's complaint", async () => {
    // Prepare
    const { deps, complaints, resolved } = setup('923339999999');
    // Act
    await runChatCommand(
      deps,
      { kind: 'complaintFeedback', etag: resolved.etag, satisfied: false },
      context(),
    );
    // Assess
    expect(complaints.complaints.get(resolved.etag)).toEqual(resolved);
  });
});

describe('runChatCommand: a gender-harassment report filed in chat', () => {
  it('keeps the high priority the bot promised (the category default is normal), with its SLA', async () => {
    // Prepare
    const { deps, complaints } = setup(CITIZEN);
    const before = new Set(complaints.complaints.keys());
    // Act
    await runChatCommand(
      deps,
      {
        kind: 'fileComplaint',
        draft: {
          district: 'RWP',
          category: 'harassment',
          description: 'A man from my office keeps sending me threatening messages at night',
          attachments: [],
          complainant: { name: 'Ayesha', whatsappId: CITIZEN, overseas: false },
          language: 'en',
          optOutOfUpdates: true,
          priority: 'high',
        },
      },
      context(),
    );
    // Assess
    const filed = [...complaints.complaints.values()].find((c) => !before.has(c.etag));
    expect(filed).toMatchObject({ category: 'harassment', priority: 'high', optOutOfUpdates: true });
    // Harassment's own standard (8 h to first action) still applies: the category standard beats the priority.
    expect(filed?.sla?.targets.firstActionMinutes).toBe(8 * 60);
  });
});

describe('runChatCommand: attachments go to the evidence downloader', () => {
  const draft = {
    district: 'LHR',
    category: 'theft_robbery' as const,
    description: '(Description given as a voice note; see attachments.)',
    attachments: [
      { kind: 'image' as const, mediaId: 'm-photo', mimeType: 'image/jpeg' },
      { kind: 'audio' as const, mediaId: 'm-voice', mimeType: 'audio/ogg', describesComplaint: true },
    ],
    complainant: { name: 'Test Citizen', phone: '+923001234567', whatsappId: CITIZEN, overseas: false },
    language: 'en' as const,
    optOutOfUpdates: false,
  };

  it('a filed complaint queues one job per attachment, the voice-note description marked', async () => {
    // Prepare
    const { deps, complaints, queued } = setup(CITIZEN);
    // Act
    await runChatCommand(deps, { kind: 'fileComplaint', draft }, context());
    // Assess
    const filed = [...complaints.complaints.values()].find((c) => c.channel === 'whatsapp');
    expect(filed?.attachments[1]).toMatchObject({ mediaId: 'm-voice', describesComplaint: true });
    expect(queued).toEqual([
      {
        etag: filed?.etag,
        mediaId: 'm-photo',
        kind: 'image',
        mimeType: 'image/jpeg',
        citizen: { id: CITIZEN, waId: CITIZEN },
        language: 'en',
      },
      {
        etag: filed?.etag,
        mediaId: 'm-voice',
        kind: 'audio',
        mimeType: 'audio/ogg',
        describesComplaint: true,
        citizen: { id: CITIZEN, waId: CITIZEN },
        language: 'en',
      },
    ]);
  });

  it('"add to my complaint" goes to the citizen\'s newest open complaint', async () => {
    // Prepare
    const { deps, complaints, queued } = setup(CITIZEN);
    const open = makeComplaint({
      etag: 'LHR-OPEN-0001',
      status: 'in_progress',
      createdAt: '2026-03-01T12:00:00.000Z',
      complainant: { name: 'Test Citizen', phone: '+923001234567', overseas: false, whatsappId: CITIZEN },
    });
    complaints.complaints.set(open.etag, open);
    // Act
    const replies = await runChatCommand(
      deps,
      { kind: 'addEvidence', attachment: { kind: 'image', mediaId: 'late-1' } },
      context(),
    );
    // Assess
    expect(replies).toEqual([]);
    expect(queued).toMatchObject([{ etag: open.etag, mediaId: 'late-1', kind: 'image' }]);
  });

  it("someone else's e-tag, or no open complaint: told so, nothing queued", async () => {
    // Prepare
    const { deps, resolved, queued } = setup('923339999999');
    // Act
    const named = await runChatCommand(
      deps,
      { kind: 'addEvidence', etag: resolved.etag, attachment: { kind: 'image', mediaId: 'late-2' } },
      context(),
    );
    const newest = await runChatCommand(
      deps,
      { kind: 'addEvidence', attachment: { kind: 'image', mediaId: 'late-3' } },
      context(),
    );
    // Assess
    expect(JSON.stringify(named)).toContain('no open complaint');
    expect(newest).toEqual(named);
    expect(queued).toEqual([]);
  });
});

describe('runChatCommand: a complaint filed on the web with the number the citizen writes from', () => {
  const WEB_PHONE = '+923001234567';

  /** A web complaint (no WhatsApp id, the phone above) whose officer asked the citizen a question. */
  const webComplaintAwaitingAnswer = (): Complaint => {
    const dpo = { kind: 'officer' as const, officer: officer('DPO', { district: 'LHR' }) };
    let complaint = makeComplaint({ etag: 'LHR-WEB0-0001' }, NOW);
    complaint = applyTransition(complaint, { type: 'takeAndStart' }, dpo, NOW).complaint;
    return applyTransition(complaint, { type: 'requestCitizenInfo', note: 'The IMEI, please' }, dpo, NOW)
      .complaint;
  };

  const from = (phone: string | undefined) => {
    const base = context();
    return {
      ...base,
      inbound: { ...base.inbound, citizen: { id: CITIZEN, waId: CITIZEN, ...(phone && { phone }) } },
    };
  };

  it('"status" lists it beside the complaints filed in chat', async () => {
    // Prepare
    const { deps, complaints, resolved } = setup(CITIZEN);
    const web = webComplaintAwaitingAnswer();
    complaints.complaints.set(web.etag, web);
    complaints.timelines.set(web.etag, []);
    // Act
    const replies = await runChatCommand(deps, { kind: 'trackComplaints' }, from(WEB_PHONE));
    const named = await runChatCommand(deps, { kind: 'trackComplaints', etag: web.etag }, from(WEB_PHONE));
    // Assess
    expect(textOf(replies)).toContain(web.etag);
    expect(textOf(replies)).toContain(resolved.etag);
    expect(textOf(named)).toContain(web.etag);
  });

  it("an answer to the officer's question reaches the complaint (it was dropped before)", async () => {
    // Prepare
    const { deps, complaints } = setup(CITIZEN);
    const web = webComplaintAwaitingAnswer();
    complaints.complaints.set(web.etag, web);
    complaints.timelines.set(web.etag, []);
    // Act
    await runChatCommand(
      deps,
      { kind: 'answerInformationRequest', etag: web.etag, text: 'IMEI 356938035643809' },
      from(WEB_PHONE),
    );
    // Assess
    expect(complaints.complaints.get(web.etag)?.status).toBe('in_progress');
    expect(complaints.timelines.get(web.etag)?.at(-1)).toMatchObject({ note: 'IMEI 356938035643809' });
  });

  it.each([
    ['another number', '+923009999999'],
    ['no number (a business-scoped id only)', undefined],
  ])('a citizen writing from %s neither sees nor answers it', async (_, phone) => {
    // Prepare
    const { deps, complaints } = setup('someone-else');
    const web = webComplaintAwaitingAnswer();
    complaints.complaints.set(web.etag, web);
    complaints.timelines.set(web.etag, []);
    // Act
    const replies = await runChatCommand(deps, { kind: 'trackComplaints', etag: web.etag }, from(phone));
    await runChatCommand(
      deps,
      { kind: 'answerInformationRequest', etag: web.etag, text: 'not mine' },
      from(phone),
    );
    // Assess
    expect(textOf(replies)).not.toContain(web.etag);
    expect(complaints.complaints.get(web.etag)?.status).toBe('awaiting_citizen');
    expect(complaints.timelines.get(web.etag)).toEqual([]);
  });
});
