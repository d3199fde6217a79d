import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption, type DeadLetterQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface SecureQueueProps {
  readonly fifo: boolean;
  readonly retention: Duration;
  readonly visibilityTimeout?: Duration;
  readonly deadLetterQueue?: DeadLetterQueue;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * An SQS queue with the house defaults: TLS required by policy and SQS-managed encryption. SSE-SQS rather
 * than KMS because EventBridge and Scheduler deliver to it without extra key policies.
 */
export class SecureQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: SecureQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      fifo: props.fifo || undefined,
      contentBasedDeduplication: props.fifo ? false : undefined,
      retentionPeriod: props.retention,
      visibilityTimeout: props.visibilityTimeout,
      deadLetterQueue: props.deadLetterQueue,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: props.removalPolicy,
    });
  }
}

/** An alarm as soon as a dead-letter queue holds messages: something failed for good and needs a look. */
export const dlqDepthAlarm = (
  scope: Construct,
  id: string,
  dlq: Queue,
  threshold: number,
  action: IAlarmAction,
): Alarm =>
  withAction(
    new Alarm(scope, id, {
      alarmDescription: `Messages in dead-letter queue ${id}: a consumer failed for good; inspect and redrive`,
      metric: dlq.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
    action,
  );

/** Every alarm tells ops (the SNS topic) when it fires and when it clears. */
export const withAction = (alarm: Alarm, action: IAlarmAction): Alarm => {
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
  return alarm;
};
