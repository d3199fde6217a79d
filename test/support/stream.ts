/**
 * Reading the table's stream in tests, as Lambda would deliver it: mark the end of every shard before a
 * write, then read the records written since, shaped as a Lambda DynamoDB stream event's records.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { toStreamRecord } from '../../infra/local/pollers.ts';

/** Iterators at the end of every shard of the stream: records written after this call are read from them. */
export const streamEnd = async (streamArn: string): Promise<string[]> => {
  const client = new DynamoDBStreamsClient({});
  const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  return Promise.all(
    (StreamDescription?.Shards ?? []).map(async (shard) => {
      const { ShardIterator } = await client.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'LATEST',
        }),
      );
      return ShardIterator ?? '';
    }),
  );
};

/** The records after `iterators` (from streamEnd), shaped as Lambda delivers them. */
export const readStream = async (
  streamArn: string,
  iterators: readonly string[],
): Promise<DynamoDBRecord[]> => {
  const client = new DynamoDBStreamsClient({});
  const records: DynamoDBRecord[] = [];
  for (const iterator of iterators) {
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    for (const r of page.Records ?? []) {
      records.push(toStreamRecord(r, { streamArn, region: 'ap-south-1' }));
    }
  }
  return records;
};
