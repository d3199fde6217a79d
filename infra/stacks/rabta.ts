/**
 * Builds Rabta's two stacks into an app (or stage). infra/app.ts calls it for `cdk synth/deploy`; the infra
 * tests call it with their own context so they synthesize exactly what ships.
 */
import { Token, Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { StageConfig } from '../stages.ts';
import { EDGE_REGION, EdgeStack } from './edge-stack.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export interface RabtaOptions {
  readonly stage: StageConfig;
  /** Where the function entries live; defaults to this repository. */
  readonly projectRoot?: string;
  /** Account and region from the CLI's profile when present; absent, the templates are environment-agnostic. */
  readonly env?: { readonly account?: string; readonly region?: string };
}

export interface RabtaStacks {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** The web ACL's stack in us-east-1; absent when synthesized without a region (see WebSiteProps.webAclArn). */
  readonly edge?: EdgeStack;
}

export const stackName = (stage: StageConfig, part: 'Stateful' | 'Stateless' | 'Edge'): string =>
  `Rabta-${stage.name}-${part}`;

export const buildRabta = (app: App, options: RabtaOptions): RabtaStacks => {
  const { stage, env } = options;
  const tags = { project: 'rabta', stage: stage.name };
  const stateful = new StatefulStack(app, stackName(stage, 'Stateful'), {
    stage,
    env,
    tags,
    description: `Rabta (${stage.name}): tables, queues, event bus, evidence bucket, officer user pool, WhatsApp secret`,
    terminationProtection: stage.deletionProtection,
  });
  // A CloudFront web ACL lives in us-east-1; its ARN crosses regions through CDK's cross-region references,
  // which need both regions known at synthesis.
  const region = env?.region;
  const edge =
    region && !Token.isUnresolved(region)
      ? new EdgeStack(app, stackName(stage, 'Edge'), {
          stage,
          env: { account: env.account, region: EDGE_REGION },
          tags,
          description: `Rabta (${stage.name}): the web ACL guarding site and API (CloudFront, us-east-1)`,
          crossRegionReferences: true,
          terminationProtection: stage.deletionProtection,
        })
      : undefined;
  const stateless = new StatelessStack(app, stackName(stage, 'Stateless'), {
    stage,
    env,
    tags,
    ...(edge ? { webAclArn: edge.webAcl.attrArn, crossRegionReferences: true } : {}),
    description: `Rabta (${stage.name}): functions, HTTP API, event sources and schedules`,
    projectRoot: options.projectRoot,
    resources: {
      table: stateful.table,
      idempotencyTable: stateful.idempotencyTable,
      bus: stateful.bus,
      queues: stateful.queues,
      whatsAppWebhookSecret: stateful.whatsAppWebhookSecret,
      whatsAppGraphSecret: stateful.whatsAppGraphSecret,
      userPool: stateful.userPool,
      evidenceBucket: stateful.evidenceBucket,
    },
    userPool: stateful.userPool,
    alarmTopic: stateful.alarmTopic,
    officerConsoleClient: stateful.officerConsoleClient,
  });
  stateless.addStackDependency(stateful);
  if (edge) stateless.addStackDependency(edge);
  // cdk-nag 3 runs as a policy-validation plugin: findings fail synthesis unless acknowledged with a reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless, ...(edge ? { edge } : {}) };
};
