/**
 * Chat sessions (`U#<citizen>` / `SESSION`): the engine's ChatSession, kept 30 days after the last
 * message (TTL). Items read back are parsed by zod; an unreadable one counts as no session, so a
 * change of the session's shape restarts the conversation instead of failing it.
 */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../domain/zod.ts';
import type { ChatSession } from '../../chat/types.ts';
import { LANGUAGES } from '../../domain/vocabulary.ts';
import { sessionKey } from './keys.ts';

export const SESSION_TTL_DAYS = 30;

/** The fields the worker relies on are checked; the engine owns the rest of the shape (flow state). */
const storedSessionSchema = z.object({
  session: z.looseObject({
    citizenId: z.string().check(z.minLength(1)),
    language: z.enum(LANGUAGES),
    languageChosen: z.boolean(),
    lastInboundAt: z.string(),
    recentInbound: z.array(z.string()),
    updatedAt: z.string(),
  }),
});

export const sessionItem = (session: ChatSession, now: Date): Record<string, unknown> => ({
  ...sessionKey(session.citizenId),
  kind: 'chatSession',
  session,
  expiresAt: Math.floor(now.getTime() / 1000) + SESSION_TTL_DAYS * 24 * 3600,
});

export const createSessionStore = (documents: DynamoDBDocumentClient, tableName: () => string) => ({
  async load(citizenId: string): Promise<ChatSession | undefined> {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: sessionKey(citizenId), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const parsed = storedSessionSchema.safeParse(Item);
    return parsed.success ? (parsed.data.session as ChatSession) : undefined;
  },
});
