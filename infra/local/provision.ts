/**
 * Creates the stateful resources of infra/resources.ts (and the bus rules of infra/topology.ts) in the
 * emulator, the same definitions the CDK stateful stack deploys. Idempotent: safe to run twice.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-eventbridge';
import {
  BucketAlreadyOwnedByYou,
  CreateBucketCommand,
  PutBucketVersioningCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ROLE_GROUP_DESCRIPTION, ROLE_GROUPS } from '../../shared/domain/officer-groups.ts';
import { ensureGroup } from '../../shared/adapters/cognito/officer-accounts.ts';
import { EVENT_SOURCE } from '../../shared/schemas/events/index.ts';
import { APP_TABLE, ENV, IDEMPOTENCY_TABLE, QUEUES, type QueueId } from '../resources.ts';
import { FUNCTIONS, type EventTrigger } from '../topology.ts';

export interface LocalNames {
  readonly stage: string;
  readonly appTable: string;
  readonly idempotencyTable: string;
  readonly eventBus: string;
  readonly userPool: string;
  readonly evidenceBucket: string;
  queue(id: QueueId): string;
  dlq(id: QueueId): string;
}

export const localNames = (stage: string): LocalNames => ({
  stage,
  appTable: `rabta-${stage}-app`,
  idempotencyTable: `rabta-${stage}-idempotency`,
  eventBus: `rabta-${stage}`,
  userPool: `rabta-${stage}-officers`,
  // Bucket names are lowercase letters, digits and hyphens.
  evidenceBucket: `rabta-${stage.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-evidence`,
  queue: (id) => `rabta-${stage}-${id}${QUEUES[id].fifo ? '.fifo' : ''}`,
  dlq: (id) => `rabta-${stage}-${id}-dlq${QUEUES[id].fifo ? '.fifo' : ''}`,
});

export interface Provisioned {
  readonly names: LocalNames;
  readonly queueUrls: Record<QueueId, string>;
  readonly dlqUrls: Partial<Record<QueueId, string>>;
  readonly streamArn: string;
  /** The environment a function gets in AWS, with local values. */
  readonly env: Record<string, string>;
}

const waitForTable = async (ddb: DynamoDBClient, name: string): Promise<string | undefined> => {
  for (let i = 0; i < 100; i++) {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return Table.LatestStreamArn;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${name} did not become ACTIVE`);
};

const createAppTable = async (ddb: DynamoDBClient, name: string): Promise<string> => {
  const indexes: GlobalSecondaryIndex[] = Object.entries(APP_TABLE.indexes).map(([indexName, keys]) => ({
    IndexName: indexName,
    KeySchema: [
      { AttributeName: keys.partitionKey, KeyType: 'HASH' },
      { AttributeName: keys.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  }));
  const attributes = new Set<string>([APP_TABLE.partitionKey, APP_TABLE.sortKey]);
  for (const keys of Object.values(APP_TABLE.indexes)) {
    attributes.add(keys.partitionKey);
    attributes.add(keys.sortKey);
  }
  try {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: APP_TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: APP_TABLE.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [...attributes].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        GlobalSecondaryIndexes: indexes,
        StreamSpecification: { StreamEnabled: true, StreamViewType: APP_TABLE.stream },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const streamArn = await waitForTable(ddb, name);
  await ddb
    .send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: APP_TABLE.ttlAttribute, Enabled: true },
      }),
    )
    .catch(() => undefined); // already enabled
  if (!streamArn) throw new Error(`table ${name} has no stream`);
  return streamArn;
};

const createIdempotencyTable = async (ddb: DynamoDBClient, name: string): Promise<void> => {
  try {
    await ddb.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, AttributeType: 'S' }],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitForTable(ddb, name);
};

const createQueue = async (
  sqs: SQSClient,
  name: string,
  fifo: boolean,
  attributes: Record<string, string>,
): Promise<{ url: string; arn: string }> => {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        ...attributes,
        ...(fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'false' } : {}),
      },
    }),
  );
  if (!QueueUrl) throw new Error(`queue ${name} has no URL`);
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { url: QueueUrl, arn: Attributes?.QueueArn ?? '' };
};

export interface ProvisionOptions {
  readonly stage: string;
  readonly region?: string;
}

export const provision = async (options: ProvisionOptions): Promise<Provisioned> => {
  const names = localNames(options.stage);
  const ddb = new DynamoDBClient({});
  const sqs = new SQSClient({});
  const events = new EventBridgeClient({});

  const streamArn = await createAppTable(ddb, names.appTable);
  await createIdempotencyTable(ddb, names.idempotencyTable);

  const queueUrls = {} as Record<QueueId, string>;
  const queueArns = {} as Record<QueueId, string>;
  const dlqUrls: Partial<Record<QueueId, string>> = {};
  for (const id of Object.keys(QUEUES) as QueueId[]) {
    const def = QUEUES[id];
    const base = {
      VisibilityTimeout: String(def.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(def.retentionDays * 86_400),
    };
    let redrive: Record<string, string> = {};
    if ('maxReceiveCount' in def) {
      const dlq = await createQueue(sqs, names.dlq(id), def.fifo, {
        MessageRetentionPeriod: String(14 * 86_400),
      });
      dlqUrls[id] = dlq.url;
      redrive = {
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: def.maxReceiveCount }),
      };
    }
    const queue = await createQueue(sqs, names.queue(id), def.fifo, { ...base, ...redrive });
    queueUrls[id] = queue.url;
    queueArns[id] = queue.arn;
  }

  let busArn: string | undefined;
  try {
    busArn = (await events.send(new CreateEventBusCommand({ Name: names.eventBus }))).EventBusArn;
  } catch (error) {
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;
  }
  if (busArn) {
    // As the stateful stack's archive: every complaint event, for `npm run replay -- archive`.
    await events.send(
      new CreateArchiveCommand({
        ArchiveName: `${names.eventBus}-complaints`,
        EventSourceArn: busArn,
        EventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
      }),
    );
  }
  for (const fn of FUNCTIONS) {
    for (const trigger of fn.triggers.filter((t): t is EventTrigger => t.kind === 'event')) {
      const ruleName = `rabta-${options.stage}-${fn.id}`;
      await events.send(
        new PutRuleCommand({
          Name: ruleName,
          EventBusName: names.eventBus,
          EventPattern: eventPattern(trigger.detailTypes),
          State: 'ENABLED',
        }),
      );
      await events.send(
        new PutTargetsCommand({
          Rule: ruleName,
          EventBusName: names.eventBus,
          Targets: [{ Id: trigger.queue, Arn: queueArns[trigger.queue] }],
        }),
      );
    }
  }

  const userPoolId = await ensureUserPool(names.userPool);
  const env: Record<string, string> = {
    [ENV.stage]: options.stage,
    [ENV.userPoolId]: userPoolId,
    [ENV.tableName]: names.appTable,
    [ENV.idempotencyTableName]: names.idempotencyTable,
    [ENV.eventBusName]: names.eventBus,
  };
  for (const id of Object.keys(QUEUES) as QueueId[]) env[ENV.queueUrl(id)] = queueUrls[id];

  await createEvidenceBucket(names.evidenceBucket);
  env[ENV.evidenceBucketName] = names.evidenceBucket;
  // moto serves buckets under its endpoint's path; AWS uses virtual-hosted URLs (no variable there).
  env.S3_FORCE_PATH_STYLE = 'true';

  ddb.destroy();
  sqs.destroy();
  events.destroy();
  return { names, queueUrls, dlqUrls, streamArn, env };
};

/**
 * The officers' user pool in the emulator with the role groups the CDK stack declares (area groups are made by
 * the directory's admin function when it first posts an officer there): the admin function creates officers'
 * users in it and the local issuer signs their tokens from it.
 */
const ensureUserPool = async (name: string): Promise<string> => {
  const cognito = new CognitoIdentityProviderClient({});
  try {
    const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    let poolId = UserPools?.find((p) => p.Name === name)?.Id;
    if (!poolId) {
      const { UserPool } = await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
      poolId = UserPool?.Id;
    }
    if (!poolId) throw new Error(`user pool ${name} was not created`);
    for (const group of ROLE_GROUPS) await ensureGroup(cognito, poolId, group, ROLE_GROUP_DESCRIPTION);
    return poolId;
  } finally {
    cognito.destroy();
  }
};

/**
 * The evidence bucket, versioned like the deployed one. Encryption, public-access blocks, TLS-only and the
 * lifecycle are AWS-side policies with no local effect, so only the CDK stack declares them.
 */
const createEvidenceBucket = async (name: string): Promise<void> => {
  const s3 = new S3Client({ forcePathStyle: true });
  const region = await s3.config.region();
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: name,
        // Outside us-east-1, S3 (and moto) want the region named.
        ...(region !== 'us-east-1' && { CreateBucketConfiguration: { LocationConstraint: region as never } }),
      }),
    );
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  s3.destroy();
};

/** The rule pattern, shared with the CDK stack. */
export const eventPattern = (detailTypes: readonly string[]): string =>
  JSON.stringify({ source: [EVENT_SOURCE], 'detail-type': [...detailTypes] });
