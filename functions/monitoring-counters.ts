/**
 * Table stream → monitoring counters: applies each changed complaint and follow-up to the district × day
 * counter items, idempotently (docs/monitoring-counters.md). Failed records are retried by Lambda.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { processStreamBatch } from '../shared/adapters/dynamodb/stream-batch.ts';
import { applyCounterChanges } from '../shared/app/counters.ts';
import { log } from '../shared/runtime/common.ts';
import { counterDeps } from '../shared/runtime/officer.ts';
import { logger } from '../shared/runtime/powertools.ts';

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger()))
  .handler(async (event, context: Context) =>
    processStreamBatch(event, context, log(), async (changes) => {
      const outcome = await applyCounterChanges(counterDeps(), changes);
      logger().info('Counters applied', { ...outcome, failed: outcome.failedSequenceNumbers.length });
      return outcome;
    }),
  );
