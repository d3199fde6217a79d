/**
 * Conversation engine contracts: what the WhatsApp adapter hands in (normalized, never raw Meta JSON),
 * what the engine hands back (messages to send, commands for the worker to execute) and the per-citizen
 * session the worker persists between messages. Everything here is plain serializable data.
 */
import type { DistrictSuggestion } from '../domain/district-locator.ts';
import type { CategoryCode, Language, Priority, Role, Status } from '../domain/vocabulary.ts';
import type { ServiceId } from './catalog.ts';
import type { EvidenceMention } from './evidence-text.ts';

export type { Language } from '../domain/vocabulary.ts';

// ---------------------------------------------------------------- inbound

export interface InboundCitizen {
  /** Stable identity: business-scoped `user_id` when Meta sends one, else `wa_id`. */
  id: string;
  waId?: string;
  /** E.164 when known. */
  phone?: string;
  /** WhatsApp profile name. */
  name?: string;
  /** ISO 3166 alpha-2 of the phone number, when the adapter could tell. */
  country?: string;
}

interface InboundBase {
  /** Meta message id (wamid). */
  id: string;
  citizen: InboundCitizen;
  timestamp: Date;
}

export const MEDIA_KINDS = ['image', 'audio', 'video', 'document', 'sticker'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export type InboundMessage = InboundBase &
  (
    | { kind: 'text'; text: string }
    /** Reply to our list rows or reply buttons. */
    | { kind: 'interactive'; replyId: string; title: string }
    | { kind: 'location'; latitude: number; longitude: number; name?: string; address?: string }
    | { kind: 'media'; mediaKind: MediaKind; mediaId: string; mimeType?: string; caption?: string }
    | { kind: 'reaction'; emoji?: string }
    | { kind: 'contacts' }
    | { kind: 'unsupported' }
    /** Meta system notices (e.g. the customer changed number): not typed by the citizen. */
    | { kind: 'system' }
    /** Sent in a WhatsApp group the business is in: not addressed to the bot alone; never answered. */
    | { kind: 'group' }
    /** Quick reply on an approved template. */
    | { kind: 'button'; payload: string; text: string }
  );

// ---------------------------------------------------------------- outgoing

export interface ListRow {
  id: string;
  /** ≤ 24 characters. */
  title: string;
  /** ≤ 72 characters. */
  description?: string;
}

export interface ListSection {
  /** ≤ 24 characters. */
  title: string;
  rows: ListRow[];
}

export interface ReplyButton {
  id: string;
  /** ≤ 20 characters, unique within the message. */
  title: string;
}

export type OutgoingMessage =
  | { kind: 'text'; body: string }
  | { kind: 'list'; header?: string; body: string; buttonLabel: string; sections: ListSection[] }
  | { kind: 'buttons'; body: string; buttons: ReplyButton[] };

// ---------------------------------------------------------------- commands

export interface DraftLocation {
  latitude: number;
  longitude: number;
  address?: string;
}

export interface DraftAttachment {
  kind: 'image' | 'audio' | 'video' | 'document';
  mediaId: string;
  mimeType?: string;
  /** A voice note given instead of the typed description: officers must listen to it. */
  describesComplaint?: boolean;
}

export interface ComplaintDraft {
  district: string;
  category: CategoryCode;
  description: string;
  location?: DraftLocation;
  attachments: DraftAttachment[];
  complainant: { name: string; phone?: string; whatsappId: string; overseas: boolean; country?: string };
  language: Language;
  optOutOfUpdates: boolean;
  priority?: Priority;
}

export type ChatCommand =
  /** Worker files it through the same use case as the web, then replies with `renderFiled` or `renderFailure`. */
  | { kind: 'fileComplaint'; draft: ComplaintDraft }
  /** Only the caller's own complaints. Worker replies with `renderTrackResult` or `renderFailure`. */
  | { kind: 'trackComplaints'; etag?: string }
  /** Worker stores it, then replies with `renderFeedbackAck` or `renderFailure`. */
  | { kind: 'recordFeedback'; text: string; language: Language }
  /** Engine already thanked the citizen; worker replies with `renderFailure` only if storing fails. */
  | { kind: 'complaintFeedback'; etag: string; satisfied: boolean; reason?: string }
  /** `etag` absent = all of the citizen's complaints. Engine already acknowledged. */
  | { kind: 'setOptOut'; etag?: string; optOut: boolean }
  /** The citizen's answer to an officer's request for information: resumes the SLA clock. Engine thanked them. */
  | { kind: 'answerInformationRequest'; etag: string; text: string }
  /**
   * An attachment sent after filing ("add to my complaint"): to `etag`, else the citizen's newest open
   * complaint. Worker queues it for the evidence downloader (which tells the citizen) or replies with
   * `renderNoComplaintForEvidence`.
   */
  | { kind: 'addEvidence'; etag?: string; attachment: DraftAttachment };

// ---------------------------------------------------------------- session

export type ComplaintOrigin = 'crime' | 'ig' | 'harassment' | 'zainab' | 'overseas' | 'general';

export type ComplaintStep =
  'district' | 'category' | 'description' | 'location' | 'attachments' | 'followUps' | 'name' | 'confirm';

export interface ComplaintFlowDraft {
  district?: string;
  category?: CategoryCode;
  description?: string;
  location?: DraftLocation;
  attachments: DraftAttachment[];
  name?: string;
  optOutOfUpdates?: boolean;
  /** The district a location shared before the district question suggested: asked when that question comes. */
  pendingSuggestion?: DistrictSuggestion;
}

export type SubmenuId = 'khidmat';

export type FlowState =
  /** Main menu shown: a bare number picks a service. `lastService` decides where "complaint" leads. */
  | { kind: 'menu'; lastService?: ServiceId }
  | { kind: 'submenu'; menu: SubmenuId }
  /** Service 7: waiting for a district name. */
  | { kind: 'officeLookup' }
  /** Service 15: waiting for the feedback text. */
  | { kind: 'feedback' }
  /** Citizen said "not satisfied": waiting for the reason (or skip). */
  | { kind: 'satisfactionReason'; etag: string }
  /** An officer asked for information on this complaint: waiting for the citizen's answer. */
  | { kind: 'informationAnswer'; etag: string }
  /** "Add to my complaint": photos, voice notes, videos and documents go to that complaint until "done". */
  | { kind: 'addEvidence'; etag?: string }
  | {
      kind: 'complaint';
      origin: ComplaintOrigin;
      step: ComplaintStep;
      draft: ComplaintFlowDraft;
      /**
       * Open question "Is this in <district>?" after a shared location suggested a district (other than the
       * one chosen, if any). Asked before the step's own question until answered; the step stays as it was.
       */
      districtCheck?: DistrictSuggestion;
    };

export interface ChatSession {
  citizenId: string;
  language: Language;
  /** True once the citizen picked a language explicitly: detection no longer switches it. */
  languageChosen: boolean;
  flow?: FlowState;
  /** ISO. Start of Meta's 24-hour customer-service window. */
  lastInboundAt: string;
  /** ISO timestamps of recent inbound messages (flood control), newest last, bounded. */
  recentInbound: string[];
  /** ISO. When the citizen was last told to slow down (one notice per window). */
  floodNoticeAt?: string;
  /** ISO. When a sticker, contact card or unsupported message last got the short help (one per 10 min). */
  helpNoticeAt?: string;
  updatedAt: string;
}

// ---------------------------------------------------------------- renderer inputs

export interface TrackedComplaint {
  etag: string;
  status: Status;
  category: CategoryCode;
  district: string;
  /** ISO. */
  updatedAt: string;
  /** Most recent first or last; the renderer sorts by `at`. `type` is the timeline detail-type. */
  latest: { type: string; at: string; note?: string; evidence?: EvidenceMention }[];
}

export type CitizenUpdate =
  | { kind: 'assigned'; etag: string; sensitive?: boolean }
  | { kind: 'actionRecorded'; etag: string; note?: string; sensitive?: boolean }
  | { kind: 'statusChanged'; etag: string; status: Status; note?: string; sensitive?: boolean }
  /** The officer's question; the reply button `info:<etag>` lets the citizen answer in chat. */
  | { kind: 'informationRequested'; etag: string; question?: string; sensitive?: boolean }
  | { kind: 'resolved'; etag: string; note?: string; sensitive?: boolean }
  | { kind: 'reopened'; etag: string; sensitive?: boolean }
  | { kind: 'escalated'; etag: string; level: Role; district: string; sensitive?: boolean };

export interface ConverseResult {
  session: ChatSession;
  replies: OutgoingMessage[];
  commands: ChatCommand[];
}
