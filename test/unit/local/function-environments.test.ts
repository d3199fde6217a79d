/**
 * The local runtime's execution environments: like Lambda, an environment runs one invocation of a function at a
 * time. Two FIFO batches once ran in one module instance of the WhatsApp worker, each reported the other's
 * failures, and a failed message was deleted unprocessed (the fault suite's lost replies under load).
 */
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../infra/local/auth.ts';
import { createInvoker, loadFunctions } from '../../../infra/local/lambda.ts';
import type { FunctionDef } from '../../../infra/topology.ts';

const OVERLAP: FunctionDef = {
  id: 'Overlap',
  entry: 'test/support/overlap-handler.ts',
  description: 'reports whether another invocation shared its module instance',
  triggers: [{ kind: 'queue', queue: 'webhookInbound', batchSize: 10 }],
  access: {},
};

type Outcome = { overlapped: boolean; environment: string };

const overlapFunction = async () => {
  const { loaded } = await loadFunctions([OVERLAP], REPO_ROOT);
  const fn = loaded.get(OVERLAP.id);
  if (!fn) throw new Error('the overlap handler did not load');
  return fn;
};

describe('function environments', () => {
  it('gives each concurrent invocation a module instance of its own and reuses the idle ones', async () => {
    // Prepare
    const fn = await overlapFunction();
    const invoke = createInvoker({ region: 'ap-south-1', stage: 'unit' });
    // Act: four at once, then two at once
    const first = (await Promise.all(
      Array.from({ length: 4 }, () => invoke(fn, { holdMs: 100 })),
    )) as Outcome[];
    const second = (await Promise.all(
      Array.from({ length: 2 }, () => invoke(fn, { holdMs: 100 })),
    )) as Outcome[];
    // Assess
    expect([...first, ...second].filter((outcome) => outcome.overlapped)).toEqual([]);
    expect(new Set(first.map((outcome) => outcome.environment)).size).toBe(4);
    expect(new Set([...first, ...second].map((outcome) => outcome.environment)).size).toBe(4);
  });

  it('runs invocations one after another in one environment when they do not overlap', async () => {
    // Prepare
    const fn = await overlapFunction();
    const invoke = createInvoker({ region: 'ap-south-1', stage: 'unit' });
    // Act
    const outcomes: Outcome[] = [];
    for (let i = 0; i < 3; i++) outcomes.push((await invoke(fn, { holdMs: 10 })) as Outcome);
    // Assess
    expect(outcomes.filter((outcome) => outcome.overlapped)).toEqual([]);
    expect(new Set(outcomes.map((outcome) => outcome.environment)).size).toBe(1);
  });
});
