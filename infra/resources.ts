/**
 * The stateful resources, declared once: the CDK stateful stack and the local runtime's resource
 * creation both read these definitions. Names here are logical; physical names come from the stage.
 * What the running code must agree on lives in shared/ and is imported from there: the table layout and
 * the environment variable names (re-exported here), the event source (shared/schemas/events). shared/**
 * never imports infra/**.
 */
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
  /** Stream batches the monitoring counters could not apply after their retries (reconcile repairs them). */
  counterFailures: { fifo: false, visibilityTimeoutSeconds: 30, retentionDays: 14 },
} as const satisfies Record<string, QueueDef>;

export type QueueId = keyof typeof QUEUES;

/** Queues that get a dead-letter queue of their own. */
export const queuesWithDlq = (): QueueId[] =>
  (Object.keys(QUEUES) as QueueId[]).filter((id) => 'maxReceiveCount' in QUEUES[id]);
