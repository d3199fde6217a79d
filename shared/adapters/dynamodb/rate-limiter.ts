/**
 * Abuse-limit counters (`RL#<rule>#<hashed key>` / `W#<window start>`): one atomic ADD per use, a fixed window,
 * and a TTL so old windows disappear. Keys are phone numbers and client addresses: only a salted hash is stored.
 * The salt is the table name (it differs per stage, and the counters live a day at most): enough to keep the
 * stored hashes from being a lookup table of phone numbers.
 */
import { createHash } from 'node:crypto';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter, RateRule } from '../../app/ports.ts';
import { rateCounterKey } from './keys.ts';

const windowOf = (rule: RateRule, now: Date) => {
  const size = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / size) * size;
  return { start, resetAt: new Date(start + size) };
};

export const createRateLimiter = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
): RateLimiter => {
  const keyOf = (rule: RateRule, key: string, start: number) =>
    rateCounterKey(
      rule.name,
      createHash('sha256').update(`${tableName()}\n${rule.name}\n${key}`).digest('base64url'),
      start,
    );

  return {
    async hit(rule, key, now) {
      const { start, resetAt } = windowOf(rule, now);
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keyOf(rule, key, start),
          UpdateExpression: 'ADD hits :one SET expiresAt = :expires, kind = :kind',
          ExpressionAttributeValues: {
            ':one': 1,
            ':expires': Math.ceil(resetAt.getTime() / 1000) + 60,
            ':kind': 'rateCounter',
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return { count: Number(Attributes?.hits ?? 1), resetAt };
    },

    async peek(rule, key, now) {
      const { start, resetAt } = windowOf(rule, now);
      const { Item } = await documents.send(
        new GetCommand({ TableName: tableName(), Key: keyOf(rule, key, start), ConsistentRead: true }),
      );
      return { count: Number(Item?.hits ?? 0), resetAt };
    },
  };
};
