/**
 * CDK entry: `npx cdk synth|deploy --all -c stage=dev|prod` (cdk.json runs this file with tsx).
 * Optional: `-c scheduleRateMinutes=<n>` overrides the schedules' rate for the stage.
 */
import { App } from 'aws-cdk-lib';
import { buildRabta } from './stacks/rabta.ts';
import { stageFromContext } from './stages.ts';

const app = new App();
// The edge web ACL (us-east-1) is referenced across regions, which needs the stacks' region at synthesis: the
// CLI sets CDK_DEFAULT_REGION whenever it can deploy at all (a profile or AWS_REGION), so every deploy has the
// ACL; a synthesis with no region configured anywhere leaves the edge stack out (buildRabta).
const stage = stageFromContext(
  app.node.tryGetContext('stage'),
  app.node.tryGetContext('scheduleRateMinutes'),
);
buildRabta(app, {
  stage,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
