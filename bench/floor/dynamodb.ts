/**
 * The floor bundle of bench/bundles.ts: a handler that only creates the DynamoDB document client (as
 * shared/runtime/common.ts does) and sends one Get. Any function that reads the table imports at least this.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export const handler = async (event: { id: string }) =>
  client.send(new GetCommand({ TableName: 'floor', Key: { pk: event.id, sk: event.id } }));
