/**
 * What Rabta keeps as evidence, and why it refuses the rest (docs/evidence.md). Pure: the bytes' real type
 * is sniffed by an adapter (magic bytes) and handed in; this module decides.
 *
 * Size limits are Meta's for media a WhatsApp user can send (Cloud API "Supported media types"): image 5 MB,
 * audio and video 16 MB, document 100 MB. Web uploads get the same limits, so an officer never sees a file
 * that could not have come over WhatsApp.
 */
import * as z from './zod.ts';
import type { RandomBytes } from './etag.ts';
import {
  EVIDENCE_KINDS,
  EVIDENCE_TYPES,
  MAX_EVIDENCE_BYTES,
  kindOfType,
  type EvidenceKind,
} from './evidence-types.ts';

/** Bucket prefixes: confirmed evidence, and browser uploads waiting for their confirm step. */
export const EVIDENCE_PREFIX = 'evidence/';
export const INCOMING_PREFIX = 'incoming/';

export { EVIDENCE_KINDS, EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, kindOfType, type EvidenceKind };

export const REFUSAL_REASONS = [
  /** Programs and scripts: never stored, whatever they claim to be. */
  'executable',
  /** zip, rar, 7z, gzip...: their content cannot be checked, so they are refused. */
  'archive',
  /** A sticker is not evidence. */
  'sticker',
  /** Not on the allow-list (or not recognisable at all). */
  'type_not_allowed',
  /** The bytes are not what the sender said they are (e.g. "photo.jpg" that is a PDF). */
  'type_mismatch',
  'too_large',
  'empty',
  /** The media could no longer be fetched from Meta (expired or deleted media id, or Meta kept failing). */
  'unavailable',
  /** A web upload whose object never arrived, or arrived after the upload expired, or was not the announced size. */
  'upload_missing',
  'upload_expired',
  'size_mismatch',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const EXECUTABLE_TYPES = new Set([
  'application/x-msdownload',
  'application/x-dosexec',
  'application/x-msi',
  'application/x-elf',
  'application/x-executable',
  'application/x-sharedlib',
  'application/x-mach-binary',
  'application/x-sh',
  'application/x-shellscript',
  'application/x-bat',
  'application/x-msdos-program',
  'application/vnd.microsoft.portable-executable',
  'application/vnd.android.package-archive',
  'application/java-archive',
  'application/x-java-archive',
  'application/wasm',
  'application/x-apple-diskimage',
  'application/javascript',
  'text/javascript',
]);

const ARCHIVE_TYPES = new Set([
  'application/zip',
  'application/x-zip-compressed',
  'application/vnd.rar',
  'application/x-rar-compressed',
  'application/x-7z-compressed',
  'application/gzip',
  'application/x-gzip',
  'application/x-bzip2',
  'application/x-xz',
  'application/x-tar',
  'application/zstd',
  'application/x-lzip',
  'application/x-cpio',
  'application/x-compress',
  'application/x-iso9660-image',
]);

/** Names for one format that differ between senders and sniffers; the first is the one Rabta records. */
const SAME_FORMAT: readonly (readonly string[])[] = [
  ['image/jpeg', 'image/jpg', 'image/pjpeg'],
  ['audio/ogg', 'audio/opus', 'application/ogg'],
  ['audio/mpeg', 'audio/mp3'],
  ['audio/mp4', 'audio/x-m4a', 'audio/m4a', 'video/mp4'],
  ['audio/aac', 'audio/x-aac', 'audio/aacp'],
  ['audio/amr', 'audio/amr-nb'],
  ['video/3gpp', 'video/3gpp2', 'audio/3gpp'],
  ['video/mp4', 'video/quicktime', 'video/x-m4v'],
  // Legacy Office files are one container format (OLE2 / CFB) to a sniffer.
  ['application/msword', 'application/x-cfb'],
  ['application/vnd.ms-excel', 'application/x-cfb'],
  ['application/vnd.ms-powerpoint', 'application/x-cfb'],
];

/** `audio/ogg; codecs=opus` -> `audio/ogg`. */
export const baseType = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();

const sameFormat = (declared: string, sniffed: string): boolean =>
  declared === sniffed || SAME_FORMAT.some((group) => group.includes(declared) && group.includes(sniffed));

export interface EvidenceCandidate {
  /** What the sender said: the WhatsApp message type (`sticker` included) or the web upload's kind. */
  readonly declaredKind: EvidenceKind | 'sticker';
  /** The content type the sender declared (WhatsApp `mime_type`, the upload's Content-Type). */
  readonly declaredType?: string;
  /** The type found in the bytes (magic numbers); undefined when nothing matched. */
  readonly sniffedType?: string;
  /** Plain text without control bytes: the only allowed type that has no magic number. */
  readonly looksLikeText: boolean;
  readonly size: number;
}

export type EvidenceVerdict =
  | { readonly kept: true; readonly kind: EvidenceKind; readonly contentType: string }
  | { readonly kept: false; readonly reason: RefusalReason };

const refuse = (reason: RefusalReason): EvidenceVerdict => ({ kept: false, reason });

/**
 * Decides whether bytes are kept. Order matters: dangerous content is named as such whatever else is wrong
 * with it; the recorded type is the sender's name for it when it agrees with the bytes.
 */
export const judgeEvidence = (candidate: EvidenceCandidate): EvidenceVerdict => {
  const declared = baseType(candidate.declaredType);
  const sniffed = baseType(candidate.sniffedType);
  if (candidate.declaredKind === 'sticker') return refuse('sticker');
  if (candidate.size === 0) return refuse('empty');
  if (EXECUTABLE_TYPES.has(sniffed) || EXECUTABLE_TYPES.has(declared)) return refuse('executable');
  if (ARCHIVE_TYPES.has(sniffed) || ARCHIVE_TYPES.has(declared)) return refuse('archive');

  let contentType: string;
  if (sniffed) {
    if (declared && !sameFormat(declared, sniffed)) return refuse('type_mismatch');
    contentType = declared && kindOfType(declared) ? declared : sniffed;
  } else if (declared === 'text/plain' && candidate.looksLikeText) {
    contentType = 'text/plain';
  } else {
    return refuse('type_not_allowed');
  }
  const kind = kindOfType(contentType);
  if (!kind) return refuse('type_not_allowed');
  // A voice note is audio even when its container sniffs as video (m4a is an MP4 file).
  if (kind !== candidate.declaredKind && !(candidate.declaredKind === 'audio' && sniffed === 'video/mp4')) {
    return refuse('type_mismatch');
  }
  const recordedKind = candidate.declaredKind === 'audio' ? 'audio' : kind;
  if (candidate.size > EVIDENCE_TYPES[recordedKind].maxBytes) return refuse('too_large');
  return { kept: true, kind: recordedKind, contentType };
};

/** True when the bytes read as text: no NUL or other control bytes except tab, CR, LF, form feed. */
export const looksLikeText = (bytes: Uint8Array): boolean => {
  if (bytes.length === 0) return false;
  for (const byte of bytes.subarray(0, 8192)) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) return false;
  }
  return true;
};

// --- identity and keys -------------------------------------------------------------------------

const BASE64URL = /^[A-Za-z0-9_-]{22}$/;

/** 128 random bits, base64url: the public id of a piece of evidence and the last part of its key. */
export const newEvidenceId = (random: RandomBytes): string => Buffer.from(random(16)).toString('base64url');

export const isEvidenceId = (value: string): boolean => BASE64URL.test(value);

export const evidenceObjectKey = (prefix: string, etag: string, id: string): string =>
  `${prefix}${etag}/${id}`;

/** Where a piece of evidence came from: a WhatsApp media id or a web upload id; one record per source. */
export const sourceRefOf = (source: { whatsappMediaId: string } | { uploadId: string }): string =>
  'whatsappMediaId' in source ? `wa:${source.whatsappMediaId}` : `up:${source.uploadId}`;

// --- records -----------------------------------------------------------------------------------

const isoTime = z.iso.datetime({ offset: true });

export const EvidenceRecordSchema = z.object({
  id: z.string().check(z.regex(BASE64URL)),
  etag: z.string().check(z.minLength(1)),
  sourceRef: z.string().check(z.minLength(1)),
  source: z.enum(['whatsapp', 'web']),
  state: z.enum(['stored', 'refused', 'unavailable']),
  /** What it is (stored), or what the sender said it was (refused). */
  kind: z.optional(z.enum([...EVIDENCE_KINDS, 'sticker'])),
  contentType: z.optional(z.string()),
  bytes: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Hex SHA-256 of the stored bytes. */
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
  key: z.optional(z.string()),
  reason: z.optional(z.enum(REFUSAL_REASONS)),
  /** The voice note that is the complaint's description: officers must listen to it. */
  describesComplaint: z.optional(z.boolean()),
  fileName: z.optional(z.string().check(z.maxLength(200))),
  at: isoTime,
});
export type EvidenceRecord = z.output<typeof EvidenceRecordSchema>;

/** A presigned web upload handed out for one complaint; confirmed at most once. */
export const PendingUploadSchema = z.object({
  uploadId: z.string().check(z.regex(BASE64URL)),
  etag: z.string().check(z.minLength(1)),
  kind: z.enum(EVIDENCE_KINDS),
  contentType: z.string().check(z.minLength(1)),
  bytes: z.number().check(z.int(), z.positive()),
  /** Where the browser was allowed to put it (`incoming/...`). */
  key: z.string().check(z.minLength(1)),
  fileName: z.optional(z.string().check(z.maxLength(200))),
  /** A voice note given as the complaint's description (web): recorded with the "must listen" marker. */
  describesComplaint: z.optional(z.boolean()),
  /** ISO: the presigned POST expires then; anything uploaded later is refused. */
  validUntil: isoTime,
});
export type PendingUpload = z.output<typeof PendingUploadSchema>;

/** Words for a kind in timeline notes ("evidence added: photo"). */
export const EVIDENCE_NOUN: Record<EvidenceKind | 'sticker', string> = {
  image: 'photo',
  audio: 'audio',
  video: 'video',
  document: 'document',
  sticker: 'sticker',
};

/** A file name safe to show and to offer for download: no path, no control characters, bounded. */
export const safeFileName = (name: string | undefined): string | undefined => {
  const cleaned = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || undefined;
};
