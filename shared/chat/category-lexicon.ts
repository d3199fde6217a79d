/**
 * Words that say what a complaint is about. A citizen who opens with "meri motorcycle chori ho gayi" has
 * named the category already, and one who answers the category question with their story has answered it
 * too. Same cue format and matching as the intent vocabulary (intent-lexicon.ts); a category is taken only
 * when it is clearly ahead and among those the flow offers, otherwise the citizen picks from the list.
 * Sensitive categories (harassment, violence against women) are left to the citizen's own choice.
 */
import type { Category } from '../domain/categories.ts';
import type { CategoryCode } from '../domain/vocabulary.ts';
import { RELATIVE, type Cue } from './intent-lexicon.ts';
import { CONFIDENT_MARGIN, CONFIDENT_SCORE, compileLexicon, rankByLexicon } from './intent.ts';

const NOT = 'nahi|nai|nahin|not|no|refuse|refusing|refused|inkar|نہیں|انکار';
const POLICE = 'police|sho|thanedar|thana|thanay|constable|officer|afsar|پولیس|تھانیدار|تھانہ|تھانے|افسر';

export const CATEGORY_LEXICON: Readonly<Partial<Record<CategoryCode, readonly Cue[]>>> = {
  theft_robbery: [
    ['chori|chory|chor|stolen|stole|theft|steal|thief|burglary|چوری|چور', 1.2],
    ['snatch|snatched|snatching|chheen|chheena|cheen|chhin|چھین|چھینا|چھینی', 1.2],
    ['dakaiti|dakaity|dakeiti|dacoity|robbery|robbed|robber|loot|looted|ڈکیتی|ڈاکا|ڈاکو|لوٹ', 1.2],
  ],
  corruption: [
    ['rishwat|rishvat|bribe|bribery|corruption|corrupt|رشوت|بدعنوانی', 1.2],
    ['paise|paisay|money|پیسے|رقم mang|maang|mangay|demand|demanding|مانگ', 1.0],
  ],
  fir_not_registered: [[`fir|parcha|ایف ${NOT}`, 1.4]],
  police_misconduct: [
    ['badtameezi|badtamizi|misbehave|misbehaved|misconduct|rude|بدتمیزی', 1.0],
    [POLICE, 0.3],
  ],
  investigation_delay: [
    ['taftish|tafteesh|investigation|تفتیش', 1.0],
    ['delay|late|der|deri|تاخیر|دیر', 0.4],
  ],
  illegal_detention: [
    ['hirasat|hiraasat|detention|detained|custody|حراست', 1.2],
    ['giraftar|arrest|arrested|pakar|pakra|pakad|uthaya|گرفتار|پکڑ|پکڑا', 0.7],
    ['illegal|ghair|bina|bila|bewaja|without|غیر|بلاوجہ|بغیر', 0.4],
  ],
  threats_extortion: [
    ['dhamki|dhamkiyan|dhamkian|threat|threats|threatened|threatening|دھمکی|دھمکیاں', 1.2],
    ['bhatta|extortion|بھتہ', 1.2],
  ],
  cybercrime: [
    ['hack|hacked|hacker|cyber|blackmail|ہیک|سائبر|بلیک', 1.2],
    ['online|facebook|instagram|tiktok|آن', 0.5],
    ['fake|jali|جعلی account|id|profile|اکاؤنٹ', 0.7],
  ],
  missing_person: [
    ['gum|gumshuda|lapata|lapta|missing|لاپتہ|گم|گمشدہ', 1.2],
    // "mera bhai 3 din se ghar nahi aaya": someone of the family has not come home.
    [`${RELATIVE} ghar|wapis|home|گھر|واپس ${NOT}`, 1.2],
  ],
  property_dispute: [
    ['qabza|kabza|encroachment|occupied|قبضہ', 1.2],
    ['plot|zameen|zamin|land|property|jaidad|makan|house|پلاٹ|زمین|جائیداد|مکان', 0.6],
  ],
  traffic: [
    ['traffic|challan|chalan|warden|ٹریفک|چالان|وارڈن', 1.2],
    ['accident|hadsa|حادثہ', 1.0],
  ],
};

const COMPILED = compileLexicon(CATEGORY_LEXICON as Record<CategoryCode, readonly Cue[]>);

/** The category the message clearly names, among `options`; undefined when it names none or several. */
export const guessCategory = (input: string, options: readonly Category[]): Category | undefined => {
  const offered = new Set(options.filter((c) => !c.sensitive).map((c) => c.code));
  const [best, second] = rankByLexicon(COMPILED, input).filter((c) => offered.has(c.key));
  if (!best || best.score < CONFIDENT_SCORE || best.score - (second?.score ?? 0) < CONFIDENT_MARGIN) return;
  return options.find((c) => c.code === best.key);
};
