/**
 * Table stream → EventBridge: every new timeline item becomes one event (the outbox relay).
 * Records that could not be published are reported as partial batch failures, so Lambda retries
 * from the first of them (consumers deduplicate on the timeline item id).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { processStreamBatch } from '../shared/adapters/dynamodb/stream-batch.ts';
import { publishTimeline } from '../shared/app/publish-timeline.ts';
import { log } from '../shared/runtime/common.ts';
import { eventPublisher } from '../shared/runtime/complaints.ts';
import { logger } from '../shared/runtime/powertools.ts';

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger()))
  .handler(async (event, context: Context) =>
    // Publish the whole batch in PutEvents chunks first, then let Powertools shape the partial response.
    processStreamBatch(event, context, log(), async (changes) => {
      const outcome = await publishTimeline({ publisher: eventPublisher(), log: log() }, changes);
      logger().info('Timeline published', {
        published: outcome.published,
        failed: outcome.failedSequenceNumbers.length,
      });
      return outcome;
    }),
  );
