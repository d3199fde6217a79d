/**
 * The local gateway's thread runs no function handler. libuv accepts one new connection per turn of the event
 * loop, so while handlers kept the gateway's thread busy, a crowd's first burst of new connections waited up to
 * 7 s to be accepted (docs/local-runtime.md, "Threads").
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../infra/local/auth.ts';
import {
  functionThreadOf,
  startFunctionThread,
  type FunctionThread,
} from '../../../infra/local/function-thread.ts';
import { createGateway } from '../../../infra/local/gateway.ts';
import { FUNCTIONS, type FunctionDef } from '../../../infra/topology.ts';

const BUSY: FunctionDef = {
  id: 'Busy',
  entry: 'test/support/busy-http-handler.ts',
  description: 'keeps its thread busy',
  triggers: [{ kind: 'http', method: 'POST', path: '/busy', auth: 'public' }],
  access: {},
};
/** Long enough that, were the handler on the gateway's thread, every probe would wait for it. */
const BUSY_MS = 3000;
const PROBES = 40;

/** A request on a connection of its own (no agent), as each citizen's first delivery in a burst is. */
const onNewConnection = (port: number, method: string, path: string, body = ''): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('the local gateway thread', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('gives every function a thread of its own kind, none to the gateway', () => {
    const byId = new Map(FUNCTIONS.map((fn) => [fn.id, functionThreadOf(fn)]));
    expect(byId.get('WhatsAppWebhook')).toBe('http');
    expect(byId.get('WhatsAppWorker')).toBe('queues');
    for (const fn of FUNCTIONS) {
      const kinds = new Set(fn.triggers.map((t) => t.kind));
      if (kinds.size === 1 && kinds.has('http')) expect(functionThreadOf(fn), fn.id).toBe('http');
      else expect(functionThreadOf(fn), fn.id).not.toBe('http');
    }
  });

  it('accepts and answers new connections while an HTTP handler keeps its own thread busy', async () => {
    // Prepare: the gateway as the runtime wires it, the handler in the thread functionThreadOf names
    const dir = mkdtempSync(join(tmpdir(), 'rabta-gateway-thread-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const thread: FunctionThread = await startFunctionThread({
      name: functionThreadOf(BUSY),
      functions: [BUSY],
      rootDir: REPO_ROOT,
      region: 'ap-south-1',
      stage: 'unit',
      log: () => undefined,
    });
    cleanups.push(() => thread.stop());
    const server: Server = createGateway({
      routes: [{ method: 'POST', path: '/busy', auth: 'public', functionId: BUSY.id }],
      invoke: (functionId, event) => thread.invoke(functionId, event),
      verifyJwt: () => Promise.reject(new Error('no tokens here')),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const startedMarker = join(dir, 'started');

    // Act: the busy request, and once its handler runs, a burst of new connections
    let busyAnswered = false;
    const busy = onNewConnection(
      port,
      'POST',
      '/busy',
      JSON.stringify({ startedMarker, busyMs: BUSY_MS }),
    ).then((status) => {
      busyAnswered = true;
      return status;
    });
    for (let waited = 0; !existsSync(startedMarker); waited += 10) {
      if (waited > 30_000) throw new Error('the busy handler never started');
      await sleep(10);
    }
    const probes = await Promise.all(
      Array.from({ length: PROBES }, () => onNewConnection(port, 'GET', '/nowhere')),
    );
    const answeredDuringHandler = !busyAnswered;

    // Assess: every probe was accepted and answered (404: no such route) before the busy handler finished
    expect(probes).toEqual(Array.from({ length: PROBES }, () => 404));
    expect(answeredDuringHandler).toBe(true);
    expect(await busy).toBe(200);
  });
});
