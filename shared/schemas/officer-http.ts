/**
 * Request schemas of the officer API (`/officer/...`). Query strings arrive as strings; these parse
 * them strictly (unknown parameters are a 400, so a typo never silently widens a list). The OpenAPI document is generated from them (officer-openapi.ts).
 */
import * as z from '../domain/zod.ts';
import { DistrictCodeInputSchema, IsoDateTime, trimmedText } from '../domain/complaint.ts';
import { lineText } from '../domain/text.ts';
import { FOLLOW_UP_STATES, followUpActionSchema } from '../domain/follow-up.ts';
import { ACTION_KINDS, NOTE_VISIBILITIES, lifecycleCommandSchema } from '../domain/lifecycle.ts';
import { ALERT_KINDS, SLA_LEVELS } from '../domain/sla.ts';
import { CATEGORY_CODES, PRIORITIES, STATUSES } from '../domain/vocabulary.ts';

const isoTime = z.pipe(
  IsoDateTime,
  z.transform((v) => new Date(v).toISOString()),
);

const booleanParam = z.pipe(
  z.enum(['true', 'false']),
  z.transform((v) => v === 'true'),
);
const limitParam = z.coerce.number().check(z.int(), z.gte(1), z.lte(100));
const cursorParam = z.string().check(z.minLength(1), z.maxLength(8192));

export const listComplaintsQuerySchema = z
  .strictObject({
    district: z.optional(DistrictCodeInputSchema),
    station: z.optional(lineText(1, 120)),
    status: z.optional(z.enum(STATUSES)),
    category: z.optional(z.enum(CATEGORY_CODES)),
    priority: z.optional(z.enum(PRIORITIES)),
    overdue: z.optional(booleanParam),
    from: z.optional(isoTime).check(z.meta({ description: 'Filed at or after (ISO 8601)' })),
    to: z.optional(isoTime).check(z.meta({ description: 'Filed before (ISO 8601)' })),
    limit: z.optional(limitParam),
    cursor: z.optional(cursorParam),
  })
  .check(z.meta({ id: 'ListComplaintsQuery' }));

export const monitoringQuerySchema = z
  .strictObject({
    district: z.optional(DistrictCodeInputSchema),
    region: z.optional(lineText(1, 40)),
    from: z.optional(isoTime),
    to: z.optional(isoTime),
    /** `csv`: the same figures as a spreadsheet, one row per district, region and the province. */
    format: z.optional(z.enum(['json', 'csv'])),
  })
  .check(z.meta({ id: 'MonitoringQuery' }));

export const serviceFeedbackQuerySchema = z
  .strictObject({
    from: z.optional(isoTime).check(z.meta({ description: 'Received at or after (ISO 8601)' })),
    to: z.optional(isoTime).check(z.meta({ description: 'Received before (ISO 8601)' })),
    limit: z.optional(limitParam),
    cursor: z.optional(cursorParam),
  })
  .check(z.meta({ id: 'ServiceFeedbackQuery' }));

export const listFollowUpsQuerySchema = z
  .strictObject({
    district: z.optional(DistrictCodeInputSchema),
    state: z.optional(z.enum(FOLLOW_UP_STATES)),
    level: z.optional(z.enum(SLA_LEVELS)),
    station: z.optional(lineText(1, 120)),
    officerId: z.optional(lineText(1, 128)),
    from: z.optional(isoTime),
    to: z.optional(isoTime),
    limit: z.optional(limitParam),
    cursor: z.optional(cursorParam),
  })
  .check(z.meta({ id: 'ListFollowUpsQuery' }));

export const listAlertsQuerySchema = z
  .strictObject({
    district: z.optional(DistrictCodeInputSchema),
    kind: z.optional(z.enum(ALERT_KINDS)),
    limit: z.optional(limitParam),
    cursor: z.optional(cursorParam),
  })
  .check(z.meta({ id: 'ListAlertsQuery' }));

/** POST /officer/complaints/{etag}/assign */
export const assignRequestSchema = z
  .omit(lifecycleCommandSchema.def.options[0], { type: true })
  .check(z.meta({ id: 'AssignRequest' }));

const visibility = z.optional(z.enum(NOTE_VISIBILITIES)).check(
  z.meta({
    description:
      'Who may read the note (or reason): `internal` (officers only; the default) or `citizen` (WhatsApp updates and tracking too). A question to the citizen and a rejection reason are always `citizen`.',
  }),
);

/** POST /officer/complaints/{etag}/actions: an action note (what was done). */
export const actionRequestSchema = z
  .object({
    kind: z.enum(ACTION_KINDS),
    note: trimmedText(1, 2000),
    firNumber: z.optional(lineText(1, 50)),
    visibility,
  })
  .check(z.meta({ id: 'ActionRequest' }));

/** POST /officer/complaints/{etag}/transitions: a status change (the lifecycle decides what is legal). */
export const TRANSITION_TYPES = [
  'start',
  'requestCitizenInfo',
  'resolve',
  'reject',
  'reopen',
  'close',
  'takeAndStart',
] as const;
export const transitionRequestSchema = z
  .object({
    type: z.enum(TRANSITION_TYPES),
    note: z.optional(trimmedText(1, 2000)),
    reason: z.optional(trimmedText(1, 2000)),
    visibility,
  })
  .check(z.meta({ id: 'TransitionRequest' }));

/** GET /officer/monitoring/officers: one officer's figures (built by app/officer/officer-figures.ts). */
export interface OfficerBreachFigures {
  serviceNumber: string;
  /** From the follow-up record (absent on follow-ups opened before the force directory named officers). */
  name?: string;
  rank?: string;
  /** Posts the breaches were against (labels), and their districts. */
  posts: string[];
  districts: string[];
  breaches: number;
  byPhase: { first_action: number; resolution: number };
  /** Follow-ups on these breaches not closed yet. */
  openFollowUps: number;
  /** Median minutes the complaint waited with the officer's post before the breach; null when unknown. */
  medianDelayMinutes: number | null;
}

export interface OfficerFiguresReport {
  period: { from: string; to: string };
  generatedAt: string;
  /** Most breaches first, then the longest median delay. */
  officers: OfficerBreachFigures[];
  /** Breaches against posts nobody held when the deadline passed. */
  vacant: { breaches: number; posts: string[] };
  /** Breaches that name neither an officer nor a vacancy (older data without the force directory). */
  unattributed: number;
  itemsRead: number;
  truncated: boolean;
}

export const followUpActionRequestSchema = followUpActionSchema.check(
  z.meta({ id: 'FollowUpActionRequest' }),
);
