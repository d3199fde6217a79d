import { describe, expect, it } from 'vitest';
import { signBody, signBodyAsMeta } from '../../../shared/app/whatsapp/signature.ts';
import { deduplicationKey } from '../../../shared/app/whatsapp/payload.ts';
import {
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookVerificationError,
} from '../../../shared/app/whatsapp/errors.ts';
import {
  receiveWebhook,
  verifyWebhookSubscription,
  type ReceiveWebhookDeps,
} from '../../../shared/app/whatsapp/receive-webhook.ts';
import type { InboundQueueItem } from '../../../shared/schemas/whatsapp.ts';
import { describeWithCorpus, loadWhatsAppFixtures } from '../../support/corpus.ts';

const SECRET = 'unit-app-secret';

const setup = () => {
  const enqueued: InboundQueueItem[] = [];
  const logged: Record<string, unknown>[] = [];
  const deps: ReceiveWebhookDeps = {
    secrets: async () => ({ appSecret: SECRET, verifyToken: 'unit-verify' }),
    queue: { enqueue: async (items) => void enqueued.push(...items) },
    log: {
      info: (_m, extra) => void logged.push(extra ?? {}),
      warn: () => undefined,
      error: () => undefined,
    },
  };
  return { deps, enqueued, logged };
};

const deliver = (deps: ReceiveWebhookDeps, body: Buffer | string, signature = signBody(body, SECRET)) =>
  receiveWebhook(deps, { rawBody: Buffer.from(body), signature });

describeWithCorpus('test/unit/whatsapp/receive-webhook.test.ts', () => {
  const fixtures = loadWhatsAppFixtures();
  const fixture = (name: string) => fixtures.find((f) => f.name === name)!;

  it.each(fixtures.filter((f) => f.isWebhook).map((f) => [f.name, f] as const))(
    'accepts %s and enqueues one item per message and status',
    async (_name, payload) => {
      // Prepare
      const { deps, enqueued } = setup();
      const value = JSON.stringify(payload.json);
      const expected = (value.match(/"messages":\[\{/g) ?? []).length === 0 ? undefined : true;
      // Act
      const result = await deliver(deps, payload.body, signBodyAsMeta(payload.body, SECRET));
      // Assess
      expect(enqueued).toHaveLength(result.messages + result.statuses);
      if (expected) expect(result.messages).toBeGreaterThan(0);
      for (const item of enqueued) expect(item.citizen.id.length).toBeGreaterThan(0);
    },
  );

  it.each(fixtures.filter((f) => f.json === undefined).map((f) => [f.name] as const))(
    'rejects %s (not valid JSON) with WebhookPayloadError and enqueues nothing',
    async (name) => {
      // Prepare
      const { deps, enqueued } = setup();
      // Act & Assess
      await expect(deliver(deps, fixture(name).body)).rejects.toBeInstanceOf(WebhookPayloadError);
      expect(enqueued).toHaveLength(0);
    },
  );

  it.each(fixtures.filter((f) => f.json !== undefined && !f.isWebhook).map((f) => [f.name] as const))(
    'acknowledges %s (valid JSON, no WhatsApp delivery) and enqueues nothing',
    async (name) => {
      // Prepare
      const { deps, enqueued } = setup();
      // Act
      const result = await deliver(deps, fixture(name).body);
      // Assess
      expect(result.ignored).toBe(true);
      expect(enqueued).toHaveLength(0);
    },
  );

  it('rejects a wrong or missing signature before looking at the body', async () => {
    // Prepare
    const { deps, enqueued } = setup();
    const body = fixture('netflie/a_text_notification.json').body;
    // Act & Assess
    await expect(deliver(deps, body, signBody(body, 'wrong'))).rejects.toBeInstanceOf(WebhookSignatureError);
    await expect(receiveWebhook(deps, { rawBody: body, signature: undefined })).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
    await expect(deliver(deps, '{not json', signBody('other', SECRET))).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
    expect(enqueued).toHaveLength(0);
  });

  it('splits every change of every entry (the two-change netflie payload)', async () => {
    // Prepare
    const { deps, enqueued } = setup();
    // Act
    await deliver(deps, fixture('netflie/multiple_text_notification.json').body);
    // Assess
    expect(enqueued.map((i) => i.kind === 'message' && i.message.id)).toEqual(['wamid.ID', 'wamid.ID']);
  });

  it('keys the citizen by business-scoped user id, and handles a message without "from"', async () => {
    // Prepare
    const { deps, enqueued } = setup();
    // Act
    await deliver(deps, fixture('netflie/a_notification_with_bsuid_only_and_no_from.json').body);
    await deliver(deps, fixture('pywa/message.json#text').body);
    await deliver(deps, fixture('meta-docs/business-scoped-user-ids--example-line862.json').body);
    await deliver(deps, fixture('meta-docs/text--example2.json').body);
    // Assess
    expect(enqueued.map((i) => i.citizen)).toEqual([
      { id: 'BSUID_123', userId: 'BSUID_123', profileName: 'NAME' },
      {
        id: 'US.13491208655302741918',
        userId: 'US.13491208655302741918',
        waId: '972987654321',
        profileName: 'Test Name',
      },
      { id: 'user.93737...', userId: 'user.93737...', profileName: 'Sheena Nelson' },
      expect.objectContaining({ id: '16505551234', waId: '16505551234' }),
    ]);
  });

  it('deduplicates statuses by message id and status', async () => {
    // Prepare
    const { deps, enqueued } = setup();
    // Act
    await deliver(deps, fixture('bindambc/reEngagementMessageError.json').body);
    // Assess
    expect(enqueued).toHaveLength(1);
    expect(deduplicationKey(enqueued[0]!)).toBe(
      'wamid.HBgNN5NzAzMDkTUyNzkzNhUEjA1MjUwNCAUIyNEYUQ0OTVGNTY0MwA=:failed',
    );
    expect(enqueued[0]!.citizen.id).toBe('5511111111111');
  });

  it('accepts non-"messages" fields, enqueues nothing, and logs only field names and counts', async () => {
    // Prepare
    const { deps, enqueued, logged } = setup();
    // Act
    const result = await deliver(deps, fixture('bindambc/accountReview.json').body);
    await deliver(deps, fixture('pywa/message.json#text').body);
    // Assess
    expect(result).toEqual({ messages: 0, statuses: 0, skipped: 1 });
    expect(enqueued).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      skippedChanges: [{ field: 'account_review_update', reason: 'not-messages-field' }],
    });
    const logText = JSON.stringify(logged);
    for (const personal of ['972987654321', 'Test Name', 'Body Text', 'US.1349'])
      expect(logText).not.toContain(personal);
  });
});

describe('receiveWebhook', () => {
  it("acknowledges another Meta product's signed delivery without enqueuing anything", async () => {
    // Prepare
    const { deps, enqueued } = setup();
    // Act
    const result = await deliver(deps, '{"object":"page","entry":[]}');
    // Assess
    expect(result).toMatchObject({ messages: 0, statuses: 0, ignored: true });
    expect(enqueued).toHaveLength(0);
  });

  it.each([
    ['invalid JSON', '{"object":'],
    ['a JSON array', '[]'],
    ['a WhatsApp delivery whose entry is not a list', '{"object":"whatsapp_business_account","entry":5}'],
    [
      'a message without id',
      '{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"1"}]}}]}]}',
    ],
    [
      'a valid delivery whose bytes are not UTF-8',
      Buffer.concat([
        Buffer.from(
          '{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"from":"1","id":"wamid.x","type":"text","text":{"body":"',
        ),
        Buffer.from([0xc3, 0x28, 0xff]),
        Buffer.from('"}}]}}]}]}'),
      ]),
    ],
  ])('answers %s with WebhookPayloadError', async (_case, body) => {
    // Prepare
    const { deps, enqueued } = setup();
    // Act & Assess
    await expect(deliver(deps, body)).rejects.toBeInstanceOf(WebhookPayloadError);
    expect(enqueued).toHaveLength(0);
  });
});

describe('verifyWebhookSubscription', () => {
  const deps = { secrets: async () => ({ appSecret: SECRET, verifyToken: 'unit-verify' }) };

  it('echoes the challenge for subscribe with the right token', async () => {
    // Act
    const challenge = await verifyWebhookSubscription(deps, {
      mode: 'subscribe',
      verifyToken: 'unit-verify',
      challenge: '1158201444',
    });
    // Assess
    expect(challenge).toBe('1158201444');
  });

  it.each([
    { mode: 'subscribe', verifyToken: 'wrong', challenge: 'c' },
    { mode: 'unsubscribe', verifyToken: 'unit-verify', challenge: 'c' },
    { mode: 'subscribe', challenge: 'c' },
    { mode: 'subscribe', verifyToken: 'unit-verify' },
    {},
  ])('refuses %o', async (query) => {
    // Act & Assess
    await expect(verifyWebhookSubscription(deps, query)).rejects.toBeInstanceOf(WebhookVerificationError);
  });
});
