import { describe, expect, it } from 'vitest';
import {
  digestDateFor,
  type DigestEntry,
  type DigestStore,
  type OfficerAlerterDeps,
} from '../../../shared/app/notify/officer-alerter.ts';
import { sendDigests } from '../../../shared/app/notify/officer-digest.ts';
import type { GraphMessage, GraphRecipient, OutboundRecord } from '../../../shared/app/whatsapp/ports.ts';
import type { ChatSession } from '../../../shared/chat/types.ts';
import { InMemoryForce } from '../force/fakes.ts';

const GULBERG = 'station-LHR-gulberg.head';
const MODEL_TOWN = 'station-LHR-model-town.head';
const SADDAR = 'station-LHR-saddar.head';

/** 09:00 in Pakistan is 04:00 UTC. */
const pkt = (date: string, hour: number, minute = 0): Date =>
  new Date(
    Date.UTC(
      Number(date.slice(0, 4)),
      Number(date.slice(5, 7)) - 1,
      Number(date.slice(8, 10)),
      hour - 5,
      minute,
    ),
  );

const setup = (options: { windowOpenFor?: string } = {}) => {
  const force = new InMemoryForce();
  force.post(
    {
      serviceNumber: 'PB-1',
      name: 'Asif Khan',
      rank: 'Inspector',
      whatsapp: { phone: '+923007000001', consentAt: '2026-01-01T00:00:00.000Z' },
    },
    GULBERG,
    '2026-01-01T00:00:00.000Z',
  );
  // Posted, but gave no WhatsApp number: recorded, never messaged.
  force.post(
    { serviceNumber: 'PB-2', name: 'Bilal Shah', rank: 'Sub-Inspector' },
    MODEL_TOWN,
    '2026-01-01T00:00:00.000Z',
  );
  const queued = new Map<string, DigestEntry[]>();
  const digests: DigestStore = {
    async add(date, entry) {
      const list = queued.get(date) ?? [];
      if (!list.some((e) => e.etag === entry.etag)) queued.set(date, [...list, entry]);
    },
    async entries(date) {
      return queued.get(date) ?? [];
    },
  };
  const outbound = new Map<string, OutboundRecord>();
  const sent: { to: GraphRecipient; message: GraphMessage }[] = [];
  let now = pkt('2026-03-02', 8);
  const deps: OfficerAlerterDeps = {
    complaints: { get: async () => undefined },
    alerts: { add: async () => true, list: async () => ({ items: [] }) },
    force,
    digests,
    sessions: {
      // Only what `deliver` reads of a session: when the officer last wrote to the bot.
      load: async (id: string) =>
        id === options.windowOpenFor
          ? ({ lastInboundAt: pkt('2026-03-02', 7).toISOString() } as ChatSession)
          : undefined,
    },
    outbound: {
      find: async (id) => outbound.get(id),
      claim: async (record) => {
        const existing = outbound.get(record.outboundId);
        if (existing && existing.state !== 'pending') return { outcome: 'done' as const, record: existing };
        outbound.set(record.outboundId, { ...record, state: 'pending' });
        return { outcome: 'claimed' as const, record: outbound.get(record.outboundId)!, owner: 'test' };
      },
      release: async () => undefined,
      markSent: async (id, wamid) => void outbound.set(id, { ...outbound.get(id)!, state: 'sent', wamid }),
      findByWamid: async () => undefined,
      applyStatus: async () => undefined,
    },
    graph: {
      send: async (to, message) => {
        sent.push({ to, message });
        return { wamid: `wamid.${sent.length}` };
      },
      markAsRead: async () => undefined,
    },
    template: { name: 'rabta_officer_alert', language: 'en' },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    consoleUrl: 'https://console.example/',
    digestHourPkt: 9,
    clock: { now: () => now },
  };
  const queue = (postId: string, etag: string, occurredAt: Date, category = 'theft_robbery') =>
    digests.add(digestDateFor(occurredAt, 9), {
      postId,
      etag,
      category,
      occurredAt: occurredAt.toISOString(),
    });
  return { deps, sent, outbound, queue, setNow: (d: Date) => (now = d) };
};

const text = (m: GraphMessage): string => JSON.stringify(m);

describe('digestDateFor', () => {
  it('puts what happens before the hour (Pakistan time) in that day’s digest and what comes after in the next', () => {
    expect(digestDateFor(pkt('2026-03-02', 8, 59), 9)).toBe('2026-03-02');
    expect(digestDateFor(pkt('2026-03-02', 9), 9)).toBe('2026-03-03');
    // 23:30 on the 2nd in Pakistan (18:30 UTC): after that day's digest, so the 3rd's
    expect(digestDateFor(pkt('2026-03-02', 23, 30), 9)).toBe('2026-03-03');
  });
});

describe('sendDigests (OfficerDigest)', () => {
  it('sends nothing before the hour, then one message per post holder listing its complaints, oldest first', async () => {
    // Prepare: two complaints for Gulberg, one for Model Town (holder without WhatsApp), one for vacant Saddar
    const { deps, sent, queue, setNow } = setup();
    await queue(GULBERG, 'LHR-BBBB-0002', pkt('2026-03-01', 15));
    await queue(GULBERG, 'LHR-AAAA-0001', pkt('2026-03-01', 11), 'harassment');
    await queue(MODEL_TOWN, 'LHR-CCCC-0003', pkt('2026-03-01', 12));
    await queue(SADDAR, 'LHR-DDDD-0004', pkt('2026-03-01', 13));
    // Act
    setNow(pkt('2026-03-02', 8, 55));
    const early = await sendDigests(deps);
    setNow(pkt('2026-03-02', 9, 5));
    const due = await sendDigests(deps);
    // Assess
    expect(early).toEqual({ posts: 0, messaged: 0, vacant: 0 });
    expect(due).toEqual({ digestDate: '2026-03-02', posts: 3, messaged: 1, vacant: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toEqual({ waId: '923007000001' });
    const body = text(sent[0]!.message);
    expect(body).toContain('2 new complaints');
    expect(body.indexOf('LHR-AAAA-0001')).toBeLessThan(body.indexOf('LHR-BBBB-0002'));
    expect(body).toContain('https://console.example/complaints');
    expect(body).not.toContain('LHR-CCCC-0003');
    // Outside the officer's 24-hour window: the officers' approved template
    expect(sent[0]?.message).toMatchObject({ type: 'template', name: 'rabta_officer_alert' });
  });

  it('never sends a digest twice, however often the schedule fires', async () => {
    // Prepare
    const { deps, sent, queue, setNow } = setup();
    await queue(GULBERG, 'LHR-AAAA-0001', pkt('2026-03-01', 11));
    setNow(pkt('2026-03-02', 9, 5));
    // Act
    await sendDigests(deps);
    setNow(pkt('2026-03-02', 10, 5));
    const again = await sendDigests(deps);
    // Assess
    expect(again.messaged).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('writes free-form text to an officer who wrote to the bot in the last 24 hours', async () => {
    // Prepare
    const { deps, sent, queue, setNow } = setup({ windowOpenFor: '923007000001' });
    await queue(GULBERG, 'LHR-AAAA-0001', pkt('2026-03-01', 11));
    setNow(pkt('2026-03-02', 9, 5));
    // Act
    await sendDigests(deps);
    // Assess
    expect(sent[0]?.message).toMatchObject({ type: 'text' });
    expect(text(sent[0]!.message)).toContain('1 new complaint.');
  });
});
