/**
 * What wakes someone, and the one page they look at (issue 12, Deliver 7): an alarm on every function's errors
 * and throttles, the API's 5xx and p99 latency, the table stream's iterator age and the SLA sweep's heartbeat,
 * all notifying the ops topic (the stateful stack's queue alarms do too); and one CloudWatch dashboard.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  TreatMissingData,
  type IAlarmAction,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { withAction } from './secure-queue.ts';

/** Thresholds, written down once (docs/deploy.md lists them for the on-call). */
export const ALARM_THRESHOLDS = {
  /** API answers 5xx in five minutes: a server fault, never bad input. */
  api5xxPerFiveMinutes: 5,
  /** p99 latency over three consecutive five-minute periods. */
  apiP99LatencyMs: 3000,
  /** How far the publisher may lag behind the table stream (ms). */
  streamIteratorAgeMs: 60_000,
} as const;

export interface OperationsProps {
  readonly stageName: string;
  readonly action: IAlarmAction;
  readonly api: HttpApi;
  readonly functions: Readonly<Record<string, IFunction>>;
  /** The function reading the table stream (iterator age). */
  readonly streamConsumerId: string;
  /** Scheduled functions and their rate in minutes: alarm when one has not run for three periods. */
  readonly heartbeats: Readonly<Record<string, number>>;
  readonly queues: Readonly<Record<string, IQueue>>;
}

const FIVE_MINUTES = Duration.minutes(5);

export class Operations extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const { action, api, functions } = props;
    const alarm = (alarmId: string, options: ConstructorParameters<typeof Alarm>[2]): Alarm => {
      const created = withAction(new Alarm(this, alarmId, options), action);
      this.alarms.push(created);
      return created;
    };

    for (const [fnId, fn] of Object.entries(functions)) {
      alarm(`${fnId}Errors`, {
        alarmDescription: `${fnId} failed (an uncaught error, a time-out or a crash); see its log group`,
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm(`${fnId}Throttles`, {
        alarmDescription: `${fnId} was throttled (reserved or account concurrency exhausted)`,
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }

    const api5xx = api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const apiLatency = api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' });
    alarm('Api5xx', {
      alarmDescription: 'The API answered 5xx: a server fault (bad input is always a 4xx)',
      metric: api5xx,
      threshold: ALARM_THRESHOLDS.api5xxPerFiveMinutes,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('ApiLatencyP99', {
      alarmDescription: `API p99 latency above ${ALARM_THRESHOLDS.apiP99LatencyMs} ms for 15 minutes`,
      metric: apiLatency,
      threshold: ALARM_THRESHOLDS.apiP99LatencyMs,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const streamConsumer = functions[props.streamConsumerId];
    if (!streamConsumer) throw new Error(`No function ${props.streamConsumerId} reads the stream`);
    const iteratorAge = streamConsumer.metric('IteratorAge', {
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    alarm('StreamIteratorAge', {
      alarmDescription: `${props.streamConsumerId} lags the table stream by over ${ALARM_THRESHOLDS.streamIteratorAgeMs / 1000} s: events (citizen updates, alerts) are late`,
      metric: iteratorAge,
      threshold: ALARM_THRESHOLDS.streamIteratorAgeMs,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const heartbeatMetrics: IMetric[] = [];
    for (const [fnId, rateMinutes] of Object.entries(props.heartbeats)) {
      const fn = functions[fnId];
      if (!fn) throw new Error(`No scheduled function ${fnId}`);
      // Invocations per three schedule periods: missing data (no run at all) is the alarm, not silence.
      const runs = fn.metricInvocations({ period: Duration.minutes(rateMinutes * 3), statistic: 'Sum' });
      heartbeatMetrics.push(runs);
      alarm(`${fnId}NotRunning`, {
        alarmDescription: `${fnId} has not run for ${rateMinutes * 3} minutes: the schedule is off or failing to invoke it`,
        metric: runs,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.BREACHING,
      });
    }

    const fnMetrics = (pick: (fn: IFunction) => IMetric): IMetric[] => Object.values(functions).map(pick);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `rabta-${props.stageName}`,
      defaultInterval: Duration.hours(3),
    });
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
      new GraphWidget({
        title: 'API requests and 5xx',
        left: [api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' })],
        right: [api5xx, api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' })],
        width: 12,
      }),
      new GraphWidget({ title: 'API latency p99 (ms)', left: [apiLatency], width: 12 }),
      new GraphWidget({
        title: 'Function errors',
        left: fnMetrics((fn) => fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Function throttles',
        left: fnMetrics((fn) => fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
        width: 12,
      }),
      new GraphWidget({ title: 'Stream iterator age (ms)', left: [iteratorAge], width: 8 }),
      new GraphWidget({
        title: 'Oldest message per queue (s)',
        left: Object.values(props.queues).map((q) =>
          q.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
        ),
        width: 8,
      }),
      new GraphWidget({ title: 'Scheduled runs', left: heartbeatMetrics, width: 8 }),
    );
  }
}
