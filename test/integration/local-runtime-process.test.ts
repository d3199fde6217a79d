import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { officerTokenClaims } from '../../infra/local/auth.ts';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let runtime: RunningLocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'proc' });
});

afterAll(async () => {
  await runtime?.stop();
});

describe('local runtime process (npm start)', () => {
  it('reports its health, stage and the environment the functions got', async () => {
    // Act
    const response = await fetch(`${runtime.apiUrl}/__local/health`);
    const health = (await response.json()) as {
      status: string;
      stage: string;
      functions: { loaded: string[] };
    };
    // Assess
    expect(health).toMatchObject({ status: 'ok', stage: runtime.stage });
    expect(runtime.env.TABLE_NAME).toBe(`rabta-${runtime.stage}-app`);
    expect(runtime.issuer).toBe(`${runtime.apiUrl}/__local/auth`);
  });

  it('refuses officer routes without a valid token and passes a signed one through the authorizer', async () => {
    // Prepare
    const token = await runtime.token(officerTokenClaims({ sub: 'dpo-1', role: 'DPO', district: 'LHR' }));
    const expired = await runtime.token(
      officerTokenClaims({ sub: 'dpo-1', role: 'DPO', district: 'LHR' }),
      -60,
    );
    // Act
    const anonymous = await fetch(`${runtime.apiUrl}/officer/complaints`);
    const stale = await fetch(`${runtime.apiUrl}/officer/complaints`, {
      headers: { authorization: `Bearer ${expired}` },
    });
    const signed = await fetch(`${runtime.apiUrl}/officer/complaints`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // Assess
    expect(anonymous.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(signed.status).not.toBe(401);
  });

  it('serves the issuer keys so other tools can verify local tokens', async () => {
    // Act
    const jwks = (await (await fetch(`${runtime.issuer}/.well-known/jwks.json`)).json()) as {
      keys: { kty: string }[];
    };
    // Assess
    expect(jwks.keys[0]?.kty).toBe('RSA');
  });

  it('records Graph API calls in the outbox on the gateway port, and injects faults', async () => {
    // Prepare
    const send = (to: string) =>
      fetch(`${runtime.graphUrl}/v24.0/local-phone-number-id/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer local-access-token' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'salam' } }),
      });
    await fetch(`${runtime.apiUrl}/__local/whatsapp/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, count: 1 }),
    });
    // Act
    const throttled = await send('923001112223');
    const sent = await send('923001112223');
    const other = await send('447700900123');
    const outbox = await runtime.outbox('+92 300 1112223');
    // Assess
    expect(throttled.status).toBe(429);
    expect(((await throttled.json()) as { error: { code: number } }).error.code).toBe(130429);
    expect(sent.status).toBe(200);
    const answer = (await sent.json()) as { messages: { id: string }[]; contacts: { wa_id: string }[] };
    expect(answer.messages[0]?.id).toMatch(/^wamid\./);
    expect(answer.contacts[0]?.wa_id).toBe('923001112223');
    expect(other.status).toBe(200);
    expect(outbox.map((e) => e.status)).toEqual([429, 200]);
    expect(outbox[1]).toMatchObject({ id: answer.messages[0]?.id, type: 'text', to: '923001112223' });
  });

  it('reads the outbox from an index on, so a watcher fetches only what is new, and refuses a bad index', async () => {
    // Prepare
    const everything = await runtime.outbox();
    await fetch(`${runtime.graphUrl}/v24.0/local-phone-number-id/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer local-access-token' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: '923004445556',
        type: 'text',
        text: { body: 'x' },
      }),
    });
    // Act
    const fresh = await runtime.outbox(undefined, { from: everything.length });
    const past = await runtime.outbox(undefined, { from: everything.length + 5 });
    const bad = await fetch(`${runtime.apiUrl}/__local/whatsapp/outbox?from=-1`);
    // Assess
    expect(fresh.map((e) => e.to)).toEqual(['923004445556']);
    expect(past).toEqual([]);
    expect(bad.status).toBe(400);
  });

  it('answers a read receipt like Meta and refuses a call without an access token', async () => {
    // Act
    const read = await fetch(`${runtime.graphUrl}/v24.0/local-phone-number-id/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' }),
    });
    const anonymous = await fetch(`${runtime.graphUrl}/v24.0/local-phone-number-id/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } }),
    });
    // Assess
    expect(await read.json()).toEqual({ success: true });
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for a schedule that does not exist', async () => {
    // Act
    const response = await runtime.fireSchedule('NoSuchFunction');
    // Assess
    expect(response.status).toBe(404);
  });

  it('stops on SIGTERM and leaves no process behind', async () => {
    // Prepare
    const second = await startLocalRuntimeProcess({ stagePrefix: 'stop' });
    // Act
    await second.stop();
    // Assess
    expect(isAlive(second.pid)).toBe(false);
    await expect(fetch(`${second.apiUrl}/__local/health`)).rejects.toThrow();
    await expect(fetch(`${second.graphUrl}/`)).rejects.toThrow();
    // A whole start (moto, resources, three threads loading their functions) under a shared machine's load.
  }, 90_000);
});
