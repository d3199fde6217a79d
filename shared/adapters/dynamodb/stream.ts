/**
 * DynamoDB stream records (Lambda event) → plain StreamChanges, images unmarshalled by Powertools.
 * The record's shape is checked with our own small schema rather than Powertools' parser schema: that one
 * imports zod as `{ z }`, which keeps all of zod (440 KiB) in the stream functions' bundles.
 */
import { unmarshallDynamoDB } from '@aws-lambda-powertools/commons/utils/unmarshallDynamoDB';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import * as z from '../../domain/zod.ts';
import type { StreamChange } from '../../app/publish-timeline.ts';

/** A marshalled item image → the plain item; an image that does not unmarshall is an issue, not a throw. */
const itemImage = z.pipe(
  z.record(
    z.string(),
    z.custom<AttributeValue>((value) => typeof value === 'object' && value !== null),
  ),
  z.transform((image: Record<string, AttributeValue>, ctx): Record<string, unknown> | undefined => {
    try {
      return unmarshallDynamoDB(image) as Record<string, unknown>;
    } catch (error) {
      return z.refuse(ctx, `Could not unmarshall the image: ${(error as Error).message}`);
    }
  }),
);

const streamRecordSchema = z.object({
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    SequenceNumber: z.string().check(z.minLength(1)),
    NewImage: z.optional(itemImage),
  }),
});

export const toStreamChange = (record: DynamoDBRecord): StreamChange => {
  const { eventName, dynamodb } = streamRecordSchema.parse(record);
  const newImage = dynamodb.NewImage;
  return { sequenceNumber: dynamodb.SequenceNumber, eventName, ...(newImage ? { newImage } : {}) };
};
