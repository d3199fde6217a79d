/**
 * What citizens complain to the police about. Labels are short enough for a WhatsApp list row
 * (24 characters max for the title there), in English and Urdu.
 */
import type { CategoryCode, Priority } from './vocabulary.ts';
import { CATEGORY_CODES } from './vocabulary.ts';

export interface Category {
  code: CategoryCode;
  en: string;
  ur: string;
  defaultPriority: Priority;
  /** Gender/harassment: discreet handling, no follow-up messages unless the citizen opted in. */
  sensitive: boolean;
}

export const CATEGORIES: readonly Category[] = [
  // Time-critical: a child's or detainee's safety is at stake within hours.
  {
    code: 'missing_child',
    en: 'Missing child',
    ur: 'لاپتہ بچہ',
    defaultPriority: 'urgent',
    sensitive: false,
  },
  {
    code: 'illegal_detention',
    en: 'Illegal detention',
    ur: 'غیر قانونی حراست',
    defaultPriority: 'urgent',
    sensitive: false,
  },
  // Risk to a person.
  {
    code: 'gender_violence',
    en: 'Violence against women',
    ur: 'خواتین پر تشدد',
    defaultPriority: 'high',
    sensitive: true,
  },
  {
    code: 'domestic_violence',
    en: 'Domestic violence',
    ur: 'گھریلو تشدد',
    defaultPriority: 'high',
    sensitive: true,
  },
  {
    code: 'missing_person',
    en: 'Missing person',
    ur: 'لاپتہ شخص',
    defaultPriority: 'high',
    sensitive: false,
  },
  {
    code: 'threats_extortion',
    en: 'Threats or extortion',
    ur: 'دھمکیاں یا بھتہ',
    defaultPriority: 'high',
    sensitive: false,
  },
  {
    code: 'fir_not_registered',
    en: 'FIR not registered',
    ur: 'ایف آئی آر درج نہیں ہوئی',
    defaultPriority: 'high',
    sensitive: false,
  },
  // Police conduct.
  {
    code: 'police_misconduct',
    en: 'Police misconduct',
    ur: 'پولیس کی زیادتی',
    defaultPriority: 'normal',
    sensitive: false,
  },
  {
    code: 'corruption',
    en: 'Corruption or bribery',
    ur: 'رشوت یا بدعنوانی',
    defaultPriority: 'normal',
    sensitive: false,
  },
  {
    code: 'investigation_delay',
    en: 'Delay in investigation',
    ur: 'تفتیش میں تاخیر',
    defaultPriority: 'normal',
    sensitive: false,
  },
  { code: 'harassment', en: 'Harassment', ur: 'ہراسانی', defaultPriority: 'normal', sensitive: true },
  // Crime reports.
  {
    code: 'theft_robbery',
    en: 'Theft or robbery',
    ur: 'چوری یا ڈکیتی',
    defaultPriority: 'normal',
    sensitive: false,
  },
  { code: 'cybercrime', en: 'Cybercrime', ur: 'سائبر کرائم', defaultPriority: 'normal', sensitive: false },
  {
    code: 'property_dispute',
    en: 'Property dispute',
    ur: 'جائیداد کا تنازع',
    defaultPriority: 'low',
    sensitive: false,
  },
  { code: 'traffic', en: 'Traffic', ur: 'ٹریفک', defaultPriority: 'low', sensitive: false },
  { code: 'other', en: 'Other', ur: 'دیگر', defaultPriority: 'normal', sensitive: false },
];

const byCode = new Map<string, Category>(CATEGORIES.map((c) => [c.code, c]));

/** Case-insensitive; undefined for anything outside CATEGORY_CODES. */
export const findCategory = (code: string): Category | undefined => byCode.get(code.trim().toLowerCase());

export const isCategoryCode = (code: string): code is CategoryCode =>
  (CATEGORY_CODES as readonly string[]).includes(code);
