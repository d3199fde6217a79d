/**
 * Consumer of the evidence queue: each record is one WhatsApp attachment of a filed complaint, downloaded
 * from the Graph API, checked, stored in S3 and recorded. A Graph failure returns the record to the queue; on
 * its last delivery the attachment is recorded as unavailable and the citizen told (never silently dropped).
 */
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { QUEUES } from '../infra/resources.ts';
import { downloadWhatsAppMedia, evidenceJobSchema } from '../shared/app/evidence/whatsapp-media.ts';
import { whatsAppMediaDeps } from '../shared/runtime/evidence.ts';
import { logger } from '../shared/runtime/powertools.ts';

const processor = new BatchProcessor(EventType.SQS);

const recordHandler = async (record: SQSRecord): Promise<void> => {
  const parsed = evidenceJobSchema.safeParse(JSON.parse(record.body));
  if (!parsed.success) {
    // Only the worker enqueues here; a malformed job is a bug to see in the logs, not to retry forever.
    logger().error('malformed evidence job dropped', { messageId: record.messageId });
    return;
  }
  const receives = Number(record.attributes.ApproximateReceiveCount ?? '1');
  try {
    await downloadWhatsAppMedia(
      whatsAppMediaDeps(),
      parsed.data,
      receives >= QUEUES.evidenceDownloads.maxReceiveCount,
    );
  } catch (error) {
    logger().warn('evidence job failed, will be retried', { error: error as Error, receives });
    throw error;
  }
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(
  async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false }),
);
