/**
 * AWS SDK clients, created once per process on first use. The endpoint (an emulator locally) comes
 * from AWS_ENDPOINT_URL, which the SDK reads itself: no "local vs AWS" branch here.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let dynamo: DynamoDBDocumentClient | undefined;
let eventBridge: EventBridgeClient | undefined;
let sqs: SQSClient | undefined;

export const documentClient = (): DynamoDBDocumentClient => {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return dynamo;
};

export const eventBridgeClient = (): EventBridgeClient => {
  eventBridge ??= new EventBridgeClient({});
  return eventBridge;
};

export const sqsClient = (): SQSClient => {
  sqs ??= new SQSClient({});
  return sqs;
};

let plainDynamo: DynamoDBClient | undefined;

/** The low-level client, for libraries that want one (Powertools idempotency). */
export const dynamoDbClient = (): DynamoDBClient => {
  plainDynamo ??= new DynamoDBClient({});
  return plainDynamo;
};

let cognito: CognitoIdentityProviderClient | undefined;

export const cognitoClient = (): CognitoIdentityProviderClient => {
  cognito ??= new CognitoIdentityProviderClient({});
  return cognito;
};
