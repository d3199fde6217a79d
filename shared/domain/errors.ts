/**
 * Domain errors. Only the HTTP edge maps them to status codes; the domain just says what went wrong.
 */
import type { ZodError } from './zod.ts';

export interface ValidationIssue {
  /** Dotted field path, e.g. `complainant.phone`; empty string for the whole input. */
  path: string;
  message: string;
}

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly issues: ValidationIssue[];
  constructor(message: string, issues: ValidationIssue[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.issues = issues;
  }
}

/** Unknown resource, or one outside the caller's scope (we never reveal which). */
export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

/** The request contradicts the current state, e.g. an illegal status transition. */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
}

/** The caller may not do this at all (e.g. directory administration without the admin role). */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
}

/** The caller acted on a stale version (optimistic locking). */
export class PreconditionFailedError extends DomainError {
  override name = 'PreconditionFailedError';
}

/** Dotted path of a zod issue; numeric segments stay numbers in text (`attachments.0.kind`). */
const joinPath = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

export const validationErrorFromZod = (error: ZodError, message = 'Invalid input'): ValidationError =>
  new ValidationError(
    message,
    error.issues.map((issue) => ({ path: joinPath(issue.path), message: issue.message })),
    { cause: error },
  );
