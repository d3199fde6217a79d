/**
 * Monitoring counters in the application table (docs/monitoring-counters.md):
 * - counter items `CNT#<district>` / `DAY#<day>` with flat numeric attributes `<dimension>|<figure>`
 *   and `revision` (bumped by every write);
 * - one `COUNTED#<source id>` item per counted complaint or follow-up: the version and contribution
 *   last applied.
 * A batch of updates goes out in as few transactions as fit (≤ 100 items, expressions under 4 KB):
 * each source's record is conditional on the version read, and the counter deltas of the
 * transaction's sources are summed per counter item.
 */
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  PutCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { CounterItem, CounterSource, CounterStore, CounterUpdate } from '../../app/counters.ts';
import { addShares, type CounterShare } from '../../domain/monitoring-counters.ts';
import { cancellationCodes } from './complaint-repository.ts';
import { counterKey, counterPk, counterSk, countedSourceKey } from './keys.ts';
import { queryItems } from './query-items.ts';

const COUNTER_ENTITY = 'counter';
const COUNTED_ENTITY = 'counted';
/** Counted-source records never expire: the next image of the item is applied against them. */
const MAX_TRANSACTION_ITEMS = 100;
/** Attributes added to one counter item per transaction (keeps the update expression well under 4 KB). */
const MAX_ATTRIBUTES_PER_ITEM = 180;

const NON_COUNT_ATTRIBUTES = new Set(['pk', 'sk', 'entity', 'district', 'day', 'revision']);

const countsOfItem = (item: Record<string, unknown>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!NON_COUNT_ATTRIBUTES.has(name) && typeof value === 'number' && value !== 0) counts[name] = value;
  }
  return counts;
};

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export const createCounterStore = (db: DynamoDBDocumentClient, tableName: () => string): CounterStore => {
  const sourcePut = (
    source: CounterSource,
    condition: { previousVersion?: number } | 'newer',
  ): TransactItem => {
    const Item = {
      ...countedSourceKey(source.id),
      entity: COUNTED_ENTITY,
      version: source.version,
      shares: source.shares,
    };
    if (condition === 'newer') {
      return {
        Put: {
          TableName: tableName(),
          Item,
          ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
          ExpressionAttributeValues: { ':version': source.version },
        },
      };
    }
    return {
      Put: {
        TableName: tableName(),
        Item,
        ...(condition.previousVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :previous',
              ExpressionAttributeValues: { ':previous': condition.previousVersion },
            }),
      },
    };
  };

  const counterUpdate = (share: CounterShare): TransactItem => {
    const names: Record<string, string> = {
      '#revision': 'revision',
      '#entity': 'entity',
      '#district': 'district',
      '#day': 'day',
    };
    const values: Record<string, unknown> = {
      ':one': 1,
      ':entity': COUNTER_ENTITY,
      ':district': share.district,
      ':day': share.day,
    };
    const adds = ['#revision :one'];
    Object.entries(share.counts).forEach(([name, n], i) => {
      names[`#c${i}`] = name;
      values[`:c${i}`] = n;
      adds.push(`#c${i} :c${i}`);
    });
    return {
      Update: {
        TableName: tableName(),
        Key: counterKey(share.district, share.day),
        UpdateExpression: `SET #entity = :entity, #district = :district, #day = :day ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  };

  /** Groups updates into transactions that fit DynamoDB's limits. */
  const chunks = (updates: readonly CounterUpdate[]): CounterUpdate[][] => {
    const result: CounterUpdate[][] = [];
    let chunk: CounterUpdate[] = [];
    let sums = new Map<string, CounterShare>();
    for (const update of updates) {
      const trial = new Map([...sums].map(([k, v]) => [k, { ...v, counts: { ...v.counts } }]));
      addShares(trial, update.delta);
      const tooBig =
        chunk.length + 1 + trial.size > MAX_TRANSACTION_ITEMS ||
        [...trial.values()].some((s) => Object.keys(s.counts).length > MAX_ATTRIBUTES_PER_ITEM);
      if (tooBig && chunk.length > 0) {
        result.push(chunk);
        chunk = [];
        sums = new Map();
        addShares(sums, update.delta);
      } else sums = trial;
      chunk.push(update);
    }
    if (chunk.length > 0) result.push(chunk);
    return result;
  };

  const applyChunk = async (chunk: readonly CounterUpdate[]): Promise<boolean> => {
    const sums = new Map<string, CounterShare>();
    for (const update of chunk) addShares(sums, update.delta);
    const items: TransactItem[] = [
      ...chunk.map((u) =>
        sourcePut(u.source, u.previousVersion === undefined ? {} : { previousVersion: u.previousVersion }),
      ),
      ...[...sums.values()].filter((s) => Object.keys(s.counts).length > 0).map(counterUpdate),
    ];
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      // Cancelled (a source moved since it was read, or a concurrent transaction): nothing was written.
      if (cancellationCodes(error)) return false;
      throw error;
    }
  };

  return {
    async applied(sourceIds) {
      const found = new Map<string, { version: number; shares: CounterShare[] }>();
      const ids = [...new Set(sourceIds)];
      for (let i = 0; i < ids.length; i += 100) {
        let keys: Record<string, unknown>[] | undefined = ids
          .slice(i, i + 100)
          .map((id): Record<string, unknown> => ({ ...countedSourceKey(id) }));
        while (keys && keys.length > 0) {
          const page: BatchGetCommandOutput = await db.send(
            new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of page.Responses?.[tableName()] ?? []) {
            const id = String(item.pk).slice('COUNTED#'.length);
            found.set(id, { version: Number(item.version), shares: (item.shares ?? []) as CounterShare[] });
          }
          keys = page.UnprocessedKeys?.[tableName()]?.Keys;
        }
      }
      return found;
    },

    async apply(updates) {
      const cancelled = new Set<string>();
      for (const chunk of chunks(updates)) {
        if (!(await applyChunk(chunk))) for (const u of chunk) cancelled.add(u.source.id);
      }
      return cancelled;
    },

    async read(district, fromDay, toDay) {
      const items: CounterItem[] = [];
      const query = queryItems(db, {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': counterPk(district),
          ':from': counterSk(fromDay),
          ':to': counterSk(toDay),
        },
      });
      for await (const item of query) {
        items.push({
          district,
          day: String(item.sk).slice('DAY#'.length),
          counts: countsOfItem(item),
          revision: Number(item.revision ?? 0),
        });
      }
      return items;
    },

    async replace(item, expectedRevision, sources) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName(),
            Item: {
              ...item.counts,
              ...counterKey(item.district, item.day),
              entity: COUNTER_ENTITY,
              district: item.district,
              day: item.day,
              revision: expectedRevision + 1,
            },
            ConditionExpression:
              expectedRevision === 0 ? 'attribute_not_exists(pk) OR revision = :r' : 'revision = :r',
            ExpressionAttributeValues: { ':r': expectedRevision },
          }),
        );
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
      // The recount includes these versions: record them, never moving a newer record back.
      for (const source of sources) {
        const put = sourcePut(source, 'newer').Put;
        if (!put) continue;
        await db.send(new PutCommand(put)).catch((error: unknown) => {
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        });
      }
      return true;
    },
  };
};
