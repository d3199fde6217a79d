/**
 * Complaint: what a citizen submits (`NewComplaintInputSchema`, strict, for the public API) and the
 * stored state (`ComplaintSchema`, lenient about extra keys so DynamoDB items with pk/sk/gsi keys parse).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import * as z from 'zod';
import { freeText, lineText } from './text.ts';
import { findCategory } from './categories.ts';
import { findDistrict } from './districts.ts';
import { ETAG_PATTERN, parseEtag } from './etag.ts';
import { slaSchema } from './sla.ts';
import {
  CATEGORY_CODES,
  CHANNELS,
  LANGUAGES,
  PRIORITIES,
  ROLES,
  STATUSES,
  type CategoryCode,
  type Channel,
} from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------------------
// Phone numbers and CNIC

export interface ParsedPhone {
  /** E.164, e.g. +923001234567 */
  e164: string;
  /** ISO 3166-1 alpha-2 of the number, when the number belongs to one country. */
  country?: string;
}

/** People write numbers with spaces, dashes, dots, slashes and brackets; anything else is not a number. */
const PHONE_CHARACTERS = /^[+\d\s\-()./]{3,40}$/;

/**
 * Any common way of writing a number → E.164 and its country, or undefined when invalid.
 * National numbers are read in `defaultCountry`; `00…` and `+…` are international. Digits-only input that
 * is not a valid national number is retried as international, so a WhatsApp `wa_id` (`923001234567`,
 * `447911123456`) works as is. Metadata: libphonenumber-js `min` (all countries, validation by length).
 */
export const parsePhone = (input: string, defaultCountry: string = 'PK'): ParsedPhone | undefined => {
  if (typeof input !== 'string' || !PHONE_CHARACTERS.test(input.trim())) return undefined;
  const text = input.trim();
  const national = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  const international = /^[1-9]\d{6,14}$/.test(text) ? parsePhoneNumberFromString(`+${text}`) : undefined;
  // The `min` metadata validates by length, so a bare `966501234567` would pass as a 12-digit national
  // number; longer than a national number without its 0 (10 digits), a bare number is international first.
  const candidates = text.length > 10 ? [international, national] : [national, international];
  const phone = candidates.find((p) => p?.isValid());
  if (!phone) return undefined;
  return phone.country ? { e164: phone.number, country: phone.country } : { e164: phone.number };
};

/** E.164 or undefined; see `parsePhone`. */
export const normalizePhone = (input: string, defaultCountry: string = 'PK'): string | undefined =>
  parsePhone(input, defaultCountry)?.e164;

const CNIC_FORMAT = /^[1-7]\d{4}-?\d{7}-?\d$/;

/**
 * Pakistani CNIC: 13 digits, optionally as `35202-1234567-1`. The first digit is the province/region
 * (1 KP … 7 Gilgit-Baltistan), so 0, 8 and 9 are never issued. The last digit encodes gender, not a checksum,
 * so there is nothing more to verify offline.
 */
export const isValidCnic = (input: string): boolean =>
  typeof input === 'string' && CNIC_FORMAT.test(input.trim());

/** 13 digits or undefined. */
export const normalizeCnic = (input: string): string | undefined =>
  isValidCnic(input) ? input.trim().replace(/-/g, '') : undefined;

// ---------------------------------------------------------------------------------------------------------
// Shared field schemas

/**
 * Free text, trimmed and length-limited, with the text hygiene of `text.ts` (NFC, invisible format characters
 * removed, control characters refused); the building block of the free-text fields here and in the HTTP schemas.
 */
export const trimmedText = (min: number, max: number) => freeText(min, max);

/** Single-line text (names, stations, codes): see `lineText` in text.ts. */
const line = (min: number, max: number) => lineText(min, max);

/** Empty or blank optional fields from web forms mean "not given". */
const optionalLine = (max: number) =>
  lineText(0, max)
    .optional()
    .transform((s) => (s ? s : undefined));

const DescriptionSchema = freeText(20, 5000);

const CountrySchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'Must be an ISO 3166-1 alpha-2 country code')
  .transform((c) => c.toUpperCase());

/** Any common way of writing a phone number → `ParsedPhone`. */
export const PhoneInputSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const phone = parsePhone(value);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'Invalid phone number' });
      return z.NEVER;
    }
    return phone;
  });

const CnicInputSchema = z
  .string()
  .max(20)
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined;
    const cnic = normalizeCnic(value);
    if (!cnic) {
      ctx.addIssue({ code: 'custom', message: 'CNIC must be 13 digits, e.g. 35202-1234567-1' });
      return z.NEVER;
    }
    return cnic;
  });

/** District code, case-insensitive → canonical code. Callers add the description. */
export const DistrictCodeInputSchema = z
  .string()
  .max(10)
  .transform((value, ctx) => {
    const district = findDistrict(value);
    if (!district) {
      ctx.addIssue({ code: 'custom', message: 'Unknown district code' });
      return z.NEVER;
    }
    return district.code;
  });

const DistrictCodeSchema = DistrictCodeInputSchema.meta({
  description: 'District code from GET /districts (case-insensitive)',
});

/** E-tag as printed or typed (tolerant, see `parseEtag`) → canonical. Callers add the description. */
export const EtagInputSchema = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const etag = parseEtag(value);
    if (!etag) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid e-tag number (check it for typos)' });
      return z.NEVER;
    }
    return etag;
  });

const CategoryCodeSchema = z
  .string()
  .max(40)
  .meta({ description: 'Category code from GET /categories (case-insensitive)' })
  .transform((value, ctx): CategoryCode => {
    const category = findCategory(value);
    if (!category) {
      ctx.addIssue({ code: 'custom', message: 'Unknown category code' });
      return z.NEVER;
    }
    return category.code;
  });

const LocationInputSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: optionalLine(300),
});

// ---------------------------------------------------------------------------------------------------------
// Citizen input

const complainantFields = {
  name: line(2, 100),
  phone: PhoneInputSchema,
  cnic: CnicInputSchema,
  /** Default: true when the phone number (else the stated country) is not Pakistani. */
  overseas: z.boolean().optional(),
  /** Default: the phone number's country. */
  country: CountrySchema.optional(),
};

interface ComplainantFields {
  name: string;
  phone?: { e164: string; country?: string } | undefined;
  cnic?: string | undefined;
  overseas?: boolean | undefined;
  country?: string | undefined;
}

const toComplainant = ({ name, phone, cnic, overseas, country }: ComplainantFields) => {
  const residence = country ?? phone?.country;
  return {
    name,
    phone: phone?.e164,
    ...(cnic ? { cnic } : {}),
    overseas: overseas ?? (residence !== undefined && residence !== 'PK'),
    ...(residence ? { country: residence } : {}),
  };
};

export const ComplainantInputSchema = z
  .strictObject(complainantFields)
  .transform((fields) => ({ ...toComplainant(fields), phone: fields.phone.e164 }));
export type ComplainantInput = z.output<typeof ComplainantInputSchema>;

/**
 * Over WhatsApp the citizen's identity is already known and is the proof of ownership; Meta may withhold
 * the phone number (business-scoped user ids), so it is optional there and only there.
 */
export const ChatComplainantInputSchema = z
  .strictObject({ ...complainantFields, phone: PhoneInputSchema.optional() })
  .transform(toComplainant);

export const NewComplaintInputSchema = z.strictObject({
  complainant: ComplainantInputSchema,
  district: DistrictCodeSchema,
  station: optionalLine(100),
  category: CategoryCodeSchema,
  description: DescriptionSchema,
  location: LocationInputSchema.optional(),
  language: z.enum(LANGUAGES).default('ur'),
  /** Default: opted out for sensitive categories (discreet handling), opted in otherwise. */
  optOutOfUpdates: z.boolean().optional(),
});
/** Parsed, normalized citizen input (output of the schema). */
export type NewComplaintInput = z.output<typeof NewComplaintInputSchema>;

/** A complaint filed in chat by a known WhatsApp identity: the phone may be missing. */
export const ChatComplaintInputSchema = NewComplaintInputSchema.extend({
  complainant: ChatComplainantInputSchema,
  /** The priority the bot promised (Zainab Alert, gender-harassment reports); never lower than the category's. */
  priority: z.enum(PRIORITIES).optional(),
});
export type ChatComplaintInput = z.output<typeof ChatComplaintInputSchema>;
/** What a client sends (input of the schema). */
export type NewComplaintRequest = z.input<typeof NewComplaintInputSchema>;

// ---------------------------------------------------------------------------------------------------------
// Stored state

export const IsoDateTime = z.iso.datetime({ offset: true });

export const ComplainantSchema = z
  .object({
    name: z.string(),
    /** Absent only for a WhatsApp citizen whose number Meta did not share (then whatsappId is set). */
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'Must be E.164')
      .optional(),
    cnic: z
      .string()
      .regex(/^[1-7]\d{12}$/)
      .optional(),
    overseas: z.boolean(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    /** Citizen identity on WhatsApp when known (wa_id). */
    whatsappId: z.string().optional(),
  })
  .refine((c) => c.phone !== undefined || c.whatsappId !== undefined, {
    message: 'A complainant needs a phone number or a WhatsApp identity',
  });
export type Complainant = z.output<typeof ComplainantSchema>;

export const LocationSchema = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  address: z.string().optional(),
});
export type Location = z.output<typeof LocationSchema>;

export const ATTACHMENT_KINDS = ['image', 'audio', 'video', 'document'] as const;
export const AttachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  mediaId: z.string().min(1),
  mimeType: z.string().optional(),
  /** A voice note given instead of a typed description: officers must listen to it. */
  describesComplaint: z.boolean().optional(),
});
export type Attachment = z.output<typeof AttachmentSchema>;

export const AssignmentSchema = z.object({
  level: z.enum(ROLES),
  station: z.string().optional(),
  /** SDPO circle when the complaint was assigned to one (scope of SDPOs; see officer.ts). */
  circle: z.string().optional(),
  officerId: z.string().optional(),
  assignedAt: IsoDateTime,
});
export type Assignment = z.output<typeof AssignmentSchema>;

/** The SLA clock's state; DOMAIN-LIFECYCLE owns its shape (sla.ts). */
export const ComplaintSlaSchema = slaSchema;

export const ComplaintSchema = z.object({
  etag: z.string().regex(ETAG_PATTERN),
  district: z
    .string()
    .refine((code) => findDistrict(code)?.code === code, { message: 'Unknown district code' }),
  station: z.string().optional(),
  category: z.enum(CATEGORY_CODES),
  description: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  language: z.enum(LANGUAGES),
  complainant: ComplainantSchema,
  location: LocationSchema.optional(),
  attachments: z.array(AttachmentSchema),
  optOutOfUpdates: z.boolean(),
  trackingCodeHash: z.string().min(1),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().positive(),
  assignment: AssignmentSchema.optional(),
  sla: ComplaintSlaSchema.optional(),
});
export type Complaint = z.output<typeof ComplaintSchema>;

export interface NewComplaintContext {
  etag: string;
  trackingCodeHash: string;
  now: Date;
  channel: Channel;
  /** Citizen's WhatsApp id when filed over WhatsApp. */
  whatsappId?: string;
  attachments?: Attachment[];
}

/** The first state of a complaint: received, priority from its category, version 1. */
export const newComplaint = (
  input: NewComplaintInput | ChatComplaintInput,
  context: NewComplaintContext,
): Complaint => {
  const category = findCategory(input.category);
  if (!category) throw new TypeError(`Unknown category ${input.category}`);
  const at = context.now.toISOString();
  const { phone, ...complainant } = input.complainant;
  return {
    etag: context.etag,
    district: input.district,
    ...(input.station ? { station: input.station } : {}),
    category: category.code,
    description: input.description,
    channel: context.channel,
    status: 'received',
    priority:
      'priority' in input &&
      input.priority &&
      PRIORITIES.indexOf(input.priority) < PRIORITIES.indexOf(category.defaultPriority)
        ? input.priority
        : category.defaultPriority,
    language: input.language,
    complainant: {
      ...complainant,
      ...(phone ? { phone } : {}),
      ...(context.whatsappId ? { whatsappId: context.whatsappId } : {}),
    },
    ...(input.location ? { location: input.location } : {}),
    attachments: context.attachments ?? [],
    optOutOfUpdates: input.optOutOfUpdates ?? category.sensitive,
    trackingCodeHash: context.trackingCodeHash,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
};
