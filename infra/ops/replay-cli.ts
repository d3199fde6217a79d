/**
 * The `npm run replay` command line; see replay.ts.
 *   npm run replay -- failures (--stage <stage> | --queue-url <publisherFailures url>) [--dry-run] [--max <n>]
 *   npm run replay -- archive --stage <stage> --from <ISO time> --to <ISO time> [--dry-run]
 */
import { parseArgs } from 'node:util';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createEventBridgePublisher } from '../../shared/adapters/eventbridge/publisher.ts';
import { localNames } from '../local/provision.ts';
import { replayArchive, replayFailures } from './replay.ts';

const usage = [
  'usage: npm run replay -- failures (--stage <stage> | --queue-url <url>) [--dry-run] [--max <n>]',
  '       npm run replay -- archive --stage <stage> --from <ISO time> --to <ISO time> [--dry-run]',
].join('\n');

const main = async (): Promise<void> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      stage: { type: 'string' },
      'queue-url': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      max: { type: 'string' },
    },
  });
  const dryRun = values['dry-run'];
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'ap-south-1';
  if (positionals[0] === 'failures') {
    const sqs = new SQSClient({});
    const queueUrl =
      values['queue-url'] ??
      (values.stage
        ? (
            await sqs.send(
              new GetQueueUrlCommand({ QueueName: localNames(values.stage).queue('publisherFailures') }),
            )
          ).QueueUrl
        : undefined);
    if (!queueUrl || !values.stage) throw new Error(usage);
    const max = values.max === undefined ? undefined : Number(values.max);
    if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new Error(usage);
    const events = new EventBridgeClient({});
    const outcome = await replayFailures(
      {
        sqs,
        streams: new DynamoDBStreamsClient({}),
        publisher: createEventBridgePublisher({ client: events, busName: localNames(values.stage).eventBus }),
        region,
      },
      { failuresQueueUrl: queueUrl, dryRun, ...(max ? { max } : {}) },
    );
    console.log(JSON.stringify({ dryRun, ...outcome }, null, 2));
    return;
  }
  if (positionals[0] === 'archive') {
    const from = new Date(values.from ?? '');
    const to = new Date(values.to ?? '');
    if (!values.stage || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new Error(usage);
    const names = localNames(values.stage);
    const outcome = await replayArchive(new EventBridgeClient({}), {
      archiveName: `${names.eventBus}-complaints`,
      busName: names.eventBus,
      from,
      to,
      dryRun,
    });
    console.log(JSON.stringify({ dryRun, ...outcome }, null, 2));
    return;
  }
  throw new Error(usage);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
