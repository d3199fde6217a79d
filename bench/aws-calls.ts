/**
 * A loopback proxy between the local runtime and the emulator that records every AWS call (its operation from
 * `X-Amz-Target`, or `S3 <method>`, and the status it was answered with), and replays a recorded call mix straight
 * at the emulator, over the table as it was before the calls, to measure the emulator's own ceiling for that mix.
 * Bench-only.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BatchWriteItemCommand,
  DynamoDBClient,
  paginateScan,
  type AttributeValue,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { APP_TABLE } from '../shared/adapters/dynamodb/table.ts';
import { runConcurrently } from './local.ts';

export interface RecordedCall {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The HTTP status the emulator answered with, once it has (502: the emulator could not be reached). */
  answer?: number;
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
          call.answer = response.status;
          outgoing.writeHead(response.status, response.headers);
          outgoing.end(response.body);
        },
        () => {
          call.answer = 502;
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

type Item = Record<string, AttributeValue>;
const keyOf = (item: Item): string => JSON.stringify([item[APP_TABLE.partitionKey], item[APP_TABLE.sortKey]]);

/**
 * Remembers every item of the application table; `restore()` puts the table back as it was (items written since
 * are deleted, items changed since are written back), so recorded calls replayed afterwards meet the state they
 * first met: a claim claims, a condition that held holds, a transaction writes.
 */
export const snapshotTable = async (
  emulatorEndpoint: string,
  tableName: string,
): Promise<{ readonly items: number; restore(): Promise<void> }> => {
  const client = new DynamoDBClient({ endpoint: emulatorEndpoint });
  const scan = async (): Promise<Map<string, Item>> => {
    const items = new Map<string, Item>();
    for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true })) {
      for (const item of page.Items ?? []) items.set(keyOf(item), item);
    }
    return items;
  };
  const before = await scan();
  const keyAttributes = (item: Item): Item =>
    Object.fromEntries(
      [APP_TABLE.partitionKey, APP_TABLE.sortKey].flatMap((name) => {
        const value = item[name];
        return value ? [[name, value]] : [];
      }),
    );
  return {
    items: before.size,
    async restore() {
      const now = await scan();
      const writes: WriteRequest[] = [
        ...[...now]
          .filter(([key]) => !before.has(key))
          .map(([, item]) => ({ DeleteRequest: { Key: keyAttributes(item) } })),
        ...[...before]
          .filter(([key, item]) => JSON.stringify(now.get(key)) !== JSON.stringify(item))
          .map(([, item]) => ({ PutRequest: { Item: item } })),
      ];
      for (let i = 0; i < writes.length; i += 25) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: writes.slice(i, i + 25) } }),
        );
        if (Object.keys(UnprocessedItems ?? {}).length > 0)
          throw new Error('the table could not be restored');
      }
    },
  };
};

/**
 * Sends `calls` straight to the emulator, `concurrency` at a time, in recorded order. Returns calls per second
 * and how many were answered with the status they got when recorded: replayed over the state they first met
 * (`snapshotTable`), nearly all are; replayed over the state they left, half of them failed their conditions
 * (cheaper work for the emulator, and a ceiling 15–40 % too high).
 */
export const replay = async (
  emulatorEndpoint: string,
  calls: readonly RecordedCall[],
  concurrency: number,
): Promise<{ callsPerSecond: number; sameAnswers: number }> => {
  const target = new URL(emulatorEndpoint);
  let sameAnswers = 0;
  const started = performance.now();
  await runConcurrently(calls.length, concurrency, async (i) => {
    const call = calls[i];
    if (!call) return;
    const status = await send(target, call).then(
      (response) => response.status,
      () => 502,
    );
    if (status === call.answer) sameAnswers++;
  });
  return { callsPerSecond: calls.length / ((performance.now() - started) / 1000), sameAnswers };
};
