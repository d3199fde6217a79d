/**
 * Shared plumbing of the benchmarks that drive the running system: a local runtime (`infra/local/main.ts`
 * as a child process, as `npm start` runs it) on free loopback ports under a unique stage, against a moto
 * started for the benchmark; bounded concurrent loops; latency summaries.
 */
import { Agent, request } from 'node:http';
import { applyEmulatorCredentials, startEmulator } from '../infra/local/emulator.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../test/support/local-runtime.ts';
import { percentile } from './stats.ts';

/**
 * Runs `use` against a fresh local runtime and stops everything it started afterwards, also on Ctrl-C
 * (moto and the runtime run in their own process groups, so the terminal's SIGINT does not reach them).
 */
export const withLocalRuntime = async <T>(
  stagePrefix: string,
  use: (runtime: RunningLocalRuntime, emulatorEndpoint: string) => Promise<T>,
  options: {
    /** Puts something (a counting proxy) between the runtime and the emulator. */
    readonly wrapEndpoint?: (endpoint: string) => Promise<{ endpoint: string; stop(): Promise<void> }>;
    /** Extra environment for the runtime (e.g. RATE_LIMIT_SCALE). */
    readonly env?: Record<string, string>;
  } = {},
): Promise<T> => {
  applyEmulatorCredentials();
  const stops: (() => Promise<void>)[] = [];
  // One stop for both the signal and the finally block: whichever comes second waits for the first.
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    })());
  const onSignal = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const emulator = await startEmulator();
    stops.push(() => emulator.stop());
    const wrapped = options.wrapEndpoint ? await options.wrapEndpoint(emulator.endpoint) : undefined;
    if (wrapped) stops.push(() => wrapped.stop());
    const runtime = await startLocalRuntimeProcess({
      stagePrefix,
      awsEndpoint: wrapped?.endpoint ?? emulator.endpoint,
      startTimeoutMs: 120_000,
      ...(options.env ? { env: options.env } : {}),
    });
    stops.push(() => runtime.stop());
    progress(`local runtime up at ${runtime.apiUrl} (stage ${runtime.stage})`);
    return await use(runtime, emulator.endpoint);
  } finally {
    await stopAll();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};

const keptOpen = new Agent({ keepAlive: true });

/**
 * POSTs `body` over kept-open connections and resolves with the status once the answer is read, as Meta's
 * webhook deliveries arrive. node:http, not fetch: fetch cost this process 0.5–1 ms of CPU a request against
 * ~0.2 ms, taken from the two cores the runtime and moto share under a crowd (docs/performance.md, section 3).
 */
export const postKeptOpen = (url: string, headers: Record<string, string>, body: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const post = request(
      url,
      { method: 'POST', agent: keptOpen, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    post.on('error', reject);
    post.end(body);
  });

/** Progress on stderr, so the figures on stdout stay clean. */
export const progress = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

/** Runs task(0..count-1) with at most `concurrency` in flight. */
export const runConcurrently = async (
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `everyMs` until it returns a value, or throws after `timeoutMs`. */
export const waitFor = async <T>(
  what: string,
  check: () => Promise<T | undefined>,
  options: { everyMs: number; timeoutMs: number },
): Promise<T> => {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${what}`);
    await sleep(options.everyMs);
  }
};

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '–');

/** p50 and p99 of a list of milliseconds, formatted. */
export const p50p99 = (samples: readonly number[]): [string, string] => [
  ms(percentile(samples, 50)),
  ms(percentile(samples, 99)),
];
