/**
 * The only module that reads process.env. Each part of the system asks for the slice it needs;
 * a missing or malformed variable fails fast with a message naming it.
 */
import * as z from '../domain/zod.ts';

const env = process.env;

/** Environment variables a function receives, by what it may access (infra/topology.ts `access`); infra sets them. */
export const ENV = {
  stage: 'STAGE',
  tableName: 'TABLE_NAME',
  idempotencyTableName: 'IDEMPOTENCY_TABLE_NAME',
  eventBusName: 'EVENT_BUS_NAME',
  /** The officers' user pool, for functions that create or update officers' sign-in users. */
  userPoolId: 'USER_POOL_ID',
  evidenceBucketName: 'EVIDENCE_BUCKET_NAME',
  /** Set on HTTP functions in AWS: the value CloudFront sends in its origin-verify header. */
  originVerifyToken: 'ORIGIN_VERIFY_TOKEN',
  /** `webhookInbound` -> `QUEUE_URL_WEBHOOK_INBOUND`. */
  queueUrl: (queueId: string) => `QUEUE_URL_${queueId.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`,
} as const;

const parse = <T extends z.ZodMiniType>(
  schema: T,
  values: Record<string, unknown>,
  what: string,
): z.output<T> => {
  const result = schema.safeParse(values);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration for ${what} is invalid: ${problems}`);
  }
  return result.data;
};

/**
 * A slice of configuration: its schema built on first use, the environment parsed again only when the values it
 * reads have changed. Building and running a zod schema on every call (every queue send, every table call) was
 * ~10 % of the webhook's CPU under a crowd (docs/performance.md); the environment may still change between calls
 * (tests, the local runtime's clock), and a change is seen.
 */
const configSlice = <T extends z.ZodMiniType>(
  schema: () => T,
  read: () => Record<string, unknown>,
  what: string,
): (() => Readonly<z.output<T>>) => {
  let built: T | undefined;
  let last: { readonly values: Record<string, unknown>; readonly output: Readonly<z.output<T>> } | undefined;
  return () => {
    const values = read();
    if (last && Object.keys(values).every((key) => values[key] === last?.values[key])) return last.output;
    built ??= schema();
    const output = Object.freeze(parse(built, values, what));
    last = { values, output };
    return output;
  };
};

export const stage = (): string => env[ENV.stage] ?? 'local';

/** Set only when talking to an emulator (moto, LocalStack); the SDK also honours it natively. */
export const awsEndpoint = (): string | undefined => env.AWS_ENDPOINT_URL || undefined;

export const tableConfig = /* @__PURE__ */ configSlice(
  () => z.object({ tableName: z.string().check(z.minLength(1)) }),
  () => ({ tableName: env[ENV.tableName] }),
  'the application table (TABLE_NAME)',
);

export const idempotencyConfig = /* @__PURE__ */ configSlice(
  () => z.object({ tableName: z.string().check(z.minLength(1)) }),
  () => ({ tableName: env[ENV.idempotencyTableName] }),
  'the idempotency table (IDEMPOTENCY_TABLE_NAME)',
);

export const eventBusConfig = /* @__PURE__ */ configSlice(
  () => z.object({ busName: z.string().check(z.minLength(1)) }),
  () => ({ busName: env[ENV.eventBusName] }),
  'the event bus (EVENT_BUS_NAME)',
);

/**
 * The evidence bucket. `S3_FORCE_PATH_STYLE=true` for emulators that serve buckets under the endpoint's path
 * (moto, LocalStack); AWS uses virtual-hosted URLs. Presigned links live this short (seconds).
 */
export const evidenceConfig = /* @__PURE__ */ configSlice(
  () =>
    z.object({
      bucketName: z.string().check(z.minLength(1)),
      forcePathStyle: z.pipe(
        z.enum(['true', 'false']),
        z.transform((v) => v === 'true'),
      ),
      uploadExpirySeconds: z.coerce.number().check(z.int(), z.gte(30), z.lte(3600)),
      downloadExpirySeconds: z.coerce.number().check(z.int(), z.gte(30), z.lte(3600)),
    }),
  () => ({
    bucketName: env[ENV.evidenceBucketName],
    forcePathStyle: env.S3_FORCE_PATH_STYLE || 'false',
    uploadExpirySeconds: env.EVIDENCE_UPLOAD_EXPIRY_SECONDS || '300',
    downloadExpirySeconds: env.EVIDENCE_DOWNLOAD_EXPIRY_SECONDS || '300',
  }),
  'the evidence bucket (EVIDENCE_BUCKET_NAME, S3_FORCE_PATH_STYLE, EVIDENCE_*_EXPIRY_SECONDS)',
);

/**
 * RATE_LIMIT_SCALE multiplies every abuse limit (app/limits.ts): 1 (the default) in production; a stage that
 * files complaints in bulk from one address (load tests, the local e2e suites) raises it.
 */
export const rateLimitConfig = /* @__PURE__ */ configSlice(
  () => z.object({ scale: z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000)) }),
  () => ({ scale: env.RATE_LIMIT_SCALE || '1' }),
  'the abuse limits (RATE_LIMIT_SCALE)',
);

/** The origin-verify token (HTTP functions in AWS); undefined locally, where no CloudFront stands in front. */
export const originVerifyToken = (): string | undefined => env[ENV.originVerifyToken] || undefined;

const queueUrls = new Map<string, () => { readonly url: string }>();

export const queueUrl = (envVar: string): string => {
  let slice = queueUrls.get(envVar);
  if (!slice) {
    slice = configSlice(
      () => z.object({ url: z.url() }),
      () => ({ url: env[envVar] }),
      `the queue (${envVar})`,
    );
    queueUrls.set(envVar, slice);
  }
  return slice().url;
};

/** Names under which logs and metrics are published (Powertools' own variables, with Rabta defaults). */
export const serviceConfig = /* @__PURE__ */ configSlice(
  () =>
    z.object({
      serviceName: z.string().check(z.minLength(1)),
      metricsNamespace: z.string().check(z.minLength(1)),
    }),
  () => ({
    serviceName: env.POWERTOOLS_SERVICE_NAME || 'rabta',
    metricsNamespace: env.POWERTOOLS_METRICS_NAMESPACE || 'Rabta',
  }),
  'logging and metrics (POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE)',
);

/**
 * WhatsApp Cloud API settings. In AWS the secrets come from two Secrets Manager secrets (JSON objects): the
 * webhook's WHATSAPP_WEBHOOK_SECRET_ARN `{appSecret, verifyToken}` and the senders' WHATSAPP_GRAPH_SECRET_ARN
 * `{accessToken, phoneNumberId}`, each function given only its own; locally from the plain variables, with
 * defaults that `npm start` and `npm run chat` agree on.
 */
export const whatsappConfig = /* @__PURE__ */ configSlice(
  () =>
    z.object({
      webhookSecretArn: z.optional(z.string().check(z.minLength(1))),
      graphSecretArn: z.optional(z.string().check(z.minLength(1))),
      appSecret: z.string().check(z.minLength(1)),
      verifyToken: z.string().check(z.minLength(1)),
      accessToken: z.string().check(z.minLength(1)),
      graphApiBaseUrl: z.url(),
      graphApiVersion: z.string().check(z.regex(/^v\d+\.\d+$/, 'like v24.0')),
      phoneNumberId: z.string().check(z.minLength(1)),
      /** Approved template used outside the 24-hour window; its body has one text parameter. */
      templateName: z
        .string()
        .check(z.regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and underscores')),
      templateLanguage: z.string().check(z.minLength(2)),
      templateLanguageEnglish: z.string().check(z.minLength(2)),
      /** Graph API calls: attempts on 429/5xx before giving up (the worker then retries the record). */
      graphMaxAttempts: z.coerce.number().check(z.int(), z.gte(1), z.lte(10)),
      /** One Graph API attempt is abandoned (and retried) after this long. */
      graphAttemptTimeoutMs: z.coerce.number().check(z.int(), z.gte(1), z.lte(60_000)),
      /** The least pause after Meta's pair rate limit (131056). */
      graphPairRateDelayMs: z.coerce.number().check(z.int(), z.gte(0), z.lte(60_000)),
    }),
  () => ({
    webhookSecretArn: env.WHATSAPP_WEBHOOK_SECRET_ARN || undefined,
    graphSecretArn: env.WHATSAPP_GRAPH_SECRET_ARN || undefined,
    appSecret: env.WHATSAPP_APP_SECRET || 'local-app-secret',
    verifyToken: env.WHATSAPP_VERIFY_TOKEN || 'local-verify-token',
    accessToken: env.WHATSAPP_ACCESS_TOKEN || 'local-access-token',
    graphApiBaseUrl: env.GRAPH_API_BASE_URL || 'https://graph.facebook.com',
    graphApiVersion: env.GRAPH_API_VERSION || 'v24.0',
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID || 'local-phone-number-id',
    templateName: env.WHATSAPP_TEMPLATE_NAME || 'rabta_update',
    templateLanguage: env.WHATSAPP_TEMPLATE_LANGUAGE || 'ur',
    templateLanguageEnglish: env.WHATSAPP_TEMPLATE_LANGUAGE_EN || 'en',
    graphMaxAttempts: env.GRAPH_API_MAX_ATTEMPTS || '4',
    graphAttemptTimeoutMs: env.GRAPH_API_ATTEMPT_TIMEOUT_MS || '10000',
    graphPairRateDelayMs: env.GRAPH_API_PAIR_RATE_DELAY_MS || '6000',
  }),
  'WhatsApp (WHATSAPP_*, GRAPH_API_*)',
);

/**
 * Local-only time travel for watching SLAs move (`npm start`, e2e): milliseconds added to the clock of
 * the officer, SLA and notification functions. Read on every call so the local runtime can change it
 * while running (POST /__local/clock). Never set in AWS; ignored on the prod stage.
 */
export const clockOffsetMs = (): number => {
  if (stage() === 'prod') return 0;
  const value = Number(env.RABTA_CLOCK_OFFSET_MS ?? '0');
  return Number.isFinite(value) ? value : 0;
};

/** The officers' user pool (the directory's admin function creates and updates officers' users in it). */
export const userPoolConfig = /* @__PURE__ */ configSlice(
  () => z.object({ userPoolId: z.string().check(z.minLength(1)) }),
  () => ({ userPoolId: env[ENV.userPoolId] }),
  'the officers user pool (USER_POOL_ID)',
);

/**
 * The officer console's address, for links in officers' WhatsApp alerts, and the hour (Pakistan time,
 * 0-23) at which non-urgent new complaints are sent to the holder as one digest.
 */
export const officerAlertConfig = /* @__PURE__ */ configSlice(
  () =>
    z.object({
      consoleUrl: z.url(),
      digestHourPkt: z.coerce.number().check(z.int(), z.gte(0), z.lte(23)),
      templateName: z
        .string()
        .check(z.regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits and underscores')),
      templateLanguage: z.string().check(z.minLength(2)),
    }),
  () => ({
    consoleUrl: env.OFFICER_CONSOLE_URL || 'http://127.0.0.1:3000/console',
    digestHourPkt: env.OFFICER_DIGEST_HOUR_PKT || '9',
    templateName: env.OFFICER_TEMPLATE_NAME || 'rabta_officer_alert',
    templateLanguage: env.OFFICER_TEMPLATE_LANGUAGE || 'en',
  }),
  'officer alerts (OFFICER_CONSOLE_URL, OFFICER_DIGEST_HOUR_PKT, OFFICER_TEMPLATE_NAME, OFFICER_TEMPLATE_LANGUAGE)',
);
