/**
 * Cold start, as far as our code decides it: every function's bundle (minified, as deployed) and its
 * module import time in a fresh process, as a ratio to its *floor* bundle's: one that only creates the SDK
 * clients the function carries and sends one call with each (bench/floor/dynamodb.ts for DynamoDB alone; the
 * others generated from FLOOR_CLIENTS), measured in the same run on the same machine. Budgets:
 * infra/bundle-size.ts; the target is ≤ 1.2× the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  BUNDLE_BUDGETS_KIB,
  bundleFunction,
  heaviestSources,
  type FunctionBundle,
} from '../infra/bundle-size.ts';
import { FUNCTIONS } from '../infra/topology.ts';
import { median, table } from './stats.ts';

/** Eleven, not five: with five samples a function's ratio moved by ±0.4 between quiet runs. */
const LOAD_RUNS = 11;

/** Milliseconds to import the module once in a fresh process. */
const loadOnce = (file: string): number => {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      // Handlers read their configuration when loaded; give them plausible values, no network is touched.
      STAGE: 'bench',
      TABLE_NAME: 'bench-app',
      IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
      EVENT_BUS_NAME: 'bench',
      AWS_REGION: 'ap-south-1',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  });
  if (run.status !== 0) throw new Error(`loading ${file} failed: ${run.stderr}`);
  return Number(run.stdout);
};

/**
 * Median import times of `file` and of the floor, sampled in turn: on a shared machine the load drifts
 * during a run, and alternating keeps both medians under the same load, so their ratio holds.
 */
const loadTimes = (file: string, floorFile: string): { ms: number; floorMs: number } => {
  const own: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    floor.push(loadOnce(floorFile));
    own.push(loadOnce(file));
  }
  return { ms: median(own), floorMs: median(floor) };
};

/**
 * What a floor does with each client a function may carry: create it as our adapters do and send one call.
 * A function's floor holds exactly the clients its bundle carries (issue 13: "the floor bundle of the clients
 * it needs"), so the S3, SQS and Secrets Manager functions are not measured against DynamoDB alone.
 */
const FLOOR_CLIENTS: Record<string, { readonly imports: string; readonly call: string }> = {
  dynamodb: {
    imports:
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';\nconst dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient({}));",
    call: "await dynamodb.send(new GetCommand({ TableName: 'floor', Key: { pk: id, sk: id } }));",
  },
  s3: {
    imports: "import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\nconst s3 = new S3Client({});",
    call: "await s3.send(new GetObjectCommand({ Bucket: 'floor', Key: id }));",
  },
  sqs: {
    imports:
      "import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});",
    call: "await sqs.send(new SendMessageCommand({ QueueUrl: 'floor', MessageBody: id }));",
  },
  'secrets-manager': {
    imports:
      "import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\nconst secrets = new SecretsManagerClient({});",
    call: 'await secrets.send(new GetSecretValueCommand({ SecretId: id }));',
  },
  eventbridge: {
    imports:
      "import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';\nconst events = new EventBridgeClient({});",
    call: "await events.send(new PutEventsCommand({ Entries: [{ Source: 'floor', DetailType: 'floor', Detail: '{}' }] }));",
  },
  'cognito-identity-provider': {
    imports:
      "import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';\nconst cognito = new CognitoIdentityProviderClient({});",
    call: "await cognito.send(new AdminGetUserCommand({ UserPoolId: 'floor', Username: id }));",
  },
};

/** The SDK clients a bundle carries, by the names of FLOOR_CLIENTS. */
const clientsOf = (bundle: FunctionBundle): string[] =>
  Object.keys(FLOOR_CLIENTS).filter((client) => (bundle.bySource.get(`@aws-sdk/client-${client}`) ?? 0) > 0);

/** Builds (once per set of clients) the floor bundle of those clients and returns its file. */
const floorBuilder = (dir: string) => {
  // Generated sources sit under node_modules/.cache so that esbuild resolves the SDK from the repository.
  const sources = resolve('node_modules/.cache/rabta-bench-floors');
  mkdirSync(sources, { recursive: true });
  const built = new Map<string, { file: string; kib: number }>();
  return async (clients: readonly string[]): Promise<{ file: string; kib: number }> => {
    const key = clients.length > 0 ? clients.join('+') : 'dynamodb';
    const existing = built.get(key);
    if (existing) return existing;
    const file = join(dir, `floor-${key}.mjs`);
    const entry = key === 'dynamodb' ? resolve('bench/floor/dynamodb.ts') : join(sources, `${key}.ts`);
    if (key !== 'dynamodb') {
      const parts = clients.map((client) => FLOOR_CLIENTS[client]!);
      writeFileSync(
        entry,
        [
          ...parts.map((part) => part.imports),
          'export const handler = async (id: string) => {',
          ...parts.map((part) => `  ${part.call}`),
          '};',
          '',
        ].join('\n'),
      );
    }
    const bundle = await bundleFunction(entry, file);
    const floor = { file, kib: bundle.bytes / 1024 };
    built.set(key, floor);
    return floor;
  };
};

export const benchBundles = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'rabta-bench-'));
  const floorOf = floorBuilder(dir);
  const dynamodbFloor = await floorOf(['dynamodb']);
  const dynamodbFloorSamples: number[] = [];

  const rows: string[][] = [];
  const ratios: number[] = [];
  for (const fn of FUNCTIONS) {
    const out = join(dir, `${fn.id}.mjs`);
    const bundle = await bundleFunction(resolve(fn.entry), out);
    const clients = clientsOf(bundle);
    const floor = await floorOf(clients);
    const { ms, floorMs } = loadTimes(out, floor.file);
    if (floor.file === dynamodbFloor.file) dynamodbFloorSamples.push(floorMs);
    ratios.push(ms / floorMs);
    rows.push([
      fn.id,
      (bundle.bytes / 1024).toFixed(0),
      String(BUNDLE_BUDGETS_KIB[fn.id] ?? '—'),
      ms.toFixed(1),
      `${clients.join(' + ') || '—'} (${floor.kib.toFixed(0)} KiB, ${floorMs.toFixed(1)} ms)`,
      (ms / floorMs).toFixed(2),
      heaviestSources(bundle, 4),
    ]);
  }
  return [
    '## Function bundles and cold-start imports',
    '',
    `Minified ESM bundles built with the deployed esbuild settings (infra/bundle-size.ts); import time is the`,
    `median of ${LOAD_RUNS} fresh \`node\` processes importing the bundle, sampled in turn with its floor: a bundle that`,
    'only creates the SDK clients the function carries and sends one call with each (DynamoDB alone:',
    `${dynamodbFloor.kib.toFixed(0)} KiB, ${median(dynamodbFloorSamples).toFixed(1)} ms). Import ratio to the floor: median`,
    `${median(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (target ≤ 1.2).`,
    '',
    table(
      [
        'function',
        'KiB',
        'budget KiB',
        'import (ms)',
        'floor: clients (KiB, ms)',
        '÷ floor',
        'heaviest sources (KiB)',
      ],
      rows,
    ),
  ].join('\n');
};
