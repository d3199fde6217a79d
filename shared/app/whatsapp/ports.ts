/** Ports of the WhatsApp use cases; adapters implement them, tests fake them in memory. */
import type { ChatCommand, ChatSession, OutgoingMessage } from '../../chat/types.ts';
import type { InboundQueueItem } from '../../schemas/whatsapp.ts';

// --- sending ---------------------------------------------------------------------------------

/** Who to send to: the phone-based WhatsApp id when known, else the business-scoped user id. */
export interface GraphRecipient {
  readonly waId?: string;
  readonly userId?: string;
}

/**
 * One message to a citizen as the app hands it to the Graph API port: free-form text, an interactive list
 * or reply buttons inside the 24-hour window, the approved template outside it. The adapter checks Meta's
 * limits (shared/chat/limits.ts) before sending.
 */
export type GraphMessage =
  | { type: 'text'; body: string }
  | {
      type: 'list';
      body: string;
      button: string;
      header?: string;
      footer?: string;
      sections: { title: string; rows: { id: string; title: string; description?: string }[] }[];
    }
  | {
      type: 'buttons';
      body: string;
      header?: string;
      footer?: string;
      buttons: { id: string; title: string }[];
    }
  | { type: 'template'; name: string; language: string; bodyParameters?: string[] };

/** Meta's WhatsApp Cloud API; failures are GraphApiError (errors.ts). */
export interface GraphPort {
  /** Sends one message; resolves with Meta's message id (wamid). */
  send(to: GraphRecipient, message: GraphMessage): Promise<{ wamid: string }>;
  markAsRead(messageId: string): Promise<void>;
}

export interface WebhookSecrets {
  readonly appSecret: string;
  readonly verifyToken: string;
}

export interface InboundQueuePort {
  enqueue(items: readonly InboundQueueItem[]): Promise<void>;
}

// --- worker ----------------------------------------------------------------------------------

/** What the engine decided for one inbound message; stored so a retry resumes it, never re-decides. */
export interface TurnPlan {
  readonly replies: OutgoingMessage[];
  readonly commands: ChatCommand[];
}

export type ClaimResult =
  /** This worker (`owner`) leases the message now; `plan` is set when an earlier attempt got that far. */
  | { outcome: 'claimed'; owner: string; plan?: TurnPlan; commandReplies: Record<number, OutgoingMessage[]> }
  /** Processed before: nothing to do. */
  | { outcome: 'done' }
  /** Another worker holds a live claim: retry later. */
  | { outcome: 'busy' };

export interface ProcessedMessagePort {
  claim(messageId: string, now: Date): Promise<ClaimResult>;
  commitTurn(messageId: string, session: ChatSession, plan: TurnPlan, now: Date): Promise<void>;
  saveCommandReplies(messageId: string, index: number, replies: OutgoingMessage[]): Promise<void>;
  complete(messageId: string, now: Date): Promise<void>;
  /** Gives the lease back after a failure, so the queue's retry claims it at once (only if `owner` holds it). */
  release(messageId: string, owner: string): Promise<void>;
}

export interface SessionPort {
  load(citizenId: string): Promise<ChatSession | undefined>;
}

export const OUTBOUND_STATES = ['pending', 'sent', 'delivered', 'read', 'failed'] as const;
export type OutboundState = (typeof OUTBOUND_STATES)[number];

/** Free-form inside the 24-hour window, the approved template outside it. */
export const DELIVERY_MODES = ['free-form', 'template'] as const;

export interface OutboundRecord {
  readonly outboundId: string;
  readonly citizenId: string;
  readonly recipient: { waId?: string; userId?: string };
  readonly state: OutboundState;
  /** Free-form or template: a template is never re-sent as a template. */
  readonly mode: (typeof DELIVERY_MODES)[number];
  /** Plain text of the message, the body parameter of the template if it must be re-sent as one. */
  readonly fallbackText: string;
  readonly wamid?: string;
  readonly errorCode?: number;
  readonly failureReason?: string;
}

export type SendClaim =
  /** This sender holds the lease on a `pending` record until it marks it sent or releases it. */
  | { outcome: 'claimed'; record: OutboundRecord; owner: string }
  /** The record is past `pending` (sent, delivered, read or failed): nothing to send. */
  | { outcome: 'done'; record: OutboundRecord }
  /** Another sender holds a live lease: retry after it expires or is released. */
  | { outcome: 'busy' };

export interface OutboundMessagePort {
  /**
   * Creates the record in state `pending` unless it exists, and leases it to one sender (owner + expiry, by a
   * conditional write): concurrent copies of one delivery see `busy`, a crashed sender's lease expires.
   */
  claim(
    record: Omit<OutboundRecord, 'state' | 'wamid' | 'errorCode' | 'failureReason'>,
    now: Date,
  ): Promise<SendClaim>;
  /** Gives the lease back after a retryable failure (only if `owner` still holds it). */
  release(outboundId: string, owner: string): Promise<void>;
  markSent(outboundId: string, wamid: string, now: Date): Promise<void>;
  findByWamid(wamid: string): Promise<OutboundRecord | undefined>;
  find(outboundId: string): Promise<OutboundRecord | undefined>;
  /**
   * Moves the record forward (sent < delivered < read; failed from any state); ignores stale statuses.
   * `reason` says why a message was given up (a permanent Graph API error).
   */
  applyStatus(
    outboundId: string,
    state: OutboundState,
    at: Date,
    errorCode?: number,
    reason?: string,
  ): Promise<void>;
}

export interface FeedbackRecord {
  /** Deterministic: inbound message id + command index. */
  readonly id: string;
  readonly citizenId: string;
  readonly language: string;
  readonly text: string;
  /** ISO. */
  readonly receivedAt: string;
}

export interface FeedbackPort {
  record(feedback: FeedbackRecord): Promise<void>;
}
