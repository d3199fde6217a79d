/** Officers' daily digests (`DIGEST#<date>` / `<post>#<etag>`): written by the alerter, read by the digest job; kept 14 days. */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../domain/zod.ts';
import type { DigestStore } from '../../app/notify/officer-alerter.ts';
import { DIGEST_TTL_DAYS, digestKey } from './keys.ts';
import { queryItems } from './query-items.ts';

const entrySchema = z.object({
  postId: z.string().check(z.minLength(1)),
  etag: z.string().check(z.minLength(1)),
  category: z.string().check(z.minLength(1)),
  occurredAt: z.string().check(z.minLength(1)),
});

export const createDigestStore = (db: DynamoDBDocumentClient, tableName: () => string): DigestStore => ({
  async add(digestDate, entry) {
    await db.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...entrySchema.parse(entry),
          ...digestKey(digestDate, entry.postId, entry.etag),
          entity: 'digestEntry',
          expiresAt: Math.floor(Date.parse(`${digestDate}T00:00:00Z`) / 1000) + DIGEST_TTL_DAYS * 86_400,
        },
      }),
    );
  },
  async entries(digestDate) {
    const entries = [];
    for await (const item of queryItems(db, {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': digestKey(digestDate, '', '').pk },
    })) {
      const parsed = entrySchema.safeParse(item);
      if (parsed.success) entries.push(parsed.data);
    }
    return entries;
  },
});
