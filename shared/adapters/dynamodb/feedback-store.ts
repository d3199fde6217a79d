/**
 * General feedback and suggestions sent over WhatsApp (service 15): `FB#<id>` / `FEEDBACK`. The id is
 * derived from the inbound message, so a retried worker overwrites the same item instead of adding one.
 * Listed newest first for the CPO through gsi1 (`FEEDBACK` / `<receivedAt>#<id>`).
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../domain/zod.ts';
import type { FeedbackReader } from '../../app/officer/ports.ts';
import type { FeedbackPort, FeedbackRecord } from '../../app/whatsapp/ports.ts';
import { mergedList } from './complaint-queries.ts';
import { FEEDBACK_INDEX_PK, INDEX, feedbackIndexAttributes, feedbackKey } from './keys.ts';

const feedbackItemSchema = z.object({
  id: z.string().check(z.minLength(1)),
  citizenId: z.string(),
  language: z.string(),
  text: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
});

/** Index sort key `<receivedAt>#<id>` → the item's table key (ids hold `#` themselves). */
const feedbackKeyOfSortKey = (sk: string) => {
  const id = sk.slice(sk.indexOf('#') + 1);
  return sk.includes('#') && id.length > 0 ? feedbackKey(id) : undefined;
};

export const createFeedbackStore = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
): FeedbackPort & FeedbackReader => ({
  async record(feedback) {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...feedbackKey(feedback.id),
          ...feedbackIndexAttributes(feedback),
          kind: 'feedback',
          channel: 'whatsapp',
          ...feedback,
        },
      }),
    );
  },

  async list(query) {
    const { read: _read, ...page } = await mergedList<FeedbackRecord>({
      db: documents,
      tableName: tableName(),
      indexName: INDEX.byDistrict,
      indexKeys: { pk: 'gsi1pk', sk: 'gsi1sk' },
      partitions: [{ id: 'feedback', pk: FEEDBACK_INDEX_PK }],
      tableKeyOf: feedbackKeyOfSortKey,
      parse: (item) => feedbackItemSchema.parse(item),
      where: () => true,
      ...(query.from || query.to
        ? { range: { ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) } }
        : {}),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return page;
  },
});
