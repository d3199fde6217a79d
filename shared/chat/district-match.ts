/**
 * Typed district names → districts: exact names, codes and aliases first (domain `matchDistrict`), then
 * the same inside a sentence ("main lahore se hoon"), then edit distance for misspellings ("lahor",
 * "faislabad", "ملتا ن"). Several equally close districts come back together so the caller can ask.
 */
import { DISTRICTS, matchDistrict } from '../domain/districts.ts';
import type { District } from '../domain/districts.ts';
import { editDistance, tokens } from './text.ts';

const FILLER = new Set([
  'district',
  'distt',
  'dist',
  'zila',
  'zilla',
  'zillah',
  'city',
  'shehar',
  'sheher',
  'shahar',
  'from',
  'in',
  'at',
  'the',
  'my',
  'is',
  'se',
  'sy',
  'main',
  'mein',
  'mai',
  'hoon',
  'hun',
  'ka',
  'ki',
  'ke',
  'mera',
  'meri',
  'ضلع',
  'شہر',
  'سے',
  'میں',
  'ہوں',
  'کا',
  'کی',
  'کے',
  'میرا',
  'میری',
  'ہے',
]);

const nameKeys: { key: string; district: District }[] = DISTRICTS.flatMap((d) =>
  [d.en, d.ur, ...d.aliases].map((name) => ({ key: tokens(name).join(''), district: d })),
);

/** Edits tolerated for a name of this length: none for short words, which collide too easily. */
const tolerance = (length: number): number => (length <= 4 ? 0 : length <= 6 ? 1 : length <= 10 ? 2 : 3);

/** Contiguous runs of 1..3 words, joined without spaces. */
const phrases = (words: readonly string[]): string[] => {
  const out: string[] = [];
  for (let size = Math.min(3, words.length); size >= 1; size--) {
    for (let i = 0; i + size <= words.length; i++) out.push(words.slice(i, i + size).join(''));
  }
  return out;
};

/**
 * Best matching districts for free text: one element when confident, several (≤ 3) when equally
 * close, none when nothing is near.
 */
export const matchDistricts = (input: string): District[] => {
  const exact = matchDistrict(input);
  if (exact) return [exact];
  const words = tokens(input).filter((w) => !FILLER.has(w));
  if (words.length === 0 || words.length > 8) return [];
  for (const phrase of phrases(words)) {
    const found = matchDistrict(phrase);
    if (found) return [found];
  }
  // Longer phrases first: "bahawal nagar" must not lose to "bahawal" ≈ "sahiwal".
  for (let size = Math.min(3, words.length); size >= 1; size--) {
    let best = Number.POSITIVE_INFINITY;
    const bestDistricts = new Map<string, District>();
    for (let i = 0; i + size <= words.length; i++) {
      const phrase = words.slice(i, i + size).join('');
      for (const { key, district } of nameKeys) {
        const max = tolerance(Math.min(key.length, phrase.length));
        if (max === 0) continue;
        const distance = editDistance(phrase, key, max);
        if (distance > max) continue;
        if (distance < best) {
          best = distance;
          bestDistricts.clear();
        }
        if (distance === best) bestDistricts.set(district.code, district);
      }
    }
    if (bestDistricts.size > 0) return [...bestDistricts.values()].slice(0, 3);
  }
  return [];
};
