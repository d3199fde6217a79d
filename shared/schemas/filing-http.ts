/**
 * Request schemas of filing (`POST /complaints`) and tracking (`POST /complaints/track`). Apart from http.ts
 * (which every function reads) because they parse phone numbers: the phone metadata reaches only the
 * functions that file or track (docs/performance.md).
 */
import * as z from '../domain/zod.ts';
import { EtagInputSchema } from '../domain/complaint.ts';
import { NewComplaintInputSchema, PhoneInputSchema } from '../domain/complaint-input.ts';
import { normalizeTrackingCode } from '../domain/etag.ts';
import { requireOneProofOfOwnership } from './http.ts';

// --- POST /complaints -------------------------------------------------------------------------

export const fileComplaintRequestSchema = NewComplaintInputSchema.check(
  z.meta({ id: 'FileComplaintRequest' }),
);

// --- POST /complaints/track -------------------------------------------------------------------

const etagField = EtagInputSchema.check(
  z.meta({
    description: 'E-tag as printed or typed (case, spaces, dashes, O/0 and I/L/1 are forgiven)',
  }),
);

const trackingCodeField = z.pipe(
  z.string().check(z.maxLength(64)),
  z.transform((value, ctx) => {
    const code = normalizeTrackingCode(value);
    if (!code) {
      return z.refuse(ctx, 'A tracking code has 8 letters and digits');
    }
    return code;
  }),
);

const phoneField = z.pipe(
  PhoneInputSchema,
  z.transform((phone) => phone.e164),
);

export const trackComplaintRequestSchema = z
  .strictObject({
    etag: etagField,
    trackingCode: z
      .optional(trackingCodeField)
      .check(z.meta({ description: 'The tracking code given at filing' })),
    phone: z
      .optional(phoneField)
      .check(z.meta({ description: 'Or: the phone number the complaint was filed with' })),
  })
  .check(z.superRefine(requireOneProofOfOwnership), z.meta({ id: 'TrackComplaintRequest' }));
export type TrackComplaintRequest = z.output<typeof trackComplaintRequestSchema>;
