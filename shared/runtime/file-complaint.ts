/**
 * FileComplaint's idempotency (Powertools). Apart from complaints.ts because the idempotency package brings
 * JMESPath (~23 KiB) with module-level code that no bundler drops: only FileComplaint needs it.
 */
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { dynamoDbClient, once } from './common.ts';
import { idempotencyConfig } from './config.ts';

/** How long a repeated Idempotency-Key returns the first answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** Powertools idempotency for POST /complaints: key = the `Idempotency-Key` header, payload check = the raw body. */
export const fileComplaintIdempotency = /* @__PURE__ */ once(() => ({
  persistenceStore: new DynamoDBPersistenceLayer({
    tableName: idempotencyConfig().tableName,
    awsSdkV3Client: dynamoDbClient(),
  }),
  config: new IdempotencyConfig({
    eventKeyJmesPath: 'headers."idempotency-key"',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: IDEMPOTENCY_WINDOW_SECONDS,
  }),
  keyPrefix: 'FileComplaint',
}));
