/**
 * Every function of infra/topology.ts is in the synthesized template with each of its triggers wired to
 * the right function and resource: the CDK side of "one topology, two runtimes".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/constructs/app-function.ts';
import { EVENT_SOURCE } from '../../shared/schemas/events/index.ts';
import { FUNCTIONS, type FunctionDef } from '../../infra/topology.ts';
import { appFunctions, synthesize, type Synthesized } from './synth.ts';

type Resource = { Properties: Record<string, unknown> };

describe('topology coverage (dev stage)', () => {
  let synth: Synthesized;
  let resolveInStateless: (value: unknown) => unknown;
  let resolveInStateful: (value: unknown) => unknown;
  let fnLogicalId: (def: FunctionDef) => string;

  beforeAll(() => {
    synth = synthesize('dev');
    const { stateful, stateless } = synth.stacks;
    resolveInStateless = (v) => stateless.resolve(v);
    resolveInStateful = (v) => stateful.resolve(v);
    fnLogicalId = (def) => {
      const appFn = stateless.functions[def.id];
      if (!appFn) throw new Error(`no AppFunction for ${def.id}`);
      return stateless.getLogicalId(appFn.fn.node.defaultChild as CfnFunction);
    };
  });
  afterAll(() => synth?.cleanup());

  const resources = (template: 'stateful' | 'stateless', type: string): Resource[] =>
    Object.values(synth[template].findResources(type)) as Resource[];

  it('has an entry file for every function', () => {
    // Prepare
    const missing = FUNCTIONS.filter((def) => !existsSync(path.join(PROJECT_ROOT, def.entry))).map(
      (d) => d.entry,
    );

    // Act / Assess
    expect(missing).toEqual([]);
  });

  it('synthesizes exactly one Lambda function per topology entry, with its handler', () => {
    // Prepare
    const functions = appFunctions(synth.stateless);

    // Act
    const ids = FUNCTIONS.map((def) => fnLogicalId(def));

    // Assess
    expect(Object.keys(functions).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(functions[id]?.Properties.Handler).toBe('index.handler');
  });

  describe.each(FUNCTIONS.map((def) => [def.id, def] as const))('%s', (_id, def) => {
    it.each(def.triggers.map((t, i) => [`${t.kind} #${i + 1}`, t] as const))(
      'is wired to its %s trigger',
      (_n, trigger) => {
        // Prepare
        const fnArn = { 'Fn::GetAtt': [fnLogicalId(def), 'Arn'] };
        const fnRef = { Ref: fnLogicalId(def) };
        const { stateful } = synth.stacks;

        switch (trigger.kind) {
          case 'http': {
            // Act
            const routeKey = trigger.path === '$default' ? '$default' : `${trigger.method} ${trigger.path}`;
            const routes = resources('stateless', 'AWS::ApiGatewayV2::Route').filter(
              (r) => r.Properties.RouteKey === routeKey,
            );
            const integrations = synth.stateless.findResources('AWS::ApiGatewayV2::Integration', {
              Properties: { IntegrationUri: fnArn },
            });

            // Assess
            expect(routes).toHaveLength(1);
            const route = routes[0]!.Properties;
            const target = JSON.stringify(route.Target);
            expect(Object.keys(integrations).some((logicalId) => target.includes(`"${logicalId}"`))).toBe(
              true,
            );
            if (trigger.auth === 'officer') {
              const authorizers = Object.keys(
                synth.stateless.findResources('AWS::ApiGatewayV2::Authorizer', {
                  Properties: { AuthorizerType: 'JWT' },
                }),
              );
              expect(route.AuthorizationType).toBe('JWT');
              expect(authorizers).toHaveLength(1);
              expect(route.AuthorizerId).toEqual({ Ref: authorizers[0] });
            } else {
              expect(route.AuthorizationType).toBe('NONE');
              expect(route.AuthorizerId).toBeUndefined();
            }
            break;
          }
          case 'queue':
          case 'event': {
            // Act
            const queueArn = resolveInStateless(stateful.queues[trigger.queue].queueArn);

            // Assess
            synth.stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
              FunctionName: fnRef,
              EventSourceArn: queueArn,
              BatchSize: trigger.batchSize,
              FunctionResponseTypes: ['ReportBatchItemFailures'],
            });
            if (trigger.kind === 'event') {
              synth.stateful.hasResourceProperties('AWS::Events::Rule', {
                EventBusName: resolveInStateful(stateful.bus.eventBusName),
                EventPattern: { source: [EVENT_SOURCE], 'detail-type': [...trigger.detailTypes] },
                Targets: [
                  Match.objectLike({
                    Arn: resolveInStateful(stateful.queues[trigger.queue].queueArn),
                    DeadLetterConfig: { Arn: Match.anyValue() },
                  }),
                ],
              });
            }
            break;
          }
          case 'stream': {
            // Act
            const streamArn = resolveInStateless(stateful.table.tableStreamArn);
            const failures = resolveInStateless(stateful.queues[trigger.onFailureQueue].queueArn);

            // Assess
            synth.stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
              FunctionName: fnRef,
              EventSourceArn: streamArn,
              BatchSize: trigger.batchSize,
              MaximumBatchingWindowInSeconds: trigger.maxBatchingWindowSeconds,
              MaximumRetryAttempts: trigger.retryAttempts,
              BisectBatchOnFunctionError: true,
              FunctionResponseTypes: ['ReportBatchItemFailures'],
              DestinationConfig: { OnFailure: { Destination: failures } },
            });
            break;
          }
          case 'schedule': {
            // Act / Assess
            synth.stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
              ScheduleExpression: ScheduleExpression.rate(Duration.minutes(trigger.rateMinutes))
                .expressionString,
              State: 'ENABLED',
              Target: Match.objectLike({
                Arn: fnArn,
                DeadLetterConfig: { Arn: Match.anyValue() },
                RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
              }),
            });
            break;
          }
        }
      },
    );
  });

  it('has no HTTP route that the topology does not declare', () => {
    // Prepare
    const declared = FUNCTIONS.flatMap((def) =>
      def.triggers.flatMap((t) =>
        t.kind === 'http' ? [t.path === '$default' ? '$default' : `${t.method} ${t.path}`] : [],
      ),
    );

    // Act
    const synthesized = resources('stateless', 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey);

    // Assess
    expect([...synthesized].sort()).toEqual([...declared].sort());
  });
});
