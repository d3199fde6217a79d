/**
 * Text hygiene for everything people type (issue 12; the rule is written down in docs/reliability.md):
 *
 * - Every text is normalized to Unicode NFC, so one name or station has one spelling in storage, tallies
 *   and searches (an Urdu letter typed precomposed or as base + mark is the same letter).
 * - Single-line fields (names, stations, circles, codes, ids): a direction override, embedding or isolate
 *   (U+202A–U+202E, U+2066–U+2069) is refused with a 400 — it can make a name or a code display as something
 *   else. Every other invisible format character (zero-width space, word joiner, BOM, soft hyphen, LRM/RLM/ALM,
 *   …) is removed, except a zero-width non-joiner between two Arabic-script letters, which Urdu spelling uses.
 * - Free text (descriptions, notes, answers, reasons): the same characters are removed, direction controls
 *   included (they can reorder what an officer reads); zero-width joiners and non-joiners stay (Urdu spelling,
 *   emoji sequences).
 * Control characters are refused, as before: none at all in a line, only tab and newline in free text.
 */
import * as z from './zod.ts';

/** Embeddings, overrides and isolates: the "Trojan Source" characters. */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
/** Format characters (Unicode category Cf) other than the joiners, which the rules below treat apart. */
const FORMAT_EXCEPT_JOINERS = /(?![\u200C\u200D])\p{Cf}/gu;
const ARABIC_LETTER = '[\\p{Script=Arabic}&&\\p{L}]';
/** A zero-width non-joiner that does not sit between two Arabic-script letters, and every zero-width joiner. */
const STRAY_JOINER = new RegExp(`\u200D|(?<!${ARABIC_LETTER})\u200C|\u200C(?!${ARABIC_LETTER})`, 'gv');

const CONTROL_IN_LINE = /\p{Cc}|\p{Cs}/u;
/** C0/C1 control characters except tab and newline, and lone surrogates (invalid UTF-16 from JSON escapes). */
const CONTROL_IN_TEXT = /(?![\t\n])\p{Cc}|\p{Cs}/u;

/** A single-line field's canonical form: NFC, invisible format characters removed (see the rule above). */
export const cleanLine = (input: string): string =>
  input.normalize('NFC').replace(FORMAT_EXCEPT_JOINERS, '').replace(STRAY_JOINER, '');

/** Free text's canonical form: NFC, line breaks as `\n`, format characters other than the joiners removed. */
export const cleanFreeText = (input: string): string =>
  input.normalize('NFC').replace(/\r\n?/g, '\n').replace(FORMAT_EXCEPT_JOINERS, '');

export const hasDirectionControl = (input: string): boolean => DIRECTION_CONTROL.test(input);

/** For text from other channels (chat) that is cleaned, never refused. */
export const withoutDirectionControls = (input: string): string => input.replace(DIRECTION_CONTROLS, '');

const NO_DIRECTION_CONTROL = {
  message: 'Must not contain invisible direction controls (U+202A–U+202E, U+2066–U+2069)',
};

/** A single-line field: no direction controls, no control characters, format characters removed, trimmed. */
export const lineText = (min: number, max: number) =>
  z.string().check(
    z.refine((s) => !hasDirectionControl(s), NO_DIRECTION_CONTROL),
    z.overwrite(cleanLine),
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.refine((s) => !CONTROL_IN_LINE.test(s), { message: 'Must not contain control characters' }),
  );

/** Free text: NFC, format characters removed, trimmed; control characters other than tab and newline refused. */
export const freeText = (min: number, max: number) =>
  z.string().check(
    z.overwrite(cleanFreeText),
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.refine((s) => !CONTROL_IN_TEXT.test(s), {
      message: 'Must not contain control characters other than newline and tab',
    }),
  );
