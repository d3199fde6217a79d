/**
 * Helpers of the officer/SLA integration tests: API Gateway HTTP API (payload 2.0) events with JWT
 * authorizer claims, a Lambda context, and seeding complaints through the real repository.
 */
import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '../../shared/adapters/http/middleware.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';

export const lambdaContext = {
  functionName: 'test',
  awsRequestId: 'test',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

export type Claims = Record<string, string>;

export const claimsOf = (
  role: string,
  area: { district?: string; region?: string; station?: string } = {},
  sub?: string,
): Claims => ({
  sub: sub ?? `${role}-${area.district ?? area.region ?? 'all'}-${area.station ?? ''}`,
  'custom:role': role,
  ...(area.district ? { 'custom:district': area.district } : {}),
  ...(area.region ? { 'custom:region': area.region } : {}),
  ...(area.station ? { 'custom:station': area.station } : {}),
});

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  /** API Gateway route key path, e.g. `/officer/complaints/{etag}`. */
  route: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
  claims?: Claims;
}

export const apiEvent = (spec: RequestSpec): ApiEvent => {
  const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
  const query = spec.query ?? {};
  return {
    version: '2.0',
    routeKey: `${spec.method} ${spec.route}`,
    rawPath: spec.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(spec.headers ?? {}) },
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(spec.pathParameters ? { pathParameters: spec.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: spec.method,
        path: spec.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: 'r',
      routeKey: `${spec.method} ${spec.route}`,
      stage: '$default',
      time: '',
      timeEpoch: 0,
      ...(spec.claims ? { authorizer: { jwt: { claims: spec.claims, scopes: [] } } } : {}),
    },
    ...(body ? { body } : {}),
    isBase64Encoded: false,
  } as unknown as ApiEvent;
};

export type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect answers freely
type Json = any;

export const call = async (
  handler: Handler,
  spec: RequestSpec,
): Promise<{ status: number; body: Json; headers: Record<string, unknown> }> => {
  const result = await handler(apiEvent(spec), lambdaContext);
  return {
    status: result.statusCode ?? 0,
    body: result.body ? JSON.parse(result.body) : undefined,
    headers: (result.headers ?? {}) as Record<string, unknown>,
  };
};

export const seed = async (repository: ComplaintRepository, ...complaints: Complaint[]): Promise<void> => {
  for (const complaint of complaints) {
    await repository.create(complaint, [
      { type: 'ComplaintFiled', actor: { kind: 'citizen' }, at: complaint.createdAt },
    ]);
  }
};

/**
 * A moto server of this test file's own that handles one request at a time. The suite's shared moto is
 * threaded, and its TransactWriteItems is not atomic under concurrency: a cancelled transaction restores
 * a deep copy of the whole table taken when it started, erasing transactions that committed meanwhile
 * (moto 5.2, dynamodb/models transact_write_items). DynamoDB serializes conflicting transactions, and so
 * does a single-threaded server, so concurrency tests run against one; the clients stay fully concurrent.
 */
export const startSerialMoto = async (): Promise<{ endpoint: string; stop(): Promise<void> }> => {
  const { spawn } = await import('node:child_process');
  const { freePort } = await import('../../infra/local/emulator.ts');
  const port = await freePort();
  const script = [
    'import werkzeug.serving as serving',
    'from werkzeug.serving import run_simple',
    // A deep listen queue: 50 clients connect at once and must wait their turn, not be refused.
    'serving.LISTEN_QUEUE = 1024',
    'serving.BaseWSGIServer.request_queue_size = 1024',
    'from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app',
    `run_simple("127.0.0.1", ${port}, DomainDispatcherApplication(create_backend_app), threaded=False, use_reloader=False)`,
  ].join('\n');
  // werkzeug logs every request to stderr: ignored, never a pipe that could fill up and stall the server.
  const child = spawn('python3', ['-c', script], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.status < 500) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    endpoint,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
};

/** Provisions this file's resources in the given emulator and points the SDK (process env) at it. */
export const provisionOn = async (endpoint: string, prefix: string) => {
  const { randomBytes } = await import('node:crypto');
  const { applyEmulatorCredentials } = await import('../../infra/local/emulator.ts');
  const { provision } = await import('../../infra/local/provision.ts');
  process.env.AWS_ENDPOINT_URL = endpoint;
  applyEmulatorCredentials();
  const provisioned = await provision({ stage: `${prefix}${randomBytes(4).toString('hex')}` });
  Object.assign(process.env, provisioned.env);
  return provisioned;
};
