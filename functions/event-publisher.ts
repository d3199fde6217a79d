/**
 * Table stream → EventBridge: every new timeline item becomes one event (the outbox relay).
 * Records that could not be published are reported as partial batch failures, so Lambda retries
 * from the first of them (consumers deduplicate on the timeline item id).
 */
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { toStreamChange } from '../shared/adapters/dynamodb/stream.ts';
import { publishTimeline, type StreamChange } from '../shared/app/publish-timeline.ts';
import { log } from '../shared/runtime/common.ts';
import { eventPublisher } from '../shared/runtime/complaints.ts';
import { logger } from '../shared/runtime/powertools.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

class RecordNotPublishedError extends Error {
  override name = 'RecordNotPublishedError';
}

const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger()))
  .handler(async (event, context: Context) => {
    const failed = new Set<string>();
    const changes: StreamChange[] = [];
    for (const record of event.Records) {
      try {
        changes.push(toStreamChange(record));
      } catch (error) {
        log().error('Unreadable stream record', {
          sequenceNumber: sequenceOf(record),
          error: (error as Error).message,
        });
        failed.add(sequenceOf(record));
      }
    }
    // Publish the whole batch in PutEvents chunks first, then let Powertools shape the partial response.
    const outcome = await publishTimeline({ publisher: eventPublisher(), log: log() }, changes);
    for (const sequenceNumber of outcome.failedSequenceNumbers) failed.add(sequenceNumber);
    logger().info('Timeline published', { published: outcome.published, failed: failed.size });
    return processPartialResponse(
      event,
      async (record: DynamoDBRecord) => {
        if (failed.has(sequenceOf(record))) throw new RecordNotPublishedError(sequenceOf(record));
      },
      processor,
      { context },
    );
  });
