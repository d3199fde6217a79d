/**
 * Builds Rabta's two stacks into an app (or stage). infra/app.ts calls it for `cdk synth/deploy`; the infra
 * tests call it with their own context so they synthesize exactly what ships.
 */
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { StageConfig } from '../stages.ts';
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
}

export const stackName = (stage: StageConfig, part: 'Stateful' | 'Stateless'): string =>
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
  const stateless = new StatelessStack(app, stackName(stage, 'Stateless'), {
    stage,
    env,
    tags,
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
  // cdk-nag 3 runs as a policy-validation plugin: findings fail synthesis unless acknowledged with a reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { stateful, stateless };
};
