/**
 * The evidence downloader's use case for one WhatsApp attachment, never run in the webhook: media id ->
 * bytes (Graph API) -> checked (sniffed type, allow-list, Meta's size limits) -> stored in S3 -> recorded with
 * the complaint -> the citizen told what was kept. Safe to repeat: one record per media id, and the
 * citizen's message goes through an outbound record with a deterministic id.
 *
 * Graph failures are retried (the Graph client backs off within a run, SQS redelivers across runs); a media id
 * Meta no longer has, or one that still fails on the last delivery, is recorded as unavailable and the citizen
 * is told, so nothing a citizen sent is silently lost.
 */
import { createHash } from 'node:crypto';
import * as z from '../../domain/zod.ts';
import {
  evidenceObjectKey,
  judgeEvidence,
  looksLikeText,
  MAX_EVIDENCE_BYTES,
  newEvidenceId,
  safeFileName,
  sourceRefOf,
  type EvidenceRecord,
  type RefusalReason,
} from '../../domain/evidence.ts';
import { LANGUAGES } from '../../domain/vocabulary.ts';
import { MediaGoneError } from '../errors.ts';
import type { Log, Random } from '../ports.ts';
import type { EvidenceObjectStore, MediaSource, SniffType } from './ports.ts';
import { recordEvidence, type RecordEvidenceDeps } from './record-evidence.ts';

/** One attachment to fetch, as the WhatsApp worker enqueues it once the complaint exists. */
export const evidenceJobSchema = z.object({
  etag: z.string().check(z.minLength(1)),
  mediaId: z.string().check(z.minLength(1)),
  /** The WhatsApp message type. */
  kind: z.enum(['image', 'audio', 'video', 'document', 'sticker']),
  mimeType: z.optional(z.string()),
  fileName: z.optional(z.string()),
  describesComplaint: z.optional(z.boolean()),
  citizen: z.object({
    id: z.string().check(z.minLength(1)),
    waId: z.optional(z.string()),
    userId: z.optional(z.string()),
  }),
  language: z.enum(LANGUAGES),
});
export type EvidenceJob = z.output<typeof evidenceJobSchema>;

export type EvidenceOutcome =
  | { state: 'stored'; kind: NonNullable<EvidenceRecord['kind']>; describesComplaint: boolean }
  | { state: 'refused'; kind: EvidenceJob['kind']; reason: RefusalReason }
  | { state: 'unavailable'; kind: EvidenceJob['kind'] };

export interface WhatsAppMediaDeps extends RecordEvidenceDeps {
  media: MediaSource;
  objects: EvidenceObjectStore;
  sniff: SniffType;
  random: Random;
  /** Where stored evidence goes in the bucket (`evidence/`). */
  evidencePrefix: string;
  /** Tells the citizen what became of their attachment, exactly once per media id. */
  tell(job: EvidenceJob, outcome: EvidenceOutcome): Promise<void>;
  log: Log;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const outcomeOf = (record: EvidenceRecord, job: EvidenceJob): EvidenceOutcome =>
  record.state === 'stored'
    ? {
        state: 'stored',
        kind: record.kind ?? 'document',
        describesComplaint: record.describesComplaint ?? false,
      }
    : record.state === 'refused'
      ? { state: 'refused', kind: job.kind, reason: record.reason ?? 'type_not_allowed' }
      : { state: 'unavailable', kind: job.kind };

/**
 * @param lastAttempt this delivery is the queue's last before its DLQ: a transient failure is recorded as
 *   unavailable instead of being retried.
 */
export const downloadWhatsAppMedia = async (
  deps: WhatsAppMediaDeps,
  job: EvidenceJob,
  lastAttempt: boolean,
): Promise<EvidenceOutcome> => {
  const sourceRef = sourceRefOf({ whatsappMediaId: job.mediaId });
  const known = await deps.records.find(job.etag, sourceRef);
  if (known) {
    // A redelivery: the citizen's message may not have gone out yet (it is sent at most once).
    const outcome = outcomeOf(known, job);
    await deps.tell(job, outcome);
    return outcome;
  }

  const id = newEvidenceId(deps.random.bytes);
  const base = {
    id,
    etag: job.etag,
    sourceRef,
    source: 'whatsapp' as const,
    ...(safeFileName(job.fileName) && { fileName: safeFileName(job.fileName) }),
  };
  const at = () => deps.clock.now().toISOString();

  let record: EvidenceRecord;
  if (job.kind === 'sticker') {
    // Nothing to fetch: a sticker is never evidence.
    record = { ...base, state: 'refused', kind: 'sticker', reason: 'sticker', at: at() };
  } else {
    let media: { bytes: Uint8Array; contentType?: string } | undefined;
    try {
      media = await deps.media.downloadMedia(job.mediaId, MAX_EVIDENCE_BYTES);
    } catch (error) {
      if (!(error instanceof MediaGoneError) && !lastAttempt) throw error;
      deps.log.warn('WhatsApp media not fetched', {
        etag: job.etag,
        error: (error as Error).name,
        lastAttempt,
      });
    }
    if (!media) {
      record = { ...base, state: 'unavailable', kind: job.kind, reason: 'unavailable', at: at() };
    } else {
      const verdict = judgeEvidence({
        declaredKind: job.kind,
        declaredType: job.mimeType ?? media.contentType,
        sniffedType: await deps.sniff(media.bytes),
        looksLikeText: looksLikeText(media.bytes),
        size: media.bytes.length,
      });
      if (!verdict.kept) {
        record = { ...base, state: 'refused', kind: job.kind, reason: verdict.reason, at: at() };
      } else {
        const key = evidenceObjectKey(deps.evidencePrefix, job.etag, id);
        const sha256 = sha256Hex(media.bytes);
        await deps.objects.put(key, media.bytes, { contentType: verdict.contentType, sha256Hex: sha256 });
        record = {
          ...base,
          state: 'stored',
          kind: verdict.kind,
          contentType: verdict.contentType,
          bytes: media.bytes.length,
          sha256,
          key,
          ...(job.describesComplaint && verdict.kind === 'audio' && { describesComplaint: true }),
          at: at(),
        };
      }
    }
  }

  const result = await recordEvidence(deps, record);
  if (!result.recorded && record.key) {
    // A concurrent run recorded this media first: our copy is a duplicate.
    await deps.objects.remove(record.key);
  }
  const outcome = outcomeOf(result.record, job);
  deps.log.info('WhatsApp evidence handled', { etag: job.etag, state: outcome.state, kind: outcome.kind });
  await deps.tell(job, outcome);
  return outcome;
};
