/**
 * Request schemas of the citizen's own routes on a filed complaint (`/complaints/feedback`,
 * `/complaints/respond`, `/complaints/evidence`), and their OpenAPI operations (merged into openapi.ts
 * OPERATIONS). Apart from http.ts: they parse phone numbers, whose metadata stays out of the officer functions.
 */
import * as z from '../domain/zod.ts';
import { EtagInputSchema, trimmedText } from '../domain/complaint.ts';
import { normalizePhone } from '../domain/phone.ts';
import { normalizeTrackingCode } from '../domain/etag.ts';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from '../domain/evidence.ts';
import { requireOneProofOfOwnership } from './http.ts';
import { errorSpec as err, rateLimitedSpec as rateLimited, type OperationSpec } from './operation-spec.ts';

/** The complainant's proof of ownership, as for tracking: the e-tag plus the tracking code or the filing phone. */
const proofFields = {
  etag: EtagInputSchema,
  trackingCode: z
    .optional(z.string().check(z.maxLength(64)))
    .check(
      z.refine(
        (v) => v === undefined || normalizeTrackingCode(v) !== undefined,
        'A tracking code has 8 letters and digits',
      ),
    ),
  phone: z
    .optional(z.string().check(z.maxLength(40)))
    .check(z.refine((v) => v === undefined || normalizePhone(v) !== undefined, 'Invalid phone number')),
};

/** POST /complaints/feedback: the complainant's answer, with the same proof of ownership as tracking. */
export const feedbackRequestSchema = z
  .strictObject({
    ...proofFields,
    satisfied: z.boolean(),
    reason: z.optional(trimmedText(1, 2000)).check(z.meta({ description: 'Required when not satisfied' })),
  })
  .check(
    z.superRefine((value, ctx) => {
      requireOneProofOfOwnership(value, ctx);
      if (!value.satisfied && !value.reason) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Tell us why you are not satisfied' });
      }
    }),
    z.meta({ id: 'FeedbackRequest' }),
  );

/** POST /complaints/respond: the complainant answers an officer's request for information. */
export const informationAnswerRequestSchema = z
  .strictObject({ ...proofFields, message: trimmedText(1, 5000) })
  .check(
    z.superRefine((value, ctx) => requireOneProofOfOwnership(value, ctx)),
    z.meta({ id: 'InformationAnswerRequest' }),
  );

const EVIDENCE_CONTENT_TYPES = Object.values(EVIDENCE_TYPES).flatMap((t) => t.types) as [string, ...string[]];

/** POST /complaints/evidence: a presigned upload for one file, for the owner of the complaint. */
export const evidenceUploadRequestSchema = z
  .strictObject({
    ...proofFields,
    contentType: z
      .enum(EVIDENCE_CONTENT_TYPES)
      .check(z.meta({ description: 'The file’s type (allow-list)' })),
    bytes: z.number().check(
      z.int(),
      z.gte(1),
      z.lte(MAX_EVIDENCE_BYTES),
      z.meta({
        description: 'The file’s exact size; images up to 5 MB, audio and video 16 MB, documents 100 MB',
      }),
    ),
    fileName: z.optional(trimmedText(1, 200)),
    describesComplaint: z.optional(
      z.boolean().check(
        z.meta({
          description:
            'True for a voice note (audio only) that is the complaint’s description: officers are told they must listen to it',
        }),
      ),
    ),
  })
  .check(
    z.superRefine((value, ctx) => requireOneProofOfOwnership(value, ctx)),
    z.meta({ id: 'EvidenceUploadRequest' }),
  );

/** POST /complaints/evidence/confirm: the file is uploaded; check and record it. */
export const evidenceConfirmRequestSchema = z
  .strictObject({
    ...proofFields,
    uploadId: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'An upload id')),
  })
  .check(
    z.superRefine((value, ctx) => requireOneProofOfOwnership(value, ctx)),
    z.meta({ id: 'EvidenceConfirmRequest' }),
  );

export const CITIZEN_OPERATIONS: Record<string, OperationSpec> = {
  'POST /complaints/evidence': {
    summary: 'Start uploading a photo, audio, video or document to the complainant’s own complaint',
    description:
      'Proof of ownership as for tracking. Answers a presigned S3 POST (`url` and `fields`: send the fields, then the file, as multipart/form-data) valid for a few minutes, for exactly this content type and size, at a key the server chose. Then call POST /complaints/evidence/confirm.',
    request: { name: 'EvidenceUploadRequest', schema: evidenceUploadRequestSchema },
    responses: {
      '201': { description: '`{ uploadId, url, fields, expiresAt }`' },
      '400': err('Invalid fields, a type not accepted, or a file too large for its type'),
      '404': err('No complaint matches this e-tag and proof'),
      '429': rateLimited('Too many uploads for this complaint, or too many wrong proofs for this e-tag'),
    },
  },
  'POST /complaints/evidence/confirm': {
    summary: 'Check and record an uploaded file with the complaint',
    description:
      'The bytes are checked like a WhatsApp attachment (real type from the bytes, allow-list, size, upload expiry) and recorded once with their SHA-256; confirming again answers the same record with `recorded: false`. A refused file is deleted and nothing is recorded.',
    request: { name: 'EvidenceConfirmRequest', schema: evidenceConfirmRequestSchema },
    responses: {
      '200': { description: '`{ recorded, evidence }`' },
      '400': err('Invalid fields, or the file was refused (the issue says why)'),
      '404': err('No complaint matches this e-tag and proof, or no such upload for it'),
      '409': err('Nothing has been uploaded yet for this upload id'),
      '429': rateLimited('Too many uploads for this complaint, or too many wrong proofs for this e-tag'),
    },
  },
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
      '429': rateLimited('Too many wrong proofs for this e-tag'),
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
      '429': rateLimited('Too many wrong proofs for this e-tag'),
    },
  },
};
