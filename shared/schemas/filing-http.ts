/**
 * Request schemas of filing (`POST /complaints`) and tracking (`POST /complaints/track`). Apart from http.ts
 * (which every function reads) because they parse phone numbers: the phone metadata reaches only the
 * functions that file or track (docs/performance.md).
 */
import * as z from 'zod';
import { EtagInputSchema } from '../domain/complaint.ts';
import { NewComplaintInputSchema, PhoneInputSchema } from '../domain/complaint-input.ts';
import { normalizeTrackingCode } from '../domain/etag.ts';
import { requireOneProofOfOwnership } from './http.ts';

// --- POST /complaints -------------------------------------------------------------------------

export const fileComplaintRequestSchema = NewComplaintInputSchema.meta({ id: 'FileComplaintRequest' });

// --- POST /complaints/track -------------------------------------------------------------------

const etagField = EtagInputSchema.meta({
  description: 'E-tag as printed or typed (case, spaces, dashes, O/0 and I/L/1 are forgiven)',
});

const trackingCodeField = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const code = normalizeTrackingCode(value);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: 'A tracking code has 8 letters and digits' });
      return z.NEVER;
    }
    return code;
  });

const phoneField = PhoneInputSchema.transform((phone) => phone.e164);

export const trackComplaintRequestSchema = z
  .strictObject({
    etag: etagField,
    trackingCode: trackingCodeField.optional().meta({ description: 'The tracking code given at filing' }),
    phone: phoneField.optional().meta({ description: 'Or: the phone number the complaint was filed with' }),
  })
  .superRefine(requireOneProofOfOwnership)
  .meta({ id: 'TrackComplaintRequest' });
export type TrackComplaintRequest = z.output<typeof trackComplaintRequestSchema>;
