/** What the portal's and the console's frames share: the skip link, the language button and its state, the hash. */
import { useEffect, useState } from 'preact/hooks';
import { applyLanguage, storedLanguage } from './i18n.ts';
import type { Language } from './texts.ts';

const SKIP = { ur: 'مواد پر جائیں', en: 'Skip to content' } as const;
const SWITCH = { ur: 'English', en: 'اردو' } as const;
const SWITCH_LABEL = { ur: 'Switch to English', en: 'اردو میں دیکھیں' } as const;

/** Moves the focus to `<main id="main">` (a hash link would be taken for a route). */
export const SkipLink = ({ lang }: { lang: Language }) => (
  <a
    class="skip"
    href="#main"
    onClick={(e) => {
      e.preventDefault();
      document.getElementById('main')?.focus();
    }}
  >
    {SKIP[lang]}
  </a>
);

/** Shows the other language's name, in that language. */
export const LanguageButton = ({ lang, onSwitch }: { lang: Language; onSwitch: () => void }) => (
  <button
    type="button"
    class="lang"
    onClick={onSwitch}
    lang={lang === 'ur' ? 'en' : 'ur'}
    aria-label={SWITCH_LABEL[lang]}
  >
    {SWITCH[lang]}
  </button>
);

/** The page's language: a fallback until this device chooses; switching applies and remembers the choice. */
export const useLanguage = (fallback: Language): [Language, () => void] => {
  const [lang, setLang] = useState<Language>(() => storedLanguage(fallback));
  useEffect(() => applyLanguage(lang, false), []);
  const switchLanguage = () => {
    const next = lang === 'ur' ? 'en' : 'ur';
    applyLanguage(next, true);
    setLang(next);
  };
  return [lang, switchLanguage];
};

/** The location's hash, followed; a new page starts at its top. */
export const useHash = (): string => {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => {
      setHash(location.hash);
      window.scrollTo(0, 0);
    };
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return hash;
};
