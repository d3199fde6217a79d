/**
 * The complainant's web/API upload end to end below HTTP: the real handlers (file, track, evidence), the
 * presigned POST sent to S3 on moto as a browser would, and the confirm step's checks. moto accepts a POST
 * whatever its policy says (docs/evidence.md "Emulator gaps"), so the size, type and expiry refusals here are
 * Rabta's own checks, the ones that hold everywhere.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provisionForTest } from '../support/aws.ts';
import { invoke, type ApiHandler } from '../support/api-events.ts';
import { oggOpusVoiceNote } from '../support/media-samples.ts';
import { call, claimsOf } from './officer-support.ts';

const JPEG = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0,
  16,
  0x4a,
  0x46,
  0x49,
  0x46,
  0,
  1,
  ...new Array(500).fill(7),
]);
const PDF = new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...new Array(503).fill(0x20)]);

let fileHandler: ApiHandler;
let trackHandler: ApiHandler;
let evidenceHandler: ApiHandler;
let officerDetailHandler: Parameters<typeof call>[0];

/** Each phone may file 5 complaints a day on the web: a test that files more uses another phone. */
const file = async (phone = '0300 1234567'): Promise<Proof> => {
  const filed = await invoke(fileHandler, {
    method: 'POST',
    path: '/complaints',
    body: {
      complainant: { name: 'Ayesha Khan', phone },
      district: 'LHR',
      category: 'theft_robbery',
      description: 'My motorcycle was stolen outside Liberty Market; I have a photo of the thief.',
    },
  });
  return { etag: filed.body.etag, trackingCode: filed.body.trackingCode };
};

type Proof = { etag: string; trackingCode: string };

const start = (proof: Proof, contentType: string, bytes: number) =>
  invoke(evidenceHandler, {
    method: 'POST',
    path: '/complaints/evidence',
    body: { ...proof, contentType, bytes, fileName: 'evidence.jpg' },
  });

const confirm = (proof: Proof, uploadId: string) =>
  invoke(evidenceHandler, {
    method: 'POST',
    path: '/complaints/evidence/confirm',
    body: { ...proof, uploadId },
  });

/** What a browser does with a presigned POST: the fields, then the file, as multipart/form-data. */
const upload = async (started: { url: string; fields: Record<string, string> }, bytes: Uint8Array) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(started.fields)) form.append(name, value);
  form.append('file', new Blob([bytes]));
  return fetch(started.url, { method: 'POST', body: form });
};

beforeAll(async () => {
  await provisionForTest('upl');
  fileHandler = (await import('../../functions/file-complaint.ts')).handler as unknown as ApiHandler;
  trackHandler = (await import('../../functions/track-complaint.ts')).handler as unknown as ApiHandler;
  evidenceHandler = (await import('../../functions/complaint-evidence.ts')).handler as unknown as ApiHandler;
  officerDetailHandler = (await import('../../functions/officer-get-complaint.ts')).handler;
});

afterEach(() => {
  delete process.env.RABTA_CLOCK_OFFSET_MS;
});

describe('POST /complaints/evidence and /complaints/evidence/confirm (moto)', () => {
  it('a good photo: uploaded at the server-chosen key, recorded once with its SHA-256 even when confirmed twice', async () => {
    // Prepare
    const proof = await file();
    // Act
    const started = await start(proof, 'image/jpeg', JPEG.length);
    const posted = await upload(started.body, JPEG);
    const first = await confirm(proof, started.body.uploadId);
    const second = await confirm(proof, started.body.uploadId);
    const tracked = await invoke(trackHandler, { method: 'POST', path: '/complaints/track', body: proof });
    // Assess
    expect(started.status).toBe(201);
    expect(started.body.fields.key).toBe(`incoming/${proof.etag}/${started.body.uploadId}`);
    expect(started.body.fields['Content-Type']).toBe('image/jpeg');
    expect(posted.status).toBeLessThan(300);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      recorded: true,
      evidence: {
        state: 'stored',
        kind: 'image',
        source: 'web',
        bytes: JPEG.length,
        sha256: createHash('sha256').update(JPEG).digest('hex'),
        fileName: 'evidence.jpg',
      },
    });
    expect(first.body.evidence.key).toBeUndefined();
    expect(second.body).toEqual({ ...first.body, recorded: false });
    expect(tracked.body.evidence).toEqual({ count: 1, kinds: { image: 1 } });
    expect(tracked.body.timeline.filter((e: { type: string }) => e.type === 'EvidenceAdded')).toHaveLength(1);
  });

  it('a voice note given as the description is recorded with the "must listen" marker officers see; only audio may be one', async () => {
    // Prepare
    const proof = await file('0300 7654321');
    const voice = oggOpusVoiceNote();
    // Act
    const started = await invoke(evidenceHandler, {
      method: 'POST',
      path: '/complaints/evidence',
      body: { ...proof, contentType: 'audio/ogg', bytes: voice.length, describesComplaint: true },
    });
    await upload(started.body, voice);
    const confirmed = await confirm(proof, started.body.uploadId);
    const photoAsDescription = await invoke(evidenceHandler, {
      method: 'POST',
      path: '/complaints/evidence',
      body: { ...proof, contentType: 'image/jpeg', bytes: JPEG.length, describesComplaint: true },
    });
    const detail = await call(officerDetailHandler, {
      method: 'GET',
      path: `/officer/complaints/${proof.etag}`,
      route: '/officer/complaints/{etag}',
      pathParameters: { etag: proof.etag },
      claims: claimsOf('DPO', { district: 'LHR' }),
    });
    // Assess
    expect(started.status).toBe(201);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.evidence).toMatchObject({ kind: 'audio', describesComplaint: true, source: 'web' });
    expect(photoAsDescription.status).toBe(400);
    expect(photoAsDescription.body.error.issues[0].path).toBe('describesComplaint');
    expect(detail.status).toBe(200);
    expect(detail.body.listenToDescription).toBe(true);
  });

  it('refuses a file too large for its type, and a type not on the allow-list, before any upload', async () => {
    // Prepare
    const proof = await file();
    // Act
    const tooLarge = await start(proof, 'image/jpeg', 5 * 1024 * 1024 + 1);
    const zip = await start(proof, 'application/zip', 1000);
    // Assess
    expect(tooLarge.status).toBe(400);
    expect(JSON.stringify(tooLarge.body)).toContain('too_large');
    expect(zip.status).toBe(400);
    expect(zip.body.error.issues[0].path).toBe('contentType');
  });

  it('refuses a wrong proof of ownership, and another complaint’s upload, as unknown (404)', async () => {
    // Prepare
    const mine = await file();
    const theirs = await file();
    const started = await start(theirs, 'image/jpeg', JPEG.length);
    await upload(started.body, JPEG);
    // Act
    const wrongProof = await start({ etag: mine.etag, trackingCode: theirs.trackingCode }, 'image/jpeg', 10);
    const otherUpload = await confirm(mine, started.body.uploadId);
    // Assess
    expect(wrongProof.status).toBe(404);
    expect(otherUpload.status).toBe(404);
  });

  it('refuses bytes that are not what was announced (type or size) and an upload that arrived after expiry; nothing is recorded', async () => {
    // Prepare
    const proof = await file();
    const disguised = await start(proof, 'image/jpeg', PDF.length);
    await upload(disguised.body, PDF);
    const short = await start(proof, 'image/jpeg', JPEG.length + 10);
    await upload(short.body, JPEG);
    process.env.RABTA_CLOCK_OFFSET_MS = String(-2 * 3600_000);
    const late = await start(proof, 'image/jpeg', JPEG.length);
    delete process.env.RABTA_CLOCK_OFFSET_MS;
    await upload(late.body, JPEG);
    const never = await start(proof, 'image/jpeg', JPEG.length);
    // Act
    const typeMismatch = await confirm(proof, disguised.body.uploadId);
    const sizeMismatch = await confirm(proof, short.body.uploadId);
    const expired = await confirm(proof, late.body.uploadId);
    const notUploaded = await confirm(proof, never.body.uploadId);
    const tracked = await invoke(trackHandler, { method: 'POST', path: '/complaints/track', body: proof });
    // Assess
    expect([typeMismatch.status, sizeMismatch.status, expired.status]).toEqual([400, 400, 400]);
    expect(typeMismatch.body.error.issues[0].message).toMatch(/^type_mismatch/);
    expect(sizeMismatch.body.error.issues[0].message).toMatch(/^size_mismatch/);
    expect(expired.body.error.issues[0].message).toMatch(/^upload_expired/);
    expect(notUploaded.status).toBe(409);
    expect(tracked.body.evidence).toEqual({ count: 0, kinds: {} });
  });
});
