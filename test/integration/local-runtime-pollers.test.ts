import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  messagesToKeep,
  pollerClientConfig,
  startSqsPoller,
  startStreamPoller,
  type Poller,
  type SqsPollerOptions,
} from '../../infra/local/pollers.ts';
import { startScheduler } from '../../infra/local/scheduler.ts';
import type { Provisioned } from '../../infra/local/provision.ts';
import { provisionForTest } from '../support/aws.ts';

const eventually = async <T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
): Promise<T> => {
  const deadline = Date.now() + 25_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

let provisioned: Provisioned;
let sqs: SQSClient;
const running: Poller[] = [];

beforeAll(async () => {
  provisioned = await provisionForTest('poll');
  sqs = new SQSClient({});
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

const queueArn = async (url: string): Promise<string> =>
  (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }))).Attributes
    ?.QueueArn ?? '';

const countMessages = async (url: string): Promise<number> => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/** A poller on the one FIFO queue (the webhook's), as the runtime starts it but with short long polls. */
const startFifoPoller = async (
  options: Pick<SqsPollerOptions, 'concurrency' | 'client' | 'invoke'>,
): Promise<Poller> =>
  startSqsPoller({
    functionId: 'Test',
    queueUrl: provisioned.queueUrls.webhookInbound,
    queueArn: await queueArn(provisioned.queueUrls.webhookInbound),
    fifo: true,
    batchSize: 10,
    region: 'ap-south-1',
    retryAfterSeconds: 0,
    waitTimeSeconds: 1,
    ...options,
  });

describe('SQS poller (standard queue)', () => {
  it('deletes what succeeded and redelivers only the reported failures', async () => {
    // Prepare
    const url = provisioned.queueUrls.officerAlerts;
    const seen: { body: string; receiveCount: string }[] = [];
    running.push(
      startSqsPoller({
        functionId: 'Test',
        queueUrl: url,
        queueArn: await queueArn(url),
        fifo: false,
        batchSize: 10,
        region: 'ap-south-1',
        retryAfterSeconds: 0,
        waitTimeSeconds: 1,
        invoke: async (event: SQSEvent) => {
          for (const r of event.Records)
            seen.push({ body: r.body, receiveCount: r.attributes.ApproximateReceiveCount });
          // "b" fails on its first delivery only.
          const failed = event.Records.filter(
            (r) => r.body === 'b' && r.attributes.ApproximateReceiveCount === '1',
          );
          return { batchItemFailures: failed.map((r) => ({ itemIdentifier: r.messageId })) };
        },
      }),
    );
    // Act
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: ['a', 'b', 'c'].map((body) => ({ Id: body, MessageBody: body })),
      }),
    );
    await eventually(
      () => (seen.some((s) => s.body === 'b' && s.receiveCount === '2') ? true : undefined),
      'b redelivered',
    );
    await eventually(async () => ((await countMessages(url)) === 0 ? true : undefined), 'queue drained');
    // Assess
    expect(seen.filter((s) => s.body === 'a')).toHaveLength(1);
    expect(seen.filter((s) => s.body === 'c')).toHaveLength(1);
    expect(seen.filter((s) => s.body === 'b').map((s) => s.receiveCount)).toEqual(['1', '2']);
  });

  it('moves a message that always fails to the DLQ after maxReceiveCount receives', async () => {
    // Prepare
    const url = provisioned.queueUrls.citizenNotifications;
    const dlq = provisioned.dlqUrls.citizenNotifications ?? '';
    const receiveCounts: string[] = [];
    running.push(
      startSqsPoller({
        functionId: 'Test',
        queueUrl: url,
        queueArn: await queueArn(url),
        fifo: false,
        batchSize: 10,
        region: 'ap-south-1',
        retryAfterSeconds: 0,
        waitTimeSeconds: 1,
        invoke: async (event: SQSEvent) => {
          for (const r of event.Records) receiveCounts.push(r.attributes.ApproximateReceiveCount);
          throw new Error('always failing');
        },
      }),
    );
    // Act
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    const dead = await eventually(async () => {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, WaitTimeSeconds: 1 }));
      return Messages?.[0];
    }, 'the DLQ to receive the message');
    // Assess
    expect(dead.Body).toBe('poison');
    expect(receiveCounts).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('SQS poller (FIFO queue)', () => {
  it('keeps each group in order across failures and concurrent pollers', async () => {
    // Prepare
    const url = provisioned.queueUrls.webhookInbound;
    const processed: Record<string, number[]> = {};
    const failedOnce = new Set<string>();
    // Behaves like Powertools' FIFO processor: stops a group at its first failure and reports the rest.
    const invoke = async (event: SQSEvent) => {
      const brokenGroups = new Set<string>();
      const failures: { itemIdentifier: string }[] = [];
      for (const record of event.Records) {
        const { group, n } = JSON.parse(record.body) as { group: string; n: number };
        if (brokenGroups.has(group)) {
          failures.push({ itemIdentifier: record.messageId });
          continue;
        }
        if (n % 3 === 2 && !failedOnce.has(`${group}${n}`)) {
          failedOnce.add(`${group}${n}`);
          brokenGroups.add(group);
          failures.push({ itemIdentifier: record.messageId });
          continue;
        }
        (processed[group] ??= []).push(n);
      }
      return { batchItemFailures: failures };
    };
    running.push(await startFifoPoller({ concurrency: 4, invoke }));
    // Act
    const groups = ['g1', 'g2', 'g3'];
    for (let n = 1; n <= 8; n++) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: groups.map((group) => ({
            Id: group,
            MessageBody: JSON.stringify({ group, n }),
            MessageGroupId: group,
            MessageDeduplicationId: `${group}-${n}-${randomUUID()}`,
          })),
        }),
      );
    }
    await eventually(
      () => (groups.every((g) => processed[g]?.length === 8) ? true : undefined),
      'every message to be processed',
    );
    // Assess
    for (const group of groups) expect(processed[group]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(failedOnce.size).toBeGreaterThan(0);
  });
});

/**
 * An HTTP proxy to the emulator that swallows the first ReceiveMessage: the request is read and never answered,
 * as when a connection dies without a word.
 */
const startSwallowingProxy = async (): Promise<{
  endpoint: string;
  swallowed: () => number;
  stop: () => Promise<void>;
}> => {
  const target = process.env.AWS_ENDPOINT_URL ?? '';
  let swallowed = 0;
  const bodyOf = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server: Server = createServer((request, response) => {
    void bodyOf(request).then(async (body) => {
      if (request.headers['x-amz-target'] === 'AmazonSQS.ReceiveMessage' && swallowed === 0) {
        swallowed++;
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host',
        ),
      );
      const answer = await fetch(`${target}${request.url ?? '/'}`, {
        method: request.method ?? 'POST',
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    swallowed: () => swallowed,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

describe('SQS poller (a call that is never answered)', () => {
  it('gives up on the call at its deadline and goes on: a FIFO queue does not stop', async () => {
    // Prepare
    const proxy = await startSwallowingProxy();
    const client = new SQSClient(pollerClientConfig({ endpoint: proxy.endpoint, deadlineMs: 2000 }));
    const url = provisioned.queueUrls.webhookInbound;
    const processed: number[] = [];
    running.push(
      await startFifoPoller({
        concurrency: 2,
        client,
        invoke: async (event: SQSEvent) => {
          for (const record of event.Records) processed.push((JSON.parse(record.body) as { n: number }).n);
          return { batchItemFailures: [] };
        },
      }),
    );
    // Act
    for (let n = 1; n <= 3; n++) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: JSON.stringify({ n }),
          MessageGroupId: 'one-citizen',
          MessageDeduplicationId: randomUUID(),
        }),
      );
    }
    await eventually(() => (processed.length >= 3 ? true : undefined), 'every message to be processed');
    // Assess
    expect(proxy.swallowed()).toBe(1);
    expect(processed).toEqual([1, 2, 3]);
    await Promise.all(running.splice(0).map((p) => p.stop()));
    client.destroy();
    await proxy.stop();
  });
});

describe('messagesToKeep', () => {
  const record = (messageId: string, group: string) =>
    ({ messageId, attributes: { MessageGroupId: group } }) as unknown as SQSRecord;
  const batch = [record('1', 'a'), record('2', 'a'), record('3', 'b'), record('4', 'a')];

  it('keeps every later message of a FIFO group after its first failure, even if the function did not report them', () => {
    // Act
    const keep = messagesToKeep(batch, new Set(['2']), true);
    // Assess
    expect([...keep].sort()).toEqual(['2', '4']);
  });

  it('keeps only the reported ones on a standard queue, and everything when the invocation failed', () => {
    // Act + Assess
    expect([...messagesToKeep(batch, new Set(['2']), false)]).toEqual(['2']);
    expect(messagesToKeep(batch, 'all', false).size).toBe(4);
    expect(messagesToKeep(batch, 'none', true).size).toBe(0);
  });
});

describe('DynamoDB stream poller', () => {
  const put = (id: string) =>
    DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new PutCommand({
        TableName: provisioned.names.appTable,
        Item: { pk: `TEST#${id}`, sk: 'META', value: id },
      }),
    );

  it('delivers new items as Lambda stream records and retries from the first reported failure', async () => {
    // Prepare
    const deliveries: string[] = [];
    let failuresLeft = 2;
    const poller = startStreamPoller({
      functionId: 'Publisher',
      functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:test',
      streamArn: provisioned.streamArn,
      batchSize: 100,
      retryAttempts: 5,
      region: 'ap-south-1',
      retryDelayMs: 10,
      invoke: async (event: DynamoDBStreamEvent) => {
        const failures: { itemIdentifier: string }[] = [];
        for (const record of event.Records) {
          const value = record.dynamodb?.NewImage?.value?.S ?? '';
          if (value === 's2' && failuresLeft > 0) {
            failuresLeft--;
            failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
            break;
          }
          deliveries.push(value);
        }
        return { batchItemFailures: failures };
      },
    });
    running.push(poller);
    await poller.ready;
    const shape: DynamoDBStreamEvent['Records'] = [];
    const shapeProbe = startStreamPoller({
      functionId: 'Probe',
      functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:probe',
      streamArn: provisioned.streamArn,
      batchSize: 100,
      retryAttempts: 0,
      region: 'ap-south-1',
      invoke: async (event: DynamoDBStreamEvent) => {
        shape.push(...event.Records);
      },
    });
    running.push(shapeProbe);
    await shapeProbe.ready;
    // Act
    for (const id of ['s1', 's2', 's3']) await put(id);
    await eventually(
      () => (deliveries.includes('s3') && shape.length >= 3 ? true : undefined),
      'all records',
    );
    // Assess
    expect(deliveries.filter((d) => d === 's1')).toHaveLength(1);
    expect(deliveries.filter((d) => d === 's2')).toHaveLength(1);
    expect(deliveries.indexOf('s2')).toBeLessThan(deliveries.indexOf('s3'));
    expect(shape[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventSourceARN: provisioned.streamArn,
      dynamodb: {
        Keys: { pk: { S: 'TEST#s1' }, sk: { S: 'META' } },
        NewImage: { value: { S: 's1' } },
        StreamViewType: 'NEW_IMAGE',
      },
    });
    expect(typeof shape[0]?.dynamodb?.ApproximateCreationDateTime).toBe('number');
  });

  it('sends a batch that keeps failing to the on-failure queue after its retries', async () => {
    // Prepare
    let invocations = 0;
    const failureQueue = provisioned.queueUrls.publisherFailures;
    const poller = startStreamPoller({
      functionId: 'Publisher',
      functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:test',
      streamArn: provisioned.streamArn,
      batchSize: 100,
      retryAttempts: 2,
      region: 'ap-south-1',
      retryDelayMs: 10,
      onFailureQueueUrl: failureQueue,
      invoke: async () => {
        invocations++;
        throw new Error('bus down');
      },
    });
    running.push(poller);
    await poller.ready;
    // Act
    await put('f1');
    const message = await eventually(async () => {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: failureQueue, WaitTimeSeconds: 1 }),
      );
      return Messages?.[0];
    }, 'the failure record');
    // Assess
    expect(JSON.parse(message.Body ?? '{}')).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      DDBStreamBatchInfo: { batchSize: 1, streamArn: provisioned.streamArn },
    });
    expect(invocations).toBe(3);
  });

  it('resumes after its stored checkpoint when restarted: nothing written while it was down is lost or read twice', async () => {
    // Prepare
    const checkpointDir = await mkdtemp(join(tmpdir(), 'rabta-checkpoints-'));
    const seen: string[] = [];
    const start = () =>
      startStreamPoller({
        functionId: 'Checkpointed',
        functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:checkpointed',
        streamArn: provisioned.streamArn,
        batchSize: 100,
        retryAttempts: 0,
        region: 'ap-south-1',
        checkpointDir,
        invoke: async (event: DynamoDBStreamEvent) => {
          for (const record of event.Records) {
            const value = record.dynamodb?.NewImage?.value?.S ?? '';
            if (value.startsWith('c-')) seen.push(value);
          }
        },
      });
    const first = start();
    await first.ready;
    await put('c-1');
    await eventually(() => (seen.includes('c-1') ? true : undefined), 'the first record');
    // Act: stop, write while down, start again
    await first.stop();
    await put('c-2');
    await put('c-3');
    const second = start();
    running.push(second);
    await second.ready;
    await put('c-4');
    await eventually(() => (seen.includes('c-4') ? true : undefined), 'the record after the restart');
    // Assess
    expect(seen).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
  });

  /** A streams client that notes when each GetRecords was sent. */
  const countingStreams = () => {
    const reads: number[] = [];
    const client = new DynamoDBStreamsClient({});
    client.middlewareStack.add(
      (next, context) => (args) => {
        if (context.commandName === 'GetRecordsCommand') reads.push(Date.now());
        return next(args);
      },
      { step: 'initialize' },
    );
    return { client, reads };
  };

  it('reads a shard about as often as Lambda does while writes keep coming, not back to back', async () => {
    // Prepare: a poll interval of 1 s, so the bound below is clear
    const { client, reads } = countingStreams();
    const seen: string[] = [];
    const poller = startStreamPoller({
      functionId: 'Steady',
      functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:steady',
      streamArn: provisioned.streamArn,
      batchSize: 100,
      retryAttempts: 0,
      region: 'ap-south-1',
      pollIntervalMs: 1000,
      client,
      invoke: async (event: DynamoDBStreamEvent) => {
        for (const record of event.Records) seen.push(record.dynamodb?.NewImage?.value?.S ?? '');
      },
    });
    running.push(poller);
    await poller.ready;
    // Act: writes one after another for 3 s (bounded), so every read finds new records
    const started = Date.now();
    const readsBefore = reads.length;
    let written = 0;
    while (Date.now() - started < 3000 && written < 500) await put(`steady-${written++}`);
    const elapsed = Date.now() - started;
    const readsDuring = reads.length - readsBefore;
    await eventually(() => (seen.includes(`steady-${written - 1}`) ? true : undefined), 'the last write');
    // Assess: at most one read per interval (plus the one under way when the writes began), nothing lost
    expect(written).toBeGreaterThan(10);
    expect(readsDuring).toBeLessThanOrEqual(Math.ceil(elapsed / 1000) + 1);
    expect(seen.filter((value) => value.startsWith('steady-'))).toHaveLength(written);
  });

  it('reads a backlog page after page without pausing', async () => {
    // Prepare: a poll interval of 10 s; a backlog of 30 records written while the poller was stopped
    const checkpointDir = await mkdtemp(join(tmpdir(), 'rabta-checkpoints-'));
    const seen: string[] = [];
    const start = (pollIntervalMs: number) =>
      startStreamPoller({
        functionId: 'Backlog',
        functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:backlog',
        streamArn: provisioned.streamArn,
        batchSize: 5,
        retryAttempts: 0,
        region: 'ap-south-1',
        pollIntervalMs,
        checkpointDir,
        invoke: async (event: DynamoDBStreamEvent) => {
          for (const record of event.Records) seen.push(record.dynamodb?.NewImage?.value?.S ?? '');
        },
      });
    const first = start(100);
    await first.ready;
    await put('backlog-start');
    await eventually(() => (seen.includes('backlog-start') ? true : undefined), 'the first record');
    await first.stop();
    for (let i = 0; i < 30; i++) await put(`backlog-${i}`);
    // Act
    const second = start(10_000);
    running.push(second);
    await second.ready;
    // Assess: six full pages, read within the 25 s wait; a pause of 10 s after each would take a minute
    await eventually(() => (seen.includes('backlog-29') ? true : undefined), 'the whole backlog');
    expect(seen.filter((value) => /^backlog-\d+$/.test(value))).toHaveLength(30);
  });
});

describe('scheduler', () => {
  it('fires on its timer and on demand with a Scheduler-like event', async () => {
    // Prepare
    const events: unknown[] = [];
    const scheduler = startScheduler({
      schedules: [{ functionId: 'SlaSweep', rateMinutes: 5 }],
      stage: 'test',
      region: 'ap-south-1',
      everySeconds: 0.2,
      invoke: async (_id, event) => {
        events.push(event);
        return { swept: events.length };
      },
    });
    running.push(scheduler);
    // Act
    const fired = await scheduler.fire('SlaSweep');
    const unknown = await scheduler.fire('Nope');
    await eventually(() => (events.length >= 2 ? true : undefined), 'a timer tick');
    // Assess
    expect(fired?.result).toMatchObject({ swept: expect.any(Number) });
    expect(unknown).toBeUndefined();
    expect(events[0]).toMatchObject({ source: 'aws.scheduler', 'detail-type': 'Scheduled Event' });
  });
});
