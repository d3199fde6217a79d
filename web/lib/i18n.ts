/** The page's language: Urdu by default, English by one tap, remembered on this device. */
import type { Language } from './texts.ts';

export type { Language, Texts } from './texts.ts';

const STORAGE_KEY = 'rabta.lang';

export const storedLanguage = (fallback: Language): Language => {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'ur' ? value : fallback;
  } catch {
    return fallback;
  }
};

export const applyLanguage = (lang: Language, persist: boolean): void => {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ur' ? 'rtl' : 'ltr';
  if (!persist) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
};

/** Pakistan has no daylight saving: UTC+5 all year. */
export const pakistanTime = (iso: string, lang: Language): string =>
  new Intl.DateTimeFormat(lang === 'ur' ? 'ur-PK' : 'en-PK', {
    timeZone: 'Asia/Karachi',
    dateStyle: 'medium',
    timeStyle: 'short',
    numberingSystem: 'latn',
  }).format(new Date(iso));
