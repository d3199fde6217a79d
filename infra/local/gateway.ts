/**
 * The local API Gateway HTTP API: turns each HTTP request into a payload 2.0 event, routes it as
 * API Gateway does (most specific route, then the `$default` route), checks officer JWTs like the HTTP
 * API JWT authorizer, and maps the handler's result back to HTTP with the payload 2.0 rules.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { HttpMethod, RouteAuth } from '../topology.ts';

/** API Gateway's HTTP API payload limit. */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
/** Lambda's synchronous invocation payload limit (the event as JSON). */
export const MAX_INVOKE_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** API Gateway's integration timeout. */
export const INTEGRATION_TIMEOUT_MS = 30_000;

export interface GatewayRoute {
  readonly method: HttpMethod;
  /** HTTP API path syntax (`/complaints/{etag}`, `/files/{proxy+}`) or `$default`. */
  readonly path: string;
  readonly auth: RouteAuth;
  readonly functionId: string;
}

export interface JwtAuthorizerResult {
  readonly claims: Record<string, unknown>;
  readonly scopes?: readonly string[];
}

export interface GatewayOptions {
  readonly routes: readonly GatewayRoute[];
  readonly invoke: (functionId: string, event: APIGatewayProxyEventV2) => Promise<unknown>;
  /** Verifies a bearer token; throws when API Gateway's JWT authorizer would refuse it. */
  readonly verifyJwt: (token: string) => Promise<JwtAuthorizerResult>;
  /** Local-only endpoints under `/__local/`; return false when the path is not one of them. */
  readonly admin?: (request: LocalRequest, response: ServerResponse) => Promise<boolean>;
  /** The static web site (CloudFront's part in a stage): a response for its paths, else undefined. */
  readonly site?: (
    method: string,
    path: string,
  ) => { statusCode: number; headers: Record<string, string>; body: Buffer } | undefined;
  readonly apiId?: string;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
}

export interface LocalRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

interface Match {
  readonly route: GatewayRoute;
  readonly routeKey: string;
  readonly pathParameters?: Record<string, string>;
}

type Segment =
  { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

const parsePath = (path: string): Segment[] =>
  path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy) return { kind: 'greedy', name: greedy[1] ?? 'proxy' };
      const param = /^\{(.+)\}$/.exec(part);
      if (param) return { kind: 'param', name: param[1] ?? '' };
      return { kind: 'literal', value: part };
    });

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const matchSegments = (segments: Segment[], parts: string[]): Record<string, string> | undefined => {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (!segment) return undefined;
    if (segment.kind === 'greedy') {
      if (part === undefined) return undefined;
      params[segment.name] = safeDecode(parts.slice(i).join('/'));
      return params;
    }
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part) return undefined;
    if (segment.kind === 'param') params[segment.name] = safeDecode(part);
  }
  return parts.length === segments.length ? params : undefined;
};

/** Higher is more specific: literals beat variables, variables beat greedy ones, a method beats ANY. */
const specificity = (route: GatewayRoute): number[] => [
  ...parsePath(route.path).map((s) => (s.kind === 'literal' ? 3 : s.kind === 'param' ? 2 : 1)),
  0,
  route.method === 'ANY' ? 0 : 1,
];

const compareSpecificity = (a: number[], b: number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (b[i] ?? -1) - (a[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
};

export const matchRoute = (
  routes: readonly GatewayRoute[],
  method: string,
  rawPath: string,
): Match | undefined => {
  const parts = rawPath.split('/').filter(Boolean);
  const candidates = routes
    .filter((r) => r.path !== '$default' && (r.method === 'ANY' || r.method === method))
    .map((route) => ({ route, params: matchSegments(parsePath(route.path), parts) }))
    .filter((c): c is { route: GatewayRoute; params: Record<string, string> } => c.params !== undefined)
    .sort((a, b) => compareSpecificity(specificity(a.route), specificity(b.route)));
  const best = candidates[0];
  if (best) {
    return {
      route: best.route,
      routeKey: `${best.route.method} ${best.route.path}`,
      ...(Object.keys(best.params).length > 0 ? { pathParameters: best.params } : {}),
    };
  }
  const fallback = routes.find((r) => r.path === '$default');
  return fallback ? { route: fallback, routeKey: '$default' } : undefined;
};

const TEXT_CONTENT_TYPE =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql)\b)/i;

/** API Gateway passes text as is; anything binary (by content type or bytes) as base64. */
export const encodeBody = (
  body: Buffer,
  contentType: string | undefined,
): { body: string; isBase64Encoded: boolean } => {
  const textual = contentType === undefined || TEXT_CONTENT_TYPE.test(contentType.trim());
  if (textual) {
    try {
      // ignoreBOM keeps a leading byte order mark: API Gateway passes the bytes unchanged.
      return {
        body: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
        isBase64Encoded: false,
      };
    } catch {
      // invalid UTF-8: fall through to base64, as API Gateway does
    }
  }
  return { body: body.toString('base64'), isBase64Encoded: true };
};

const clfTime = (date: Date): string => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(
    date.getUTCMinutes(),
  )}:${pad(date.getUTCSeconds())} +0000`;
};

/** HTTP API hands claims over as strings; arrays look like `[a b]`. */
export const stringifyClaims = (claims: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(claims).map(([k, v]) => [
      k,
      typeof v === 'string'
        ? v
        : Array.isArray(v)
          ? `[${v.join(' ')}]`
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v),
    ]),
  );

export interface EventInput {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  readonly headers: IncomingMessage['headersDistinct'];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly match: Match;
  readonly apiId: string;
  readonly host: string;
  readonly jwt?: JwtAuthorizerResult;
}

export const buildEvent = (input: EventInput): APIGatewayProxyEventV2 => {
  const now = new Date();
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(input.headers)) {
    if (!values) continue;
    if (name === 'cookie') {
      cookies = values
        .flatMap((v) => v.split(';'))
        .map((c) => c.trim())
        .filter(Boolean);
      continue;
    }
    headers[name] = values.join(',');
  }
  headers['x-forwarded-for'] = input.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(input.rawQueryString)) {
    query[key] = key in query ? `${query[key]},${value}` : value;
  }
  const requestId = randomBytes(12).toString('base64');
  const hasBody = input.body.length > 0;
  const encoded = hasBody ? encodeBody(input.body, headers['content-type']) : undefined;
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: input.match.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(input.match.pathParameters ? { pathParameters: input.match.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: input.apiId,
      domainName: input.host,
      domainPrefix: input.host.split('.')[0] ?? input.host,
      http: {
        method: input.method,
        path: input.rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: input.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: input.match.routeKey,
      stage: '$default',
      time: clfTime(now),
      timeEpoch: now.getTime(),
      ...(input.jwt
        ? {
            authorizer: {
              jwt: { claims: stringifyClaims(input.jwt.claims), scopes: [...(input.jwt.scopes ?? [])] },
            },
          }
        : {}),
    },
    ...(encoded ? { body: encoded.body } : {}),
    isBase64Encoded: encoded?.isBase64Encoded ?? false,
  };
  return event;
};

export interface HttpResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

const INTERNAL_ERROR: HttpResult = {
  statusCode: 500,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from('{"message":"Internal Server Error"}'),
};

export const jsonResult = (
  statusCode: number,
  value: unknown,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  cookies: [],
  body: Buffer.from(JSON.stringify(value)),
});

/** Payload 2.0 response rules; a malformed response becomes API Gateway's 500. */
export const toHttpResult = (result: unknown): HttpResult => {
  const structured =
    typeof result === 'object' && result !== null && !Array.isArray(result) && 'statusCode' in result;
  if (!structured) {
    // No statusCode: API Gateway assumes 200, JSON, and the function's response as the body.
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(body),
    };
  }
  const r = result as {
    statusCode: unknown;
    headers?: unknown;
    body?: unknown;
    isBase64Encoded?: unknown;
    cookies?: unknown;
  };
  if (
    typeof r.statusCode !== 'number' ||
    !Number.isInteger(r.statusCode) ||
    r.statusCode < 100 ||
    r.statusCode > 599
  ) {
    return INTERNAL_ERROR;
  }
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') return INTERNAL_ERROR;
  const headers: Record<string, string> = {};
  if (r.headers !== undefined && r.headers !== null) {
    if (typeof r.headers !== 'object') return INTERNAL_ERROR;
    for (const [k, v] of Object.entries(r.headers)) {
      if (!['string', 'number', 'boolean'].includes(typeof v)) return INTERNAL_ERROR;
      headers[k.toLowerCase()] = String(v);
    }
  }
  const cookies = Array.isArray(r.cookies) ? r.cookies.map(String) : [];
  const text = typeof r.body === 'string' ? r.body : '';
  return {
    statusCode: r.statusCode,
    headers,
    cookies,
    body: r.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text),
  };
};

const send = (response: ServerResponse, result: HttpResult, requestId: string): void => {
  if (response.headersSent) return;
  const headers: Record<string, string | string[]> = { ...result.headers, 'apigw-requestid': requestId };
  if (result.cookies.length > 0) headers['set-cookie'] = [...result.cookies];
  headers['content-length'] = String(result.body.length);
  response.writeHead(result.statusCode, headers);
  response.end(result.body);
};

class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

const readBody = (request: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) return reject(new PayloadTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new PayloadTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });

const bearerToken = (header: string | undefined): string | undefined => {
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return (match?.[1] ?? header).trim() || undefined;
};

const unauthorized = (description: string): HttpResult =>
  jsonResult(
    401,
    { message: 'Unauthorized' },
    {
      'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${description.replace(/"/g, "'")}"`,
    },
  );

export const createGateway = (options: GatewayOptions): Server => {
  const apiId = options.apiId ?? 'local';
  const log = options.log ?? (() => undefined);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const rawUrl = request.url ?? '/';
    const queryIndex = rawUrl.indexOf('?');
    const rawPath = queryIndex === -1 ? rawUrl : rawUrl.slice(0, queryIndex);
    const rawQueryString = queryIndex === -1 ? '' : rawUrl.slice(queryIndex + 1);
    const method = (request.method ?? 'GET').toUpperCase();
    const requestId = randomBytes(8).toString('hex');

    let body: Buffer;
    try {
      body = await readBody(request, MAX_PAYLOAD_BYTES);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return send(response, jsonResult(413, { message: 'Request Entity Too Large' }), requestId);
      }
      throw error;
    }

    if (rawPath.startsWith('/__local/') && options.admin) {
      const local: LocalRequest = {
        method,
        path: rawPath,
        query: new URLSearchParams(rawQueryString),
        headers: request.headers,
        body,
      };
      if (await options.admin(local, response)) return;
    }

    const page = options.site?.(method, rawPath);
    if (page) {
      return send(
        response,
        { ...page, cookies: [], body: method === 'HEAD' ? Buffer.alloc(0) : page.body },
        requestId,
      );
    }

    const match = matchRoute(options.routes, method, rawPath);
    if (!match) return send(response, jsonResult(404, { message: 'Not Found' }), requestId);

    let jwt: JwtAuthorizerResult | undefined;
    if (match.route.auth === 'officer') {
      const token = bearerToken(request.headers.authorization);
      if (!token) return send(response, unauthorized('no token'), requestId);
      try {
        jwt = await options.verifyJwt(token);
      } catch (error) {
        log('jwt refused', {
          route: match.routeKey,
          reason: error instanceof Error ? error.message : String(error),
        });
        return send(
          response,
          unauthorized(error instanceof Error ? error.message : 'invalid token'),
          requestId,
        );
      }
    }

    const event = buildEvent({
      method,
      rawPath,
      rawQueryString,
      headers: request.headersDistinct,
      body,
      sourceIp: request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
      match,
      apiId,
      host: request.headers.host ?? '127.0.0.1',
      ...(jwt ? { jwt } : {}),
    });
    if (Buffer.byteLength(JSON.stringify(event)) > MAX_INVOKE_PAYLOAD_BYTES) {
      return send(response, jsonResult(413, { message: 'Request Entity Too Large' }), requestId);
    }

    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        options.invoke(match.route.functionId, event),
        new Promise<'timeout'>((r) => {
          timer = setTimeout(() => r('timeout'), INTEGRATION_TIMEOUT_MS);
        }),
      ]);
      if (result === 'timeout') {
        return send(response, jsonResult(503, { message: 'Service Unavailable' }), requestId);
      }
      send(response, toHttpResult(result), requestId);
    } catch (error) {
      log('function error', {
        function: match.route.functionId,
        route: match.routeKey,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      send(response, INTERNAL_ERROR, requestId);
    } finally {
      clearTimeout(timer);
    }
  };

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log('gateway error', { error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) send(response, INTERNAL_ERROR, 'gateway');
      else response.destroy();
    });
  });
};
