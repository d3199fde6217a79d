import { randomBytes } from 'node:crypto';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '../../shared/schemas/events/index.ts';
import { formatTrackingCode, generateEtag, generateTrackingCode } from '../../shared/domain/etag.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';

const complaint = {
  complainant: { name: 'Ayesha Khan', phone: '0300 1234567' },
  district: 'LHR',
  category: 'fir_not_registered',
  description: 'The police station refused to register my FIR about a stolen motorcycle.',
  language: 'en',
};

let runtime: RunningLocalRuntime;
let sqs: SQSClient;
let busTapUrl: string;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${runtime.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'flow' });
  // A rule of our own on the runtime's bus, so the citizen notifier's queue is left to the notifier.
  sqs = new SQSClient({});
  const events = new EventBridgeClient({});
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: `rabta-${runtime.stage}-bus-tap` }),
  );
  busTapUrl = QueueUrl ?? '';
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: busTapUrl, AttributeNames: ['QueueArn'] }),
  );
  const bus = runtime.env.EVENT_BUS_NAME ?? '';
  await events.send(
    new PutRuleCommand({
      Name: `rabta-${runtime.stage}-bus-tap`,
      EventBusName: bus,
      EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: `rabta-${runtime.stage}-bus-tap`,
      EventBusName: bus,
      Targets: [{ Id: 'tap', Arn: Attributes?.QueueArn ?? '' }],
    }),
  );
});

afterAll(async () => {
  await runtime?.stop();
});

const busEvent = async (
  etag: string,
  detailType: string,
): Promise<{ 'detail-type': string; detail: Record<string, unknown> }> => {
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: busTapUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
    );
    for (const message of Messages) {
      const event = JSON.parse(message.Body ?? '{}') as {
        'detail-type': string;
        detail: Record<string, unknown>;
      };
      await sqs.send(new DeleteMessageCommand({ QueueUrl: busTapUrl, ReceiptHandle: message.ReceiptHandle }));
      if (event.detail.etag === etag && event['detail-type'] === detailType) return event;
    }
  }
  throw new Error(`no ${detailType} for ${etag} on the bus\n${runtime.output()}`);
};

describe('complaint flow over the local runtime', () => {
  it('files a complaint, tracks it with the right proof, refuses a wrong one, and announces it on the bus', async () => {
    // Act: file
    const filed = await post('/complaints', complaint);
    const receipt = (await filed.json()) as { etag: string; trackingCode: string; status: string };
    // Assess
    expect(filed.status, runtime.output()).toBe(201);
    expect(receipt).toMatchObject({ status: 'received' });
    expect(receipt.etag).toMatch(/^LHR/);

    // Act: track with the tracking code, and with the phone number it was filed with
    const tracked = await post('/complaints/track', {
      etag: receipt.etag,
      trackingCode: receipt.trackingCode,
    });
    const byPhone = await post('/complaints/track', {
      etag: receipt.etag.toLowerCase(),
      phone: '+923001234567',
    });
    // Assess
    expect(tracked.status).toBe(200);
    const view = (await tracked.json()) as { etag: string; status: string; timeline: { type: string }[] };
    expect(view).toMatchObject({ etag: receipt.etag, status: 'received' });
    expect(view.timeline.map((t) => t.type)).toEqual(['ComplaintFiled']);
    expect(JSON.stringify(view)).not.toContain('Ayesha');
    expect(byPhone.status).toBe(200);

    // Act: a wrong proof and an unknown e-tag
    const wrongCode = formatTrackingCode(generateTrackingCode((n) => randomBytes(n)));
    const wrongProof = await post('/complaints/track', { etag: receipt.etag, trackingCode: wrongCode });
    const wrongPhone = await post('/complaints/track', { etag: receipt.etag, phone: '+923001234568' });
    const unknown = await post('/complaints/track', {
      etag: generateEtag('LHR', (n) => randomBytes(n)),
      trackingCode: receipt.trackingCode,
    });
    // Assess: the same answer, so a guesser learns nothing
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.json();
    expect(wrongProof.status).toBe(404);
    expect(await wrongProof.json()).toEqual(unknownBody);
    expect(wrongPhone.status).toBe(404);
    expect(await wrongPhone.json()).toEqual(unknownBody);

    // Assess: ComplaintFiled reached the bus, without the complainant's personal data
    const event = await busEvent(receipt.etag, 'ComplaintFiled');
    expect(event.detail).toMatchObject({ schemaVersion: 1, etag: receipt.etag, district: 'LHR' });
    expect(typeof event.detail.timelineItemId).toBe('string');
    expect(JSON.stringify(event)).not.toContain('1234567');
    expect(JSON.stringify(event)).not.toContain('Ayesha');
  });

  it('answers 404 for an unknown route and 405 for a known path with the wrong method', async () => {
    // Act
    const unknown = await fetch(`${runtime.apiUrl}/no-such-thing`);
    const wrongMethod = await fetch(`${runtime.apiUrl}/complaints`, { method: 'DELETE' });
    // Assess
    expect(unknown.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
  });

  it('refuses a malformed complaint with a 400 and no 5xx', async () => {
    // Act
    const response = await post('/complaints', { ...complaint, district: 'NOWHERE' });
    const broken = await fetch(`${runtime.apiUrl}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0xc3, 0x28]),
    });
    // Assess
    expect(response.status).toBe(400);
    expect(broken.status).toBe(400);
  });
});
