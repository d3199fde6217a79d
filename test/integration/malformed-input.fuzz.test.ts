/**
 * Thousands of malformed requests to every public complaint route, in process: random JSON, wrong
 * types, huge strings, invalid UTF-8, wrong content types, missing bodies. None may produce a 5xx,
 * every answer must be the JSON error shape, and nothing may be stored.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { Provisioned } from '../../infra/local/provision.ts';
import { provisionForTest } from '../support/aws.ts';
import { apiGatewayEvent, invoke, type ApiHandler, type ApiRequest } from '../support/api-events.ts';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const ITERATIONS = 1200;

const validFiling = () => ({
  complainant: { name: 'Imran Shah', phone: '03001234567' },
  district: 'LHR',
  category: 'traffic',
  description: 'Traffic wardens block the road every evening without any reason.',
});

const makeGen = (random: () => number) => {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const str = (max: number) =>
    Array.from({ length: int(max) }, () =>
      String.fromCodePoint(pick([int(128), 0x600 + int(256), int(0x10ffff)]) % 0x110000),
    )
      .join('')
      .replace(/[\uD800-\uDFFF]/g, '?');
  const value = (depth = 0): unknown => {
    switch (int(depth > 3 ? 6 : 8)) {
      case 0:
        return null;
      case 1:
        return random() < 0.5;
      case 2:
        return pick([0, -1, 1e308, -0.5, 2 ** 53 + 1, int(1e6)]);
      case 3:
        return str(40);
      case 4:
        return 'x'.repeat(pick([0, 1, 5001, 20_000]));
      case 5:
        return pick(['', ' ', '\u0000', '\\ud800', 'LHR-7K3Q-F9XC', '03001234567', '{}']);
      case 6:
        return Array.from({ length: int(4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: int(5) }, () => [
            pick(['etag', 'phone', 'district', str(8)]),
            value(depth + 1),
          ]),
        );
    }
  };
  /** A filing that is always invalid: a required field broken, missing, or an unknown field added. */
  const brokenFiling = (): unknown => {
    const body: Record<string, unknown> = validFiling();
    switch (int(6)) {
      case 0:
        body[pick(['complainant', 'district', 'category'])] = value();
        break; // a random string can be a valid description
      case 1:
        delete body[pick(['complainant', 'district', 'category', 'description'])];
        break;
      case 2:
        body[`extra_${int(100)}`] = value();
        break;
      case 3:
        body.complainant = { ...(body.complainant as object), phone: pick(['', 'abc', '123', str(30), 5]) };
        break;
      case 4:
        body.description = pick(['short', 'y'.repeat(5001), 5, null]);
        break;
      default:
        body.location = { latitude: pick([91, -91, 'north', null]), longitude: 0 };
    }
    return body;
  };
  const bodyFor = (route: 'file' | 'track'): Pick<ApiRequest, 'body' | 'headers' | 'base64'> => {
    switch (int(9)) {
      case 0:
        return {}; // no body
      case 1:
        return { body: Buffer.from([0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0x7d]), base64: random() < 0.5 };
      case 2:
        return { body: JSON.stringify(value()).slice(0, int(30)) }; // truncated JSON
      case 3:
        return {
          body: JSON.stringify(route === 'file' ? validFiling() : { etag: 'x' }),
          headers: {
            'content-type': pick([
              'text/plain',
              'application/xml',
              'multipart/form-data',
              'application/json; charset=latin1',
              '',
            ]),
          },
        };
      case 4:
        return { body: JSON.stringify({ pad: 'z'.repeat(70_000) }) };
      case 5:
        return { body: '{"description":"\\ud800\\udc00\\ud800"}' };
      case 6:
        return { body: value() === null ? 'null' : JSON.stringify(value()) };
      case 7:
        return route === 'file'
          ? { body: brokenFiling() }
          : {
              body: {
                etag: pick(['LHR 7K3Q F9XC', 'lhr-7k3q-f9xd', str(20), 12]),
                ...(random() < 0.5 ? { trackingCode: value() } : { phone: value() }),
              },
            };
      default:
        return {
          body: route === 'file' ? brokenFiling() : value(),
          headers: { 'idempotency-key': pick([str(10), 'k'.repeat(300), '', 'ok-key']) },
        };
    }
  };
  return { int, pick, bodyFor };
};

let provisioned: Provisioned;
let handlers: Record<string, ApiHandler>;

const countItems = async (table: string) =>
  (await new DynamoDBClient({}).send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count ?? 0;

beforeAll(async () => {
  provisioned = await provisionForTest('fuzz');
  handlers = {
    file: (await import('../../functions/file-complaint.ts')).handler as unknown as ApiHandler,
    track: (await import('../../functions/track-complaint.ts')).handler as unknown as ApiHandler,
    reference: (await import('../../functions/reference-data.ts')).handler as unknown as ApiHandler,
    notFound: (await import('../../functions/route-not-found.ts')).handler as unknown as ApiHandler,
  };
}, 60_000);

const expectClientError = (answer: { status: number; body: unknown }, context: string) => {
  expect(answer.status, context).toBeGreaterThanOrEqual(200);
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.body, context).toMatchObject({
      error: { code: expect.any(String), message: expect.any(String) },
    });
  }
};

describe('malformed input to every public route', () => {
  it('never answers 5xx and stores nothing', { timeout: 240_000 }, async () => {
    // Prepare
    const gen = makeGen(prng(20250301));
    const statuses = new Map<number, number>();
    // Act + Assess, request by request
    for (let i = 0; i < ITERATIONS; i++) {
      for (const route of ['file', 'track'] as const) {
        const request: ApiRequest = {
          method: 'POST',
          path: route === 'file' ? '/complaints' : '/complaints/track',
          ...gen.bodyFor(route),
        };
        const answer = await invoke(handlers[route]!, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expectClientError(answer, `${route} #${i}: ${JSON.stringify(request).slice(0, 300)}`);
      }
      const method = gen.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
      const path = gen.pick([
        '/districts',
        '/categories',
        '/openapi.json',
        '/complaints',
        '/x',
        '/%00',
        `/officer/complaints/${gen.int(1e6)}`,
        '/districts/../..',
      ]);
      const event = apiGatewayEvent({ method, path, ...gen.bodyFor('track') });
      if (gen.int(10) === 0) (event as { headers?: unknown }).headers = undefined;
      expectClientError(await invoke(handlers.reference!, event), `reference ${method} ${path}`);
      expectClientError(await invoke(handlers.notFound!, event), `notFound ${method} ${path}`);
    }
    // Assess: nothing was written anywhere, and the fuzz reached the validators (not just one status)
    expect(await countItems(provisioned.names.appTable)).toBe(0);
    expect(await countItems(provisioned.names.idempotencyTable)).toBe(0);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 413, 415]));
  });
});
