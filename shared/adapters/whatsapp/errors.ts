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
