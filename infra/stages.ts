/**
 * What differs between deployments of Rabta. Select one with `-c stage=dev|prod` (cdk.json defaults to dev).
 * Everything else (functions, triggers, tables, queues) comes from infra/topology.ts and infra/resources.ts.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGE_NAMES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface StageConfig {
  readonly name: StageName;
  /** Overrides every schedule's topology rate (minutes); undefined keeps the topology's default (5). */
  readonly scheduleRateMinutes?: number;
  readonly logRetention: RetentionDays;
  /** RETAIN keeps data stores when a stack is deleted; DESTROY lets a dev stack go away cleanly. */
  readonly removalPolicy: RemovalPolicy;
  /** DynamoDB and Cognito deletion protection: on everywhere except dev. */
  readonly deletionProtection: boolean;
  /** HTTP API default-stage throttling (requests per second, burst). */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Route throttles that override the stage default: the webhook has its own allowance, so a flood of public
   * filings or tracking (throttled at their routes first) cannot use up what Meta's deliveries need.
   */
  readonly routeThrottles: Readonly<
    Record<string, { readonly rateLimit: number; readonly burstLimit: number }>
  >;
  /**
   * Reserved concurrency per function id: caps the public functions (a flood cannot starve the WhatsApp worker
   * and webhook of the account's concurrency, nor hammer DynamoDB and the Graph API); absent in dev, whose
   * accounts often have too little concurrency to reserve any.
   */
  readonly reservedConcurrency: Readonly<Record<string, number>>;
  /** AWS Backup plan (daily, 35 days) for the tables, beside their point-in-time recovery. */
  readonly backup: boolean;
  /** Alarm when a dead-letter queue holds at least this many messages. */
  readonly dlqAlarmThreshold: number;
  /** How long the bus archive keeps events for replay. */
  readonly eventArchiveRetentionDays: number;
  /**
   * Cognito Plus feature plan with full threat protection (compromised credentials, adaptive auth).
   * Billed per active user, so dev runs on Essentials.
   */
  readonly officerThreatProtection: boolean;
  /**
   * The edge web ACL's per-IP limits per 5 minutes (infra/stacks/edge-stack.ts): on the citizen routes
   * (`/complaints…`), and on everything but the webhook. Generous, because mobile carriers put many citizens
   * behind one address (CGNAT); the per-phone and per-address limits in DynamoDB are the fine-grained ones.
   */
  readonly waf: { readonly publicRoutesPerIp: number; readonly allRoutesPerIp: number };
}

export const STAGES: Record<StageName, StageConfig> = {
  dev: {
    name: 'dev',
    logRetention: RetentionDays.ONE_WEEK,
    removalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    apiThrottle: { rateLimit: 50, burstLimit: 100 },
    routeThrottles: {
      'POST /webhook': { rateLimit: 50, burstLimit: 100 },
      'POST /complaints': { rateLimit: 5, burstLimit: 10 },
      'POST /complaints/track': { rateLimit: 10, burstLimit: 20 },
      'POST /complaints/feedback': { rateLimit: 5, burstLimit: 10 },
      'POST /complaints/respond': { rateLimit: 5, burstLimit: 10 },
    },
    reservedConcurrency: {},
    backup: false,
    dlqAlarmThreshold: 1,
    eventArchiveRetentionDays: 7,
    officerThreatProtection: false,
    waf: { publicRoutesPerIp: 300, allRoutesPerIp: 1500 },
  },
  prod: {
    name: 'prod',
    logRetention: RetentionDays.SIX_MONTHS,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    apiThrottle: { rateLimit: 500, burstLimit: 1000 },
    routeThrottles: {
      'POST /webhook': { rateLimit: 500, burstLimit: 1000 },
      'POST /complaints': { rateLimit: 50, burstLimit: 100 },
      'POST /complaints/track': { rateLimit: 100, burstLimit: 200 },
      'POST /complaints/feedback': { rateLimit: 50, burstLimit: 100 },
      'POST /complaints/respond': { rateLimit: 50, burstLimit: 100 },
    },
    reservedConcurrency: { FileComplaint: 20, TrackComplaint: 20, ComplaintFeedback: 10 },
    backup: true,
    dlqAlarmThreshold: 1,
    eventArchiveRetentionDays: 365,
    officerThreatProtection: true,
    waf: { publicRoutesPerIp: 600, allRoutesPerIp: 3000 },
  },
};

const isStageName = (value: unknown): value is StageName =>
  typeof value === 'string' && (STAGE_NAMES as readonly string[]).includes(value);

/**
 * The stage selected by CDK context (`-c stage=prod`), with an optional `-c scheduleRateMinutes=<n>` override.
 * An unknown stage fails synthesis with a message rather than deploying something half-configured.
 */
export const stageFromContext = (stage: unknown, scheduleRateMinutes?: unknown): StageConfig => {
  const name = stage ?? 'dev';
  if (!isStageName(name)) {
    throw new Error(`Unknown stage "${String(name)}": use -c stage=${STAGE_NAMES.join('|')}`);
  }
  const config = STAGES[name];
  if (scheduleRateMinutes === undefined) return config;
  const rate = Number(scheduleRateMinutes);
  if (!Number.isInteger(rate) || rate < 1) {
    throw new Error(
      `scheduleRateMinutes must be a whole number of minutes >= 1, got "${String(scheduleRateMinutes)}"`,
    );
  }
  return { ...config, scheduleRateMinutes: rate };
};

/** The rate a schedule runs at in this stage: the stage override, else the topology's default. */
export const scheduleRate = (stage: StageConfig, topologyRateMinutes: number): number =>
  stage.scheduleRateMinutes ?? topologyRateMinutes;
