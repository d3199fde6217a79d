import {
  type AttributeValue,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  DescribeStreamCommand,
} from '@aws-sdk/client-dynamodb-streams';
import {
  ChangeMessageVisibilityBatchCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_TABLE } from '../../infra/resources.ts';
import type { Provisioned } from '../../infra/local/provision.ts';
import { provisionForTest } from '../support/aws.ts';

let provisioned: Provisioned;
const ddb = () => new DynamoDBClient({});

beforeAll(async () => {
  provisioned = await provisionForTest('emu');
});

describe('local provisioning', () => {
  it('creates the application table with its stream and every index of infra/resources.ts', async () => {
    // Act
    const { Table } = await ddb().send(new DescribeTableCommand({ TableName: provisioned.names.appTable }));
    // Assess
    expect(Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      Object.keys(APP_TABLE.indexes).sort(),
    );
  });
});

describe('the emulator (infra/local/moto_server.py)', () => {
  const key = (pk: string) => ({ pk: { S: pk }, sk: { S: 'META' } });
  /** A stream reader positioned at the end of the table's stream, like the local runtime's stream poller. */
  const readerAtStreamEnd = async () => {
    const streams = new DynamoDBStreamsClient({});
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: provisioned.streamArn }),
    );
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: provisioned.streamArn,
        ShardId: StreamDescription?.Shards?.[0]?.ShardId,
        ShardIteratorType: 'LATEST',
      }),
    );
    return { streams, ShardIterator };
  };

  it('rolls a cancelled transaction back whole, updates and new items beside old ones included (it backs up only written items)', async () => {
    // Prepare
    const TableName = provisioned.names.appTable;
    await ddb().send(new PutItemCommand({ TableName, Item: { ...key('A'), n: { N: '1' } } }));
    await ddb().send(new PutItemCommand({ TableName, Item: { ...key('B'), n: { N: '1' } } }));
    // Act
    const attempt = ddb().send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Update: {
              TableName,
              Key: key('A'),
              UpdateExpression: 'SET n = :two',
              ExpressionAttributeValues: { ':two': { N: '2' } },
            },
          },
          { Put: { TableName, Item: key('C') } },
          { Put: { TableName, Item: { pk: { S: 'A' }, sk: { S: 'EXTRA' } } } },
          { Put: { TableName, Item: key('B'), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const a = await ddb().send(new GetItemCommand({ TableName, Key: key('A'), ConsistentRead: true }));
    const c = await ddb().send(new GetItemCommand({ TableName, Key: key('C'), ConsistentRead: true }));
    expect(a.Item?.n?.N).toBe('1');
    expect(c.Item).toBeUndefined();
    const partitionA = await ddb().send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :a',
        ExpressionAttributeValues: { ':a': { S: 'A' } },
        ConsistentRead: true,
      }),
    );
    expect(partitionA.Items?.map((item) => item['sk']?.S)).toEqual(['META']);
  });

  it('answers UpdateItem with the attributes as they were and as they became (it copies no item to do so)', async () => {
    // Prepare
    const TableName = provisioned.names.appTable;
    await ddb().send(
      new PutItemCommand({
        TableName,
        Item: { ...key('U'), n: { N: '1' }, kept: { S: 'same' }, entries: { L: [{ S: 'a' }] } },
      }),
    );
    const update = (ReturnValues: 'UPDATED_OLD' | 'UPDATED_NEW' | 'ALL_OLD', n: string) =>
      ddb().send(
        new UpdateItemCommand({
          TableName,
          Key: key('U'),
          UpdateExpression: 'SET n = :n, kept = :kept, entries = list_append(entries, :more)',
          ExpressionAttributeValues: { ':n': { N: n }, ':kept': { S: 'same' }, ':more': { L: [{ S: n }] } },
          ReturnValues,
        }),
      );
    // Act
    const updatedOld = await update('UPDATED_OLD', '2');
    const updatedNew = await update('UPDATED_NEW', '3');
    const allOld = await update('ALL_OLD', '4');
    // Assess
    expect(updatedOld.Attributes).toEqual({ n: { N: '1' }, entries: { L: [{ S: 'a' }] } });
    expect(updatedNew.Attributes).toEqual({
      n: { N: '3' },
      entries: { L: [{ S: 'a' }, { S: '2' }, { S: '3' }] },
    });
    expect(allOld.Attributes).toMatchObject({
      n: { N: '3' },
      kept: { S: 'same' },
      entries: { L: [{ S: 'a' }, { S: '2' }, { S: '3' }] },
    });
  });

  it('applies one update expression with new values each time, and still refuses two SET sections or a path set twice (it parses an expression once, copies it for each check and checks it at the root)', async () => {
    // Prepare
    const TableName = provisioned.names.appTable;
    const claim = (pk: string, owner: string, lease: number) =>
      ddb().send(
        new UpdateItemCommand({
          TableName,
          Key: key(pk),
          UpdateExpression:
            'SET #state = :state, leaseOwner = :owner, leaseUntil = :lease, claimedAt = if_not_exists(claimedAt, :owner) ADD attempts :one',
          ConditionExpression: 'attribute_not_exists(pk) OR leaseUntil < :lease',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':state': { S: 'in_progress' },
            ':owner': { S: owner },
            ':lease': { N: String(lease) },
            ':one': { N: '1' },
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
    const refusal = (UpdateExpression: string) =>
      ddb()
        .send(
          new UpdateItemCommand({
            TableName,
            Key: key('EXPR-refused'),
            UpdateExpression,
            ExpressionAttributeValues: { ':a': { S: 'a' }, ':b': { S: 'b' } },
          }),
        )
        .then(
          () => 'accepted',
          (error: Error) => `${error.name}: ${error.message}`,
        );
    // Act
    const first = await claim('EXPR-1', 'worker-a', 100);
    const second = await claim('EXPR-2', 'worker-b', 200);
    const again = await claim('EXPR-1', 'worker-c', 300);
    const twoSets = await refusal('SET x = :a SET y = :b');
    const setTwice = await refusal('SET x = :a, y = :b, x = :b');
    const nested = await refusal('SET m.x = :a, m = :b');
    // Assess: each call got its own values, the first claimant is kept where if_not_exists says so
    expect(first.Attributes).toMatchObject({
      leaseOwner: { S: 'worker-a' },
      leaseUntil: { N: '100' },
      attempts: { N: '1' },
    });
    expect(second.Attributes).toMatchObject({
      leaseOwner: { S: 'worker-b' },
      claimedAt: { S: 'worker-b' },
      attempts: { N: '1' },
    });
    expect(again.Attributes).toMatchObject({
      state: { S: 'in_progress' },
      leaseOwner: { S: 'worker-c' },
      leaseUntil: { N: '300' },
      claimedAt: { S: 'worker-a' },
      attempts: { N: '2' },
    });
    expect(twoSets).toMatch(/^ValidationException: .*"SET" section can only be used once/);
    expect(setTwice).toMatch(/^ValidationException: .*Two document paths overlap/);
    expect(nested).toMatch(/^ValidationException: .*Two document paths overlap/);
    const { Item } = await ddb().send(new GetItemCommand({ TableName, Key: key('EXPR-refused') }));
    expect(Item).toBeUndefined();
  });

  it('answers an index Query with exactly its partition, in index order both ways and page by page (it sorts only the matches)', async () => {
    // Prepare: complaints of three districts on the byDistrict index, written out of order, beside items
    // without index keys.
    const TableName = provisioned.names.appTable;
    const { partitionKey, sortKey } = APP_TABLE.indexes.byDistrict;
    const districts = ['IQA', 'IQB', 'IQC'];
    const written: { district: string; at: string; pk: string }[] = [];
    for (let i = 0; i < 24; i++) {
      const entry = {
        district: districts[i % 3] ?? '',
        at: `2026-11-${String(30 - ((i * 7) % 24)).padStart(2, '0')}#${i}`,
        pk: `IQ#${i}`,
      };
      written.push(entry);
      await ddb().send(
        new PutItemCommand({
          TableName,
          Item: { ...key(entry.pk), [partitionKey]: { S: entry.district }, [sortKey]: { S: entry.at } },
        }),
      );
      await ddb().send(new PutItemCommand({ TableName, Item: { pk: { S: entry.pk }, sk: { S: 'EVENT' } } }));
    }
    const pages = async (forward: boolean) => {
      const seen: string[] = [];
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await ddb().send(
          new QueryCommand({
            TableName,
            IndexName: 'byDistrict',
            KeyConditionExpression: '#p = :d',
            ExpressionAttributeNames: { '#p': partitionKey },
            ExpressionAttributeValues: { ':d': { S: 'IQB' } },
            ScanIndexForward: forward,
            Limit: 3,
            ExclusiveStartKey,
          }),
        );
        seen.push(...(page.Items ?? []).map((item) => item['pk']?.S ?? ''));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return seen;
    };
    // Act
    const forward = await pages(true);
    const backward = await pages(false);
    // Assess
    const expected = written
      .filter((entry) => entry.district === 'IQB')
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((entry) => entry.pk);
    expect(expected).toHaveLength(8);
    expect(forward).toEqual(expected);
    expect(backward).toEqual([...expected].reverse());
  });

  it('hands every kind of attribute value back as it was written (it copies plain values to JSON as they are)', async () => {
    // Prepare: every kind, empty and nested ones, Urdu text, and binary data at the top and deep inside.
    const TableName = provisioned.names.appTable;
    const bytes = new Uint8Array([0, 255, 98, 121, 116, 101, 115]);
    const item: Record<string, AttributeValue> = {
      ...key('KINDS'),
      text: { S: 'شکایت درج ہو گئی 🚓' },
      empty: { S: '' },
      number: { N: '-12.5' },
      huge: { N: '123456789012345678901234567890' },
      yes: { BOOL: true },
      no: { BOOL: false },
      nothing: { NULL: true },
      strings: { SS: ['a', 'b'] },
      numbers: { NS: ['1', '2.5'] },
      binary: { B: bytes },
      binaries: { BS: [bytes, new Uint8Array([1])] },
      list: { L: [{ S: 'x' }, { N: '1' }, { L: [] }, { NULL: true }, { M: { flag: { BOOL: false } } }] },
      map: { M: { inner: { M: { deep: { SS: ['q'] } } }, none: { M: {} }, bin: { M: { b: { B: bytes } } } } },
    };
    await ddb().send(new PutItemCommand({ TableName, Item: item }));
    // Act
    const got = await ddb().send(new GetItemCommand({ TableName, Key: key('KINDS'), ConsistentRead: true }));
    const queried = await ddb().send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'KINDS' } },
      }),
    );
    const updated = await ddb().send(
      new UpdateItemCommand({
        TableName,
        Key: key('KINDS'),
        UpdateExpression: 'SET added = :added',
        ExpressionAttributeValues: { ':added': { M: { at: { N: '1' }, off: { BOOL: false } } } },
        ReturnValues: 'ALL_NEW',
      }),
    );
    // Assess
    expect(got.Item).toEqual(item);
    expect(queried.Items).toEqual([item]);
    expect(updated.Attributes).toEqual({ ...item, added: { M: { at: { N: '1' }, off: { BOOL: false } } } });
  });

  it('hands stream records back with their keys, images, order and creation time as written (it copies plain records to JSON as they are)', async () => {
    // Prepare: a reader at the end of the stream; an item of every plain kind, then one with binary data (left
    // to moto's own walk), an update and a delete
    const TableName = provisioned.names.appTable;
    const { streams, ShardIterator } = await readerAtStreamEnd();
    const plainItem: Record<string, AttributeValue> = {
      ...key('RECORDS'),
      text: { S: 'شکایت درج ہو گئی 🚓' },
      empty: { S: '' },
      number: { N: '-12.5' },
      yes: { BOOL: true },
      nothing: { NULL: true },
      strings: { SS: ['a', 'b'] },
      numbers: { NS: ['1', '2.5'] },
      list: { L: [{ S: 'x' }, { L: [] }, { M: { flag: { BOOL: false } } }] },
      map: { M: { inner: { M: { deep: { SS: ['q'] } } }, none: { M: {} } } },
    };
    const binaryItem: Record<string, AttributeValue> = {
      ...key('RECORDS-BINARY'),
      binary: { B: new Uint8Array([0, 255, 7]) },
    };
    const before = Date.now();
    await ddb().send(new PutItemCommand({ TableName, Item: plainItem }));
    await ddb().send(new PutItemCommand({ TableName, Item: binaryItem }));
    await ddb().send(
      new UpdateItemCommand({
        TableName,
        Key: key('RECORDS'),
        UpdateExpression: 'SET added = :added REMOVE #list',
        ExpressionAttributeNames: { '#list': 'list' },
        ExpressionAttributeValues: { ':added': { N: '1' } },
      }),
    );
    await ddb().send(new DeleteItemCommand({ TableName, Key: key('RECORDS-BINARY') }));
    // Act
    const { Records = [] } = await streams.send(new GetRecordsCommand({ ShardIterator }));
    // Assess
    const { list: _removed, ...updated } = plainItem;
    expect(Records.map((r) => [r.eventName, r.dynamodb?.Keys, r.dynamodb?.NewImage])).toEqual([
      ['INSERT', key('RECORDS'), plainItem],
      ['INSERT', key('RECORDS-BINARY'), binaryItem],
      ['MODIFY', key('RECORDS'), { ...updated, added: { N: '1' } }],
      ['REMOVE', key('RECORDS-BINARY'), undefined],
    ]);
    for (const record of Records) {
      expect(record).toMatchObject({ eventSource: 'aws:dynamodb', eventVersion: '1.0' });
      expect(record.eventID).toMatch(/^\w+$/);
      expect(record.awsRegion).toMatch(/^[a-z]+-[a-z]+-\d$/);
      expect(record.dynamodb?.StreamViewType).toBe('NEW_IMAGE');
      expect(record.dynamodb?.SizeBytes).toBeGreaterThan(0);
      const created = record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? 0;
      expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
      expect(created).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const sequence = Records.map((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0'));
    expect(sequence).toEqual([...sequence].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(sequence).size).toBe(4);
  });

  it('leaves no stream record of a cancelled transaction for a reader that was already reading', async () => {
    // Prepare: a reader positioned at the end of the stream, like the local runtime's stream poller
    const TableName = provisioned.names.appTable;
    await ddb().send(new PutItemCommand({ TableName, Item: { ...key('S'), n: { N: '1' } } }));
    const { streams, ShardIterator } = await readerAtStreamEnd();
    // Act: a transaction whose first write succeeds and whose second fails its condition
    const attempt = ddb().send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName, Item: key('PHANTOM') } },
          { Put: { TableName, Item: key('S'), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    await expect(attempt).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    const { Records } = await streams.send(new GetRecordsCommand({ ShardIterator }));
    // Assess
    expect(Records ?? []).toEqual([]);
  });

  it('lets exactly one of 50 concurrent transactions conditioned on the same version win', async () => {
    // Prepare
    const TableName = provisioned.names.appTable;
    await ddb().send(new PutItemCommand({ TableName, Item: { ...key('V'), version: { N: '1' } } }));
    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        ddb().send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Update: {
                  TableName,
                  Key: key('V'),
                  UpdateExpression: 'SET version = :next',
                  ConditionExpression: 'version = :expected',
                  ExpressionAttributeValues: { ':expected': { N: '1' }, ':next': { N: '2' } },
                },
              },
              { Put: { TableName, Item: { pk: { S: 'V' }, sk: { S: `T#${i}` } } } },
            ],
          }),
        ),
      ),
    );
    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});

describe('the emulator: connections (infra/local/moto_server.py)', () => {
  /** Sends raw HTTP requests one after another on one socket; each answer is read whole before the next. */
  const oneConnection = async (requests: readonly string[]) => {
    const endpoint = new URL(process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:5000');
    const socket = connect(Number(endpoint.port), endpoint.hostname);
    let buffered = Buffer.alloc(0);
    let closed = false;
    let pieces = 0;
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      pieces += 1;
    });
    socket.on('close', () => (closed = true));
    const answers: { status: string; connection?: string; body: string; pieces: number }[] = [];
    try {
      for (const request of requests) {
        pieces = 0;
        socket.write(request);
        const deadline = Date.now() + 10_000;
        for (;;) {
          const end = buffered.indexOf('\r\n\r\n');
          const head = end >= 0 ? buffered.subarray(0, end).toString() : '';
          const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
          if (end >= 0 && buffered.length >= end + 4 + length) {
            answers.push({
              status: head.split('\r\n')[0] ?? '',
              connection: /^connection: *(.*)$/im.exec(head)?.[1],
              body: buffered.subarray(end + 4, end + 4 + length).toString(),
              pieces,
            });
            buffered = buffered.subarray(end + 4 + length);
            break;
          }
          if (closed || Date.now() > deadline) return { answers, closed };
          await sleep(10);
        }
      }
      return { answers, closed };
    } finally {
      socket.destroy();
    }
  };
  const listTables =
    'POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n' +
    'Content-Type: application/x-amz-json-1.0\r\nContent-Length: 2\r\n' +
    'Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/ap-south-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0\r\n\r\n{}';

  it('keeps a connection open from one call to the next, and a body the service leaves unread spoils nothing', async () => {
    // Arrange: a request whose body moto never reads (its dashboard data), then two SDK-like calls
    const unreadBody = 'x'.repeat(300);
    const dashboard = `GET /moto-api/data.json HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${unreadBody.length}\r\n\r\n${unreadBody}`;
    // Act
    const { answers, closed } = await oneConnection([dashboard, listTables, listTables]);
    // Assess: three answers on the one socket, none closing it
    expect(answers.map((a) => a.status)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    expect(answers.map((a) => a.connection)).toEqual([undefined, undefined, undefined]);
    expect(JSON.parse(answers[2]?.body ?? '')).toHaveProperty('TableNames');
    expect(closed).toBe(false);
  });

  it('sends each answer in one piece, so a call on a kept-open connection never waits for the last one to be acknowledged', async () => {
    // Arrange: written as a head and then a body, the body waited (Nagle) for the client's delayed acknowledgement
    const calls = Array.from({ length: 5 }, () => listTables);
    // Act
    const { answers } = await oneConnection(calls);
    // Assess: every answer whole, each read in one piece
    expect(answers.map((a) => a.status)).toEqual(calls.map(() => 'HTTP/1.1 200 OK'));
    expect(answers.map((a) => a.pieces)).toEqual(calls.map(() => 1));
  });
});

describe('the emulator: FIFO redelivery (infra/local/moto_server.py)', () => {
  it("gives a failed FIFO batch back oldest first, so a citizen's 2nd message is never passed by the 3rd", async () => {
    // Prepare: four messages of one group, received together, then failed together (as the poller does)
    const sqs = new SQSClient({});
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({
        QueueName: `${provisioned.names.stage}-order.fifo`,
        Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
      }),
    );
    for (const body of ['m1', 'm2', 'm3', 'm4']) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: 'citizen' }));
    }
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    expect(first.Messages?.map((m) => m.Body)).toEqual(['m1', 'm2', 'm3', 'm4']);
    await sqs.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: (first.Messages ?? []).map((m, i) => ({
          Id: String(i),
          ReceiptHandle: m.ReceiptHandle,
          VisibilityTimeout: 1,
        })),
      }),
    );
    await sleep(1_200);
    // Act: take them one at a time, deleting each as a successful worker would
    const order: string[] = [];
    for (let i = 0; i < 8 && order.length < 4; i++) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }),
      );
      for (const message of Messages) {
        order.push(message.Body ?? '');
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: message.ReceiptHandle }));
      }
    }
    // Assess
    expect(order).toEqual(['m1', 'm2', 'm3', 'm4']);
    sqs.destroy();
  });
});

describe('the emulator: queues under a crowd (infra/local/moto_server.py)', () => {
  const fifoQueue = async (sqs: SQSClient, name: string) =>
    (
      await sqs.send(
        new CreateQueueCommand({
          QueueName: `${provisioned.names.stage}-${name}.fifo`,
          Attributes: { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
        }),
      )
    ).QueueUrl;

  it('still counts messages for GetQueueAttributes (only there) and still deduplicates FIFO sends by content', async () => {
    // Prepare
    const sqs = new SQSClient({});
    const QueueUrl = await fifoQueue(sqs, 'counts');
    // Act
    for (const body of ['a', 'a', 'b']) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: `g-${body}` }));
    }
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'FifoQueue'],
      }),
    );
    const missingGroup = sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'c' }));
    // Assess
    expect(received.Messages?.map((m) => m.Body)).toEqual(['a']);
    expect(Attributes).toMatchObject({
      ApproximateNumberOfMessages: '1',
      ApproximateNumberOfMessagesNotVisible: '1',
      FifoQueue: 'true',
    });
    await expect(missingGroup).rejects.toThrow(/MessageGroupId/);
    sqs.destroy();
  });

  it('still ends a visibility time-out and a delay on time (moto reads its clock as a float)', async () => {
    // Prepare
    const sqs = new SQSClient({});
    const QueueUrl = (
      await sqs.send(new CreateQueueCommand({ QueueName: `${provisioned.names.stage}-clock` }))
    ).QueueUrl;
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'now' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 1 }));
    const bodies = async () =>
      (
        (
          await sqs.send(
            new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 1 }),
          )
        ).Messages ?? []
      ).map((m) => m.Body);
    // Act
    const atOnce = await bodies();
    const whileHidden = await bodies();
    await sleep(1_300);
    const afterASecond = await bodies();
    // Assess
    expect(atOnce).toEqual(['now']);
    expect(whileHidden).toEqual([]);
    expect(afterASecond.sort()).toEqual(['later', 'now']);
    sqs.destroy();
  });

  it('hands a waiting long poll the next message of a group as soon as the group is freed or a message is sent', async () => {
    // Prepare: m1 in flight, so m2 of the same group cannot be handed out yet
    const sqs = new SQSClient({});
    const QueueUrl = await fifoQueue(sqs, 'wake');
    for (const body of ['m1', 'm2']) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: body, MessageGroupId: 'citizen' }));
    }
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    // Act: a long poll waits while m1 is handled; deleting m1 frees the group, then another group's message arrives
    const waiting = sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 10 }),
    );
    await sleep(300);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle }));
    const second = await waiting;
    const waitingAgain = sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 10 }),
    );
    await sleep(300);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'other', MessageGroupId: 'another' }));
    const third = await waitingAgain;
    // Assess: both polls answered with the message (not empty at the end of their 10 s wait)
    expect(first.Messages?.map((m) => m.Body)).toEqual(['m1']);
    expect(second.Messages?.map((m) => m.Body)).toEqual(['m2']);
    expect(third.Messages?.map((m) => m.Body)).toEqual(['other']);
    sqs.destroy();
  });
});

describe('the emulator: EventBridge (infra/local/moto_server.py)', () => {
  it('delivers every event to a rule’s queue with its own detail, source and type (each JSONPath is parsed once and reused)', async () => {
    // Prepare: a rule on the stage's bus sending one source's events to a queue.
    const sqs = new SQSClient({});
    const events = new EventBridgeClient({});
    const EventBusName = provisioned.names.eventBus;
    const QueueUrl = (
      await sqs.send(new CreateQueueCommand({ QueueName: `${provisioned.names.stage}-events` }))
    ).QueueUrl;
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    const Rule = `${provisioned.names.stage}-paths`;
    await events.send(
      new PutRuleCommand({
        Name: Rule,
        EventBusName,
        EventPattern: JSON.stringify({ source: ['rabta.emulator-test'] }),
      }),
    );
    await events.send(
      new PutTargetsCommand({ Rule, EventBusName, Targets: [{ Id: 'queue', Arn: Attributes?.QueueArn }] }),
    );
    const sent = Array.from({ length: 6 }, (_, n) => ({
      type: n % 2 === 0 ? 'Even' : 'Odd',
      detail: { n, etag: `LHR-TEST-000${n}` },
    }));

    // Act: two calls, so the second reuses every path the first parsed.
    for (const half of [sent.slice(0, 3), sent.slice(3)]) {
      const { FailedEntryCount } = await events.send(
        new PutEventsCommand({
          Entries: half.map(({ type, detail }) => ({
            EventBusName,
            Source: 'rabta.emulator-test',
            DetailType: type,
            Detail: JSON.stringify(detail),
          })),
        }),
      );
      expect(FailedEntryCount).toBe(0);
    }
    const received: { type: string; detail: unknown }[] = [];
    for (let polls = 0; received.length < sent.length && polls < 10; polls++) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      for (const message of Messages) {
        const event = JSON.parse(message.Body ?? '{}') as Record<string, unknown>;
        expect(event.source).toBe('rabta.emulator-test');
        received.push({ type: String(event['detail-type']), detail: event.detail });
      }
    }

    // Assess: each event as it was sent, none mixed up with another.
    const byN = (a: { detail: unknown }, b: { detail: unknown }) =>
      (a.detail as { n: number }).n - (b.detail as { n: number }).n;
    expect(received.sort(byN)).toEqual(sent);
    sqs.destroy();
    events.destroy();
  });
});
