/**
 * The S3 evidence adapter against the emulator: what moto checks of a presigned POST and what it does not
 * (docs/evidence.md "Emulator gaps"), checksums, ranged reads and presigned GETs.
 */
import { createHash } from 'node:crypto';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceStore } from '../../shared/adapters/s3/evidence-store.ts';
import type { EvidenceObjectStore } from '../../shared/app/evidence/ports.ts';
import { s3Client } from '../../shared/runtime/common.ts';
import { evidenceConfig } from '../../shared/runtime/config.ts';
import { provisionForTest } from '../support/aws.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const postForm = async (upload: { url: string; fields: Record<string, string> }, body: Uint8Array) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([body]));
  return fetch(upload.url, { method: 'POST', body: form });
};

describe('S3 evidence store (moto)', () => {
  let store: EvidenceObjectStore;

  beforeAll(async () => {
    await provisionForTest('ev');
    store = createEvidenceStore({ client: s3Client(), bucketName: () => evidenceConfig().bucketName });
  });

  it('stores bytes with their content type and SHA-256 metadata and reads them back', async () => {
    // Prepare
    const bytes = new TextEncoder().encode('%PDF-1.4 a receipt');
    const digest = sha256(bytes);

    // Act
    await store.put('evidence/LHR-TEST/abc', bytes, { contentType: 'application/pdf', sha256Hex: digest });
    const read = await store.read('evidence/LHR-TEST/abc', 1024);
    const head = await s3Client().send(
      new HeadObjectCommand({ Bucket: evidenceConfig().bucketName, Key: 'evidence/LHR-TEST/abc' }),
    );

    // Assess
    expect(Buffer.from(read!.bytes).toString()).toBe('%PDF-1.4 a receipt');
    expect(read!.size).toBe(bytes.length);
    expect(read!.contentType).toBe('application/pdf');
    expect(head.Metadata).toEqual({ sha256: digest });
  });

  it('reads at most maxBytes yet reports the real size; a missing key is undefined', async () => {
    // Prepare
    const bytes = new Uint8Array(5000).fill(7);
    await store.put('evidence/LHR-TEST/big', bytes, { contentType: 'image/png', sha256Hex: sha256(bytes) });

    // Act
    const read = await store.read('evidence/LHR-TEST/big', 100);

    // Assess
    expect(read!.bytes.length).toBe(100);
    expect(read!.size).toBe(5000);
    expect(await store.read('evidence/LHR-TEST/none', 100)).toBeUndefined();
  });

  it('accepts a presigned POST at the server-chosen key; moto does not enforce the policy conditions', async () => {
    // Prepare
    const upload = await store.presignUpload({
      key: 'incoming/LHR-TEST/up1',
      contentType: 'image/jpeg',
      bytes: 4,
      expiresSeconds: 60,
    });

    // Act
    const good = await postForm(upload, new Uint8Array([1, 2, 3, 4]));
    const tooLong = await postForm(
      { ...upload, fields: { ...upload.fields, key: 'incoming/LHR-TEST/up2' } },
      new Uint8Array(10),
    );

    // Assess: the policy fields are there; the emulator stores both, so the confirm step re-checks everything.
    expect(upload.fields.key).toBe('incoming/LHR-TEST/up1');
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString()) as {
      conditions: unknown[];
    };
    expect(policy.conditions).toContainEqual(['content-length-range', 4, 4]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/jpeg']);
    expect(good.status).toBeLessThan(300);
    expect(tooLong.status).toBeLessThan(300);
    expect((await store.read('incoming/LHR-TEST/up1', 100))!.size).toBe(4);
  });

  it('copies to the final key with the checksum and serves it through a presigned GET', async () => {
    // Prepare
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await store.put('incoming/LHR-TEST/c1', bytes, { contentType: 'image/jpeg', sha256Hex: sha256(bytes) });

    // Act
    await store.copy('incoming/LHR-TEST/c1', 'evidence/LHR-TEST/c1', {
      contentType: 'image/jpeg',
      sha256Hex: sha256(bytes),
    });
    await store.remove('incoming/LHR-TEST/c1');
    const url = await store.presignDownload({
      key: 'evidence/LHR-TEST/c1',
      expiresSeconds: 60,
      fileName: 'تصویر.jpg',
    });
    const response = await fetch(url);

    // Assess
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect(await store.read('incoming/LHR-TEST/c1', 10)).toBeUndefined();
  });
});
