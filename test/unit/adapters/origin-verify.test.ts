/** A request that bypassed CloudFront (and its web ACL) is refused; locally, with no token, nothing is checked. */
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { describe, expect, it } from 'vitest';
import {
  ORIGIN_VERIFY_HEADER,
  httpErrors,
  originVerify,
  type ApiEvent,
  type ApiResult,
} from '../../../shared/adapters/http/middleware.ts';
import { invoke } from '../../support/api-events.ts';

const TOKEN = 'k3y-from-secrets-manager-0123456789abcdefghijklmn';

const handlerWith = (token: string | undefined) =>
  middy<ApiEvent, ApiResult>()
    .use(httpErrors())
    .use(httpHeaderNormalizer())
    .use(originVerify(token))
    .handler(async () => ({ statusCode: 200, body: '{"ok":true}' }));

describe('originVerify', () => {
  it.each([
    ['no header', {}],
    ['a wrong value', { [ORIGIN_VERIFY_HEADER]: 'guess' }],
    ['the value with one character changed', { [ORIGIN_VERIFY_HEADER]: `${TOKEN.slice(0, -1)}x` }],
    ['an empty value', { [ORIGIN_VERIFY_HEADER]: '' }],
  ])('refuses a request with %s: 403, the handler never runs', async (_case, headers) => {
    // Act
    const answer = await invoke(handlerWith(TOKEN), { method: 'GET', path: '/districts', headers });
    // Assess
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: { code: 'forbidden', message: 'Call this API at its public address.' },
    });
  });

  it('lets through the value CloudFront sends, whatever the case of the header name', async () => {
    // Act
    const answer = await invoke(handlerWith(TOKEN), {
      method: 'GET',
      path: '/districts',
      headers: { 'X-Rabta-Origin-Verify': TOKEN },
    });
    // Assess
    expect(answer).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('checks nothing when no token is configured (the local runtime has no CloudFront)', async () => {
    // Act
    const answer = await invoke(handlerWith(undefined), { method: 'GET', path: '/districts' });
    // Assess
    expect(answer.status).toBe(200);
  });
});
