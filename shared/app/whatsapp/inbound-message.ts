/**
 * A queued Meta message -> the conversation engine's InboundMessage. Every part is parsed on its
 * own and anything Rabta does not understand becomes `unsupported`, never an error: the engine
 * answers those with a short help reply.
 */
import { parsePhone } from '../../domain/phone.ts';
import { MEDIA_KINDS, type InboundCitizen, type InboundMessage, type MediaKind } from '../../chat/types.ts';
import {
  waButtonPartSchema,
  waInteractivePartSchema,
  waLocationPartSchema,
  waMediaPartSchema,
  waTextPartSchema,
  type CitizenRef,
  type WaMessage,
} from '../../schemas/whatsapp.ts';

/** The citizen as the engine sees them; the phone only when the WhatsApp id is a real number. */
export const toInboundCitizen = (ref: CitizenRef): InboundCitizen => {
  const phone = ref.waId && /^\d{6,15}$/.test(ref.waId) ? parsePhone(`+${ref.waId}`) : undefined;
  return {
    id: ref.id,
    ...(ref.waId !== undefined && { waId: ref.waId }),
    ...(phone && { phone: phone.e164 }),
    ...(phone?.country && { country: phone.country }),
    ...(ref.profileName !== undefined && { name: ref.profileName }),
  };
};

const timestampOf = (message: WaMessage, now: Date): Date => {
  const seconds = Number(message.timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : now;
};

type Body = InboundMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'id' | 'citizen' | 'timestamp'>
    : never
  : never;

/** Group chats carry a group id on the message (or its context): never answered by the bot. */
const isGroupMessage = (message: WaMessage): boolean => {
  const record = message as Record<string, unknown>;
  const context = record.context as Record<string, unknown> | undefined;
  return typeof record.group_id === 'string' || typeof context?.group_id === 'string';
};

const bodyOf = (message: WaMessage): Body => {
  const part = (key: string): unknown => (message as Record<string, unknown>)[key];
  const type = message.type ?? '';
  if (isGroupMessage(message)) return { kind: 'group' };
  switch (type) {
    case 'text': {
      const text = waTextPartSchema.safeParse(part('text'));
      return text.success ? { kind: 'text', text: text.data.body } : { kind: 'unsupported' };
    }
    case 'interactive': {
      const interactive = waInteractivePartSchema.safeParse(part('interactive'));
      const reply = interactive.success
        ? (interactive.data.button_reply ?? interactive.data.list_reply)
        : undefined;
      return reply
        ? { kind: 'interactive', replyId: reply.id, title: reply.title ?? '' }
        : { kind: 'unsupported' };
    }
    case 'button': {
      const button = waButtonPartSchema.safeParse(part('button'));
      return button.success
        ? {
            kind: 'button',
            payload: button.data.payload ?? button.data.text ?? '',
            text: button.data.text ?? '',
          }
        : { kind: 'unsupported' };
    }
    case 'location': {
      const location = waLocationPartSchema.safeParse(part('location'));
      if (!location.success) return { kind: 'unsupported' };
      const { latitude, longitude, name, address } = location.data;
      return { kind: 'location', latitude, longitude, ...(name && { name }), ...(address && { address }) };
    }
    case 'reaction': {
      const emoji = (part('reaction') as { emoji?: unknown } | undefined)?.emoji;
      return { kind: 'reaction', ...(typeof emoji === 'string' && emoji !== '' && { emoji }) };
    }
    case 'contacts':
      return { kind: 'contacts' };
    case 'system':
      return { kind: 'system' };
    default: {
      if (!(MEDIA_KINDS as readonly string[]).includes(type)) return { kind: 'unsupported' };
      const media = waMediaPartSchema.safeParse(part(type));
      if (!media.success || !media.data.id) return { kind: 'unsupported' };
      return {
        kind: 'media',
        mediaKind: type as MediaKind,
        mediaId: media.data.id,
        ...(media.data.mime_type && { mimeType: media.data.mime_type }),
        ...(media.data.caption && { caption: media.data.caption }),
      };
    }
  }
};

export const toInboundMessage = (citizen: CitizenRef, message: WaMessage, now: Date): InboundMessage =>
  ({
    id: message.id,
    citizen: toInboundCitizen(citizen),
    timestamp: timestampOf(message, now),
    ...bodyOf(message),
  }) as InboundMessage;
