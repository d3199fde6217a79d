/**
 * A loopback proxy between the local runtime and the emulator that records every AWS call (its operation from
 * `X-Amz-Target`, or `S3 <method>`), and replays a recorded call mix straight at the emulator to measure the
 * emulator's own ceiling for that mix. Bench-only.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runConcurrently } from './local.ts';

export interface RecordedCall {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * The operations that the local runtime's event source mappings make (in AWS, Lambda's pollers make them, not
 * our functions): receiving and deleting queue messages, reading the table's stream.
 */
export const POLLER_OPERATIONS: ReadonlySet<string> = new Set([
  'AmazonSQS.ReceiveMessage',
  'AmazonSQS.DeleteMessage',
  'AmazonSQS.DeleteMessageBatch',
  'AmazonSQS.ChangeMessageVisibility',
  'AmazonSQS.ChangeMessageVisibilityBatch',
  'DynamoDBStreams_20120810.GetRecords',
  'DynamoDBStreams_20120810.GetShardIterator',
  'DynamoDBStreams_20120810.DescribeStream',
]);

const operationOf = (method: string, headers: IncomingHttpHeaders): string => {
  const target = headers['x-amz-target'];
  return typeof target === 'string' ? target : `S3 ${method}`;
};

const send = (
  target: URL,
  call: Pick<RecordedCall, 'method' | 'path' | 'headers' | 'body'>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
  new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: call.method,
        path: call.path,
        // The caller's Host, not the emulator's: moto builds queue URLs from it, and the SQS client sends to the
        // queue URL's host, so with the emulator's Host every SQS call after the first bypassed the proxy.
        headers: call.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 502,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(call.body);
  });

export interface CountingProxy {
  readonly endpoint: string;
  /** Calls recorded since the last `reset()`, in arrival order. */
  calls(): readonly RecordedCall[];
  reset(): void;
  stop(): Promise<void>;
}

export const startCountingProxy = async (emulatorEndpoint: string): Promise<CountingProxy> => {
  const target = new URL(emulatorEndpoint);
  let recorded: RecordedCall[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const call: RecordedCall = {
        operation: operationOf(incoming.method ?? 'GET', incoming.headers),
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      recorded.push(call);
      send(target, call).then(
        (response) => {
          outgoing.writeHead(response.status, response.headers);
          outgoing.end(response.body);
        },
        () => {
          outgoing.writeHead(502);
          outgoing.end();
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls: () => recorded,
    reset: () => {
      recorded = [];
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/** Calls per operation, heaviest first. */
export const countByOperation = (calls: readonly RecordedCall[]): [string, number][] => {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
};

/**
 * Sends `calls` straight to the emulator, `concurrency` at a time, and returns calls per second. Replayed writes
 * meet the state the first run left (conditions fail, FIFO sends are deduplicated), which costs the emulator
 * up to ~20 % less work (docs/benchmarks-method.md): the figure is the emulator's ceiling for this mix, not a
 * result of our code.
 */
export const replayRate = async (
  emulatorEndpoint: string,
  calls: readonly RecordedCall[],
  concurrency: number,
): Promise<number> => {
  const target = new URL(emulatorEndpoint);
  const started = performance.now();
  await runConcurrently(calls.length, concurrency, async (i) => {
    const call = calls[i];
    if (call) await send(target, call).catch(() => undefined);
  });
  return calls.length / ((performance.now() - started) / 1000);
};
