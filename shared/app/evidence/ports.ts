/** Ports of the evidence use cases: object storage (S3), the evidence records (DynamoDB), the media source. */

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
