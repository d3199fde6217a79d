/**
 * Event details on the bus (source `rabta.complaints`), one schema per detail-type.
 *
 * Each detail carries the common envelope (schema version, e-tag, timeline item id for consumers to
 * deduplicate on, time, district) plus the few fields its consumers need, and no personal data: a
 * consumer that must reach the citizen reads the complaint by its e-tag. The publisher parses every
 * detail with these schemas, which drop unknown fields, so a field reaches the bus only once it is
 * named here. Adding an optional field keeps `schemaVersion: 1`; removing or changing one needs 2.
 */
import * as z from '../../domain/zod.ts';
import { CATEGORY_CODES, CHANNELS, LANGUAGES, PRIORITIES, ROLES, STATUSES } from '../../domain/vocabulary.ts';

/** The bus `source` of every Rabta event; infra's rules match on it. */
export const EVENT_SOURCE = 'rabta.complaints';

/** An EventBridge event as a bus rule delivers it to a queue; consumers parse `detail` by its type. */
export const busEventSchema = z.object({
  'detail-type': z.string().check(z.minLength(1)),
  detail: z.unknown(),
});
export type BusEvent = z.output<typeof busEventSchema>;

export const EVENT_TYPES = [
  'ComplaintFiled',
  'ComplaintAssigned',
  'ComplaintStatusChanged',
  'ComplaintActionRecorded',
  'ComplaintSlaWarning',
  'ComplaintSlaBreached',
  'ComplaintReopened',
  'FeedbackReceived',
  'EvidenceAdded',
  'EvidenceNotKept',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const isoTime = z.iso.datetime({ offset: true });
const status = z.enum(STATUSES);
const role = z.enum(ROLES);
const slaPhase = z.enum(['first_action', 'resolution']);

/** Fields every detail carries. */
export const eventEnvelopeSchema = z.object({
  schemaVersion: z.literal(1),
  etag: z.string().check(z.minLength(1)),
  /** Unique per timeline entry; consumers deduplicate on it (the bus delivers at least once). */
  timelineItemId: z.string().check(z.minLength(1)),
  occurredAt: isoTime,
  district: z.string().check(z.minLength(1)),
});

export const complaintFiledSchema = z.extend(eventEnvelopeSchema, {
  category: z.enum(CATEGORY_CODES),
  priority: z.enum(PRIORITIES),
  channel: z.enum(CHANNELS),
  language: z.enum(LANGUAGES),
  status,
  /** The citizen has a WhatsApp identity and did not opt out of updates. */
  canMessageCitizen: z.boolean(),
  /** Discreet handling (gender-based harassment and the like). */
  sensitive: z.boolean(),
});

export const complaintAssignedSchema = z.extend(eventEnvelopeSchema, {
  level: role,
  previousLevel: z.optional(role),
  station: z.optional(z.string()),
  status,
});

export const complaintStatusChangedSchema = z.extend(eventEnvelopeSchema, {
  fromStatus: status,
  toStatus: status,
  /** Closed by the system (e.g. no feedback in time), not by a person. */
  automatic: z.optional(z.boolean()),
});

export const complaintActionRecordedSchema = z.extend(eventEnvelopeSchema, {
  /** Kind of action (`called_complainant`, `fir_registered`, ...); the note stays in the timeline. */
  kind: z.string().check(z.minLength(1)),
  firNumber: z.optional(z.string()),
  status,
});

export const complaintSlaWarningSchema = z.extend(eventEnvelopeSchema, {
  /** The level holding the complaint, whose time is running out. */
  level: role,
  phase: slaPhase,
  dueAt: isoTime,
});

export const complaintSlaBreachedSchema = z.extend(eventEnvelopeSchema, {
  /** The level that let the time run out. */
  fromLevel: role,
  /** The level now holding the complaint. */
  toLevel: role,
  phase: slaPhase,
  dueAt: isoTime,
  newDueAt: z.optional(isoTime),
  breachNumber: z.optional(z.number().check(z.int(), z.positive())),
});

export const complaintReopenedSchema = z.extend(eventEnvelopeSchema, {
  fromLevel: z.optional(role),
  toLevel: role,
  status,
});

export const feedbackReceivedSchema = z.extend(eventEnvelopeSchema, {
  satisfied: z.boolean(),
});

const evidenceKind = z.enum(['image', 'audio', 'video', 'document', 'sticker']);

/** A photo, voice note, video or document stored with the complaint (never its content or file name). */
export const evidenceAddedSchema = z.extend(eventEnvelopeSchema, {
  evidenceId: z.string().check(z.minLength(1)),
  kind: evidenceKind,
  source: z.enum(['whatsapp', 'web']),
  bytes: z.number().check(z.int(), z.nonnegative()),
  /** The voice note is the complaint's description: officers must listen to it. */
  describesComplaint: z.optional(z.boolean()),
});

/** Evidence the citizen sent that was refused (type, size) or could not be fetched from Meta. */
export const evidenceNotKeptSchema = z.extend(eventEnvelopeSchema, {
  evidenceId: z.string().check(z.minLength(1)),
  kind: z.optional(evidenceKind),
  source: z.enum(['whatsapp', 'web']),
  reason: z.string().check(z.minLength(1)),
});

export const EVENT_DETAIL_SCHEMAS = {
  ComplaintFiled: complaintFiledSchema,
  ComplaintAssigned: complaintAssignedSchema,
  ComplaintStatusChanged: complaintStatusChangedSchema,
  ComplaintActionRecorded: complaintActionRecordedSchema,
  ComplaintSlaWarning: complaintSlaWarningSchema,
  ComplaintSlaBreached: complaintSlaBreachedSchema,
  ComplaintReopened: complaintReopenedSchema,
  FeedbackReceived: feedbackReceivedSchema,
  EvidenceAdded: evidenceAddedSchema,
  EvidenceNotKept: evidenceNotKeptSchema,
} as const satisfies Record<EventType, z.ZodMiniType>;

export type EventDetail<T extends EventType> = z.output<(typeof EVENT_DETAIL_SCHEMAS)[T]>;
export type EventEnvelope = z.output<typeof eventEnvelopeSchema>;
/** The type-specific part of a detail: what a use case puts in a timeline draft's `detail`. */
export type EventSpecificFields<T extends EventType> = Omit<EventDetail<T>, keyof EventEnvelope>;

/** An event as it goes on (and comes off) the bus. */
export interface DomainEvent<T extends EventType = EventType> {
  detailType: T;
  detail: EventDetail<T>;
}

/** Parses a detail of the given type; consumers use it on `event.detail` (throws ZodError when invalid). */
export const parseEventDetail = <T extends EventType>(detailType: T, detail: unknown): EventDetail<T> =>
  EVENT_DETAIL_SCHEMAS[detailType].parse(detail) as EventDetail<T>;

export const isEventType = (value: string): value is EventType =>
  (EVENT_TYPES as readonly string[]).includes(value);
