/**
 * Starts and stops the AWS emulator (moto server) on loopback. Used by `npm start` and by the test
 * suite's global setup. If AWS_ENDPOINT_URL already points at an emulator, that one is used instead.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** moto's server, with DynamoDB requests serialized as DynamoDB itself guarantees (see the script). */
const MOTO_SERVER_SCRIPT = fileURLToPath(new URL('./moto_server.py', import.meta.url));

export interface Emulator {
  readonly endpoint: string;
  /** True when this process started the emulator and must stop it. */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const isUp = async (endpoint: string): Promise<boolean> => {
  try {
    const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
    return response.status < 500;
  } catch {
    try {
      // Not moto (e.g. LocalStack): any HTTP answer means something is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      return false;
    }
  }
};

const MOTO_MISSING = [
  'The AWS emulator is not available.',
  'Rabta runs locally against moto (python3 -m moto.server), which this machine image normally provides.',
  'Either install it (pip install "moto[server]") or point AWS_ENDPOINT_URL at a running emulator',
  '(moto or LocalStack), e.g. AWS_ENDPOINT_URL=http://127.0.0.1:5000 npm start',
].join('\n  ');

export class EmulatorUnavailableError extends Error {
  override readonly name = 'EmulatorUnavailableError';
}

/** Credentials the SDK needs to sign requests; the emulator accepts any. */
export const applyEmulatorCredentials = (target: NodeJS.ProcessEnv = process.env): void => {
  target.AWS_ACCESS_KEY_ID ??= 'local';
  target.AWS_SECRET_ACCESS_KEY ??= 'local';
  target.AWS_REGION ??= 'ap-south-1';
  target.AWS_DEFAULT_REGION ??= target.AWS_REGION;
};

export const startEmulator = async (options: { port?: number; quiet?: boolean } = {}): Promise<Emulator> => {
  const existing = process.env.AWS_ENDPOINT_URL;
  if (existing) {
    if (!(await isUp(existing))) {
      throw new EmulatorUnavailableError(`AWS_ENDPOINT_URL=${existing} does not answer.\n  ${MOTO_MISSING}`);
    }
    return { endpoint: existing, owned: false, stop: async () => undefined };
  }
  const probe = spawnSync('python3', ['-c', 'import moto.server'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new EmulatorUnavailableError(MOTO_MISSING);

  const port = options.port ?? (await freePort());
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('python3', [MOTO_SERVER_SCRIPT, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: options.quiet === false ? 'inherit' : 'ignore',
    detached: true,
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'true' },
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const deadline = Date.now() + 30_000;
  while (!(await isUp(endpoint))) {
    if (exited) throw new EmulatorUnavailableError(`moto exited while starting.\n  ${MOTO_MISSING}`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new EmulatorUnavailableError(`moto did not answer on ${endpoint} within 30 s.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    endpoint,
    owned: true,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        killGroup(child);
        setTimeout(() => {
          killGroup(child, 'SIGKILL');
          resolve();
        }, 3000).unref();
      }),
  };
};

const killGroup = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};
