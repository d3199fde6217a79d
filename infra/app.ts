/**
 * CDK entry: `npx cdk synth|deploy --all -c stage=dev|prod` (cdk.json runs this file with tsx).
 * Optional: `-c scheduleRateMinutes=<n>` overrides the schedules' rate for the stage.
 */
import { App } from 'aws-cdk-lib';
import { buildRabta } from './stacks/rabta.ts';
import { stageFromContext } from './stages.ts';

const app = new App();
const stage = stageFromContext(
  app.node.tryGetContext('stage'),
  app.node.tryGetContext('scheduleRateMinutes'),
);
buildRabta(app, {
  stage,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
