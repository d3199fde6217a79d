/**
 * The stateless half of Rabta: one AppFunction per entry of infra/topology.ts, wired to its triggers
 * (HTTP routes, queues, the table stream, schedules). Safe to destroy and redeploy at any time.
 */
import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import type { CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { TIMELINE_SK_PREFIX } from '../../shared/adapters/dynamodb/keys.ts';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { COUNTED_ENTITIES } from '../../shared/app/counters.ts';
import { ENV, QUEUES } from '../resources.ts';
import { AppFunction, type AppResources } from '../constructs/app-function.ts';
import { Operations } from '../constructs/operations.ts';
import { WebSite } from '../constructs/web-site.ts';
import { dlqDepthAlarm, SecureQueue } from '../constructs/secure-queue.ts';

import { scheduleRate, type StageConfig } from '../stages.ts';
import { FUNCTIONS, type HttpTrigger, type ScheduleTrigger, type StreamTrigger } from '../topology.ts';

export interface StatelessStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly resources: AppResources & { readonly table: ITable };
  readonly userPool: IUserPool;
  /** The ops topic every alarm notifies (stateful stack). */
  readonly alarmTopic: ITopic;
  readonly officerConsoleClient: IUserPoolClient;
  /** Where the function entries live; defaults to this repository (tests may point elsewhere). */
  readonly projectRoot?: string;
  /** The edge web ACL (us-east-1) in front of site and API; see WebSiteProps.webAclArn. */
  readonly webAclArn?: string;
}

/**
 * The CloudFront path patterns that go to the API: one per first path segment of the HTTP routes
 * (`/complaints*` covers `/complaints` and `/complaints/track`). The site's own paths (`/`, `/console/`,
 * `/assets/`, `/config.json`) share none of them.
 */
export const apiPathPatterns = (): string[] => [
  ...new Set(
    FUNCTIONS.flatMap((def) =>
      def.triggers.flatMap((t) =>
        t.kind === 'http' && t.path.startsWith('/') ? [`/${t.path.split('/')[1] ?? ''}*`] : [],
      ),
    ),
  ),
];

export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly site: WebSite;
  readonly functions: Record<string, AppFunction> = {};

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stage, resources } = props;

    const whatsappNumber: unknown = this.node.tryGetContext('whatsappNumber');
    this.site = new WebSite(this, 'Web', {
      stage,
      userPool: props.userPool,
      ...(typeof whatsappNumber === 'string' && whatsappNumber ? { whatsappNumber } : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
    });
    this.api = new HttpApi(this, 'Api', {
      apiName: `rabta-${stage.name}`,
      description: 'Rabta public complaint API, WhatsApp webhook and officer API',
      createDefaultStage: false,
      // No CORS: browsers reach the API through the site's distribution, on the site's own origin
      // (WebSite.serveApi), so no other origin's page may call it from a browser.
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    const apiStage = new HttpStage(this, 'ApiDefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: stage.apiThrottle,
      // No caller identity or body here: request metadata only (architecture §7).
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
          }),
        ),
      },
    });
    // Per-route throttles over the stage default: the webhook keeps its own allowance (stages.ts).
    (apiStage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      Object.entries(stage.routeThrottles).map(([routeKey, limits]) => [
        routeKey,
        // RouteSettings is untyped JSON in CloudFormation: its keys are written as CloudFormation spells them.
        { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit },
      ]),
    );
    const alarmAction = new SnsAction(props.alarmTopic);
    const officerAuthorizer = new HttpUserPoolAuthorizer('OfficerAuthorizer', props.userPool, {
      userPoolClients: [props.officerConsoleClient, this.site.consoleClient],
    });
    // CloudFront sends this value to the API in a header every HTTP function checks, so a direct call to the
    // execute-api URL (which would bypass the edge web ACL) is refused (docs/reliability.md, "WAF").
    const originVerify = new Secret(this, 'OriginVerify', {
      secretName: `rabta/${stage.name}/origin-verify`,
      description: 'The header value CloudFront adds to requests it forwards to the API (origin verify)',
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: stage.removalPolicy,
    });
    Validations.of(originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotated by redeploying after a new value is set (CloudFront and the functions take it at deploy time); it guards against bypassing the web ACL, not a credential',
    });
    const originVerifyToken = originVerify.secretValue.unsafeUnwrap();
    this.site.serveApi(this.api, apiPathPatterns(), originVerifyToken);
    this.site.deploy(this.site.siteOrigin);

    // Failed schedule deliveries and failed asynchronous runs of scheduled functions land here.
    const scheduleDlq = new SecureQueue(this, 'ScheduleDlq', {
      fifo: false,
      retention: Duration.days(14),
      removalPolicy: stage.removalPolicy,
    }).queue;
    Validations.of(scheduleDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter target of the schedules and of the scheduled functions; a DLQ has no DLQ',
    });
    dlqDepthAlarm(this, 'ScheduleDlqAlarm', scheduleDlq, stage.dlqAlarmThreshold, alarmAction);

    for (const def of FUNCTIONS) {
      const hasSchedule = def.triggers.some((t) => t.kind === 'schedule');
      const appFn = new AppFunction(this, def.id, {
        def,
        stage,
        resources,
        projectRoot: props.projectRoot,
        reservedConcurrency: stage.reservedConcurrency[def.id],
      });
      this.functions[def.id] = appFn;
      const { fn } = appFn;
      if (def.triggers.some((t) => t.kind === 'http'))
        fn.addEnvironment(ENV.originVerifyToken, originVerifyToken);
      if (hasSchedule) {
        fn.configureAsyncInvoke({ onFailure: new SqsDestination(scheduleDlq), retryAttempts: 2 });
      }

      for (const trigger of def.triggers) {
        switch (trigger.kind) {
          case 'http':
            this.route(def.id, trigger, fn, trigger.auth === 'officer' ? officerAuthorizer : undefined);
            break;
          case 'queue':
          case 'event': {
            const queueDef = QUEUES[trigger.queue];
            const maxBatchingWindowSeconds =
              trigger.kind === 'queue' ? trigger.maxBatchingWindowSeconds : undefined;
            fn.addEventSource(
              new SqsEventSource(resources.queues[trigger.queue], {
                batchSize: trigger.batchSize,
                reportBatchItemFailures: true,
                // FIFO queues do not support a batching window.
                maxBatchingWindow:
                  !queueDef.fifo && maxBatchingWindowSeconds
                    ? Duration.seconds(maxBatchingWindowSeconds)
                    : undefined,
              }),
            );
            break;
          }
          case 'stream':
            fn.addEventSource(this.streamSource(trigger, resources));
            break;
          case 'schedule':
            this.schedule(def.id, trigger, stage, appFn, scheduleDlq);
            break;
        }
      }
    }

    new Operations(this, 'Operations', {
      stageName: stage.name,
      action: alarmAction,
      api: this.api,
      functions: Object.fromEntries(Object.entries(this.functions).map(([fnId, f]) => [fnId, f.fn])),
      streamConsumerId: FUNCTIONS.find((f) => f.triggers.some((t) => t.kind === 'stream'))?.id ?? '',
      heartbeats: Object.fromEntries(
        FUNCTIONS.flatMap((f) =>
          f.triggers
            .filter((t): t is ScheduleTrigger => t.kind === 'schedule')
            .map((t) => [f.id, scheduleRate(stage, t.rateMinutes)] as const),
        ),
      ),
      queues: resources.queues,
    });

    // Clients (and Meta) use the distribution; the execute-api URL is for ops' diagnosis only (docs/deploy.md).
    new CfnOutput(this, 'ApiUrl', { value: this.site.siteOrigin });
    new CfnOutput(this, 'WebhookUrl', { value: `${this.site.siteOrigin}/webhook` });
    new CfnOutput(this, 'ExecuteApiUrl', { value: apiStage.url });
  }

  private route(
    fnId: string,
    trigger: HttpTrigger,
    fn: AppFunction['fn'],
    authorizer?: HttpUserPoolAuthorizer,
  ): void {
    const routeKey =
      trigger.path === '$default'
        ? HttpRouteKey.DEFAULT
        : HttpRouteKey.with(trigger.path, HttpMethod[trigger.method]);
    const id = `${fnId}Route${trigger.method}${trigger.path.replace(/[^A-Za-z0-9]/g, '')}`;
    const route = new HttpRoute(this, id, {
      httpApi: this.api,
      routeKey,
      integration: new HttpLambdaIntegration(`${id}Integration`, fn),
      authorizer,
    });
    if (!authorizer) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          trigger.path === '/webhook'
            ? "Meta's webhook cannot present a JWT; POST is authenticated by the X-Hub-Signature-256 HMAC, GET by the verify token"
            : `${trigger.method} ${trigger.path} is a public citizen route by design; input is validated and ownership proven in the body`,
      });
    }
  }

  private streamSource(trigger: StreamTrigger, resources: AppResources): DynamoEventSource {
    // The stream carries every table write; the filter keeps Lambda from even being invoked for records
    // the function would ignore (it still checks, and the local runtime does not filter).
    const filter =
      trigger.records === 'timelineInserts'
        ? {
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { sk: { S: FilterRule.beginsWith(TIMELINE_SK_PREFIX) } } },
          }
        : {
            eventName: FilterRule.or('INSERT', 'MODIFY'),
            dynamodb: { NewImage: { entity: { S: FilterRule.or(...COUNTED_ENTITIES) } } },
          };
    return new DynamoEventSource(resources.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: trigger.batchSize,
      maxBatchingWindow: Duration.seconds(trigger.maxBatchingWindowSeconds),
      retryAttempts: trigger.retryAttempts,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(resources.queues[trigger.onFailureQueue]),
      filters: [FilterCriteria.filter(filter)],
    });
  }

  private schedule(
    fnId: string,
    trigger: ScheduleTrigger,
    stage: StageConfig,
    appFn: AppFunction,
    dlq: SecureQueue['queue'],
  ): void {
    const minutes = scheduleRate(stage, trigger.rateMinutes);
    // Our own role so the invoke grant can be acknowledged precisely (the default one is created lazily).
    const role = new Role(this, `${fnId}ScheduleRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: `EventBridge Scheduler invoking ${fnId}`,
    });
    const fnLogicalId = this.getLogicalId(appFn.fn.node.defaultChild as CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
      reason: `Invoke permission on ${fnId} and its versions/aliases only (the :* suffix); no other function`,
    });
    new Schedule(this, `${fnId}Schedule`, {
      description: `Runs ${fnId} every ${minutes} minute(s)`,
      schedule: ScheduleExpression.rate(Duration.minutes(minutes)),
      target: new LambdaInvoke(appFn.fn, {
        role,
        deadLetterQueue: dlq,
        retryAttempts: 3,
        // A run older than one period is superseded by the next one.
        maxEventAge: Duration.minutes(Math.max(minutes, 1)),
      }),
    });
  }
}
