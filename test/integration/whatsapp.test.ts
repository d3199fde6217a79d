/**
 * The webhook and the worker in-process against moto: real SQS FIFO queue, real table, the Graph
 * API faked over HTTP. The test drains the queue the way Lambda's event source mapping would.
 */
import { randomBytes } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  SQSBatchResponse,
  SQSEvent,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../../infra/local/fake-graph.ts';
import { signBody, signBodyAsMeta } from '../../shared/app/whatsapp/signature.ts';
import { provisionForTest } from '../support/aws.ts';
import { describeWithCorpus, loadWhatsAppFixtures } from '../support/corpus.ts';

const APP_SECRET = 'integration-app-secret';

let graph: FakeGraph;
let queueUrl: string;
let sqs: SQSClient;
let webhook: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
let worker: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
const context = { functionName: 'test', getRemainingTimeInMillis: () => 60_000 } as unknown as Context;

beforeAll(async () => {
  const provisioned = await provisionForTest('wa');
  graph = await startFakeGraph();
  process.env.GRAPH_API_BASE_URL = graph.url;
  process.env.WHATSAPP_APP_SECRET = APP_SECRET;
  process.env.WHATSAPP_VERIFY_TOKEN = 'integration-verify';
  process.env.GRAPH_API_MAX_ATTEMPTS = '2';
  queueUrl = provisioned.queueUrls.webhookInbound;
  sqs = new SQSClient({});
  webhook = (await import('../../functions/whatsapp-webhook.ts')).handler as never;
  worker = (await import('../../functions/whatsapp-worker.ts')).handler as never;
});

afterAll(async () => {
  await graph?.stop();
});

const httpEvent = (
  method: 'GET' | 'POST',
  options: {
    body?: Buffer;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    base64?: boolean;
  } = {},
): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: `${method} /webhook`,
    rawPath: '/webhook',
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers: options.headers ?? {},
    ...(options.query && { queryStringParameters: options.query }),
    requestContext: {
      http: { method, path: '/webhook', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
    ...(options.body && {
      body: options.base64 ? options.body.toString('base64') : options.body.toString('utf8'),
      isBase64Encoded: options.base64 ?? false,
    }),
  }) as unknown as APIGatewayProxyEventV2;

const postWebhook = (body: Buffer | string, signature?: string, base64 = false) => {
  const bytes = Buffer.from(body);
  return webhook(
    httpEvent('POST', {
      body: bytes,
      base64,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signature ?? signBody(bytes, APP_SECRET),
      },
    }),
    context,
  );
};

const toRecord = (m: Message) => ({
  messageId: m.MessageId ?? '',
  receiptHandle: m.ReceiptHandle ?? '',
  body: m.Body ?? '',
  attributes: {
    ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
    SentTimestamp: m.Attributes?.SentTimestamp ?? '0',
    SenderId: 'test',
    ApproximateFirstReceiveTimestamp: '0',
    MessageGroupId: m.Attributes?.MessageGroupId ?? '',
    MessageDeduplicationId: m.Attributes?.MessageDeduplicationId ?? '',
  },
  messageAttributes: {},
  md5OfBody: m.MD5OfBody ?? '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:webhookInbound.fifo',
  awsRegion: 'us-east-1',
});

/** Receives and runs batches until the queue is empty; returns every failed record's body. */
const drain = async (): Promise<string[]> => {
  const failures: string[] = [];
  for (let round = 0; round < 200; round++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 1,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) return failures;
    const records = Messages.map(toRecord);
    const result = await worker({ Records: records } as SQSEvent, context);
    const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
    for (const m of Messages) if (failed.has(m.MessageId ?? '')) failures.push(m.Body ?? '');
    const done = Messages.filter((m) => !failed.has(m.MessageId ?? ''));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })),
        }),
      );
    }
    if (failed.size > 0) return failures;
  }
  throw new Error('queue did not drain');
};

const queueDepth = async (): Promise<number> => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

const citizenNumber = () => `92300${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`;

/** A text message from `waId`, in Meta's shape, with a fresh wamid and the current time. */
const textPayload = (waId: string, text: string, id = `wamid.${randomBytes(12).toString('base64url')}`) => ({
  id,
  body: JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: 'Test Citizen' }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: text },
                },
              ],
            },
          },
        ],
      },
    ],
  }),
});

const sendsTo = (waId: string) =>
  graph.outbox({ to: waId }).filter((e) => e.type !== 'read' && e.status === 200);
const readsOf = (ids: readonly string[]) =>
  graph
    .outbox()
    .filter((e) => e.type === 'read')
    .map((e) => (e.request as { message_id: string }).message_id)
    .filter((id) => ids.includes(id));

describe('WhatsApp webhook', () => {
  it('answers the verification handshake, and 403 to a wrong token', async () => {
    // Act
    const ok = await webhook(
      httpEvent('GET', {
        query: {
          'hub.mode': 'subscribe',
          'hub.verify_token': 'integration-verify',
          'hub.challenge': '424242',
        },
      }),
      context,
    );
    const wrong = await webhook(
      httpEvent('GET', {
        query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '424242' },
      }),
      context,
    );
    // Assess
    expect(ok).toMatchObject({ statusCode: 200, body: '424242' });
    expect(ok.headers?.['content-type']).toMatch(/^text\/plain/);
    expect(wrong.statusCode).toBe(403);
  });

  it('answers 401 to a missing or wrong signature and enqueues nothing', async () => {
    // Prepare
    await drain();
    const { body } = textPayload(citizenNumber(), 'hello');
    // Act
    const wrong = await postWebhook(body, signBody(body, 'not-the-secret'));
    const missing = await webhook(httpEvent('POST', { body: Buffer.from(body), headers: {} }), context);
    // Assess
    expect(wrong.statusCode).toBe(401);
    expect(missing.statusCode).toBe(401);
    expect(await queueDepth()).toBe(0);
  });

  it('checks the signature over base64-decoded bytes when API Gateway encoded the body', async () => {
    // Prepare
    const { body } = textPayload(citizenNumber(), 'سلام');
    // Act
    const response = await postWebhook(body, signBodyAsMeta(body, APP_SECRET), true);
    // Assess
    expect(response.statusCode).toBe(200);
    expect(await drain()).toEqual([]);
  });
});

describeWithCorpus('test/integration/whatsapp.test.ts', () => {
  const fixtures = loadWhatsAppFixtures();

  it('answers 400 to every fixture that is not valid JSON and enqueues nothing', async () => {
    // Prepare
    await drain();
    const invalid = fixtures.filter((f) => f.json === undefined);
    // Act
    const responses = await Promise.all(invalid.map((f) => postWebhook(f.body)));
    // Assess
    expect(invalid.map((f) => f.name)).toContain('bindambc/textMessageStatusRead.json');
    expect(invalid).toHaveLength(5);
    expect(responses.map((r) => r.statusCode)).toEqual(invalid.map(() => 400));
    expect(await queueDepth()).toBe(0);
  });

  it('acknowledges signed valid JSON that is no WhatsApp delivery (send bodies, API answers) with 200, enqueuing nothing', async () => {
    // Prepare
    await drain();
    const foreign = fixtures.filter((f) => f.json !== undefined && !f.isWebhook);
    // Act
    const responses = await Promise.all(foreign.map((f) => postWebhook(f.body)));
    // Assess
    expect(foreign.length).toBeGreaterThan(0);
    expect(responses.map((r) => r.statusCode)).toEqual(foreign.map(() => 200));
    expect(await queueDepth()).toBe(0);
  });

  it('accepts every real webhook payload with 200, and the worker processes all of them without an error', async () => {
    // Prepare
    const accepted = fixtures.filter((f) => f.isWebhook);
    // Act
    const statuses: number[] = [];
    for (const f of accepted)
      statuses.push((await postWebhook(f.body, signBodyAsMeta(f.body, APP_SECRET))).statusCode ?? 0);
    const failures = await drain();
    // Assess
    expect(accepted.length).toBeGreaterThan(100);
    expect(statuses).toEqual(accepted.map(() => 200));
    expect(failures).toEqual([]);
    expect(graph.outbox().some((e) => e.type === 'read')).toBe(true);
    // Over a hundred payloads through webhook, worker and evidence queue: bound generously for a loaded CI machine.
  }, 120_000);
});

describe('WhatsApp worker', () => {
  it('answers the same message delivered 5 times at once exactly once', async () => {
    // Prepare: a baseline citizen shows how many messages one "hello" produces.
    const baseline = citizenNumber();
    await postWebhook(textPayload(baseline, 'hello').body);
    await drain();
    const expected = sendsTo(baseline).length;
    const citizen = citizenNumber();
    const { body } = textPayload(citizen, 'hello');
    // Act
    const responses = await Promise.all(Array.from({ length: 5 }, () => postWebhook(body)));
    const failures = await drain();
    // Assess
    expect(expected).toBeGreaterThan(0);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(failures).toEqual([]);
    expect(sendsTo(citizen)).toHaveLength(expected);
  });

  it('answers once when 5 copies of a message reach workers at once past FIFO deduplication', async () => {
    // Prepare
    const baseline = citizenNumber();
    await postWebhook(textPayload(baseline, 'hello').body);
    await drain();
    const citizen = citizenNumber();
    const message = textPayload(citizen, 'hello');
    const item = {
      kind: 'message',
      citizen: { id: citizen, waId: citizen },
      message: JSON.parse(message.body).entry[0].changes[0].value.messages[0],
    };
    const invoke = (copy: number) =>
      worker(
        {
          Records: [
            toRecord({
              MessageId: `copy-${copy}`,
              ReceiptHandle: 'r',
              Body: JSON.stringify(item),
              Attributes: { MessageGroupId: citizen },
            }),
          ],
        } as SQSEvent,
        context,
      );
    // Act: concurrent invocations; a copy that finds the message claimed fails and is retried later.
    const first = await Promise.all([0, 1, 2, 3, 4].map(invoke));
    const retried = await Promise.all(
      first.flatMap((r, copy) => (r.batchItemFailures.length > 0 ? [invoke(copy)] : [])),
    );
    // Assess
    expect(retried.every((r) => r.batchItemFailures.length === 0)).toBe(true);
    expect(sendsTo(citizen)).toHaveLength(sendsTo(baseline).length);
  });

  it('changes nothing when Meta redelivers a processed message long after FIFO deduplication expired', async () => {
    // Prepare
    const citizen = citizenNumber();
    const message = textPayload(citizen, 'hello');
    await postWebhook(message.body);
    await drain();
    const before = sendsTo(citizen).length;
    const item = {
      kind: 'message',
      citizen: { id: citizen, waId: citizen },
      message: JSON.parse(message.body).entry[0].changes[0].value.messages[0],
    };
    // Act: the same item as a fresh SQS record (FIFO would no longer deduplicate it).
    const result = await worker(
      {
        Records: [
          toRecord({
            MessageId: 'redelivery',
            ReceiptHandle: 'r',
            Body: JSON.stringify(item),
            Attributes: { MessageGroupId: citizen },
          }),
        ],
      } as SQSEvent,
      context,
    );
    // Assess
    expect(before).toBeGreaterThan(0);
    expect(result.batchItemFailures).toEqual([]);
    expect(sendsTo(citizen)).toHaveLength(before);
  });

  it("answers one citizen's messages in the order they were sent", async () => {
    // Prepare
    const citizen = citizenNumber();
    const messages = ['hello', 'english', '5', 'menu', '0'].map((text) => textPayload(citizen, text));
    // Act
    for (const m of messages) await postWebhook(m.body);
    const failures = await drain();
    // Assess: each message is marked read after its replies, so read receipts give the processing order.
    expect(failures).toEqual([]);
    expect(readsOf(messages.map((m) => m.id))).toEqual(messages.map((m) => m.id));
  });

  it('re-sends a reply as the approved template when its status says 131047 (24-hour window closed)', async () => {
    // Prepare
    const citizen = citizenNumber();
    await postWebhook(textPayload(citizen, 'hello').body);
    await drain();
    const reply = sendsTo(citizen)[0]!;
    const status = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: '106540352242922' },
                statuses: [
                  {
                    id: reply.id,
                    status: 'failed',
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    recipient_id: citizen,
                    errors: [{ code: 131047, title: 'Re-engagement message' }],
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    // Act
    await postWebhook(status);
    await postWebhook(status);
    const failures = await drain();
    // Assess
    const templates = sendsTo(citizen).filter((e) => e.type === 'template');
    expect(failures).toEqual([]);
    expect(templates).toHaveLength(1);
    expect(templates[0]!.request).toMatchObject({
      template: { name: 'rabta_update', language: { code: 'ur' } },
    });
  });
});
