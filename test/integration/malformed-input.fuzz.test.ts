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
import { makeGen, prng } from '../support/malformed.ts';

const ITERATIONS = 1200;

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
