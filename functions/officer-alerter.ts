/**
 * Bus rule (SLA warnings and breaches) → officerAlerts queue → here: stores the officer alert once and
 * messages the supervising officers by WhatsApp template.
 */
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { alertOfficers } from '../shared/app/notify/officer-alerter.ts';
import type { BusEvent } from '../shared/app/notify/citizen-notifier.ts';
import { alerterDeps } from '../shared/runtime/notify.ts';
import { logger } from '../shared/runtime/powertools.ts';

const processor = new BatchProcessor(EventType.SQS);

const recordHandler = async (record: SQSRecord): Promise<void> => {
  const event = JSON.parse(record.body) as BusEvent;
  const result = await alertOfficers(alerterDeps(), event);
  logger().info('Officer alert', { detailType: event['detail-type'], ...result });
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(
  async (event: SQSEvent, context: Context) =>
    processPartialResponse(event, recordHandler, processor, { context }),
);
