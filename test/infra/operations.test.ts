/**
 * Operations in the stacks (issue 12, Deliver 7): alarms that notify the ops topic, one dashboard, per-route
 * throttles with the webhook apart, reserved concurrency on the public functions, no Scan grant, AWS Backup.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../infra/resources.ts';
import { STAGES } from '../../infra/stages.ts';
import { FUNCTIONS } from '../../infra/topology.ts';
import { synthesize, type Synthesized } from './synth.ts';

type Resource = { Properties?: Record<string, unknown> };
const alarmsOf = (template: Template): Record<string, unknown>[] =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm') as Record<string, Resource>).map(
    (r) => r.Properties ?? {},
  );

describe('operations', () => {
  const synths: Partial<Record<'dev' | 'prod', Synthesized>> = {};
  const get = (stage: 'dev' | 'prod'): Synthesized => {
    const synth = synths[stage];
    if (!synth) throw new Error(`${stage} not synthesized`);
    return synth;
  };
  beforeAll(() => {
    synths.dev = synthesize('dev');
    synths.prod = synthesize('prod');
  });
  afterAll(() => {
    synths.dev?.cleanup();
    synths.prod?.cleanup();
  });

  it('every alarm of both stacks notifies the ops topic when it fires and when it clears', () => {
    // Prepare
    const { stateful, stateless } = get('prod');
    // Act
    const alarms = [...alarmsOf(stateful), ...alarmsOf(stateless)];
    // Assess
    stateful.hasResourceProperties('AWS::SNS::Topic', {
      TopicName: 'rabta-prod-alarms',
      KmsMasterKeyId: Match.anyValue(),
    });
    expect(alarms.length).toBeGreaterThan(2 * FUNCTIONS.length);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toHaveLength(1);
      expect(alarm.OKActions).toHaveLength(1);
    }
  });

  it('alarms on function errors and throttles, API 5xx and p99 latency, stream iterator age and the sweep not running', () => {
    // Prepare
    const { stateless } = get('prod');
    // Act
    const alarms = alarmsOf(stateless);
    const named = (metricName: string) => alarms.filter((a) => a.MetricName === metricName);
    // Assess
    expect(named('Errors')).toHaveLength(FUNCTIONS.length);
    expect(named('Throttles')).toHaveLength(FUNCTIONS.length);
    expect(named('5xx')).toHaveLength(1);
    expect(named('Latency')).toEqual([expect.objectContaining({ ExtendedStatistic: 'p99' })]);
    expect(named('IteratorAge')).toHaveLength(1);
    const scheduled = FUNCTIONS.filter((f) => f.triggers.some((t) => t.kind === 'schedule'));
    const heartbeats = named('Invocations');
    expect(heartbeats).toHaveLength(scheduled.length);
    for (const heartbeat of heartbeats) {
      expect(heartbeat).toMatchObject({
        TreatMissingData: 'breaching',
        ComparisonOperator: 'LessThanThreshold',
      });
    }
    expect(JSON.stringify(heartbeats)).toContain('SlaSweep');
    stateless.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('alarms on the oldest message of every source queue and on every dead-letter queue', () => {
    // Prepare
    const { stateful } = get('prod');
    // Act
    const alarms = alarmsOf(stateful);
    // Assess
    const sourceQueues = Object.values(QUEUES).filter((q) => 'maxReceiveCount' in q);
    expect(alarms.filter((a) => a.MetricName === 'ApproximateAgeOfOldestMessage')).toHaveLength(
      sourceQueues.length,
    );
    expect(
      alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible').length,
    ).toBeGreaterThan(sourceQueues.length);
  });

  it('throttles the webhook apart from the public routes', () => {
    // Prepare
    const { stateless } = get('prod');
    // Act
    const stage = Object.values(
      stateless.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>,
    )[0];
    const settings = stage?.Properties?.RouteSettings as Record<string, Record<string, number>>;
    // Assess
    expect(settings['POST /webhook']).toEqual({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 });
    expect(settings['POST /complaints']).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(settings['POST /complaints/track']?.ThrottlingRateLimit).toBeLessThan(
      settings['POST /webhook']?.ThrottlingRateLimit ?? 0,
    );
  });

  it('caps the public functions with reserved concurrency in prod only', () => {
    for (const [fnId, reserved] of Object.entries(STAGES.prod.reservedConcurrency)) {
      get('prod').stateless.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(
          (FUNCTIONS.find((f) => f.id === fnId)?.description ?? '').slice(0, 20).replace(/[/()]/g, '.'),
        ),
        ReservedConcurrentExecutions: reserved,
      });
    }
    get('dev').stateless.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { ReservedConcurrentExecutions: Match.anyValue() },
      0,
    );
  });

  it('grants no function dynamodb:Scan', () => {
    const policies = JSON.stringify(get('prod').stateless.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('dynamodb:Query');
    expect(policies).not.toContain('dynamodb:Scan');
  });

  it('backs the prod tables up with AWS Backup beside point-in-time recovery', () => {
    get('prod').stateful.resourceCountIs('AWS::Backup::BackupPlan', 1);
    get('prod').stateful.resourceCountIs('AWS::Backup::BackupSelection', 1);
    get('dev').stateful.resourceCountIs('AWS::Backup::BackupPlan', 0);
  });
});
