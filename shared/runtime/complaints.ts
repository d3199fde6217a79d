/**
 * Composition root of the complaint use cases: adapters built from configuration, once per process,
 * on first use. Handlers (and the WhatsApp worker, officer API, SLA sweep) take their deps from here.
 */
import { randomBytes } from 'node:crypto';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createScryptTrackingCodeHasher } from '../adapters/crypto/tracking-code-hasher.ts';
import { createComplaintRepository } from '../adapters/dynamodb/complaint-repository.ts';
import { createRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { createEventBridgePublisher } from '../adapters/eventbridge/publisher.ts';
import type { ComplaintDeps, ComplaintRepository, EventPublisher, Log } from '../app/ports.ts';
import { dynamoDbClient, documentClient, eventBridgeClient } from './clients.ts';
import { clockOffsetMs, eventBusConfig, idempotencyConfig, tableConfig } from './config.ts';
import { logger } from './powertools.ts';

const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

export const appLog = once((): Log => ({
  info: (message, extra = {}) => logger().info(message, extra),
  warn: (message, extra = {}) => logger().warn(message, extra),
  error: (message, extra = {}) => logger().error(message, extra),
}));

/**
 * Wall clock plus the local-only time-travel offset (0 in AWS), the same clock the officer and SLA functions
 * use: a complaint filed after `POST /__local/clock` must not start its SLA window in the past.
 */
export const systemClock = { now: () => new Date(Date.now() + clockOffsetMs()) };

export const complaintRepository = once((): ComplaintRepository =>
  createComplaintRepository({ db: documentClient(), tableName: tableConfig().tableName }),
);

export const complaintDeps = once((): ComplaintDeps => ({
  complaints: complaintRepository(),
  clock: systemClock,
  random: { bytes: (size) => randomBytes(size) },
  trackingCodes: createScryptTrackingCodeHasher(),
  // The table name is salt enough: it differs per stage, and the counters live only a day.
  limits: createRateLimiter(documentClient(), () => tableConfig().tableName, tableConfig().tableName),
}));

/**
 * Every web tracking answer (and the proof check of feedback and answers) takes at least this long: above the
 * slowest normal proof check, so a real and an unknown e-tag cannot be told apart by time.
 */
export const TRACKING_ANSWER_FLOOR_MS = 250;

/** The tracking use case's deps: the complaint deps plus the answer floor. */
export const trackingDeps = once(() => ({
  ...complaintDeps(),
  answerFloor: {
    ms: TRACKING_ANSWER_FLOOR_MS,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  },
}));

export const eventPublisher = once((): EventPublisher =>
  createEventBridgePublisher({
    client: eventBridgeClient(),
    busName: eventBusConfig().busName,
    onFailure: (failure) => logger().warn('PutEvents entry failed', failure),
  }),
);

/** How long a repeated Idempotency-Key returns the first answer. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60;

/** Powertools idempotency for POST /complaints: key = the `Idempotency-Key` header, payload check = the raw body. */
export const fileComplaintIdempotency = once(() => ({
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
