/**
 * Composition root of the evidence use cases: the S3 bucket, the evidence records, the Graph API media
 * download, the type sniffer, and the WhatsApp delivery that tells citizens what was kept.
 */
import { randomBytes } from 'node:crypto';
import { createEvidenceRepository } from '../adapters/dynamodb/evidence-repository.ts';
import { createOutboundMessageStore } from '../adapters/dynamodb/outbound-message-store.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { sniffType } from '../adapters/files/sniff.ts';
import { createEvidenceStore } from '../adapters/s3/evidence-store.ts';
import { createEvidenceQueue, type EvidenceQueue } from '../adapters/sqs/evidence-queue.ts';
import type { EvidenceObjectStore, EvidenceRecords } from '../app/evidence/ports.ts';
import type { EvidenceJob, EvidenceOutcome, WhatsAppMediaDeps } from '../app/evidence/whatsapp-media.ts';
import { deliver } from '../app/whatsapp/deliver.ts';
import { renderEvidenceOutcome } from '../chat/evidence-text.ts';
import { EVIDENCE_PREFIX } from '../domain/evidence.ts';
import { clock, documentClient, log, once, queueUrlOf, s3Client, sqsClient, tableName } from './common.ts';
import { complaintRepository } from './complaints.ts';
import { evidenceConfig, whatsappConfig } from './config.ts';
import { graph } from './whatsapp.ts';

export const evidenceObjects = once((): EvidenceObjectStore =>
  createEvidenceStore({ client: s3Client(), bucketName: () => evidenceConfig().bucketName }),
);

export const evidenceRecords = once((): EvidenceRecords =>
  createEvidenceRepository(documentClient(), tableName),
);

export const evidenceQueue = once((): EvidenceQueue =>
  createEvidenceQueue(sqsClient(), queueUrlOf('evidenceDownloads')),
);

/** The citizen's message about one attachment: at most once (deterministic outbound id), in their language. */
const tellCitizen = once(() => {
  const outbound = createOutboundMessageStore(documentClient(), tableName);
  const sessions = createSessionStore(documentClient(), tableName);
  const config = whatsappConfig();
  return async (job: EvidenceJob, outcome: EvidenceOutcome): Promise<void> => {
    const session = await sessions.load(job.citizen.id);
    const windowStart = session ? new Date(session.lastInboundAt) : undefined;
    const kind = outcome.state === 'stored' && outcome.describesComplaint ? 'voiceNote' : outcome.kind;
    const replies = renderEvidenceOutcome(session?.language ?? job.language, job.etag, {
      ...outcome,
      kind,
    } as never);
    for (const [index, message] of replies.entries()) {
      await deliver(
        {
          outbound,
          graph: graph(),
          template: {
            name: config.templateName,
            language: config.templateLanguage,
            englishLanguage: config.templateLanguageEnglish,
          },
          log: log(),
        },
        {
          outboundId: `EV#${job.etag}#${job.mediaId}#${index}`,
          citizenId: job.citizen.id,
          recipient: {
            ...(job.citizen.waId !== undefined && { waId: job.citizen.waId }),
            ...(job.citizen.userId !== undefined && { userId: job.citizen.userId }),
          },
          message,
          windowStart: windowStart && !Number.isNaN(windowStart.getTime()) ? windowStart : undefined,
          now: clock.now(),
        },
      );
    }
  };
});

export const whatsAppMediaDeps = once((): WhatsAppMediaDeps => ({
  complaints: complaintRepository(),
  records: evidenceRecords(),
  clock,
  media: graph(),
  objects: evidenceObjects(),
  sniff: sniffType,
  random: { bytes: (size) => randomBytes(size) },
  evidencePrefix: EVIDENCE_PREFIX,
  tell: (job, outcome) => tellCitizen()(job, outcome),
  log: log(),
}));
