/**
 * The one list of Rabta's functions and what triggers them.
 *
 * The CDK stateless stack and the local runtime (infra/local) are both built from this list, so the
 * deployed system and the one on a developer's machine cannot drift. Keep it declarative: no AWS
 * constructs and no I/O here.
 */
import { QUEUES, type QueueId } from './resources.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'ANY';

/** `public`: anyone (input still validated); `officer`: a valid officer JWT (Cognito in AWS, local issuer locally). */
export type RouteAuth = 'public' | 'officer';

export interface HttpTrigger {
  readonly kind: 'http';
  readonly method: HttpMethod;
  /** API Gateway HTTP API path syntax, e.g. `/complaints/{etag}`. */
  readonly path: string;
  readonly auth: RouteAuth;
}

export interface QueueTrigger {
  readonly kind: 'queue';
  readonly queue: QueueId;
  readonly batchSize: number;
  /** Standard queues only: how long Lambda waits to fill a batch. */
  readonly maxBatchingWindowSeconds?: number;
}

/** Which table stream records reach a stream consumer (a Lambda event filter; the function checks again). */
export type StreamRecords = 'timelineInserts' | 'countedItems';

export interface StreamTrigger {
  readonly kind: 'stream';
  /** `timelineInserts`: new timeline items (the outbox); `countedItems`: complaint and follow-up writes. */
  readonly records: StreamRecords;
  /** Lambda's on-failure destination for batches that ran out of retries. */
  readonly onFailureQueue: QueueId;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  /** Attempts before a batch goes to the stream's failure queue. */
  readonly retryAttempts: number;
}

export interface ScheduleTrigger {
  readonly kind: 'schedule';
  /** Default rate; a stage may override it (see infra/stages.ts). */
  readonly rateMinutes: number;
}

/** Events from the bus reach a consumer through an SQS queue (rule -> queue -> function) for batching and a DLQ. */
export interface EventTrigger {
  readonly kind: 'event';
  readonly detailTypes: readonly string[];
  readonly queue: QueueId;
  readonly batchSize: number;
}

export type Trigger = HttpTrigger | QueueTrigger | StreamTrigger | ScheduleTrigger | EventTrigger;

/** What a function may touch; the CDK grants exactly this and nothing else. */
export interface Access {
  readonly table?: 'read' | 'readwrite';
  readonly idempotencyTable?: boolean;
  readonly sendTo?: readonly QueueId[];
  readonly putEvents?: boolean;
  /**
   * Reads one WhatsApp secret: `webhook` (app secret and verify token: checks Meta's signature) or `graph`
   * (access token and phone number id: sends). The webhook never sees the access token.
   */
  readonly whatsappSecret?: 'webhook' | 'graph';
  /** Creates and updates officers' users in the user pool (role and area from their posting). */
  readonly officerAccounts?: boolean;
  /** The evidence bucket's objects: `read` (sign GETs) or `readwrite` (store, copy, delete). */
  readonly evidence?: 'read' | 'readwrite';
}

export interface FunctionDef {
  /** Stable id: the CDK construct id and the local runtime's name for it. */
  readonly id: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly triggers: readonly Trigger[];
  readonly access: Access;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
}

const http = (method: HttpMethod, path: string, auth: RouteAuth = 'public'): HttpTrigger => ({
  kind: 'http',
  method,
  path,
  auth,
});

/** Detail-types the citizen hears about (architecture §4). */
export const CITIZEN_UPDATE_EVENTS = [
  'ComplaintFiled',
  'ComplaintAssigned',
  'ComplaintStatusChanged',
  'ComplaintActionRecorded',
  'ComplaintReopened',
  'ComplaintSlaBreached',
] as const;

export const OFFICER_ALERT_EVENTS = [
  'ComplaintFiled',
  'ComplaintSlaWarning',
  'ComplaintSlaBreached',
] as const;

export const FUNCTIONS: readonly FunctionDef[] = [
  // --- public complaint API --------------------------------------------------------------
  {
    id: 'FileComplaint',
    entry: 'functions/file-complaint.ts',
    description: 'POST /complaints: file a complaint, answer with its e-tag and tracking code',
    triggers: [http('POST', '/complaints')],
    access: { table: 'readwrite', idempotencyTable: true },
  },
  {
    id: 'TrackComplaint',
    entry: 'functions/track-complaint.ts',
    description: 'POST /complaints/track: status and timeline for the complainant, with proof of ownership',
    triggers: [http('POST', '/complaints/track')],
    // Writes only its abuse-limit counters (per address, per e-tag, wrong proofs).
    access: { table: 'readwrite' },
  },
  {
    id: 'ComplaintFeedback',
    entry: 'functions/complaint-feedback.ts',
    description:
      'POST /complaints/feedback and /complaints/respond: the citizen judges a resolution or answers an officer',
    triggers: [http('POST', '/complaints/feedback'), http('POST', '/complaints/respond')],
    access: { table: 'readwrite' },
  },
  {
    id: 'ComplaintEvidence',
    entry: 'functions/complaint-evidence.ts',
    description:
      'POST /complaints/evidence and /complaints/evidence/confirm: the complainant uploads a file, checked and recorded',
    triggers: [http('POST', '/complaints/evidence'), http('POST', '/complaints/evidence/confirm')],
    access: { table: 'readwrite', evidence: 'readwrite' },
  },
  {
    id: 'ReferenceData',
    entry: 'functions/reference-data.ts',
    description: 'GET /districts, /categories, /openapi.json: data for forms and clients',
    triggers: [http('GET', '/districts'), http('GET', '/categories'), http('GET', '/openapi.json')],
    access: {},
    memoryMb: 256,
  },
  {
    id: 'DistrictStations',
    entry: 'functions/district-stations.ts',
    description: "GET /stations?district=: a district's police stations from the force directory, for forms",
    triggers: [http('GET', '/stations')],
    access: { table: 'read' },
    memoryMb: 256,
  },
  {
    id: 'RouteNotFound',
    entry: 'functions/route-not-found.ts',
    description: 'The $default route: 404 for an unknown path, 405 for a known path with the wrong method',
    triggers: [http('ANY', '$default')],
    access: {},
    memoryMb: 256,
  },
  // --- WhatsApp ---------------------------------------------------------------------------
  {
    id: 'WhatsAppWebhook',
    entry: 'functions/whatsapp-webhook.ts',
    description:
      "GET /webhook verification handshake; POST /webhook: check Meta's signature, enqueue, answer 200",
    triggers: [http('GET', '/webhook'), http('POST', '/webhook')],
    access: { sendTo: ['webhookInbound'], whatsappSecret: 'webhook' },
  },
  {
    id: 'WhatsAppWorker',
    entry: 'functions/whatsapp-worker.ts',
    description: 'Runs the conversation engine for each inbound message, in order per citizen, exactly once',
    triggers: [{ kind: 'queue', queue: 'webhookInbound', batchSize: 10 }],
    access: { table: 'readwrite', whatsappSecret: 'graph', sendTo: ['evidenceDownloads'] },
    timeoutSeconds: 60,
  },
  {
    id: 'EvidenceDownloader',
    entry: 'functions/evidence-downloader.ts',
    description:
      'Downloads WhatsApp attachments (Graph API media), checks type and size, stores them in S3, tells the citizen',
    triggers: [{ kind: 'queue', queue: 'evidenceDownloads', batchSize: 5 }],
    access: { table: 'readwrite', whatsappSecret: 'graph', evidence: 'readwrite' },
    // Documents may be 100 MB, held in memory while hashed and stored.
    memoryMb: 1024,
    timeoutSeconds: 120,
  },
  // --- officers ---------------------------------------------------------------------------
  {
    id: 'OfficerListComplaints',
    entry: 'functions/officer-list-complaints.ts',
    description: "GET /officer/complaints: the officer's queue, filtered, newest first, cursor-paginated",
    triggers: [http('GET', '/officer/complaints', 'officer')],
    // readwrite: opening the queue refreshes the officer's directory entry (WhatsApp number for SLA alerts).
    access: { table: 'readwrite' },
  },
  {
    id: 'OfficerGetComplaint',
    entry: 'functions/officer-get-complaint.ts',
    description:
      'GET /officer/complaints/{etag}: one complaint, its timeline and the complainant contact; /assignees: whom it may go to',
    triggers: [
      http('GET', '/officer/complaints/{etag}', 'officer'),
      http('GET', '/officer/complaints/{etag}/assignees', 'officer'),
    ],
    access: { table: 'read' },
  },
  {
    id: 'OfficerOpenEvidence',
    entry: 'functions/officer-open-evidence.ts',
    description: 'GET /officer/complaints/{etag}/evidence/{evidenceId}: a short-lived link to one attachment',
    triggers: [http('GET', '/officer/complaints/{etag}/evidence/{evidenceId}', 'officer')],
    access: { table: 'read', evidence: 'read' },
  },
  {
    id: 'OfficerActOnComplaint',
    entry: 'functions/officer-act-on-complaint.ts',
    description: 'POST /officer/complaints/{etag}/{assign|transitions|actions}: act with optimistic locking',
    triggers: [
      http('POST', '/officer/complaints/{etag}/assign', 'officer'),
      http('POST', '/officer/complaints/{etag}/transitions', 'officer'),
      http('POST', '/officer/complaints/{etag}/actions', 'officer'),
    ],
    access: { table: 'readwrite' },
  },
  {
    id: 'OfficerMonitoring',
    entry: 'functions/officer-monitoring.ts',
    description: 'GET /officer/monitoring: counts, overdue and median times per district and region',
    triggers: [http('GET', '/officer/monitoring', 'officer')],
    access: { table: 'read' },
    timeoutSeconds: 29,
  },
  {
    id: 'OfficerMonitoringDetails',
    entry: 'functions/officer-monitoring-details.ts',
    description:
      'GET /officer/monitoring/officers (breaches and median delay per officer) and /officer/monitoring/feedback (service feedback, CPO)',
    triggers: [
      http('GET', '/officer/monitoring/officers', 'officer'),
      http('GET', '/officer/monitoring/feedback', 'officer'),
    ],
    access: { table: 'read' },
    timeoutSeconds: 29,
  },
  {
    id: 'OfficerFollowUps',
    entry: 'functions/officer-follow-ups.ts',
    description: 'GET /officer/follow-ups and POST /officer/follow-ups/{id}/actions: disciplinary follow-ups',
    triggers: [
      http('GET', '/officer/follow-ups', 'officer'),
      http('POST', '/officer/follow-ups/{id}/actions', 'officer'),
    ],
    access: { table: 'readwrite' },
  },
  {
    id: 'OfficerAlerts',
    entry: 'functions/officer-alerts.ts',
    description: "GET /officer/alerts: SLA warnings and breaches in the officer's scope",
    triggers: [http('GET', '/officer/alerts', 'officer')],
    access: { table: 'read' },
  },
  // --- the force directory (admin only; docs/force.md) -------------------------------------
  {
    id: 'AdminForce',
    entry: 'functions/admin-force.ts',
    description:
      'Admin: units and posts, officers, postings and transfers, roster import (dry run, all-or-nothing apply)',
    triggers: [
      http('GET', '/admin/units', 'officer'),
      http('POST', '/admin/units', 'officer'),
      http('PATCH', '/admin/units/{id}', 'officer'),
      http('POST', '/admin/officers', 'officer'),
      http('GET', '/admin/officers/{serviceNumber}', 'officer'),
      http('PATCH', '/admin/officers/{serviceNumber}', 'officer'),
      http('POST', '/admin/officers/{serviceNumber}/postings', 'officer'),
      http('POST', '/admin/roster', 'officer'),
      http('POST', '/admin/force/seed', 'officer'),
    ],
    access: { table: 'readwrite', officerAccounts: true },
    timeoutSeconds: 29,
  },
  // --- events -----------------------------------------------------------------------------
  {
    id: 'EventPublisher',
    entry: 'functions/event-publisher.ts',
    description: 'Table stream -> EventBridge: announces every new timeline entry (the outbox)',
    triggers: [
      {
        kind: 'stream',
        records: 'timelineInserts',
        onFailureQueue: 'publisherFailures',
        batchSize: 100,
        maxBatchingWindowSeconds: 1,
        retryAttempts: 5,
      },
    ],
    access: { putEvents: true, sendTo: ['publisherFailures'] },
    // A full batch is about 10 PutEvents calls in 5 ordered lanes; 30 s leaves room for throttling retries in a burst.
    timeoutSeconds: 30,
  },
  {
    id: 'MonitoringCounters',
    entry: 'functions/monitoring-counters.ts',
    description: 'Table stream -> per district x day monitoring counters, idempotent per complaint version',
    triggers: [
      {
        kind: 'stream',
        records: 'countedItems',
        onFailureQueue: 'counterFailures',
        batchSize: 100,
        maxBatchingWindowSeconds: 2,
        retryAttempts: 10,
      },
    ],
    access: { table: 'readwrite', sendTo: ['counterFailures'] },
    timeoutSeconds: 60,
  },
  {
    id: 'ReconcileCounters',
    entry: 'functions/reconcile-counters.ts',
    description: "Nightly: recounts yesterday's monitoring counters from the complaints and reports drift",
    triggers: [{ kind: 'schedule', rateMinutes: 1440 }],
    access: { table: 'readwrite' },
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  {
    id: 'CitizenNotifier',
    entry: 'functions/citizen-notifier.ts',
    description: 'Tells the citizen on WhatsApp about every action on their complaint, in their language',
    triggers: [
      { kind: 'event', detailTypes: CITIZEN_UPDATE_EVENTS, queue: 'citizenNotifications', batchSize: 10 },
    ],
    access: { table: 'readwrite', whatsappSecret: 'graph' },
    timeoutSeconds: 60,
  },
  {
    id: 'OfficerAlerter',
    entry: 'functions/officer-alerter.ts',
    description:
      'New complaints, SLA warnings and breaches: records the alert and messages the officers the force directory names',
    triggers: [{ kind: 'event', detailTypes: OFFICER_ALERT_EVENTS, queue: 'officerAlerts', batchSize: 10 }],
    access: { table: 'readwrite', whatsappSecret: 'graph' },
    timeoutSeconds: 60,
  },
  {
    id: 'OfficerDigest',
    entry: 'functions/officer-digest.ts',
    description:
      "Sends each post's holder the daily digest of non-urgent new complaints at the configured hour",
    triggers: [{ kind: 'schedule', rateMinutes: 60 }],
    access: { table: 'readwrite', whatsappSecret: 'graph' },
    timeoutSeconds: 120,
  },
  // --- SLA --------------------------------------------------------------------------------
  {
    id: 'SlaSweep',
    entry: 'functions/sla-sweep.ts',
    description: 'Finds complaints due now on the sparse SLA index; warns, escalates, opens follow-ups',
    triggers: [{ kind: 'schedule', rateMinutes: 5 }],
    access: { table: 'readwrite' },
    timeoutSeconds: 120,
    memoryMb: 512,
  },
];

export const httpRoutes = (): readonly { fn: FunctionDef; route: HttpTrigger }[] =>
  FUNCTIONS.flatMap((fn) =>
    fn.triggers.filter((t): t is HttpTrigger => t.kind === 'http').map((route) => ({ fn, route })),
  );

/** Queues that feed a function, whichever kind of trigger put them there. */
export const queueConsumers = (): readonly { fn: FunctionDef; queue: QueueId; batchSize: number }[] =>
  FUNCTIONS.flatMap((fn) =>
    fn.triggers.flatMap((t) =>
      t.kind === 'queue' || t.kind === 'event' ? [{ fn, queue: t.queue, batchSize: t.batchSize }] : [],
    ),
  );

export { QUEUES };
