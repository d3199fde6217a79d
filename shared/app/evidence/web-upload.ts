/**
 * Evidence from the web portal or the public API, in two steps (docs/evidence.md "From the web"):
 *
 * 1. `startUpload`: for a complaint whose ownership the caller has proven, a presigned POST whose policy pins
 *    the key (chosen here: `incoming/<e-tag>/<random id>`), the content type and the exact size, valid for a
 *    few minutes. The pending upload is remembered with the complaint.
 * 2. `confirmUpload`: the uploaded bytes are read back and checked like a WhatsApp attachment (sniffed type,
 *    allow-list, size, and what S3 cannot be trusted to enforce everywhere: the announced size and the
 *    expiry), copied to `evidence/<e-tag>/<id>` with their SHA-256 and recorded once, whatever the number
 *    of confirms. A refusal is a 400 that records nothing; the refused upload is deleted.
 */
import {
  EVIDENCE_PREFIX,
  EVIDENCE_TYPES,
  evidenceObjectKey,
  INCOMING_PREFIX,
  judgeEvidence,
  kindOfType,
  looksLikeText,
  newEvidenceId,
  safeFileName,
  sourceRefOf,
  type EvidenceRecord,
  type RefusalReason,
} from '../../domain/evidence.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import type { Random } from '../ports.ts';
import type { EvidenceObjectStore, EvidenceRecords, PresignedUpload, SniffType } from './ports.ts';
import { recordEvidence, type RecordEvidenceDeps } from './record-evidence.ts';
import { evidenceView, type EvidenceView } from './views.ts';
import { sha256Hex } from './whatsapp-media.ts';

/** An upload may land this long after its policy expired (clock skew between S3 and us). */
const EXPIRY_SKEW_MS = 60_000;

export interface WebUploadDeps extends RecordEvidenceDeps {
  records: EvidenceRecords;
  objects: EvidenceObjectStore;
  sniff: SniffType;
  random: Random;
  /** How long the presigned POST is valid (seconds). */
  uploadExpirySeconds: number;
}

export interface StartUploadInput {
  /** Canonical e-tag whose ownership the caller has proven. */
  etag: string;
  contentType: string;
  bytes: number;
  fileName?: string;
  /** The voice note is the complaint's description (audio only): officers must listen to it. */
  describesComplaint?: boolean;
}

export interface StartedUpload extends PresignedUpload {
  uploadId: string;
  expiresAt: string;
}

const refused = (reason: RefusalReason, message: string): ValidationError =>
  new ValidationError(message, [{ path: 'file', message: `${reason}: ${message}` }]);

export const startUpload = async (deps: WebUploadDeps, input: StartUploadInput): Promise<StartedUpload> => {
  const complaint = await deps.complaints.get(input.etag);
  if (!complaint) throw new NotFoundError('No complaint matches this e-tag and proof of ownership.');
  const kind = kindOfType(input.contentType);
  if (!kind) throw refused('type_not_allowed', `Files of type ${input.contentType} are not accepted.`);
  if (input.describesComplaint && kind !== 'audio') {
    throw new ValidationError('Only a voice note (audio) can be the description.', [
      { path: 'describesComplaint', message: 'Only an audio file can describe the complaint.' },
    ]);
  }
  if (input.bytes > EVIDENCE_TYPES[kind].maxBytes) {
    throw refused('too_large', `A ${kind} may be at most ${EVIDENCE_TYPES[kind].maxBytes} bytes.`);
  }
  const uploadId = newEvidenceId(deps.random.bytes);
  const key = evidenceObjectKey(INCOMING_PREFIX, complaint.etag, uploadId);
  const validUntil = new Date(deps.clock.now().getTime() + deps.uploadExpirySeconds * 1000).toISOString();
  const fileName = safeFileName(input.fileName);
  await deps.records.saveUpload({
    uploadId,
    etag: complaint.etag,
    kind,
    contentType: input.contentType,
    bytes: input.bytes,
    key,
    ...(fileName && { fileName }),
    ...(input.describesComplaint && { describesComplaint: true }),
    validUntil,
  });
  const presigned = await deps.objects.presignUpload({
    key,
    contentType: input.contentType,
    bytes: input.bytes,
    expiresSeconds: deps.uploadExpirySeconds,
  });
  return { uploadId, expiresAt: validUntil, ...presigned };
};

export interface ConfirmedUpload {
  /** False when an earlier confirm already recorded this upload (nothing changed now). */
  recorded: boolean;
  evidence: EvidenceView;
}

export const confirmUpload = async (
  deps: WebUploadDeps,
  input: { etag: string; uploadId: string },
): Promise<ConfirmedUpload> => {
  const upload = await deps.records.findUpload(input.etag, input.uploadId);
  // Another complaint's upload id reads exactly like an unknown one.
  if (!upload) throw new NotFoundError('No upload with this id for this complaint.');
  const sourceRef = sourceRefOf({ uploadId: upload.uploadId });
  const known = await deps.records.find(upload.etag, sourceRef);
  if (known) return { recorded: false, evidence: evidenceView(known) };

  const object = await deps.objects.read(upload.key, upload.bytes + 1);
  const expired = deps.clock.now().getTime() > Date.parse(upload.validUntil) + EXPIRY_SKEW_MS;
  if (!object) {
    if (expired) throw refused('upload_expired', 'The upload expired before a file arrived. Start again.');
    throw new ConflictError('No file has been uploaded for this upload id yet.');
  }
  const landed = object.lastModified?.getTime();
  let reason: RefusalReason | undefined;
  if (landed !== undefined && landed > Date.parse(upload.validUntil) + EXPIRY_SKEW_MS)
    reason = 'upload_expired';
  else if (object.size !== upload.bytes) reason = 'size_mismatch';
  const verdict = reason
    ? undefined
    : judgeEvidence({
        declaredKind: upload.kind,
        declaredType: upload.contentType,
        sniffedType: await deps.sniff(object.bytes),
        looksLikeText: looksLikeText(object.bytes),
        size: object.size,
      });
  if (verdict && !verdict.kept) reason = verdict.reason;
  if (reason || !verdict?.kept) {
    await deps.objects.remove(upload.key);
    throw refused(reason ?? 'type_not_allowed', REFUSAL_MESSAGES[reason ?? 'type_not_allowed']);
  }

  const id = newEvidenceId(deps.random.bytes);
  const key = evidenceObjectKey(EVIDENCE_PREFIX, upload.etag, id);
  const sha256 = sha256Hex(object.bytes);
  await deps.objects.copy(upload.key, key, { contentType: verdict.contentType, sha256Hex: sha256 });
  const record: EvidenceRecord = {
    id,
    etag: upload.etag,
    sourceRef,
    source: 'web',
    state: 'stored',
    kind: verdict.kind,
    contentType: verdict.contentType,
    bytes: object.size,
    sha256,
    key,
    ...(upload.fileName && { fileName: upload.fileName }),
    // The sniffed kind decides: only audio carries the "must listen" marker.
    ...(upload.describesComplaint && verdict.kind === 'audio' && { describesComplaint: true }),
    at: deps.clock.now().toISOString(),
  };
  const result = await recordEvidence(deps, record);
  // A concurrent confirm recorded it first: this copy is a duplicate.
  if (!result.recorded) await deps.objects.remove(key);
  await deps.objects.remove(upload.key);
  return { recorded: result.recorded, evidence: evidenceView(result.record) };
};

const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
  executable: 'Programs and scripts are never accepted as evidence.',
  archive: 'Compressed files (zip, rar, 7z...) cannot be checked; upload the files themselves.',
  sticker: 'Stickers are not evidence.',
  type_not_allowed: 'This type of file is not accepted.',
  type_mismatch: 'The file is not of the type announced for it.',
  too_large: 'The file is larger than allowed for its type.',
  empty: 'The file is empty.',
  unavailable: 'The file could not be read.',
  upload_missing: 'No file has been uploaded.',
  upload_expired: 'The file arrived after the upload expired. Start again.',
  size_mismatch: 'The file is not the size announced for it.',
};
