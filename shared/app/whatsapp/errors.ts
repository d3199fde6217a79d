/** Errors of the WhatsApp use cases; the webhook handler maps them to HTTP status codes. */

/** X-Hub-Signature-256 missing or wrong (HTTP 401). */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}

/** The body is not JSON, or not a WhatsApp Business Account webhook payload (HTTP 400). */
export class WebhookPayloadError extends Error {
  override readonly name = 'WebhookPayloadError';
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The GET handshake had the wrong mode or verify token (HTTP 403). */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

/** A queue item could not be processed now; the worker fails the record so SQS redelivers it. */
export class MessageInProgressError extends Error {
  override readonly name = 'MessageInProgressError';
}

/** Another worker holds the lease on an outbound message; the record is retried once it is released or expires. */
export class SendInProgressError extends Error {
  override readonly name = 'SendInProgressError';
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
