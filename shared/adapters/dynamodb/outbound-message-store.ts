/**
 * Outbound WhatsApp messages (`OUT#<outbound id>` / `OUT`), written BEFORE each send under a
 * deterministic id (inbound message id + reply index), so a retried worker finds the record and
 * never sends twice. Once Meta answers, `OUTW#<wamid>` points back to it for status webhooks.
 *
 * A sender first leases the `pending` record (`leaseOwner`, `leaseUntil` in epoch ms, one conditional
 * write): a concurrent copy of the same delivery finds the lease live and backs off, a crashed sender's
 * lease expires and the next attempt takes it over, and a sender that failed retryably releases it.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../domain/zod.ts';
import {
  DELIVERY_MODES,
  OUTBOUND_STATES,
  type OutboundMessagePort,
  type OutboundRecord,
  type OutboundState,
} from '../../app/whatsapp/ports.ts';
import { outboundByWamidKey, outboundMessageKey } from './keys.ts';

export const OUTBOUND_TTL_DAYS = 30;

/** Statuses only move forward; `failed` wins over everything (Meta reports it last). */
const RANK: Record<OutboundState, number> = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 9 };

const storedSchema = z.object({
  outboundId: z.string(),
  citizenId: z.string(),
  recipient: z.object({ waId: z.optional(z.string()), userId: z.optional(z.string()) }),
  state: z.enum(OUTBOUND_STATES),
  mode: z.enum(DELIVERY_MODES),
  fallbackText: z.string(),
  wamid: z.optional(z.string()),
  errorCode: z.optional(z.number()),
  failureReason: z.optional(z.string()),
});

const toRecord = (item: Record<string, unknown>): OutboundRecord => storedSchema.parse(item);

const ttl = (now: Date): number => Math.floor(now.getTime() / 1000) + OUTBOUND_TTL_DAYS * 24 * 3600;

/**
 * Longer than any function's timeout (120 s), so a live sender never loses its lease; shorter than the queues'
 * visibility timeout (360 s), so the queue's retry of a crashed sender finds the lease expired.
 */
export const SEND_LEASE_MS = 150_000;

export const createOutboundMessageStore = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
  leaseMs: number = SEND_LEASE_MS,
): OutboundMessagePort => {
  const get = async (outboundId: string): Promise<OutboundRecord | undefined> => {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: outboundMessageKey(outboundId), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : undefined;
  };

  return {
    async claim(record, now) {
      const owner = randomUUID();
      const created = {
        kind: 'outboundMessage',
        ...record,
        state: 'pending' as const,
        stateRank: RANK.pending,
        createdAt: now.toISOString(),
        expiresAt: ttl(now),
      };
      const names = Object.keys(created);
      try {
        const { Attributes } = await documents.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: outboundMessageKey(record.outboundId),
            // The first claim writes the record; a takeover keeps what the first one wrote.
            UpdateExpression: `SET ${names.map((_, i) => `#f${i} = if_not_exists(#f${i}, :f${i})`).join(', ')}, leaseOwner = :owner, leaseUntil = :until`,
            ConditionExpression:
              'attribute_not_exists(pk) OR (#state = :pending AND (attribute_not_exists(leaseUntil) OR leaseUntil < :nowMs))',
            ExpressionAttributeNames: {
              '#state': 'state',
              ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
            },
            ExpressionAttributeValues: {
              ...Object.fromEntries(
                names.map((name, i) => [`:f${i}`, created[name as keyof typeof created]]),
              ),
              ':owner': owner,
              ':until': now.getTime() + leaseMs,
              ':nowMs': now.getTime(),
              ':pending': 'pending',
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { outcome: 'claimed', record: toRecord(Attributes ?? {}), owner };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await get(record.outboundId);
        return !existing || existing.state === 'pending'
          ? { outcome: 'busy' }
          : { outcome: 'done', record: existing };
      }
    },

    async release(outboundId, owner) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: outboundMessageKey(outboundId),
            UpdateExpression: 'REMOVE leaseOwner, leaseUntil',
            ConditionExpression: 'leaseOwner = :owner',
            ExpressionAttributeValues: { ':owner': owner },
          }),
        );
      } catch (error) {
        // The lease had expired and another sender took it: theirs to finish.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    async markSent(outboundId, wamid, now) {
      await documents.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...outboundByWamidKey(wamid), kind: 'outboundAlias', outboundId, expiresAt: ttl(now) },
        }),
      );
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: outboundMessageKey(outboundId),
            UpdateExpression:
              'SET wamid = :wamid, sentAt = :now, #state = :sent, stateRank = :rank REMOVE leaseOwner, leaseUntil',
            // A status may have raced ahead of this write: never move the state backwards.
            ConditionExpression: 'stateRank < :rank',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':wamid': wamid,
              ':now': now.toISOString(),
              ':sent': 'sent',
              ':rank': RANK.sent,
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    find: get,

    async findByWamid(wamid) {
      const { Item } = await documents.send(
        new GetCommand({ TableName: tableName(), Key: outboundByWamidKey(wamid), ConsistentRead: true }),
      );
      const alias = z.object({ outboundId: z.string() }).safeParse(Item);
      return alias.success ? get(alias.data.outboundId) : undefined;
    },

    async applyStatus(outboundId, state, at, errorCode, reason) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: outboundMessageKey(outboundId),
            UpdateExpression: `SET #state = :state, stateRank = :rank, statusAt = :at${errorCode !== undefined ? ', errorCode = :code' : ''}${reason !== undefined ? ', failureReason = :reason' : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND stateRank < :rank',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':state': state,
              ':rank': RANK[state],
              ':at': at.toISOString(),
              ...(errorCode !== undefined && { ':code': errorCode }),
              ...(reason !== undefined && { ':reason': reason.slice(0, 500) }),
            },
          }),
        );
      } catch (error) {
        // A stale or repeated status: the record already says as much or more.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
};
