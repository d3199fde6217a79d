/**
 * The sparse, sharded SLA due index (architecture §3). Only complaints whose clock is running carry
 * `slaShard` / `slaDue`; the attributes are removed when the clock pauses or stops, so the index holds
 * open work only and a sweep reads the complaints due now, never the whole table.
 *
 * - `slaShard` = `SLA#<n>`, n = FNV-1a(etag) mod SLA_SHARD_COUNT: spreads writes over a few partitions
 *   and stays stable for a complaint's whole life.
 * - `slaDue` = `<ISO due time>#<etag>`: ISO times from `toISOString()` sort as text; the e-tag suffix
 *   keeps keys distinct and lets a sweep resume after a page.
 */
import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { APP_TABLE } from './table.ts';
import type { SlaDueSource, SweepLeases } from '../../app/officer/ports.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { parseComplaintItem } from '../../schemas/stored.ts';
import { INDEX, SLA_SHARD_COUNT, slaShardKey, sweepLeaseKey } from './keys.ts';

// The attributes themselves are derived on every complaint write by keys.ts `slaIndexAttributes`.
export { SLA_SHARD_COUNT, slaIndexAttributes, slaShardOf } from './keys.ts';

/** Upper bound of `slaDue` for "due at or before `now`": `~` sorts after every e-tag character. */
export const dueUpperBound = (now: Date): string => `${now.toISOString()}#~`;

export interface DuePage {
  /** Raw complaint items (parse them before use). */
  items: Record<string, unknown>[];
  /** Items DynamoDB read for this page (ScannedCount), for cost reporting. */
  scanned: number;
  /** Read capacity consumed when the service reports it. */
  consumedCapacity: number;
}

export interface SlaDueIndex {
  /** Every complaint due at or before `now`, shard by shard (all, or the ones given), in pages. */
  due(now: Date, options?: { pageSize?: number; shards?: readonly number[] }): AsyncGenerator<DuePage>;
}

export const createSlaDueIndex = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
  shards: number = SLA_SHARD_COUNT,
): SlaDueIndex => ({
  async *due(now, { pageSize = 100, shards: only } = {}) {
    const index = APP_TABLE.indexes.slaDue;
    for (const shard of only ?? Array.from({ length: shards }, (_, i) => i)) {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: tableName(),
            IndexName: INDEX.slaDue,
            KeyConditionExpression: '#shard = :shard AND #due <= :upper',
            ExpressionAttributeNames: { '#shard': index.partitionKey, '#due': index.sortKey },
            ExpressionAttributeValues: { ':shard': slaShardKey(shard), ':upper': dueUpperBound(now) },
            Limit: pageSize,
            ExclusiveStartKey: startKey,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        startKey = page.LastEvaluatedKey;
        yield {
          items: page.Items ?? [],
          scanned: page.ScannedCount ?? page.Count ?? 0,
          consumedCapacity: page.ConsumedCapacity?.CapacityUnits ?? 0,
        };
      } while (startKey);
    }
  },
});

/** The sweep's port: the due index's pages with their items parsed as complaints. */
export const createSlaDueSource = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
  options: { pageSize?: number; shards?: number } = {},
): SlaDueSource => {
  const index = createSlaDueIndex(documents, tableName, options.shards);
  return {
    shards: options.shards ?? SLA_SHARD_COUNT,
    async *due(now, { shards } = {}) {
      const pageOptions = {
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
        ...(shards ? { shards } : {}),
      };
      for await (const page of index.due(now, pageOptions)) {
        const complaints: Complaint[] = [];
        let malformed = 0;
        for (const item of page.items) {
          try {
            complaints.push(parseComplaintItem(item));
          } catch {
            malformed++;
          }
        }
        yield { complaints, malformed, scanned: page.scanned, consumedCapacity: page.consumedCapacity };
      }
    },
  };
};

/** One lease item per shard (`SWEEPLEASE#<n>`): owner and expiry (epoch ms), written conditionally. */
export const createSweepLeases = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
): SweepLeases => ({
  async claim(shard, owner, now, until) {
    try {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...sweepLeaseKey(shard), entity: 'sweepLease', owner, until: until.getTime() },
          ConditionExpression: 'attribute_not_exists(pk) OR #until < :now OR #owner = :owner',
          ExpressionAttributeNames: { '#until': 'until', '#owner': 'owner' },
          ExpressionAttributeValues: { ':now': now.getTime(), ':owner': owner },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },
  async release(shard, owner) {
    await documents
      .send(
        new DeleteCommand({
          TableName: tableName(),
          Key: sweepLeaseKey(shard),
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner },
        }),
      )
      .catch((error: unknown) => {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
  },
});
