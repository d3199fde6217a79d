/**
 * Composition root of the citizen's complaint use cases (filing, tracking, feedback, answers) and the
 * event publisher: adapters over the shared clients (common.ts), once per process, on first use.
 */
import { randomBytes } from 'node:crypto';
import { createScryptTrackingCodeHasher } from '../adapters/crypto/tracking-code-hasher.ts';
import { createComplaintRepository } from '../adapters/dynamodb/complaint-repository.ts';
import { createRateLimiter } from '../adapters/dynamodb/rate-limiter.ts';
import { createEventBridgePublisher } from '../adapters/eventbridge/publisher.ts';
import { scaledLimits } from '../app/limits.ts';
import type { ComplaintDeps, ComplaintRepository, EventPublisher } from '../app/ports.ts';
import { clock, documentClient, eventBridgeClient, log, once, tableName } from './common.ts';
import { eventBusConfig, rateLimitConfig } from './config.ts';

export const complaintRepository = /* @__PURE__ */ once((): ComplaintRepository =>
  createComplaintRepository(documentClient(), tableName),
);

export const complaintDeps = /* @__PURE__ */ once((): ComplaintDeps => ({
  complaints: complaintRepository(),
  clock,
  random: { bytes: (size) => randomBytes(size) },
  trackingCodes: createScryptTrackingCodeHasher(),
  limits: createRateLimiter(documentClient(), tableName),
  rateRules: scaledLimits(rateLimitConfig().scale),
}));

/**
 * Every web tracking answer (and the proof check of feedback and answers) takes at least this long: above the
 * slowest normal proof check, so a real and an unknown e-tag cannot be told apart by time.
 */
export const TRACKING_ANSWER_FLOOR_MS = 250;

/**
 * The tracking use case's deps (the proof-of-ownership check of tracking, feedback and answers): the complaint
 * deps plus the answer floor.
 */
export const trackingDeps = /* @__PURE__ */ once(() => ({
  ...complaintDeps(),
  answerFloor: {
    ms: TRACKING_ANSWER_FLOOR_MS,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  },
}));

export const eventPublisher = /* @__PURE__ */ once((): EventPublisher =>
  createEventBridgePublisher({
    client: eventBridgeClient(),
    busName: eventBusConfig().busName,
    onFailure: (failure) => log().warn('PutEvents entry failed', failure),
  }),
);
