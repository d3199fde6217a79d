/**
 * Tracking codes are stored only as salted scrypt hashes: `scrypt$<N>$<r>$<p>$<salt b64url>$<hash b64url>`.
 * A code has 40 bits of entropy; a memory-hard hash with a per-complaint salt keeps a leaked table from
 * being brute-forced cheaply. Parameters travel with each hash, so they can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { TrackingCodeHasher } from '../../app/ports.ts';

const scryptAsync = (
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's minimum for scrypt (N=2^17 is the recommendation at 128 MiB; 2^14 fits small Lambdas). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const DUMMY_SALT = Buffer.alloc(SALT_LENGTH, 7);

export const createScryptTrackingCodeHasher = (params: ScryptParams = DEFAULT_SCRYPT): TrackingCodeHasher => {
  const derive = (code: string, salt: Buffer, p: ScryptParams) =>
    scryptAsync(code, salt, KEY_LENGTH, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r });
  return {
    async hash(code) {
      const salt = randomBytes(SALT_LENGTH);
      const key = await derive(code, salt, params);
      return [
        'scrypt',
        params.N,
        params.r,
        params.p,
        salt.toString('base64url'),
        key.toString('base64url'),
      ].join('$');
    },
    async verify(code, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      const storedParams = { N: Number(n), r: Number(r), p: Number(p) };
      if (scheme !== 'scrypt' || !salt || !hash || !Object.values(storedParams).every(Number.isSafeInteger)) {
        return false;
      }
      const expected = Buffer.from(hash, 'base64url');
      const actual = await derive(code, Buffer.from(salt, 'base64url'), storedParams);
      return expected.length === actual.length && timingSafeEqual(expected, actual);
    },
    async verifyNothing(code) {
      await derive(code, DUMMY_SALT, params);
      return false;
    },
  };
};
