/** Errors of the WhatsApp adapters (SQS enqueueing, Graph API). */

export class EnqueueFailedError extends Error {
  override readonly name = 'EnqueueFailedError';
  constructor(
    message: string,
    readonly failedCount: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Meta error codes that mean "not now" whatever the HTTP status: 4 and 80007 (app / account rate limits),
 * 130429 (throughput), 131016 (service unavailable), 131056 (too many messages to one user: pair rate limit).
 */
export const RETRYABLE_GRAPH_CODES: ReadonlySet<number> = new Set([4, 80007, 130429, 131016, 131056]);
/** Meta's pair rate limit (one business number to one user): wait a few seconds before the next try. */
export const PAIR_RATE_LIMIT_CODE = 131056;

/** The Graph API refused a request, or kept failing after the bounded retries. */
export class GraphApiError extends Error {
  override readonly name = 'GraphApiError';
  constructor(
    message: string,
    /** HTTP status, 0 when the request never got an answer. */
    readonly status: number,
    /** Meta's error code (e.g. 131047 outside the 24-hour window), when it sent one. */
    readonly code: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** A time-out or reset (status 0), 429, 5xx or a rate-limit code: worth trying again later. */
  get retryable(): boolean {
    return (
      this.status === 0 ||
      this.status === 429 ||
      this.status >= 500 ||
      (this.code !== undefined && RETRYABLE_GRAPH_CODES.has(this.code))
    );
  }
}
