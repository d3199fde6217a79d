/**
 * The short labels a citizen reads on WhatsApp and on the web pages alike: statuses, timeline entries, the post
 * holding a complaint, categories, districts, and times in Pakistan time. Small on purpose: the citizen portal
 * bundles this module (the bot's sentences live in ui.ts, the services in catalog.ts).
 */
import { findCategory } from '../domain/categories.ts';
import { findDistrict, titleAtTier } from '../domain/districts.ts';
import type { PostTitle } from '../domain/force/structure.ts';
import type { Role, Status } from '../domain/vocabulary.ts';
import type { Bilingual } from './catalog.ts';
import type { Language } from './types.ts';

/** How statuses, timeline entries and posts read to a citizen (bot and web alike). */
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
  EvidenceAdded: { en: 'Evidence added', ur: 'ثبوت شامل ہوا' },
  EvidenceNotKept: { en: 'Evidence not kept', ur: 'ثبوت محفوظ نہیں ہوا' },
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

const CONFIDENTIAL_REPORT: Bilingual = { en: 'Confidential report', ur: 'خفیہ رپورٹ' };

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

export const categoryLabel = (code: string, lang: Language): string => {
  const category = findCategory(code);
  if (!category) return code;
  if (category.sensitive) return CONFIDENTIAL_REPORT[lang];
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
  // Every role but the admin's is an SLA tier (sla.ts is not imported: it brings zod into the web bundle).
  if (district !== undefined && role !== 'ADMIN') return POST_LABELS[titleAtTier(role, district)][lang];
  return ROLE_LABELS[role]?.[lang] ?? role;
};
