import { describe, expect, it } from 'vitest';
import { runChatCommand, type RunCommandDeps } from '../../../shared/app/whatsapp/run-command.ts';
import type { ChatSession, InboundMessage } from '../../../shared/chat/types.ts';
import type { Complaint } from '../../../shared/domain/complaint.ts';
import { InMemoryComplaintRepository, fakeHasher, fixedClock, seededRandom } from '../../support/fakes.ts';
import { makeComplaint } from '../officer/fakes.ts';

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
  const deps: RunCommandDeps = {
    complaints: {
      complaints,
      clock: fixedClock(NOW.toISOString()),
      random: seededRandom(),
      trackingCodes: fakeHasher(),
    },
    feedback: { record: async () => undefined },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  return { deps, complaints, resolved };
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
