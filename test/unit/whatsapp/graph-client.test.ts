import { describe, expect, it } from 'vitest';
import { GraphApiError } from '../../../shared/app/whatsapp/errors.ts';
import {
  createGraphClient,
  toGraphBody,
  type GraphClientOptions,
} from '../../../shared/adapters/whatsapp/graph-client.ts';

interface Call {
  url: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** A fake fetch answering from a script of responses, recording requests and sleeps. */
const scripted = (responses: (() => Response)[]) => {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const fetchFake = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)), headers: init.headers as Record<string, string> });
    const next = responses.shift();
    if (!next) throw new Error('no more scripted responses');
    return next();
  }) as unknown as typeof fetch;
  const options: GraphClientOptions = {
    baseUrl: 'http://graph.test/',
    apiVersion: 'v24.0',
    phoneNumberId: async () => 'PNID',
    accessToken: async () => 'token-1',
    maxAttempts: 4,
    fetch: fetchFake,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  };
  return { calls, sleeps, options };
};

const ok =
  (id = 'wamid.OUT1') =>
  () =>
    Response.json({ messaging_product: 'whatsapp', messages: [{ id }] });
const status =
  (code: number, headers: Record<string, string> = {}, errorCode?: number) =>
  () =>
    Response.json({ error: { message: 'nope', code: errorCode } }, { status: code, headers });

describe('graph client', () => {
  it('posts a text message to <base>/<version>/<phone number id>/messages with the bearer token', async () => {
    // Prepare
    const { calls, options } = scripted([ok()]);
    // Act
    const result = await createGraphClient(options).send(
      { waId: '923001234567' },
      { type: 'text', body: 'Salam' },
    );
    // Assess
    expect(result).toEqual({ wamid: 'wamid.OUT1' });
    expect(calls[0]!.url).toBe('http://graph.test/v24.0/PNID/messages');
    expect(calls[0]!.headers.authorization).toBe('Bearer token-1');
    expect(calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '923001234567',
      type: 'text',
      text: { preview_url: false, body: 'Salam' },
    });
  });

  it('retries 429 and 5xx with growing, jittered backoff and honours Retry-After', async () => {
    // Prepare
    const { calls, sleeps, options } = scripted([
      status(429, { 'retry-after': '3' }),
      status(503),
      status(500),
      ok(),
    ]);
    // Act
    await createGraphClient(options).send({ waId: '1' }, { type: 'text', body: 'x' });
    // Assess
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([3000, 200, 400]);
  });

  it('gives up after maxAttempts with a retryable GraphApiError', async () => {
    // Prepare
    const { calls, options } = scripted([status(500), status(502), status(503), status(504), ok()]);
    // Act
    const error = await createGraphClient(options)
      .send({ waId: '1' }, { type: 'text', body: 'x' })
      .catch((e) => e);
    // Assess
    expect(calls).toHaveLength(4);
    expect(error).toBeInstanceOf(GraphApiError);
    expect(error.retryable).toBe(true);
  });

  it("does not retry a 400 and reports Meta's error code", async () => {
    // Prepare
    const { calls, options } = scripted([status(400, {}, 131047), ok()]);
    // Act
    const error = await createGraphClient(options)
      .send({ waId: '1' }, { type: 'text', body: 'x' })
      .catch((e) => e);
    // Assess
    expect(calls).toHaveLength(1);
    expect(error).toMatchObject({ name: 'GraphApiError', status: 400, code: 131047, retryable: false });
  });

  it("retries Meta's pair rate limit (400, 131056) after at least the pair-rate pause", async () => {
    // Prepare
    const { calls, sleeps, options } = scripted([status(400, {}, 131056), ok()]);
    // Act
    await createGraphClient({ ...options, pairRateDelayMs: 6000 }).send(
      { waId: '1' },
      { type: 'text', body: 'x' },
    );
    // Assess
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([6000]);
  });

  it('abandons a hung attempt after the attempt time-out and retries it; a reset is retried too', async () => {
    // Prepare: the first call never answers, the second is reset, the third succeeds
    const { options } = scripted([]);
    let call = 0;
    const fetchFake = ((_url: string, init: RequestInit) => {
      call++;
      if (call === 1) {
        return new Promise((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      }
      if (call === 2)
        return Promise.reject(Object.assign(new TypeError('fetch failed'), { code: 'ECONNRESET' }));
      return Promise.resolve(ok()());
    }) as unknown as typeof fetch;
    // Act
    const result = await createGraphClient({ ...options, fetch: fetchFake, attemptTimeoutMs: 20 }).send(
      { waId: '1' },
      { type: 'text', body: 'x' },
    );
    // Assess
    expect(result).toEqual({ wamid: 'wamid.OUT1' });
    expect(call).toBe(3);
  });

  it('marks a message as read', async () => {
    // Prepare
    const { calls, options } = scripted([() => Response.json({ success: true })]);
    // Act
    await createGraphClient(options).markAsRead('wamid.IN');
    // Assess
    expect(calls[0]!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' });
  });
});

describe('toGraphBody', () => {
  it("builds an interactive list in Meta's shape and refuses more than 10 rows", () => {
    // Prepare
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    // Act
    const body = toGraphBody(
      { waId: '1' },
      { type: 'list', body: 'Pick', button: 'Services', sections: [{ title: 'All', rows: rows(10) }] },
    );
    // Assess
    expect(body).toMatchObject({
      type: 'interactive',
      interactive: { type: 'list', body: { text: 'Pick' }, action: { button: 'Services' } },
    });
    expect(() =>
      toGraphBody(
        { waId: '1' },
        {
          type: 'list',
          body: 'Pick',
          button: 'Services',
          sections: [
            { title: 'A', rows: rows(6) },
            { title: 'B', rows: rows(5) },
          ],
        },
      ),
    ).toThrow();
  });

  it('builds reply buttons and refuses a fourth button', () => {
    // Prepare
    const buttons = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `b${i}`, title: `B${i}` }));
    // Act
    const body = toGraphBody({ waId: '1' }, { type: 'buttons', body: 'Confirm?', buttons: buttons(3) });
    // Assess
    expect(body).toMatchObject({
      interactive: {
        type: 'button',
        action: { buttons: [{ type: 'reply', reply: { id: 'b0', title: 'B0' } }, {}, {}] },
      },
    });
    expect(() => toGraphBody({ waId: '1' }, { type: 'buttons', body: 'x', buttons: buttons(4) })).toThrow();
  });

  it('builds a template with one body parameter, and addresses a username-only citizen by user id', () => {
    // Act
    const body = toGraphBody(
      { userId: 'US.123' },
      { type: 'template', name: 'rabta_update', language: 'ur', bodyParameters: ['Your complaint moved'] },
    );
    // Assess
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: 'US.123',
      type: 'template',
      template: {
        name: 'rabta_update',
        language: { code: 'ur' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Your complaint moved' }] }],
      },
    });
  });
});
