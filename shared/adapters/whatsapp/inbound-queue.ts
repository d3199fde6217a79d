/**
 * Puts webhook items on the FIFO queue: group = citizen (their messages stay in order),
 * deduplication id = Meta's message id (statuses: id + status). SendMessageBatch takes 10 at most.
 */
import { createHash } from 'node:crypto';
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { InboundQueueItem } from '../../schemas/whatsapp.ts';
import { EnqueueFailedError } from './errors.ts';
import { deduplicationKey } from '../../app/whatsapp/payload.ts';

const SQS_BATCH_LIMIT = 10;

/** SQS ids: 1-128 printable ASCII characters; anything else is replaced by a stable hash of it. */
export const sqsSafeId = (value: string): string =>
  /^[\x21-\x7e]{1,128}$/.test(value) ? value : `h.${createHash('sha256').update(value).digest('hex')}`;

export const createInboundQueue = (sqs: SQSClient, queueUrl: () => string) => ({
  async enqueue(items: readonly InboundQueueItem[]): Promise<void> {
    for (let start = 0; start < items.length; start += SQS_BATCH_LIMIT) {
      const chunk = items.slice(start, start + SQS_BATCH_LIMIT);
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl(),
          Entries: chunk.map((item, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify(item),
            MessageGroupId: sqsSafeId(item.citizen.id),
            MessageDeduplicationId: sqsSafeId(deduplicationKey(item)),
          })),
        }),
      );
      // A partial failure must fail the request, so Meta redelivers; duplicates are harmless.
      if (result.Failed?.length) {
        throw new EnqueueFailedError(
          `SQS rejected ${result.Failed.length} of ${chunk.length} items (${result.Failed.map((f) => f.Code).join(', ')})`,
          result.Failed.length,
        );
      }
    }
  },
});
export type InboundQueue = ReturnType<typeof createInboundQueue>;
