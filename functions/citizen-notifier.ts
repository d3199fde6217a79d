/**
 * Bus rule → citizenNotifications queue → here: each SQS body is an EventBridge event; the citizen hears
 * about it on WhatsApp once (deduplicated on the timeline item id), unless they opted out.
 */
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { busEventSchema } from '../shared/schemas/events/index.ts';
import { notifyCitizen } from '../shared/app/notify/citizen-notifier.ts';
import { notifierDeps } from '../shared/runtime/notify.ts';
import { logger } from '../shared/runtime/powertools.ts';

const processor = new BatchProcessor(EventType.SQS);

// Each body is parsed (JSON, then the bus event schema) before the use case sees it; a record that fails is
// reported as a batch item failure and reaches the DLQ after its retries. (Powertools' parser integration
// would do the same but adds ~180 KiB to the bundle: docs/benchmarks.md.)
const recordHandler = async (record: SQSRecord): Promise<void> => {
  const event = busEventSchema.parse(JSON.parse(record.body));
  const result = await notifyCitizen(notifierDeps(), event);
  logger().info('Citizen notification', { detailType: event['detail-type'], ...result });
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(
  async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, recordHandler, processor, { context }),
);
