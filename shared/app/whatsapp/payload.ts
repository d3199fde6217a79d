/**
 * Turns one webhook delivery into queue items: one per message and one per status, across every
 * entry and change. Pure; the identity rule lives here (architecture §3): the business-scoped user
 * id when Meta sends one, else the WhatsApp id.
 */
import {
  waMessagesValueSchema,
  type CitizenRef,
  type InboundQueueItem,
  type WaWebhookPayload,
} from '../../schemas/whatsapp.ts';
import type * as z from '../../domain/zod.ts';

export interface SkippedChange {
  /** The change's `field` (e.g. `account_review_update`), or `messages` for an item without identity. */
  readonly field: string;
  readonly reason: 'not-messages-field' | 'no-sender' | 'errors-only';
}

export interface SplitPayload {
  readonly items: InboundQueueItem[];
  readonly skipped: SkippedChange[];
}

type Contact = NonNullable<z.infer<typeof waMessagesValueSchema>['contacts']>[number];

const present = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value : undefined;

const citizenRef = (
  userId: string | undefined,
  waId: string | undefined,
  contact: Contact | undefined,
): CitizenRef | undefined => {
  const user = present(userId) ?? present(contact?.user_id);
  const wa = present(waId) ?? present(contact?.wa_id);
  const id = user ?? wa;
  if (id === undefined) return undefined;
  const profileName = present(contact?.profile?.name);
  return {
    id,
    ...(wa !== undefined && { waId: wa }),
    ...(user !== undefined && { userId: user }),
    ...(profileName !== undefined && { profileName }),
  };
};

/** The contact a message or status belongs to: by WhatsApp id or user id, or the only one given. */
const matchContact = (contacts: readonly Contact[], waId?: string, userId?: string): Contact | undefined =>
  contacts.find((c) => present(waId) !== undefined && c.wa_id === waId) ??
  contacts.find((c) => present(userId) !== undefined && c.user_id === userId) ??
  (contacts.length === 1 ? contacts[0] : undefined);

/**
 * Splits a parsed payload. Throws the zod error when a `messages` change is malformed (e.g. a
 * message without an id), so the caller can answer 400 and enqueue nothing.
 */
export const splitWebhookPayload = (payload: WaWebhookPayload): SplitPayload => {
  const items: InboundQueueItem[] = [];
  const skipped: SkippedChange[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        skipped.push({ field: change.field, reason: 'not-messages-field' });
        continue;
      }
      const value = waMessagesValueSchema.parse(change.value);
      const contacts = value.contacts ?? [];
      const phoneNumberId = value.metadata?.phone_number_id;
      for (const message of value.messages ?? []) {
        const contact = matchContact(contacts, message.from, message.from_user_id);
        const citizen = citizenRef(message.from_user_id, message.from, contact);
        if (citizen === undefined) {
          skipped.push({ field: change.field, reason: 'no-sender' });
          continue;
        }
        items.push({
          kind: 'message',
          citizen,
          message,
          ...(phoneNumberId !== undefined && { phoneNumberId }),
        });
      }
      for (const status of value.statuses ?? []) {
        const contact = matchContact(contacts, status.recipient_id, status.recipient_user_id);
        const citizen = citizenRef(status.recipient_user_id, status.recipient_id, contact);
        if (citizen === undefined) {
          skipped.push({ field: change.field, reason: 'no-sender' });
          continue;
        }
        items.push({ kind: 'status', citizen, status });
      }
      if (!value.messages?.length && !value.statuses?.length && value.errors?.length) {
        skipped.push({ field: change.field, reason: 'errors-only' });
      }
    }
  }
  return { items, skipped };
};

/** FIFO deduplication id: Meta's message id; a status is unique per (message id, status). */
export const deduplicationKey = (item: InboundQueueItem): string =>
  item.kind === 'message' ? item.message.id : `${item.status.id}:${item.status.status}`;
