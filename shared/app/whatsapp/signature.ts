/**
 * Meta's webhook signature (`X-Hub-Signature-256: sha256=<hex>`): HMAC-SHA256 of the body with the
 * app secret. Meta computes it over the body with every non-ASCII character escaped as a lowercase
 * `\uXXXX` sequence, while the bytes it delivers may carry the raw UTF-8; both forms are accepted.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

const HEADER_FORM = /^sha256=([0-9a-f]{64})$/i;

/** Escapes every UTF-16 code unit outside 0x00-0x7e as `\uxxxx` (lowercase hex), as Meta does before signing. */
export const escapeNonAscii = (text: string): string =>
  text.replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);

const digest = (body: Buffer | string, appSecret: string): Buffer =>
  createHmac('sha256', appSecret).update(body).digest();

/** The header value Meta would send for these bytes (used by tests, the chat CLI and the bench). */
export const signBody = (body: Buffer | string, appSecret: string): string =>
  `sha256=${digest(body, appSecret).toString('hex')}`;

/** The header value for Meta's escaped form of a body (what Meta actually signs when it holds non-ASCII). */
export const signBodyAsMeta = (body: Buffer | string, appSecret: string): string =>
  signBody(escapeNonAscii(Buffer.isBuffer(body) ? body.toString('utf8') : body), appSecret);

const hasNonAscii = (bytes: Buffer): boolean => bytes.some((byte) => byte > 0x7e);

/**
 * True when `header` is a valid signature of `rawBody` (the bytes as received) or of its escaped form.
 * Comparisons run in constant time over fixed-length digests.
 */
export const isValidSignature = (rawBody: Buffer, header: string | undefined, appSecret: string): boolean => {
  const match = header === undefined ? null : HEADER_FORM.exec(header.trim());
  if (!match?.[1] || appSecret.length === 0) return false;
  const claimed = Buffer.from(match[1], 'hex');
  if (timingSafeEqual(claimed, digest(rawBody, appSecret))) return true;
  if (!hasNonAscii(rawBody)) return false;
  return timingSafeEqual(claimed, digest(escapeNonAscii(rawBody.toString('utf8')), appSecret));
};
