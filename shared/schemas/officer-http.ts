/**
 * Request schemas of the officer API (`/officer/...`) and the citizen feedback route. Query strings
 * arrive as strings; these parse them strictly (unknown parameters are a 400, so a typo never silently
 * widens a list). The OpenAPI document is generated from them (openapi.ts).
 */
import { z } from 'zod';
import { findDistrict } from '../domain/districts.ts';
import { normalizePhone } from '../domain/complaint.ts';
import { normalizeTrackingCode, parseEtag } from '../domain/etag.ts';
import { FOLLOW_UP_STATES, followUpActionSchema } from '../domain/follow-up.ts';
import { ACTION_KINDS, lifecycleCommandSchema } from '../domain/lifecycle.ts';
import { SLA_LEVELS } from '../domain/sla.ts';
import { CATEGORY_CODES, PRIORITIES, STATUSES } from '../domain/vocabulary.ts';

const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

const districtParam = z
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

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const limitParam = z.coerce.number().int().min(1).max(100);
const cursorParam = z.string().min(1).max(8192);

export const listComplaintsQuerySchema = z
  .strictObject({
    district: districtParam.optional(),
    station: z.string().trim().min(1).max(120).optional(),
    status: z.enum(STATUSES).optional(),
    category: z.enum(CATEGORY_CODES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    overdue: booleanParam.optional(),
    from: isoTime.optional().meta({ description: 'Filed at or after (ISO 8601)' }),
    to: isoTime.optional().meta({ description: 'Filed before (ISO 8601)' }),
    limit: limitParam.optional(),
    cursor: cursorParam.optional(),
  })
  .meta({ id: 'ListComplaintsQuery' });

export const monitoringQuerySchema = z
  .strictObject({
    district: districtParam.optional(),
    region: z.string().trim().min(1).max(40).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
  })
  .meta({ id: 'MonitoringQuery' });

export const listFollowUpsQuerySchema = z
  .strictObject({
    district: districtParam.optional(),
    state: z.enum(FOLLOW_UP_STATES).optional(),
    level: z.enum(SLA_LEVELS).optional(),
    station: z.string().trim().min(1).max(120).optional(),
    officerId: z.string().trim().min(1).max(128).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    limit: limitParam.optional(),
    cursor: cursorParam.optional(),
  })
  .meta({ id: 'ListFollowUpsQuery' });

export const listAlertsQuerySchema = z
  .strictObject({
    district: districtParam.optional(),
    kind: z.enum(['warning', 'breach']).optional(),
    limit: limitParam.optional(),
    cursor: cursorParam.optional(),
  })
  .meta({ id: 'ListAlertsQuery' });

/** POST /officer/complaints/{etag}/assign */
export const assignRequestSchema = lifecycleCommandSchema.options[0]
  .omit({ type: true })
  .meta({ id: 'AssignRequest' });

/** POST /officer/complaints/{etag}/actions: an action note (what was done). */
export const actionRequestSchema = z
  .object({
    kind: z.enum(ACTION_KINDS),
    note: z.string().trim().min(1).max(2000),
    firNumber: z.string().trim().min(1).max(50).optional(),
  })
  .meta({ id: 'ActionRequest' });

/** POST /officer/complaints/{etag}/transitions: a status change (the lifecycle decides what is legal). */
export const TRANSITION_TYPES = [
  'start',
  'requestCitizenInfo',
  'resolve',
  'reject',
  'reopen',
  'close',
] as const;
export const transitionRequestSchema = z
  .object({
    type: z.enum(TRANSITION_TYPES),
    note: z.string().trim().min(1).max(2000).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .meta({ id: 'TransitionRequest' });

export const followUpActionRequestSchema = followUpActionSchema.meta({ id: 'FollowUpActionRequest' });

const etagField = z
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

/** POST /complaints/feedback: the complainant's answer, with the same proof of ownership as tracking. */
export const feedbackRequestSchema = z
  .strictObject({
    etag: etagField,
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
    satisfied: z.boolean(),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .meta({ description: 'Required when not satisfied' }),
  })
  .superRefine((value, ctx) => {
    if ((value.trackingCode === undefined) === (value.phone === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['trackingCode'],
        message: 'Give exactly one of trackingCode or phone',
      });
    }
    if (!value.satisfied && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Tell us why you are not satisfied' });
    }
  })
  .meta({ id: 'FeedbackRequest' });
