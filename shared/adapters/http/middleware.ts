/**
 * middy middlewares for API Gateway HTTP API (payload 2.0) routes, public and officer alike.
 *
 * Chain order for a JSON route:
 *   middy<ApiEvent, ApiResult>()
 *     .use(httpErrors())            // first: its onError runs last, after every other middleware's
 *     .use(httpHeaderNormalizer())  // lower-case header names, whatever the caller sent
 *     .use(body.middleware)         // const body = jsonBody(schema): 415 / 413 / 400 before any work
 *     .handler(async (event) => ... body.of(event) ...)
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from '../../domain/zod.ts';
import { validationErrorFromZod } from '../../domain/errors.ts';
import { HttpError, badRequest, isServerFault, toHttpError } from './errors.ts';
import { logger } from '../../runtime/powertools.ts';

export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResult = APIGatewayProxyStructuredResultV2;
type ApiMiddleware = MiddlewareObj<ApiEvent, ApiResult>;

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
} as const;

/** A JSON response with the API's standard headers. */
export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): ApiResult => ({
  statusCode,
  headers: { ...JSON_HEADERS, ...headers },
  body: JSON.stringify(body),
});

export const errorResponse = (error: HttpError): ApiResult =>
  jsonResponse(error.statusCode, error.toBody(), error.headers);

/** Header lookup that does not depend on the caller's casing (HTTP API lower-cases, local tools may not). */
export const header = (event: Pick<ApiEvent, 'headers'>, name: string): string | undefined => {
  const headers = event.headers ?? {};
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
};

/**
 * The caller's address for the per-address limits: the connection's source address as API Gateway saw it.
 * (Behind CloudFront that is the edge's address; the WAF's rate rule there limits by the viewer's own.)
 */
export const clientAddress = (event: Pick<ApiEvent, 'requestContext'>): string | undefined =>
  (event.requestContext as { http?: { sourceIp?: string } } | undefined)?.http?.sourceIp || undefined;

/** The caller's address as the tracking use cases take it (absent when API Gateway gave none). */
export const callerContext = (event: Pick<ApiEvent, 'requestContext'>): { clientAddress?: string } => {
  const address = clientAddress(event);
  return address ? { clientAddress: address } : {};
};

/**
 * Turns every error into the API's JSON error shape. Domain and use-case errors map to 4xx; anything else is
 * a server fault: logged (redacted) and answered 500 with a generic body that reveals nothing.
 */
export const httpErrors = (): ApiMiddleware => ({
  onError: async (request) => {
    if (request.response !== undefined && request.response !== null) return;
    const mapped = toHttpError(request.error);
    if (isServerFault(mapped)) {
      logger().error('Request failed with a server fault', { error: request.error as Error });
    }
    request.response = errorResponse(mapped);
  },
});

/** The header CloudFront adds to every request it forwards to the API (infra/constructs/web-site.ts, serveApi). */
export const ORIGIN_VERIFY_HEADER = 'x-rabta-origin-verify';

/**
 * Refuses a request that did not come through the stage's CloudFront distribution, and so past its web ACL: a
 * direct call to the execute-api URL lacks the header CloudFront adds. Off when no token is configured (the
 * local runtime, which has no CloudFront). Digests compared in constant time.
 */
export const originVerify = (token: string | undefined): ApiMiddleware => ({
  before: async (request) => {
    if (token === undefined) return;
    const given = header(request.event, ORIGIN_VERIFY_HEADER) ?? '';
    const digest = (value: string) => createHash('sha256').update(value).digest();
    if (!timingSafeEqual(digest(given), digest(token))) {
      throw new HttpError(403, 'forbidden', 'Call this API at its public address.');
    }
  },
});

export interface JsonBodyOptions {
  /** Largest accepted body, in bytes after base64 decoding. */
  maxBytes?: number;
}

const ACCEPTED_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** Rejects anything but JSON in UTF-8 (415). */
const checkContentType = (event: ApiEvent): void => {
  const contentType = header(event, 'content-type');
  if (!contentType) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  const [mediaType = '', ...params] = contentType.split(';').map((p) => p.trim());
  const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice('charset='.length);
  if (!ACCEPTED_MEDIA_TYPE.test(mediaType) || (charset && !/^"?utf-8"?$/i.test(charset))) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Content type "${mediaType.slice(0, 100)}" is not supported; send "application/json" in UTF-8.`,
    );
  }
};

/** Keeps a leading byte order mark (the default decoder drops it silently): it is refused below, as in AWS. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text: base64-decoded when API Gateway says so, size-checked, strictly UTF-8. */
export const readBodyText = (event: ApiEvent, maxBytes = DEFAULT_MAX_BODY_BYTES): string | undefined => {
  const raw: unknown = event.body;
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest('invalid_body', 'The request body could not be read.');
  const tooLarge = () =>
    new HttpError(
      413,
      'payload_too_large',
      `The request body is larger than the limit of ${maxBytes} bytes.`,
    );
  // Cheap early rejection before decoding: base64 is 4/3 of the bytes, UTF-16 length <= bytes.
  if ((event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) - 2 : raw.length) > maxBytes)
    throw tooLarge();
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxBytes) throw tooLarge();
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw new HttpError(400, 'invalid_encoding', 'The request body is not valid UTF-8.', { cause });
  }
};

/** Content type, size, encoding and JSON syntax, in that order; throws HttpError. */
export const parseJson = (event: ApiEvent, options: JsonBodyOptions = {}): unknown => {
  checkContentType(event);
  const text = readBodyText(event, options.maxBytes);
  if (text === undefined || text.trim() === '')
    throw badRequest('missing_body', 'A JSON request body is required.');
  if (text.startsWith('\uFEFF')) {
    // JSON (RFC 8259 §8.1) must not start with one; saying so beats JSON.parse's "unexpected token".
    throw badRequest(
      'invalid_json',
      'The request body starts with a byte order mark (U+FEFF); send JSON without one.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new HttpError(
      400,
      'invalid_json',
      `The request body is not valid JSON: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  return json;
};

const validate = <S extends z.ZodMiniType>(schema: S, json: unknown): z.output<S> => {
  const result = schema.safeParse(json);
  if (!result.success) throw validationErrorFromZod(result.error, 'The request has invalid fields.');
  return result.data;
};

/** parseJson, then the schema; throws HttpError / ValidationError. */
export const parseJsonBody = <S extends z.ZodMiniType>(
  event: ApiEvent,
  schema: S,
  options: JsonBodyOptions = {},
): z.output<S> => validate(schema, parseJson(event, options));

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Checks an optional `Idempotency-Key` header: 1-255 visible ASCII characters (400 otherwise). */
export const idempotencyKeyHeader = (): ApiMiddleware => ({
  before: (request) => {
    const key = header(request.event, 'idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw badRequest(
        'invalid_idempotency_key',
        'Idempotency-Key must be 1 to 255 visible ASCII characters.',
        [{ path: 'headers.idempotency-key', message: 'Use e.g. a UUID' }],
      );
    }
  },
});

export interface JsonBody<T> {
  readonly middleware: ApiMiddleware;
  /** The parsed and validated body of a request that went through `middleware`. */
  of(event: ApiEvent): T;
  /** The same body as plain JSON, before the schema's transforms (for use cases that validate themselves). */
  json(event: ApiEvent): unknown;
}

/**
 * Validates the JSON body before the handler runs and keeps the result beside the untouched event
 * (the raw body stays as received, e.g. for idempotency hashing).
 */
export const jsonBody = <S extends z.ZodMiniType>(
  schema: S,
  options: JsonBodyOptions = {},
): JsonBody<z.output<S>> => {
  const parsed = new WeakMap<ApiEvent, { value: z.output<S>; json: unknown }>();
  const lookup = (event: ApiEvent) => {
    const entry = parsed.get(event);
    if (!entry) throw new Error('jsonBody.middleware did not run for this event');
    return entry;
  };
  return {
    middleware: {
      before: (request) => {
        const json = parseJson(request.event, options);
        parsed.set(request.event, { value: validate(schema, json), json });
      },
    },
    of: (event) => lookup(event).value,
    json: (event) => lookup(event).json,
  };
};

/** Query string parameters parsed by `schema`; a bad one is a 400 naming it. */
export const queryOf = <S extends z.ZodMiniType>(event: ApiEvent, schema: S): z.output<S> => {
  const result = schema.safeParse(event.queryStringParameters ?? {});
  if (!result.success) throw validationErrorFromZod(result.error, 'The query has invalid parameters.');
  return result.data;
};
