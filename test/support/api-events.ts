/** Realistic API Gateway HTTP API (payload 2.0) events and Lambda contexts for in-process handler calls. */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export interface ApiRequest {
  method: string;
  path: string;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  headers?: Record<string, string>;
  base64?: boolean;
}

export const apiGatewayEvent = ({
  method,
  path,
  body,
  headers = {},
  base64 = false,
}: ApiRequest): APIGatewayProxyEventV2 => {
  const raw =
    body === undefined
      ? undefined
      : Buffer.isBuffer(body)
        ? body
        : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const allHeaders: Record<string, string> = {
    host: 'api.rabta.local',
    'user-agent': 'vitest',
    ...(raw && !('content-type' in headers) ? { 'content-type': 'application/json' } : {}),
    ...(raw ? { 'content-length': String(raw.byteLength) } : {}),
    ...headers,
  };
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: allHeaders,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'api.rabta.local',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(raw ? { body: base64 ? raw.toString('base64') : raw.toString('utf8') } : {}),
    isBase64Encoded: base64,
  };
};

export const testContext = (functionName = 'test'): Context => {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:ap-south-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export interface ApiAnswer {
  status: number;
  headers: Record<string, unknown>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw: string | undefined;
}

export const invoke = async (
  handler: ApiHandler,
  request: ApiRequest | APIGatewayProxyEventV2,
): Promise<ApiAnswer> => {
  const event = 'version' in request ? request : apiGatewayEvent(request);
  const result = await handler(event, testContext());
  let body: unknown = result.body;
  try {
    body = result.body ? JSON.parse(result.body) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: result.statusCode ?? 200, headers: result.headers ?? {}, body, raw: result.body };
};
