/**
 * Event source mappings, local edition: SQS and DynamoDB-stream pollers that invoke a function the
 * way Lambda does (batch sizes, long polling, partial batch failures, FIFO order per group, retries,
 * DLQ by the queue's own redrive policy, stream on-failure destination).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type { DynamoDBRecord, DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';

export interface Poller {
  stop(): Promise<void>;
}

export type Log = (message: string, details?: Record<string, unknown>) => void;

/** How long a FIFO or standard queue is long-polled by default (Lambda's own pollers wait up to 20 s). */
const DEFAULT_WAIT_SECONDS = 5;
/** Beyond the long poll: a call to a busy emulator may queue for seconds before it is answered. */
const CALL_DEADLINE_MARGIN_SECONDS = 15;

/**
 * Configuration of the pollers' own AWS clients. Every call has a deadline: without one, a call whose answer
 * never comes (a connection the emulator dropped silently) would hang its poller for good, and a FIFO queue's
 * pollers take turns receiving, so the whole queue would stop. A call past its deadline fails, is retried by the
 * SDK, and the poller goes on; messages a lost receive had handed out come back after their visibility timeout.
 */
export const pollerClientConfig = (
  options: {
    readonly endpoint?: string;
    readonly longPollSeconds?: number;
    readonly deadlineMs?: number;
  } = {},
) => ({
  ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  requestHandler: {
    requestTimeout:
      options.deadlineMs ??
      ((options.longPollSeconds ?? DEFAULT_WAIT_SECONDS) + CALL_DEADLINE_MARGIN_SECONDS) * 1000,
    connectionTimeout: 5000,
    // Without it the SDK only logs a warning when the deadline passes and goes on waiting.
    throwOnRequestTimeout: true,
  },
});

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    // Remove the listener when the timer wins, or a long-running poller piles them up on the signal.
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The ids a handler reported as failed; an unusable report fails the whole batch, as in Lambda. */
export const reportedFailures = (result: unknown, ids: readonly string[]): Set<string> | 'all' | 'none' => {
  if (typeof result !== 'object' || result === null || !('batchItemFailures' in result)) return 'none';
  const failures = (result as { batchItemFailures: unknown }).batchItemFailures;
  if (failures === null || failures === undefined) return 'none';
  if (!Array.isArray(failures)) return 'all';
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || id === '' || !ids.includes(id)) return 'all';
    failed.add(id);
  }
  return failed.size === 0 ? 'none' : failed;
};

// ---------------------------------------------------------------------------------------------------
// SQS

export interface SqsPollerOptions {
  readonly functionId: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly fifo: boolean;
  readonly batchSize: number;
  readonly region: string;
  readonly invoke: (event: SQSEvent) => Promise<unknown>;
  /**
   * Failed messages normally come back after the queue's visibility timeout (minutes). Locally they can
   * come back sooner; the receive count and the DLQ redrive behave the same either way.
   */
  readonly retryAfterSeconds?: number;
  /** Concurrent pollers (Lambda starts with several); FIFO order holds because SQS locks a busy group. */
  readonly concurrency?: number;
  readonly waitTimeSeconds?: number;
  readonly log?: Log;
  readonly client?: SQSClient;
}

export const toSqsRecord = (
  message: Message,
  options: Pick<SqsPollerOptions, 'queueArn' | 'region'>,
): SQSRecord => {
  const attributes = (message.Attributes ?? {}) as Record<string, string>;
  const messageAttributes: SQSRecord['messageAttributes'] = {};
  for (const [name, value] of Object.entries(message.MessageAttributes ?? {})) {
    messageAttributes[name] = {
      dataType: value.DataType ?? 'String',
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined
        ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
        : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((b) => Buffer.from(b).toString('base64')),
    };
  }
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? '000000000000',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(attributes.SequenceNumber ? { SequenceNumber: attributes.SequenceNumber } : {}),
      ...(attributes.MessageGroupId ? { MessageGroupId: attributes.MessageGroupId } : {}),
      ...(attributes.MessageDeduplicationId
        ? { MessageDeduplicationId: attributes.MessageDeduplicationId }
        : {}),
    },
    messageAttributes,
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: options.queueArn,
    awsRegion: options.region,
  };
};

/**
 * Which messages stay on the queue after an invocation. For FIFO, everything after a failed message of
 * the same group stays too, so a group is never processed out of order (what Lambda's FIFO contract
 * expects the function to report).
 */
export const messagesToKeep = (
  records: readonly SQSRecord[],
  outcome: Set<string> | 'all' | 'none',
  fifo: boolean,
): Set<string> => {
  if (outcome === 'all') return new Set(records.map((r) => r.messageId));
  const keep = new Set<string>(outcome === 'none' ? [] : outcome);
  if (fifo) {
    const brokenGroups = new Set<string>();
    for (const record of records) {
      const group = record.attributes.MessageGroupId ?? '';
      if (brokenGroups.has(group)) keep.add(record.messageId);
      else if (keep.has(record.messageId)) brokenGroups.add(group);
    }
  }
  return keep;
};

export const startSqsPoller = (options: SqsPollerOptions): Poller => {
  const waitTimeSeconds = options.waitTimeSeconds ?? DEFAULT_WAIT_SECONDS;
  const sqs = options.client ?? new SQSClient(pollerClientConfig({ longPollSeconds: waitTimeSeconds }));
  const abort = new AbortController();
  const log = options.log ?? (() => undefined);

  // moto hands out a FIFO group to two receives that overlap (real SQS does not), so a FIFO poller's
  // loops take turns receiving; processing still runs in parallel.
  let receiveTurn: Promise<unknown> = Promise.resolve();
  const receiveInTurn = (): Promise<Message[]> => {
    if (!options.fifo) return receiveBatch();
    const turn = receiveTurn.then(receiveBatch);
    receiveTurn = turn.catch(() => undefined);
    return turn;
  };

  const receiveBatch = async (): Promise<Message[]> => {
    const messages: Message[] = [];
    // SQS hands out at most 10 per call; larger batch sizes gather several calls, like Lambda's window.
    while (messages.length < options.batchSize && !abort.signal.aborted) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: Math.min(10, options.batchSize - messages.length),
          WaitTimeSeconds: messages.length === 0 ? waitTimeSeconds : 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
        // Not aborted by a stop: SQS may already have handed out messages that an aborted call would drop, and
        // those would stay hidden for the queue's visibility timeout (minutes). A stop waits out the long poll.
      );
      messages.push(...Messages);
      if (Messages.length < 10) break;
    }
    return messages;
  };

  const settle = async (records: readonly SQSRecord[], keep: Set<string>): Promise<void> => {
    const done = records.filter((r) => !keep.has(r.messageId));
    for (let i = 0; i < done.length; i += 10) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: done.slice(i, i + 10).map((r, n) => ({ Id: String(n), ReceiptHandle: r.receiptHandle })),
        }),
      );
    }
    const failed = records.filter((r) => keep.has(r.messageId));
    if (options.retryAfterSeconds === undefined) return;
    await showAgainAfter(
      failed.map((r) => r.receiptHandle),
      options.retryAfterSeconds,
    );
  };

  /** Puts received messages back on the queue, visible again after `seconds`. */
  const showAgainAfter = async (receiptHandles: readonly string[], seconds: number): Promise<void> => {
    for (let i = 0; i < receiptHandles.length; i += 10) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: options.queueUrl,
          Entries: receiptHandles
            .slice(i, i + 10)
            .map((handle, n) => ({ Id: String(n), ReceiptHandle: handle, VisibilityTimeout: seconds })),
        }),
      );
    }
  };

  /** Messages received while stopping go back to the queue at once, for the next runtime to take. */
  const release = (messages: readonly Message[]): Promise<void> =>
    showAgainAfter(
      messages.map((m) => m.ReceiptHandle ?? ''),
      0,
    );

  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      try {
        const messages = await receiveInTurn();
        if (messages.length === 0) continue;
        if (abort.signal.aborted) {
          await release(messages);
          return;
        }
        const records = messages.map((m) => toSqsRecord(m, options));
        let outcome: Set<string> | 'all' | 'none';
        try {
          const result = await options.invoke({ Records: records });
          outcome = reportedFailures(
            result,
            records.map((r) => r.messageId),
          );
        } catch (error) {
          log('function error', {
            function: options.functionId,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          });
          outcome = 'all';
        }
        const keep = messagesToKeep(records, outcome, options.fifo);
        if (keep.size > 0)
          log('messages returned to the queue', { function: options.functionId, count: keep.size });
        await settle(records, keep);
      } catch (error) {
        if (abort.signal.aborted) return;
        log('poller error', {
          function: options.functionId,
          error: error instanceof Error ? error.message : String(error),
        });
        await sleep(1000, abort.signal);
      }
    }
  };

  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, () => loop());
  return {
    stop: async () => {
      abort.abort();
      await Promise.allSettled(loops);
      if (!options.client) sqs.destroy();
    },
  };
};

// ---------------------------------------------------------------------------------------------------
// DynamoDB stream

export interface StreamPollerOptions {
  readonly functionId: string;
  readonly functionArn: string;
  readonly streamArn: string;
  readonly batchSize: number;
  /** Retries of a failing batch before it goes to the on-failure destination. */
  readonly retryAttempts: number;
  readonly region: string;
  readonly invoke: (event: DynamoDBStreamEvent) => Promise<unknown>;
  /** On-failure destination (SQS queue URL), as Lambda's DestinationConfig.OnFailure. */
  readonly onFailureQueueUrl?: string;
  readonly pollIntervalMs?: number;
  /** Delay before retrying a failed batch; grows linearly with the attempt. */
  readonly retryDelayMs?: number;
  readonly log?: Log;
  readonly client?: DynamoDBStreamsClient;
  readonly sqsClient?: SQSClient;
  /**
   * Where the last fully processed sequence number of each shard is kept (as Lambda keeps its checkpoint), so a
   * restarted runtime resumes after it instead of at LATEST. Without it the poller starts at LATEST.
   */
  readonly checkpointDir?: string;
}

/** The checkpoints of one function on one stream: shard id -> last processed sequence number. */
export interface StreamCheckpoints {
  load(): Promise<Record<string, string>>;
  save(shardId: string, sequenceNumber: string): Promise<void>;
}

/** A JSON file per (stream, function), replaced atomically; the stream ARN names the table's creation. */
export const fileCheckpoints = (dir: string, streamArn: string, functionId: string): StreamCheckpoints => {
  const name = createHash('sha256').update(`${streamArn}\n${functionId}`).digest('hex').slice(0, 32);
  const file = join(dir, `${name}.json`);
  let current: Record<string, string> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = async (): Promise<Record<string, string>> => {
    if (current) return current;
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      const shards = (parsed as { shards?: unknown } | null)?.shards;
      current = Object.fromEntries(
        Object.entries(typeof shards === 'object' && shards !== null ? shards : {}).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    } catch {
      current = {};
    }
    return current;
  };
  return {
    load,
    async save(shardId, sequenceNumber) {
      const shards = { ...(await load()), [shardId]: sequenceNumber };
      current = shards;
      const body = JSON.stringify({ streamArn, functionId, shards });
      writing = writing.then(async () => {
        await mkdir(dir, { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, body);
        await rename(temporary, file);
      });
      await writing;
    },
  };
};

/** Lambda's event carries binary attributes as base64 and the creation time in epoch seconds. */
export const toStreamRecord = (
  record: StreamRecord,
  options: { streamArn: string; region: string },
): DynamoDBRecord => {
  const json = JSON.stringify(
    record.dynamodb ?? {},
    function (this: Record<string, unknown>, key, value: unknown) {
      const raw = this[key];
      if (raw instanceof Uint8Array) return Buffer.from(raw).toString('base64');
      if (raw instanceof Date) return Math.floor(raw.getTime() / 1000);
      return value;
    },
  );
  return {
    eventID: record.eventID ?? randomUUID(),
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: options.region,
    dynamodb: JSON.parse(json) as DynamoDBRecord['dynamodb'],
    eventSourceARN: options.streamArn,
  };
};

export const startStreamPoller = (options: StreamPollerOptions): Poller & { ready: Promise<void> } => {
  const streams = options.client ?? new DynamoDBStreamsClient(pollerClientConfig());
  const sqs = options.sqsClient ?? new SQSClient(pollerClientConfig());
  const abort = new AbortController();
  const log = options.log ?? (() => undefined);
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const retryDelayMs = options.retryDelayMs ?? 500;

  const sendToFailureDestination = async (
    shardId: string,
    batch: readonly DynamoDBRecord[],
    attempts: number,
    error: string,
  ): Promise<void> => {
    log('stream batch gave up after retries', {
      function: options.functionId,
      records: batch.length,
      attempts,
    });
    if (!options.onFailureQueueUrl) return;
    const first = batch[0]?.dynamodb;
    const last = batch.at(-1)?.dynamodb;
    const arrival = (seconds: number | undefined) => new Date((seconds ?? 0) * 1000).toISOString();
    // The invocation record Lambda sends to an on-failure destination for a stream batch.
    const record = {
      requestContext: {
        requestId: randomUUID(),
        functionArn: options.functionArn,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: attempts,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: error },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: first?.SequenceNumber,
        endSequenceNumber: last?.SequenceNumber,
        approximateArrivalOfFirstRecord: arrival(first?.ApproximateCreationDateTime),
        approximateArrivalOfLastRecord: arrival(last?.ApproximateCreationDateTime),
        batchSize: batch.length,
        streamArn: options.streamArn,
      },
    };
    await sqs.send(
      new SendMessageCommand({ QueueUrl: options.onFailureQueueUrl, MessageBody: JSON.stringify(record) }),
    );
  };

  /** Invokes until the batch is done or retries run out; returns when the shard may move past it. */
  const processBatch = async (shardId: string, records: DynamoDBRecord[]): Promise<void> => {
    let batch = records;
    let attempts = 0;
    while (batch.length > 0 && !abort.signal.aborted) {
      attempts++;
      let outcome: Set<string> | 'all' | 'none';
      let error = 'Unhandled';
      try {
        const result = await options.invoke({ Records: batch });
        outcome = reportedFailures(
          result,
          batch.map((r) => r.dynamodb?.SequenceNumber ?? ''),
        );
        if (outcome !== 'none') error = 'BatchItemFailures';
      } catch (thrown) {
        log('function error', {
          function: options.functionId,
          error: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
        });
        outcome = 'all';
      }
      if (outcome === 'none') return;
      // Lambda checkpoints before the failed record with the lowest sequence number and retries from it.
      const firstFailed =
        outcome === 'all' ? 0 : batch.findIndex((r) => outcome.has(r.dynamodb?.SequenceNumber ?? ''));
      const remaining = batch.slice(Math.max(0, firstFailed));
      if (remaining.length < batch.length) attempts = 0;
      batch = remaining;
      if (attempts > options.retryAttempts) {
        await sendToFailureDestination(shardId, batch, attempts, error);
        return;
      }
      await sleep(retryDelayMs * attempts, abort.signal);
    }
  };

  const checkpoints = options.checkpointDir
    ? fileCheckpoints(options.checkpointDir, options.streamArn, options.functionId)
    : undefined;

  const pollShard = async (shardId: string, firstIterator: string): Promise<void> => {
    let iterator: string | undefined = firstIterator;
    while (!abort.signal.aborted && iterator) {
      try {
        const polledAt = Date.now();
        const page: { Records?: StreamRecord[]; NextShardIterator?: string } = await streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: options.batchSize }),
          { abortSignal: abort.signal },
        );
        iterator = page.NextShardIterator;
        const records = (page.Records ?? []).map((r) => toStreamRecord(r, options));
        if (records.length === 0) {
          await sleep(pollIntervalMs, abort.signal);
          continue;
        }
        await processBatch(shardId, records);
        // Only a batch that is done (or handed to the failure destination) moves the checkpoint; one cut short
        // by a stop is read again after the restart, as Lambda would.
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        if (!abort.signal.aborted && checkpoints && last) await checkpoints.save(shardId, last);
        // Lambda polls a shard about 4 times a second: a short page is not followed by a read at once, which
        // under steady writes kept each consumer reading the emulator's stream back to back. A full page
        // means a backlog, read on without a pause.
        const pause = pollIntervalMs - (Date.now() - polledAt);
        if (records.length < options.batchSize && pause > 0) await sleep(pause, abort.signal);
      } catch (error) {
        if (abort.signal.aborted) return;
        log('stream poller error', {
          function: options.functionId,
          error: error instanceof Error ? error.message : String(error),
        });
        await sleep(1000, abort.signal);
      }
    }
  };

  /** After the stored checkpoint when there is one; else LATEST (the first start). */
  const firstIterator = async (shardId: string, checkpoint: string | undefined): Promise<string> => {
    if (checkpoint) {
      try {
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: options.streamArn,
            ShardId: shardId,
            ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
            SequenceNumber: checkpoint,
          }),
        );
        if (ShardIterator) return ShardIterator;
      } catch (error) {
        log('stream checkpoint unusable, starting at LATEST', {
          function: options.functionId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: shardId,
        ShardIteratorType: 'LATEST',
      }),
    );
    return ShardIterator ?? '';
  };

  let loops: Promise<void>[] = [];
  // Iterators are taken before `ready` resolves, so nothing written after start is missed.
  const ready = (async () => {
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: options.streamArn }),
    );
    const shards = StreamDescription?.Shards ?? [];
    const stored = (await checkpoints?.load()) ?? {};
    const iterators = await Promise.all(
      shards.map(async (shard) => {
        const shardId = shard.ShardId ?? '';
        return { shardId, iterator: await firstIterator(shardId, stored[shardId]) };
      }),
    );
    loops = iterators.filter((i) => i.iterator).map((i) => pollShard(i.shardId, i.iterator));
  })();

  return {
    ready,
    stop: async () => {
      abort.abort();
      await ready.catch(() => undefined);
      await Promise.allSettled(loops);
      if (!options.client) streams.destroy();
      if (!options.sqsClient) sqs.destroy();
    },
  };
};
