/**
 * The local runtime's execution environments: like Lambda, an environment runs one invocation of a function at a
 * time. Two FIFO batches once ran in one module instance of the WhatsApp worker, each reported the other's
 * failures, and a failed message was deleted unprocessed (the fault suite's lost replies).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFunctionEnvironments, type FunctionThread } from '../../../infra/local/function-thread.ts';
import type { FunctionDef } from '../../../infra/topology.ts';
import { REPO_ROOT } from '../../../infra/local/auth.ts';

const OVERLAP: FunctionDef = {
  id: 'Overlap',
  entry: 'test/support/overlap-handler.ts',
  description: 'reports whether another invocation shared its module instance',
  triggers: [{ kind: 'queue', queue: 'webhookInbound', batchSize: 10 }],
  access: {},
};

type Outcome = { overlapped: boolean; threadId: number };

let environments: FunctionThread | undefined;
afterEach(async () => {
  await environments?.stop();
  environments = undefined;
});

const start = async (maxPerFunction: number) => {
  environments = await startFunctionEnvironments({
    name: 'test',
    functions: [OVERLAP],
    rootDir: REPO_ROOT,
    region: 'ap-south-1',
    stage: 'unit',
    log: () => undefined,
    maxPerFunction,
  });
  return environments;
};

describe('function environments', () => {
  it('gives each concurrent invocation an environment of its own, up to the limit, and reuses them', async () => {
    // Prepare
    const pool = await start(3);
    // Act: six at once against three environments, then six more
    const first = (await Promise.all(
      Array.from({ length: 6 }, () => pool.invoke('Overlap', { holdMs: 300 })),
    )) as Outcome[];
    const second = (await Promise.all(
      Array.from({ length: 6 }, () => pool.invoke('Overlap', { holdMs: 50 })),
    )) as Outcome[];
    // Assess
    expect([...first, ...second].filter((outcome) => outcome.overlapped)).toEqual([]);
    expect(new Set(first.map((outcome) => outcome.threadId)).size).toBe(3);
    expect(new Set([...first, ...second].map((outcome) => outcome.threadId)).size).toBe(3);
  }, 60_000);

  it('makes invocations wait for the one environment when the limit is one', async () => {
    // Prepare
    const pool = await start(1);
    // Act
    const outcomes = (await Promise.all(
      Array.from({ length: 4 }, () => pool.invoke('Overlap', { holdMs: 100 })),
    )) as Outcome[];
    // Assess
    expect(outcomes.filter((outcome) => outcome.overlapped)).toEqual([]);
    expect(new Set(outcomes.map((outcome) => outcome.threadId)).size).toBe(1);
  }, 60_000);
});
