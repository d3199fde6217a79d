/**
 * Composition root of the WhatsApp functions: secrets, adapters and engine, created once per
 * process and handed to the use cases as their ports.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { z } from 'zod';
import { createFeedbackStore } from '../adapters/dynamodb/feedback-store.ts';
import { createOutboundMessageStore } from '../adapters/dynamodb/outbound-message-store.ts';
import { createProcessedMessageStore } from '../adapters/dynamodb/processed-message-store.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { createGraphClient, type GraphClient } from '../adapters/whatsapp/graph-client.ts';
import { createInboundQueue } from '../adapters/whatsapp/inbound-queue.ts';
import type { ProcessInboundDeps } from '../app/whatsapp/process-inbound.ts';
import type { AppLog } from '../app/whatsapp/ports.ts';
import type { ReceiveWebhookDeps, VerifyWebhookDeps } from '../app/whatsapp/receive-webhook.ts';
import { runChatCommand } from '../app/whatsapp/run-command.ts';
import { converse } from '../chat/engine.ts';
import { documentClient, sqsClient } from './clients.ts';
import { complaintDeps } from './complaints.ts';
import { ENV, queueUrl, tableConfig, whatsappConfig } from './config.ts';
import { logger } from './powertools.ts';

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

/** The Powertools logger behind the use cases' narrow log port (its redaction applies). */
export const appLog = (): AppLog => ({
  info: (message, extra = {}) => logger().info(message, extra),
  warn: (message, extra = {}) => logger().warn(message, extra),
  error: (message, extra = {}) => logger().error(message, extra),
});

const tableName = (): string => tableConfig().tableName;

let graphClient: GraphClient | undefined;
export const graph = (): GraphClient => {
  if (graphClient) return graphClient;
  const config = whatsappConfig();
  graphClient = createGraphClient({
    baseUrl: config.graphApiBaseUrl,
    apiVersion: config.graphApiVersion,
    phoneNumberId: async () => (await whatsappSecrets()).phoneNumberId,
    maxAttempts: config.graphMaxAttempts,
    accessToken: async () => (await whatsappSecrets()).accessToken,
  });
  return graphClient;
};

let webhook: (ReceiveWebhookDeps & VerifyWebhookDeps) | undefined;
export const webhookDeps = (): ReceiveWebhookDeps & VerifyWebhookDeps =>
  (webhook ??= {
    secrets: whatsappSecrets,
    queue: createInboundQueue(sqsClient(), () => queueUrl(ENV.queueUrl('webhookInbound'))),
    log: appLog(),
  });

let worker: ProcessInboundDeps | undefined;
export const workerDeps = (): ProcessInboundDeps => {
  if (worker) return worker;
  const config = whatsappConfig();
  const log = appLog();
  const complaints = complaintDeps();
  const feedback = createFeedbackStore(documentClient(), tableName);
  worker = {
    processed: createProcessedMessageStore(documentClient(), tableName),
    sessions: createSessionStore(documentClient(), tableName),
    outbound: createOutboundMessageStore(documentClient(), tableName),
    graph: graph(),
    template: {
      name: config.templateName,
      language: config.templateLanguage,
      englishLanguage: config.templateLanguageEnglish,
    },
    converse,
    runCommand: (command, context) => runChatCommand({ complaints, feedback, log }, command, context),
    clock: () => new Date(),
    log,
  };
  return worker;
};
