import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { APP_TABLE } from '../../infra/resources.ts';
import { provisionForTest } from '../support/aws.ts';

describe('local provisioning', () => {
  it('creates the application table with its stream and every index of infra/resources.ts', async () => {
    // Prepare
    const provisioned = await provisionForTest();
    // Act
    const { Table } = await new DynamoDBClient({}).send(
      new DescribeTableCommand({ TableName: provisioned.names.appTable }),
    );
    // Assess
    expect(Table?.StreamSpecification).toMatchObject({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      Object.keys(APP_TABLE.indexes).sort(),
    );
  });
});
