/**
 * The runbook's tools against the emulator: `npm run redrive` (DLQ → source, dry run first) and
 * `npm run replay` (a publisherFailures range read again from the stream; an archive window).
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { startStreamPoller } from '../../infra/local/pollers.ts';
import type { Provisioned } from '../../infra/local/provision.ts';
import { redrive } from '../../infra/ops/redrive.ts';
import { replayArchive, replayFailures } from '../../infra/ops/replay.ts';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import type { DomainEvent } from '../../shared/schemas/events/index.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { provisionForTest } from '../support/aws.ts';
import { makeComplaint } from '../unit/officer/fakes.ts';
import { seed } from './officer-support.ts';

let provisioned: Provisioned;
let sqs: SQSClient;

beforeAll(async () => {
  provisioned = await provisionForTest('ops');
  sqs = new SQSClient({});
});

const depth = async (url: string): Promise<number> => {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
};

describe('npm run redrive', () => {
  it('lists without moving on a dry run, then moves every DLQ message back to its FIFO queue in group order', async () => {
    // Prepare: three messages of one citizen in the webhook DLQ
    const dlq = provisioned.dlqUrls.webhookInbound ?? '';
    const source = provisioned.queueUrls.webhookInbound;
    for (const body of ['a', 'b', 'c']) {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: dlq,
          MessageBody: body,
          MessageGroupId: 'citizen-1',
          MessageDeduplicationId: `dedup-${body}`,
        }),
      );
    }
    // Act
    const dry = await redrive(sqs, { from: dlq, to: source, dryRun: true });
    const afterDry = await depth(dlq);
    const real = await redrive(sqs, { from: dlq, to: source, dryRun: false });
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: source,
        MaxNumberOfMessages: 10,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    // Assess
    expect(dry).toMatchObject({ found: 3, moved: 0 });
    expect(afterDry).toBe(3);
    expect(real).toMatchObject({ found: 3, moved: 3 });
    expect(await depth(dlq)).toBe(0);
    expect(Messages.map((m) => [m.Body, m.Attributes?.MessageGroupId])).toEqual([
      ['a', 'citizen-1'],
      ['b', 'citizen-1'],
      ['c', 'citizen-1'],
    ]);
  });
});

describe('npm run replay', () => {
  it('re-publishes the timeline items of a publisherFailures range and removes the record once all went out', async () => {
    // Prepare: a publisher that is down gives a batch up to the failure queue
    const poller = startStreamPoller({
      functionId: 'EventPublisher',
      functionArn: 'arn:aws:lambda:ap-south-1:000000000000:function:publisher',
      streamArn: provisioned.streamArn,
      batchSize: 100,
      retryAttempts: 0,
      region: 'ap-south-1',
      retryDelayMs: 1,
      onFailureQueueUrl: provisioned.queueUrls.publisherFailures,
      invoke: async (_event: DynamoDBStreamEvent) => {
        throw new Error('bus down');
      },
    });
    await poller.ready;
    const repository = createComplaintRepository(documentClient(), () => provisioned.names.appTable);
    const complaint = makeComplaint({ district: 'LHR' }, new Date());
    await seed(repository, complaint);
    for (let i = 0; i < 100 && (await depth(provisioned.queueUrls.publisherFailures)) === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await poller.stop();
    const published: DomainEvent[] = [];
    const clients = {
      sqs,
      streams: new DynamoDBStreamsClient({}),
      publisher: {
        publish: async (events: readonly DomainEvent[]) => {
          published.push(...events);
          return { failed: [] };
        },
      },
      region: 'ap-south-1',
    };
    const options = { failuresQueueUrl: provisioned.queueUrls.publisherFailures };
    // Act
    const dry = await replayFailures(clients, { ...options, dryRun: true });
    const publishedOnDryRun = published.length;
    const real = await replayFailures(clients, { ...options, dryRun: false });
    // Assess
    expect(dry).toMatchObject({ failureRecords: 1, published: 0, kept: 1 });
    expect(publishedOnDryRun).toBe(0);
    expect(real).toMatchObject({ failureRecords: 1, published: 1, kept: 0 });
    expect(published.map((e) => [e.detailType, e.detail.etag])).toEqual([['ComplaintFiled', complaint.etag]]);
    expect(await depth(provisioned.queueUrls.publisherFailures)).toBe(0);
  });

  it('starts an EventBridge replay of the archive window onto the bus (and only describes it on a dry run)', async () => {
    // Prepare
    const events = new EventBridgeClient({});
    const window = { from: new Date(Date.now() - 3600_000), to: new Date() };
    const names = {
      archiveName: `${provisioned.names.eventBus}-complaints`,
      busName: provisioned.names.eventBus,
    };
    // Act
    const dry = await replayArchive(events, { ...names, ...window, dryRun: true });
    const real = await replayArchive(events, { ...names, ...window, dryRun: false });
    // Assess
    expect(dry.started).toBe(false);
    expect(real).toMatchObject({ started: true });
    expect(real.archiveArn).toContain(names.archiveName);
    expect(real.busArn).toContain(names.busName);
  });
});
