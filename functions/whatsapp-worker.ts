/**
 * FIFO consumer of webhook items: each record is one message or status; messages of one citizen
 * share a group, and after a failure the rest of that group is returned unprocessed so order holds.
 */
import middy from '@middy/core';
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord, Context, SQSBatchResponse } from 'aws-lambda';
import { processQueueItem } from '../shared/app/whatsapp/process-inbound.ts';
import { inboundQueueItemSchema } from '../shared/schemas/whatsapp.ts';
import { logger } from '../shared/runtime/powertools.ts';
import { workerDeps } from '../shared/runtime/whatsapp-worker.ts';

const processor = new SqsFifoPartialProcessorAsync();

const recordHandler = async (record: SQSRecord): Promise<void> => {
  try {
    await processQueueItem(workerDeps(), inboundQueueItemSchema.parse(JSON.parse(record.body)));
  } catch (error) {
    // The record (and the rest of its citizen's group) goes back to the queue; DLQ after maxReceiveCount.
    logger().error('queue record failed', { error: error as Error, messageId: record.messageId });
    throw error;
  }
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(
  async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, recordHandler, processor, {
      context,
      skipGroupOnError: true,
      throwOnFullBatchFailure: false,
    }),
);
