/**
 * General feedback and suggestions sent over WhatsApp (service 15): `FB#<id>` / `FEEDBACK`. The id is
 * derived from the inbound message, so a retried worker overwrites the same item instead of adding one.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FeedbackPort } from '../../app/whatsapp/ports.ts';
import { feedbackKey } from './keys.ts';

export const createFeedbackStore = (
  documents: DynamoDBDocumentClient,
  tableName: () => string,
): FeedbackPort => ({
  async record(feedback) {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...feedbackKey(feedback.id), kind: 'feedback', channel: 'whatsapp', ...feedback },
      }),
    );
  },
});
