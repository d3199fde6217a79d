/**
 * Meta's WhatsApp Cloud API webhook payload, parsed permissively: only what Rabta relies on is
 * required (the envelope, message and status ids); unknown fields, message types and change fields
 * pass through untouched, because Meta adds them without notice and a rejected delivery is retried
 * for 36 hours.
 */
import * as z from '../domain/zod.ts';

/** Meta sends numbers for ids and timestamps in some payloads and strings in others. */
const stringish = z.pipe(z.union([z.string(), z.number()]), z.transform(String));

export const waContactSchema = z.looseObject({
  wa_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  profile: z.optional(z.looseObject({ name: z.optional(z.string()) })),
});

export const waErrorSchema = z.looseObject({
  code: z.optional(z.number()),
  title: z.optional(z.string()),
  message: z.optional(z.string()),
});

export const waMessageSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  from: z.optional(z.string()),
  /** Business-scoped user id (BSUID) of the sender, when Meta sends it. */
  from_user_id: z.optional(z.string()),
  timestamp: z.optional(stringish),
  type: z.optional(z.string()),
});
export type WaMessage = z.infer<typeof waMessageSchema>;

export const waStatusSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  status: z.string().check(z.minLength(1)),
  timestamp: z.optional(stringish),
  recipient_id: z.optional(z.string()),
  recipient_user_id: z.optional(z.string()),
  errors: z.optional(z.array(waErrorSchema)),
});
export type WaStatus = z.infer<typeof waStatusSchema>;

export const waMessagesValueSchema = z.looseObject({
  messaging_product: z.optional(z.string()),
  metadata: z.optional(z.looseObject({ phone_number_id: z.optional(stringish) })),
  contacts: z.optional(z.array(waContactSchema)),
  messages: z.optional(z.array(waMessageSchema)),
  statuses: z.optional(z.array(waStatusSchema)),
  errors: z.optional(z.array(waErrorSchema)),
});

export const waChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const waWebhookPayloadSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.optional(stringish),
      changes: z._default(z.array(waChangeSchema), []),
    }),
  ),
});
export type WaWebhookPayload = z.infer<typeof waWebhookPayloadSchema>;

// --- what the webhook puts on the FIFO queue ----------------------------------------------

/** Who a message is from (or a status is about): `id` is the key Rabta uses for the citizen. */
export const citizenRefSchema = z.object({
  /** Business-scoped user id when Meta sends one, else the WhatsApp id (phone digits). */
  id: z.string().check(z.minLength(1)),
  waId: z.optional(z.string().check(z.minLength(1))),
  userId: z.optional(z.string().check(z.minLength(1))),
  profileName: z.optional(z.string()),
});
export type CitizenRef = z.infer<typeof citizenRefSchema>;

export const inboundQueueItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('message'),
    citizen: citizenRefSchema,
    phoneNumberId: z.optional(z.string()),
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
  id: z.optional(z.string()),
  mime_type: z.optional(z.string()),
  caption: z.optional(z.string()),
  voice: z.optional(z.boolean()),
});
const coordinate = z.pipe(z.pipe(z.union([z.number(), z.string()]), z.transform(Number)), z.number());
export const waLocationPartSchema = z.looseObject({
  latitude: coordinate,
  longitude: coordinate,
  name: z.optional(z.string()),
  address: z.optional(z.string()),
});
export const waInteractivePartSchema = z.looseObject({
  type: z.optional(z.string()),
  button_reply: z.optional(z.looseObject({ id: z.string(), title: z.optional(z.string()) })),
  list_reply: z.optional(z.looseObject({ id: z.string(), title: z.optional(z.string()) })),
});
export const waButtonPartSchema = z.looseObject({
  payload: z.optional(z.string()),
  text: z.optional(z.string()),
});

// --- Graph API responses ---------------------------------------------------------------------

export const graphSendResponseSchema = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string().check(z.minLength(1)) })).check(z.minLength(1)),
});
export const graphErrorResponseSchema = z.looseObject({
  error: z.looseObject({ code: z.optional(z.number()), message: z.optional(z.string()) }),
});
