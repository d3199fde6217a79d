/**
 * Request and response bodies of the public API. The OpenAPI document (openapi.ts) is generated
 * from these, so what is documented is what is enforced.
 */
import * as z from '../domain/zod.ts';
import { DistrictCodeInputSchema, IsoDateTime } from '../domain/complaint.ts';
import { CATEGORY_CODES, CHANNELS, LANGUAGES, PRIORITIES, ROLES, STATUSES } from '../domain/vocabulary.ts';
import { EVENT_TYPES } from './events/index.ts';

// --- errors -----------------------------------------------------------------------------------

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .check(z.meta({ description: 'Stable, machine-readable code, e.g. `validation_failed`' })),
      message: z.string().check(z.meta({ description: 'What went wrong, for people' })),
      issues: z.optional(
        z.array(
          z.object({
            path: z.string().check(z.meta({ description: 'Dotted field path' })),
            message: z.string(),
          }),
        ),
      ),
    }),
  })
  .check(z.meta({ id: 'Error' }));

// --- POST /complaints -------------------------------------------------------------------------

export const TRACK_PATH = '/complaints/track';

export const fileComplaintResponseSchema = z
  .object({
    etag: z
      .string()
      .check(
        z.meta({ description: 'The complaint number, e.g. LHR-7K3Q-F9XC', examples: ['LHR-7K3Q-F9XC'] }),
      ),
    trackingCode: z.string().check(
      z.meta({
        description: 'Secret handed out once: with the e-tag it proves ownership. Stored only as a hash.',
        examples: ['7K3Q-F9XC'],
      }),
    ),
    status: z.enum(STATUSES),
    createdAt: IsoDateTime,
    track: z.object({
      method: z.literal('POST'),
      path: z.literal(TRACK_PATH),
      description: z.string(),
    }),
  })
  .check(z.meta({ id: 'FileComplaintResponse' }));
export type FileComplaintResponse = z.output<typeof fileComplaintResponseSchema>;

// --- POST /complaints/track -------------------------------------------------------------------

/** Ownership is proved by exactly one of the tracking code or the phone number (tracking and feedback). */
export const requireOneProofOfOwnership = (
  value: { trackingCode?: unknown; phone?: unknown },
  ctx: z.core.$RefinementCtx,
): void => {
  if ((value.trackingCode === undefined) === (value.phone === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['trackingCode'],
      message: 'Give exactly one of trackingCode or phone',
    });
  }
};

export const publicTimelineEntrySchema = z.object({
  type: z.enum(EVENT_TYPES),
  at: IsoDateTime,
  /** Who acted, by role only: officers are never named or identified to the public. */
  by: z.union([z.enum(ROLES), z.literal('citizen'), z.literal('system')]),
  status: z.enum(STATUSES).check(z.meta({ description: 'Status of the complaint after this entry' })),
  fromStatus: z.optional(z.enum(STATUSES)),
  toStatus: z.optional(z.enum(STATUSES)),
  level: z
    .optional(z.enum(ROLES))
    .check(z.meta({ description: 'Level now holding the complaint (assignments, escalations)' })),
  action: z
    .optional(z.string())
    .check(z.meta({ description: 'Kind of action recorded, e.g. fir_registered' })),
  firNumber: z.optional(z.string()),
  evidence: z
    .optional(
      z.object({
        kind: z.enum(['image', 'audio', 'video', 'document', 'sticker', 'voiceNote']),
        reason: z.optional(z.string()),
      }),
    )
    .check(
      z.meta({
        description: 'For evidence entries: what was sent and, when it was not kept, why (e.g. too_large)',
      }),
    ),
  note: z.optional(z.string()),
  reason: z.optional(z.string()),
});
export type PublicTimelineEntry = z.output<typeof publicTimelineEntrySchema>;

export const complaintStatusViewSchema = z
  .object({
    etag: z.string(),
    status: z.enum(STATUSES),
    category: z.enum(CATEGORY_CODES),
    district: z.string(),
    priority: z.enum(PRIORITIES),
    channel: z.enum(CHANNELS),
    language: z.enum(LANGUAGES),
    heldBy: z.optional(z.enum(ROLES)).check(z.meta({ description: 'Level currently holding the complaint' })),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    timeline: z.array(publicTimelineEntrySchema),
    evidence: z
      .object({
        count: z.number().check(z.int(), z.nonnegative()),
        kinds: z.partialRecord(
          z.enum(['image', 'audio', 'video', 'document']),
          z.number().check(z.int(), z.positive()),
        ),
      })
      .check(
        z.meta({ description: 'What the complainant attached and Rabta kept: how many, of which kind' }),
      ),
  })
  .check(z.meta({ id: 'ComplaintStatus' }));
export type ComplaintStatusView = z.output<typeof complaintStatusViewSchema>;

// --- reference data ---------------------------------------------------------------------------

export const districtsResponseSchema = z
  .object({
    regions: z.array(z.object({ code: z.string(), en: z.string(), ur: z.string() })),
    districts: z.array(z.object({ code: z.string(), en: z.string(), ur: z.string(), region: z.string() })),
  })
  .check(z.meta({ id: 'Districts' }));

/** GET /stations?district=LHR */
export const stationsQuerySchema = z
  .strictObject({
    district: DistrictCodeInputSchema.check(z.meta({ description: 'District code, e.g. `LHR`' })),
  })
  .check(z.meta({ id: 'StationsQuery' }));

export const stationsResponseSchema = z
  .object({
    district: z.string(),
    stations: z.array(z.object({ name: z.string(), circle: z.optional(z.string()) })),
  })
  .check(z.meta({ id: 'Stations' }));

export const categoriesResponseSchema = z
  .object({
    categories: z.array(
      z.object({
        code: z.enum(CATEGORY_CODES),
        en: z.string(),
        ur: z.string(),
        defaultPriority: z.enum(PRIORITIES),
        sensitive: z.boolean(),
      }),
    ),
  })
  .check(z.meta({ id: 'Categories' }));
