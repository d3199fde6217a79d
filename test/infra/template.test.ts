/**
 * Template assertions: the properties the issues require of the deployed resources, per stage.
 */
import { Match } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WHATSAPP_SECRET_ENV } from '../../infra/constructs/app-function.ts';
import {
  APP_TABLE,
  ENV,
  EVIDENCE_BUCKET,
  IDEMPOTENCY_TABLE,
  QUEUES,
  queuesWithDlq,
  type QueueId,
} from '../../infra/resources.ts';
import { MANAGED_RULE_GROUPS } from '../../infra/stacks/edge-stack.ts';
import { RETIRED_OFFICER_ATTRIBUTES } from '../../infra/stacks/stateful-stack.ts';
import { apiPathPatterns } from '../../infra/stacks/stateless-stack.ts';
import { STAGES } from '../../infra/stages.ts';
import { ORIGIN_VERIFY_HEADER } from '../../shared/adapters/http/middleware.ts';
import { ROLE_GROUPS } from '../../shared/domain/officer-groups.ts';
import { FUNCTIONS } from '../../infra/topology.ts';
import { appFunctions, DEPLOY_ENV, synthesize, type Synthesized } from './synth.ts';

type Props = Record<string, unknown>;
const propsOf = (resources: Record<string, { Properties?: Props }>): Props[] =>
  Object.values(resources).map((r) => r.Properties ?? {});

describe('infra templates', () => {
  const synths: Partial<Record<'dev' | 'prod', Synthesized>> = {};
  const get = (stage: 'dev' | 'prod'): Synthesized => {
    const synth = synths[stage];
    if (!synth) throw new Error(`${stage} not synthesized`);
    return synth;
  };

  beforeAll(() => {
    synths.dev = synthesize('dev');
    // prod as a deploy synthesizes it (a region: the edge stack with the web ACL); dev without a region.
    synths.prod = synthesize('prod', DEPLOY_ENV);
  });
  afterAll(() => {
    synths.dev?.cleanup();
    synths.prod?.cleanup();
  });

  describe('functions', () => {
    it('run on Node.js 24, ARM64, with active tracing and a log group with retention', () => {
      // Prepare
      const { stateless } = get('prod');

      // Act
      const functions = propsOf(appFunctions(stateless));

      // Assess
      expect(functions).toHaveLength(FUNCTIONS.length);
      for (const fn of functions) {
        expect(fn.Runtime).toBe('nodejs24.x');
        expect(fn.Architectures).toEqual(['arm64']);
        expect(fn.TracingConfig).toEqual({ Mode: 'Active' });
        expect(fn.LoggingConfig).toMatchObject({ LogGroup: { Ref: expect.any(String) } });
      }
      stateless.resourcePropertiesCountIs(
        'AWS::Logs::LogGroup',
        { RetentionInDays: 180 },
        FUNCTIONS.length + 1,
      );
    });

    it('get memory and timeout from the topology, else the defaults', () => {
      // Prepare
      const synth = get('dev');

      for (const def of FUNCTIONS) {
        // Act
        const logicalId = synth.stacks.stateless.getLogicalId(
          synth.stacks.stateless.functions[def.id]!.fn.node.defaultChild as CfnFunction,
        );
        const props = synth.stateless.toJSON().Resources[logicalId].Properties as Props;

        // Assess
        expect(props.MemorySize).toBe(def.memoryMb ?? 512);
        expect(props.Timeout).toBe(def.timeoutSeconds ?? 10);
      }
    });

    it('receive exactly the environment their access allows', () => {
      // Prepare
      const synth = get('dev');

      for (const def of FUNCTIONS) {
        // Act
        const logicalId = synth.stacks.stateless.getLogicalId(
          synth.stacks.stateless.functions[def.id]!.fn.node.defaultChild as CfnFunction,
        );
        const props = synth.stateless.toJSON().Resources[logicalId].Properties as Props;
        const env = (props.Environment as { Variables: Record<string, unknown> }).Variables;

        // Assess
        expect(env[ENV.stage]).toBe('dev');
        expect(env.POWERTOOLS_SERVICE_NAME).toBe('rabta');
        expect(ENV.tableName in env).toBe(def.access.table !== undefined);
        expect(ENV.idempotencyTableName in env).toBe(def.access.idempotencyTable === true);
        expect(ENV.eventBusName in env).toBe(def.access.putEvents === true);
        expect(WHATSAPP_SECRET_ENV.webhook in env).toBe(def.access.whatsappSecret === 'webhook');
        expect(WHATSAPP_SECRET_ENV.graph in env).toBe(def.access.whatsappSecret === 'graph');
        expect(ENV.originVerifyToken in env).toBe(def.triggers.some((t) => t.kind === 'http'));
        const queueVars = Object.keys(env).filter((k) => k.startsWith('QUEUE_URL_'));
        expect(queueVars.sort()).toEqual((def.access.sendTo ?? []).map((q) => ENV.queueUrl(q)).sort());
      }
    });

    it('are granted exactly their access (table read vs readwrite, queues, bus, secret)', () => {
      // Prepare
      const synth = get('dev');
      const policies = propsOf(synth.stateless.findResources('AWS::IAM::Policy'));

      for (const def of FUNCTIONS) {
        // Act
        const roleId = synth.stacks.stateless.getLogicalId(
          synth.stacks.stateless.functions[def.id]!.role.node.defaultChild as never,
        );
        const statements = policies
          .filter((p) => JSON.stringify(p.Roles) === JSON.stringify([{ Ref: roleId }]))
          .flatMap((p) => (p.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement);
        const actions = new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

        // Assess
        expect(actions.has('dynamodb:PutItem')).toBe(
          def.access.table === 'readwrite' || def.access.idempotencyTable === true,
        );
        expect(actions.has('dynamodb:Query')).toBe(def.access.table !== undefined);
        expect(actions.has('dynamodb:BatchWriteItem')).toBe(def.access.table === 'readwrite');
        // Scheduled functions also send their failed runs to the schedule DLQ (on-failure destination).
        const hasSchedule = def.triggers.some((t) => t.kind === 'schedule');
        expect(actions.has('sqs:SendMessage')).toBe((def.access.sendTo ?? []).length > 0 || hasSchedule);
        expect(actions.has('events:PutEvents')).toBe(def.access.putEvents === true);
        expect(actions.has('secretsmanager:GetSecretValue')).toBe(def.access.whatsappSecret !== undefined);
        expect(actions.has('dynamodb:GetRecords')).toBe(def.triggers.some((t) => t.kind === 'stream'));
      }
    });

    it('give the webhook only the webhook secret, and the Graph access token only to the senders', () => {
      // Prepare
      const synth = get('dev');
      const policies = propsOf(synth.stateless.findResources('AWS::IAM::Policy'));
      const readers: Record<'webhook' | 'graph', string[]> = { webhook: [], graph: [] };

      for (const def of FUNCTIONS) {
        // Act
        const roleId = synth.stacks.stateless.getLogicalId(
          synth.stacks.stateless.functions[def.id]!.role.node.defaultChild as never,
        );
        const secretResources = JSON.stringify(
          policies
            .filter((p) => JSON.stringify(p.Roles) === JSON.stringify([{ Ref: roleId }]))
            .flatMap(
              (p) => (p.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] }).Statement,
            )
            .filter((s) => JSON.stringify(s.Action).includes('secretsmanager:GetSecretValue'))
            .map((s) => s.Resource),
        );
        if (secretResources.includes('WhatsAppWebhookSecret')) readers.webhook.push(def.id);
        if (secretResources.includes('WhatsAppGraphSecret')) readers.graph.push(def.id);
      }

      // Assess
      expect(readers.webhook).toEqual(['WhatsAppWebhook']);
      expect(readers.graph).not.toContain('WhatsAppWebhook');
      expect(readers.graph.sort()).toEqual(
        FUNCTIONS.filter((f) => f.access.whatsappSecret === 'graph')
          .map((f) => f.id)
          .sort(),
      );
      expect(readers.graph).toEqual(expect.arrayContaining(['WhatsAppWorker', 'EvidenceDownloader']));
    });

    it('never use wildcard DynamoDB resources (indexes are listed by name)', () => {
      // Prepare
      const text = JSON.stringify(get('dev').stateless.findResources('AWS::IAM::Policy'));

      // Act / Assess
      expect(text).not.toContain('/index/*');
    });
  });

  describe('application table', () => {
    it.each(['dev', 'prod'] as const)(
      '%s: keys, GSIs with ALL projection, NEW_IMAGE stream, PITR, SSE, TTL, on demand',
      (stage) => {
        // Prepare
        const { stateful } = get(stage);

        // Act / Assess
        stateful.hasResourceProperties('AWS::DynamoDB::Table', {
          KeySchema: [
            { AttributeName: APP_TABLE.partitionKey, KeyType: 'HASH' },
            { AttributeName: APP_TABLE.sortKey, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { SSEEnabled: true },
          TimeToLiveSpecification: { AttributeName: APP_TABLE.ttlAttribute, Enabled: true },
          GlobalSecondaryIndexes: Match.arrayWith(
            Object.entries(APP_TABLE.indexes).map(([name, keys]) =>
              Match.objectLike({
                IndexName: name,
                KeySchema: [
                  { AttributeName: keys.partitionKey, KeyType: 'HASH' },
                  { AttributeName: keys.sortKey, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              }),
            ),
          ),
        });
      },
    );

    it('has deletion protection and is retained in prod, not in dev', () => {
      // Prepare
      const prod = get('prod').stateful.findResources('AWS::DynamoDB::Table');
      const dev = get('dev').stateful.findResources('AWS::DynamoDB::Table');

      // Act / Assess
      for (const table of Object.values(prod)) {
        expect(table.Properties.DeletionProtectionEnabled).toBe(true);
        expect(table.DeletionPolicy).toBe('Retain');
      }
      for (const table of Object.values(dev)) {
        expect(table.Properties.DeletionProtectionEnabled).toBe(false);
        expect(table.DeletionPolicy).toBe('Delete');
      }
    });

    it('comes with an idempotency table in the Powertools layout', () => {
      // Prepare
      const { stateful } = get('prod');

      // Act / Assess
      stateful.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: IDEMPOTENCY_TABLE.partitionKey, KeyType: 'HASH' }],
        TimeToLiveSpecification: { AttributeName: IDEMPOTENCY_TABLE.ttlAttribute, Enabled: true },
        BillingMode: 'PAY_PER_REQUEST',
      });
    });
  });

  describe('queues', () => {
    it('every topology queue exists with its DLQ, FIFO where declared, encrypted', () => {
      // Prepare
      const { stacks, stateful } = get('prod');
      const all = stateful.toJSON().Resources as Record<string, { Type: string; Properties: Props }>;

      for (const id of Object.keys(QUEUES) as QueueId[]) {
        // Act
        const def = QUEUES[id];
        const logicalId = stacks.stateful.getLogicalId(stacks.stateful.queues[id].node.defaultChild as never);
        const props = all[logicalId]!.Properties;

        // Assess
        expect(props.FifoQueue).toBe(def.fifo ? true : undefined);
        expect(props.SqsManagedSseEnabled).toBe(true);
        expect(props.VisibilityTimeout).toBe(def.visibilityTimeoutSeconds);
        expect(props.MessageRetentionPeriod).toBe(def.retentionDays * 86_400);
        if ('maxReceiveCount' in def) {
          const dlqId = stacks.stateful.getLogicalId(stacks.stateful.dlqs[id]!.node.defaultChild as never);
          expect(props.RedrivePolicy).toEqual({
            deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
            maxReceiveCount: def.maxReceiveCount,
          });
          expect(all[dlqId]!.Properties.FifoQueue).toBe(def.fifo ? true : undefined);
        } else {
          expect(props.RedrivePolicy).toBeUndefined();
        }
      }
      expect(queuesWithDlq().length).toBeGreaterThan(0);
    });

    it('every queue in both stacks refuses non-TLS access and alarms when a DLQ fills', () => {
      // Prepare
      const { stateful, stateless } = get('prod');

      for (const template of [stateful, stateless]) {
        // Act
        const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
        const policies = propsOf(template.findResources('AWS::SQS::QueuePolicy'));

        // Assess
        for (const queueId of queues) {
          const policy = policies.find((p) => JSON.stringify(p.Queues).includes(`"${queueId}"`));
          expect(JSON.stringify(policy?.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
        }
      }
      // One depth alarm per dead-letter destination: each queue's DLQ, each queue that is itself a failure
      // destination (no DLQ of its own), and the bus rules' event-delivery DLQ; the schedules' DLQ is in the
      // stateless stack (the other alarms: test/infra/operations.test.ts).
      const failureDestinations = Object.keys(QUEUES).length - queuesWithDlq().length;
      stateful.resourcePropertiesCountIs(
        'AWS::CloudWatch::Alarm',
        { MetricName: 'ApproximateNumberOfMessagesVisible' },
        queuesWithDlq().length + failureDestinations + 1,
      );
      stateless.resourcePropertiesCountIs(
        'AWS::CloudWatch::Alarm',
        { MetricName: 'ApproximateNumberOfMessagesVisible' },
        1,
      );
    });
  });

  describe('events', () => {
    it('the bus is rabta-<stage> with an archive of complaint events', () => {
      // Prepare
      const { stateful } = get('prod');

      // Act / Assess
      stateful.hasResourceProperties('AWS::Events::EventBus', { Name: 'rabta-prod' });
      stateful.hasResourceProperties('AWS::Events::Archive', {
        EventPattern: { source: ['rabta.complaints'] },
        RetentionDays: 365,
      });
    });

    it('the stream publisher only sees inserted timeline items', () => {
      // Prepare
      const { stateless } = get('dev');

      // Act / Assess
      stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        StartingPosition: 'TRIM_HORIZON',
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: ['INSERT'],
                dynamodb: { NewImage: { sk: { S: [{ prefix: 'T#' }] } } },
              }),
            },
          ],
        },
      });
    });
  });

  describe('HTTP API', () => {
    it('the default stage is throttled per stage and writes access logs', () => {
      // Prepare / Act / Assess
      for (const [stage, rate, burst] of [
        ['dev', 50, 100],
        ['prod', 500, 1000],
      ] as const) {
        get(stage).stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
          StageName: '$default',
          AutoDeploy: true,
          DefaultRouteSettings: { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst },
          AccessLogSettings: {
            DestinationArn: Match.anyValue(),
            Format: Match.stringLikeRegexp('requestId'),
          },
        });
      }
    });

    it('officer routes use a JWT authorizer issued by the officers user pool for the console client', () => {
      // Prepare
      const { stateless } = get('prod');

      // Act / Assess
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          // The officers' SRP client and the console's authorization-code + PKCE client.
          Audience: [Match.anyValue(), Match.anyValue()],
          Issuer: Match.anyValue(),
        },
      });
    });
  });

  describe('officers user pool', () => {
    it.each(['dev', 'prod'] as const)(
      '%s: MFA required (TOTP only), strong passwords, no self sign-up, officer claims',
      (stage) => {
        // Prepare
        const { stateful } = get(stage);

        // Act / Assess
        stateful.hasResourceProperties('AWS::Cognito::UserPool', {
          MfaConfiguration: 'ON',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          Policies: {
            PasswordPolicy: Match.objectLike({
              MinimumLength: 12,
              RequireLowercase: true,
              RequireUppercase: true,
              RequireNumbers: true,
              RequireSymbols: true,
            }),
          },
          Schema: Match.arrayWith(
            RETIRED_OFFICER_ATTRIBUTES.map((name) =>
              Match.objectLike({ Name: name, Mutable: true, AttributeDataType: 'String' }),
            ),
          ),
        });
      },
    );

    it('prod has threat protection and deletion protection', () => {
      // Prepare
      const { stateful } = get('prod');

      // Act / Assess
      stateful.hasResourceProperties('AWS::Cognito::UserPool', {
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      });
    });

    it('the console client issues tokens without a secret and cannot write officer attributes', () => {
      // Prepare
      const { stateful } = get('prod');

      // Act
      const [client] = propsOf(stateful.findResources('AWS::Cognito::UserPoolClient'));

      // Assess
      expect(client?.GenerateSecret).toBe(false);
      expect(client?.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
      expect(JSON.stringify(client?.WriteAttributes ?? [])).not.toContain('custom:');
      expect(client?.WriteAttributes).toBeDefined();
    });

    it('declares one group per role; no client reads or writes the retired custom attributes', () => {
      // Prepare
      const { stateful, stateless } = get('prod');

      // Act
      const groups = propsOf(stateful.findResources('AWS::Cognito::UserPoolGroup'));
      const clients = [
        ...propsOf(stateful.findResources('AWS::Cognito::UserPoolClient')),
        ...propsOf(stateless.findResources('AWS::Cognito::UserPoolClient')),
      ];

      // Assess
      expect(groups.map((g) => g.GroupName).sort()).toEqual([...ROLE_GROUPS].sort());
      expect(clients).toHaveLength(2);
      for (const client of clients) {
        expect(client.ReadAttributes).toEqual(expect.arrayContaining(['name', 'phone_number']));
        expect(JSON.stringify(client.ReadAttributes)).not.toContain('custom:');
        expect(client.WriteAttributes).toEqual(['locale']);
      }
    });

    it('only the directory function may change group membership, and only through group calls', () => {
      // Prepare
      const { stateless } = get('prod');

      // Act
      const statements = propsOf(stateless.findResources('AWS::IAM::Policy')).flatMap(
        (p) => (p.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
      );
      const groupWriters = statements.filter((st) =>
        [st.Action].flat().includes('cognito-idp:AdminAddUserToGroup'),
      );

      // Assess
      expect(groupWriters).toHaveLength(1);
      expect(groupWriters[0]?.Action).toEqual(
        expect.arrayContaining(['cognito-idp:AdminRemoveUserFromGroup', 'cognito-idp:CreateGroup']),
      );
    });
  });

  describe('edge: WAF in front of site and API (CloudFront)', () => {
    it('a CLOUDFRONT web ACL in us-east-1 with per-IP rate rules and the AWS managed rule groups', () => {
      // Prepare
      const { edge, stacks } = get('prod');
      const { waf } = STAGES.prod;

      // Act
      const [acl] = propsOf(edge?.findResources('AWS::WAFv2::WebACL') ?? {});
      const rules = (acl?.Rules ?? []) as Props[];

      // Assess
      expect(stacks.edge?.region).toBe('us-east-1');
      expect(acl).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
      expect(rules.map((r) => r.Name)).toEqual([
        'PublicRoutesPerIp',
        'AllButWebhookPerIp',
        ...MANAGED_RULE_GROUPS.map((g) => g.name),
      ]);
      expect(rules[0]).toMatchObject({
        Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
        Statement: {
          RateBasedStatement: {
            Limit: waf.publicRoutesPerIp,
            AggregateKeyType: 'IP',
            ScopeDownStatement: {
              ByteMatchStatement: { SearchString: '/complaints', PositionalConstraint: 'STARTS_WITH' },
            },
          },
        },
      });
      // Meta's deliveries come from a few addresses: the webhook is outside every per-IP rule.
      expect(rules[1]).toMatchObject({
        Statement: {
          RateBasedStatement: {
            Limit: waf.allRoutesPerIp,
            ScopeDownStatement: {
              NotStatement: {
                Statement: {
                  ByteMatchStatement: { SearchString: '/webhook', PositionalConstraint: 'EXACTLY' },
                },
              },
            },
          },
        },
      });
      for (const rule of rules.slice(2)) {
        expect(rule).toMatchObject({
          OverrideAction: { None: {} },
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: rule.Name } },
        });
      }
      for (const rule of rules) {
        expect(rule.VisibilityConfig).toMatchObject({
          CloudWatchMetricsEnabled: true,
          SampledRequestsEnabled: true,
        });
      }
    });

    it("logs to an aws-waf-logs- group with the officers' tokens redacted", () => {
      // Prepare
      const { edge } = get('prod');

      // Act
      const [logging] = propsOf(edge?.findResources('AWS::WAFv2::LoggingConfiguration') ?? {});

      // Assess
      expect(JSON.stringify(logging?.LogDestinationConfigs)).toContain('log-group:aws-waf-logs-rabta-prod');
      expect(logging?.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }]);
      edge?.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: 'aws-waf-logs-rabta-prod',
        RetentionInDays: 180,
      });
    });

    it('the distribution carries the ACL and serves the API routes uncached, same-origin, without CORS', () => {
      // Prepare
      const { stateless } = get('prod');

      // Act
      const [distribution] = propsOf(stateless.findResources('AWS::CloudFront::Distribution'));
      const config = distribution?.DistributionConfig as Props;
      const behaviors = (config.CacheBehaviors ?? []) as Props[];
      const origins = config.Origins as Props[];
      const [api] = propsOf(stateless.findResources('AWS::ApiGatewayV2::Api'));

      // Assess
      expect(config.WebACLId).toBeDefined();
      expect(behaviors.map((b) => b.PathPattern).sort()).toEqual(apiPathPatterns().sort());
      expect(apiPathPatterns()).toEqual(expect.arrayContaining(['/complaints*', '/webhook*', '/officer*']));
      const apiOrigin = origins.find((o) => JSON.stringify(o.DomainName).includes('execute-api'));
      expect(apiOrigin?.CustomOriginConfig).toMatchObject({
        OriginProtocolPolicy: 'https-only',
        OriginSSLProtocols: ['TLSv1.2'],
      });
      for (const behavior of behaviors) {
        expect(behavior).toMatchObject({
          TargetOriginId: apiOrigin?.Id,
          ViewerProtocolPolicy: 'https-only',
          // AWS managed policies: CachingDisabled and AllViewerExceptHostHeader.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
        });
      }
      expect(api?.CorsConfiguration).toBeUndefined();
    });

    it('CloudFront sends the origin-verify header and every HTTP function checks the same generated value', () => {
      // Prepare
      const { stateless } = get('prod');
      const [distribution] = propsOf(stateless.findResources('AWS::CloudFront::Distribution'));
      const origins = (distribution?.DistributionConfig as Props).Origins as Props[];
      const apiOrigin = origins.find((o) => JSON.stringify(o.DomainName).includes('execute-api'));
      const functions = propsOf(stateless.findResources('AWS::Lambda::Function'));
      const variablesOf = (fn: Props) => ((fn.Environment as Props | undefined)?.Variables ?? {}) as Props;

      // Act
      const headers = (apiOrigin?.OriginCustomHeaders ?? []) as Props[];
      const sent = headers.find((h) => h.HeaderName === ORIGIN_VERIFY_HEADER)?.HeaderValue;
      const checking = functions.filter((fn) => variablesOf(fn)[ENV.originVerifyToken] !== undefined);
      const httpFunctions = FUNCTIONS.filter((def) => def.triggers.some((t) => t.kind === 'http'));

      // Assess: a Secrets Manager dynamic reference, resolved by CloudFormation at deploy, the same everywhere.
      expect(JSON.stringify(sent)).toContain('resolve:secretsmanager:');
      expect(checking).toHaveLength(httpFunctions.length);
      for (const fn of checking) expect(variablesOf(fn)[ENV.originVerifyToken]).toEqual(sent);
    });

    it('without a region (no deploy) there is no edge stack to reference', () => {
      expect(get('dev').stacks.edge).toBeUndefined();
      expect(get('dev').edge).toBeUndefined();
    });
  });

  describe('evidence bucket', () => {
    it('is private, encrypted, TLS-only, versioned and access-logged, with the retention lifecycle', () => {
      // Prepare
      const { stateful } = get('prod');
      const { lifecycle } = EVIDENCE_BUCKET;
      const buckets = stateful.findResources('AWS::S3::Bucket', {
        Properties: { VersioningConfiguration: { Status: 'Enabled' } },
      });

      // Act
      const [id, evidence] = Object.entries(buckets)[0] ?? [];
      const props = (evidence as { Properties: Props } | undefined)?.Properties ?? {};

      // Assess
      expect(Object.keys(buckets)).toHaveLength(1);
      expect(props.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(JSON.stringify(props.BucketEncryption)).toContain('AES256');
      expect(props.LoggingConfiguration).toMatchObject({
        DestinationBucketName: { Ref: expect.any(String) },
      });
      expect(props.LifecycleConfiguration).toMatchObject({
        Rules: expect.arrayContaining([
          expect.objectContaining({
            Prefix: EVIDENCE_BUCKET.evidencePrefix,
            ExpirationInDays: lifecycle.expireAfterDays,
            NoncurrentVersionExpiration: { NoncurrentDays: lifecycle.noncurrentVersionsDays },
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: lifecycle.infrequentAccessAfterDays },
              { StorageClass: 'GLACIER_IR', TransitionInDays: lifecycle.archiveAfterDays },
            ],
          }),
          expect.objectContaining({
            Prefix: EVIDENCE_BUCKET.incomingPrefix,
            ExpirationInDays: lifecycle.incomingExpireDays,
          }),
        ]),
      });
      stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
      expect(stateful.toJSON().Resources[id ?? ''].DeletionPolicy).toBe('Retain');
    });
  });

  describe('WhatsApp secrets', () => {
    it("are two JSON secrets: the webhook's (verify token generated) and the senders' (token for ops to set)", () => {
      // Prepare
      const { stateful } = get('prod');

      // Act / Assess
      stateful.resourceCountIs('AWS::SecretsManager::Secret', 2);
      stateful.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: 'rabta/prod/whatsapp-webhook',
        GenerateSecretString: {
          SecretStringTemplate: JSON.stringify({ appSecret: '' }),
          GenerateStringKey: 'verifyToken',
        },
      });
      stateful.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: 'rabta/prod/whatsapp-graph',
        GenerateSecretString: {
          SecretStringTemplate: JSON.stringify({ phoneNumberId: '' }),
          GenerateStringKey: 'accessToken',
        },
      });
    });
  });
});
