/**
 * Composition root of the WhatsApp worker: the chat engine and the stores of a conversation, on the
 * shared sending path (whatsapp.ts) and clients (common.ts).
 */
import { createFeedbackStore } from '../adapters/dynamodb/feedback-store.ts';
import { createProcessedMessageStore } from '../adapters/dynamodb/processed-message-store.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { createEvidenceQueue } from '../adapters/sqs/evidence-queue.ts';
import type { ProcessInboundDeps } from '../app/whatsapp/process-inbound.ts';
import { runChatCommand } from '../app/whatsapp/run-command.ts';
import { converse } from '../chat/engine.ts';
import { clock, documentClient, log, once, queueUrlOf, sqsClient, tableName } from './common.ts';
import { complaintDeps } from './complaints.ts';
import { deliverDeps, optInStore } from './whatsapp.ts';

export const workerDeps = /* @__PURE__ */ once((): ProcessInboundDeps => {
  const complaints = complaintDeps();
  const feedback = createFeedbackStore(documentClient(), tableName);
  // Attachments are downloaded by the evidence downloader, off this queue's path.
  const evidence = createEvidenceQueue(sqsClient(), queueUrlOf('evidenceDownloads'));
  return {
    ...deliverDeps(),
    processed: createProcessedMessageStore(documentClient(), tableName),
    sessions: createSessionStore(documentClient(), tableName),
    converse,
    runCommand: (command, context) =>
      runChatCommand({ complaints, feedback, evidence, log: log() }, command, context),
    clock,
    optIns: optInStore(),
  };
});
