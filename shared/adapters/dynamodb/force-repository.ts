/**
 * The force directory in the application table (docs/force.md, docs/data-model.md): units, posts and officer
 * records in the `FORCE` partition, postings per post (`POSTING#<post>`) and per officer (gsi1). Every
 * change set is one TransactWriteItems (at most 100 writes), so it lands whole or not at all. Postings are
 * created once and closed once (`to` set under `attribute_not_exists(to)`): history is never overwritten.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import {
  officerRecordSchema,
  postingSchema,
  type OfficerRecord,
  type Posting,
} from '../../domain/force/personnel.ts';
import {
  ForceStructure,
  postSchema,
  unitSchema,
  type Post,
  type Unit,
} from '../../domain/force/structure.ts';
import { MAX_CHANGE_WRITES, type ForceChanges, type ForceRepository } from '../../app/force/ports.ts';
import {
  FORCE_PK,
  FORCE_SK_PREFIX,
  INDEX,
  officerPostingsPk,
  officerRecordKey,
  postingIndexAttributes,
  postingKey,
  postingPk,
  postKey,
  unitKey,
} from './keys.ts';
import { queryItems } from './query-items.ts';

/** The structure changes rarely; a short cache keeps the sweep and alerter from re-reading it per complaint. */
const STRUCTURE_CACHE_MS = 10_000;

const strip = (item: Record<string, unknown>): Record<string, unknown> => {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, entity: _e, ...rest } = item;
  return rest;
};

const postingItem = (posting: Posting) => ({
  ...postingSchema.parse(posting),
  ...postingKey(posting),
  ...postingIndexAttributes(posting),
  entity: 'posting',
});

const isCancelled = (error: unknown): boolean =>
  error instanceof TransactionCanceledException ||
  (error as Error | undefined)?.name === 'TransactionCanceledException';

/** The writes of a change set, in the order the caller's messages refer to. */
export const changeWrites = (tableName: string, changes: ForceChanges) => [
  ...(changes.units ?? []).map((unit) => ({
    Put: { TableName: tableName, Item: { ...unitSchema.parse(unit), ...unitKey(unit.id), entity: 'unit' } },
  })),
  ...(changes.posts ?? []).map((post) => ({
    Put: { TableName: tableName, Item: { ...postSchema.parse(post), ...postKey(post.id), entity: 'post' } },
  })),
  ...(changes.officers ?? []).map(({ officer, expectedVersion }) => ({
    Put: {
      TableName: tableName,
      Item: {
        ...officerRecordSchema.parse(officer),
        ...officerRecordKey(officer.serviceNumber),
        entity: 'officer',
      },
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
    },
  })),
  ...(changes.openPostings ?? []).map((posting) => ({
    Put: {
      TableName: tableName,
      Item: postingItem(posting),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  })),
  ...(changes.closePostings ?? []).map((posting) => ({
    Update: {
      TableName: tableName,
      Key: postingKey(posting),
      UpdateExpression: 'SET #to = :to',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#to)',
      ExpressionAttributeNames: { '#to': 'to' },
      ExpressionAttributeValues: { ':to': posting.to },
    },
  })),
];

export const createForceRepository = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
): ForceRepository & { seed(units: readonly Unit[], posts: readonly Post[]): Promise<number> } => {
  let cached: { at: number; structure: ForceStructure } | undefined;

  const readStructure = async (): Promise<ForceStructure> => {
    const units: Unit[] = [];
    const posts: Post[] = [];
    for await (const item of queryItems(db, {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'entity IN (:unit, :post)',
      ExpressionAttributeValues: { ':pk': FORCE_PK, ':unit': 'unit', ':post': 'post' },
    })) {
      const sk = String(item.sk);
      if (sk.startsWith(FORCE_SK_PREFIX.unit)) units.push(unitSchema.parse(strip(item)));
      else if (sk.startsWith(FORCE_SK_PREFIX.post)) posts.push(postSchema.parse(strip(item)));
    }
    return new ForceStructure(units, posts);
  };

  const repository = {
    async structure() {
      if (cached && Date.now() - cached.at < STRUCTURE_CACHE_MS) return cached.structure;
      const structure = await readStructure();
      cached = { at: Date.now(), structure };
      return structure;
    },

    async postingsOfPost(postId: string) {
      const postings: Posting[] = [];
      for await (const item of queryItems(db, {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': postingPk(postId) },
        ConsistentRead: true,
      })) {
        postings.push(postingSchema.parse(strip(item)));
      }
      return postings;
    },

    async postingsOfOfficer(serviceNumber: string) {
      const postings: Posting[] = [];
      for await (const item of queryItems(db, {
        TableName: tableName(),
        IndexName: INDEX.byDistrict,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': officerPostingsPk(serviceNumber) },
      })) {
        postings.push(postingSchema.parse(strip(item)));
      }
      return postings;
    },

    async officer(serviceNumber: string) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName(),
          Key: officerRecordKey(serviceNumber),
          ConsistentRead: true,
        }),
      );
      return Item ? officerRecordSchema.parse(strip(Item)) : undefined;
    },

    async officers() {
      const officers: OfficerRecord[] = [];
      for await (const item of queryItems(db, {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': FORCE_PK, ':prefix': FORCE_SK_PREFIX.officer },
      })) {
        officers.push(officerRecordSchema.parse(strip(item)));
      }
      return officers;
    },

    async apply(changes: ForceChanges) {
      const writes = changeWrites(tableName(), changes);
      if (writes.length === 0) return;
      if (writes.length > MAX_CHANGE_WRITES) {
        throw new ValidationError(
          `This change needs ${writes.length} writes; one all-or-nothing change holds at most ${MAX_CHANGE_WRITES}`,
          [
            {
              path: '',
              message: 'split the roster (e.g. by circle or division) and import the parts in turn',
            },
          ],
        );
      }
      try {
        await db.send(new TransactWriteCommand({ TransactItems: writes }));
      } catch (error) {
        if (isCancelled(error)) {
          throw new ConflictError(
            'The directory changed meanwhile (or the item already exists); nothing was written',
            {
              cause: error,
            },
          );
        }
        throw error;
      } finally {
        cached = undefined;
      }
    },

    /** Writes the seed's units and posts that are not stored yet (never overwrites an edited one). */
    async seed(units: readonly Unit[], posts: readonly Post[]) {
      const stored = await readStructure();
      const missing = [
        ...units
          .filter((u) => !stored.unit(u.id))
          .map((u) => ({ ...unitSchema.parse(u), ...unitKey(u.id), entity: 'unit' })),
        ...posts
          .filter((p) => !stored.post(p.id))
          .map((p) => ({ ...postSchema.parse(p), ...postKey(p.id), entity: 'post' })),
      ];
      for (let i = 0; i < missing.length; i += 25) {
        let requests: Record<string, unknown>[] = missing
          .slice(i, i + 25)
          .map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
          const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
          requests = (result.UnprocessedItems?.[tableName()] ?? []) as Record<string, unknown>[];
        }
        if (requests.length > 0) throw new Error('Seeding the force structure was throttled; run it again');
      }
      cached = undefined;
      return missing.length;
    },
  };
  return repository;
};
