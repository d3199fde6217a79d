/**
 * The evidence bucket through S3: objects carry their SHA-256 twice, as S3's own checksum (verified by S3 on
 * upload) and as `x-amz-meta-sha256` (hex, what the timeline and officer view show). Browser uploads are
 * presigned POSTs whose policy pins the key, the content type and the exact length; downloads are presigned
 * GETs that expire in minutes.
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EvidenceObjectStore } from '../../app/evidence/ports.ts';

export interface EvidenceStoreOptions {
  readonly client: S3Client;
  bucketName(): string;
}

const base64OfHex = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

/** RFC 6266 filename for Content-Disposition: ASCII fallback plus the UTF-8 form. */
const attachment = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
};

const isMissing = (error: unknown): boolean =>
  error instanceof NoSuchKey ||
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export const createEvidenceStore = ({ client, bucketName }: EvidenceStoreOptions): EvidenceObjectStore => ({
  async put(key, bytes, meta) {
    await client.send(
      new PutObjectCommand({
        Bucket: bucketName(),
        Key: key,
        Body: bytes,
        ContentType: meta.contentType,
        ChecksumSHA256: base64OfHex(meta.sha256Hex),
        Metadata: { sha256: meta.sha256Hex },
      }),
    );
  },

  async read(key, maxBytes) {
    try {
      const answer = await client.send(
        // One byte past the limit tells "too large" without reading the whole object.
        new GetObjectCommand({ Bucket: bucketName(), Key: key, Range: `bytes=0-${maxBytes}` }),
      );
      const bytes = answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
      const total = /\/(\d+)$/.exec(answer.ContentRange ?? '')?.[1];
      return {
        bytes: bytes.subarray(0, maxBytes),
        size: total !== undefined ? Number(total) : bytes.length,
        ...(answer.ContentType && { contentType: answer.ContentType }),
        ...(answer.LastModified && { lastModified: answer.LastModified }),
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      // An empty object cannot satisfy a range: it exists, with nothing in it.
      if ((error as { name?: string }).name === 'InvalidRange') return { bytes: new Uint8Array(), size: 0 };
      throw error;
    }
  },

  async copy(from, to, meta) {
    const bucket = bucketName();
    await client.send(
      new CopyObjectCommand({
        Bucket: bucket,
        Key: to,
        CopySource: `${bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
        MetadataDirective: 'REPLACE',
        ContentType: meta.contentType,
        ChecksumAlgorithm: 'SHA256',
        Metadata: { sha256: meta.sha256Hex },
      }),
    );
  },

  async remove(key) {
    await client.send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key }));
  },

  async presignUpload({ key, contentType, bytes, expiresSeconds }) {
    const { url, fields } = await createPresignedPost(client, {
      Bucket: bucketName(),
      Key: key,
      Fields: { 'Content-Type': contentType },
      Conditions: [
        ['eq', '$Content-Type', contentType],
        ['content-length-range', bytes, bytes],
      ],
      Expires: expiresSeconds,
    });
    return { url, fields };
  },

  async presignDownload({ key, expiresSeconds, fileName }) {
    return getSignedUrl(
      client,
      new GetObjectCommand({
        Bucket: bucketName(),
        Key: key,
        ResponseContentDisposition: attachment(fileName),
      }),
      { expiresIn: expiresSeconds },
    );
  },
});
