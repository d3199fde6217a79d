/**
 * Composition root of the evidence use cases: the S3 bucket, the evidence records, the Graph API media
 * download, the type sniffer, and the WhatsApp delivery that tells citizens what was kept.
 */
import { randomBytes } from 'node:crypto';
import { createEvidenceRepository } from '../adapters/dynamodb/evidence-repository.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { sniffType } from '../adapters/files/sniff.ts';
import { createEvidenceStore } from '../adapters/s3/evidence-store.ts';
import type { EvidenceObjectStore, EvidenceRecords } from '../app/evidence/ports.ts';
import type { OpenEvidenceDeps } from '../app/evidence/views.ts';
import type { WebUploadDeps } from '../app/evidence/web-upload.ts';
import type { EvidenceJob, EvidenceOutcome, WhatsAppMediaDeps } from '../app/evidence/whatsapp-media.ts';
import { deliver } from '../app/whatsapp/deliver.ts';
import { graphRecipientOf } from '../app/whatsapp/identity.ts';
import { renderEvidenceOutcome, type EvidenceReply } from '../chat/evidence-text.ts';
import { EVIDENCE_PREFIX } from '../domain/evidence.ts';
import { clock, documentClient, log, once, s3Client, tableName } from './common.ts';
import { complaintRepository } from './complaints.ts';
import { evidenceConfig } from './config.ts';
import { deliverDeps, graph } from './whatsapp.ts';

export const evidenceObjects = /* @__PURE__ */ once((): EvidenceObjectStore =>
  createEvidenceStore({ client: s3Client(), bucketName: () => evidenceConfig().bucketName }),
);

export const evidenceRecords = /* @__PURE__ */ once((): EvidenceRecords =>
  createEvidenceRepository(documentClient(), tableName),
);

/** The citizen's message about one attachment: at most once (deterministic outbound id), in their language. */
const tellCitizen = /* @__PURE__ */ once(() => {
  const sessions = createSessionStore(documentClient(), tableName);
  return async (job: EvidenceJob, outcome: EvidenceOutcome): Promise<void> => {
    const recipient = graphRecipientOf(job.citizen.waId, job.citizen.userId, job.citizen.id);
    if (!recipient) return;
    const session = await sessions.load(job.citizen.id);
    const windowStart = session ? new Date(session.lastInboundAt) : undefined;
    const replies = renderEvidenceOutcome(session?.language ?? job.language, job.etag, {
      ...outcome,
      kind: outcome.state === 'stored' && outcome.describesComplaint ? 'voiceNote' : outcome.kind,
    } as EvidenceReply);
    for (const [index, message] of replies.entries()) {
      await deliver(deliverDeps(), {
        outboundId: `EV#${job.etag}#${job.mediaId}#${index}`,
        citizenId: job.citizen.id,
        recipient,
        message,
        windowStart: windowStart && !Number.isNaN(windowStart.getTime()) ? windowStart : undefined,
        now: clock.now(),
      });
    }
  };
});

export const whatsAppMediaDeps = /* @__PURE__ */ once((): WhatsAppMediaDeps => ({
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

/** Officers opening an attachment: a presigned GET that lives `EVIDENCE_DOWNLOAD_EXPIRY_SECONDS`. */
export const openEvidenceDeps = /* @__PURE__ */ once((): OpenEvidenceDeps => ({
  complaints: complaintRepository(),
  records: evidenceRecords(),
  objects: evidenceObjects(),
  clock,
  expiresSeconds: evidenceConfig().downloadExpirySeconds,
}));

/** The complainant's uploads from the web or the API: presigned POSTs that live `EVIDENCE_UPLOAD_EXPIRY_SECONDS`. */
export const webUploadDeps = /* @__PURE__ */ once((): WebUploadDeps => ({
  complaints: complaintRepository(),
  records: evidenceRecords(),
  objects: evidenceObjects(),
  sniff: sniffType,
  random: { bytes: (size) => randomBytes(size) },
  clock,
  uploadExpirySeconds: evidenceConfig().uploadExpirySeconds,
}));
