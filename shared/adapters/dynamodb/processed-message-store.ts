/**
 * Exactly-once processing of inbound WhatsApp messages (`MSG#<wamid>` / `PROCESSED`), kept 8 days
 * (Meta redelivers for up to 36 hours; FIFO deduplication covers only 5 minutes).
 *
 * A message is claimed with a lease before any side effect. The engine's decision (replies and
 * commands) is then stored in the same transaction as the new session, and each command's rendered
 * replies once the command ran, so a worker that crashes anywhere resumes the same plan instead of
 * running the engine twice. `done` is final: a redelivery days later changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import * as z from '../../domain/zod.ts';
import type { ChatSession, OutgoingMessage } from '../../chat/types.ts';
import type { ClaimResult, TurnPlan } from '../../app/whatsapp/ports.ts';
import { processedMessageKey } from './keys.ts';
import { sessionItem } from './session-store.ts';

export const PROCESSED_TTL_DAYS = 8;

const storedSchema = z.looseObject({
  state: z.enum(['in_progress', 'done']),
  plan: z.optional(
    z.object({
      replies: z.array(z.looseObject({ kind: z.string() })),
      commands: z.array(z.looseObject({ kind: z.string() })),
    }),
  ),
  commandReplies: z.optional(z.record(z.string(), z.array(z.looseObject({ kind: z.string() })))),
});

const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export const createProcessedMessageStore = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
  /** How long a claim protects a message from a concurrent worker; longer than the worker's timeout. */
  leaseMs = 120_000,
) => ({
  async claim(messageId: string, now: Date): Promise<ClaimResult> {
    const owner = randomUUID();
    try {
      const { Attributes } = await documents.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: processedMessageKey(messageId),
          UpdateExpression:
            'SET #state = :inProgress, leaseUntil = :lease, leaseOwner = :owner, claimedAt = if_not_exists(claimedAt, :now), ' +
            'expiresAt = if_not_exists(expiresAt, :expires), kind = :kind ADD attempts :one',
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :nowMs)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':inProgress': 'in_progress',
            ':lease': now.getTime() + leaseMs,
            ':now': now.toISOString(),
            ':nowMs': now.getTime(),
            ':expires': epochSeconds(now) + PROCESSED_TTL_DAYS * 24 * 3600,
            ':kind': 'processedMessage',
            ':one': 1,
            ':owner': owner,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      const stored = storedSchema.parse(Attributes);
      const commandReplies = Object.fromEntries(
        Object.entries(stored.commandReplies ?? {}).map(([index, replies]) => [Number(index), replies]),
      );
      return {
        outcome: 'claimed',
        owner,
        ...(stored.plan && { plan: stored.plan as TurnPlan }),
        commandReplies: commandReplies as Record<number, OutgoingMessage[]>,
      };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const old = storedSchema.safeParse(error.Item ? unmarshallState(error.Item) : undefined);
      return old.success && old.data.state === 'done' ? { outcome: 'done' } : { outcome: 'busy' };
    }
  },

  /** Stores the engine's decision together with the session it produced, atomically. */
  async commitTurn(messageId: string, session: ChatSession, plan: TurnPlan, now: Date): Promise<void> {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName(), Item: sessionItem(session, now) } },
          {
            Update: {
              TableName: tableName(),
              Key: processedMessageKey(messageId),
              UpdateExpression: 'SET #plan = :plan, commandReplies = :empty',
              ConditionExpression: '#state = :inProgress AND attribute_not_exists(#plan)',
              ExpressionAttributeNames: { '#state': 'state', '#plan': 'plan' },
              ExpressionAttributeValues: { ':plan': plan, ':empty': {}, ':inProgress': 'in_progress' },
            },
          },
        ],
      }),
    );
  },

  async saveCommandReplies(messageId: string, index: number, replies: TurnPlan['replies']): Promise<void> {
    await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: processedMessageKey(messageId),
        UpdateExpression: 'SET commandReplies.#index = :replies',
        ConditionExpression: '#state = :inProgress',
        ExpressionAttributeNames: { '#state': 'state', '#index': String(index) },
        ExpressionAttributeValues: { ':replies': replies, ':inProgress': 'in_progress' },
      }),
    );
  },

  /** Final: the plan is dropped (it may hold message text), the id stays until the TTL. */
  async complete(messageId: string, now: Date): Promise<void> {
    await documents.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: processedMessageKey(messageId),
        UpdateExpression:
          'SET #state = :done, completedAt = :now REMOVE #plan, commandReplies, leaseUntil, leaseOwner',
        ExpressionAttributeNames: { '#state': 'state', '#plan': 'plan' },
        ExpressionAttributeValues: { ':done': 'done', ':now': now.toISOString() },
      }),
    );
  },

  /** Expires the lease now (the stored plan stays), so the queue's retry resumes the turn at once. */
  async release(messageId: string, owner: string): Promise<void> {
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: processedMessageKey(messageId),
          UpdateExpression: 'SET leaseUntil = :expired REMOVE leaseOwner',
          ConditionExpression: '#state = :inProgress AND leaseOwner = :owner',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':expired': 0, ':inProgress': 'in_progress', ':owner': owner },
        }),
      );
    } catch (error) {
      // Done meanwhile, or the lease ran out and another worker holds it now.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },
});
export type ProcessedMessageStore = ReturnType<typeof createProcessedMessageStore>;

/** ConditionalCheckFailedException.Item is in the low-level attribute-value form. */
const unmarshallState = (item: Record<string, { S?: string }>): { state?: string } => ({
  ...(item.state?.S !== undefined && { state: item.state.S }),
});
