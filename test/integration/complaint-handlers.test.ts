import { randomBytes, randomUUID } from 'node:crypto';
import { generateEtag } from '../../shared/domain/etag.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { httpRoutes } from '../../infra/topology.ts';
import type { Provisioned } from '../../infra/local/provision.ts';
import { provisionForTest } from '../support/aws.ts';
import { invoke, type ApiHandler } from '../support/api-events.ts';

const complaintBody = (description = 'Police at the checkpoint demanded money to let my rickshaw pass.') => ({
  complainant: { name: 'Zahid Iqbal', phone: '0321-7654321' },
  district: 'RWP',
  category: 'corruption',
  description,
});

let fileHandler: ApiHandler;
let trackHandler: ApiHandler;
let referenceHandler: ApiHandler;
let notFoundHandler: ApiHandler;
let provisioned: Provisioned;

const countItems = async (table: string): Promise<number> =>
  (await new DynamoDBClient({}).send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? 0;

beforeAll(async () => {
  provisioned = await provisionForTest('hdl');
  fileHandler = (await import('../../functions/file-complaint.ts')).handler as unknown as ApiHandler;
  trackHandler = (await import('../../functions/track-complaint.ts')).handler as unknown as ApiHandler;
  referenceHandler = (await import('../../functions/reference-data.ts')).handler as unknown as ApiHandler;
  notFoundHandler = (await import('../../functions/route-not-found.ts')).handler as unknown as ApiHandler;
});

describe('POST /complaints and POST /complaints/track', () => {
  it('files a complaint (201) and tracks it with the tracking code or the phone', async () => {
    // Act
    const filed = await invoke(fileHandler, { method: 'POST', path: '/complaints', body: complaintBody() });
    const byCode = await invoke(trackHandler, {
      method: 'POST',
      path: '/complaints/track',
      body: { etag: filed.body.etag, trackingCode: filed.body.trackingCode },
    });
    const byPhone = await invoke(trackHandler, {
      method: 'POST',
      path: '/complaints/track',
      body: { etag: filed.body.etag.toLowerCase(), phone: '+923217654321' },
    });
    // Assess
    expect(filed.status).toBe(201);
    expect(filed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(filed.body).toMatchObject({
      etag: expect.stringMatching(/^RWP-/),
      status: 'received',
      track: { path: '/complaints/track' },
    });
    expect(filed.body).not.toHaveProperty('complaint');
    expect(byCode.status).toBe(200);
    expect(byCode.body).toMatchObject({
      etag: filed.body.etag,
      status: 'received',
      category: 'corruption',
      district: 'RWP',
    });
    expect(byCode.body.timeline).toEqual([expect.objectContaining({ type: 'ComplaintFiled' })]);
    expect(JSON.stringify(byCode.body)).not.toMatch(/Zahid|7654321|trackingCodeHash/);
    expect(byPhone.status).toBe(200);
  });

  it('answers a wrong proof exactly as an unknown e-tag: 404 with the same body', async () => {
    // Prepare
    const filed = await invoke(fileHandler, { method: 'POST', path: '/complaints', body: complaintBody() });
    const other = await invoke(fileHandler, { method: 'POST', path: '/complaints', body: complaintBody() });
    const unknownEtag = generateEtag('RWP', (n) => randomBytes(n));
    // Act
    const wrong = await invoke(trackHandler, {
      method: 'POST',
      path: '/complaints/track',
      body: { etag: filed.body.etag, trackingCode: other.body.trackingCode },
    });
    const unknown = await invoke(trackHandler, {
      method: 'POST',
      path: '/complaints/track',
      body: { etag: unknownEtag, trackingCode: other.body.trackingCode },
    });
    // Assess
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(unknown.status).toBe(404);
    expect(unknown.raw).toBe(wrong.raw);
  });

  it('honours Idempotency-Key: same body → same complaint; different body → 422; nothing extra stored', async () => {
    // Prepare
    const key = randomUUID();
    const headers = { 'Idempotency-Key': key };
    // Act
    const first = await invoke(fileHandler, {
      method: 'POST',
      path: '/complaints',
      body: complaintBody(),
      headers,
    });
    const before = await countItems(provisioned.names.appTable);
    const replay = await invoke(fileHandler, {
      method: 'POST',
      path: '/complaints',
      body: complaintBody(),
      headers,
    });
    const reused = await invoke(fileHandler, {
      method: 'POST',
      path: '/complaints',
      body: complaintBody('A completely different complaint about a different checkpoint.'),
      headers,
    });
    const after = await countItems(provisioned.names.appTable);
    const again = await invoke(fileHandler, {
      method: 'POST',
      path: '/complaints',
      body: complaintBody(),
      headers,
    });
    // Assess
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    expect(after).toBe(before);
    expect(again.body.etag).toBe(first.body.etag);
  });

  it('maps malformed requests to clear 4xx answers in the one error shape', async () => {
    // Act
    const answers = {
      badJson: await invoke(fileHandler, { method: 'POST', path: '/complaints', body: '{"complainant":' }),
      invalid: await invoke(fileHandler, {
        method: 'POST',
        path: '/complaints',
        body: { ...complaintBody(), district: 'NOPE' },
      }),
      wrongType: await invoke(fileHandler, {
        method: 'POST',
        path: '/complaints',
        body: JSON.stringify(complaintBody()),
        headers: { 'content-type': 'text/plain' },
      }),
      tooLarge: await invoke(fileHandler, {
        method: 'POST',
        path: '/complaints',
        body: { ...complaintBody('x'.repeat(70_000)) },
      }),
      missing: await invoke(fileHandler, {
        method: 'POST',
        path: '/complaints',
        headers: { 'content-type': 'application/json' },
      }),
      badUtf8: await invoke(fileHandler, {
        method: 'POST',
        path: '/complaints',
        body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        base64: true,
      }),
      badKey: await invoke(fileHandler, {
        method: 'POST',
        path: '/complaints',
        body: complaintBody(),
        headers: { 'idempotency-key': 'é'.repeat(3) },
      }),
    };
    // Assess
    expect(answers.badJson).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(answers.invalid.status).toBe(400);
    expect(answers.invalid.body.error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'district', message: expect.any(String) }],
    });
    expect(answers.wrongType).toMatchObject({
      status: 415,
      body: { error: { code: 'unsupported_media_type' } },
    });
    expect(answers.tooLarge).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    expect(answers.missing).toMatchObject({ status: 400, body: { error: { code: 'missing_body' } } });
    expect(answers.badUtf8).toMatchObject({ status: 400, body: { error: { code: 'invalid_encoding' } } });
    expect(answers.badKey).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_idempotency_key' } },
    });
  });

  it('accepts a base64-encoded body, as API Gateway sends binary-safe payloads', async () => {
    // Act
    const filed = await invoke(fileHandler, {
      method: 'POST',
      path: '/complaints',
      body: complaintBody(),
      base64: true,
    });
    // Assess
    expect(filed.status).toBe(201);
  });
});

describe('reference data and unknown routes', () => {
  it('serves districts and categories, bilingual', async () => {
    // Act
    const districts = await invoke(referenceHandler, { method: 'GET', path: '/districts' });
    const categories = await invoke(referenceHandler, { method: 'GET', path: '/categories' });
    // Assess
    expect(districts.status).toBe(200);
    expect(districts.body.districts).toContainEqual(
      expect.objectContaining({ code: 'LHR', en: expect.any(String), ur: expect.any(String) }),
    );
    expect(districts.body.regions.length).toBeGreaterThan(5);
    expect(categories.body.categories).toContainEqual(
      expect.objectContaining({ code: 'fir_not_registered' }),
    );
  });

  it('serves an OpenAPI 3.1 document that covers every public route of the topology', async () => {
    // Act
    const doc = await invoke(referenceHandler, { method: 'GET', path: '/openapi.json' });
    // Assess
    expect(doc.body.openapi).toBe('3.1.0');
    for (const { route } of httpRoutes().filter(
      (r) => r.route.auth === 'public' && r.route.path.startsWith('/'),
    )) {
      expect(
        doc.body.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
    expect(doc.body.components.schemas.FileComplaintRequest.required).toEqual(
      expect.arrayContaining(['complainant', 'district', 'category', 'description']),
    );
    // Every limited citizen route documents its 429 and the Retry-After header clients must honour.
    for (const path of ['/complaints', '/complaints/track', '/complaints/evidence', '/complaints/feedback']) {
      expect(doc.body.paths[path].post.responses['429']?.headers?.['Retry-After'], path).toBeDefined();
    }
  });

  it('answers 405 with Allow for a known path and another method, 404 otherwise', async () => {
    // Act
    const wrongMethod = await invoke(notFoundHandler, { method: 'DELETE', path: '/complaints' });
    const param = await invoke(notFoundHandler, {
      method: 'GET',
      path: '/officer/complaints/LHR-1234-5678/assign',
    });
    const unknown = await invoke(notFoundHandler, { method: 'GET', path: '/nothing/here' });
    // Assess
    expect(wrongMethod).toMatchObject({
      status: 405,
      headers: { allow: 'POST' },
      body: { error: { code: 'method_not_allowed' } },
    });
    expect(param).toMatchObject({ status: 405, headers: { allow: 'POST' } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
