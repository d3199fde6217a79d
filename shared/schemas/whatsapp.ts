/**
 * Meta's WhatsApp Cloud API webhook payload, parsed permissively: only what Rabta relies on is
 * required (the envelope, message and status ids); unknown fields, message types and change fields
 * pass through untouched, because Meta adds them without notice and a rejected delivery is retried
 * for 36 hours.
 */
import * as z from 'zod';

/** Meta sends numbers for ids and timestamps in some payloads and strings in others. */
const stringish = z.union([z.string(), z.number()]).transform(String);

export const waContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional() }).optional(),
});

export const waErrorSchema = z.looseObject({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
});

export const waMessageSchema = z.looseObject({
  id: z.string().min(1),
  from: z.string().optional(),
  /** Business-scoped user id (BSUID) of the sender, when Meta sends it. */
  from_user_id: z.string().optional(),
  timestamp: stringish.optional(),
  type: z.string().optional(),
});
export type WaMessage = z.infer<typeof waMessageSchema>;

export const waStatusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: stringish.optional(),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(waErrorSchema).optional(),
});
export type WaStatus = z.infer<typeof waStatusSchema>;

export const waMessagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({ phone_number_id: stringish.optional() }).optional(),
  contacts: z.array(waContactSchema).optional(),
  messages: z.array(waMessageSchema).optional(),
  statuses: z.array(waStatusSchema).optional(),
  errors: z.array(waErrorSchema).optional(),
});

export const waChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const waWebhookPayloadSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: stringish.optional(),
      changes: z.array(waChangeSchema).default([]),
    }),
  ),
});
export type WaWebhookPayload = z.infer<typeof waWebhookPayloadSchema>;

// --- what the webhook puts on the FIFO queue ----------------------------------------------

/** Who a message is from (or a status is about): `id` is the key Rabta uses for the citizen. */
export const citizenRefSchema = z.object({
  /** Business-scoped user id when Meta sends one, else the WhatsApp id (phone digits). */
  id: z.string().min(1),
  waId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  profileName: z.string().optional(),
});
export type CitizenRef = z.infer<typeof citizenRefSchema>;

export const inboundQueueItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('message'),
    citizen: citizenRefSchema,
    phoneNumberId: z.string().optional(),
    message: waMessageSchema,
  }),
  z.object({
    kind: z.literal('status'),
    citizen: citizenRefSchema,
    status: waStatusSchema,
  }),
]);
export type InboundQueueItem = z.infer<typeof inboundQueueItemSchema>;

// --- typed views of message parts the worker reads (each parsed on its own, so a malformed part
// of one type never rejects the delivery) ---------------------------------------------------

export const waTextPartSchema = z.looseObject({ body: z.string() });
export const waMediaPartSchema = z.looseObject({
  id: z.string().optional(),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  voice: z.boolean().optional(),
});
const coordinate = z.union([z.number(), z.string()]).transform(Number).pipe(z.number().finite());
export const waLocationPartSchema = z.looseObject({
  latitude: coordinate,
  longitude: coordinate,
  name: z.string().optional(),
  address: z.string().optional(),
});
export const waInteractivePartSchema = z.looseObject({
  type: z.string().optional(),
  button_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
  list_reply: z.looseObject({ id: z.string(), title: z.string().optional() }).optional(),
});
export const waButtonPartSchema = z.looseObject({
  payload: z.string().optional(),
  text: z.string().optional(),
});

// --- Graph API responses ---------------------------------------------------------------------

export const graphSendResponseSchema = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
});
export const graphErrorResponseSchema = z.looseObject({
  error: z.looseObject({ code: z.number().optional(), message: z.string().optional() }),
});
