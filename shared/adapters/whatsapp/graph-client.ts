/**
 * WhatsApp Cloud API (Graph API) client: text, interactive list, reply buttons, template, mark as
 * read. Retries 429 and 5xx (and network failures) with bounded exponential backoff and full jitter,
 * honouring Retry-After. The base URL is configuration (the local runtime points it at a fake).
 */
import * as z from 'zod';
import { graphErrorResponseSchema, graphSendResponseSchema } from '../../schemas/whatsapp.ts';
import { GraphApiError } from '../../app/whatsapp/errors.ts';
import { WHATSAPP_LIMITS as LIMITS } from '../../chat/limits.ts';
import type { GraphMessage, GraphPort, GraphRecipient } from '../../app/whatsapp/ports.ts';

const rowSchema = z.object({
  id: z.string().min(1).max(LIMITS.rowId),
  title: z.string().min(1).max(LIMITS.rowTitle),
  description: z.string().max(LIMITS.rowDescription).optional(),
});

export const graphMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), body: z.string().min(1).max(LIMITS.textBody) }),
  z.object({
    type: z.literal('list'),
    body: z.string().min(1).max(LIMITS.listBody),
    button: z.string().min(1).max(LIMITS.listButtonLabel),
    header: z.string().max(LIMITS.listHeader).optional(),
    footer: z.string().max(LIMITS.footer).optional(),
    sections: z
      .array(
        z.object({
          title: z.string().min(1).max(LIMITS.sectionTitle),
          rows: z.array(rowSchema).min(1),
        }),
      )
      .min(1)
      .refine((sections) => sections.flatMap((s) => s.rows).length <= LIMITS.listRows, {
        message: `at most ${LIMITS.listRows} rows in all sections`,
      }),
  }),
  z.object({
    type: z.literal('buttons'),
    body: z.string().min(1).max(LIMITS.buttonsBody),
    header: z.string().max(LIMITS.listHeader).optional(),
    footer: z.string().max(LIMITS.footer).optional(),
    buttons: z
      .array(
        z.object({
          id: z.string().min(1).max(LIMITS.buttonId),
          title: z.string().min(1).max(LIMITS.buttonTitle),
        }),
      )
      .min(1)
      .max(LIMITS.buttons),
  }),
  z.object({
    type: z.literal('template'),
    name: z.string().regex(/^[a-z0-9_]{1,512}$/),
    language: z.string().min(2),
    bodyParameters: z.array(z.string()).default([]),
  }),
]);

export interface GraphClientOptions {
  readonly baseUrl: string;
  readonly apiVersion: string;
  /** The sending number's id; resolved per call because in AWS it lives in the secret with the token. */
  phoneNumberId(): Promise<string>;
  accessToken(): Promise<string>;
  readonly maxAttempts: number;
  /** Backoff before retry n (1-based): min(cap, base * 2^(n-1)) scaled by jitter. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export type GraphClient = GraphPort;

const toRecipientFields = (to: GraphRecipient): Record<string, string> => {
  if (to.waId) return { to: to.waId };
  // Username-only citizens have no phone number in the webhook; Meta accepts the BSUID as `recipient`.
  if (to.userId) return { recipient: to.userId };
  throw new GraphApiError('No recipient: neither a WhatsApp id nor a user id', 400, undefined);
};

export const toGraphBody = (to: GraphRecipient, input: GraphMessage): Record<string, unknown> => {
  const message = graphMessageSchema.parse(input);
  const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', ...toRecipientFields(to) };
  const chrome = (m: { header?: string | undefined; footer?: string | undefined }) => ({
    ...(m.header && { header: { type: 'text', text: m.header } }),
    ...(m.footer && { footer: { text: m.footer } }),
  });
  switch (message.type) {
    case 'text':
      return { ...envelope, type: 'text', text: { preview_url: false, body: message.body } };
    case 'list':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'list',
          ...chrome(message),
          body: { text: message.body },
          action: { button: message.button, sections: message.sections },
        },
      };
    case 'buttons':
      return {
        ...envelope,
        type: 'interactive',
        interactive: {
          type: 'button',
          ...chrome(message),
          body: { text: message.body },
          action: {
            buttons: message.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })),
          },
        },
      };
    case 'template':
      return {
        ...envelope,
        type: 'template',
        template: {
          name: message.name,
          language: { code: message.language },
          ...(message.bodyParameters.length > 0 && {
            components: [
              { type: 'body', parameters: message.bodyParameters.map((text) => ({ type: 'text', text })) },
            ],
          }),
        },
      };
  }
};

/** Seconds (or an HTTP date) from a Retry-After header, in milliseconds. */
const retryAfterMs = (header: string | null, now: number): number | undefined => {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
};

export const createGraphClient = (options: GraphClientOptions): GraphClient => {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const baseDelay = options.baseDelayMs ?? 200;
  const maxDelay = options.maxDelayMs ?? 10_000;
  const messagesUrl = async (): Promise<string> =>
    `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}/${await options.phoneNumberId()}/messages`;

  const post = async (body: Record<string, unknown>): Promise<unknown> => {
    const token = await options.accessToken();
    const url = await messagesUrl();
    let lastError: GraphApiError | undefined;
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      } catch (cause) {
        lastError = new GraphApiError('Graph API unreachable', 0, undefined, { cause });
        if (attempt < options.maxAttempts)
          await sleep(random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
        continue;
      }
      const text = await response.text();
      const json: unknown = text ? safeJson(text) : undefined;
      if (response.ok) return json;
      const meta = graphErrorResponseSchema.safeParse(json);
      lastError = new GraphApiError(
        `Graph API answered ${response.status}${meta.success && meta.data.error.message ? `: ${meta.data.error.message}` : ''}`,
        response.status,
        meta.success ? meta.data.error.code : undefined,
      );
      if (!lastError.retryable || attempt === options.maxAttempts) break;
      const backoff = random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
      const told = retryAfterMs(response.headers.get('retry-after'), Date.now());
      await sleep(Math.min(maxDelay, Math.max(backoff, told ?? 0)));
    }
    throw lastError ?? new GraphApiError('Graph API call not attempted', 0, undefined);
  };

  return {
    async send(to, message) {
      const json = await post(toGraphBody(to, message));
      const parsed = graphSendResponseSchema.safeParse(json);
      if (!parsed.success) throw new GraphApiError('Graph API answer has no message id', 502, undefined);
      return { wamid: parsed.data.messages[0]!.id };
    },
    async markAsRead(messageId) {
      await post({ messaging_product: 'whatsapp', status: 'read', message_id: messageId });
    },
  };
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
