/**
 * The stateful half of Rabta: what holds data or wiring that must outlive a redeploy of the functions.
 * The application table, the idempotency table, every queue of infra/resources.ts with its DLQ, the bus
 * with its archive and rules, the officers' user pool, and the WhatsApp secret.
 */
import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { BackupPlan, BackupResource } from 'aws-cdk-lib/aws-backup';
import { Alarm, ComparisonOperator, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { dlqDepthAlarm, SecureQueue, withAction } from '../constructs/secure-queue.ts';
import { EVENT_SOURCE } from '../../shared/schemas/events/index.ts';
import { ROLE_GROUP_DESCRIPTION, roleGroupName } from '../../shared/domain/officer-groups.ts';
import { ROLES } from '../../shared/domain/vocabulary.ts';
import { APP_TABLE, EVIDENCE_BUCKET, IDEMPOTENCY_TABLE, QUEUES, type QueueId } from '../resources.ts';
import type { StageConfig } from '../stages.ts';
import { FUNCTIONS, type EventTrigger } from '../topology.ts';

export interface StatefulStackProps extends StackProps {
  readonly stage: StageConfig;
}

/**
 * Retired custom attributes that once carried role and area. Role and area are Cognito group memberships now
 * (shared/domain/officer-groups.ts); the attributes stay declared only because Cognito cannot remove a custom
 * attribute from an existing pool. No client may read or write them, so no token carries them.
 */
export const RETIRED_OFFICER_ATTRIBUTES = ['role', 'district', 'region', 'station', 'circle'] as const;

/**
 * What an officer's app clients may read into a token (name and WhatsApp number for the console) and write
 * (the locale only): never the retired custom attributes.
 */
export const officerClientAttributes = () => ({
  readAttributes: new ClientAttributes().withStandardAttributes({
    fullname: true,
    phoneNumber: true,
    phoneNumberVerified: true,
    email: true,
    emailVerified: true,
    locale: true,
  }),
  writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
});

/**
 * Keys of the two WhatsApp secrets' JSON values; ops fill them in after the first deploy (docs/deploy.md). Two
 * secrets so the public webhook, which only checks signatures, cannot read the token that sends messages.
 */
export const WHATSAPP_SECRET_KEYS = {
  webhook: ['appSecret', 'verifyToken'],
  graph: ['accessToken', 'phoneNumberId'],
} as const;

const DLQ_RETENTION = Duration.days(14);

/** A message waiting longer than this in a source queue means its consumer is stuck or failing. */
export const OLDEST_MESSAGE_ALARM_SECONDS = 300;

export class StatefulStack extends Stack {
  readonly table: Table;
  readonly idempotencyTable: Table;
  readonly bus: EventBus;
  readonly queues: Record<QueueId, Queue>;
  readonly dlqs: Partial<Record<QueueId, Queue>>;
  readonly userPool: UserPool;
  readonly officerConsoleClient: UserPoolClient;
  readonly whatsAppWebhookSecret: Secret;
  readonly whatsAppGraphSecret: Secret;
  readonly evidenceBucket: Bucket;
  /** Every alarm of both stacks notifies this topic; ops subscribe to it (docs/deploy.md). */
  readonly alarmTopic: Topic;
  private readonly alarmAction: IAlarmAction;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      topicName: `rabta-${stage.name}-alarms`,
      displayName: `Rabta ${stage.name} alarms`,
      enforceSSL: true,
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
    });
    this.alarmAction = new SnsAction(this.alarmTopic);

    this.table = this.appTable(stage);
    this.idempotencyTable = new Table(this, 'IdempotencyTable', {
      partitionKey: { name: IDEMPOTENCY_TABLE.partitionKey, type: AttributeType.STRING },
      timeToLiveAttribute: IDEMPOTENCY_TABLE.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });

    const { queues, dlqs } = this.appQueues(stage);
    this.queues = queues;
    this.dlqs = dlqs;

    this.bus = new EventBus(this, 'Bus', { eventBusName: `rabta-${stage.name}` });
    this.bus.archive('Archive', {
      archiveName: `rabta-${stage.name}-complaints`,
      description: 'Every complaint event, for replay to a new or repaired consumer',
      eventPattern: { source: [EVENT_SOURCE] },
      retention: Duration.days(stage.eventArchiveRetentionDays),
    });
    this.busRules(stage);

    this.userPool = this.officerPool(stage);
    this.officerConsoleClient = this.userPool.addClient('OfficerConsole', {
      userPoolClientName: `rabta-${stage.name}-officer-console`,
      // A browser console cannot keep a secret; SRP keeps the password off the wire.
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      ...officerClientAttributes(),
    });

    this.whatsAppWebhookSecret = this.whatsAppSecret(stage, 'webhook', {
      description:
        'WhatsApp webhook: {appSecret, verifyToken}, read by the webhook only. verifyToken is generated (we give it to Meta); ops set appSecret.',
      generated: 'verifyToken',
    });
    this.whatsAppGraphSecret = this.whatsAppSecret(stage, 'graph', {
      description:
        'WhatsApp Cloud API sending: {accessToken, phoneNumberId}, read by the senders only (worker, notifiers, evidence downloader). Ops set both; accessToken starts as a random placeholder Meta refuses.',
      generated: 'accessToken',
    });

    this.evidenceBucket = this.evidenceStorage(stage);

    if (stage.backup) {
      // Beside point-in-time recovery (35 days, to the second): copies that survive a deleted table or account
      // mistake, kept 35 days, restorable by ops from the vault (docs/deploy.md).
      const plan = BackupPlan.daily35DayRetention(this, 'Backup');
      const selection = plan.addSelection('Tables', {
        resources: [
          BackupResource.fromDynamoDbTable(this.table),
          BackupResource.fromDynamoDbTable(this.idempotencyTable),
        ],
      });
      Validations.of(selection).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
        reason:
          "AWS Backup's own service-role policy, which AWS keeps in step with what backing up a resource needs; the selection names only our two tables",
      });
    }

    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarmTopic.topicArn });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidenceBucket.bucketName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'OfficerConsoleClientId', { value: this.officerConsoleClient.userPoolClientId });
    new CfnOutput(this, 'WhatsAppWebhookSecretArn', { value: this.whatsAppWebhookSecret.secretArn });
    new CfnOutput(this, 'WhatsAppGraphSecretArn', { value: this.whatsAppGraphSecret.secretArn });
  }

  /** One of the two WhatsApp secrets: JSON with its keys (WHATSAPP_SECRET_KEYS), one generated, the others empty. */
  private whatsAppSecret(
    stage: StageConfig,
    kind: keyof typeof WHATSAPP_SECRET_KEYS,
    options: { description: string; generated: (typeof WHATSAPP_SECRET_KEYS)[typeof kind][number] },
  ): Secret {
    const empty = WHATSAPP_SECRET_KEYS[kind].filter((key) => key !== options.generated);
    const secret = new Secret(this, kind === 'webhook' ? 'WhatsAppWebhookSecret' : 'WhatsAppGraphSecret', {
      secretName: `rabta/${stage.name}/whatsapp-${kind}`,
      description: options.description,
      generateSecretString: {
        secretStringTemplate: JSON.stringify(Object.fromEntries(empty.map((key) => [key, '']))),
        generateStringKey: options.generated,
        excludePunctuation: true,
        passwordLength: 48,
      },
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Meta issues the app secret and access token in its own console; they cannot be rotated by a Lambda, so ops rotate them there and update the secret (docs/deploy.md)',
    });
    return secret;
  }

  private appTable(stage: StageConfig): Table {
    const table = new Table(this, 'AppTable', {
      partitionKey: { name: APP_TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: APP_TABLE.sortKey, type: AttributeType.STRING },
      timeToLiveAttribute: APP_TABLE.ttlAttribute,
      stream: StreamViewType[APP_TABLE.stream],
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });
    for (const [indexName, keys] of Object.entries(APP_TABLE.indexes)) {
      table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: keys.partitionKey, type: AttributeType.STRING },
        sortKey: { name: keys.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    return table;
  }

  /**
   * Evidence: private (all public access blocked, bucket-owner-enforced ownership, no ACLs), SSE-S3 encrypted,
   * TLS only, versioned, with server access logs into a bucket of their own, and the lifecycle of the
   * retention policy in docs/evidence.md.
   */
  private evidenceStorage(stage: StageConfig): Bucket {
    const { lifecycle } = EVIDENCE_BUCKET;
    const accessLogs = new Bucket(this, 'EvidenceAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(EVIDENCE_BUCKET.accessLogDays) },
      ],
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: false,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the evidence bucket server access logs; logging it into itself would loop',
    });
    return new Bucket(this, 'Evidence', {
      bucketName: EVIDENCE_BUCKET.name(stage.name, this.account, this.region),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'evidence/',
      // Browsers upload with the presigned POST and officers' consoles open presigned GETs; the signature,
      // not the origin, is what grants access.
      cors: [
        {
          allowedMethods: [HttpMethods.POST, HttpMethods.GET],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          id: 'evidence-retention',
          prefix: EVIDENCE_BUCKET.evidencePrefix,
          transitions: [
            {
              storageClass: StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(lifecycle.infrequentAccessAfterDays),
            },
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(lifecycle.archiveAfterDays),
            },
          ],
          expiration: Duration.days(lifecycle.expireAfterDays),
          noncurrentVersionExpiration: Duration.days(lifecycle.noncurrentVersionsDays),
        },
        {
          id: 'unconfirmed-uploads',
          prefix: EVIDENCE_BUCKET.incomingPrefix,
          expiration: Duration.days(lifecycle.incomingExpireDays),
          noncurrentVersionExpiration: Duration.days(lifecycle.incomingExpireDays),
        },
        {
          id: 'abort-incomplete-multipart',
          abortIncompleteMultipartUploadAfter: Duration.days(lifecycle.abortIncompleteMultipartDays),
        },
      ],
      removalPolicy: stage.removalPolicy,
    });
  }

  private appQueues(stage: StageConfig) {
    const queues = {} as Record<QueueId, Queue>;
    const dlqs: Partial<Record<QueueId, Queue>> = {};
    for (const id of Object.keys(QUEUES) as QueueId[]) {
      const def = QUEUES[id];
      let deadLetterQueue: { queue: Queue; maxReceiveCount: number } | undefined;
      if ('maxReceiveCount' in def) {
        const dlq = new SecureQueue(this, `${pascal(id)}Dlq`, {
          fifo: def.fifo,
          retention: DLQ_RETENTION,
          removalPolicy: stage.removalPolicy,
        }).queue;
        dlqs[id] = dlq;
        deadLetterQueue = { queue: dlq, maxReceiveCount: def.maxReceiveCount };
        dlqDepthAlarm(this, `${pascal(id)}DlqAlarm`, dlq, stage.dlqAlarmThreshold, this.alarmAction);
      }
      queues[id] = new SecureQueue(this, pascal(id), {
        fifo: def.fifo,
        retention: Duration.days(def.retentionDays),
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        deadLetterQueue,
        removalPolicy: stage.removalPolicy,
      }).queue;
      if (deadLetterQueue) {
        withAction(
          new Alarm(this, `${pascal(id)}OldestMessageAlarm`, {
            alarmDescription: `A message has waited over ${OLDEST_MESSAGE_ALARM_SECONDS} s in ${id}: its consumer is stuck, failing or throttled`,
            metric: queues[id].metricApproximateAgeOfOldestMessage({
              period: Duration.minutes(1),
              statistic: 'Maximum',
            }),
            threshold: OLDEST_MESSAGE_ALARM_SECONDS,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
          this.alarmAction,
        );
      }
      if (!deadLetterQueue) {
        Validations.of(queues[id]).acknowledge({
          id: 'AwsSolutions-SQS3',
          reason: `${id} is itself a dead-letter destination (Lambda on-failure target of the table stream), so it has no DLQ of its own`,
        });
        dlqDepthAlarm(this, `${pascal(id)}Alarm`, queues[id], stage.dlqAlarmThreshold, this.alarmAction);
      }
    }
    return { queues, dlqs };
  }

  /** Bus -> queue rules for every `event` trigger of the topology. They live here, next to the bus and queues. */
  private busRules(stage: StageConfig): void {
    const deliveryDlq = new SecureQueue(this, 'EventDeliveryDlq', {
      fifo: false,
      retention: DLQ_RETENTION,
      removalPolicy: stage.removalPolicy,
    }).queue;
    Validations.of(deliveryDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter target of the EventBridge rule targets; a DLQ has no DLQ',
    });
    dlqDepthAlarm(this, 'EventDeliveryDlqAlarm', deliveryDlq, stage.dlqAlarmThreshold, this.alarmAction);

    for (const fn of FUNCTIONS) {
      for (const trigger of fn.triggers.filter((t): t is EventTrigger => t.kind === 'event')) {
        new Rule(this, `${fn.id}Rule`, {
          eventBus: this.bus,
          description: `${trigger.detailTypes.join(', ')} -> ${trigger.queue} queue -> ${fn.id}`,
          eventPattern: { source: [EVENT_SOURCE], detailType: [...trigger.detailTypes] },
          targets: [
            new SqsQueue(this.queues[trigger.queue], {
              deadLetterQueue: deliveryDlq,
              retryAttempts: 185,
              maxEventAge: Duration.hours(24),
            }),
          ],
        });
      }
    }
  }

  private officerPool(stage: StageConfig): UserPool {
    const pool = new UserPool(this, 'Officers', {
      userPoolName: `rabta-${stage.name}-officers`,
      // Officers are created by an administrator, never by themselves.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      standardAttributes: {
        fullname: { required: false, mutable: true },
        phoneNumber: { required: false, mutable: true },
        email: { required: false, mutable: true },
      },
      customAttributes: Object.fromEntries(
        RETIRED_OFFICER_ATTRIBUTES.map((name) => [
          name,
          new StringAttribute({ mutable: true, minLen: 0, maxLen: 64 }),
        ]),
      ),
      featurePlan: stage.officerThreatProtection ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      standardThreatProtectionMode: stage.officerThreatProtection
        ? StandardThreatProtectionMode.FULL_FUNCTION
        : undefined,
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });
    // Role groups are a fixed set declared here; area groups are made by the force directory on first posting.
    for (const role of ROLES) {
      pool.addGroup(`Role${role}`, { groupName: roleGroupName(role), description: ROLE_GROUP_DESCRIPTION });
    }
    if (!stage.officerThreatProtection) {
      Validations.of(pool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Dev pool holds test officers only; Plus-tier threat protection is billed per user and is on in prod',
      });
    }
    return pool;
  }
}

const pascal = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);
