/** Puts WhatsApp attachments to download on the evidence queue (standard queue; the consumer is idempotent). */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { EvidenceJobQueue } from '../../app/evidence/ports.ts';
import { EnqueueFailedError } from '../whatsapp/errors.ts';

const SQS_BATCH_LIMIT = 10;

export const createEvidenceQueue = (sqs: SQSClient, queueUrl: () => string): EvidenceJobQueue => ({
  async enqueue(jobs) {
    for (let start = 0; start < jobs.length; start += SQS_BATCH_LIMIT) {
      const chunk = jobs.slice(start, start + SQS_BATCH_LIMIT);
      const result = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl(),
          Entries: chunk.map((job, index) => ({ Id: String(index), MessageBody: JSON.stringify(job) })),
        }),
      );
      if (result.Failed?.length) {
        throw new EnqueueFailedError(
          `SQS rejected ${result.Failed.length} of ${chunk.length} evidence jobs`,
          result.Failed.length,
        );
      }
    }
  },
});
