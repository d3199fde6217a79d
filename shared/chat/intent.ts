/**
 * What a typed message asks for. A small, deterministic, explainable scoring model (no network, no hosted
 * model): the message is normalised (text.ts), cut into words, and each intent adds up the weights of its
 * cues (intent-lexicon.ts) found in the message. A cue is one or more words, each with spelling
 * alternatives in Urdu script, Roman Urdu and English; its words may appear in any order, and each word
 * matches exactly, by its Roman-Urdu consonant skeleton ("shikayat" = "shkayat" = "shikayet"), by prefix
 * ("harassed" ~ "harass") or within a small edit distance ("complant" ~ "complaint"). The result names the
 * winning intent with the cues that made it win, so every decision can be explained and tested.
 */
import { extractEtag } from '../domain/etag.ts';
import { LEXICON } from './intent-lexicon.ts';
import type { Cue, Intent } from './intent-lexicon.ts';
import { editDistance, isGreeting, tokens } from './text.ts';

export type { Intent } from './intent-lexicon.ts';

/** At or above this, with a clear lead, the bot acts on the intent. */
export const CONFIDENT_SCORE = 1.0;
/** The lead the best intent needs over the runner-up to be acted on. */
export const CONFIDENT_MARGIN = 0.35;
/** A message that opens with a greeting needs this much to be more than a greeting. */
export const CONFIDENT_AFTER_GREETING = 1.2;
/** At or above this (but not confident), the bot asks "Did you mean …?" with the candidates. */
export const SUGGEST_SCORE = 0.5;
/** Long messages are read in full by the flows; for intent the first words carry it. */
const MAX_WORDS = 60;

export interface Candidate {
  intent: Intent;
  score: number;
  /** The cues that matched, e.g. `shikayat≈shkayat`. */
  evidence: string[];
}

export interface Understanding {
  /** Set when the bot should act without asking. */
  intent?: Intent;
  /** Best first, at most three, only those ≥ SUGGEST_SCORE. */
  candidates: Candidate[];
  /** The message opens with a greeting (salam, hello, AOA…). */
  greeting: boolean;
  /** A valid e-tag found anywhere in the message. */
  etag?: string;
}

// ---------------------------------------------------------------- word forms

/**
 * Urdu-script folding for matching only: the letters people swap when typing on different keyboards
 * (ہ/ھ/ۃ, ی/ے/ئ, آ/ا, ؤ/و) are one letter here.
 */
const foldUrdu = (word: string): string =>
  word.replace(/[ھۃ]/g, 'ہ').replace(/[ےۓئ]/g, 'ی').replace(/[آأإ]/g, 'ا').replace(/ؤ/g, 'و');

/**
 * Roman-Urdu consonant skeleton: the first letter, then the consonants with vowels dropped and doubles
 * merged, after the spellings that sound alike are unified (c → k or s, q → k, ph → f, w → v, z/x kept).
 * shikayat, shikayet, shkayat, shikait → shkt; pohancha, puhncha → phnch; licence, lisens → lsns.
 */
export const romanSkeleton = (word: string): string => {
  const unified = word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v');
  const rest = unified.slice(1).replace(/[aeiouy]/g, '');
  return `${unified.charAt(0)}${rest}`.replace(/(.)\1+/g, '$1');
};

interface Word {
  text: string;
  latin: boolean;
  skeleton: string;
  /** A cue word written `=word`: matches only itself (e.g. "complaints", which must not be "complaint"). */
  exact?: boolean;
}

const toWord = (raw: string): Word => {
  const latin = /^[a-z0-9]+$/.test(raw);
  const text = latin ? raw : foldUrdu(raw);
  return { text, latin, skeleton: latin ? romanSkeleton(text) : text };
};

const toCueWords = (alternative: string): Word[] =>
  alternative.startsWith('=')
    ? tokens(alternative.slice(1)).map((w) => ({ ...toWord(w), exact: true }))
    : tokens(alternative).map(toWord);

/**
 * How well a message word matches a cue word: 1 exact, less for looser matches, 0 none. Loose matches
 * keep the first letter (people rarely mistype it) and need long words, so short words never collide.
 */
const wordMatch = (cue: Word, word: Word): number => {
  if (cue.text === word.text) return 1;
  if (cue.exact || cue.latin !== word.latin || cue.text.charAt(0) !== word.text.charAt(0)) return 0;
  if (cue.latin && /\d/.test(cue.text)) return 0;
  const shorter = Math.min(cue.text.length, word.text.length);
  if (cue.latin && cue.skeleton.length >= 4 && cue.skeleton === word.skeleton) return 0.9;
  if (cue.text.length >= 5 && word.text.startsWith(cue.text)) return 0.9;
  if (shorter >= 6 && editDistance(cue.text, word.text, 2) <= (shorter >= 9 ? 2 : 1)) return 0.8;
  if (cue.latin && cue.skeleton.length >= 6 && editDistance(cue.skeleton, word.skeleton, 1) <= 1) return 0.7;
  return 0;
};

// ---------------------------------------------------------------- compiled lexicon

interface CompiledCue {
  label: string;
  weight: number;
  /** Each slot: spelling alternatives; every slot must match a different word of the message. */
  slots: Word[][];
}

const compile = (phrase: string): Word[][] =>
  phrase.split(' ').map((slot) => slot.split('|').flatMap(toCueWords));

/** A vocabulary (intents, complaint categories…) compiled once: each key with its cues, heaviest first. */
export type CompiledLexicon<K extends string> = readonly { key: K; cues: CompiledCue[] }[];

export const compileLexicon = <K extends string>(
  lexicon: Readonly<Record<K, readonly Cue[]>>,
): CompiledLexicon<K> =>
  (Object.entries(lexicon) as [K, readonly Cue[]][]).map(([key, cues]) => ({
    key,
    cues: cues
      .map(([phrase, weight]) => ({ label: phrase, weight, slots: compile(phrase) }))
      // Heavier cues first: "fir nahi" (a refusal to complain about) claims "fir" before "fir" alone can.
      .sort((a, b) => b.weight - a.weight || b.slots.length - a.slots.length),
  }));

/** Every key whose cues the message matches, best first, with the cues that matched. */
export const rankByLexicon = <K extends string>(
  lexicon: CompiledLexicon<K>,
  input: string,
): { key: K; score: number; evidence: string[] }[] => {
  const words = tokens(input).slice(0, MAX_WORDS).map(toWord);
  return lexicon
    .map(({ key, cues }) => {
      const { score, evidence } = scoreIntent(cues, words);
      return { key, score: Math.round(score * 100) / 100, evidence };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
};

const COMPILED = compileLexicon(LEXICON);

const scoreIntent = (
  cues: readonly CompiledCue[],
  words: readonly Word[],
): { score: number; evidence: string[] } => {
  const used = new Set<number>();
  const evidence: string[] = [];
  let score = 0;
  for (const cue of cues) {
    const picked: number[] = [];
    let quality = 1;
    for (const slot of cue.slots) {
      let best = 0;
      let bestIndex = -1;
      words.forEach((word, i) => {
        if (used.has(i) || picked.includes(i)) return;
        for (const alt of slot) {
          const q = wordMatch(alt, word);
          if (q > best) {
            best = q;
            bestIndex = i;
          }
        }
      });
      if (bestIndex < 0) {
        picked.length = 0;
        break;
      }
      picked.push(bestIndex);
      quality = Math.min(quality, best);
    }
    if (picked.length !== cue.slots.length) continue;
    for (const i of picked) used.add(i);
    score += cue.weight * quality;
    const seen = picked.map((i) => words[i]?.text ?? '').join(' ');
    evidence.push(
      `${cue.label
        .split(' ')
        .map((slot) => slot.split('|')[0])
        .join(' ')}${quality < 1 ? '≈' : '='}${seen} +${(cue.weight * quality).toFixed(2)}`,
    );
  }
  return { score, evidence };
};

/** Scores every intent for a message; pure and deterministic. */
export const understand = (input: string): Understanding => {
  const etag = extractEtag(input);
  const greeting = isGreeting(input);
  const scored: Candidate[] = rankByLexicon(COMPILED, input).map(({ key, score, evidence }) => ({
    intent: key,
    score,
    evidence,
  }));
  if (etag) {
    return {
      intent: 'track',
      candidates: [{ intent: 'track', score: 9, evidence: [`e-tag ${etag}`] }],
      greeting,
      etag,
    };
  }
  const [best, second] = scored;
  const candidates = scored.filter((c) => c.score >= SUGGEST_SCORE).slice(0, 3);
  const needed = greeting ? CONFIDENT_AFTER_GREETING : CONFIDENT_SCORE;
  if (best && best.score >= needed && best.score - (second?.score ?? 0) >= CONFIDENT_MARGIN) {
    return { intent: best.intent, candidates, greeting };
  }
  // A greeting with nothing clear after it ("salam, kya haal hai") asks for the menu.
  if (greeting) {
    return { intent: 'menu', candidates: [{ intent: 'menu', score: 1, evidence: ['greeting'] }], greeting };
  }
  return { candidates, greeting };
};
