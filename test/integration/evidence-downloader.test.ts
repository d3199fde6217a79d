/**
 * The evidence downloader's use case end to end below the queue: the real Graph client against the fake
 * Graph API (which serves media and fails on demand), S3 and DynamoDB on moto.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../../infra/local/fake-graph.ts';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { createEvidenceRepository } from '../../shared/adapters/dynamodb/evidence-repository.ts';
import { sniffType } from '../../shared/adapters/files/sniff.ts';
import { createEvidenceStore } from '../../shared/adapters/s3/evidence-store.ts';
import { createGraphClient } from '../../shared/adapters/whatsapp/graph-client.ts';
import {
  downloadWhatsAppMedia,
  type EvidenceJob,
  type EvidenceOutcome,
  type WhatsAppMediaDeps,
} from '../../shared/app/evidence/whatsapp-media.ts';
import { complaintFiledDraft } from '../../shared/app/file-complaint.ts';
import { EVIDENCE_PREFIX } from '../../shared/domain/evidence.ts';
import { documentClient, s3Client } from '../../shared/runtime/common.ts';
import { evidenceConfig, tableConfig } from '../../shared/runtime/config.ts';
import { handler as getComplaintHandler } from '../../functions/officer-get-complaint.ts';
import { handler as openEvidenceHandler } from '../../functions/officer-open-evidence.ts';
import { createHash } from 'node:crypto';
import { provisionForTest } from '../support/aws.ts';
import { call, claimsOf } from './officer-support.ts';
import { makeComplaint } from '../unit/officer/fakes.ts';

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
  ...new Array(64).fill(0),
]);

/** An Ogg Opus voice note's first page (what WhatsApp voice notes are), padded. */
const OGG_OPUS = new Uint8Array([
  ...Buffer.from('OggS'),
  0,
  2,
  ...new Array(22).fill(0),
  ...Buffer.from('OpusHead'),
  1,
  1,
  ...new Array(200).fill(0),
]);

describe('WhatsApp evidence download (fake Graph API, moto)', () => {
  let fakeGraph: FakeGraph;
  let deps: WhatsAppMediaDeps;
  const told: { job: EvidenceJob; outcome: EvidenceOutcome }[] = [];
  const complaint = makeComplaint({ district: 'LHR' });

  const job = (mediaId: string, overrides: Partial<EvidenceJob> = {}): EvidenceJob => ({
    etag: complaint.etag,
    mediaId,
    kind: 'image',
    mimeType: 'image/jpeg',
    citizen: { id: '923001234567', waId: '923001234567' },
    language: 'en',
    ...overrides,
  });

  beforeAll(async () => {
    await provisionForTest('evd');
    fakeGraph = await startFakeGraph();
    const tableName = () => tableConfig().tableName;
    const complaints = createComplaintRepository(documentClient(), tableName);
    await complaints.create(complaint, [complaintFiledDraft(complaint)]);
    deps = {
      complaints,
      records: createEvidenceRepository(documentClient(), tableName),
      clock: { now: () => new Date() },
      media: createGraphClient({
        baseUrl: fakeGraph.url,
        apiVersion: 'v24.0',
        phoneNumberId: async () => 'PHONE',
        accessToken: async () => 'token',
        maxAttempts: 1,
        sleep: async () => undefined,
      }),
      objects: createEvidenceStore({ client: s3Client(), bucketName: () => evidenceConfig().bucketName }),
      sniff: sniffType,
      random: { bytes: (size) => randomBytes(size) },
      evidencePrefix: EVIDENCE_PREFIX,
      tell: async (j, outcome) => {
        told.push({ job: j, outcome });
      },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    };
  });
  afterAll(async () => {
    await fakeGraph?.stop();
  });

  it('fails 3 times on the Graph API, then succeeds: stored once, one timeline entry', async () => {
    // Prepare
    fakeGraph.addMedia({ id: 'media-retry', mimeType: 'image/jpeg', bytes: JPEG });
    fakeGraph.injectFault({ status: 500, count: 3, scope: 'media' });

    // Act: each failing run is a queue delivery that throws and comes back
    const failures: unknown[] = [];
    for (let delivery = 1; delivery <= 3; delivery++) {
      await downloadWhatsAppMedia(deps, job('media-retry'), false).catch((error: unknown) =>
        failures.push(error),
      );
    }
    const outcome = await downloadWhatsAppMedia(deps, job('media-retry'), false);
    const again = await downloadWhatsAppMedia(deps, job('media-retry'), false);

    // Assess
    expect(failures).toHaveLength(3);
    expect(outcome).toEqual({ state: 'stored', kind: 'image', describesComplaint: false });
    expect(again).toEqual(outcome);
    const records = await deps.records.list(complaint.etag);
    const stored = records.filter((r) => r.sourceRef === 'wa:media-retry');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ state: 'stored', contentType: 'image/jpeg', bytes: JPEG.length });
    expect(fakeGraph.mediaFetches('media-retry')).toBe(1);
    const read = await deps.objects.read(stored[0]!.key!, 1000);
    expect(read!.bytes).toEqual(JPEG);
    const timeline = (await deps.complaints.getWithTimeline(complaint.etag))!.timeline;
    expect(timeline.filter((e) => e.type === 'EvidenceAdded')).toHaveLength(1);
    expect(timeline.find((e) => e.type === 'EvidenceAdded')?.note).toBe('evidence added: photo');
  });

  it('records a media id Meta no longer has as unavailable and tells the citizen', async () => {
    // Act
    const outcome = await downloadWhatsAppMedia(
      deps,
      job('media-gone', { kind: 'video', mimeType: 'video/mp4' }),
      false,
    );

    // Assess
    expect(outcome).toEqual({ state: 'unavailable', kind: 'video' });
    expect(await deps.records.find(complaint.etag, 'wa:media-gone')).toMatchObject({
      state: 'unavailable',
      reason: 'unavailable',
    });
    expect(told.filter((t) => t.job.mediaId === 'media-gone').map((t) => t.outcome.state)).toEqual([
      'unavailable',
    ]);
  });

  it('refuses an executable sent as a document and a sticker, with the reason', async () => {
    // Prepare
    fakeGraph.addMedia({
      id: 'media-exe',
      mimeType: 'application/pdf',
      bytes: new Uint8Array([0x4d, 0x5a, ...new Array(300).fill(0)]),
    });

    // Act
    const exe = await downloadWhatsAppMedia(
      deps,
      job('media-exe', { kind: 'document', mimeType: 'application/pdf' }),
      false,
    );
    const sticker = await downloadWhatsAppMedia(
      deps,
      job('media-sticker', { kind: 'sticker', mimeType: 'image/webp' }),
      false,
    );

    // Assess
    expect(exe).toEqual({ state: 'refused', kind: 'document', reason: 'executable' });
    expect(sticker).toEqual({ state: 'refused', kind: 'sticker', reason: 'sticker' });
    const timeline = (await deps.complaints.getWithTimeline(complaint.etag))!.timeline;
    expect(timeline.filter((e) => e.type === 'EvidenceNotKept').map((e) => e.reason)).toEqual(
      expect.arrayContaining(['executable', 'sticker', 'unavailable']),
    );
  });

  it('keeps a transient failure for a retry, but records it as unavailable on the last delivery', async () => {
    // Prepare
    fakeGraph.addMedia({ id: 'media-down', mimeType: 'image/jpeg', bytes: JPEG });
    fakeGraph.injectFault({ status: 503, count: 2, scope: 'media' });

    // Act
    const retried = await downloadWhatsAppMedia(deps, job('media-down'), false).catch((e: unknown) => e);
    const last = await downloadWhatsAppMedia(deps, job('media-down'), true);

    // Assess
    expect(retried).toBeInstanceOf(Error);
    expect(last).toEqual({ state: 'unavailable', kind: 'image' });
  });

  it('a voice note describing the complaint: stored, marked, and an officer of its district opens it', async () => {
    // Prepare
    fakeGraph.addMedia({ id: 'media-voice', mimeType: 'audio/ogg; codecs=opus', bytes: OGG_OPUS });
    const lahore = claimsOf('DPO', { district: 'LHR' });
    const faisalabad = claimsOf('DPO', { district: 'FSD' });
    const detailRoute = '/officer/complaints/{etag}';
    const openRoute = '/officer/complaints/{etag}/evidence/{evidenceId}';

    // Act
    const outcome = await downloadWhatsAppMedia(
      deps,
      job('media-voice', { kind: 'audio', mimeType: 'audio/ogg; codecs=opus', describesComplaint: true }),
      false,
    );
    const detail = await call(getComplaintHandler, {
      method: 'GET',
      path: `/officer/complaints/${complaint.etag}`,
      route: detailRoute,
      pathParameters: { etag: complaint.etag },
      claims: lahore,
    });
    const voice = detail.body.evidence.find((e: { describesComplaint?: boolean }) => e.describesComplaint);
    const open = (claims: Record<string, string>, etag: string, evidenceId: string) =>
      call(openEvidenceHandler, {
        method: 'GET',
        path: `/officer/complaints/${etag}/evidence/${evidenceId}`,
        route: openRoute,
        pathParameters: { etag, evidenceId },
        claims,
      });
    const opened = await open(lahore, complaint.etag, voice.id);
    const download = await fetch(opened.body.url);
    const bytes = new Uint8Array(await download.arrayBuffer());
    const otherDistrict = await open(faisalabad, complaint.etag, voice.id);
    const otherDetail = await call(getComplaintHandler, {
      method: 'GET',
      path: `/officer/complaints/${complaint.etag}`,
      route: detailRoute,
      pathParameters: { etag: complaint.etag },
      claims: faisalabad,
    });
    const unknownComplaint = await open(lahore, 'LHR-0000-000000', voice.id);

    // Assess
    expect(outcome).toEqual({ state: 'stored', kind: 'audio', describesComplaint: true });
    expect(detail.status).toBe(200);
    expect(detail.body.listenToDescription).toBe(true);
    expect(voice).toMatchObject({ kind: 'audio', contentType: 'audio/ogg', state: 'stored' });
    expect(voice.key).toBeUndefined();
    const timeline = (await deps.complaints.getWithTimeline(complaint.etag))!.timeline;
    expect(timeline.map((e) => e.note)).toContain(
      'evidence added: voice note describing the complaint (listen to the audio)',
    );
    expect(opened.status).toBe(200);
    expect(download.status).toBe(200);
    expect(bytes).toEqual(OGG_OPUS);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(voice.sha256);
    expect(otherDistrict.status).toBe(404);
    expect(otherDetail.status).toBe(404);
    expect(otherDistrict.body.error.code).toBe(unknownComplaint.body.error.code);
    expect(unknownComplaint.status).toBe(404);
  });
});
