/**
 * Thousands of malformed requests over real HTTP to every route of the running local runtime (gateway,
 * JWT authorizer, functions): random JSON, wrong types, huge strings, invalid UTF-8, wrong content
 * types, missing bodies, garbage path parameters and query strings, unknown paths, wrong methods;
 * officer routes with valid CPO and DPO tokens, forged claims, expired, garbage and missing tokens; the
 * webhook unsigned and correctly signed. None may answer 5xx, every error has its documented shape, and
 * nothing is stored or enqueued anywhere.
 */
import { request as httpRequest, Agent } from 'node:http';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../infra/topology.ts';
import { signBody, signBodyAsMeta } from '../../shared/app/whatsapp/signature.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { makeGen, prng, validWebhookPayload, type Gen } from '../support/malformed.ts';
import { officerTokenClaims } from '../../infra/local/auth.ts';
import { GROUPS_CLAIM as G } from '../../shared/domain/officer-groups.ts';

const SEED = 20250302;
const CONCURRENCY = 8;
/** The runtime's local WhatsApp secrets (infra/local/runtime.ts). */
const APP_SECRET = 'local-app-secret';
const VERIFY_TOKEN = 'local-verify-token';
const GATEWAY_UNAUTHORIZED = { message: 'Unauthorized' };

type TokenKind = 'none' | 'garbage' | 'expired' | 'forged' | 'cpo' | 'dpo';

interface FuzzRequest {
  /** The route the request aims at (`POST /complaints`, `unknown path`, ...): the report's key. */
  readonly label: string;
  readonly method: string;
  /** Path and query exactly as put on the wire (latin1: one byte per character). */
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  /** Officer routes: which token was sent. */
  readonly token?: TokenKind;
  /** Statuses this request may get besides the general rules (e.g. a signed bad delivery is a 400). */
  readonly statuses?: readonly number[];
}

interface FuzzAnswer {
  readonly status: number;
  readonly text: string;
}

let runtime: RunningLocalRuntime;
let tokens: Record<Exclude<TokenKind, 'none'>, readonly string[]>;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(async () => {
  // Thousands of requests from 127.0.0.1: the limits would answer 429 where the test expects the input's answer.
  runtime = await startLocalRuntimeProcess({
    stagePrefix: 'fuzz',
    // ERROR: a server fault's log line is in the failure message (the suite's default is SILENT).
    env: { RATE_LIMIT_SCALE: '1000', POWERTOOLS_LOG_LEVEL: 'ERROR' },
  });
  const cpo = await runtime.token(officerTokenClaims({ sub: 'fuzz-cpo', role: 'CPO', name: 'Fuzz CPO' }));
  const dpo = await runtime.token(officerTokenClaims({ sub: 'fuzz-dpo', role: 'DPO', district: 'LHR' }));
  tokens = {
    cpo: [cpo],
    dpo: [dpo],
    expired: [await runtime.token(officerTokenClaims({ sub: 'fuzz-cpo', role: 'CPO' }), -3600)],
    // Signed by the issuer, so the gateway lets them through: the functions must refuse the claims (403).
    forged: await Promise.all(
      [
        { sub: 'f1', [G]: ['role-KING'] },
        { sub: 'f2', [G]: ['role-DPO'] },
        { sub: 'f3', [G]: ['role-DPO', 'district-ZZZ'] },
        { sub: 'f4', [G]: ['role-SHO', 'district-LHR'] },
        { sub: ' ', [G]: ['role-CPO'] },
        { sub: 'x'.repeat(300), [G]: ['role-CPO'] },
        { sub: 'f5', [G]: ['role-CPO', 'role-DPO'] },
        { sub: 'f6', [G]: ['role-RPO', 'region-NOPE'] },
        { sub: 'f7', [G]: ['role-DPO', 'district-LHR', 'region-MUL'] },
        { sub: 'f8', [G]: { 'role-CPO': true } },
        { sub: 'f9', [G]: ['role-DPO', 'district-LHR', 'station-Gulberg'] },
        { sub: 'f10', [G]: ['role-CPO', 'admins'] },
        { sub: 'f11', 'custom:role': 'CPO' },
      ].map((claims) => runtime.token(claims)),
    ),
    garbage: [
      'x',
      'a'.repeat(3000),
      tamperedSignature(cpo),
      `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', [G]: ['role-CPO'] })}.`,
      `${cpo.split('.')[0]}.${base64url({ sub: 'x', [G]: ['role-CPO'], exp: 9_999_999_999 })}.${cpo.split('.')[2]}`,
      '...',
    ],
  };
}, 90_000);

afterAll(async () => {
  agent.destroy();
  await runtime?.stop();
});

/** The token with its signature's first character changed: always a different signature (changing only the
 * last characters can leave the decoded bytes unchanged, which once let a "garbage" token through). */
const tamperedSignature = (token: string): string => {
  const [header, payload, signature = ''] = token.split('.');
  return `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
};

/** Header values as bytes on the wire: UTF-8, no control characters (no HTTP client can send those). */
const wireHeader = (value: string) =>
  // eslint-disable-next-line no-control-regex -- exactly the characters HTTP forbids in header values
  Buffer.from(value.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '?'), 'utf8').toString('latin1');

const send = (request: FuzzRequest, attempt = 1): Promise<FuzzAnswer> =>
  new Promise<FuzzAnswer>((resolve, reject) => {
    const url = new URL(runtime.apiUrl);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) headers[name] = wireHeader(value);
    if (request.body !== undefined || !['GET', 'HEAD'].includes(request.method)) {
      headers['content-length'] = String(request.body?.length ?? 0);
    }
    const outgoing = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.target,
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed in the meantime is the client's race, not an answer.
      if (outgoing.reusedSocket && error.code === 'ECONNRESET' && attempt === 1) {
        resolve(send(request, 2));
      } else reject(error);
    });
    outgoing.end(request.body);
  });

/** Turns a generator's body (object → JSON, string, bytes) into bytes plus the JSON content type by default. */
const withBody = (
  part: { body?: unknown; headers?: Record<string, string> },
  extra: Record<string, string> = {},
): { headers: Record<string, string>; body?: Buffer } => {
  const body =
    part.body === undefined
      ? undefined
      : Buffer.isBuffer(part.body)
        ? part.body
        : Buffer.from(typeof part.body === 'string' ? part.body : JSON.stringify(part.body));
  return {
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...part.headers,
      ...extra,
    },
    ...(body ? { body } : {}),
  };
};

/** Headers nobody should trip over. */
const noise = (gen: Gen): Record<string, string> =>
  gen.pick<Record<string, string>>([
    {},
    {},
    { 'content-encoding': 'gzip' },
    { accept: gen.str(20) },
    { 'user-agent': gen.str(40) },
    { cookie: 'a=b; ;;=; c' },
    { 'x-forwarded-for': gen.str(20) },
    { 'if-match': gen.pick(['*', '"1"', gen.str(10)]) },
    { 'idempotency-key': gen.pick(['k'.repeat(300), gen.str(10), 'ok-key']) },
    { 'x-hub-signature-256': gen.str(70) },
    { 'x-amzn-trace-id': 'x'.repeat(2000) },
  ]);

const ifMatch = (gen: Gen): Record<string, string> =>
  gen.pick<Record<string, string>>([
    {},
    { 'if-match': '' },
    { 'if-match': '"1"' },
    { 'if-match': 'W/"3"' },
    { 'if-match': '*' },
    { 'if-match': '0' },
    { 'if-match': '-1' },
    { 'if-match': '9'.repeat(30) },
    { 'if-match': '"1", "2"' },
    { 'if-match': gen.str(20) },
  ]);

const tokenKind = (gen: Gen): TokenKind =>
  gen.pick(['none', 'garbage', 'expired', 'forged', 'cpo', 'cpo', 'cpo', 'dpo', 'dpo', 'dpo']);

const authorization = (gen: Gen, kind: TokenKind): Record<string, string> => {
  if (kind === 'none')
    return gen.pick<Record<string, string>>([{}, { authorization: '' }, { authorization: 'Bearer' }]);
  const token = gen.pick(tokens[kind]);
  return {
    authorization:
      kind === 'garbage' ? gen.pick([`Bearer ${token}`, `Basic ${token}`, token]) : `Bearer ${token}`,
  };
};

const ACT_TEMPLATES: Record<string, Record<string, unknown>> = {
  assign: { level: 'SHO', station: 'Model Town' },
  transitions: { type: 'start', note: 'Looking into it' },
  actions: { kind: 'visit', note: 'Visited the complainant' },
};

const FOLLOW_UP_TEMPLATE = { type: 'explain', note: 'Explanation called' };

const FEEDBACK_TEMPLATE = {
  etag: 'LHR-7K3Q-F9XC',
  trackingCode: 'ABCD2345',
  satisfied: false,
  reason: 'Nothing happened',
};

const ANSWER_TEMPLATE = {
  etag: 'LHR-7K3Q-F9XC',
  trackingCode: 'ABCD2345',
  message: 'It happened near the canal bridge',
};

const KNOWN_QUERY: Record<string, readonly string[]> = {
  '/officer/complaints': ['district', 'station', 'status', 'category', 'priority', 'overdue', 'to'],
  '/officer/monitoring': ['district', 'region', 'to'],
  '/officer/follow-ups': ['district', 'state', 'level', 'station', 'officerId', 'to'],
  '/officer/alerts': ['district', 'kind'],
};

/** One officer request: a token of any kind, garbage path parameters, query, If-Match and body. */
const officerRequest = (gen: Gen, method: string, path: string): FuzzRequest => {
  const token = tokenKind(gen);
  const target = path.replace(/\{[^}]+\}/g, () => gen.pathSegment());
  let query = gen.random() < 0.6 ? gen.query(KNOWN_QUERY[path] ?? []) : '';
  // A valid officer's queue read refreshes their directory entry (a write): only send invalid queries.
  if (path === '/officer/complaints' && (token === 'cpo' || token === 'dpo')) {
    const invalid = gen.pick([
      () => `${gen.pick(['zz', '%00', 'limit%00'])}=1`,
      () => `limit=${gen.pick(['0', '-1', '101', 'ten', '1.5'])}`,
      () => `from=${gen.pick(['yesterday', '2025-02-30', '%00'])}`,
      () => `cursor=${encodeURIComponent(gen.invalidCursor())}`,
    ])();
    query = query.replace(/(^|&)cursor=[^&]*/g, '');
    query = `${query ? `${query}&` : ''}${invalid}`;
  }
  const template = path.endsWith('/actions')
    ? path.startsWith('/officer/follow-ups')
      ? FOLLOW_UP_TEMPLATE
      : ACT_TEMPLATES.actions!
    : (ACT_TEMPLATES[path.split('/').at(-1) ?? ''] ?? {});
  const body = method === 'POST' || gen.random() < 0.2 ? gen.bodyLike(template) : {};
  const { headers, body: bytes } = withBody(body, {
    ...authorization(gen, token),
    ...(method === 'POST' ? ifMatch(gen) : {}),
    ...noise(gen),
  });
  return {
    label: `${method} ${path}`,
    method,
    target: `${target}${query ? `?${query}` : ''}`,
    headers,
    ...(bytes ? { body: bytes } : {}),
    token,
  };
};

const webhookGet = (gen: Gen): FuzzRequest => {
  const params = new URLSearchParams();
  if (gen.random() < 0.8) params.set('hub.mode', gen.pick(['subscribe', '', 'unsubscribe', gen.str(10)]));
  if (gen.random() < 0.8)
    params.set('hub.verify_token', gen.pick([VERIFY_TOKEN, 'wrong', '', gen.str(300), `${VERIFY_TOKEN}x`]));
  if (gen.random() < 0.8)
    params.set('hub.challenge', gen.pick(['', '1158201444', gen.str(30), 'c'.repeat(5000)]));
  const query =
    gen.random() < 0.3 ? gen.query(['hub.mode', 'hub.verify_token', 'hub.challenge']) : params.toString();
  return {
    label: 'GET /webhook',
    method: 'GET',
    target: `/webhook${query ? `?${query}` : ''}`,
    headers: noise(gen),
  };
};

const webhookUnsigned = (gen: Gen): FuzzRequest => {
  const part = gen.random() < 0.4 ? { body: validWebhookPayload() } : gen.bodyFor('track');
  const { headers, body } = withBody(part, noise(gen));
  const bytes = body ?? Buffer.alloc(0);
  const signature = gen.pick([
    undefined,
    '',
    `sha256=${'0'.repeat(64)}`,
    'sha256=zz',
    `sha1=${'a'.repeat(40)}`,
    signBody(`${bytes.toString('latin1')} `, APP_SECRET),
    signBody(bytes, 'wrong-secret'),
    signBody(bytes, APP_SECRET).toUpperCase().replace('SHA256', 'sha256').slice(0, 70),
  ]);
  return {
    label: 'POST /webhook (unsigned)',
    method: 'POST',
    target: '/webhook',
    headers: { ...headers, ...(signature === undefined ? {} : { 'x-hub-signature-256': signature }) },
    ...(body ? { body } : {}),
    statuses: [401, 413],
  };
};

const webhookSigned = (gen: Gen): FuzzRequest => {
  const raw = gen.brokenWebhook();
  const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  return {
    label: 'POST /webhook (signed, malformed)',
    method: 'POST',
    target: '/webhook',
    headers: {
      'content-type': gen.pick([
        'application/json',
        'application/json',
        'text/plain',
        'application/octet-stream',
      ]),
      'x-hub-signature-256':
        gen.random() < 0.5 ? signBody(body, APP_SECRET) : signBodyAsMeta(body, APP_SECRET),
    },
    body,
    // 200: signed valid JSON of another Meta product is acknowledged (and must enqueue nothing either).
    statuses: [200, 400],
  };
};

const publicJson = (gen: Gen, path: string): FuzzRequest => {
  const part =
    path === '/complaints'
      ? gen.bodyFor('file')
      : path === '/complaints/feedback'
        ? gen.bodyLike(FEEDBACK_TEMPLATE)
        : path === '/complaints/respond'
          ? gen.bodyLike(ANSWER_TEMPLATE)
          : gen.random() < 0.2
            ? gen.bodyLike({ etag: 'LHR-7K3Q-F9XC', trackingCode: 'ABCD2345' })
            : gen.bodyFor('track');
  const { headers, body } = withBody(part, path === '/complaints' ? {} : noise(gen));
  return {
    label: `POST ${path}`,
    method: 'POST',
    target: `${path}${gen.random() < 0.2 ? `?${gen.query()}` : ''}`,
    headers,
    ...(body ? { body } : {}),
  };
};

const referenceGet = (gen: Gen, path: string): FuzzRequest => {
  const { headers, body } = withBody(gen.random() < 0.3 ? gen.bodyFor('track') : {}, noise(gen));
  return {
    label: `GET ${path}`,
    method: 'GET',
    target: `${path}${gen.random() < 0.5 ? `?${gen.query()}` : ''}`,
    headers,
    ...(body ? { body } : {}),
  };
};

const UNKNOWN_PATHS = [
  '/',
  '/x',
  '/complaints/x/y',
  '/complaints/track/x',
  '/officer',
  '/officer/',
  '/officer/complaints/a/b/c',
  '/officer/follow-ups/x',
  '/%00',
  '/districts/../..',
  '/DISTRICTS',
  '/complaints%2Ftrack',
  '/webhook/x',
  '/openapi.yaml',
  '/.env',
];

const unknownPath = (gen: Gen): FuzzRequest => {
  const path = gen.pick([
    () => gen.pick(UNKNOWN_PATHS),
    () => `/${gen.pathSegment()}`,
    () => `/complaints/${gen.pathSegment()}`,
    () => `/${'a/'.repeat(gen.int(1000))}`,
    () => `/${encodeURIComponent(gen.str(20))}`,
  ])();
  const method = gen.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  const { headers, body } = withBody(method === 'GET' || method === 'HEAD' ? {} : gen.bodyFor('track'), {
    ...(gen.random() < 0.3 ? authorization(gen, tokenKind(gen)) : {}),
    ...noise(gen),
  });
  return { label: 'unknown path', method, target: path, headers, ...(body ? { body } : {}) };
};

const ROUTES = httpRoutes().filter(({ route }) => route.path.startsWith('/'));

const wrongMethod = (gen: Gen): FuzzRequest => {
  const { route } = gen.pick(ROUTES);
  const allowed = new Set(ROUTES.filter((r) => r.route.path === route.path).map((r) => r.route.method));
  const method = gen.pick(
    ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'].filter((m) => !allowed.has(m as never)),
  );
  const target = route.path.replace(/\{[^}]+\}/g, () => gen.pick(['LHR-7K3Q-F9XC', gen.pathSegment()]));
  const { headers, body } = withBody(method === 'HEAD' ? {} : gen.bodyFor('file'), {
    ...(route.auth === 'officer' ? authorization(gen, tokenKind(gen)) : {}),
    ...noise(gen),
  });
  return { label: 'wrong method', method, target, headers, ...(body ? { body } : {}), statuses: [404, 405] };
};

/** How many requests each target gets: ~4,000 in all. */
const PLAN: readonly { count: number; make: (gen: Gen) => FuzzRequest }[] = [
  { count: 400, make: (gen) => publicJson(gen, '/complaints') },
  { count: 250, make: (gen) => publicJson(gen, '/complaints/track') },
  { count: 250, make: (gen) => publicJson(gen, '/complaints/feedback') },
  { count: 150, make: (gen) => publicJson(gen, '/complaints/respond') },
  { count: 50, make: (gen) => referenceGet(gen, '/districts') },
  { count: 50, make: (gen) => referenceGet(gen, '/categories') },
  { count: 50, make: (gen) => referenceGet(gen, '/openapi.json') },
  { count: 150, make: webhookGet },
  { count: 200, make: webhookUnsigned },
  { count: 300, make: webhookSigned },
  ...ROUTES.filter(({ route }) => route.auth === 'officer').map(({ route }) => ({
    count: route.method === 'GET' ? 200 : 220,
    make: (gen: Gen) => officerRequest(gen, route.method, route.path),
  })),
  { count: 200, make: unknownPath },
  { count: 200, make: wrongMethod },
];

/** What is wrong with this answer, if anything. */
const problemWith = (request: FuzzRequest, answer: FuzzAnswer): string | undefined => {
  // Raw non-ASCII bytes in the request line are not HTTP (RFC 9112 §3.2): the HTTP layer may refuse them
  // before any route, as a front end would (a bare 400, or a reset while the body is still being sent);
  // if it lets them through, the usual rules apply.
  const refusedAsNotHttp =
    /[^\x21-\x7e]/.test(request.target) &&
    ((answer.status === 400 && answer.text === '') ||
      (answer.status === 0 && /ECONNRESET/.test(answer.text)));
  if (refusedAsNotHttp) return undefined;
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.status < 200) return `status ${answer.status}: ${answer.text}`;
  if (request.method === 'HEAD') return undefined; // no body by definition
  const unauthenticated =
    request.token === 'none' || request.token === 'garbage' || request.token === 'expired';
  if (unauthenticated && request.label !== 'wrong method') {
    // API Gateway's JWT authorizer refuses before any function runs, with its own body.
    if (answer.status !== 401) return `expected the gateway's 401, got ${answer.status}`;
    return answer.text === JSON.stringify(GATEWAY_UNAUTHORIZED) ? undefined : 'gateway 401 body';
  }
  if (answer.status >= 400) {
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `non-JSON ${answer.status}`;
    }
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string')
      return `error shape ${answer.status}`;
  }
  if (request.statuses && !request.statuses.includes(answer.status))
    return `unexpected status ${answer.status}`;
  return undefined;
};

/** Every item of a table, keys only (enough to tell what was written). */
const storedKeys = async (table: string) =>
  (
    (await new DynamoDBClient({}).send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ??
    []
  ).map((item) => JSON.stringify([item.pk ?? item.id, item.sk, item.entity]));

const queuedMessages = async (queueUrl: string) => {
  const { Attributes = {} } = await new SQSClient({}).send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return Object.values(Attributes).reduce((sum, n) => sum + Number(n), 0);
};

describe('malformed input to every route of the local runtime, over HTTP', () => {
  it(
    'never answers 5xx, answers every error in its shape, and stores nothing',
    { timeout: 420_000 },
    async () => {
      // Prepare: the whole plan, generated up front from one seed (a failure names its request number)
      const gen = makeGen(prng(SEED));
      const requests = PLAN.flatMap(({ count, make }) => Array.from({ length: count }, () => make(gen)));
      const perRoute = new Map<string, Map<number, number>>();
      const problems: string[] = [];
      // The runtime seeds the force directory at start: whatever is stored before the fuzz must be all there is after it.
      const seeded = await storedKeys(`rabta-${runtime.stage}-app`);

      // Act: at most CONCURRENCY requests in flight
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < requests.length) {
            const index = next++;
            const request = requests[index]!;
            const answer = await send(request).catch((error: unknown): FuzzAnswer => ({
              status: 0,
              text: `no answer: ${String(error)}`,
            }));
            const statuses = perRoute.get(request.label) ?? new Map<number, number>();
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            perRoute.set(request.label, statuses);
            const problem = problemWith(request, answer);
            if (problem) {
              problems.push(
                `#${index} ${request.label} [${request.token ?? '-'}] ${request.method} ${request.target.slice(0, 120)}: ${problem}: ${answer.text.slice(0, 200)}`,
              );
            }
          }
        }),
      );
      const report = [...perRoute]
        .map(([label, statuses]) => {
          const total = [...statuses.values()].reduce((a, b) => a + b, 0);
          const detail = [...statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ');
          return `${String(total).padStart(5)}  ${label.padEnd(48)} ${detail}`;
        })
        .join('\n');
      console.log(`malformed-input e2e: ${requests.length} requests\n${report}`);

      // Assess: every answer, then nothing stored in the tables, nothing enqueued, nothing sent
      expect(
        problems.slice(0, 30),
        `${problems.length} bad answers\n${runtime.output().slice(-3000)}`,
      ).toEqual([]);
      expect(await storedKeys(`rabta-${runtime.stage}-app`)).toEqual(seeded);
      expect(await storedKeys(`rabta-${runtime.stage}-idempotency`)).toEqual([]);
      for (const [name, url] of Object.entries(runtime.env).filter(([name]) =>
        name.startsWith('QUEUE_URL_'),
      )) {
        expect(await queuedMessages(url), name).toBe(0);
      }
      expect(await runtime.outbox()).toEqual([]);
      // The fuzz reached the validators and the authorizers, not just one status
      const seen = new Set([...perRoute.values()].flatMap((statuses) => [...statuses.keys()]));
      expect([...seen]).toEqual(expect.arrayContaining([400, 401, 403, 404, 405, 413, 415]));
      expect(requests.length).toBeGreaterThanOrEqual(3000);
    },
  );
});
