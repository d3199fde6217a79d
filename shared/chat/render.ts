/**
 * Replies the worker and the notifier send after executing a command or on a complaint event. Pure:
 * everything they show is passed in. Sensitive complaints (harassment) are described discreetly, in case
 * someone else reads the citizen's phone.
 */
import { findCategory } from '../domain/categories.ts';
import { findDistrict } from '../domain/districts.ts';
import { formatTrackingCode } from '../domain/etag.ts';
import { titleAtTier } from '../domain/force/seed.ts';
import type { PostTitle } from '../domain/force/structure.ts';
import { isSlaLevel } from '../domain/sla.ts';
import type { Role, Status } from '../domain/vocabulary.ts';
import type { Bilingual } from './catalog.ts';
import { buttons, text } from './limits.ts';
import { replyId } from './reply-ids.ts';
import type { CitizenUpdate, Language, OutgoingMessage, TrackedComplaint } from './types.ts';
import { UI } from './ui.ts';

const STATUS_LABELS: Record<Status, Bilingual> = {
  received: { en: 'Received', ur: 'موصول' },
  assigned: { en: 'Assigned to an officer', ur: 'افسر کے سپرد' },
  in_progress: { en: 'In progress', ur: 'کارروائی جاری' },
  awaiting_citizen: { en: 'Waiting for your reply', ur: 'آپ کے جواب کا انتظار' },
  resolved: { en: 'Resolved', ur: 'حل شدہ' },
  closed: { en: 'Closed', ur: 'بند' },
  rejected: { en: 'Not accepted', ur: 'نامنظور' },
  reopened: { en: 'Reopened', ur: 'دوبارہ کھولی گئی' },
};

const EVENT_LABELS: Record<string, Bilingual> = {
  ComplaintFiled: { en: 'Complaint filed', ur: 'شکایت درج ہوئی' },
  ComplaintAssigned: { en: 'Assigned to an officer', ur: 'افسر کے سپرد کی گئی' },
  ComplaintStatusChanged: { en: 'Status changed', ur: 'صورتحال تبدیل ہوئی' },
  ComplaintActionRecorded: { en: 'Action taken', ur: 'کارروائی کی گئی' },
  ComplaintSlaWarning: { en: 'Deadline approaching', ur: 'مقررہ وقت قریب' },
  ComplaintSlaBreached: { en: 'Escalated to senior officers', ur: 'سینئر افسران کو بھیجی گئی' },
  ComplaintReopened: { en: 'Reopened', ur: 'دوبارہ کھولی گئی' },
  FeedbackReceived: { en: 'Your feedback received', ur: 'آپ کی رائے موصول ہوئی' },
};

const ROLE_LABELS: Record<Role, Bilingual> = {
  SHO: { en: 'the SHO', ur: 'ایس ایچ او' },
  SDPO: { en: 'the SDPO', ur: 'ایس ڈی پی او' },
  DPO: { en: 'the District Police Officer', ur: 'ڈسٹرکٹ پولیس آفیسر' },
  RPO: { en: 'the Regional Police Officer', ur: 'ریجنل پولیس آفیسر' },
  CPO: { en: 'the Central Police Office', ur: 'سینٹرل پولیس آفس' },
  ADMIN: { en: 'the complaint cell', ur: 'کمپلینٹ سیل' },
};

/** The post a citizen is told holds their complaint, when its district is known (Lahore and city districts differ). */
const POST_LABELS: Record<PostTitle, Bilingual> = {
  SHO: ROLE_LABELS.SHO,
  SDPO: ROLE_LABELS.SDPO,
  SP_DIVISION: { en: 'the divisional Superintendent of Police', ur: 'ڈویژنل ایس پی' },
  DPO: ROLE_LABELS.DPO,
  CITY_POLICE_OFFICER: { en: 'the City Police Officer', ur: 'سٹی پولیس آفیسر' },
  CCPO: { en: 'the Capital City Police Officer', ur: 'کیپیٹل سٹی پولیس آفیسر' },
  RPO: ROLE_LABELS.RPO,
  IG_COMPLAINT_CELL: { en: 'the IG Complaint Cell', ur: 'آئی جی کمپلینٹ سیل' },
};

const NOTE_MAX = 300;

const MONTHS: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ur: [
    'جنوری',
    'فروری',
    'مارچ',
    'اپریل',
    'مئی',
    'جون',
    'جولائی',
    'اگست',
    'ستمبر',
    'اکتوبر',
    'نومبر',
    'دسمبر',
  ],
};

/** Urdu names the part of the day instead of am/pm. */
const urduDayPart = (hour: number): string =>
  hour < 4 ? 'رات' : hour < 12 ? 'صبح' : hour < 16 ? 'دوپہر' : hour < 19 ? 'شام' : 'رات';

/**
 * Pakistan time in a human format: "1 Mar 2025, 2:05 pm PKT" / "1 مارچ 2025، دوپہر 2:05". Pakistan has no
 * daylight saving: UTC+5 all year, so a fixed offset is exact and deterministic (no Intl, no time zone data).
 */
export const formatPakistanTime = (iso: string, lang: Language = 'en'): string => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + 5 * 3600_000);
  const hour = local.getUTCHours();
  const minutes = String(local.getUTCMinutes()).padStart(2, '0');
  const clock = `${hour % 12 || 12}:${minutes}`;
  const date = `${local.getUTCDate()} ${MONTHS[lang][local.getUTCMonth()]} ${local.getUTCFullYear()}`;
  return lang === 'en'
    ? `${date}, ${clock} ${hour < 12 ? 'am' : 'pm'} PKT`
    : `${date}، ${urduDayPart(hour)} ${clock}`;
};

const clipNote = (note: string): string =>
  note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;

export const categoryLabel = (code: string, lang: Language): string => {
  const category = findCategory(code);
  if (!category) return code;
  if (category.sensitive) return lang === 'en' ? 'Confidential report' : 'خفیہ رپورٹ';
  return category[lang];
};

export const districtLabel = (code: string, lang: Language): string => findDistrict(code)?.[lang] ?? code;

export const statusLabel = (status: Status, lang: Language): string =>
  STATUS_LABELS[status]?.[lang] ?? status;

/** A timeline entry's type (`ComplaintAssigned`, ...) as the citizen reads it. */
export const eventLabel = (type: string, lang: Language): string => EVENT_LABELS[type]?.[lang] ?? type;

/**
 * The level holding a complaint, by post, never by name. With the complaint's district the post is named as
 * that district has it (the City Police Officer in Rawalpindi, the CCPO in Lahore); without, by role.
 */
export const roleLabel = (role: Role, lang: Language, district?: string): string => {
  if (district !== undefined && isSlaLevel(role)) return POST_LABELS[titleAtTier(role, district)][lang];
  return ROLE_LABELS[role]?.[lang] ?? role;
};

/**
 * After `fileComplaint` succeeded. `trackingCode` is absent when a redelivered message found its complaint
 * already filed (the code is stored hashed). A citizen who chose "No messages" is not promised updates;
 * one filing from abroad is not told to dial 15 (short codes do not work from outside Pakistan).
 */
export const renderFiled = (
  lang: Language,
  etag: string,
  trackingCode?: string,
  options: { updates?: boolean; overseas?: boolean } = {},
): OutgoingMessage[] => {
  const { updates = true, overseas = false } = options;
  const code = trackingCode ? formatTrackingCode(trackingCode) : undefined;
  const codeLine = {
    en: code
      ? `Tracking code: *${code}* — keep it private; with the e-tag it lets you follow the complaint on the website.\n`
      : '',
    ur: code
      ? `ٹریکنگ کوڈ: *${code}* — اسے کسی کو نہ بتائیں؛ ای ٹیگ کے ساتھ اس سے ویب سائٹ پر شکایت کی پیروی ہو سکتی ہے۔\n`
      : '',
  };
  const follow = {
    en: updates
      ? 'You will get updates here. Type *status* at any time to see where it stands.'
      : 'As you asked, we will not send you messages about it. Type *status* at any time to see where it stands.',
    ur: updates
      ? 'آپ کو یہیں اطلاع ملتی رہے گی۔ صورتحال جاننے کے لیے کسی بھی وقت *حیثیت* لکھیں۔'
      : 'آپ کی خواہش کے مطابق ہم اس بارے میں آپ کو پیغامات نہیں بھیجیں گے۔ صورتحال جاننے کے لیے کسی بھی وقت *حیثیت* لکھیں۔',
  };
  const emergency = {
    en: overseas ? '' : ' In an emergency call *15*.',
    ur: overseas ? '' : ' ایمرجنسی میں *15* پر کال کریں۔',
  };
  return text(
    lang === 'en'
      ? `✅ Your complaint has been filed.
E-tag number: *${etag}*
${codeLine.en}
${follow.en}${emergency.en}`
      : `✅ آپ کی شکایت درج ہو گئی ہے۔
ای ٹیگ نمبر: *${etag}*
${codeLine.ur}
${follow.ur}${emergency.ur}`,
  );
};

/** After `trackComplaints`: the caller's own complaints only (possibly none). */
export const renderTrackResult = (
  lang: Language,
  complaints: readonly TrackedComplaint[],
): OutgoingMessage[] => {
  if (complaints.length === 0) {
    return text(
      lang === 'en'
        ? 'No complaints were found for this WhatsApp number. Complaints filed from another number or on the website can be followed on the website with the e-tag and tracking code. Type *complaint* to file one.'
        : 'اس واٹس ایپ نمبر سے کوئی شکایت نہیں ملی۔ کسی دوسرے نمبر یا ویب سائٹ سے درج شکایت کی پیروی ویب سائٹ پر ای ٹیگ اور ٹریکنگ کوڈ سے کی جا سکتی ہے۔ نئی شکایت کے لیے *شکایت* لکھیں۔',
    );
  }
  const blocks = [...complaints]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((c) => {
      const latest = [...c.latest]
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 3)
        .map((e) => {
          const label = EVENT_LABELS[e.type]?.[lang] ?? e.type;
          return `  – ${formatPakistanTime(e.at, lang)}: ${label}${e.note ? ` — ${clipNote(e.note)}` : ''}`;
        });
      const lines = [
        `*${c.etag}*`,
        `${lang === 'en' ? 'Status' : 'صورتحال'}: *${statusLabel(c.status, lang)}*`,
        `${categoryLabel(c.category, lang)} · ${districtLabel(c.district, lang)}`,
        `${lang === 'en' ? 'Last update' : 'آخری اپ ڈیٹ'}: ${formatPakistanTime(c.updatedAt, lang)}`,
        ...(latest.length ? [lang === 'en' ? 'Latest:' : 'تازہ ترین:', ...latest] : []),
      ];
      return lines.join('\n');
    });
  const heading = lang === 'en' ? '*Your complaints*' : '*آپ کی شکایات*';
  return text([heading, ...blocks].join('\n\n'));
};

/** Any command that failed: nothing was lost, the citizen may retry. */
export const renderFailure = (lang: Language): OutgoingMessage[] =>
  text(
    lang === 'en'
      ? 'Sorry, something went wrong on our side. Please try again in a few minutes. In an emergency call *15*.'
      : 'معذرت، ہماری طرف سے کوئی خرابی ہو گئی۔ براہِ کرم چند منٹ بعد دوبارہ کوشش کریں۔ ایمرجنسی میں *15* پر کال کریں۔',
  );

/** After `recordFeedback` was stored. */
/** "Add to my complaint" with no open complaint of theirs (or an e-tag that is not theirs). */
export const renderNoComplaintForEvidence = (lang: Language): OutgoingMessage[] =>
  text(UI.noComplaintForEvidence[lang]);

export const renderFeedbackAck = (lang: Language): OutgoingMessage[] =>
  text(
    lang === 'en'
      ? 'Thank you! Your feedback has been recorded and will be read by the team. Type *0* for the main menu.'
      : 'شکریہ! آپ کی رائے محفوظ کر لی گئی ہے اور ٹیم اسے پڑھے گی۔ مین مینیو کے لیے *0* لکھیں۔',
  );

/** "Are you satisfied?" with reply buttons `fb:yes:<etag>` / `fb:no:<etag>`. */
export const renderSatisfactionQuestion = (lang: Language, etag: string): OutgoingMessage[] =>
  buttons(
    lang === 'en'
      ? `Your complaint *${etag}* has been marked resolved. Are you satisfied with how it was handled?`
      : `آپ کی شکایت *${etag}* حل شدہ قرار دی گئی ہے۔ کیا آپ کارروائی سے مطمئن ہیں؟`,
    [
      { id: replyId({ kind: 'satisfaction', satisfied: true, etag }), title: UI.btnSatisfied[lang] },
      { id: replyId({ kind: 'satisfaction', satisfied: false, etag }), title: UI.btnNotSatisfied[lang] },
    ],
  );

/** Notifier: one complaint event → messages for the citizen (free-form; inside the 24-hour window). */
export const renderCitizenUpdate = (lang: Language, update: CitizenUpdate): OutgoingMessage[] => {
  const { etag } = update;
  const en = lang === 'en';
  if (update.sensitive && update.kind !== 'resolved' && update.kind !== 'informationRequested') {
    // Discreet: no category, no officer notes, nothing a bystander could read into.
    return text(
      en
        ? `There is an update on your report *${etag}*. Type *status* to see it.`
        : `آپ کی رپورٹ *${etag}* پر نئی اپ ڈیٹ ہے۔ دیکھنے کے لیے *حیثیت* لکھیں۔`,
    );
  }
  switch (update.kind) {
    case 'assigned':
      return text(
        en
          ? `Your complaint *${etag}* has been assigned to an officer for action.`
          : `آپ کی شکایت *${etag}* کارروائی کے لیے ایک افسر کے سپرد کر دی گئی ہے۔`,
      );
    case 'actionRecorded': {
      const note = update.note ? `\n${clipNote(update.note)}` : '';
      return text(
        en
          ? `Action has been taken on your complaint *${etag}*.${note}`
          : `آپ کی شکایت *${etag}* پر کارروائی کی گئی ہے۔${note}`,
      );
    }
    case 'statusChanged': {
      // e.g. the reason a complaint was not accepted: the citizen is owed it.
      const note = update.note ? `\n${clipNote(update.note)}` : '';
      return text(
        en
          ? `Your complaint *${etag}* is now: *${statusLabel(update.status, lang)}*.${note}`
          : `آپ کی شکایت *${etag}* کی صورتحال اب: *${statusLabel(update.status, lang)}*۔${note}`,
      );
    }
    case 'informationRequested': {
      // Discreet reports: the button, never the question, on a screen others may read.
      const question = update.question && !update.sensitive ? `\n${clipNote(update.question)}` : '';
      return buttons(
        en
          ? `The officer handling your complaint *${etag}* needs more information from you.${question}\nPress *Answer* to reply.`
          : `آپ کی شکایت *${etag}* پر کام کرنے والے افسر کو آپ سے مزید معلومات درکار ہیں۔${question}\nجواب کے لیے *جواب دیں* دبائیں۔`,
        [{ id: replyId({ kind: 'answerRequest', etag }), title: UI.btnAnswer[lang] }],
      );
    }
    case 'resolved': {
      const note = update.note && !update.sensitive ? `\n${clipNote(update.note)}` : '';
      return [
        ...text(
          en
            ? `Your complaint *${etag}* has been resolved.${note}`
            : `آپ کی شکایت *${etag}* حل کر دی گئی ہے۔${note}`,
        ),
        ...renderSatisfactionQuestion(lang, etag),
      ];
    }
    case 'reopened':
      return text(
        en
          ? `Your complaint *${etag}* has been reopened and will be looked at again.`
          : `آپ کی شکایت *${etag}* دوبارہ کھول دی گئی ہے اور اس پر دوبارہ کارروائی ہوگی۔`,
      );
    case 'escalated':
      return text(
        en
          ? `Your complaint *${etag}* has been escalated to ${roleLabel(update.level, lang, update.district)} for action.`
          : `آپ کی شکایت *${etag}* کارروائی کے لیے ${roleLabel(update.level, lang, update.district)} کو بھیج دی گئی ہے۔`,
      );
  }
};
