/**
 * Real webhook bodies from ../shared/fixtures/whatsapp through the whole worker path (split → engine →
 * outbound → Graph request body): non-text noise gets at most one reply per delivery, and a citizen known
 * only by a business-scoped id is answered through `recipient`, never `to`.
 */
import { describe, expect, it } from 'vitest';
import { toGraphBody } from '../../../shared/adapters/whatsapp/graph-client.ts';
import type { GraphMessage, GraphRecipient } from '../../../shared/app/whatsapp/ports.ts';
import { splitWebhookPayload } from '../../../shared/app/whatsapp/payload.ts';
import { processQueueItem, type ProcessInboundDeps } from '../../../shared/app/whatsapp/process-inbound.ts';
import type { OutboundRecord, TurnPlan } from '../../../shared/app/whatsapp/ports.ts';
import { converse } from '../../../shared/chat/engine.ts';
import type { ChatSession } from '../../../shared/chat/types.ts';
import { waWebhookPayloadSchema } from '../../../shared/schemas/whatsapp.ts';
import { describeWithCorpus, loadWhatsAppFixtures } from '../../support/corpus.ts';

type Json = Record<string, unknown>;
interface Change {
  field: string;
  value: { contacts?: Json[]; messages?: Json[]; statuses?: Json[] } & Json;
}

const changesOf = (body: unknown): Change[] =>
  ((body as { entry?: { changes?: Change[] }[] }).entry ?? []).flatMap((e) => e.changes ?? []);

/** The worker with in-memory ports and the real engine; records every Graph request body. */
const worker = () => {
  const sessions = new Map<string, ChatSession>();
  const processed = new Map<string, TurnPlan | undefined>();
  const outbound = new Map<string, OutboundRecord>();
  const requests: Json[] = [];
  const warnings: string[] = [];
  const deps: ProcessInboundDeps = {
    processed: {
      claim: async (id) =>
        processed.has(id)
          ? { outcome: 'done' }
          : { outcome: 'claimed', owner: 'worker-1', commandReplies: {} },
      commitTurn: async (id, session, plan) => {
        sessions.set(session.citizenId, session);
        processed.set(id, plan);
      },
      saveCommandReplies: async () => undefined,
      complete: async () => undefined,
      release: async () => undefined,
    },
    sessions: { load: async (id) => sessions.get(id) },
    outbound: {
      find: async (id) => outbound.get(id),
      claim: async (record) => {
        const existing = outbound.get(record.outboundId);
        if (existing && existing.state !== 'pending') return { outcome: 'done', record: existing };
        const pending: OutboundRecord = existing ?? { ...record, state: 'pending' };
        outbound.set(record.outboundId, pending);
        return { outcome: 'claimed', record: pending, owner: 'worker-1' };
      },
      release: async () => undefined,
      markSent: async (id, wamid) => {
        const record = outbound.get(id);
        if (record) outbound.set(id, { ...record, state: 'sent', wamid });
      },
      findByWamid: async () => undefined,
      applyStatus: async () => undefined,
    },
    graph: {
      send: async (to: GraphRecipient, message: GraphMessage) => {
        requests.push(toGraphBody(to, message));
        return { wamid: `wamid.out.${requests.length}` };
      },
      markAsRead: async () => undefined,
    },
    template: { name: 'rabta_update', language: 'ur' },
    converse,
    runCommand: async () => [],
    clock: { now: () => new Date('2026-06-01T10:00:00Z') },
    log: { info: () => undefined, warn: (message) => void warnings.push(message), error: () => undefined },
  };
  const receive = async (body: unknown): Promise<void> => {
    for (const item of splitWebhookPayload(waWebhookPayloadSchema.parse(body)).items)
      await processQueueItem(deps, item);
  };
  return { receive, requests, warnings };
};

const TEXTUAL = new Set(['text', 'interactive', 'button']);

describeWithCorpus('test/unit/whatsapp/noise-and-identity.test.ts', () => {
  describe('real non-text messages', () => {
    const webhooks = loadWhatsAppFixtures().filter((f) => f.isWebhook);
    // Every non-text message of every real fixture, as if one citizen had sent them all in one delivery.
    const messages = webhooks
      .flatMap((f) => changesOf(f.json))
      .filter((c) => c.field === 'messages')
      .flatMap((c) => c.value.messages ?? [])
      .filter((m) => !TEXTUAL.has(String(m.type)))
      .map((m, i): Json => {
        const { from_user_id: _bsuid, ...rest } = m;
        return { ...rest, from: '923001234567', id: `wamid.noise.${i}`, timestamp: '1780307990' };
      });
    const statuses = webhooks.flatMap((f) => changesOf(f.json)).flatMap((c) => c.value.statuses ?? []);
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                contacts: [{ wa_id: '923001234567', profile: { name: 'Citizen' } }],
                messages,
                statuses,
              },
            },
          ],
        },
      ],
    };

    it('covers reactions, stickers, contacts, unsupported types, media, locations and statuses', () => {
      const types = new Set(messages.map((m) => String(m.type)));
      for (const type of ['reaction', 'sticker', 'contacts', 'unsupported', 'image', 'location', 'system'])
        expect(types).toContain(type);
      expect(statuses.length).toBeGreaterThan(3);
    });

    it('delivered in one body, they get at most one reply', async () => {
      // Prepare
      const { receive, requests } = worker();
      // Act
      await receive(body);
      // Assess
      expect(requests.length, JSON.stringify(requests)).toBeLessThanOrEqual(1);
    });

    it('from a new citizen, they still get at most one reply', async () => {
      const { receive, requests } = worker();
      await receive({ ...body, entry: [{ ...body.entry[0], id: 'again' }] });
      expect(requests.length).toBeLessThanOrEqual(1);
    });
  });

  describe('identity', () => {
    const fixture = (name: string): Json => {
      const found = loadWhatsAppFixtures().find((f) => f.name === name);
      if (!found) throw new Error(`fixture ${name} missing`);
      return structuredClone(found.json) as Json;
    };

    it('a BSUID in `from` (pywa text, its contact known only by user_id) is answered with `recipient`, no `to`', async () => {
      // Prepare
      const body = fixture('pywa/message.json#text');
      const [change] = changesOf(body);
      const contact = change!.value.contacts![0]!;
      const bsuid = String(contact.user_id);
      contact.wa_id = '';
      const message = change!.value.messages![0]!;
      message.from = bsuid;
      delete message.from_user_id;
      const { receive, requests } = worker();
      // Act
      await receive(body);
      // Assess
      expect(bsuid).toMatch(/^US\.\d+$/);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        expect(request.recipient).toBe(bsuid);
        expect(request).not.toHaveProperty('to');
      }
    });

    it("Meta's username example (`from` empty, `from_user_id` set) is answered with `recipient`, no `to`", async () => {
      const body = fixture('meta-docs/business-scoped-user-ids--example-line862.json');
      const { receive, requests } = worker();
      await receive(body);
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        expect(request.recipient).toBe('user.93737...');
        expect(request).not.toHaveProperty('to');
      }
    });

    it('a phone number is answered with `to`', async () => {
      const { receive, requests } = worker();
      await receive(fixture('pywa/message.json#text'));
      expect(requests.length).toBeGreaterThan(0);
      expect(requests[0]).toMatchObject({ to: '972987654321' });
    });

    it('a sender that is neither a phone number nor a BSUID is not replied to, and is logged', async () => {
      // netflie's placeholders: "PHONE_NUMBER" in `from`, "BSUID_123" as the only user id.
      for (const name of [
        'netflie/a_text_notification.json',
        'netflie/a_notification_with_bsuid_only_and_no_from.json',
      ]) {
        const { receive, requests, warnings } = worker();
        await receive(fixture(name));
        expect(requests).toEqual([]);
        expect(warnings).toContain('inbound message from an unaddressable sender: not replied');
      }
    });
  });
});
