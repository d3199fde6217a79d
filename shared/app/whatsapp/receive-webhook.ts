/**
 * The webhook's two use cases: the GET verification handshake, and a POST delivery checked for
 * Meta's signature, split into one queue item per message and status, and enqueued. Nothing else
 * happens on the request path, so Meta gets its 200 fast.
 */
import { timingSafeEqual } from 'node:crypto';
import * as z from '../../domain/zod.ts';
import { isValidSignature } from './signature.ts';
import { splitWebhookPayload } from './payload.ts';
import { waWebhookPayloadSchema } from '../../schemas/whatsapp.ts';
import { WebhookPayloadError, WebhookSignatureError, WebhookVerificationError } from './errors.ts';
import type { InboundQueuePort, WebhookSecrets } from './ports.ts';
import type { Log } from '../ports.ts';

export interface VerifyWebhookDeps {
  secrets(): Promise<WebhookSecrets>;
}

export interface VerificationQuery {
  readonly mode?: string;
  readonly verifyToken?: string;
  readonly challenge?: string;
}

/** Exact, in constant time: the verify token is a secret. */
const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Returns the challenge to echo; throws WebhookVerificationError otherwise. */
export const verifyWebhookSubscription = async (
  deps: VerifyWebhookDeps,
  query: VerificationQuery,
): Promise<string> => {
  const { verifyToken } = await deps.secrets();
  if (
    query.mode !== 'subscribe' ||
    query.verifyToken === undefined ||
    query.challenge === undefined ||
    !sameSecret(query.verifyToken, verifyToken)
  ) {
    throw new WebhookVerificationError('Webhook verification failed');
  }
  return query.challenge;
};

export interface ReceiveWebhookDeps {
  secrets(): Promise<WebhookSecrets>;
  queue: InboundQueuePort;
  log: Log;
}

export interface ReceiveWebhookInput {
  /** The body bytes exactly as received (already base64-decoded when API Gateway encoded them). */
  readonly rawBody: Buffer;
  readonly signature: string | undefined;
}

export interface ReceiveWebhookResult {
  readonly messages: number;
  readonly statuses: number;
  readonly skipped: number;
  /** Signed by Meta but not a WhatsApp Business Account delivery: acknowledged, nothing enqueued. */
  readonly ignored?: boolean;
}

const WHATSAPP_OBJECT = 'whatsapp_business_account';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

export const receiveWebhook = async (
  deps: ReceiveWebhookDeps,
  input: ReceiveWebhookInput,
): Promise<ReceiveWebhookResult> => {
  const { appSecret } = await deps.secrets();
  if (!isValidSignature(input.rawBody, input.signature, appSecret)) {
    throw new WebhookSignatureError('Missing or invalid X-Hub-Signature-256');
  }
  let json: unknown;
  try {
    // Strict decoding: invalid UTF-8 would otherwise turn into U+FFFD and enqueue a message Meta never sent.
    json = JSON.parse(strictUtf8.decode(input.rawBody));
  } catch (cause) {
    throw new WebhookPayloadError('Body is not valid JSON in UTF-8', [], { cause });
  }
  if (!isObject(json)) throw new WebhookPayloadError('Body is not a JSON object', []);
  if (json.object !== WHATSAPP_OBJECT) {
    // Signed, so it comes from Meta: another product's delivery. Refusing it would only make Meta retry
    // it for days; acknowledge it and enqueue nothing.
    deps.log.info('webhook ignored: not a WhatsApp Business Account delivery', {
      object: typeof json.object === 'string' ? json.object.slice(0, 64) : typeof json.object,
    });
    return { messages: 0, statuses: 0, skipped: 0, ignored: true };
  }
  const parsed = waWebhookPayloadSchema.safeParse(json);
  if (!parsed.success) {
    throw new WebhookPayloadError(
      'Body is not a valid WhatsApp Business Account webhook',
      issuesOf(parsed.error),
    );
  }
  let split;
  try {
    split = splitWebhookPayload(parsed.data);
  } catch (cause) {
    if (cause instanceof z.ZodError) {
      throw new WebhookPayloadError('A messages change is malformed', issuesOf(cause), { cause });
    }
    throw cause;
  }
  await deps.queue.enqueue(split.items);
  const result = {
    messages: split.items.filter((i) => i.kind === 'message').length,
    statuses: split.items.filter((i) => i.kind === 'status').length,
    skipped: split.skipped.length,
  };
  // Types and fields only: never numbers, names or text.
  deps.log.info('webhook accepted', {
    ...result,
    messageTypes: split.items.flatMap((i) => (i.kind === 'message' ? [i.message.type ?? 'none'] : [])),
    statusTypes: split.items.flatMap((i) => (i.kind === 'status' ? [i.status.status] : [])),
    skippedChanges: split.skipped,
  });
  return result;
};
