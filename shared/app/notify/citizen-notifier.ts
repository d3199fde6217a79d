/**
 * Tells the citizen about one complaint event on WhatsApp, in their language (issue 4 item 4).
 *
 * - Deduplication: each message goes through `deliver` under the id `notify#<timelineItemId>#<n>`, whose
 *   outbound record is written before sending, so a redelivered event sends nothing twice.
 * - Never to a citizen who opted out (sensitive categories default to opted out).
 * - Recipient: the WhatsApp identity that filed it, else the phone number as wa_id (web complaints with a
 *   phone number get updates the same way; outside the 24-hour window that is a template).
 * - Inside the window: free-form text (and the satisfaction question as reply buttons on resolve);
 *   outside: the approved template carrying the same text.
 */
import { renderCitizenUpdate } from '../../chat/render.ts';
import type { CitizenUpdate, OutgoingMessage } from '../../chat/types.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { isForCitizen } from '../../domain/lifecycle.ts';
import type { Language } from '../../domain/vocabulary.ts';
import { findCategory } from '../../domain/categories.ts';
import { isEventType, parseEventDetail, type BusEvent, type EventType } from '../../schemas/events/index.ts';
import type { Clock, ComplaintRepository, TimelineEntry } from '../ports.ts';
import { eventOfTimelineEntry } from '../publish-timeline.ts';
import { deliver, type DeliverDeps } from '../whatsapp/deliver.ts';
import { graphRecipientOf } from '../whatsapp/identity.ts';
import type { GraphRecipient, SessionPort } from '../whatsapp/ports.ts';
import { optInRequest, optInRequestId, type OptInPort } from './opt-in.ts';

export interface CitizenNotifierDeps extends DeliverDeps {
  complaints: Pick<ComplaintRepository, 'get' | 'getWithTimeline'>;
  sessions: SessionPort;
  optIns: OptInPort;
  clock: Clock;
}

/**
 * How long an update waits for an earlier one of the same complaint that is still unsent. The queue is not
 * FIFO, so two actions a moment apart can be handled in either order; past this, an earlier update that never
 * went out (e.g. in the DLQ) no longer holds the later ones back.
 */
export const EARLIER_UPDATE_WAIT_MS = 5 * 60_000;

/** A later update found an earlier one of its complaint unsent: retried by SQS, so the citizen reads them in order. */
export class EarlierUpdatePendingError extends Error {
  override name = 'EarlierUpdatePendingError';
}

export type { BusEvent };

export type NotifyOutcome =
  | { outcome: 'sent'; messages: number }
  | {
      outcome: 'skipped';
      reason:
        'not-a-citizen-event' | 'missing' | 'opted-out' | 'no-recipient' | 'already-told' | 'awaiting-opt-in';
    };

export interface CitizenRecipient {
  citizenId: string;
  to: GraphRecipient;
}

/**
 * The phone number (wa_id digits) that must opt in before it hears anything: a complaint filed on the web or
 * the API names a number nobody has proven to own. Filings over WhatsApp come from the number itself.
 */
const numberAwaitingProof = (complaint: Complaint, recipient: CitizenRecipient): string | undefined =>
  complaint.complainant.whatsappId ? undefined : recipient.to.waId;

/**
 * Who to write to: the filing identity (a phone-number WhatsApp id as `to`, a business-scoped id as
 * `recipient`), else the phone number without its `+`.
 */
export const citizenRecipient = (complaint: Complaint): CitizenRecipient | undefined => {
  const { whatsappId } = complaint.complainant;
  const filedAs = whatsappId ? graphRecipientOf(whatsappId) : undefined;
  if (whatsappId && filedAs) return { citizenId: whatsappId, to: filedAs };
  const digits = (complaint.complainant.phone ?? '').replace(/^\+/, '');
  return /^\d{7,15}$/.test(digits) ? { citizenId: whatsappId || digits, to: { waId: digits } } : undefined;
};

/**
 * What the citizen may read of one timeline entry: its note (or a rejection's reason) unless marked internal,
 * with the FIR number when an FIR was registered: that number is what the complainant needs (it is only in
 * the entry's data, not in the note), whoever may read the note.
 */
export const citizenNoteFor = (
  entry: Pick<TimelineEntry, 'note' | 'reason' | 'noteVisibility' | 'data'> | undefined,
  language: Language,
): string | undefined => {
  const text = entry && isForCitizen(entry) ? (entry.note ?? entry.reason) : undefined;
  const firNumber = entry?.data?.firNumber;
  if (typeof firNumber !== 'string' || firNumber.trim() === '' || text?.includes(firNumber)) {
    return text;
  }
  const label = language === 'en' ? `FIR no. ${firNumber}` : `ایف آئی آر نمبر: ${firNumber}`;
  // First, so clipping a long note never drops it.
  return text ? `${label}\n${text}` : label;
};

/** The renderer's input for one event; undefined when the citizen need not hear about it. */
export const citizenUpdateFor = (
  detailType: EventType,
  detail: unknown,
  complaint: Complaint,
  note: string | undefined,
): CitizenUpdate | undefined => {
  const sensitive = findCategory(complaint.category)?.sensitive ?? false;
  const base = { etag: complaint.etag, ...(sensitive ? { sensitive } : {}) };
  switch (detailType) {
    case 'ComplaintFiled':
      // WhatsApp filings were confirmed in the conversation; web/API filings hear it here.
      return complaint.channel === 'whatsapp'
        ? undefined
        : { kind: 'statusChanged', ...base, status: 'received' };
    case 'ComplaintAssigned':
      return { kind: 'assigned', ...base };
    case 'ComplaintActionRecorded':
      return { kind: 'actionRecorded', ...base, ...(note ? { note } : {}) };
    case 'ComplaintStatusChanged': {
      const { toStatus: to } = parseEventDetail('ComplaintStatusChanged', detail);
      if (to === 'resolved') return { kind: 'resolved', ...base, ...(note ? { note } : {}) };
      if (to === 'awaiting_citizen') {
        return { kind: 'informationRequested', ...base, ...(note ? { question: note } : {}) };
      }
      return { kind: 'statusChanged', ...base, status: to, ...(note && !sensitive ? { note } : {}) };
    }
    case 'ComplaintReopened':
      return { kind: 'reopened', ...base };
    case 'ComplaintSlaBreached': {
      const { toLevel } = parseEventDetail('ComplaintSlaBreached', detail);
      return { kind: 'escalated', ...base, level: toLevel, district: complaint.district };
    }
    default:
      return undefined;
  }
};

/** True when an earlier, recent timeline entry of the complaint owes the citizen an update not yet begun. */
const earlierUpdatePending = async (
  deps: CitizenNotifierDeps,
  complaint: Complaint,
  timeline: readonly TimelineEntry[],
  entry: TimelineEntry,
  now: Date,
): Promise<boolean> => {
  // Timeline item ids share the complaint's prefix and then sort by time and sequence.
  const earlier = timeline.filter(
    (t) => t.id < entry.id && now.getTime() - Date.parse(t.at) < EARLIER_UPDATE_WAIT_MS,
  );
  for (const previous of earlier) {
    let owed: CitizenUpdate | undefined;
    try {
      const { detailType, detail } = eventOfTimelineEntry(previous);
      owed = citizenUpdateFor(detailType, detail, complaint, undefined);
    } catch {
      // An entry the publisher could not announce either: nothing was owed for it.
      continue;
    }
    if (!owed) continue;
    if (await deps.outbound.find(`notify#${previous.id}#0`)) continue;
    // A web filing made before its number opted in was answered by the opt-in question instead.
    const recipient = citizenRecipient(complaint);
    const number = recipient && numberAwaitingProof(complaint, recipient);
    if (previous.type === 'ComplaintFiled' && number && (await deps.outbound.find(optInRequestId(number)))) {
      continue;
    }
    return true;
  }
  return false;
};

/** A number not yet opted in hears one confirmation question (on its first filing), and nothing else. */
const askOptIn = async (
  deps: CitizenNotifierDeps,
  detailType: EventType,
  complaint: Complaint,
  recipient: CitizenRecipient,
  number: string,
): Promise<NotifyOutcome> => {
  if (detailType !== 'ComplaintFiled') return { outcome: 'skipped', reason: 'awaiting-opt-in' };
  const outcome = await deliver(deps, {
    outboundId: optInRequestId(number),
    citizenId: recipient.citizenId,
    recipient: { waId: number },
    message: optInRequest(complaint.language, complaint.etag),
    // Business-initiated: always the approved template.
    windowStart: undefined,
    now: deps.clock.now(),
  });
  return outcome === 'sent'
    ? { outcome: 'sent', messages: 1 }
    : { outcome: 'skipped', reason: 'awaiting-opt-in' };
};

export const notifyCitizen = async (deps: CitizenNotifierDeps, event: BusEvent): Promise<NotifyOutcome> => {
  const detailType = event['detail-type'];
  if (!isEventType(detailType)) return { outcome: 'skipped', reason: 'not-a-citizen-event' };
  const envelope = parseEventDetail(detailType, event.detail);
  const found = await deps.complaints.getWithTimeline(envelope.etag);
  if (!found) return { outcome: 'skipped', reason: 'missing' };
  const { complaint, timeline } = found;
  if (complaint.optOutOfUpdates) return { outcome: 'skipped', reason: 'opted-out' };
  const recipient = citizenRecipient(complaint);
  if (!recipient) return { outcome: 'skipped', reason: 'no-recipient' };
  const number = numberAwaitingProof(complaint, recipient);
  if (number && !(await deps.optIns.isGranted(number))) {
    return askOptIn(deps, detailType, complaint, recipient, number);
  }
  // Officers' notes reach the citizen only through the citizen-visible note of the very entry announced.
  const entry = timeline.find((t) => t.id === envelope.timelineItemId);
  const update = citizenUpdateFor(
    detailType,
    event.detail,
    complaint,
    citizenNoteFor(entry, complaint.language),
  );
  if (!update) return { outcome: 'skipped', reason: 'not-a-citizen-event' };

  const now = deps.clock.now();
  if (entry && (await earlierUpdatePending(deps, complaint, timeline, entry, now))) {
    throw new EarlierUpdatePendingError(`An earlier update of ${complaint.etag} has not been sent yet`);
  }

  const messages: OutgoingMessage[] = renderCitizenUpdate(complaint.language, update);
  const session = await deps.sessions.load(recipient.citizenId);
  const windowStart = session ? new Date(session.lastInboundAt) : undefined;
  let sent = 0;
  for (const [index, message] of messages.entries()) {
    const outcome = await deliver(deps, {
      outboundId: `notify#${envelope.timelineItemId}#${index}`,
      citizenId: recipient.citizenId,
      recipient: recipient.to,
      message,
      windowStart: Number.isNaN(windowStart?.getTime()) ? undefined : windowStart,
      now,
    });
    if (outcome === 'sent') sent++;
  }
  return sent > 0 ? { outcome: 'sent', messages: sent } : { outcome: 'skipped', reason: 'already-told' };
};
