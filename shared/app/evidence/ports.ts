/** Ports of the evidence use cases: object storage (S3), the evidence records (DynamoDB), the media source. */
import type { EvidenceRecord, PendingUpload } from '../../domain/evidence.ts';
import type { EvidenceJob } from './whatsapp-media.ts';
import type { ExtraWrite } from '../ports.ts';

export interface StoredObjectInfo {
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly contentType?: string;
  readonly lastModified?: Date;
}

export interface PresignedUpload {
  /** Where the browser POSTs the multipart form. */
  readonly url: string;
  /** Form fields to send before the file, exactly as given (the key, the policy and its signature). */
  readonly fields: Record<string, string>;
}

/** The evidence bucket. Keys are built by the use cases (shared/domain/evidence.ts), never by a client. */
export interface EvidenceObjectStore {
  /** Stores the bytes with their content type and SHA-256 (object metadata and S3's own checksum). */
  put(key: string, bytes: Uint8Array, meta: { contentType: string; sha256Hex: string }): Promise<void>;
  /** The object's bytes, reading at most `maxBytes` (a larger object is reported by size, bytes cut). */
  read(key: string, maxBytes: number): Promise<StoredObjectInfo | undefined>;
  /** Copies an uploaded object to its final key, recording its content type and SHA-256 there. */
  copy(from: string, to: string, meta: { contentType: string; sha256Hex: string }): Promise<void>;
  remove(key: string): Promise<void>;
  /** A browser upload limited by a POST policy: this key, this content type, exactly this many bytes. */
  presignUpload(input: {
    key: string;
    contentType: string;
    bytes: number;
    expiresSeconds: number;
  }): Promise<PresignedUpload>;
  /** A short-lived GET link for one object, offered as a download under `fileName`. */
  presignDownload(input: { key: string; expiresSeconds: number; fileName: string }): Promise<string>;
}

/** Evidence records and pending uploads of a complaint (DynamoDB). */
export interface EvidenceRecords {
  /** The write that creates `record` in the complaint update's transaction; fails it if the source was recorded. */
  creationWrite(record: EvidenceRecord): ExtraWrite;
  find(etag: string, sourceRef: string): Promise<EvidenceRecord | undefined>;
  /** Every record of the complaint, oldest first. */
  list(etag: string): Promise<EvidenceRecord[]>;
  saveUpload(upload: PendingUpload): Promise<void>;
  findUpload(etag: string, uploadId: string): Promise<PendingUpload | undefined>;
}

/** Finds the real type of bytes from their magic numbers; undefined when nothing matches. */
export type SniffType = (bytes: Uint8Array) => Promise<string | undefined>;

/** WhatsApp media through the Graph API (media id -> short-lived URL -> bytes, with the access token). */
export interface MediaSource {
  /**
   * The media's bytes (at most `maxBytes` + 1, so "too large" is still known) and Meta's declared type.
   * Throws MediaGoneError when Meta no longer has it; other errors are transient (retry later).
   */
  downloadMedia(mediaId: string, maxBytes: number): Promise<{ bytes: Uint8Array; contentType?: string }>;
}

/** The evidence downloader's queue: the WhatsApp worker puts each attachment of a filed complaint on it. */
export interface EvidenceJobQueue {
  enqueue(jobs: readonly EvidenceJob[]): Promise<void>;
}
