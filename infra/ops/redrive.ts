/**
 * `npm run redrive -- --queue <id> --stage <stage> [--dry-run] [--max <n>]`, or `--from <dlq url> --to <queue url>`:
 * moves messages from a dead-letter queue back to its source queue, oldest first, each one sent before it is
 * deleted (a crash in between leaves a copy in both; consumers deduplicate). A FIFO message keeps its group, so a
 * citizen's messages stay in order; it gets a fresh deduplication id, or the source queue would drop it as a
 * repeat within FIFO's 5-minute window. `--dry-run` lists what would move and leaves every message in place.
 * Works against AWS, or the emulator when AWS_ENDPOINT_URL is set (queue names then follow the local stage).
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
} from '@aws-sdk/client-sqs';

export interface RedriveOptions {
  readonly from: string;
  readonly to: string;
  readonly dryRun: boolean;
  /** At most this many messages (default: all). */
  readonly max?: number;
}

export interface RedriveSummary {
  readonly found: number;
  readonly moved: number;
  /** Per message: id, FIFO group, receive count (no bodies: they may hold personal data). */
  readonly messages: { id: string; group?: string; receiveCount: number }[];
}

const isFifo = (url: string): boolean => url.endsWith('.fifo');

export const redrive = async (sqs: SQSClient, options: RedriveOptions): Promise<RedriveSummary> => {
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const held: Message[] = [];
  const summary: RedriveSummary = { found: 0, moved: 0, messages: [] };
  let moved = 0;
  try {
    while (summary.messages.length < max) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.from,
          MaxNumberOfMessages: Math.min(10, max - summary.messages.length),
          // Long enough to move a batch; a dry run gives them back at once below.
          VisibilityTimeout: 60,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      if (Messages.length === 0) break;
      for (const message of Messages) {
        const group = message.Attributes?.MessageGroupId;
        summary.messages.push({
          id: message.MessageId ?? '',
          ...(group ? { group } : {}),
          receiveCount: Number(message.Attributes?.ApproximateReceiveCount ?? 0),
        });
        if (options.dryRun) {
          held.push(message);
          continue;
        }
        await sqs.send(
          new SendMessageCommand({
            QueueUrl: options.to,
            MessageBody: message.Body ?? '',
            ...(message.MessageAttributes && Object.keys(message.MessageAttributes).length > 0
              ? { MessageAttributes: message.MessageAttributes }
              : {}),
            ...(isFifo(options.to)
              ? {
                  MessageGroupId: group ?? 'redrive',
                  MessageDeduplicationId: `redrive-${message.MessageId ?? ''}`.slice(0, 128),
                }
              : {}),
          }),
        );
        await sqs.send(
          new DeleteMessageCommand({ QueueUrl: options.from, ReceiptHandle: message.ReceiptHandle }),
        );
        moved++;
      }
    }
  } finally {
    // A dry run leaves every message where it was, visible again at once.
    for (let i = 0; i < held.length; i += 10) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: options.from,
          Entries: held.slice(i, i + 10).map((m, n) => ({
            Id: String(n),
            ReceiptHandle: m.ReceiptHandle,
            VisibilityTimeout: 0,
          })),
        }),
      );
    }
  }
  return { ...summary, found: summary.messages.length, moved };
};
