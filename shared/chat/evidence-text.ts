/**
 * What the citizen is told about each attachment once the evidence downloader has handled it: kept (with
 * which complaint), refused (and why, so they can send something else), or lost on Meta's side. Pure.
 */
import type { Bilingual } from './catalog.ts';
import { eventLabel } from './labels.ts';
import { text } from './limits.ts';
import type { Language, OutgoingMessage } from './types.ts';

export type EvidenceNounKind = 'image' | 'audio' | 'video' | 'document' | 'sticker' | 'voiceNote';

/** A kind of evidence in words (the portal shows the citizen what they attached with the same words). */
export const EVIDENCE_NOUNS: Record<EvidenceNounKind, Bilingual> = {
  image: { en: 'photo', ur: 'تصویر' },
  audio: { en: 'audio', ur: 'آڈیو' },
  video: { en: 'video', ur: 'ویڈیو' },
  document: { en: 'document', ur: 'دستاویز' },
  sticker: { en: 'sticker', ur: 'اسٹیکر' },
  voiceNote: { en: 'voice note', ur: 'وائس نوٹ' },
};

/** Why a file was not kept, in a word or two (timelines and the officer's attachment list). */
export const EVIDENCE_REASON_WORDS: Record<string, Bilingual> = {
  executable: { ur: 'پروگرام یا اسکرپٹ', en: 'program or script' },
  archive: { ur: 'زِپ/کمپریسڈ فائل', en: 'archive' },
  sticker: { ur: 'اسٹیکر', en: 'sticker' },
  type_not_allowed: { ur: 'قسم قابلِ قبول نہیں', en: 'type not accepted' },
  type_mismatch: { ur: 'مواد قسم سے مختلف', en: 'content not of its type' },
  too_large: { ur: 'حد سے بڑی', en: 'too large' },
  empty: { ur: 'خالی', en: 'empty' },
  unavailable: { ur: 'میٹا سے حاصل نہ ہو سکی', en: 'could not be fetched from Meta' },
  upload_missing: { ur: 'اپ لوڈ نہیں ہوئی', en: 'never uploaded' },
  upload_expired: { ur: 'اپ لوڈ کا وقت ختم', en: 'upload expired' },
  size_mismatch: { ur: 'سائز مختلف', en: 'size differs' },
};

/** What a timeline entry about evidence says, as data: its stored note is English and for the record only. */
export interface EvidenceMention {
  kind: EvidenceNounKind;
  /** Why it was not kept (`EvidenceNotKept` only). */
  reason?: string;
}

const NOUN_KINDS: ReadonlySet<string> = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** The mention of an `EvidenceAdded` / `EvidenceNotKept` entry; undefined for every other entry. */
export const evidenceMentionOf = (entry: {
  type: string;
  reason?: string | undefined;
  data?: Record<string, unknown> | undefined;
}): EvidenceMention | undefined => {
  if (entry.type !== 'EvidenceAdded' && entry.type !== 'EvidenceNotKept') return undefined;
  const data = entry.data ?? {};
  const stored =
    typeof data.kind === 'string' && NOUN_KINDS.has(data.kind) ? (data.kind as EvidenceNounKind) : 'document';
  const kind = data.describesComplaint === true ? 'voiceNote' : stored;
  const reason =
    entry.type === 'EvidenceNotKept' ? (entry.reason ?? (data.reason as string | undefined)) : undefined;
  return reason ? { kind, reason } : { kind };
};

/** "Evidence added: photo", "ثبوت محفوظ نہیں ہوا: ویڈیو (حد سے بڑی)". */
export const evidenceEntryText = (type: string, mention: EvidenceMention, lang: Language): string => {
  const reason = mention.reason && (EVIDENCE_REASON_WORDS[mention.reason]?.[lang] ?? mention.reason);
  return `${eventLabel(type, lang)}: ${EVIDENCE_NOUNS[mention.kind][lang]}${reason ? ` (${reason})` : ''}`;
};

const ACCEPTED: Bilingual = {
  en: 'Accepted: photos (JPEG, PNG, up to 5 MB), voice notes and audio (up to 16 MB), videos (MP4, 3GP, up to 16 MB), PDF, Word, Excel, PowerPoint and text files (up to 100 MB).',
  ur: 'قابلِ قبول: تصاویر (JPEG، PNG، 5 MB تک)، وائس نوٹ اور آڈیو (16 MB تک)، ویڈیو (MP4، 3GP، 16 MB تک)، PDF، Word، Excel، PowerPoint اور ٹیکسٹ فائلیں (100 MB تک)۔',
};

const REASONS: Record<string, Bilingual> = {
  executable: {
    en: 'programs and scripts are never accepted as evidence.',
    ur: 'پروگرام اور اسکرپٹ فائلیں بطور ثبوت قبول نہیں کی جاتیں۔',
  },
  archive: {
    en: 'zip and other compressed files cannot be checked. Please send the files themselves.',
    ur: 'زِپ یا دیگر کمپریسڈ فائلیں جانچی نہیں جا سکتیں۔ براہِ کرم اصل فائلیں بھیجیں۔',
  },
  sticker: {
    en: 'stickers are not kept as evidence. Please send a photo instead.',
    ur: 'اسٹیکر بطور ثبوت محفوظ نہیں کیے جاتے۔ براہِ کرم تصویر بھیجیں۔',
  },
  too_large: {
    en: 'it is larger than allowed for its type.',
    ur: 'یہ اپنی قسم کے لیے مقررہ حد سے بڑی ہے۔',
  },
  type_mismatch: {
    en: 'the file is not what its type says.',
    ur: 'فائل اپنی بتائی گئی قسم کے مطابق نہیں ہے۔',
  },
  type_not_allowed: {
    en: 'this type of file is not accepted.',
    ur: 'اس قسم کی فائل قبول نہیں کی جاتی۔',
  },
  empty: { en: 'the file was empty.', ur: 'فائل خالی تھی۔' },
};

export type EvidenceReply =
  | { state: 'stored'; kind: EvidenceNounKind; describesComplaint: boolean }
  | { state: 'refused'; kind: EvidenceNounKind; reason: string }
  | { state: 'unavailable'; kind: EvidenceNounKind };

export const renderEvidenceOutcome = (
  lang: Language,
  etag: string,
  outcome: EvidenceReply,
): OutgoingMessage[] => {
  const noun = EVIDENCE_NOUNS[outcome.kind][lang];
  switch (outcome.state) {
    case 'stored':
      return text(
        outcome.describesComplaint
          ? lang === 'ur'
            ? `✅ آپ کا وائس نوٹ شکایت ${etag} کی تفصیل کے طور پر محفوظ کر لیا گیا ہے۔ افسر اسے سنیں گے۔`
            : `✅ Your voice note is kept as the description of complaint ${etag}. An officer will listen to it.`
          : lang === 'ur'
            ? `✅ آپ کی ${noun} شکایت ${etag} کے ساتھ محفوظ کر لی گئی ہے۔`
            : `✅ Your ${noun} is kept with complaint ${etag}.`,
      );
    case 'refused': {
      const reason = (REASONS[outcome.reason] ?? REASONS.type_not_allowed!)[lang];
      const accepted = outcome.reason === 'sticker' ? '' : `\n\n${ACCEPTED[lang]}`;
      return text(
        lang === 'ur'
          ? `❌ آپ کی ${noun} شکایت ${etag} کے ساتھ محفوظ نہیں کی گئی: ${reason}${accepted}`
          : `❌ Your ${noun} was not kept with complaint ${etag}: ${reason}${accepted}`,
      );
    }
    case 'unavailable':
      return text(
        lang === 'ur'
          ? `⚠️ آپ کی ${noun} واٹس ایپ سے حاصل نہیں ہو سکی (شاید اس کی مدت ختم ہو گئی)۔ براہِ کرم اسے دوبارہ بھیجیں اور "شکایت میں شامل کریں" لکھیں۔`
          : `⚠️ We could not fetch your ${noun} from WhatsApp (it may have expired). Please send it again and say "add to my complaint".`,
      );
  }
};
