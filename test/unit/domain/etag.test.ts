import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DISTRICTS } from '../../../shared/domain/districts.ts';
import {
  CROCKFORD_ALPHABET,
  ETAG_PATTERN,
  extractEtag,
  formatTrackingCode,
  generateEtag,
  generateTrackingCode,
  looksLikeEtag,
  normalizeTrackingCode,
  parseEtag,
  TRACKING_CODE_PATTERN,
  type RandomBytes,
} from '../../../shared/domain/etag.ts';

/** Deterministic bytes (mulberry32) so a failure can be replayed. */
const seededBytes = (seed: number): RandomBytes => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return (size) => Uint8Array.from({ length: size }, next);
};

const compact = (etag: string) => etag.replace(/-/g, '');
/** Characters a caller may type: the 32 symbols plus the folded look-alikes. */
const INPUT_SYMBOLS = `${CROCKFORD_ALPHABET}ILO`;
/** Independent statement of the folding rule: which inputs mean the same symbol. */
const symbolValue = (c: string) =>
  CROCKFORD_ALPHABET.indexOf(c === 'O' ? '0' : c === 'I' || c === 'L' ? '1' : c);

const sampleTags = (count: number, seed: number): string[] => {
  const bytes = seededBytes(seed);
  return Array.from({ length: count }, (_, i) => generateEtag(DISTRICTS[i % DISTRICTS.length]!.code, bytes));
};

describe('generateEtag', () => {
  it('produces the canonical display form with the district code first', () => {
    // Prepare
    const bytes = seededBytes(1);
    // Act
    const tags = DISTRICTS.map((d) => generateEtag(d.code.toLowerCase(), bytes));
    // Assess
    tags.forEach((tag, i) => {
      expect(tag).toMatch(ETAG_PATTERN);
      expect(tag.slice(0, 3)).toBe(DISTRICTS[i]!.code);
      expect(parseEtag(tag)).toBe(tag);
    });
  });

  it('uses all 32 symbols in the random part and the check character', () => {
    // Prepare
    const tags = sampleTags(3000, 2);
    // Act
    const randomSymbols = new Set(tags.flatMap((t) => [...compact(t).slice(3, 10)]));
    const checkSymbols = new Set(tags.map((t) => compact(t).slice(10)));
    // Assess
    expect(randomSymbols.size).toBe(32);
    expect(checkSymbols.size).toBe(32);
  });

  it('is a pure function of the random bytes', () => {
    // Act
    const zeros = generateEtag('LHR', (n) => new Uint8Array(n));
    // Assess
    expect(zeros).toBe(generateEtag('lhr', (n) => new Uint8Array(n)));
    expect(zeros.startsWith('LHR-0000-000')).toBe(true);
  });

  it('rejects an unknown district and a short random source', () => {
    expect(() => generateEtag('XXX', randomBytes)).toThrow(/Unknown district/);
    expect(() => generateEtag('LHR', () => new Uint8Array(2))).toThrow(RangeError);
  });

  it('rarely collides: 20,000 tags of one district are distinct (35 random bits)', () => {
    // Prepare
    const bytes = seededBytes(3);
    // Act
    const tags = new Set(Array.from({ length: 20_000 }, () => generateEtag('LHR', bytes)));
    // Assess
    expect(tags.size).toBe(20_000);
  });
});

describe('parseEtag check character (exhaustive over 2,000 sampled tags)', () => {
  const tags = sampleTags(2000, 42);

  it('rejects every single wrong character and accepts only folded look-alikes', () => {
    // Collect mismatches and assert once: ~800,000 cases.
    const failures: string[] = [];
    let rejected = 0;
    for (const tag of tags) {
      // Prepare
      const chars = [...compact(tag)];
      chars.forEach((original, position) => {
        for (const symbol of INPUT_SYMBOLS) {
          if (symbol === original) continue;
          const mutated = [...chars];
          mutated[position] = symbol;
          // Act
          const parsed = parseEtag(mutated.join(''));
          // Assess
          const expected = symbolValue(symbol) === symbolValue(original) ? tag : undefined;
          if (parsed !== expected)
            failures.push(`${tag}: position ${position} ${original}→${symbol} gave ${parsed}`);
          if (parsed === undefined) rejected++;
        }
      });
    }
    expect(failures).toEqual([]);
    // 2,000 tags × 11 positions × at least 31 wrong symbols each.
    expect(rejected).toBeGreaterThanOrEqual(2000 * 11 * 31);
  });

  it('rejects every swap of two adjacent different characters, across group boundaries too', () => {
    const failures: string[] = [];
    let swaps = 0;
    for (const tag of tags) {
      // Prepare
      const chars = [...compact(tag)];
      for (let i = 0; i + 1 < chars.length; i++) {
        const [a, b] = [chars[i]!, chars[i + 1]!];
        if (symbolValue(a) === symbolValue(b)) continue;
        const swapped = [...chars];
        swapped[i] = b;
        swapped[i + 1] = a;
        swaps++;
        // Act
        const parsed = parseEtag(swapped.join(''));
        // Assess
        if (parsed !== undefined) failures.push(`${tag}: swap at ${i} gave ${parsed}`);
      }
    }
    expect(failures).toEqual([]);
    expect(swaps).toBeGreaterThan(2000 * 9);
  });

  it('rejects a tag of an unknown district even when its check character is right', () => {
    // Prepare: exactly one of the 32 endings satisfies the check for this body.
    const body = 'ZZZ7K3QF9X';
    // Act
    const accepted = [...CROCKFORD_ALPHABET].filter((c) => parseEtag(body + c) !== undefined);
    // Assess
    expect(accepted).toEqual([]);
  });
});

describe('parseEtag tolerance', () => {
  const tags = sampleTags(500, 7);

  it('round-trips case, spaces, missing or extra dashes', () => {
    for (const tag of tags) {
      // Prepare
      const variants = [
        tag.toLowerCase(),
        compact(tag),
        compact(tag).toLowerCase(),
        tag.replace(/-/g, ' '),
        ` ${tag.slice(0, 2)} ${tag.slice(2)}  `,
        tag.replace(/-/g, '–'),
        [...compact(tag)].join('-'),
      ];
      // Act + Assess
      for (const v of variants) expect(parseEtag(v), v).toBe(tag);
    }
  });

  it('reads O as 0 and I/L as 1, also in the district part', () => {
    // Prepare: a Lahore tag whose random part contains 0 and 1.
    const tag = generateEtag('LHR', () => Uint8Array.from([0, 1, 0, 1, 0, 1, 2]));
    const okara = generateEtag('OKR', (n) => new Uint8Array(n).fill(1));
    // Act + Assess
    expect(parseEtag(tag.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(tag);
    expect(parseEtag(tag.replace(/1/g, 'I'))).toBe(tag);
    expect(parseEtag(`1HR${tag.slice(3)}`)).toBe(tag);
    expect(parseEtag(`ihr${tag.slice(3)}`)).toBe(tag);
    expect(parseEtag(`0KR${okara.slice(3)}`)).toBe(okara);
    expect(okara.startsWith('OKR-')).toBe(true);
  });

  it('rejects wrong lengths, U, other characters and non-strings', () => {
    // Prepare
    const tag = tags[0]!;
    // Act + Assess
    expect(parseEtag(tag.slice(0, -1))).toBeUndefined();
    expect(parseEtag(`${tag}0`)).toBeUndefined();
    expect(parseEtag(`${tag.slice(0, 5)}U${tag.slice(6)}`)).toBeUndefined();
    expect(parseEtag(`${tag.slice(0, 5)}*${tag.slice(6)}`)).toBeUndefined();
    expect(parseEtag('')).toBeUndefined();
    expect(parseEtag('x'.repeat(10_000))).toBeUndefined();
    expect(parseEtag(undefined as unknown as string)).toBeUndefined();
    expect(looksLikeEtag(tag)).toBe(true);
    expect(looksLikeEtag('hello world')).toBe(false);
  });
});

describe('extractEtag', () => {
  it('finds a tag written inside a sentence, grouped or not', () => {
    // Prepare
    const tag = sampleTags(1, 9)[0]!;
    // Act + Assess
    expect(extractEtag(`Status of ${tag.toLowerCase().replace(/-/g, ' ')} please`)).toBe(tag);
    expect(extractEtag(`میری شکایت ${compact(tag)} کا کیا بنا؟`)).toBe(tag);
    expect(extractEtag('I want to file a complaint about my neighbour')).toBeUndefined();
  });
});

describe('tracking code', () => {
  it('is 8 Crockford symbols, canonical as generated', () => {
    // Act
    const codes = Array.from({ length: 200 }, () => generateTrackingCode(randomBytes));
    // Assess
    for (const code of codes) {
      expect(code).toMatch(TRACKING_CODE_PATTERN);
      expect(normalizeTrackingCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(200);
  });

  it('normalizes case, spaces, dashes and look-alikes; rejects anything else', () => {
    // Prepare
    const code = generateTrackingCode(() => Uint8Array.from([0, 1, 2, 3, 28, 29, 30, 31]));
    // Act + Assess
    expect(code).toBe('0123WXYZ');
    expect(formatTrackingCode(code)).toBe('0123-WXYZ');
    expect(normalizeTrackingCode(' oI23-wxyz ')).toBe(code);
    expect(normalizeTrackingCode('0L23 WXYZ')).toBe(code);
    expect(normalizeTrackingCode('0123WXY')).toBeUndefined();
    expect(normalizeTrackingCode('0123WXYU')).toBeUndefined();
    expect(normalizeTrackingCode('0123WXYZ0')).toBeUndefined();
  });
});
