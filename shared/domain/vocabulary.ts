/**
 * The closed vocabularies every layer shares. Behaviour attached to them (guards, policies, labels)
 * lives in the modules that own it; this file only names the values.
 */

export const LANGUAGES = ['ur', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const CHANNELS = ['web', 'whatsapp', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Complaint status (issue 4 status machine). `reopened` is a status of its own so queues can show it. */
export const STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'resolved',
  'closed',
  'rejected',
  'reopened',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which the SLA clock can run and the complaint sits in an officer queue. */
export const OPEN_STATUSES: readonly Status[] = [
  'received',
  'assigned',
  'in_progress',
  'awaiting_citizen',
  'reopened',
];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Police hierarchy, bottom to top. Officer tokens carry one of these as their role. */
export const ROLES = ['SHO', 'SDPO', 'DPO', 'RPO', 'CPO', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Complaint categories (bilingual labels and defaults in categories.ts). */
export const CATEGORY_CODES = [
  'fir_not_registered',
  'police_misconduct',
  'corruption',
  'investigation_delay',
  'illegal_detention',
  'harassment',
  'gender_violence',
  'missing_person',
  'missing_child',
  'theft_robbery',
  'cybercrime',
  'traffic',
  'property_dispute',
  'threats_extortion',
  'domestic_violence',
  'other',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];
