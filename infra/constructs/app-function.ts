/**
 * Every Lambda of Rabta is an AppFunction: runtime, architecture, memory, timeout, logs, tracing, bundling
 * and permissions are decided here once, from the function's topology entry.
 */
import { BUNDLING } from '../bundling.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { APP_TABLE, ENV, EVIDENCE_BUCKET, type QueueId } from '../resources.ts';
import type { StageConfig } from '../stages.ts';
import type { FunctionDef } from '../topology.ts';

/** The repository root (this file is infra/constructs/app-function.ts). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment variables with the WhatsApp secrets' ARNs (read by shared/runtime/config.ts whatsappConfig). */
export const WHATSAPP_SECRET_ENV = {
  webhook: 'WHATSAPP_WEBHOOK_SECRET_ARN',
  graph: 'WHATSAPP_GRAPH_SECRET_ARN',
} as const;

export const DEFAULT_MEMORY_MB = 512;
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const RUNTIME = Runtime.NODEJS_24_X;

/** What an AppFunction may be granted; the topology's `access` picks from it. */
export interface AppResources {
  readonly table: ITable;
  readonly idempotencyTable: ITable;
  readonly bus: IEventBus;
  readonly queues: Record<QueueId, IQueue>;
  /** App secret and verify token: the webhook's. */
  readonly whatsAppWebhookSecret: ISecret;
  /** Access token and phone number id: the senders'. */
  readonly whatsAppGraphSecret: ISecret;
  readonly userPool: IUserPool;
  readonly evidenceBucket: { readonly bucketName: string };
}

const whatsAppSecretOf = (resources: AppResources, kind: 'webhook' | 'graph'): ISecret =>
  kind === 'webhook' ? resources.whatsAppWebhookSecret : resources.whatsAppGraphSecret;

/**
 * What the directory's admin function does to officers' sign-in users (shared/adapters/cognito): name and
 * number as attributes (no attribute carries authority any more), role and area as group memberships, area
 * groups made on first posting. IAM cannot narrow these to named groups; this is the only function holding them.
 */
const OFFICER_ACCOUNT_ACTIONS = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:CreateGroup',
];

export interface AppFunctionProps {
  readonly def: FunctionDef;
  readonly stage: StageConfig;
  readonly resources: AppResources;
  /** Reserved concurrency (stages.ts): a cap for public functions; undefined leaves the account pool. */
  readonly reservedConcurrency?: number | undefined;
  /** Where `def.entry` and package-lock.json live; defaults to this repository. */
  readonly projectRoot?: string;
}

// The same action sets aws-cdk-lib's Table.grantReadData / grantReadWriteData use, granted on the table and
// each named index instead of `index/*`, so the policy lists exactly what exists.
/** No Scan: every read is a Get or a Query on a key or an index (least privilege, issue 12). */
const TABLE_READ_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:BatchWriteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];
const IDEMPOTENCY_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];

/**
 * How every function is bundled: infra/bundling.ts's settings, shared with the budget test and the bench
 * (infra/bundle-size.ts) so the measured bundles are the deployed ones.
 */
export const FUNCTION_BUNDLING: BundlingOptions = {
  forceDockerBundling: false,
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: BUNDLING.target,
  format: OutputFormat.ESM,
  mainFields: BUNDLING.mainFields,
  banner: BUNDLING.esmBanner,
  externalModules: [...BUNDLING.externalModules],
  // Not `charset: Charset.UTF8`: this aws-cdk-lib declares it but never passes it to esbuild (aws/aws-cdk#32649).
  esbuildArgs: { '--charset': BUNDLING.charset },
};

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const { def, stage, resources } = props;
    const projectRoot = props.projectRoot ?? PROJECT_ROOT;

    const logGroup = new LogGroup(this, 'Logs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs only to this function's log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Rabta ${stage.name} ${def.id}`,
    });
    this.role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );

    this.fn = new NodejsFunction(this, 'Function', {
      description: def.description.slice(0, 256),
      entry: path.join(projectRoot, def.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: def.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(def.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      logGroup,
      role: this.role,
      tracing: Tracing.ACTIVE,
      ...(props.reservedConcurrency !== undefined && {
        reservedConcurrentExecutions: props.reservedConcurrency,
      }),
      environment: this.environment(def, stage, resources),
      bundling: FUNCTION_BUNDLING,
    });

    this.grant(def, stage, resources);

    const hasStream = def.triggers.some((t) => t.kind === 'stream');
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: hasStream
        ? 'xray:PutTraceSegments/PutTelemetryRecords (active tracing) and dynamodb:ListStreams (stream event source) support no resource-level permissions'
        : 'xray:PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions',
    });
  }

  private environment(def: FunctionDef, stage: StageConfig, resources: AppResources): Record<string, string> {
    const { access } = def;
    const env: Record<string, string> = {
      [ENV.stage]: stage.name,
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'rabta',
      POWERTOOLS_METRICS_NAMESPACE: 'Rabta',
      POWERTOOLS_LOG_LEVEL: stage.name === 'prod' ? 'INFO' : 'DEBUG',
      POWERTOOLS_LOGGER_LOG_EVENT: 'false',
      POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
    };
    if (access.table) env[ENV.tableName] = resources.table.tableName;
    if (access.idempotencyTable) env[ENV.idempotencyTableName] = resources.idempotencyTable.tableName;
    if (access.putEvents) env[ENV.eventBusName] = resources.bus.eventBusName;
    for (const id of access.sendTo ?? []) env[ENV.queueUrl(id)] = resources.queues[id].queueUrl;
    if (access.whatsappSecret) {
      env[WHATSAPP_SECRET_ENV[access.whatsappSecret]] = whatsAppSecretOf(
        resources,
        access.whatsappSecret,
      ).secretArn;
    }
    if (access.officerAccounts) env[ENV.userPoolId] = resources.userPool.userPoolId;
    if (access.evidence) env[ENV.evidenceBucketName] = resources.evidenceBucket.bucketName;
    return env;
  }

  /** Exactly the topology's `access`, nothing more. */
  private grant(def: FunctionDef, stage: StageConfig, resources: AppResources): void {
    const { access } = def;
    if (access.table) {
      const tableArn = resources.table.tableArn;
      const indexArns = Object.keys(APP_TABLE.indexes).map((name) => `${tableArn}/index/${name}`);
      this.role.addToPolicy(
        new PolicyStatement({
          actions:
            access.table === 'readwrite'
              ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS]
              : TABLE_READ_ACTIONS,
          resources: [tableArn, ...indexArns],
        }),
      );
    }
    if (access.idempotencyTable) {
      this.role.addToPolicy(
        new PolicyStatement({
          actions: IDEMPOTENCY_ACTIONS,
          resources: [resources.idempotencyTable.tableArn],
        }),
      );
    }
    for (const id of access.sendTo ?? []) resources.queues[id].grantSendMessages(this.role);
    if (access.putEvents) resources.bus.grantPutEventsTo(this.role);
    if (access.whatsappSecret) whatsAppSecretOf(resources, access.whatsappSecret).grantRead(this.role);
    if (access.officerAccounts) {
      this.role.addToPolicy(
        new PolicyStatement({
          actions: OFFICER_ACCOUNT_ACTIONS,
          resources: [resources.userPool.userPoolArn],
        }),
      );
    }
    if (access.evidence) this.grantEvidence(def, stage, access.evidence);
  }

  /** Objects of the evidence bucket only (never its configuration); `read` signs GETs, `readwrite` also stores. */
  private grantEvidence(def: FunctionDef, stage: StageConfig, level: 'read' | 'readwrite'): void {
    const prefixes = [EVIDENCE_BUCKET.evidencePrefix, EVIDENCE_BUCKET.incomingPrefix];
    const actions = level === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'];
    const bucket = EVIDENCE_BUCKET.name(stage.name, Aws.ACCOUNT_ID, Aws.REGION);
    this.role.addToPolicy(
      new PolicyStatement({
        actions,
        resources: prefixes.map((prefix) => `arn:${Aws.PARTITION}:s3:::${bucket}/${prefix}*`),
      }),
    );
    const shown = EVIDENCE_BUCKET.name(stage.name, '<AWS::AccountId>', '<AWS::Region>');
    for (const prefix of prefixes) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${shown}/${prefix}*]`,
        reason: `${def.id} reads${level === 'readwrite' ? ' and writes' : ''} evidence objects under ${prefix} only (one object per piece of evidence, keys chosen at run time)`,
      });
    }
  }
}
