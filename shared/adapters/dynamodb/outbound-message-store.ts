/**
 * Outbound WhatsApp messages (`OUT#<outbound id>` / `OUT`), written BEFORE each send under a
 * deterministic id (inbound message id + reply index), so a retried worker finds the record and
 * never sends twice. Once Meta answers, `OUTW#<wamid>` points back to it for status webhooks.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
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
  recipient: z.object({ waId: z.string().optional(), userId: z.string().optional() }),
  state: z.enum(OUTBOUND_STATES),
  mode: z.enum(DELIVERY_MODES),
  fallbackText: z.string(),
  wamid: z.string().optional(),
  errorCode: z.number().optional(),
});

const toRecord = (item: Record<string, unknown>): OutboundRecord => storedSchema.parse(item);

const ttl = (now: Date): number => Math.floor(now.getTime() / 1000) + OUTBOUND_TTL_DAYS * 24 * 3600;

export const createOutboundMessageStore = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
): OutboundMessagePort => {
  const get = async (outboundId: string): Promise<OutboundRecord | undefined> => {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: outboundMessageKey(outboundId), ConsistentRead: true }),
    );
    return Item ? toRecord(Item) : undefined;
  };

  return {
    async begin(record, now) {
      const item = {
        ...outboundMessageKey(record.outboundId),
        kind: 'outboundMessage',
        ...record,
        state: 'pending' as const,
        stateRank: RANK.pending,
        createdAt: now.toISOString(),
        expiresAt: ttl(now),
      };
      try {
        await documents.send(
          new PutCommand({
            TableName: tableName(),
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return toRecord(item);
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const existing = await get(record.outboundId);
        if (!existing) throw error;
        return existing;
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
            UpdateExpression: 'SET wamid = :wamid, sentAt = :now, #state = :sent, stateRank = :rank',
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

    async applyStatus(outboundId, state, at, errorCode) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: outboundMessageKey(outboundId),
            UpdateExpression: `SET #state = :state, stateRank = :rank, statusAt = :at${errorCode !== undefined ? ', errorCode = :code' : ''}`,
            ConditionExpression: 'attribute_exists(pk) AND stateRank < :rank',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: {
              ':state': state,
              ':rank': RANK[state],
              ':at': at.toISOString(),
              ...(errorCode !== undefined && { ':code': errorCode }),
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
