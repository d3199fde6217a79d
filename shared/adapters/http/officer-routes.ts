/**
 * HTTP edge helpers of the officer routes: the officer from the JWT claims (401/403 when the claims are
 * missing or make no sense), `If-Match` versions for optimistic locking (428 when missing, 400 when
 * malformed), strict query-string parsing, and the `ETag` response header carrying the version.
 */
import { OfficerClaimsError } from '../auth/errors.ts';
import { officerFromEvent } from '../auth/claims.ts';
import type { Officer } from '../../domain/officer.ts';
import { HttpError } from './errors.ts';
import { header, type ApiEvent } from './middleware.ts';

export const officerOf = (event: ApiEvent): Officer => {
  try {
    return officerFromEvent(event);
  } catch (error) {
    if (error instanceof OfficerClaimsError) {
      if (error.reason === 'token') {
        throw new HttpError(
          401,
          'unauthorized',
          'The officer token is not an ID token of an acceptable lifetime.',
          {
            issues: error.issues.map((i) => ({ path: i.claim, message: i.message })),
            cause: error,
          },
        );
      }
      throw error.reason === 'missing'
        ? new HttpError(401, 'unauthorized', 'An officer token is required.', { cause: error })
        : new HttpError(403, 'forbidden', 'The officer token does not carry a usable role and area.', {
            issues: error.issues.map((i) => ({ path: i.claim, message: i.message })),
            cause: error,
          });
    }
    throw error;
  }
};

/**
 * The version the client acted on, from `If-Match` (`7`, `"7"` or `W/"7"`). Missing → 428, so a client
 * can never overwrite blindly; anything else than one positive integer → 400.
 */
export const ifMatchVersion = (event: ApiEvent): number => {
  const value = header(event, 'if-match');
  if (value === undefined || value.trim() === '') {
    throw new HttpError(
      428,
      'precondition_required',
      'Send the version you are acting on in an If-Match header (the ETag of the complaint, or the version of the follow-up, you read).',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new HttpError(
      400,
      'invalid_if_match',
      'If-Match must be a single version number, e.g. If-Match: "3".',
    );
  }
  return version;
};

export const versionHeaders = (version: number): Record<string, string> => ({ etag: `"${version}"` });

export const pathParameter = (event: ApiEvent, name: string): string => {
  const value = event.pathParameters?.[name];
  if (!value) throw new HttpError(404, 'not_found', 'Not found');
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};
