/**
 * Request schemas of the citizen's own routes on a filed complaint (`/complaints/feedback`,
 * `/complaints/respond`), and their OpenAPI operations (merged into openapi.ts OPERATIONS).
 */
import * as z from 'zod';
import { EtagInputSchema, normalizePhone, trimmedText } from '../domain/complaint.ts';
import { normalizeTrackingCode } from '../domain/etag.ts';
import { requireOneProofOfOwnership } from './http.ts';
import { errorSpec as err, type OperationSpec } from './operation-spec.ts';

/** The complainant's proof of ownership, as for tracking: the e-tag plus the tracking code or the filing phone. */
const proofFields = {
  etag: EtagInputSchema,
  trackingCode: z
    .string()
    .max(64)
    .optional()
    .refine(
      (v) => v === undefined || normalizeTrackingCode(v) !== undefined,
      'A tracking code has 8 letters and digits',
    ),
  phone: z
    .string()
    .max(40)
    .optional()
    .refine((v) => v === undefined || normalizePhone(v) !== undefined, 'Invalid phone number'),
};

/** POST /complaints/feedback: the complainant's answer, with the same proof of ownership as tracking. */
export const feedbackRequestSchema = z
  .strictObject({
    ...proofFields,
    satisfied: z.boolean(),
    reason: trimmedText(1, 2000).optional().meta({ description: 'Required when not satisfied' }),
  })
  .superRefine((value, ctx) => {
    requireOneProofOfOwnership(value, ctx);
    if (!value.satisfied && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Tell us why you are not satisfied' });
    }
  })
  .meta({ id: 'FeedbackRequest' });

/** POST /complaints/respond: the complainant answers an officer's request for information. */
export const informationAnswerRequestSchema = z
  .strictObject({ ...proofFields, message: trimmedText(1, 5000) })
  .superRefine((value, ctx) => requireOneProofOfOwnership(value, ctx))
  .meta({ id: 'InformationAnswerRequest' });

export const CITIZEN_OPERATIONS: Record<string, OperationSpec> = {
  'POST /complaints/feedback': {
    summary: 'The complainant says whether the resolved complaint satisfied them',
    description:
      'Proof of ownership as for tracking. Satisfied → closed; not satisfied (reason required) → reopened one level up the chain.',
    request: { name: 'FeedbackRequest', schema: feedbackRequestSchema },
    responses: {
      '200': { description: '`{ etag, status, heldBy? }`' },
      '400': err('Invalid fields'),
      '404': err('No complaint matches this e-tag and proof'),
      '409': err('The complaint is not resolved'),
    },
  },
  'POST /complaints/respond': {
    summary: "The complainant answers an officer's request for information",
    description:
      'Proof of ownership as for tracking. The answer goes into the timeline, the complaint returns to the officer (in progress) and the paused SLA clock resumes.',
    request: { name: 'InformationAnswerRequest', schema: informationAnswerRequestSchema },
    responses: {
      '200': { description: '`{ etag, status }`' },
      '400': err('Invalid fields'),
      '404': err('No complaint matches this e-tag and proof'),
      '409': err('The complaint is not awaiting the citizen'),
    },
  },
};
