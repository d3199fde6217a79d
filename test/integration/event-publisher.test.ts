import { beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBRecord, DynamoDBStreamEvent, Context } from 'aws-lambda';
import type { Provisioned } from '../../infra/local/provision.ts';
import { toStreamRecord } from '../../infra/local/pollers.ts';
import { provisionForTest } from '../support/aws.ts';
import { invoke, testContext, type ApiHandler } from '../support/api-events.ts';

let provisioned: Provisioned;

/** Every record currently in the table's stream, shaped as Lambda delivers them. */
const readStream = async (): Promise<DynamoDBRecord[]> => {
  const client = new DynamoDBStreamsClient({});
  const { StreamDescription } = await client.send(
    new DescribeStreamCommand({ StreamArn: provisioned.streamArn }),
  );
  const records: DynamoDBRecord[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn: provisioned.streamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    const { Records } = await client.send(new GetRecordsCommand({ ShardIterator }));
    for (const r of Records ?? [])
      records.push(toStreamRecord(r, { streamArn: provisioned.streamArn, region: 'ap-south-1' }));
  }
  return records;
};

const receiveAll = async (queueUrl: string, expected: number): Promise<Record<string, unknown>[]> => {
  const sqs = new SQSClient({});
  const bodies: Record<string, unknown>[] = [];
  for (let i = 0; i < 20 && bodies.length < expected; i++) {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const m of Messages ?? []) {
      bodies.push(JSON.parse(m.Body ?? '{}') as Record<string, unknown>);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: m.ReceiptHandle }));
    }
  }
  return bodies;
};

beforeAll(async () => {
  provisioned = await provisionForTest('pub');
});

describe('event publisher (stream → EventBridge)', () => {
  it('turns a filed complaint into one ComplaintFiled event that reaches the citizen notifications queue', async () => {
    // Prepare: file through the real handler, then take the real stream records
    const file = (await import('../../functions/file-complaint.ts')).handler as unknown as ApiHandler;
    const filed = await invoke(file, {
      method: 'POST',
      path: '/complaints',
      body: {
        complainant: { name: 'Sana Malik', phone: '03331234567' },
        district: 'FSD',
        category: 'theft_robbery',
        description: 'Thieves broke into our shop at night and took the cash box.',
      },
    });
    const records = await readStream();
    const publisher = (await import('../../functions/event-publisher.ts')).handler as unknown as (
      e: DynamoDBStreamEvent,
      c: Context,
    ) => Promise<{ batchItemFailures: unknown[] }>;
    // Act
    const response = await publisher({ Records: records }, testContext('EventPublisher'));
    const events = await receiveAll(provisioned.queueUrls.citizenNotifications, 1);
    // Assess
    expect(records.length).toBeGreaterThanOrEqual(2); // complaint + timeline item
    expect(response.batchItemFailures).toEqual([]);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ source: 'rabta.complaints', 'detail-type': 'ComplaintFiled' });
    expect(event?.detail).toMatchObject({
      schemaVersion: 1,
      etag: filed.body.etag,
      timelineItemId: expect.stringContaining(filed.body.etag),
      district: 'FSD',
      category: 'theft_robbery',
      channel: 'web',
      canMessageCitizen: true,
    });
    expect(JSON.stringify(event)).not.toMatch(/Sana|3331234567|cash box/);
  });

  it('reports a record it cannot publish as a partial batch failure', async () => {
    // Prepare: a timeline item that breaks its event schema (written by a buggy writer)
    const records = await readStream();
    const timeline = records.find((r) => r.dynamodb?.NewImage?.entity?.S === 'timeline');
    expect(timeline).toBeDefined();
    const broken = structuredClone(timeline!);
    broken.dynamodb!.SequenceNumber = '999999999';
    broken.dynamodb!.NewImage!.district = { S: '' };
    const publisher = (await import('../../functions/event-publisher.ts')).handler as unknown as (
      e: DynamoDBStreamEvent,
      c: Context,
    ) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
    // Act
    const response = await publisher({ Records: [timeline!, broken] }, testContext('EventPublisher'));
    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '999999999' }]);
  });
});
