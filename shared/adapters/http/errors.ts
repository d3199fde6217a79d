/**
 * The HTTP edge's errors and the one place where failures become status codes. Every error answer
 * has the shape `{ error: { code, message, issues?: [{ path, message }] } }`.
 */
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  type ValidationIssue,
} from '../../domain/errors.ts';
import { RateLimitedError } from '../../app/errors.ts';
import {
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookVerificationError,
} from '../../app/whatsapp/errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; issues?: ValidationIssue[] };
}

export class HttpError extends Error {
  override name = 'HttpError';
  readonly statusCode: number;
  readonly code: string;
  readonly issues: ValidationIssue[] | undefined;
  readonly headers: Record<string, string>;
  constructor(
    statusCode: number,
    code: string,
    message: string,
    options: { issues?: ValidationIssue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.statusCode = statusCode;
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) },
    };
  }
}

export const badRequest = (code: string, message: string, issues?: ValidationIssue[]): HttpError =>
  new HttpError(400, code, message, issues ? { issues } : {});

/** Same key, different request: the client reused an Idempotency-Key (Powertools IdempotencyValidationError). */
const IDEMPOTENCY_MISMATCH = 'IdempotencyValidationError';
/** A request with the same key is still being processed. */
const IDEMPOTENCY_IN_PROGRESS = 'IdempotencyAlreadyInProgressError';

/**
 * Maps any thrown value to an HttpError. Domain errors keep their message (written for users);
 * anything unknown is a server fault: 500 with a generic message, and `isServerFault` tells the caller to log it.
 */
export const toHttpError = (error: unknown): HttpError => {
  if (error instanceof HttpError) return error;
  if (error instanceof ValidationError) {
    return new HttpError(400, 'validation_failed', error.message, { issues: error.issues, cause: error });
  }
  if (error instanceof NotFoundError) return new HttpError(404, 'not_found', error.message, { cause: error });
  if (error instanceof ConflictError) return new HttpError(409, 'conflict', error.message, { cause: error });
  if (error instanceof ForbiddenError)
    return new HttpError(403, 'forbidden', error.message, { cause: error });
  if (error instanceof WebhookSignatureError)
    return new HttpError(401, 'invalid_signature', error.message, { cause: error });
  if (error instanceof WebhookVerificationError)
    return new HttpError(403, 'verification_failed', error.message, { cause: error });
  if (error instanceof WebhookPayloadError) {
    return new HttpError(400, 'invalid_payload', error.message, { issues: [...error.issues], cause: error });
  }
  if (error instanceof PreconditionFailedError) {
    return new HttpError(412, 'precondition_failed', error.message, { cause: error });
  }
  if (error instanceof RateLimitedError) {
    return new HttpError(429, 'too_many_requests', error.message, {
      headers: { 'retry-after': String(error.retryAfterSeconds) },
      cause: error,
    });
  }
  if (error instanceof Error && error.name === IDEMPOTENCY_MISMATCH) {
    return new HttpError(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request body. Use a new key for a new request.',
      { cause: error },
    );
  }
  if (error instanceof Error && error.name === IDEMPOTENCY_IN_PROGRESS) {
    return new HttpError(
      409,
      'request_in_progress',
      'A request with this Idempotency-Key is still being processed. Retry shortly.',
      {
        headers: { 'retry-after': '1' },
        cause: error,
      },
    );
  }
  return new HttpError(500, 'internal_error', 'Something went wrong on our side. Please try again later.', {
    cause: error,
  });
};

export const isServerFault = (error: HttpError): boolean => error.statusCode >= 500;
