/**
 * One way to consume a table stream batch in a Lambda handler: unmarshal every record, let the use case
 * process the readable ones, and answer with a partial batch failure (Powertools) naming the records that
 * were unreadable or that the use case reports failed, so Lambda retries from the first of them.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Log } from '../../app/ports.ts';
import type { StreamChange } from '../../app/publish-timeline.ts';
import { toStreamChange } from './stream.ts';

class RecordNotProcessedError extends Error {
  override name = 'RecordNotProcessedError';
}

const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

export const processStreamBatch = async (
  event: DynamoDBStreamEvent,
  context: Context,
  log: Log,
  process: (changes: StreamChange[]) => Promise<{ failedSequenceNumbers: readonly string[] }>,
): Promise<DynamoDBBatchResponse> => {
  const failed = new Set<string>();
  const changes: StreamChange[] = [];
  for (const record of event.Records) {
    try {
      changes.push(toStreamChange(record));
    } catch (error) {
      log.error('Unreadable stream record', {
        sequenceNumber: sequenceOf(record),
        error: (error as Error).message,
      });
      failed.add(sequenceOf(record));
    }
  }
  const outcome = await process(changes);
  for (const sequenceNumber of outcome.failedSequenceNumbers) failed.add(sequenceNumber);
  return processPartialResponse(
    event,
    async (record: DynamoDBRecord) => {
      if (failed.has(sequenceOf(record))) throw new RecordNotProcessedError(sequenceOf(record));
    },
    new BatchProcessor(EventType.DynamoDBStreams),
    { context },
  );
};
