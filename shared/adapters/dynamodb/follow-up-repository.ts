/**
 * Disciplinary follow-ups (`C#<etag>` / `FU#<breach no.>`), beside their complaint. Created only inside
 * the sweep's breach transaction (create-only, so a follow-up exists exactly once per breach); updated
 * by supervisors with optimistic locking. Listed per district through gsi1 (newest first) or, with a
 * state filter, gsi3 (district + state).
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PreconditionFailedError } from '../../domain/errors.ts';
import { followUpSchema, type FollowUp } from '../../domain/follow-up.ts';
import type { FollowUpFilters, FollowUpRepository } from '../../app/officer/ports.ts';
import type { ExtraWrite } from '../../app/ports.ts';
import { sameUnitName } from '../../domain/unit-name.ts';
import { mergedList, type MergedPage } from './complaint-queries.ts';
import {
  INDEX,
  followUpDistrictPk,
  followUpDistrictStatePk,
  followUpIndexAttributes,
  followUpKey,
  type TableKey,
} from './keys.ts';
import { isConditionFailure } from './errors.ts';
import { queryItems } from './query-items.ts';

export const FOLLOW_UP_ENTITY = 'followUp';

/** `<etag>#<n>` (the domain's id) → e-tag and breach number; undefined when malformed. */
export const splitFollowUpId = (id: string): { etag: string; breachNumber: number } | undefined => {
  const match = /^([A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4})[#.](\d{1,4})$/.exec(id);
  if (!match) return undefined;
  const breachNumber = Number(match[2]);
  return breachNumber >= 1 ? { etag: match[1] as string, breachNumber } : undefined;
};

export const followUpItem = (followUp: FollowUp): Record<string, unknown> & TableKey => {
  const parts = splitFollowUpId(followUp.id);
  if (!parts) throw new TypeError(`Malformed follow-up id ${followUp.id}`);
  return {
    ...followUp,
    ...followUpIndexAttributes(followUp),
    ...followUpKey(parts.etag, parts.breachNumber),
    entity: FOLLOW_UP_ENTITY,
  };
};

export const parseFollowUpItem = (item: Record<string, unknown>): FollowUp => followUpSchema.parse(item);

/** Index sort key `<openedAt>#<etag>#<n>` → the follow-up's table key. */
const tableKeyOfSortKey = (sk: string): TableKey | undefined => {
  const parts = splitFollowUpId(sk.slice(sk.indexOf('#') + 1));
  return parts ? followUpKey(parts.etag, parts.breachNumber) : undefined;
};

const matches = (f: FollowUp, filters: FollowUpFilters): boolean =>
  (filters.state === undefined || f.state === filters.state) &&
  (filters.level === undefined || f.level === filters.level) &&
  (filters.station === undefined || sameUnitName(f.station, filters.station)) &&
  (filters.officerId === undefined || f.officerId === filters.officerId);

export const createFollowUpRepository = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
): FollowUpRepository & {
  listWithCost: (q: Parameters<FollowUpRepository['list']>[0]) => Promise<MergedPage<FollowUp>>;
} => {
  const listWithCost: (q: Parameters<FollowUpRepository['list']>[0]) => Promise<MergedPage<FollowUp>> = (
    query,
  ) => {
    const { filters } = query;
    const byState = filters.state !== undefined;
    return mergedList<FollowUp>({
      db,
      tableName: tableName(),
      indexName: byState ? INDEX.byDistrictStatus : INDEX.byDistrict,
      indexKeys: byState ? { pk: 'gsi3pk', sk: 'gsi3sk' } : { pk: 'gsi1pk', sk: 'gsi1sk' },
      partitions: query.districts.map((d) => ({
        id: d,
        pk: byState && filters.state ? followUpDistrictStatePk(d, filters.state) : followUpDistrictPk(d),
      })),
      tableKeyOf: tableKeyOfSortKey,
      parse: parseFollowUpItem,
      where: (f) => matches(f, filters) && (query.where?.(f) ?? true),
      range: { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) },
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
  };

  return {
    listWithCost,
    async list(query) {
      const { read: _read, ...page } = await listWithCost(query);
      return page;
    },

    async get(id) {
      const parts = splitFollowUpId(id);
      if (!parts) return undefined;
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName(),
          Key: followUpKey(parts.etag, parts.breachNumber),
          ConsistentRead: true,
        }),
      );
      return Item ? parseFollowUpItem(Item) : undefined;
    },

    async update(followUp, expectedVersion) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName(),
            Item: followUpItem(followUp),
            ConditionExpression: 'attribute_exists(pk) AND version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) {
          throw new PreconditionFailedError(
            `Follow-up ${followUp.id} was changed by someone else; reload it.`,
            {
              cause: error,
            },
          );
        }
        throw error;
      }
    },

    creationWrite: (followUp): ExtraWrite => ({ item: followUpItem(followUp), mode: 'create' }),

    async *openedBetween(district, from, to) {
      const items = queryItems(db, {
        TableName: tableName(),
        IndexName: INDEX.byDistrict,
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': followUpDistrictPk(district), ':from': from, ':to': to },
      });
      for await (const item of items) yield parseFollowUpItem(item);
    },
  };
};
