import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.ts';
import type { FunctionDef } from '../../infra/topology.ts';
import { useEmulator } from '../support/aws.ts';

interface Calls {
  queue: unknown[];
  stream: unknown[];
  schedule: unknown[];
}
const calls = (): Calls => (globalThis as unknown as { __rabtaTestCalls: Calls }).__rabtaTestCalls;

// Test functions as files, so the runtime loads them exactly as it loads functions/*.ts.
const handlers: Record<string, string> = {
  'http.mjs': `
    const table = process.env.TABLE_NAME; // read at module load, like our handlers' config
    export const handler = async (event) => ({ statusCode: 201, body: JSON.stringify({ table, routeKey: event.routeKey }) });`,
  'queue.mjs': `
    export const handler = async (event) => { globalThis.__rabtaTestCalls.queue.push(...event.Records); return { batchItemFailures: [] }; };`,
  'stream.mjs': `
    export const handler = async (event) => { globalThis.__rabtaTestCalls.stream.push(...event.Records); };`,
  'schedule.mjs': `
    export const handler = async (event) => { globalThis.__rabtaTestCalls.schedule.push(event); return { swept: 0 }; };`,
};

const functions: FunctionDef[] = [
  {
    id: 'Http',
    entry: 'http.mjs',
    description: 'test',
    triggers: [{ kind: 'http', method: 'POST', path: '/items', auth: 'public' }],
    access: {},
  },
  {
    id: 'Consumer',
    entry: 'queue.mjs',
    description: 'test',
    triggers: [
      { kind: 'event', detailTypes: ['ComplaintSlaWarning'], queue: 'officerAlerts', batchSize: 10 },
    ],
    access: {},
  },
  {
    id: 'Publisher',
    entry: 'stream.mjs',
    description: 'test',
    triggers: [
      {
        kind: 'stream',
        records: 'timelineInserts',
        onFailureQueue: 'publisherFailures',
        batchSize: 100,
        maxBatchingWindowSeconds: 1,
        retryAttempts: 2,
      },
    ],
    access: {},
  },
  {
    id: 'Sweep',
    entry: 'schedule.mjs',
    description: 'test',
    triggers: [{ kind: 'schedule', rateMinutes: 5 }],
    access: {},
  },
  { id: 'NotBuilt', entry: 'missing.mjs', description: 'test', triggers: [], access: {} },
];

const eventually = async (probe: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 25_000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

let runtime: LocalRuntime;

beforeAll(async () => {
  useEmulator();
  (globalThis as unknown as { __rabtaTestCalls: Calls }).__rabtaTestCalls = {
    queue: [],
    stream: [],
    schedule: [],
  };
  const rootDir = mkdtempSync(join(tmpdir(), 'rabta-fns-'));
  for (const [file, source] of Object.entries(handlers)) writeFileSync(join(rootDir, file), source);
  process.env.RABTA_LOCAL_DIR = rootDir;
  runtime = await startLocalRuntime({
    port: 0,
    stage: `wire${Date.now().toString(36)}`,
    functions,
    rootDir,
    retryAfterSeconds: 0,
    // These handlers report through this thread's globals; main.ts runs the pollers' functions in threads.
    functionThreads: false,
  });
});

afterAll(async () => {
  await runtime?.stop();
});

describe('local runtime wiring (startLocalRuntime)', () => {
  it('loads every function entry after setting the provisioned environment, and reports missing ones', async () => {
    // Act
    const response = await fetch(`${runtime.apiUrl}/items`, { method: 'POST' });
    // Assess
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ table: `rabta-${runtime.stage}-app`, routeKey: 'POST /items' });
    expect(runtime.loaded).toEqual(['Http', 'Consumer', 'Publisher', 'Sweep']);
    expect(runtime.missing).toEqual(['NotBuilt']);
  });

  it('feeds the function of an event trigger from its queue', async () => {
    // Act
    await new SQSClient({}).send(
      new SendMessageCommand({
        QueueUrl: runtime.provisioned.queueUrls.officerAlerts,
        MessageBody: '{"hello":1}',
      }),
    );
    await eventually(() => calls().queue.length > 0, 'the queue consumer');
    // Assess
    expect(calls().queue[0]).toMatchObject({ body: '{"hello":1}', eventSource: 'aws:sqs' });
  });

  it('feeds the stream function with every write to the table', async () => {
    // Act
    await DynamoDBDocumentClient.from(new DynamoDBClient({})).send(
      new PutCommand({ TableName: runtime.provisioned.names.appTable, Item: { pk: 'X#1', sk: 'META' } }),
    );
    await eventually(() => calls().stream.length > 0, 'the stream function');
    // Assess
    expect(calls().stream[0]).toMatchObject({
      eventName: 'INSERT',
      dynamodb: { Keys: { pk: { S: 'X#1' } } },
    });
  });

  it('fires a schedule from the admin route and returns the function result', async () => {
    // Act
    const response = await fetch(`${runtime.apiUrl}/__local/schedules/Sweep`, { method: 'POST' });
    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ function: 'Sweep', result: { swept: 0 } });
    expect(calls().schedule).toHaveLength(1);
  });
});
