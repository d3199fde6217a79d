/**
 * Complaint: its stored state (`ComplaintSchema`, lenient about extra keys so DynamoDB items with pk/sk/gsi
 * keys parse), the first state of a filed complaint, and the field schemas the HTTP schemas share. What a
 * citizen submits is in complaint-input.ts (it parses phone numbers, so only the filing paths import it).
 */
import * as z from './zod.ts';
import { freeText } from './text.ts';
import { findCategory } from './categories.ts';
import { findDistrict } from './districts.ts';
import { ETAG_PATTERN, parseEtag } from './etag.ts';
import type { ChatComplaintInput, NewComplaintInput } from './complaint-input.ts';
import { slaSchema } from './sla.ts';
import {
  CATEGORY_CODES,
  CHANNELS,
  LANGUAGES,
  PRIORITIES,
  ROLES,
  STATUSES,
  type Channel,
} from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------------------
// Shared field schemas

/**
 * Free text, trimmed and length-limited, with the text hygiene of `text.ts` (NFC, invisible format characters
 * removed, control characters refused); the building block of the free-text fields here and in the HTTP schemas.
 */
export const trimmedText = (min: number, max: number) => freeText(min, max);

/** District code, case-insensitive → canonical code. Callers add the description. */
export const DistrictCodeInputSchema = z.pipe(
  z.string().check(z.maxLength(10)),
  z.transform((value, ctx) => {
    const district = findDistrict(value);
    if (!district) {
      return z.refuse(ctx, 'Unknown district code');
    }
    return district.code;
  }),
);

/** E-tag as printed or typed (tolerant, see `parseEtag`) → canonical. Callers add the description. */
export const EtagInputSchema = z.pipe(
  z.string().check(z.maxLength(64)),
  z.transform((value, ctx) => {
    const etag = parseEtag(value);
    if (!etag) {
      return z.refuse(ctx, 'Not a valid e-tag number (check it for typos)');
    }
    return etag;
  }),
);

// ---------------------------------------------------------------------------------------------------------
// Stored state

export const IsoDateTime = z.iso.datetime({ offset: true });

export const ComplainantSchema = z
  .object({
    name: z.string(),
    /** Absent only for a WhatsApp citizen whose number Meta did not share (then whatsappId is set). */
    phone: z.optional(z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'Must be E.164'))),
    cnic: z.optional(z.string().check(z.regex(/^[1-7]\d{12}$/))),
    overseas: z.boolean(),
    country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
    /** Citizen identity on WhatsApp when known (wa_id). */
    whatsappId: z.optional(z.string()),
  })
  .check(
    z.refine((c) => c.phone !== undefined || c.whatsappId !== undefined, {
      message: 'A complainant needs a phone number or a WhatsApp identity',
    }),
  );
export type Complainant = z.output<typeof ComplainantSchema>;

export const LocationSchema = z.object({
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  address: z.optional(z.string()),
  /**
   * The districts the point lies in by the boundary data when filed (the holding one first, then those near a
   * border or carved out of it since; shared/domain/district-locator.ts). Officers see it when the complaint's
   * district is not among them. Absent outside Punjab and on complaints filed before it was kept.
   */
  suggestedDistricts: z.optional(z.array(z.string()).check(z.maxLength(10))),
});
export type Location = z.output<typeof LocationSchema>;

export const ATTACHMENT_KINDS = ['image', 'audio', 'video', 'document'] as const;
export const AttachmentSchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  mediaId: z.string().check(z.minLength(1)),
  mimeType: z.optional(z.string()),
  /** A voice note given instead of a typed description: officers must listen to it. */
  describesComplaint: z.optional(z.boolean()),
});
export type Attachment = z.output<typeof AttachmentSchema>;

export const AssignmentSchema = z.object({
  level: z.enum(ROLES),
  station: z.optional(z.string()),
  /** SDPO circle when the complaint was assigned to one (scope of SDPOs; see officer.ts). */
  circle: z.optional(z.string()),
  officerId: z.optional(z.string()),
  assignedAt: IsoDateTime,
});
export type Assignment = z.output<typeof AssignmentSchema>;

/** The SLA clock's state; DOMAIN-LIFECYCLE owns its shape (sla.ts). */
export const ComplaintSlaSchema = slaSchema;

export const ComplaintSchema = z.object({
  etag: z.string().check(z.regex(ETAG_PATTERN)),
  district: z
    .string()
    .check(z.refine((code) => findDistrict(code)?.code === code, { message: 'Unknown district code' })),
  station: z.optional(z.string()),
  category: z.enum(CATEGORY_CODES),
  description: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  language: z.enum(LANGUAGES),
  complainant: ComplainantSchema,
  location: z.optional(LocationSchema),
  attachments: z.array(AttachmentSchema),
  optOutOfUpdates: z.boolean(),
  trackingCodeHash: z.string().check(z.minLength(1)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().check(z.int(), z.positive()),
  assignment: z.optional(AssignmentSchema),
  sla: z.optional(ComplaintSlaSchema),
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
  /** The districts the location suggests (see `LocationSchema`), computed by the filing use case. */
  locationDistricts?: readonly string[];
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
    ...(input.location
      ? {
          location: {
            ...input.location,
            ...(context.locationDistricts?.length
              ? { suggestedDistricts: [...context.locationDistricts] }
              : {}),
          },
        }
      : {}),
    attachments: context.attachments ?? [],
    optOutOfUpdates: input.optOutOfUpdates ?? category.sensitive,
    trackingCodeHash: context.trackingCodeHash,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
};
