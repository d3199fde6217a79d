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

  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}
