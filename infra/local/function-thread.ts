/**
 * Functions in a worker thread of their own, as in AWS where each function has its own containers: the queue,
 * stream and HTTP functions each run off the gateway's thread, so a webhook request never waits behind a worker
 * batch or stream work, and the gateway accepts new connections while handlers run (docs/local-runtime.md
 * "Threads"). The thread shares the process environment (SHARE_ENV), so
 * `/__local/clock` and the provisioned names reach it, and stamps its log lines as the main thread does.
 * This module is both sides: `startFunctionThread` in the runtime, and the thread's own loop when loaded as one.
 */
import { isMainThread, parentPort, SHARE_ENV, Worker, workerData } from 'node:worker_threads';
import type { FunctionDef } from '../topology.ts';
import { createInvoker, loadFunctions, stampLogLines } from './lambda.ts';
import type { Log } from './pollers.ts';

export const FUNCTION_THREADS = ['queues', 'streams', 'http'] as const;
export type FunctionThreadName = (typeof FUNCTION_THREADS)[number];

/**
 * The thread a function runs in. None runs on the gateway's thread: libuv accepts one new connection per turn
 * of the event loop, so while handlers kept that thread busy a burst of new connections waited seconds to be
 * accepted (docs/local-runtime.md, "Threads").
 */
export const functionThreadOf = (fn: FunctionDef): FunctionThreadName => {
  const kind = fn.triggers.find((t) => t.kind !== 'http')?.kind;
  if (kind === 'queue' || kind === 'event') return 'queues';
  if (kind === 'stream' || kind === 'schedule') return 'streams';
  return 'http';
};

interface ThreadData {
  readonly rabtaFunctionThread: string;
  readonly functions: readonly FunctionDef[];
  readonly rootDir: string;
  readonly region: string;
  readonly stage: string;
}

type Request = { readonly id: number; readonly functionId: string; readonly event: unknown };
type Reply =
  | { readonly ready: true; readonly loaded: string[]; readonly missing: string[] }
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string };

export interface FunctionThread {
  readonly name: string;
  readonly loaded: readonly string[];
  readonly missing: readonly string[];
  /** Runs the function in the thread; rejects with the handler's error (name and message kept). */
  invoke(functionId: string, event: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** What Lambda returns is JSON: a result crosses the thread boundary as Lambda would serialise it. */
const asJson = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

const serve = async (data: ThreadData): Promise<void> => {
  const port = parentPort;
  if (!port) return;
  stampLogLines(process.stdout);
  stampLogLines(process.stderr);
  // As in main.ts: a handler's stray promise loses that invocation only, never the thread.
  process.on('unhandledRejection', (reason) =>
    console.error(`[local] unhandled rejection in the ${data.rabtaFunctionThread} thread: ${String(reason)}`),
  );
  const { loaded, missing } = await loadFunctions(data.functions, data.rootDir);
  const invoke = createInvoker({ region: data.region, stage: data.stage });
  port.on('message', (request: Request) => {
    const fn = loaded.get(request.functionId);
    const run = fn
      ? invoke(fn, request.event)
      : Promise.reject(new Error(`function ${request.functionId} is not loaded in this thread`));
    run.then(
      (result) => port.postMessage({ id: request.id, ok: true, result: asJson(result) } satisfies Reply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        } satisfies Reply),
    );
  });
  port.postMessage({ ready: true, loaded: [...loaded.keys()], missing: [...missing] } satisfies Reply);
};

if (!isMainThread && (workerData as Partial<ThreadData> | null)?.rabtaFunctionThread) {
  await serve(workerData as ThreadData);
}

/**
 * The thread runs TypeScript through tsx's loader, registered inside it (a worker does not inherit the parent's
 * `--import` hooks on Node 20), then loads this module, which serves the functions.
 */
const bootstrap = (): string => {
  const tsx = import.meta.resolve('tsx/esm/api');
  const self = import.meta.url;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(self)}); });`;
};

/** Starts a thread that loads `functions` and invokes them on request; a thread that dies is started again. */
export const startFunctionThread = async (options: {
  readonly name: string;
  readonly functions: readonly FunctionDef[];
  readonly rootDir: string;
  readonly region: string;
  readonly stage: string;
  readonly log: Log;
}): Promise<FunctionThread> => {
  const data: ThreadData = {
    rabtaFunctionThread: options.name,
    functions: options.functions,
    rootDir: options.rootDir,
    region: options.region,
    stage: options.stage,
  };
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let stopping = false;

  const spawn = (): { worker: Worker; ready: Promise<{ loaded: string[]; missing: string[] }> } => {
    const worker = new Worker(bootstrap(), { eval: true, env: SHARE_ENV, workerData: data });
    const ready = new Promise<{ loaded: string[]; missing: string[] }>((resolve, reject) => {
      worker.on('message', (reply: Reply) => {
        if ('ready' in reply) return resolve(reply);
        const waiting = pending.get(reply.id);
        if (!waiting) return;
        pending.delete(reply.id);
        if (reply.ok) return waiting.resolve(reply.result);
        const error = new Error(reply.message);
        error.name = reply.name;
        waiting.reject(error);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        reject(new Error(`the ${options.name} thread exited (${code}) while starting`));
        for (const [id, waiting] of pending) {
          pending.delete(id);
          waiting.reject(new Error(`the ${options.name} thread exited (${code})`));
        }
        if (stopping) return;
        // Like a Lambda container that crashed: the next invocation gets a fresh one.
        options.log('function thread exited; starting it again', { thread: options.name, code });
        current = spawn();
        current.ready.catch((error: unknown) =>
          options.log('function thread failed to start', { thread: options.name, error: String(error) }),
        );
      });
    });
    worker.on('error', (error) =>
      options.log('function thread failed', { thread: options.name, error: String(error) }),
    );
    return { worker, ready };
  };

  let current = spawn();
  const { loaded, missing } = await current.ready;
  return {
    name: options.name,
    loaded,
    missing,
    invoke: async (functionId, event) => {
      const { worker } = current;
      await current.ready;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, functionId, event } satisfies Request);
      });
    },
    stop: async () => {
      stopping = true;
      await current.worker.terminate();
    },
  };
};
