/**
 * Shared plumbing of the officer and SLA benchmarks: a moto of their own, a fresh stage, and bulk seeding
 * of complaint items (BatchWriteItem, 25 per call, a few calls in flight) exactly as the repository
 * writes them (same item builder, so the same index attributes).
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { applyEmulatorCredentials, startEmulator } from '../infra/local/emulator.ts';
import { provision } from '../infra/local/provision.ts';
import { complaintItem } from '../shared/adapters/dynamodb/complaint-repository.ts';
import type { Complaint } from '../shared/domain/complaint.ts';
import { runConcurrently } from './local.ts';

/** A fresh moto per scenario (and a client bound to it), stopped afterwards. */
export const withBenchTable = async <T>(
  prefix: string,
  use: (tableName: string, db: DynamoDBDocumentClient) => Promise<T>,
): Promise<T> => {
  applyEmulatorCredentials();
  const previous = process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_ENDPOINT_URL;
  const emulator = await startEmulator();
  process.env.AWS_ENDPOINT_URL = emulator.endpoint;
  try {
    const provisioned = await provision({ stage: `${prefix}${randomBytes(3).toString('hex')}` });
    Object.assign(process.env, provisioned.env);
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: emulator.endpoint }), {
      marshallOptions: { removeUndefinedValues: true },
    });
    return await use(provisioned.names.appTable, db);
  } finally {
    await emulator.stop();
    if (previous === undefined) delete process.env.AWS_ENDPOINT_URL;
    else process.env.AWS_ENDPOINT_URL = previous;
  }
};

export const seedComplaints = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  complaints: readonly Complaint[],
): Promise<void> => {
  const batches: Complaint[][] = [];
  for (let i = 0; i < complaints.length; i += 25) batches.push(complaints.slice(i, i + 25));
  await runConcurrently(batches.length, 8, async (index) => {
    let requests = (batches[index] ?? []).map((c) => ({ PutRequest: { Item: complaintItem(c) } }));
    while (requests.length > 0) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  });
};

export const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
