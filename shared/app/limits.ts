/**
 * Abuse limits on the public routes (issue 12): how often one phone number, one client address or one e-tag may
 * file or track, and the lockout of an e-tag after repeated wrong proofs. Counted in DynamoDB (fixed windows,
 * TTL), so they hold across every function instance. The WAF in front of the API adds a coarser per-address
 * limit before any function runs.
 */
import { RateLimitedError } from './errors.ts';
import type { RateLimiter, RateRule } from './ports.ts';

export const LIMITS = {
  /** A citizen rarely files more than a few complaints a day; the rest is someone using their number. */
  filingsPerPhone: { name: 'file-phone', limit: 5, windowSeconds: 24 * 3600 },
  /** Generous for shared addresses (carrier NAT, offices); stops a script. */
  filingsPerAddress: { name: 'file-ip', limit: 30, windowSeconds: 3600 },
  trackingPerAddress: { name: 'track-ip', limit: 120, windowSeconds: 600 },
  trackingPerEtag: { name: 'track-etag', limit: 30, windowSeconds: 600 },
  /** Lockout: after this many wrong proofs the e-tag answers 429 to everyone until the window ends. */
  wrongProofsPerEtag: { name: 'proof-etag', limit: 5, windowSeconds: 900 },
} as const satisfies Record<string, RateRule>;

export type RateRules = { readonly [K in keyof typeof LIMITS]: RateRule };

/**
 * The limits with every count multiplied by `scale` (windows unchanged): 1 in production; a load-test or e2e
 * stage that files hundreds of complaints from one address raises it (RATE_LIMIT_SCALE, docs/abuse-limits.md).
 */
export const scaledLimits = (scale: number): RateRules =>
  Object.fromEntries(
    Object.entries(LIMITS).map(([id, rule]) => [id, { ...rule, limit: rule.limit * scale }]),
  ) as unknown as RateRules;

/** Counts one use; throws RateLimitedError when the rule's limit is exceeded. */
export const takeOrRefuse = async (
  limiter: RateLimiter,
  rule: RateRule,
  key: string,
  now: Date,
): Promise<void> => {
  const { count, resetAt } = await limiter.hit(rule, key, now);
  if (count > rule.limit) throw new RateLimitedError(rule.name, secondsUntil(resetAt, now));
};

/** Refuses without counting when the rule's limit is already reached (a locked e-tag). */
export const refuseIfReached = async (
  limiter: RateLimiter,
  rule: RateRule,
  key: string,
  now: Date,
): Promise<void> => {
  const { count, resetAt } = await limiter.peek(rule, key, now);
  if (count >= rule.limit) throw new RateLimitedError(rule.name, secondsUntil(resetAt, now));
};

const secondsUntil = (at: Date, now: Date): number =>
  Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
