/**
 * The stateful resources, declared once: the CDK stateful stack and the local runtime's resource
 * creation both read these definitions. Names here are logical; physical names come from the stage.
 * What the running code must agree on lives in shared/ and is imported from there: the table layout and
 * the environment variable names (re-exported here), the event source (shared/schemas/events). shared/**
 * never imports infra/**.
 */
import { EVIDENCE_PREFIX, INCOMING_PREFIX } from '../shared/domain/evidence.ts';
import { APP_TABLE, type AppIndexName } from '../shared/adapters/dynamodb/table.ts';
import { ENV } from '../shared/runtime/config.ts';

export { APP_TABLE, ENV, type AppIndexName };

/** Powertools idempotency layout. */
export const IDEMPOTENCY_TABLE = {
  partitionKey: 'id',
  ttlAttribute: 'expiration',
} as const;

export interface QueueDef {
  readonly fifo: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the queue's DLQ; undefined for a queue that is itself a DLQ. */
  readonly maxReceiveCount?: number;
  readonly retentionDays: number;
}

export const QUEUES = {
  /** Inbound WhatsApp messages and statuses: group = citizen, dedup id = message id. */
  webhookInbound: { fifo: true, visibilityTimeoutSeconds: 360, maxReceiveCount: 5, retentionDays: 4 },
  /** Bus rule -> citizen notifier. */
  citizenNotifications: { fifo: false, visibilityTimeoutSeconds: 360, maxReceiveCount: 5, retentionDays: 4 },
  /** Bus rule -> officer alerter. */
  officerAlerts: { fifo: false, visibilityTimeoutSeconds: 360, maxReceiveCount: 5, retentionDays: 4 },
  /** Stream batches the publisher could not deliver after its retries (on-failure destination). */
  publisherFailures: { fifo: false, visibilityTimeoutSeconds: 30, retentionDays: 14 },
  /** WhatsApp media to download into the evidence bucket (one job per media id); retried, then DLQ. */
  evidenceDownloads: { fifo: false, visibilityTimeoutSeconds: 180, maxReceiveCount: 5, retentionDays: 4 },
  /** Stream batches the monitoring counters could not apply after their retries (reconcile repairs them). */
  counterFailures: { fifo: false, visibilityTimeoutSeconds: 30, retentionDays: 14 },
} as const satisfies Record<string, QueueDef>;

export type QueueId = keyof typeof QUEUES;

/**
 * The evidence bucket (photos, voice notes, videos, documents kept with complaints). Private, encrypted,
 * TLS only, versioned, access-logged; its lifecycle is the retention policy of docs/evidence.md.
 */
export const EVIDENCE_BUCKET = {
  /** Physical name (globally unique with account and region), known to IAM policies without a cross-stack reference. */
  name: (stage: string, account: string, region: string) => `rabta-${stage}-evidence-${account}-${region}`,
  /** Confirmed evidence: `evidence/<etag>/<random id>`. */
  evidencePrefix: EVIDENCE_PREFIX,
  /** Browser uploads land here first and are copied to `evidence/` once confirmed and checked. */
  incomingPrefix: INCOMING_PREFIX,
  lifecycle: {
    /** Evidence stays in S3 Standard this long, then moves to Standard-IA (officers open it rarely later). */
    infrequentAccessAfterDays: 90,
    /** Then to Glacier Instant Retrieval (still opened in milliseconds when a case is reopened). */
    archiveAfterDays: 365,
    /** Kept this long after upload (7 years: see docs/evidence.md), then deleted. */
    expireAfterDays: 7 * 365,
    /** An overwritten or deleted version can be restored for this long. */
    noncurrentVersionsDays: 30,
    /** An upload never confirmed is removed after this long. */
    incomingExpireDays: 1,
    abortIncompleteMultipartDays: 1,
  },
  /** Server access logs are kept this long. */
  accessLogDays: 365,
} as const;

/** Queues that get a dead-letter queue of their own. */
export const queuesWithDlq = (): QueueId[] =>
  (Object.keys(QUEUES) as QueueId[]).filter((id) => 'maxReceiveCount' in QUEUES[id]);
