/**
 * What every composition root shares, built once per process on first use: the AWS SDK clients, the
 * clock, the log, and the names of the table and queues. The per-audience roots (complaints, officer,
 * whatsapp, notify) only wire use cases from these. The endpoint (an emulator locally) comes from
 * AWS_ENDPOINT_URL, which the SDK reads itself: no "local vs AWS" branch here.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock, Log } from '../app/ports.ts';
import { clockOffsetMs, ENV, evidenceConfig, queueUrl, tableConfig } from './config.ts';
import { logger } from './powertools.ts';

/** The one memoisation style of the composition roots: built on the first call, the same value after. */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

export const documentClient = /* @__PURE__ */ once(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  }),
);

/** The low-level client, for libraries that want one (Powertools idempotency). */
export const dynamoDbClient = /* @__PURE__ */ once(() => new DynamoDBClient({}));

export const eventBridgeClient = /* @__PURE__ */ once(() => new EventBridgeClient({}));

export const sqsClient = /* @__PURE__ */ once(() => new SQSClient({}));

export const cognitoClient = /* @__PURE__ */ once(() => new CognitoIdentityProviderClient({}));
/** S3 for evidence; path-style addressing only where configured (emulators). */
export const s3Client = /* @__PURE__ */ once(
  () => new S3Client({ forcePathStyle: evidenceConfig().forcePathStyle }),
);

/**
 * Wall clock plus the local-only time-travel offset (RABTA_CLOCK_OFFSET_MS, 0 in AWS), for every function:
 * a complaint filed or a message answered after `POST /__local/clock` must not live in the past.
 */
export const clock: Clock = { now: () => new Date(Date.now() + clockOffsetMs()) };

/** The Powertools logger behind the use cases' narrow log port (its redaction applies). */
export const log = /* @__PURE__ */ once((): Log => ({
  info: (message, extra = {}) => logger().info(message, extra),
  warn: (message, extra = {}) => logger().warn(message, extra),
  error: (message, extra = {}) => logger().error(message, extra),
}));

/** The application table's name, read when an adapter first needs it. */
export const tableName = (): string => tableConfig().tableName;

/** A queue's URL by its topology id (`webhookInbound` → QUEUE_URL_WEBHOOK_INBOUND). */
export const queueUrlOf = (queueId: string) => (): string => queueUrl(ENV.queueUrl(queueId));
