/** Errors of the use-case layer that are not domain rules: outcomes of talking to ports. */

/** The e-tag is already taken by another complaint; the use case retries with a new one. */
export class EtagCollisionError extends Error {
  override name = 'EtagCollisionError';
  constructor(
    readonly etag: string,
    options?: { cause?: unknown },
  ) {
    super(`E-tag ${etag} is already in use`, options);
  }
}

/** The same filing request (e.g. one WhatsApp message) already produced a complaint. */
export class DuplicateFilingError extends Error {
  override name = 'DuplicateFilingError';
  constructor(
    readonly requestId: string,
    readonly etag: string,
    options?: { cause?: unknown },
  ) {
    super(`Filing request ${requestId} already produced complaint ${etag}`, options);
  }
}

/** No unique e-tag after several attempts: a server fault, not the caller's. */
export class EtagExhaustedError extends Error {
  override name = 'EtagExhaustedError';
}

/** Meta no longer has this media (expired or deleted media id): it can never be fetched. */
export class MediaGoneError extends Error {
  override name = 'MediaGoneError';
}

/** Too many requests for one phone, address or e-tag (HTTP 429 with Retry-After). */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    readonly rule: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('Too many requests. Please wait before trying again.', options);
  }
}
