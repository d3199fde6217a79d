/**
 * The fault suite (issue 12, "Tests and figures"): the running local runtime, sending to a fake Graph API this
 * test owns (so its outbox outlives a restart of the runtime) and fails on cue. Each case is a regression test
 * of one finding of issue 12; the figures it prints are in docs/reliability.md. Loopback only, bounded loops;
 * outcomes are asserted, never speed.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  recipientMatches,
  startFakeGraph,
  type Fault,
  type FakeGraph,
  type OutboxEntry,
} from '../../infra/local/fake-graph.ts';
import { localNames } from '../../infra/local/provision.ts';
import { newMessageId, signedWebhookRequest, webhookBody } from '../../infra/local/webhook-payload.ts';
import { queuesWithDlq, type QueueId } from '../../infra/resources.ts';
import { formatTrackingCode, generateTrackingCode } from '../../shared/domain/etag.ts';
import { EVENT_SOURCE } from '../../shared/schemas/events/index.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';

/**
 * The runtime's environment: a short per-attempt time-out, so a hung Graph call costs 1.5 s, not 10; the Graph
 * client's attempts per call, so a fault can outlast them; warnings and errors logged, for a failure's diagnosis.
 */
const GRAPH_ATTEMPTS = 4;
const RUNTIME_ENV = {
  GRAPH_API_ATTEMPT_TIMEOUT_MS: '1500',
  GRAPH_API_MAX_ATTEMPTS: String(GRAPH_ATTEMPTS),
  POWERTOOLS_LOG_LEVEL: 'WARN',
};

let graph: FakeGraph;
let runtime: RunningLocalRuntime;
let sqs: SQSClient;
const figures: Record<string, Record<string, number>> = {};

const start = (stage?: string) =>
  startLocalRuntimeProcess({
    stagePrefix: 'faults',
    ...(stage ? { stage } : {}),
    env: { ...RUNTIME_ENV, RABTA_GRAPH_URL: graph.url },
  });

beforeAll(async () => {
  graph = await startFakeGraph();
  runtime = await start();
  sqs = new SQSClient({});
});

afterAll(async () => {
  await runtime?.stop();
  await graph?.stop();
  sqs?.destroy();
  if (Object.keys(figures).length > 0) console.log(`[faults] figures ${JSON.stringify(figures)}`);
});

const randomDigits = (n: number): string => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
/** A Pakistani mobile number as the web form takes it, and its WhatsApp id. */
const freshPhone = () => {
  const digits = `300${randomDigits(7)}`;
  return { local: `0${digits}`, waId: `92${digits}` };
};

const post = (path: string, body: unknown) =>
  fetch(`${runtime.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const complaintOf = (phone: string) => ({
  complainant: { name: 'Ayesha Khan', phone },
  district: 'LHR',
  category: 'fir_not_registered',
  description: 'The police station refused to register my FIR about a stolen motorcycle.',
  language: 'en',
});

/** Messages Meta accepted for this number (read receipts and failed calls left out). */
const delivered = (waId: string): OutboxEntry[] =>
  graph.outbox().filter((e) => recipientMatches(e.to, waId) && e.type !== 'read' && e.status === 200);

const textOf = (entry: OutboxEntry): string => {
  const request = entry.request as {
    text?: { body?: string };
    interactive?: { body?: { text?: string } };
    template?: unknown;
  };
  return request.text?.body ?? request.interactive?.body?.text ?? JSON.stringify(request.template ?? request);
};

const queueUrl = async (name: string): Promise<string> =>
  (await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl ?? '';

/** Messages on a queue, visible or in flight. */
const depth = async (url: string): Promise<number> => {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/** Waits until the stage's source queues are empty, twice in a row (a retry may be about to come back). */
const drained = async (stage: string, ids: readonly QueueId[], timeoutMs = 150_000): Promise<void> => {
  const names = localNames(stage);
  const urls = await Promise.all(ids.map((id) => queueUrl(names.queue(id))));
  const deadline = Date.now() + timeoutMs;
  let quiet = 0;
  while (Date.now() < deadline) {
    const depths = await Promise.all(urls.map(depth));
    quiet = depths.every((d) => d === 0) ? quiet + 1 : 0;
    if (quiet >= 2) return;
    await sleep(500);
  }
  throw new Error(`queues ${ids.join(', ')} of ${stage} did not drain:\n${runtime.output().slice(-4000)}`);
};

/** Every item of a table (for a failure's diagnosis only). */
const scanAll = async (tableName: string): Promise<Record<string, unknown>[]> => {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: documents }, { TableName: tableName }))
    items.push(...(page.Items ?? []));
  documents.destroy();
  return items;
};

/** Messages left in the stage's dead-letter queues. */
const deadLetters = async (stage: string): Promise<number> => {
  const names = localNames(stage);
  const depths = await Promise.all(queuesWithDlq().map(async (id) => depth(await queueUrl(names.dlq(id)))));
  return depths.reduce((a, b) => a + b, 0);
};

/** A queue of our own on the runtime's bus, so we see what the notifier's queue gets at the same time. */
const tapTheBus = async (): Promise<string> => {
  const events = new EventBridgeClient({});
  const name = `rabta-${runtime.stage}-fault-tap`;
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const bus = runtime.env.EVENT_BUS_NAME ?? '';
  await events.send(
    new PutRuleCommand({
      Name: name,
      EventBusName: bus,
      EventPattern: JSON.stringify({ source: [EVENT_SOURCE], 'detail-type': ['ComplaintFiled'] }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: name,
      EventBusName: bus,
      Targets: [{ Id: 'tap', Arn: Attributes?.QueueArn ?? '' }],
    }),
  );
  events.destroy();
  return QueueUrl;
};

/** The bus event (as a rule hands it to a queue) announcing this complaint. */
const tappedEvent = async (tapUrl: string, etag: string): Promise<string> => {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: tapUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
    );
    for (const message of Messages) {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: tapUrl, ReceiptHandle: message.ReceiptHandle }));
      const body = message.Body ?? '';
      if ((JSON.parse(body) as { detail: { etag?: string } }).detail.etag === etag) return body;
    }
  }
  throw new Error(`no ComplaintFiled for ${etag} on the bus`);
};

describe('fault suite over the local runtime (issue 12)', () => {
  let tapUrl: string;

  it.each([3, 10])(
    '%i concurrent copies of one ComplaintFiled event give the citizen exactly one message',
    async (copies) => {
      // Prepare: the Graph API answers the first send slowly, so every copy arrives while it is in progress.
      tapUrl ??= await tapTheBus();
      const phone = freshPhone();
      graph.injectFault({ status: 'slow', delayMs: 800, count: 1 });
      const filed = await post('/complaints', complaintOf(phone.local));
      expect(filed.status, runtime.output().slice(-2000)).toBe(201);
      const { etag } = (await filed.json()) as { etag: string };
      const event = await tappedEvent(tapUrl, etag);
      const notifierQueue = await queueUrl(localNames(runtime.stage).queue('citizenNotifications'));
      // Act: the bus's own copy and `copies` more, at once.
      await Promise.all(
        Array.from({ length: copies }, () =>
          sqs.send(new SendMessageCommand({ QueueUrl: notifierQueue, MessageBody: event })),
        ),
      );
      await drained(runtime.stage, ['citizenNotifications']);
      // Assess
      const sent = delivered(phone.waId);
      expect(sent.map(textOf)).toHaveLength(1);
      expect(textOf(sent[0]!)).toContain(etag);
      expect(await deadLetters(runtime.stage)).toBe(0);
      figures[`copies${copies}`] = {
        copies: copies + 1,
        messagesSent: sent.length,
        duplicated: sent.length - 1,
      };
    },
    60_000,
  );

  it('locks an e-tag after repeated wrong proofs, the right proof included', async () => {
    // Prepare
    const phone = freshPhone();
    const filed = await post('/complaints', complaintOf(phone.local));
    expect(filed.status).toBe(201);
    const receipt = (await filed.json()) as { etag: string; trackingCode: string };
    const right = { etag: receipt.etag, trackingCode: receipt.trackingCode };
    const wrong = () => ({
      etag: receipt.etag,
      trackingCode: formatTrackingCode(generateTrackingCode((n) => randomBytes(n))),
    });
    // Act
    const before = await post('/complaints/track', right);
    const guesses: number[] = [];
    for (let i = 0; i < 5; i++) guesses.push((await post('/complaints/track', wrong())).status);
    const locked = await post('/complaints/track', right);
    // Assess
    expect(before.status).toBe(200);
    expect(guesses).toEqual([404, 404, 404, 404, 404]);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('100 filings naming one phone: one confirmation message, then 429 with Retry-After', async () => {
    // Prepare
    const phone = freshPhone();
    const statuses: number[] = [];
    let retryAfterMissing = 0;
    // Act: ten at a time, as a script would.
    for (let batch = 0; batch < 10; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post('/complaints', complaintOf(phone.local))),
      );
      for (const answer of answers) {
        statuses.push(answer.status);
        if (answer.status === 429 && !(Number(answer.headers.get('retry-after')) > 0)) retryAfterMissing++;
        await answer.body?.cancel();
      }
    }
    await drained(runtime.stage, ['citizenNotifications']);
    // Assess: the phone's daily limit (5) let a few through; the number heard one question and nothing more.
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(accepted).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - accepted);
    expect(retryAfterMissing).toBe(0);
    const sent = delivered(phone.waId);
    expect(sent).toHaveLength(1);
    figures.filings = { filings: 100, accepted, refused429: 100 - accepted, messagesSent: sent.length };
  });

  describe('WhatsApp conversations', () => {
    /** What each citizen types, one message at a time; every reply depends on the turn before it. */
    const SCRIPT = ['salam', 'english', '3', 'menu', '5'];
    let reference: string[];
    const webhookAnswers: Record<number, number> = {};

    /** Posts one message as Meta would: retried (same message id) until the webhook of the runtime of the moment says 200. */
    const deliverToWebhook = async (
      current: () => RunningLocalRuntime,
      waId: string,
      text: string,
      deadline: number,
    ): Promise<void> => {
      const body = webhookBody({
        from: waId,
        profileName: 'Ayesha Khan',
        id: newMessageId('fault'),
        message: { type: 'text', text: { body: text } },
      });
      while (Date.now() < deadline) {
        try {
          const response = await fetch(`${current().apiUrl}/webhook`, signedWebhookRequest(body));
          await response.body?.cancel();
          webhookAnswers[response.status] = (webhookAnswers[response.status] ?? 0) + 1;
          if (response.status === 200) return;
        } catch {
          // the runtime is stopping or not up yet: Meta retries the delivery
        }
        await sleep(200);
      }
      throw new Error(`the webhook never took "${text}" from ${waId}`);
    };

    /** Waits until this citizen has at least `count` replies. */
    const replies = async (waId: string, count: number, timeoutMs = 180_000): Promise<string[]> => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const texts = delivered(waId).map(textOf);
        if (texts.length >= count) return texts;
        await sleep(250);
      }
      return delivered(waId).map(textOf);
    };

    /**
     * For a failure message: each short citizen's Graph calls (delivered or not), the records still pending or
     * in progress with their leases, the dead letters, and the runtime's last words.
     */
    const diagnose = async (citizens: readonly string[]): Promise<string> => {
      const short = citizens.filter((waId) => delivered(waId).length !== reference.length);
      const now = Date.now();
      const unfinished = (await scanAll(localNames(runtime.stage).appTable))
        .filter(
          (item) =>
            (item.kind === 'outboundMessage' && item.state === 'pending') ||
            (item.kind === 'processedMessage' && item.state !== 'done'),
        )
        .map((item) =>
          JSON.stringify({
            pk: item.pk,
            kind: item.kind,
            state: item.state,
            attempts: item.attempts,
            leaseOwner: item.leaseOwner,
            leaseLeftMs: typeof item.leaseUntil === 'number' ? item.leaseUntil - now : undefined,
            planned: item.plan !== undefined,
          }),
        );
      return [
        ...short.map(
          (waId) =>
            `${waId}: ${JSON.stringify(
              graph
                .outbox()
                .filter((e) => recipientMatches(e.to, waId) && e.type !== 'read')
                .map((e) => `${e.status}${e.fault ? `/${e.fault}` : ''} ${textOf(e).slice(0, 30)}`),
            )}`,
        ),
        `reference: ${JSON.stringify(reference.map((t) => t.slice(0, 40)))}`,
        `dead letters: ${await deadLetters(runtime.stage)}`,
        `unfinished records:\n${unfinished.join('\n')}`,
        runtime.output().slice(-12_000),
      ].join('\n');
    };

    /** Nothing lost, doubled or reordered; otherwise the failure carries the diagnosis. */
    const expectEveryReplyOnce = async (
      result: { lost: number; duplicated: number; reordered: number },
      citizens: readonly string[],
    ): Promise<void> => {
      const clean = result.lost + result.duplicated + result.reordered === 0;
      expect(result, clean ? undefined : await diagnose(citizens)).toEqual({
        lost: 0,
        duplicated: 0,
        reordered: 0,
      });
    };

    /** Lost, duplicated and reordered replies of each citizen against the fault-free reference. */
    const compare = (citizens: readonly string[]) => {
      let lost = 0;
      let duplicated = 0;
      let reordered = 0;
      for (const waId of citizens) {
        const got = delivered(waId).map(textOf);
        const counts = new Map<string, number>();
        for (const text of reference) counts.set(text, (counts.get(text) ?? 0) + 1);
        for (const text of got) counts.set(text, (counts.get(text) ?? 0) - 1);
        for (const left of counts.values()) {
          if (left > 0) lost += left;
          else duplicated -= left;
        }
        const sameMultiset = [...counts.values()].every((v) => v === 0);
        if (sameMultiset && got.join('\u0000') !== reference.join('\u0000')) reordered++;
      }
      return { lost, duplicated, reordered };
    };

    beforeAll(async () => {
      // One citizen without faults: the replies every citizen must get, in this order.
      const waId = freshPhone().waId;
      const deadline = Date.now() + 60_000;
      for (const text of SCRIPT) {
        const before = delivered(waId).length;
        await deliverToWebhook(() => runtime, waId, text, deadline);
        await replies(waId, before + 1, 30_000);
      }
      await drained(runtime.stage, ['webhookInbound']);
      reference = delivered(waId).map(textOf);
      expect(reference.length).toBeGreaterThanOrEqual(SCRIPT.length);
    }, 90_000);

    it('Graph 5xx, 429 with Retry-After, time-outs, resets and sends that fail every attempt, for 20 citizens × 5 messages: every reply once, in order, no DLQ', async () => {
      // Prepare: one fault at a time, the next as soon as the last was met, while the traffic runs.
      const kinds: Fault[][] = [
        Array.from({ length: 8 }, () => ({ status: 500, count: 1 })),
        Array.from({ length: 8 }, () => ({ status: 429, count: 1, retryAfterSeconds: 1 })),
        Array.from({ length: 8 }, () => ({ status: 503, count: 1 })),
        Array.from({ length: 6 }, () => ({ status: 'timeout', delayMs: 3000, count: 1 })),
        Array.from({ length: 4 }, () => ({ status: 502, count: 1 })),
        Array.from({ length: 6 }, () => ({ status: 'reset', count: 1 })),
        // Every attempt of one send fails: the record fails and the queue retries it (with the rest of its group).
        Array.from({ length: 6 }, () => ({ status: 500, count: GRAPH_ATTEMPTS })),
      ];
      // Round robin over the kinds, so each stretch of traffic meets a mix.
      const plan: Fault[] = [];
      for (let i = 0; kinds.some((k) => i < k.length); i++) {
        for (const kind of kinds) if (kind[i]) plan.push(kind[i]!);
      }
      const citizens = Array.from({ length: 20 }, () => freshPhone().waId);
      const callsBefore = graph.outbox().length;
      let trafficDone = false;
      let injected = 0;
      // A fault waits for three successful calls after the last one met, so no single call meets them all (a
      // call that fails its attempts on every receive ends in the DLQ by design: docs/reliability.md).
      const successes = () => graph.outbox().filter((e) => e.status === 200).length;
      let waiting = false; // an injected fault not met yet
      let successesSinceFault = successes();
      const injector = (async () => {
        while (injected < plan.length && !trafficDone) {
          if (waiting && graph.pendingFaults() === 0) {
            waiting = false;
            successesSinceFault = successes();
          } else if (!waiting && successes() - successesSinceFault >= 3) {
            graph.injectFault(plan[injected++]!);
            waiting = true;
          }
          await sleep(20);
        }
      })();
      // Act
      const deadline = Date.now() + 180_000;
      await Promise.all(
        citizens.map(async (waId) => {
          for (const text of SCRIPT) await deliverToWebhook(() => runtime, waId, text, deadline);
        }),
      );
      await Promise.all(citizens.map((waId) => replies(waId, reference.length)));
      trafficDone = true;
      await injector;
      await drained(runtime.stage, ['webhookInbound']);
      // Assess
      const calls = graph.outbox().slice(callsBefore);
      const faultsMet = calls.filter((e) => e.status !== 200).length;
      const result = compare(citizens);
      const sent = citizens.reduce((n, waId) => n + delivered(waId).length, 0);
      figures.graphFaults = {
        citizens: 20,
        messagesIn: 100,
        faultsInjected: faultsMet,
        messagesSent: sent,
        ...result,
      };
      expect(faultsMet).toBeGreaterThanOrEqual(plan.length / 2);
      await expectEveryReplyOnce(result, citizens);
      expect(sent).toBe(citizens.length * reference.length);
      expect(await deadLetters(runtime.stage)).toBe(0);
    }, 300_000);

    it('SIGTERM of the runtime mid-traffic and a restart on the same emulator and stage: nothing lost, nothing twice', async () => {
      // Prepare
      const citizens = Array.from({ length: 6 }, () => freshPhone().waId);
      let current = runtime;
      let accepted = 0;
      const deadline = Date.now() + 180_000;
      // Act: the traffic runs; after a third of it the runtime gets SIGTERM and a new one starts on its stage.
      const traffic = Promise.all(
        citizens.map(async (waId) => {
          for (const text of SCRIPT) {
            await deliverToWebhook(() => current, waId, text, deadline);
            accepted++;
          }
        }),
      );
      while (accepted < (citizens.length * SCRIPT.length) / 3) await sleep(20);
      const acceptedAtStop = accepted;
      const stopAt = Date.now();
      await runtime.stop();
      const stoppedAt = Date.now();
      runtime = await start(current.stage);
      current = runtime;
      const restartedAt = Date.now();
      await traffic;
      const trafficAt = Date.now();
      await Promise.all(citizens.map((waId) => replies(waId, reference.length)));
      const repliedAt = Date.now();
      await drained(runtime.stage, ['webhookInbound']);
      console.log(
        `[faults] restart: stop ${stoppedAt - stopAt} ms, start ${restartedAt - stoppedAt} ms, traffic ${trafficAt - restartedAt} ms, replies ${repliedAt - trafficAt} ms, drain ${Date.now() - repliedAt} ms; webhook answers ${JSON.stringify(webhookAnswers)}`,
      );
      // Assess
      const result = compare(citizens);
      const sent = citizens.reduce((n, waId) => n + delivered(waId).length, 0);
      figures.restart = {
        citizens: citizens.length,
        messagesIn: citizens.length * SCRIPT.length,
        acceptedBeforeStop: acceptedAtStop,
        messagesSent: sent,
        ...result,
      };
      await expectEveryReplyOnce(result, citizens);
      expect(sent).toBe(citizens.length * reference.length);
      expect(await deadLetters(runtime.stage)).toBe(0);
    }, 300_000);
  });
});
