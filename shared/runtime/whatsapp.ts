/**
 * Composition root of the WhatsApp functions (webhook, worker) and of the sending path the notification
 * functions share: secrets, Graph API client, adapters and engine, over the shared clients (common.ts),
 * created once per process and handed to the use cases as their ports.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import * as z from 'zod';
import { createFeedbackStore } from '../adapters/dynamodb/feedback-store.ts';
import { createOutboundMessageStore } from '../adapters/dynamodb/outbound-message-store.ts';
import { createProcessedMessageStore } from '../adapters/dynamodb/processed-message-store.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { createGraphClient } from '../adapters/whatsapp/graph-client.ts';
import { createInboundQueue } from '../adapters/whatsapp/inbound-queue.ts';
import type { DeliverDeps } from '../app/whatsapp/deliver.ts';
import type { ProcessInboundDeps } from '../app/whatsapp/process-inbound.ts';
import type { ReceiveWebhookDeps, VerifyWebhookDeps } from '../app/whatsapp/receive-webhook.ts';
import { runChatCommand } from '../app/whatsapp/run-command.ts';
import { converse } from '../chat/engine.ts';
import { clock, documentClient, log, once, queueUrlOf, sqsClient, tableName } from './common.ts';
import { complaintDeps } from './complaints.ts';
import { whatsappConfig } from './config.ts';

const SECRET_CACHE_SECONDS = 300;

const secretSchema = z.object({
  appSecret: z.string().min(1),
  verifyToken: z.string().min(1),
  accessToken: z.string().min(1),
  phoneNumberId: z.string().min(1),
});
export type WhatsAppSecrets = z.infer<typeof secretSchema>;

/** Secrets Manager in AWS (cached by Powertools), plain configuration locally. */
export const whatsappSecrets = async (): Promise<WhatsAppSecrets> => {
  const config = whatsappConfig();
  if (!config.secretArn) {
    return {
      appSecret: config.appSecret,
      verifyToken: config.verifyToken,
      accessToken: config.accessToken,
      phoneNumberId: config.phoneNumberId,
    };
  }
  const secret = await getSecret(config.secretArn, { transform: 'json', maxAge: SECRET_CACHE_SECONDS });
  return secretSchema.parse(secret);
};

export const graph = once(() => {
  const config = whatsappConfig();
  return createGraphClient({
    baseUrl: config.graphApiBaseUrl,
    apiVersion: config.graphApiVersion,
    phoneNumberId: async () => (await whatsappSecrets()).phoneNumberId,
    maxAttempts: config.graphMaxAttempts,
    accessToken: async () => (await whatsappSecrets()).accessToken,
  });
});

/** Sending to a citizen or officer at most once, free-form or as the approved template: the worker and notifiers. */
export const deliverDeps = once((): DeliverDeps => {
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

export const webhookDeps = once((): ReceiveWebhookDeps & VerifyWebhookDeps => ({
  secrets: whatsappSecrets,
  queue: createInboundQueue(sqsClient(), queueUrlOf('webhookInbound')),
  log: log(),
}));

export const workerDeps = once((): ProcessInboundDeps => {
  const complaints = complaintDeps();
  const feedback = createFeedbackStore(documentClient(), tableName);
  return {
    ...deliverDeps(),
    processed: createProcessedMessageStore(documentClient(), tableName),
    sessions: createSessionStore(documentClient(), tableName),
    converse,
    runCommand: (command, context) => runChatCommand({ complaints, feedback, log: log() }, command, context),
    clock,
  };
});
