/**
 * The whole system on one machine (architecture §6): emulator, resources, fake Graph API, every function
 * of infra/topology.ts behind a local API Gateway, queue and stream pollers, and schedule timers.
 * `npm start` (main.ts) calls startLocalRuntime(); tests start main.ts as a child process.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { ServerResponse } from 'node:http';
import { ENV, QUEUES, type QueueId } from '../resources.ts';
import { seedStructure } from '../../shared/domain/force/seed.ts';
import { FUNCTIONS, type FunctionDef, type HttpTrigger } from '../topology.ts';
import { claimsOfPoolUser, loadLocalIssuer, localIssuerUrl, REPO_ROOT, type LocalIssuer } from './auth.ts';
import { applyEmulatorCredentials, startEmulator, type Emulator } from './emulator.ts';
import { startFakeGraph, type FakeGraph } from './fake-graph.ts';
import { createGateway, type GatewayRoute, type LocalRequest } from './gateway.ts';
import {
  FUNCTION_THREADS,
  functionThreadOf,
  startFunctionThread,
  type FunctionThread,
  type FunctionThreadName,
} from './function-thread.ts';
import { createInvoker, functionArn, loadFunctions, type LocalFunction } from './lambda.ts';
import { pollerClientConfig, startSqsPoller, startStreamPoller, type Log, type Poller } from './pollers.ts';
import { provision, type Provisioned } from './provision.ts';
import { createSiteHandler } from './site.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';

/**
 * Pollers per queue. Lambda scales a FIFO queue's consumers with its active message groups, and a FIFO batch is
 * handled one message after another, so one poller holds up to ten citizens' conversations at a time: under a
 * crowd two pollers made every answer wait (100 citizens × 10 messages: 5 messages/s with 2, 7.5 with 6).
 */
const FIFO_POLLERS = 6;
const STANDARD_POLLERS = 2;

export interface LocalRuntimeOptions {
  /** Gateway port on 127.0.0.1; 0 picks a free one. Default 3000. */
  readonly port?: number;
  /** Resource name prefix; distinct stages share one emulator without seeing each other's data. */
  readonly stage?: string;
  /** Fake Graph API port; default: a free one. */
  readonly graphPort?: number;
  /**
   * A Graph API to send to instead of starting the fake one here (e.g. a fake a test runs itself, so its outbox
   * outlives a restart of this runtime). The `/__local/whatsapp/*` endpoints then answer 409.
   */
  readonly graphUrl?: string;
  /** Fire every schedule this often instead of its rate. */
  readonly scheduleSeconds?: number;
  /** Failed queue messages come back after this many seconds instead of the queue's visibility timeout. */
  readonly retryAfterSeconds?: number;
  /** Pollers per queue (default: FIFO_POLLERS for a FIFO queue, STANDARD_POLLERS otherwise). */
  readonly sqsConcurrency?: number;
  /** Where stream pollers keep their checkpoints across restarts (default: the system temp directory). */
  readonly checkpointDir?: string;
  readonly functions?: readonly FunctionDef[];
  readonly rootDir?: string;
  /**
   * Run the queue functions, the stream and schedule functions, and the HTTP functions each in a worker thread
   * of their own, off the gateway's thread (default true; see function-thread.ts). False runs every function in
   * this thread, for tests whose handlers report through this thread's globals.
   */
  readonly functionThreads?: boolean;
  readonly log?: Log;
}

export interface LocalRuntime {
  readonly apiUrl: string;
  readonly port: number;
  readonly graphUrl: string;
  readonly awsEndpoint: string;
  /** True when this runtime started the emulator (and stops it). */
  readonly ownsEmulator: boolean;
  readonly stage: string;
  readonly provisioned: Provisioned;
  readonly issuer: LocalIssuer;
  readonly loaded: readonly string[];
  readonly missing: readonly string[];
  readonly scheduler: Scheduler;
  /** Absent when the runtime sends to an external Graph API (`graphUrl`). */
  readonly fakeGraph?: FakeGraph;
  stop(): Promise<void>;
}

/** The environment every local function gets on top of the provisioned names. */
const localFunctionEnv = (graphUrl: string): Record<string, string> => ({
  GRAPH_API_BASE_URL: graphUrl,
  WHATSAPP_APP_SECRET: process.env.WHATSAPP_APP_SECRET || 'local-app-secret',
  WHATSAPP_VERIFY_TOKEN: process.env.WHATSAPP_VERIFY_TOKEN || 'local-verify-token',
  WHATSAPP_ACCESS_TOKEN: process.env.WHATSAPP_ACCESS_TOKEN || 'local-access-token',
  // CloudWatch embedded-metric lines mean nothing on a terminal; set it to 'false' to see them.
  POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED || 'true',
});

export const gatewayRoutes = (functions: readonly FunctionDef[]): GatewayRoute[] =>
  functions.flatMap((fn) =>
    fn.triggers
      .filter((t): t is HttpTrigger => t.kind === 'http')
      .map((t) => ({ method: t.method, path: t.path, auth: t.auth, functionId: fn.id })),
  );

const json = (response: ServerResponse, status: number, body: unknown): true => {
  const text = JSON.stringify(body, null, 2);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
  return true;
};

const parseJson = (body: Buffer): unknown => {
  try {
    return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
};

export const startLocalRuntime = async (options: LocalRuntimeOptions = {}): Promise<LocalRuntime> => {
  const log: Log = options.log ?? (() => undefined);
  const stage = options.stage ?? 'local';
  const functions = options.functions ?? FUNCTIONS;
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };

  try {
    applyEmulatorCredentials();
    const emulator: Emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    process.env.AWS_ENDPOINT_URL = emulator.endpoint;
    const region = process.env.AWS_REGION ?? 'ap-south-1';

    const provisioned = await provision({ stage });
    const fakeGraph =
      options.graphUrl === undefined
        ? await startFakeGraph(options.graphPort !== undefined ? { port: options.graphPort } : {})
        : undefined;
    if (fakeGraph) cleanups.push(() => fakeGraph.stop());
    const graphUrl = fakeGraph?.url ?? options.graphUrl ?? '';

    // Handlers read their configuration when their module loads: set it before importing them.
    Object.assign(process.env, provisioned.env, localFunctionEnv(graphUrl));
    const rootDir = options.rootDir ?? REPO_ROOT;
    const threadOf = (fn: FunctionDef): FunctionThreadName | undefined =>
      options.functionThreads === false ? undefined : functionThreadOf(fn);
    const threads = new Map<string, FunctionThread>();
    cleanups.push(async () => {
      await Promise.allSettled([...threads.values()].map((t) => t.stop()));
    });
    // The threads load their functions while this thread loads any function no thread takes (all of them when
    // `functionThreads` is false).
    const [started, here] = await Promise.all([
      Promise.all(
        FUNCTION_THREADS.map((name) => {
          const own = functions.filter((fn) => threadOf(fn) === name);
          return own.length === 0
            ? undefined
            : startFunctionThread({ name, functions: own, rootDir, region, stage, log });
        }),
      ),
      loadFunctions(
        functions.filter((fn) => threadOf(fn) === undefined),
        rootDir,
      ),
    ]);
    for (const thread of started) for (const id of thread?.loaded ?? []) threads.set(id, thread!);
    const loadedIds = new Set([...here.loaded.keys(), ...threads.keys()]);
    const loadedInOrder = functions.map((fn) => fn.id).filter((id) => loadedIds.has(id));
    const missing = functions.map((fn) => fn.id).filter((id) => !loadedIds.has(id));
    // The province's public structure (docs/force.md), like `POST /admin/force/seed` after a deploy.
    const { units, posts } = seedStructure();
    const { forceRepository } = await import('../../shared/runtime/force.ts');
    await forceRepository().seed(units, posts);
    if (missing.length > 0) log('functions without an entry file yet, not wired', { missing });

    const invokeHere = createInvoker({ region, stage });
    const invoke = (functionId: string, event: unknown): Promise<unknown> => {
      const thread = threads.get(functionId);
      if (thread) return thread.invoke(functionId, event);
      const fn: LocalFunction | undefined = here.loaded.get(functionId);
      if (!fn)
        return Promise.reject(new Error(`function ${functionId} is not loaded (its entry file is missing)`));
      return invokeHere(fn, event);
    };

    // --- event source mappings -----------------------------------------------------------------
    const sqs = new SQSClient(pollerClientConfig());
    cleanups.push(async () => sqs.destroy());
    const pollers: Poller[] = [];
    cleanups.push(async () => {
      await Promise.allSettled(pollers.map((p) => p.stop()));
    });
    for (const fn of functions) {
      if (!loadedIds.has(fn.id)) continue;
      for (const trigger of fn.triggers) {
        if (trigger.kind === 'queue' || trigger.kind === 'event') {
          const queueId: QueueId = trigger.queue;
          const queueUrl = provisioned.queueUrls[queueId];
          const { Attributes } = await sqs.send(
            new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
          );
          pollers.push(
            startSqsPoller({
              functionId: fn.id,
              queueUrl,
              queueArn: Attributes?.QueueArn ?? '',
              fifo: QUEUES[queueId].fifo,
              batchSize: trigger.batchSize,
              region,
              invoke: (event) => invoke(fn.id, event),
              ...(options.retryAfterSeconds !== undefined
                ? { retryAfterSeconds: options.retryAfterSeconds }
                : {}),
              concurrency: options.sqsConcurrency ?? (QUEUES[queueId].fifo ? FIFO_POLLERS : STANDARD_POLLERS),
              log,
              client: sqs,
            }),
          );
        } else if (trigger.kind === 'stream') {
          const poller = startStreamPoller({
            functionId: fn.id,
            functionArn: functionArn(fn.id, region, stage),
            streamArn: provisioned.streamArn,
            batchSize: trigger.batchSize,
            retryAttempts: trigger.retryAttempts,
            region,
            invoke: (event) => invoke(fn.id, event),
            onFailureQueueUrl: provisioned.queueUrls[trigger.onFailureQueue],
            log,
            sqsClient: sqs,
            checkpointDir: options.checkpointDir ?? join(tmpdir(), 'rabta-local', 'stream-checkpoints'),
          });
          pollers.push(poller);
          await poller.ready;
        }
      }
    }
    const scheduler = startScheduler({
      schedules: functions.flatMap((fn) =>
        loadedIds.has(fn.id)
          ? fn.triggers.flatMap((t) =>
              t.kind === 'schedule' ? [{ functionId: fn.id, rateMinutes: t.rateMinutes }] : [],
            )
          : [],
      ),
      stage,
      region,
      invoke: (functionId, event) => invoke(functionId, event),
      ...(options.scheduleSeconds !== undefined ? { everySeconds: options.scheduleSeconds } : {}),
      log,
    });
    cleanups.push(() => scheduler.stop());

    // --- HTTP ----------------------------------------------------------------------------------
    let resolveIssuer: (issuer: LocalIssuer) => void = () => undefined;
    const issuerReady = new Promise<LocalIssuer>((r) => {
      resolveIssuer = r;
    });
    let apiUrl = '';
    const admin = async (request: LocalRequest, response: ServerResponse): Promise<boolean> => {
      const { method, path } = request;
      if (path === '/__local/health' && method === 'GET') {
        return json(response, 200, {
          status: 'ok',
          stage,
          apiUrl,
          graphUrl,
          awsEndpoint: emulator.endpoint,
          functions: { loaded: loadedInOrder, missing },
          env: provisioned.env,
        });
      }
      if (path === '/__local/auth/.well-known/jwks.json' && method === 'GET') {
        return json(response, 200, (await issuerReady).jwks);
      }
      if (path === '/__local/auth/.well-known/openid-configuration' && method === 'GET') {
        const issuer = await issuerReady;
        return json(response, 200, {
          issuer: issuer.issuer,
          jwks_uri: `${issuer.issuer}/.well-known/jwks.json`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (path === '/__local/auth/token' && method === 'POST') {
        // Mints any claims, unchecked, so tests can also try forged roles against the functions.
        const body = parseJson(request.body) as
          { expiresIn?: string | number; claims?: Record<string, unknown> } | undefined;
        if (!body?.claims || typeof body.claims.sub !== 'string') {
          return json(response, 400, {
            message:
              'expected {"claims":{"sub":"...","cognito:groups":["role-DPO","district-LHR"]},"expiresIn":"1h"}',
          });
        }
        const token = await (
          await issuerReady
        ).sign(body.claims as never, { expiresIn: body.expiresIn ?? '1h' });
        return json(response, 200, { token });
      }
      if (path === '/__local/auth/officer-token' && method === 'POST') {
        // Signing in as an officer of the directory: the token carries what their pool user carries.
        const body = parseJson(request.body) as
          { username?: unknown; expiresIn?: string | number } | undefined;
        const claims =
          typeof body?.username === 'string'
            ? await claimsOfPoolUser(provisioned.env[ENV.userPoolId] ?? '', body.username)
            : undefined;
        if (!claims)
          return json(response, 404, { message: 'no such officer user (expected {"username":"..."})' });
        const token = await (await issuerReady).sign(claims, { expiresIn: body?.expiresIn ?? '1h' });
        return json(response, 200, { token, claims });
      }
      if (path.startsWith('/__local/whatsapp/') && !fakeGraph) {
        return json(response, 409, {
          message: `this runtime sends to an external Graph API (${graphUrl}): ask that one`,
        });
      }
      if (path === '/__local/whatsapp/outbox' && fakeGraph) {
        if (method === 'GET') {
          const to = request.query.get('to');
          const from = request.query.get('from');
          if (from !== null && !/^\d{1,9}$/.test(from)) {
            return json(response, 400, {
              message: 'from must be the number of entries to skip, e.g. from=120',
            });
          }
          return json(response, 200, fakeGraph.outbox({ ...(to ? { to } : {}), from: Number(from ?? 0) }));
        }
        if (method === 'DELETE') {
          fakeGraph.clear();
          return json(response, 200, { cleared: true });
        }
      }
      if (path === '/__local/whatsapp/faults' && method === 'POST' && fakeGraph) {
        const body = parseJson(request.body) as {
          status?: unknown;
          count?: unknown;
          code?: unknown;
          message?: unknown;
          scope?: unknown;
          delayMs?: unknown;
          retryAfterSeconds?: unknown;
        };
        const status = body?.status;
        const known =
          (typeof status === 'number' && status >= 400 && status <= 599) ||
          status === 'timeout' ||
          status === 'reset' ||
          status === 'slow';
        if (!known) {
          return json(response, 400, {
            message:
              'expected {"status":429|500|...|"timeout"|"reset"|"slow","count":1,"scope":"messages"|"media","delayMs":1000,"retryAfterSeconds":1}',
          });
        }
        const count = typeof body.count === 'number' && body.count > 0 ? Math.floor(body.count) : 1;
        const nonNegative = (value: unknown) => typeof value === 'number' && value >= 0;
        fakeGraph.injectFault({
          status: status as number | 'timeout' | 'reset' | 'slow',
          count,
          ...(body.scope === 'media' && { scope: 'media' as const }),
          ...(typeof body.code === 'number' ? { code: body.code } : {}),
          ...(typeof body.message === 'string' ? { message: body.message } : {}),
          ...(nonNegative(body.delayMs) ? { delayMs: body.delayMs as number } : {}),
          ...(nonNegative(body.retryAfterSeconds)
            ? { retryAfterSeconds: body.retryAfterSeconds as number }
            : {}),
        });
        return json(response, 200, { status, count });
      }
      // Media a citizen "sends": the fake Graph API serves these bytes for this media id.
      if (path === '/__local/whatsapp/media' && method === 'POST' && fakeGraph) {
        const body = parseJson(request.body) as { id?: unknown; mimeType?: unknown; base64?: unknown };
        if (
          !body ||
          typeof body.id !== 'string' ||
          typeof body.mimeType !== 'string' ||
          typeof body.base64 !== 'string'
        ) {
          return json(response, 400, {
            message: 'expected {"id":"...","mimeType":"image/jpeg","base64":"..."}',
          });
        }
        const bytes = new Uint8Array(Buffer.from(body.base64, 'base64'));
        fakeGraph.addMedia({ id: body.id, mimeType: body.mimeType, bytes });
        return json(response, 200, { id: body.id, bytes: bytes.length });
      }
      // Local time travel for SLAs (docs/sla.md "Sweep"): the officer, SLA and notifier functions run in this
      // process and read RABTA_CLOCK_OFFSET_MS on every call (shared/runtime/config.ts clockOffsetMs).
      if (path === '/__local/clock') {
        if (method === 'POST') {
          const body = parseJson(request.body) as { offsetMs?: unknown; advanceMs?: unknown } | undefined;
          const current = Number(process.env.RABTA_CLOCK_OFFSET_MS ?? '0') || 0;
          const next =
            typeof body?.offsetMs === 'number'
              ? body.offsetMs
              : typeof body?.advanceMs === 'number'
                ? current + body.advanceMs
                : undefined;
          if (next === undefined || !Number.isFinite(next)) {
            return json(response, 400, { message: 'expected {"advanceMs": 3600000} or {"offsetMs": 0}' });
          }
          process.env.RABTA_CLOCK_OFFSET_MS = String(next);
        }
        if (method === 'POST' || method === 'GET') {
          const offsetMs = Number(process.env.RABTA_CLOCK_OFFSET_MS ?? '0') || 0;
          return json(response, 200, { offsetMs, now: new Date(Date.now() + offsetMs).toISOString() });
        }
      }
      const schedule = /^\/__local\/schedules\/([A-Za-z0-9]+)$/.exec(path);
      if (schedule && method === 'POST') {
        try {
          const fired = await scheduler.fire(schedule[1] ?? '');
          if (!fired) return json(response, 404, { message: `no schedule for function '${schedule[1]}'` });
          return json(response, 200, { function: schedule[1], result: fired.result ?? null });
        } catch (error) {
          return json(response, 500, {
            function: schedule[1],
            error: error instanceof Error ? error.message : String(error),
          });
        }
      }
      return json(response, 404, { message: 'Not Found' });
    };

    const server: Server = createGateway({
      routes: gatewayRoutes(functions),
      invoke,
      verifyJwt: async (token) => ({ claims: await (await issuerReady).verify(token) }),
      admin,
      site: createSiteHandler(
        () => ({
          apiUrl,
          stage,
          ...(process.env.RABTA_WHATSAPP_NUMBER ? { whatsappNumber: process.env.RABTA_WHATSAPP_NUMBER } : {}),
        }),
        // The evidence bucket's presigned POSTs point at the emulator (path-style), as they point at S3 in AWS.
        [new URL(emulator.endpoint).origin],
      ),
      apiId: `rabta-${stage}`,
      log,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 3000, '127.0.0.1', () => resolve());
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const port = (server.address() as AddressInfo).port;
    apiUrl = `http://127.0.0.1:${port}`;
    const issuer = await loadLocalIssuer({ issuer: localIssuerUrl(port) });
    resolveIssuer(issuer);

    return {
      apiUrl,
      port,
      graphUrl,
      awsEndpoint: emulator.endpoint,
      ownsEmulator: emulator.owned,
      stage,
      provisioned,
      issuer,
      loaded: loadedInOrder,
      missing,
      scheduler,
      ...(fakeGraph && { fakeGraph }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
};
