/**
 * E-tag numbers and tracking codes.
 *
 * E-tag, canonical display form `LHR-7K3Q-F9XC`: a 3-letter district code, 7 random Crockford base32
 * characters (35 bits), then 1 check character, grouped 3-4-4 for reading over the phone.
 *
 * Check character: every character of the tag (district letters included) is mapped to a value 0..31
 * through Crockford decoding (I/L → 1, O → 0), and the tag is valid iff
 *   r₀ = 0,  rᵢ₊₁ = α·rᵢ ⊕ vᵢ  ends in r₁₁ = 0          (arithmetic in GF(32) = GF(2)[x]/(x⁵+x²+1), α = x)
 * The step x∘y = α·x ⊕ y is a totally anti-symmetric quasigroup of order 32 (a Damm scheme):
 * - single wrong character at distance k from the end changes r₁₁ by α^k·(a⊕b) ≠ 0 when a ≠ b;
 * - swapping adjacent a ≠ b changes it by α^k·(α⊕1)·(a⊕b) ≠ 0, since α ≠ 1 and a field has no zero divisors.
 * The check symbol is the Crockford symbol of α·r₁₀, so it is always one of the 32 readable symbols.
 * Confusions that are folded (O/0, I/L/1) are not errors: they parse to the same tag.
 *
 * Tracking code: 8 Crockford characters (40 bits), the secret handed out at filing. The app layer hashes
 * `normalizeTrackingCode(input)`; this module only generates and normalizes.
 */
import { DISTRICTS } from './districts.ts';
import { ValidationError } from './errors.ts';

/** Fills `size` random bytes, e.g. `node:crypto` `randomBytes`. */
export type RandomBytes = (size: number) => Uint8Array;

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ETAG_RANDOM_LENGTH = 7;
/** Length without dashes: district (3) + random (7) + check (1). */
export const ETAG_COMPACT_LENGTH = 3 + ETAG_RANDOM_LENGTH + 1;
/** Canonical display form (what `generateEtag`/`parseEtag` return). Usable in OpenAPI `pattern`. */
export const ETAG_PATTERN = /^[A-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export const TRACKING_CODE_ALPHABET = CROCKFORD_ALPHABET;
export const TRACKING_CODE_LENGTH = 8;
export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** GF(32) multiplication by α = x, reduced by the primitive polynomial x⁵ + x² + 1. */
const timesAlpha = (value: number): number => {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ 0b100101 : shifted;
};

const foldChar = (char: string): string => (char === 'O' ? '0' : char === 'I' || char === 'L' ? '1' : char);

/** Crockford value of an upper-case character after folding; -1 when it is not a symbol (e.g. U). */
const symbolValue = (char: string): number => CROCKFORD_ALPHABET.indexOf(foldChar(char));

const checkState = (values: readonly number[]): number => values.reduce((r, v) => timesAlpha(r) ^ v, 0);

const checkSymbol = (chars: string): string => {
  const values = [...chars].map(symbolValue);
  return CROCKFORD_ALPHABET.charAt(timesAlpha(checkState(values)));
};

/** Folded district code → canonical code. Codes are unique after folding (tested). */
const districtByFoldedCode = new Map(DISTRICTS.map((d) => [[...d.code].map(foldChar).join(''), d.code]));

const randomSymbols = (randomBytes: RandomBytes, count: number): string => {
  const bytes = randomBytes(count);
  if (bytes.length < count) throw new RangeError(`randomBytes returned ${bytes.length} bytes, need ${count}`);
  // 256 is a multiple of 32, so the low 5 bits of a uniform byte are uniform.
  return Array.from(bytes.subarray(0, count), (b) => CROCKFORD_ALPHABET.charAt(b & 31)).join('');
};

const display = (compact: string): string =>
  `${compact.slice(0, 3)}-${compact.slice(3, 7)}-${compact.slice(7)}`;

/** A fresh e-tag in canonical display form. Throws ValidationError for an unknown district code. */
export const generateEtag = (districtCode: string, randomBytes: RandomBytes): string => {
  const district = districtByFoldedCode.get([...districtCode.trim().toUpperCase()].map(foldChar).join(''));
  if (!district) {
    throw new ValidationError('Unknown district', [{ path: 'district', message: 'Unknown district code' }]);
  }
  const body = district + randomSymbols(randomBytes, ETAG_RANDOM_LENGTH);
  return display(body + checkSymbol(body));
};

/** Dashes of every kind, spaces, dots and underscores people put between groups. */
const SEPARATORS = /[\s\-‐-―−_.]/g;

/**
 * Tolerant parse → canonical display form, or undefined when the input is not a valid e-tag
 * (wrong length, unknown district, a non-symbol, or a failed check).
 */
export const parseEtag = (input: string): string | undefined => {
  if (typeof input !== 'string' || input.length > 64) return undefined;
  const compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (compact.length !== ETAG_COMPACT_LENGTH) return undefined;
  const values = [...compact].map(symbolValue);
  if (values.some((v) => v < 0)) return undefined;
  if (checkState(values) !== 0) return undefined;
  const district = districtByFoldedCode.get([...compact.slice(0, 3)].map(foldChar).join(''));
  if (!district) return undefined;
  const rest = values.slice(3).map((v) => CROCKFORD_ALPHABET.charAt(v));
  return display(district + rest.join(''));
};

export const looksLikeEtag = (text: string): boolean => parseEtag(text) !== undefined;

/**
 * First valid e-tag inside free text ("status of lhr 7k3q f9xc please"), canonical, or undefined.
 * Only whole words are joined, so a stray run of letters inside a sentence cannot match by chance.
 */
export const extractEtag = (text: string): string | undefined => {
  if (typeof text !== 'string') return undefined;
  const words = text
    .slice(0, 2000)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    let joined = '';
    for (let end = start; end < words.length && joined.length < ETAG_COMPACT_LENGTH; end++) {
      joined += words[end];
      if (joined.length === ETAG_COMPACT_LENGTH) {
        const etag = parseEtag(joined);
        if (etag) return etag;
      }
    }
  }
  return undefined;
};

/** District code of a canonical e-tag. */
export const etagDistrict = (etag: string): string => etag.slice(0, 3);

/** A fresh tracking code, canonical (8 symbols, no dash): hash exactly this. */
export const generateTrackingCode = (randomBytes: RandomBytes): string =>
  randomSymbols(randomBytes, TRACKING_CODE_LENGTH);

/** Tolerant (case, spaces, dashes, O/0, I/L/1) → canonical 8 symbols, or undefined. */
export const normalizeTrackingCode = (input: string): string | undefined => {
  if (typeof input !== 'string' || input.length > 64) return undefined;
  const compact = [...input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '')].map(foldChar).join('');
  return TRACKING_CODE_PATTERN.test(compact) ? compact : undefined;
};

/** `7K3QF9X2` → `7K3Q-F9X2` for showing to the citizen. */
/** Display form `XXXX-XXXX`; accepts the code in any tolerated form, so formatting twice is harmless. */
export const formatTrackingCode = (code: string): string => {
  const canonical = normalizeTrackingCode(code) ?? code;
  return `${canonical.slice(0, 4)}-${canonical.slice(4)}`;
};
