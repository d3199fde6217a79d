/**
 * AWS SDK clients, created once per process on first use. The endpoint (an emulator locally) comes
 * from AWS_ENDPOINT_URL, which the SDK reads itself: no "local vs AWS" branch here.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { evidenceConfig } from './config.ts';

let dynamo: DynamoDBDocumentClient | undefined;
let eventBridge: EventBridgeClient | undefined;
let sqs: SQSClient | undefined;

export const documentClient = (): DynamoDBDocumentClient => {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return dynamo;
};

export const eventBridgeClient = (): EventBridgeClient => {
  eventBridge ??= new EventBridgeClient({});
  return eventBridge;
};

export const sqsClient = (): SQSClient => {
  sqs ??= new SQSClient({});
  return sqs;
};

let plainDynamo: DynamoDBClient | undefined;

/** The low-level client, for libraries that want one (Powertools idempotency). */
export const dynamoDbClient = (): DynamoDBClient => {
  plainDynamo ??= new DynamoDBClient({});
  return plainDynamo;
};

let s3: S3Client | undefined;

/** S3 for evidence; path-style addressing only where configured (emulators). */
export const s3Client = (): S3Client => {
  s3 ??= new S3Client({ forcePathStyle: evidenceConfig().forcePathStyle });
  return s3;
};
