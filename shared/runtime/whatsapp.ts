/**
 * Composition root of the WhatsApp webhook and of the sending path the worker and the notification
 * functions share: secrets, Graph API client and adapters, over the shared clients (common.ts), created
 * once per process. The worker's root (with the chat engine) is whatsapp-worker.ts, so the webhook's
 * bundle carries no engine.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import * as z from '../domain/zod.ts';
import { createOptInStore } from '../adapters/dynamodb/opt-in-store.ts';
import { createOutboundMessageStore } from '../adapters/dynamodb/outbound-message-store.ts';
import { createGraphClient } from '../adapters/whatsapp/graph-client.ts';
import { createInboundQueue } from '../adapters/whatsapp/inbound-queue.ts';
import type { DeliverDeps } from '../app/whatsapp/deliver.ts';
import type { ReceiveWebhookDeps, VerifyWebhookDeps } from '../app/whatsapp/receive-webhook.ts';
import { documentClient, log, once, queueUrlOf, sqsClient, tableName } from './common.ts';
import { whatsappConfig } from './config.ts';

const SECRET_CACHE_SECONDS = 300;

const webhookSecretSchema = z.object({
  appSecret: z.string().check(z.minLength(1)),
  verifyToken: z.string().check(z.minLength(1)),
});
const graphSecretSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  phoneNumberId: z.string().check(z.minLength(1)),
});
export type WebhookSecretValues = z.infer<typeof webhookSecretSchema>;
export type GraphSecretValues = z.infer<typeof graphSecretSchema>;

/** The webhook's secret: Secrets Manager in AWS (cached by Powertools), plain configuration locally. */
export const webhookSecrets = async (): Promise<WebhookSecretValues> => {
  const config = whatsappConfig();
  if (!config.webhookSecretArn) return { appSecret: config.appSecret, verifyToken: config.verifyToken };
  const secret = await getSecret(config.webhookSecretArn, {
    transform: 'json',
    maxAge: SECRET_CACHE_SECONDS,
  });
  return webhookSecretSchema.parse(secret);
};

/** The senders' secret (never given to the webhook): Secrets Manager in AWS, plain configuration locally. */
export const graphSecrets = async (): Promise<GraphSecretValues> => {
  const config = whatsappConfig();
  if (!config.graphSecretArn) return { accessToken: config.accessToken, phoneNumberId: config.phoneNumberId };
  const secret = await getSecret(config.graphSecretArn, { transform: 'json', maxAge: SECRET_CACHE_SECONDS });
  return graphSecretSchema.parse(secret);
};

export const graph = /* @__PURE__ */ once(() => {
  const config = whatsappConfig();
  return createGraphClient({
    baseUrl: config.graphApiBaseUrl,
    apiVersion: config.graphApiVersion,
    phoneNumberId: async () => (await graphSecrets()).phoneNumberId,
    maxAttempts: config.graphMaxAttempts,
    attemptTimeoutMs: config.graphAttemptTimeoutMs,
    pairRateDelayMs: config.graphPairRateDelayMs,
    accessToken: async () => (await graphSecrets()).accessToken,
  });
});

/** Sending to a citizen or officer at most once, free-form or as the approved template: the worker and notifiers. */
export const deliverDeps = /* @__PURE__ */ once((): DeliverDeps => {
  const config = whatsappConfig();
  return {
    outbound: createOutboundMessageStore(documentClient(), tableName),
    graph: graph(),
    template: {
      name: config.templateName,
      language: config.templateLanguage,
      englishLanguage: config.templateLanguageEnglish,
    },
    log: log(),
  };
});

/** Opt-ins of numbers named in web filings: granted by the worker (a YES), read by the citizen notifier. */
export const optInStore = /* @__PURE__ */ once(() => createOptInStore(documentClient(), tableName));

export const webhookDeps = /* @__PURE__ */ once((): ReceiveWebhookDeps & VerifyWebhookDeps => ({
  secrets: webhookSecrets,
  queue: createInboundQueue(sqsClient(), queueUrlOf('webhookInbound')),
  log: log(),
}));
