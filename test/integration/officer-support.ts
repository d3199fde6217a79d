/**
 * Helpers of the officer/SLA integration tests: API Gateway HTTP API (payload 2.0) events with JWT
 * authorizer claims, a Lambda context, and seeding complaints through the real repository.
 */
import { complaintFiledDraft } from '../../shared/app/file-complaint.ts';
import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '../../shared/adapters/http/middleware.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';
import { GROUPS_CLAIM, officerGroups } from '../../shared/domain/officer-groups.ts';

export const lambdaContext = {
  functionName: 'test',
  awsRequestId: 'test',
  getRemainingTimeInMillis: () => 30_000,
} as unknown as Context;

export type Claims = Record<string, string>;

/** What the gateway hands over of a Cognito ID token besides role and area: its kind and a 1-hour life. */
export const idTokenClaims = (issuedAt = Math.floor(Date.now() / 1000)): Claims => ({
  token_use: 'id',
  iat: String(issuedAt),
  exp: String(issuedAt + 3600),
});

export const claimsOf = (
  role: string,
  area: { district?: string; region?: string; station?: string } = {},
  sub?: string,
): Claims => ({
  sub: sub ?? `${role}-${area.district ?? area.region ?? 'all'}-${area.station ?? ''}`,
  ...idTokenClaims(),
  // As API Gateway hands an array claim to a function: one string, `[a b]`.
  [GROUPS_CLAIM]: `[${officerGroups(role, area).join(' ')}]`,
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
    await repository.create(complaint, [complaintFiledDraft(complaint)]);
  }
};
