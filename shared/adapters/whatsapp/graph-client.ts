/**
 * WhatsApp Cloud API (Graph API) client: text, interactive list, reply buttons, template, mark as
 * read, and media download (media id -> short-lived URL -> bytes). Retries 429, 5xx, Meta's rate-limit codes
 * (131056 pair rate limit included), time-outs and network resets with bounded exponential backoff and full
 * jitter, honouring Retry-After. The base URL is configuration (the local runtime points it at a fake).
 */
import * as z from '../../domain/zod.ts';
import { graphErrorResponseSchema, graphSendResponseSchema } from '../../schemas/whatsapp.ts';
import { MediaGoneError } from '../../app/errors.ts';
import type { MediaSource } from '../../app/evidence/ports.ts';
import { GraphApiError, PAIR_RATE_LIMIT_CODE } from '../../app/whatsapp/errors.ts';
import { WHATSAPP_LIMITS as LIMITS } from '../../chat/limits.ts';
import type { GraphMessage, GraphPort, GraphRecipient } from '../../app/whatsapp/ports.ts';

const rowSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(LIMITS.rowId)),
  title: z.string().check(z.minLength(1), z.maxLength(LIMITS.rowTitle)),
  description: z.optional(z.string().check(z.maxLength(LIMITS.rowDescription))),
});

export const graphMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), body: z.string().check(z.minLength(1), z.maxLength(LIMITS.textBody)) }),
  z.object({
    type: z.literal('list'),
    body: z.string().check(z.minLength(1), z.maxLength(LIMITS.listBody)),
    button: z.string().check(z.minLength(1), z.maxLength(LIMITS.listButtonLabel)),
    header: z.optional(z.string().check(z.maxLength(LIMITS.listHeader))),
    footer: z.optional(z.string().check(z.maxLength(LIMITS.footer))),
    sections: z
      .array(
        z.object({
          title: z.string().check(z.minLength(1), z.maxLength(LIMITS.sectionTitle)),
          rows: z.array(rowSchema).check(z.minLength(1)),
        }),
      )
      .check(
        z.minLength(1),
        z.refine((sections) => sections.flatMap((s) => s.rows).length <= LIMITS.listRows, {
          message: `at most ${LIMITS.listRows} rows in all sections`,
        }),
      ),
  }),
  z.object({
    type: z.literal('buttons'),
    body: z.string().check(z.minLength(1), z.maxLength(LIMITS.buttonsBody)),
    header: z.optional(z.string().check(z.maxLength(LIMITS.listHeader))),
    footer: z.optional(z.string().check(z.maxLength(LIMITS.footer))),
    buttons: z
      .array(
        z.object({
          id: z.string().check(z.minLength(1), z.maxLength(LIMITS.buttonId)),
          title: z.string().check(z.minLength(1), z.maxLength(LIMITS.buttonTitle)),
        }),
      )
      .check(z.minLength(1), z.maxLength(LIMITS.buttons)),
  }),
  z.object({
    type: z.literal('template'),
    name: z.string().check(z.regex(/^[a-z0-9_]{1,512}$/)),
    language: z.string().check(z.minLength(2)),
    bodyParameters: z._default(z.array(z.string()), []),
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
  /** Each attempt is abandoned after this long (a hung connection counts as a retryable failure). */
  readonly attemptTimeoutMs?: number;
  /** The least wait after Meta's pair rate limit (131056): about one message per 6 s to one user. */
  readonly pairRateDelayMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export type GraphClient = GraphPort & MediaSource;

/** Meta's answer for a media id (GET /{version}/{media-id}). */
const graphMediaInfoSchema = z.looseObject({
  url: z.url(),
  mime_type: z.optional(z.string()),
  file_size: z.optional(z.union([z.number(), z.string()])),
});

/** A media id Meta no longer has: 400 "(#100) ... does not exist", 404 on the id or its URL, 410. */
const GONE_STATUSES = new Set([400, 404, 410]);

/** The body, stopping after `limit` bytes (the caller learns "too large" without holding all of it). */
const readAtMost = async (response: Response, limit: number): Promise<Uint8Array> => {
  if (!response.body) return new Uint8Array(await response.arrayBuffer()).subarray(0, limit);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  while (total < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.length;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(total, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  return bytes;
};

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
  const attemptTimeout = options.attemptTimeoutMs ?? 10_000;
  const pairRateDelay = options.pairRateDelayMs ?? 6_000;
  const messagesUrl = async (): Promise<string> =>
    `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}/${await options.phoneNumberId()}/messages`;

  /**
   * One Graph API call with the bounded retries: 429, 5xx and network failures back off (honouring
   * Retry-After); any other failure is thrown at once. `read` turns a successful response into the result.
   */
  const call = async <T>(
    url: string,
    init: RequestInit,
    read: (response: Response) => Promise<T>,
  ): Promise<T> => {
    let lastError: GraphApiError | undefined;
    const backOff = () => sleep(random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1)));
    let attempt = 1;
    for (; attempt <= options.maxAttempts; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, { ...init, signal: AbortSignal.timeout(attemptTimeout) });
      } catch (cause) {
        lastError = new GraphApiError('Graph API unreachable or timed out', 0, undefined, { cause });
        if (attempt < options.maxAttempts) await backOff();
        continue;
      }
      if (response.ok) {
        try {
          return await read(response);
        } catch (cause) {
          if (!isCutOff(cause)) throw cause;
          // The connection was reset, or the time-out hit, while the answer was being read.
          lastError = new GraphApiError('Graph API answer cut off', 0, undefined, { cause });
          if (attempt < options.maxAttempts) await backOff();
          continue;
        }
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        lastError = new GraphApiError('Graph API answer cut off', 0, undefined, { cause });
        if (attempt < options.maxAttempts) await backOff();
        continue;
      }
      const json: unknown = text ? safeJson(text) : undefined;
      const meta = graphErrorResponseSchema.safeParse(json);
      lastError = new GraphApiError(
        `Graph API answered ${response.status}${meta.success && meta.data.error.message ? `: ${meta.data.error.message}` : ''}`,
        response.status,
        meta.success ? meta.data.error.code : undefined,
      );
      if (!lastError.retryable || attempt === options.maxAttempts) break;
      const backoff = random() * Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
      const told = retryAfterMs(response.headers.get('retry-after'), Date.now());
      const least = lastError.code === PAIR_RATE_LIMIT_CODE ? pairRateDelay : 0;
      await sleep(Math.max(least, Math.min(maxDelay, Math.max(backoff, told ?? 0))));
    }
    throw lastError ?? new GraphApiError('Graph API call not attempted', 0, undefined);
  };

  const post = async (body: Record<string, unknown>): Promise<unknown> => {
    const token = await options.accessToken();
    return call(
      await messagesUrl(),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      async (response) => {
        const text = await response.text();
        return text ? safeJson(text) : undefined;
      },
    );
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
    async downloadMedia(mediaId, maxBytes) {
      const headers = { authorization: `Bearer ${await options.accessToken()}` };
      const gone = (error: unknown): never => {
        if (error instanceof GraphApiError && GONE_STATUSES.has(error.status)) {
          throw new MediaGoneError(`Media ${mediaId} is no longer available (${error.status})`, {
            cause: error,
          });
        }
        throw error;
      };
      const infoUrl = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}/${encodeURIComponent(mediaId)}`;
      const info = await call(infoUrl, { headers }, async (response) =>
        graphMediaInfoSchema.parse(safeJson(await response.text())),
      ).catch(gone);
      // Meta's URL lives about five minutes and wants the same token.
      return call(info.url, { headers }, async (response) => ({
        bytes: await readAtMost(response, maxBytes + 1),
        ...(info.mime_type && { contentType: info.mime_type }),
      })).catch(gone);
    },
  };
};

/** A body read that failed because the connection dropped or the attempt's time-out fired (retryable). */
const isCutOff = (error: unknown): boolean =>
  error instanceof TypeError ||
  (error instanceof Error && ['AbortError', 'TimeoutError'].includes(error.name));

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
