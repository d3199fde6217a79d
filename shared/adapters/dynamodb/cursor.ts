/** Opaque pagination cursors: a DynamoDB LastEvaluatedKey as base64url JSON; a tampered one is a 400. */
import { ValidationError } from '../../domain/errors.ts';

export const encodeCursor = (key: Record<string, unknown>): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

export const decodeCursor = (cursor: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length > 0 && entries.every(([, v]) => typeof v === 'string' || typeof v === 'number')) {
        return value as Record<string, unknown>;
      }
    }
  } catch {
    // fall through
  }
  throw new ValidationError('Invalid cursor', [
    { path: 'cursor', message: 'Not a cursor returned by this API' },
  ]);
};
