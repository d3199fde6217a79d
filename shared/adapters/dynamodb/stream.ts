/** DynamoDB stream records (Lambda event) → plain StreamChanges, unmarshalled by Powertools' parser schema. */
import { DynamoDBStreamRecord } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StreamChange } from '../../app/publish-timeline.ts';

export const toStreamChange = (record: DynamoDBRecord): StreamChange => {
  const parsed = DynamoDBStreamRecord.parse(record);
  const change = parsed.dynamodb as { SequenceNumber: string; NewImage?: Record<string, unknown> };
  return {
    sequenceNumber: change.SequenceNumber,
    eventName: parsed.eventName,
    ...(change.NewImage ? { newImage: change.NewImage } : {}),
  };
};
