/**
 * The crowd bench's ceiling (issue 13): recorded calls replayed over the table as they first met it do the work
 * they did then. Over the state they left, a conditional write fails its condition and the emulator does less.
 */
import { DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, snapshotTable, startCountingProxy, type CountingProxy } from '../../bench/aws-calls.ts';
import { provisionForTest } from '../support/aws.ts';

let endpoint = '';
let tableName = '';
let db: DynamoDBDocumentClient;
let proxy: CountingProxy;

beforeAll(async () => {
  const provisioned = await provisionForTest('replay');
  endpoint = process.env.AWS_ENDPOINT_URL ?? '';
  tableName = provisioned.names.appTable;
  db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }));
  proxy = await startCountingProxy(endpoint);
});

afterAll(async () => {
  await proxy.stop();
  db.destroy();
});

const items = async () =>
  ((await db.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }))).Items ?? [])
    .map((item) => JSON.stringify(item))
    .sort();

describe('snapshotTable', () => {
  it('puts back changed and deleted items and removes new ones', async () => {
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'A', sk: '1', v: 1, list: [1, 'x'] } }));
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'B', sk: '1', v: 1 } }));
    const before = await items();
    const snapshot = await snapshotTable(endpoint, tableName);
    expect(snapshot.items).toBe(before.length);

    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'A', sk: '1' },
        UpdateExpression: 'SET v = :v REMOVE #list',
        ExpressionAttributeNames: { '#list': 'list' },
        ExpressionAttributeValues: { ':v': 2 },
      }),
    );
    await db.send(new DeleteCommand({ TableName: tableName, Key: { pk: 'B', sk: '1' } }));
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'C', sk: '1', v: 1 } }));
    expect(await items()).not.toEqual(before);

    await snapshot.restore();
    expect(await items()).toEqual(before);
  });
});

describe('replay', () => {
  it('gets the recorded answers over the restored table, not over the state the calls left', async () => {
    const snapshot = await snapshotTable(endpoint, tableName);
    const throughProxy = new DynamoDBClient({ endpoint: proxy.endpoint });
    proxy.reset();
    // A claim: the first conditional write succeeds; the same write again fails its condition.
    await throughProxy.send(
      new PutItemCommand({
        TableName: tableName,
        Item: { pk: { S: 'claim' }, sk: { S: '1' } },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    throughProxy.destroy();
    const calls = [...proxy.calls()];
    expect(calls.map((call) => [call.operation, call.answer])).toEqual([['DynamoDB_20120810.PutItem', 200]]);

    expect((await replay(endpoint, calls, 1)).sameAnswers).toBe(0);
    await snapshot.restore();
    const fresh = await replay(endpoint, calls, 1);
    expect(fresh.sameAnswers).toBe(1);
    expect(fresh.callsPerSecond).toBeGreaterThan(0);
  });
});
