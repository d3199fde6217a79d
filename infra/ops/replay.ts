/**
 * Re-publishing what the bus missed or a consumer lost (`npm run replay`, see replay-cli.ts):
 *
 * - **A `publisherFailures` range.** The stream poller (Lambda's on-failure destination) records each stream
 *   batch the publisher gave up on as a shard and a sequence-number range. `replayFailures` reads that range from
 *   the table's stream again, publishes its timeline items through the same outbox relay as the publisher, and
 *   deletes the failure record only when every item went out. Stream records live 24 hours: replay within that.
 * - **An archive window.** `replayArchive` asks EventBridge to replay the bus archive's events between two
 *   instants onto the bus (a repaired or new consumer catches up).
 *
 * Replays are safe to repeat: consumers deduplicate on the timeline item id (outbound records, alert ids).
 */
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import {
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  StartReplayCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import * as z from '../../shared/domain/zod.ts';
import { toStreamChange } from '../../shared/adapters/dynamodb/stream.ts';
import type { EventPublisher } from '../../shared/app/ports.ts';
import { publishTimeline } from '../../shared/app/publish-timeline.ts';
import { toStreamRecord } from '../local/pollers.ts';

/** The part of Lambda's on-failure record for a stream batch that says what to read again. */
const failureRecordSchema = z.object({
  DDBStreamBatchInfo: z.object({
    shardId: z.string().check(z.minLength(1)),
    startSequenceNumber: z.string().check(z.regex(/^\d+$/)),
    endSequenceNumber: z.string().check(z.regex(/^\d+$/)),
    streamArn: z.string().check(z.minLength(1)),
  }),
});

export interface FailureReplayOutcome {
  readonly failureRecords: number;
  readonly streamRecords: number;
  readonly published: number;
  /** Failure records left on the queue (unreadable range, or some items still not published). */
  readonly kept: number;
}

/** Every stream record of one shard from `start` to `end` (inclusive). */
const readRange = async (
  streams: DynamoDBStreamsClient,
  range: z.output<typeof failureRecordSchema>['DDBStreamBatchInfo'],
) => {
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: range.streamArn,
      ShardId: range.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: range.startSequenceNumber,
    }),
  );
  const end = BigInt(range.endSequenceNumber);
  const records = [];
  let iterator = ShardIterator;
  // Bounded: a range is one Lambda batch (at most 10,000 records); empty pages end it at the shard's tip.
  for (let pages = 0; iterator && pages < 1000; pages++) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    const inRange = (page.Records ?? []).filter((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0') <= end);
    records.push(...inRange);
    const last = page.Records?.at(-1)?.dynamodb?.SequenceNumber;
    if ((page.Records ?? []).length === 0 || inRange.length < (page.Records ?? []).length) break;
    if (last && BigInt(last) >= end) break;
    iterator = page.NextShardIterator;
  }
  return records;
};

export const replayFailures = async (
  clients: { sqs: SQSClient; streams: DynamoDBStreamsClient; publisher: EventPublisher; region: string },
  options: { failuresQueueUrl: string; dryRun: boolean; max?: number },
): Promise<FailureReplayOutcome> => {
  let failureRecords = 0;
  let streamRecords = 0;
  let published = 0;
  let kept = 0;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  // Held invisible until the run ends, so one run looks at each record once.
  const heldBack: string[] = [];
  try {
    while (failureRecords < max) {
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.failuresQueueUrl,
          MaxNumberOfMessages: 1,
          VisibilityTimeout: 120,
          WaitTimeSeconds: 1,
        }),
      );
      const message = Messages[0];
      if (!message) break;
      failureRecords++;
      const giveBack = async () => {
        if (message.ReceiptHandle) heldBack.push(message.ReceiptHandle);
      };
      let parsed;
      try {
        parsed = failureRecordSchema.parse(JSON.parse(message.Body ?? ''));
      } catch {
        kept++;
        await giveBack();
        continue;
      }
      const records = await readRange(clients.streams, parsed.DDBStreamBatchInfo);
      streamRecords += records.length;
      if (options.dryRun) {
        kept++;
        await giveBack();
        continue;
      }
      const changes = records.map((r) =>
        toStreamChange(
          toStreamRecord(r, { streamArn: parsed.DDBStreamBatchInfo.streamArn, region: clients.region }),
        ),
      );
      const outcome = await publishTimeline({ publisher: clients.publisher }, changes);
      published += outcome.published;
      if (records.length > 0 && outcome.failedSequenceNumbers.length === 0) {
        await clients.sqs.send(
          new DeleteMessageCommand({
            QueueUrl: options.failuresQueueUrl,
            ReceiptHandle: message.ReceiptHandle,
          }),
        );
      } else {
        kept++;
        await giveBack();
      }
    }
  } finally {
    // What was not replayed goes back on the queue, visible at once for the next run.
    for (const receiptHandle of heldBack) {
      await clients.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: options.failuresQueueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    }
  }
  return { failureRecords, streamRecords, published, kept };
};

export const replayArchive = async (
  events: EventBridgeClient,
  options: { archiveName: string; busName: string; from: Date; to: Date; dryRun: boolean },
): Promise<{ replayName: string; archiveArn: string; busArn: string; started: boolean }> => {
  if (!(options.from.getTime() < options.to.getTime())) throw new Error('--from must be before --to');
  const { ArchiveArn } = await events.send(new DescribeArchiveCommand({ ArchiveName: options.archiveName }));
  const { Arn } = await events.send(new DescribeEventBusCommand({ Name: options.busName }));
  if (!ArchiveArn || !Arn) throw new Error('Archive or bus not found');
  const replayName = `replay-${options.from.toISOString().replace(/\D/g, '').slice(0, 14)}-${Date.now()}`;
  if (!options.dryRun) {
    await events.send(
      new StartReplayCommand({
        ReplayName: replayName,
        EventSourceArn: ArchiveArn,
        EventStartTime: options.from,
        EventEndTime: options.to,
        Destination: { Arn },
      }),
    );
  }
  return { replayName, archiveArn: ArchiveArn, busArn: Arn, started: !options.dryRun };
};
