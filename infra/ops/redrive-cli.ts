/** The `npm run redrive` command line; see redrive.ts. */
import { parseArgs } from 'node:util';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { localNames } from '../local/provision.ts';
import { QUEUES, type QueueId } from '../resources.ts';
import { redrive } from './redrive.ts';

const usage = `usage: npm run redrive -- (--queue <${Object.keys(QUEUES).join('|')}> --stage <stage> | --from <dlq url> --to <queue url>) [--dry-run] [--max <n>]`;

const queueUrl = async (sqs: SQSClient, name: string): Promise<string> => {
  const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  if (!QueueUrl) throw new Error(`No queue named ${name}`);
  return QueueUrl;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: {
      queue: { type: 'string' },
      stage: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      max: { type: 'string' },
    },
  });
  const sqs = new SQSClient({});
  let from = values.from;
  let to = values.to;
  if (values.queue !== undefined) {
    if (!(values.queue in QUEUES) || !values.stage) throw new Error(usage);
    const names = localNames(values.stage);
    from = await queueUrl(sqs, names.dlq(values.queue as QueueId));
    to = await queueUrl(sqs, names.queue(values.queue as QueueId));
  }
  if (!from || !to) throw new Error(usage);
  const max = values.max === undefined ? undefined : Number(values.max);
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new Error(usage);
  const summary = await redrive(sqs, { from, to, dryRun: values['dry-run'], ...(max ? { max } : {}) });
  console.log(JSON.stringify({ dryRun: values['dry-run'], from, to, ...summary }, null, 2));
  sqs.destroy();
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
