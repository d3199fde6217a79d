/**
 * What a citizen submits when filing (`NewComplaintInputSchema`, strict, for the public API;
 * `ChatComplaintInputSchema` over WhatsApp). Apart from complaint.ts because it parses phone numbers: only the
 * filing paths (FileComplaint, the chat worker) and the OpenAPI document import it (docs/performance.md).
 */
import * as z from './zod.ts';
import { findCategory } from './categories.ts';
import { DistrictCodeInputSchema, trimmedText } from './complaint.ts';
import { parsePhone } from './phone.ts';
import { lineText } from './text.ts';
import { LANGUAGES, PRIORITIES, type CategoryCode } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------------------
// CNIC

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
// Field schemas

/** Single-line text (names, stations, codes): see `lineText` in text.ts. */
const line = (min: number, max: number) => lineText(min, max);

/** Empty or blank optional fields from web forms mean "not given". */
const optionalLine = (max: number) =>
  z.pipe(
    z.optional(lineText(0, max)),
    z.transform((s) => (s ? s : undefined)),
  );

const DescriptionSchema = trimmedText(20, 5000);

const CountrySchema = z.pipe(
  z.string().check(z.regex(/^[A-Za-z]{2}$/, 'Must be an ISO 3166-1 alpha-2 country code')),
  z.transform((c) => c.toUpperCase()),
);

/** Any common way of writing a phone number → `ParsedPhone`. */
export const PhoneInputSchema = z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((value, ctx) => {
    const phone = parsePhone(value);
    if (!phone) {
      return z.refuse(ctx, 'Invalid phone number');
    }
    return phone;
  }),
);

const CnicInputSchema = z.pipe(
  z.optional(z.string().check(z.maxLength(20))),
  z.transform((value, ctx) => {
    if (value === undefined || value.trim() === '') return undefined;
    const cnic = normalizeCnic(value);
    if (!cnic) {
      return z.refuse(ctx, 'CNIC must be 13 digits, e.g. 35202-1234567-1');
    }
    return cnic;
  }),
);

const DistrictCodeSchema = DistrictCodeInputSchema.check(
  z.meta({
    description: 'District code from GET /districts (case-insensitive)',
  }),
);

const CategoryCodeSchema = z.pipe(
  z
    .string()
    .check(z.maxLength(40), z.meta({ description: 'Category code from GET /categories (case-insensitive)' })),
  z.transform((value, ctx): CategoryCode => {
    const category = findCategory(value);
    if (!category) {
      return z.refuse(ctx, 'Unknown category code');
    }
    return category.code;
  }),
);

const LocationInputSchema = z.strictObject({
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  address: optionalLine(300),
});

// ---------------------------------------------------------------------------------------------------------
// Citizen input

const complainantFields = {
  name: line(2, 100),
  phone: PhoneInputSchema,
  cnic: CnicInputSchema,
  /** Default: true when the phone number (else the stated country) is not Pakistani. */
  overseas: z.optional(z.boolean()),
  /** Default: the phone number's country. */
  country: z.optional(CountrySchema),
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

export const ComplainantInputSchema = z.pipe(
  z.strictObject(complainantFields),
  z.transform((fields) => ({ ...toComplainant(fields), phone: fields.phone.e164 })),
);
export type ComplainantInput = z.output<typeof ComplainantInputSchema>;

/**
 * Over WhatsApp the citizen's identity is already known and is the proof of ownership; Meta may withhold
 * the phone number (business-scoped user ids), so it is optional there and only there.
 */
export const ChatComplainantInputSchema = z.pipe(
  z.strictObject({ ...complainantFields, phone: z.optional(PhoneInputSchema) }),
  z.transform((fields) => toComplainant(fields)),
);

export const NewComplaintInputSchema = z.strictObject({
  complainant: ComplainantInputSchema,
  district: DistrictCodeSchema,
  station: optionalLine(100),
  category: CategoryCodeSchema,
  description: DescriptionSchema,
  location: z.optional(LocationInputSchema),
  language: z._default(z.enum(LANGUAGES), 'ur'),
  /** Default: opted out for sensitive categories (discreet handling), opted in otherwise. */
  optOutOfUpdates: z.optional(z.boolean()),
});
/** Parsed, normalized citizen input (output of the schema). */
export type NewComplaintInput = z.output<typeof NewComplaintInputSchema>;

/** A complaint filed in chat by a known WhatsApp identity: the phone may be missing. */
export const ChatComplaintInputSchema = z.extend(NewComplaintInputSchema, {
  complainant: ChatComplainantInputSchema,
  /** The priority the bot promised (Zainab Alert, gender-harassment reports); never lower than the category's. */
  priority: z.optional(z.enum(PRIORITIES)),
});
export type ChatComplaintInput = z.output<typeof ChatComplaintInputSchema>;
/** What a client sends (input of the schema). */
export type NewComplaintRequest = z.input<typeof NewComplaintInputSchema>;
