/** Opt-ins (`OPTIN#<wa_id>` / `OPTIN`): the owner of a phone number named in a web filing replied YES. */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OptInPort } from '../../app/notify/opt-in.ts';
import { optInKey } from './keys.ts';

export const createOptInStore = (documents: DynamoDBDocumentClient, tableName: () => string): OptInPort => ({
  async isGranted(waId) {
    const { Item } = await documents.send(
      new GetCommand({ TableName: tableName(), Key: optInKey(waId), ConsistentRead: true }),
    );
    return Item !== undefined;
  },
  async grant(waId, now) {
    await documents.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...optInKey(waId), kind: 'optIn', grantedAt: now.toISOString() },
      }),
    );
  },
});
