/**
 * Items of the application table as stored. Every item read back is parsed with these before it
 * reaches the domain; a malformed item fails loudly instead of leaking half-valid state.
 */
import * as z from '../domain/zod.ts';
import { ComplaintSchema, type Complaint } from '../domain/complaint.ts';
import { NOTE_VISIBILITIES } from '../domain/lifecycle.ts';
import { ROLES, STATUSES } from '../domain/vocabulary.ts';
import { EVENT_TYPES } from './events/index.ts';

export const COMPLAINT_ENTITY = 'complaint';
export const TIMELINE_ENTITY = 'timeline';

/** The complaint META item: the complaint itself plus keys (index attributes are ignored on read). */
export const complaintItemSchema = z.extend(ComplaintSchema, {
  pk: z.string().check(z.startsWith('C#')),
  sk: z.literal('META'),
  entity: z.literal(COMPLAINT_ENTITY),
});

export const parseComplaintItem = (item: unknown): Complaint => {
  const { pk: _pk, sk: _sk, entity: _entity, ...complaint } = complaintItemSchema.parse(item);
  return complaint;
};

const isoTime = z.iso.datetime({ offset: true });

export const timelineActorSchema = z.object({
  kind: z.enum(['officer', 'citizen', 'system']),
  id: z.optional(z.string()),
  role: z.optional(z.enum(ROLES)),
});

/** One immutable timeline entry (`C#<etag>` / `T#<iso>#<seq>`): the audit trail and the outbox. */
export const timelineEntrySchema = z.object({
  /** Globally unique: `<etag>#<iso>#<seq>`. Events carry it as `timelineItemId`. */
  id: z.string().check(z.minLength(1)),
  etag: z.string().check(z.minLength(1)),
  type: z.enum(EVENT_TYPES),
  at: isoTime,
  /** District and status of the complaint right after this change (events are routed by them). */
  district: z.string().check(z.minLength(1)),
  status: z.enum(STATUSES),
  actor: timelineActorSchema,
  fromStatus: z.optional(z.enum(STATUSES)),
  toStatus: z.optional(z.enum(STATUSES)),
  note: z.optional(z.string()),
  reason: z.optional(z.string()),
  /** Who may read `note`/`reason`; absent on entries written before notes were marked (citizen-visible). */
  noteVisibility: z.optional(z.enum(NOTE_VISIBILITIES)),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

export const timelineItemSchema = z.extend(timelineEntrySchema, {
  pk: z.string().check(z.startsWith('C#')),
  sk: z.string().check(z.startsWith('T#')),
  entity: z.literal(TIMELINE_ENTITY),
});

export const parseTimelineItem = (item: unknown): TimelineEntry => {
  const { pk: _pk, sk: _sk, entity: _entity, ...entry } = timelineItemSchema.parse(item);
  return entry;
};
