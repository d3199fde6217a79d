/** A text in both languages of the site (pure: no browser API, so tests can read the portal's words). */
import type { Language } from '../../shared/domain/vocabulary.ts';

export type { Language };
export type Texts = Readonly<Record<Language, string>>;

/** One text in both languages. */
export const t = (ur: string, en: string): Texts => ({ ur, en });

/** Fills `{name}` placeholders of a text in one language. */
export const fill = (text: Texts, lang: Language, values: Record<string, string | number>): string =>
  text[lang].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
