/**
 * Reading what citizens type: Urdu script, Roman Urdu and English, with the spelling variety real chats
 * have ("aoa", "asslamoalaikum", "سلام"). Pure string functions; the engine decides what to do with them.
 */
import type { Language } from './types.ts';

/**
 * Decimal digits of any script (Urdu, Arabic-Indic, Devanagari, Bengali…) → ASCII. Unicode lays every
 * script's digits out as runs of ten consecutive code points from zero, so a digit's value is how many
 * digits precede it in its run, modulo ten.
 */
export const asciiDigits = (input: string): string =>
  input.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0) ?? 0;
    if (code < 0x80) return digit;
    let value = 0;
    while (value < 9 && /\p{Nd}/u.test(String.fromCodePoint(code - value - 1))) value++;
    return String(value % 10);
  });

/**
 * Comparison form: NFKC, lower case, Arabic-script letter variants unified (ي/ى→ی, ك→ک, ه/ە/ۀ/ة→ہ),
 * harakat, Quranic marks, tatweel and zero-width characters removed, digits ASCII, elongations shortened
 * ("salaaaam" → "salaam", "شکاااایت" → "شکایت"), whitespace collapsed.
 */
export const normalize = (input: string): string =>
  asciiDigits(input.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[هەۀة]/g, 'ہ')
    .replace(/([a-z])\1{2,}/g, '$1$1')
    .replace(/([\u0600-\u06FF])\1{2,}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/** Words (letters and digits of any script); punctuation and emoji are separators. */
export const tokens = (input: string): string[] =>
  normalize(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Letters and digits only: "D.G. Khan" and "dg khan" meet. */
export const squash = (input: string): string => tokens(input).join('');

export const hasUrduScript = (input: string): boolean => /[\u0600-\u06FF]/.test(input);

/** Levenshtein distance, early exit once above `max`. */
export const editDistance = (a: string, b: string, max = Number.POSITIVE_INFINITY): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
};

// ---------------------------------------------------------------- language

const ENGLISH_WORDS = new Set(
  (
    'the a an is are was were am i my me we our you your he she his her they their it this that these those ' +
    'of to in on at for from with by about and or but not no yes please want need how what where when why who ' +
    'which can could would should will have has had do does did been being there here stolen someone somebody ' +
    'my complaint report station officer police help thanks thank hello good morning evening afternoon there sir'
  ).split(' '),
);

const ENGLISH_GREETINGS = new Set(['hello', 'helo', 'hellow', 'hi', 'hii', 'hey', 'heya', 'good']);

/** Words that only Roman Urdu uses; one of them outweighs several English words. */
const ROMAN_URDU_WORDS = new Set(
  (
    'hai hain hay hy ho hoon hun tha thi thay ka ki ke ko se sy say mera meri mere mujhe mujh hum hamara ' +
    'hamari aap ap apna apni kya kia kyun kaise kaisay kahan kab nahi nai nahin na haan han ji jee aur bhi ' +
    'yeh woh wo vo mein mai par pe kar karo karna karein kr krna gaya gayi gaye gya hua hui ' +
    'diya diye liya raha rahi rahe sab kuch koi bhai bahi behan sahab sahib shukriya meharbani salam salaam ' +
    'assalam aoa walaikum alaikum bachao madad shikayat thana thanay wala wali chahiye chahta chahti batain bataen ' +
    'bata bataye kal aaj abhi jaldi'
  ).split(' '),
);

/**
 * The language a message is written in, or undefined when it cannot tell (a number, a name, one word).
 * Urdu script → Urdu. Roman Urdu → Urdu (Urdu is the default). Clear English → English.
 */
export const detectLanguage = (input: string): Language | undefined => {
  if (hasUrduScript(input)) return 'ur';
  const words = tokens(input).filter((w) => /^[a-z]+$/.test(w));
  if (words.length === 0) return undefined;
  const roman = words.filter((w) => ROMAN_URDU_WORDS.has(w)).length;
  const english = words.filter((w) => ENGLISH_WORDS.has(w) && !ROMAN_URDU_WORDS.has(w)).length;
  // "hi", "hello", "good morning": an English greeting is an English speaker.
  if (roman === 0 && words.length <= 4 && ENGLISH_GREETINGS.has(words[0] ?? '')) return 'en';
  if (english >= 2 && english >= 3 * roman) return 'en';
  if (roman >= 1) return 'ur';
  return undefined;
};

// ---------------------------------------------------------------- greetings

/** salam, slam, salaam, assalam, asslamoalaikum, asalamu, walaikumsalam… but not islam / islamabad. */
const SALAM_TOKEN = /^(?:wa?)?(?:[ae]?s{1,2}[ae]?|s)?s?la{1,2}[ae]?m(?:[uoa]?[ae]?l[ae][iy]?k[ou]m+)?[uoa]?$/;
/** alaikum, alekum, aleikum, walaikum, walaikumsalam… */
const ALAIKUM_TOKEN = /^(?:wa?)?[ae]?l[ae]{1,2}[iy]?k[ou]m+(?:[ae]?s{0,2}s?[ae]?la{1,2}m)?$/;
const FIRST_WORD_GREETINGS = new Set([
  'hello',
  'helo',
  'hellow',
  'hallo',
  'hi',
  'hii',
  'hiii',
  'hey',
  'heya',
  'aoa',
  'aoaa',
  'salam',
  'salaam',
  'slam',
  'slm',
  'ہیلو',
  'ہیلوو',
  'ہائے',
  'ہائی',
  'سلام',
  'السلام',
  'اسلام',
  'وعلیکم',
  'والسلام',
]);
const URDU_GREETING_TOKENS = new Set([
  'السلام',
  'علیکم',
  'وعلیکم',
  'سلام',
  'ہیلو',
  'السلامعلیکم',
  'اسلامعلیکم',
]);

/**
 * Does the message open with a greeting? Looks at the first few words only, so "Asalamu alekum bahi
 * kaisai hi aap" counts and a sentence that merely mentions Islamabad does not.
 */
export const isGreeting = (input: string): boolean => {
  const words = tokens(input);
  const first = words[0];
  if (!first) return false;
  if (FIRST_WORD_GREETINGS.has(first)) {
    // "اسلام" alone is "Islam"; it greets only when followed by علیکم.
    return first !== 'اسلام' || words[1] === 'علیکم';
  }
  if (/^(?:good ?)?(?:morning|evening|afternoon)$/.test(words.slice(0, 2).join(' ')) && first === 'good')
    return true;
  const head = words.slice(0, 3);
  if (head.some((w) => SALAM_TOKEN.test(w) || ALAIKUM_TOKEN.test(w) || URDU_GREETING_TOKENS.has(w)))
    return true;
  // Greetings split oddly: "as salam o alaikum", "asslaam u alaikum".
  return SALAM_TOKEN.test(words.slice(0, 2).join('')) || SALAM_TOKEN.test(words.slice(0, 4).join(''));
};

// ---------------------------------------------------------------- acknowledgements

/** Words that only say "noted": ok, theek hai, ji, acha, done… (one of them makes a message an acknowledgement). */
const ACKNOWLEDGEMENT_WORDS = new Set([
  'ok',
  'okay',
  'okk',
  'okey',
  'oky',
  'k',
  'kk',
  'theek',
  'thik',
  'theak',
  'teek',
  'tik',
  'ji',
  'jee',
  'g',
  'acha',
  'achha',
  'accha',
  'acchha',
  'achaa',
  'haan',
  'han',
  'done',
  'fine',
  'alright',
  'noted',
  'sure',
  'great',
  'good',
  'nice',
  'ٹھیک',
  'جی',
  'اچھا',
  'ہاں',
  'اوکے',
  'درست',
  'بہتر',
]);
/** Words that go with an acknowledgement and say nothing else: "ok sir", "theek hai", "ji bhai". */
const ACKNOWLEDGEMENT_FILLERS = new Set([
  'hai',
  'he',
  'hy',
  'h',
  'sir',
  'sahab',
  'sahib',
  'bhai',
  'got',
  'it',
  'very',
  'so',
  'ہے',
  'سر',
  'صاحب',
  'بھائی',
]);
/** 👍 👌 🙏 ✅ ✔ 🆗 ❤ 💯, with or without skin tones and variation selectors. */
const ACKNOWLEDGEMENT_EMOJI =
  /^(?:[\u{1F44D}\u{1F44C}\u{1F64F}\u{2705}\u{2714}\u{1F197}\u{2764}\u{1F4AF}](?:[\u{1F3FB}-\u{1F3FF}]|\u{FE0F})*\s*)+$/u;

/**
 * Is the whole message only a short "noted" (ok, theek hai, ji, 👍)? Citizens send one after nearly every
 * answer; it asks for nothing, so it gets a short line back, not a menu of guesses.
 */
export const isAcknowledgement = (input: string): boolean => {
  const trimmed = input.trim();
  if (ACKNOWLEDGEMENT_EMOJI.test(trimmed)) return true;
  const words = tokens(trimmed);
  return (
    words.length > 0 &&
    words.length <= 4 &&
    words.some((w) => ACKNOWLEDGEMENT_WORDS.has(w)) &&
    words.every((w) => ACKNOWLEDGEMENT_WORDS.has(w) || ACKNOWLEDGEMENT_FILLERS.has(w))
  );
};

// ---------------------------------------------------------------- emergencies

const EMERGENCY_WORDS = new Set([
  // English
  'emergency',
  'sos',
  'kidnap',
  'kidnapped',
  'kidnapping',
  'abducted',
  'abduction',
  'shooting',
  'firing',
  'gunfire',
  'shot',
  'murder',
  'bleeding',
  'rape',
  'dacoit',
  'dacoits',
  'dacoity',
  // Roman Urdu
  'bachao',
  'bachaao',
  'bachaoo',
  'bachaaoo',
  'madad',
  'maddad',
  'daku',
  'dakoo',
  'daaku',
  'daakoo',
  'dakait',
  'dakaiti',
  'aag',
  'agwa',
  'aghwa',
  'ighwa',
  'qatal',
  'qatl',
  'goli',
  'goliyan',
  'zakhmi',
  'fire',
  'fight',
  'fighting',
  'larai',
  'laraai',
  'jhagra',
  'jhagda',
  // Urdu
  'فائرنگ',
  'ڈاکو',
  'ڈکیت',
  'ڈکیتی',
  'بچاؤ',
  'بچاو',
  'بچائو',
  'مدد',
  'اغوا',
  'آگ',
  'قتل',
  'گولی',
  'گولیاں',
  'زخمی',
  'لڑائی',
  'جھگڑا',
  'ایمرجنسی',
  'ہنگامی',
]);

const EMERGENCY_PHRASES = [
  'help me',
  'help us',
  'save me',
  'call police',
  'being attacked',
  'attacking us',
  'under attack',
  'break in',
  'breaking in',
  'robbery in progress',
  'jaldi aao',
  'jaldi ao',
  'maar rahe',
  'mar rahe',
  'maar diya',
  'kill me',
  'kill us',
  'jaan se',
];

/** Reads as someone in danger right now (English, Urdu, Roman Urdu keywords). */
export const isEmergency = (input: string): boolean => {
  const words = tokens(input);
  if (words.some((w) => EMERGENCY_WORDS.has(w))) return true;
  const joined = ` ${words.join(' ')} `;
  return EMERGENCY_PHRASES.some((p) => joined.includes(` ${p} `));
};

// ---------------------------------------------------------------- small intents

const matchesAny = (input: string, phrases: readonly string[]): boolean => {
  const n = tokens(input).join(' ');
  return phrases.includes(n);
};

export const isMenuRequest = (input: string): boolean =>
  matchesAny(input, [
    '0',
    'menu',
    'main menu',
    'menue',
    'home',
    'start',
    'مینیو',
    'مینو',
    'مین مینیو',
    'مینیوں',
  ]);

export const isCancel = (input: string): boolean =>
  matchesAny(input, [
    'cancel',
    'cancel it',
    'cancle',
    'exit',
    'quit',
    'radd',
    'khatam',
    'منسوخ',
    'کینسل',
    'ختم',
    'رد',
  ]);

export const languageSwitch = (input: string): Language | undefined => {
  if (matchesAny(input, ['english', 'eng', 'en', 'angrezi', 'انگریزی', 'انگلش'])) return 'en';
  if (matchesAny(input, ['urdu', 'ur', 'اردو'])) return 'ur';
  return undefined;
};

export const isYes = (input: string): boolean =>
  matchesAny(input, [
    'yes',
    'y',
    'ok',
    'okay',
    'submit',
    'confirm',
    'haan',
    'han',
    'ha',
    'ji',
    'jee',
    'g',
    'ہاں',
    'جی',
    'جی ہاں',
    'درست',
    'ٹھیک',
  ]);

export const isNo = (input: string): boolean =>
  matchesAny(input, ['no', 'n', 'nahi', 'nahin', 'nai', 'na', 'نہیں', 'نا', 'جی نہیں']);

export const isSkip = (input: string): boolean =>
  matchesAny(input, [
    'skip',
    'next',
    'no',
    'none',
    'nahi',
    'nahin',
    'nai',
    'chhor',
    'chor do',
    'آگے',
    'نہیں',
    'چھوڑیں',
    'اسکپ',
  ]);

export const isDone = (input: string): boolean =>
  matchesAny(input, [
    'done',
    'finish',
    'finished',
    'bas',
    'ho gaya',
    'hogaya',
    'mukammal',
    'بس',
    'مکمل',
    'ہو گیا',
    'ہوگیا',
  ]);

/** A bare number 1..99 (any digit script), or undefined. */
export const menuNumber = (input: string): number | undefined => {
  const n = normalize(input).replace(/[.)\s]/g, '');
  return /^\d{1,2}$/.test(n) ? Number(n) : undefined;
};

const ADD_WORDS = new Set(['add', 'attach', 'shamil', 'shaamil', 'jama', 'شامل', 'منسلک', 'جمع']);
const EVIDENCE_TARGETS = new Set([
  'complaint',
  'complain',
  'shikayat',
  'shikayet',
  'شکایت',
  'evidence',
  'proof',
  'saboot',
  'suboot',
  'ثبوت',
]);

/**
 * "Add to my complaint", "add evidence", "شکایت میں شامل کریں", "shikayat mein shamil karo": the citizen wants to
 * send photos or voice notes for a complaint already filed. Short messages only (a long one is a story).
 */
export const isAddEvidenceRequest = (input: string): boolean => {
  const words = tokens(input);
  return (
    words.length <= 10 && words.some((w) => ADD_WORDS.has(w)) && words.some((w) => EVIDENCE_TARGETS.has(w))
  );
};
