/**
 * Starts the whole local runtime (`infra/local/main.ts`) as a child process for e2e tests: on a free
 * port, against the suite's moto (AWS_ENDPOINT_URL) under a unique stage, so files do not share data.
 * The child dies with its stdin, so a crashed test run leaves nothing behind either.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { REPO_ROOT } from '../../infra/local/auth.ts';
import type { OutboxEntry } from '../../infra/local/fake-graph.ts';
import { useEmulator } from './aws.ts';

export interface RunningLocalRuntime {
  readonly apiUrl: string;
  readonly graphUrl: string;
  readonly stage: string;
  readonly issuer: string;
  /** The environment the functions got (TABLE_NAME, EVENT_BUS_NAME, QUEUE_URL_*, ...). */
  readonly env: Record<string, string>;
  readonly pid: number;
  /** Everything the child printed, for failure messages. */
  output(): string;
  /** An officer token signed by the runtime's issuer; claims are not checked (forged ones are allowed). */
  token(claims: Record<string, unknown>, expiresIn?: string | number): Promise<string>;
  /** The fake Graph API's recorded calls; `from` skips the first ones. */
  outbox(to?: string, options?: { from?: number }): Promise<OutboxEntry[]>;
  fireSchedule(functionId: string): Promise<Response>;
  stop(): Promise<void>;
}

const READY = /^\[rabta-local\] ready (\{.*\})$/m;

export const startLocalRuntimeProcess = async (
  options: {
    stagePrefix?: string;
    /** This exact stage instead of a fresh one: a restart on the data (and stream checkpoints) of a stopped runtime. */
    stage?: string;
    env?: Record<string, string>;
    startTimeoutMs?: number;
    /** An emulator to use instead of the test suite's (the benchmarks run outside vitest). */
    awsEndpoint?: string;
  } = {},
): Promise<RunningLocalRuntime> => {
  const awsEndpoint = options.awsEndpoint ?? useEmulator();
  const stage = options.stage ?? `${options.stagePrefix ?? 'e2e'}${randomBytes(4).toString('hex')}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(REPO_ROOT, 'infra/local/main.ts')],
    {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: '0',
        RABTA_STAGE: stage,
        AWS_ENDPOINT_URL: awsEndpoint,
        RABTA_EXIT_WITH_STDIN: '1',
        RABTA_RETRY_SECONDS: '1',
        RABTA_SKIP_WEB_BUILD: '1',
        ...options.env,
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const ready = await new Promise<{ apiUrl: string; graphUrl: string; issuer: string }>(
    (resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`local runtime did not start in time:\n${output}`)),
        // Provisioning and seeding the force directory: ~15 s alone, over 60 s while other suites start runtimes too.
        options.startTimeoutMs ?? 150_000,
      );
      const onData = () => {
        const match = READY.exec(output);
        if (!match?.[1]) return;
        clearTimeout(timer);
        resolveReady(JSON.parse(match[1]) as { apiUrl: string; graphUrl: string; issuer: string });
      };
      child.stdout?.on('data', onData);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`local runtime exited with ${code} before it was ready:\n${output}`));
      });
    },
  ).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  const health = (await (await fetch(`${ready.apiUrl}/__local/health`)).json()) as {
    env: Record<string, string>;
  };

  return {
    ...ready,
    stage,
    env: health.env,
    pid: child.pid ?? -1,
    output: () => output,
    token: async (claims, expiresIn = '1h') => {
      const response = await fetch(`${ready.apiUrl}/__local/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claims, expiresIn }),
      });
      if (!response.ok) throw new Error(`token: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
    outbox: async (to, options = {}) => {
      const query = new URLSearchParams({
        ...(to === undefined ? {} : { to }),
        ...(options.from === undefined ? {} : { from: String(options.from) }),
      }).toString();
      return (await (
        await fetch(`${ready.apiUrl}/__local/whatsapp/outbox${query ? `?${query}` : ''}`)
      ).json()) as OutboxEntry[];
    },
    fireSchedule: (functionId) =>
      fetch(`${ready.apiUrl}/__local/schedules/${functionId}`, { method: 'POST' }),
    stop,
  };
};
