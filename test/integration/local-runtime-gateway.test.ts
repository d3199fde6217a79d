import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalIssuer, officerTokenClaims, type LocalIssuer } from '../../infra/local/auth.ts';
import { createGateway, MAX_PAYLOAD_BYTES, type GatewayRoute } from '../../infra/local/gateway.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/** Tiny test functions standing in for the real ones. */
const testFunctions: Record<string, (event: Event) => unknown> = {
  Echo: (event) => ({
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  }),
  Plain: () => ({ ok: true }),
  Text: () => 'hello',
  Boom: () => {
    throw new Error('handler bug');
  },
  Malformed: () => ({ statusCode: 'teapot' }),
  Rich: () => ({
    statusCode: 201,
    headers: { 'X-Thing': 7 },
    cookies: ['a=1; Path=/', 'b=2'],
    body: Buffer.from([0xff, 0x00, 0x01]).toString('base64'),
    isBase64Encoded: true,
  }),
};

const routes: GatewayRoute[] = [
  { method: 'POST', path: '/complaints', auth: 'public', functionId: 'Echo' },
  { method: 'POST', path: '/complaints/track', auth: 'public', functionId: 'Echo' },
  { method: 'GET', path: '/things/{id}', auth: 'public', functionId: 'Echo' },
  { method: 'GET', path: '/things/special', auth: 'public', functionId: 'Plain' },
  { method: 'GET', path: '/files/{path+}', auth: 'public', functionId: 'Echo' },
  { method: 'GET', path: '/officer/me', auth: 'officer', functionId: 'Echo' },
  { method: 'GET', path: '/plain', auth: 'public', functionId: 'Plain' },
  { method: 'GET', path: '/text', auth: 'public', functionId: 'Text' },
  { method: 'GET', path: '/boom', auth: 'public', functionId: 'Boom' },
  { method: 'GET', path: '/malformed', auth: 'public', functionId: 'Malformed' },
  { method: 'GET', path: '/rich', auth: 'public', functionId: 'Rich' },
  { method: 'ANY', path: '$default', auth: 'public', functionId: 'Echo' },
];

let server: Server;
let baseUrl: string;
let issuer: LocalIssuer;
let otherIssuer: LocalIssuer;
const keyDir = mkdtempSync(join(tmpdir(), 'rabta-gw-'));

beforeAll(async () => {
  issuer = await loadLocalIssuer({
    issuer: 'http://127.0.0.1:1/__local/auth',
    keyFile: join(keyDir, 'key.json'),
  });
  otherIssuer = await loadLocalIssuer({ issuer: issuer.issuer, keyFile: join(keyDir, 'other-key.json') });
  server = createGateway({
    routes,
    invoke: async (functionId, event) => testFunctions[functionId]?.(event as Event),
    verifyJwt: async (token) => ({ claims: await issuer.verify(token) }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const echo = async (path: string, init: RequestInit = {}): Promise<Event> => {
  const response = await fetch(`${baseUrl}${path}`, init);
  expect(response.status).toBe(200);
  return (await response.json()) as Event;
};

describe('local gateway: request to payload 2.0 event', () => {
  it('builds the HTTP API event: route key, raw path and query, lower-cased headers, cookies, text body', async () => {
    // Act
    const event = await echo('/complaints?lang=en&x=1&x=2', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom-Header': 'yes', Cookie: 'a=1; b=2' },
      body: '{"name":"علی"}',
    });
    // Assess
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /complaints',
      rawPath: '/complaints',
      rawQueryString: 'lang=en&x=1&x=2',
      queryStringParameters: { lang: 'en', x: '1,2' },
      cookies: ['a=1', 'b=2'],
      body: '{"name":"علی"}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/complaints', sourceIp: '127.0.0.1' },
        routeKey: 'POST /complaints',
      },
    });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-custom-header']).toBe('yes');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.pathParameters).toBeUndefined();
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(typeof event.requestContext.requestId).toBe('string');
    expect(event.requestContext.timeEpoch).toBeGreaterThan(0);
  });

  it('passes a body that is not valid UTF-8 as base64, byte for byte', async () => {
    // Prepare
    const bytes = Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
    // Act
    const event = await echo('/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
    });
    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(bytes);
  });

  it('passes a leading UTF-8 byte order mark unchanged, as API Gateway does', async () => {
    // Act
    const event = await echo('/complaints', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('\ufeff{"name":"علی"}', 'utf8'),
    });
    // Assess
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('\ufeff{"name":"علی"}');
  });

  it('passes a binary content type as base64 and omits the body when there is none', async () => {
    // Act
    const binary = await echo('/complaints', {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: 'abc',
    });
    const empty = await echo('/things/1');
    // Assess
    expect(binary).toMatchObject({ isBase64Encoded: true, body: Buffer.from('abc').toString('base64') });
    expect(empty.body).toBeUndefined();
    expect(empty.isBase64Encoded).toBe(false);
  });

  it('fills path parameters, decoded, preferring literal routes and supporting greedy ones', async () => {
    // Act
    const variable = await echo('/things/a%20b');
    const literal = await fetch(`${baseUrl}/things/special`);
    const greedy = await echo('/files/a/b/c.txt');
    // Assess
    expect(variable).toMatchObject({ routeKey: 'GET /things/{id}', pathParameters: { id: 'a b' } });
    expect(await literal.json()).toEqual({ ok: true });
    expect(greedy).toMatchObject({ routeKey: 'GET /files/{path+}', pathParameters: { path: 'a/b/c.txt' } });
  });

  it('sends unknown paths and wrong methods to the $default route', async () => {
    // Act
    const unknown = await echo('/nowhere');
    const wrongMethod = await echo('/complaints', { method: 'DELETE' });
    // Assess
    expect(unknown).toMatchObject({ routeKey: '$default', rawPath: '/nowhere' });
    expect(wrongMethod).toMatchObject({
      routeKey: '$default',
      requestContext: { http: { method: 'DELETE' } },
    });
  });

  it('answers 413 above the 10 MB API Gateway payload limit without calling the function', async () => {
    // Act
    const response = await fetch(`${baseUrl}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x20),
    });
    // Assess
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
  });
});

describe('local gateway: JWT authorizer on officer routes', () => {
  const claims = officerTokenClaims({ sub: 'officer-1', role: 'DPO', district: 'LHR' });

  it('puts the verified claims, as strings, into requestContext.authorizer.jwt', async () => {
    // Prepare
    const token = await issuer.sign(claims, { expiresIn: '5m' });
    // Act
    const event = await echo('/officer/me', { headers: { authorization: `Bearer ${token}` } });
    // Assess
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({
      ...claims,
      // An array claim becomes one string, as API Gateway hands it over.
      'cognito:groups': '[role-DPO district-LHR]',
      iss: issuer.issuer,
      aud: 'rabta-local',
    });
    expect(typeof event.requestContext.authorizer.jwt.claims.exp).toBe('string');
    expect(event.requestContext.authorizer.jwt.scopes).toEqual([]);
  });

  it.each([
    ['no token', async () => undefined],
    ['a malformed token', async () => 'Bearer not-a-jwt'],
    ['a token signed by another key', async () => `Bearer ${await otherIssuer.sign(claims)}`],
    ['an expired token', async () => `Bearer ${await issuer.sign(claims, { expiresIn: -60 })}`],
    [
      'a token for another audience',
      async () => {
        const foreign = await loadLocalIssuer({
          issuer: 'http://elsewhere/auth',
          keyFile: join(keyDir, 'foreign-key.json'),
        });
        return `Bearer ${await foreign.sign(claims)}`;
      },
    ],
  ])('answers 401 like API Gateway for %s', async (_name, header) => {
    // Prepare
    const authorization = await header();
    // Act
    const response = await fetch(
      `${baseUrl}/officer/me`,
      authorization ? { headers: { authorization } } : {},
    );
    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});

describe('local gateway: function result to HTTP', () => {
  it('answers a result without statusCode as 200 JSON, a string as the body', async () => {
    // Act
    const plain = await fetch(`${baseUrl}/plain`);
    const text = await fetch(`${baseUrl}/text`);
    // Assess
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('application/json');
    expect(await plain.json()).toEqual({ ok: true });
    expect(await text.text()).toBe('hello');
  });

  it('maps status, headers, cookies and a base64 body', async () => {
    // Act
    const response = await fetch(`${baseUrl}/rich`);
    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('x-thing')).toBe('7');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0xff, 0x00, 0x01]));
  });

  it.each(['/boom', '/malformed'])(
    'answers 500 Internal Server Error when %s fails or returns garbage',
    async (path) => {
      // Act
      const response = await fetch(`${baseUrl}${path}`);
      // Assess
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    },
  );
});
