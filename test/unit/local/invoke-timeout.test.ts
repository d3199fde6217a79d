/**
 * A timed-out invocation in the local runtime: Lambda kills the sandbox at the deadline, a handler here goes on,
 * so an event source hears of the time-out only once the handler has stopped (its retry must not run beside it).
 */
import { describe, expect, it } from 'vitest';
import { LambdaTimeoutError, invokeFunction, type LocalFunction } from '../../../infra/local/lambda.ts';
import type { FunctionDef } from '../../../infra/topology.ts';

const OPTIONS = { region: 'ap-south-1', stage: 'unit' };

/** A handler that runs `runMs` against a 50 ms timeout and notes when it stopped. */
const slowFunction = (triggers: FunctionDef['triggers'], runMs: number, events: string[]): LocalFunction => ({
  def: { id: 'Slow', timeoutSeconds: 0.05, triggers },
  handler: async () => {
    await new Promise((r) => setTimeout(r, runMs));
    events.push('handler stopped');
    return 'late result';
  },
});

describe('invokeFunction time-out', () => {
  it('reports a queue function’s time-out only after its handler has stopped', async () => {
    // Prepare
    const events: string[] = [];
    const fn = slowFunction([{ kind: 'queue', queue: 'webhookInbound', batchSize: 10 }], 300, events);
    // Act
    const outcome = await invokeFunction(fn, {}, OPTIONS).catch((error: unknown) => {
      events.push('time-out reported');
      return error;
    });
    // Assess
    expect(outcome).toBeInstanceOf(LambdaTimeoutError);
    expect(events).toEqual(['handler stopped', 'time-out reported']);
  });

  it('answers an HTTP function’s caller at the deadline, as API Gateway would', async () => {
    // Prepare
    const events: string[] = [];
    const fn = slowFunction([{ kind: 'http', method: 'GET', path: '/slow', auth: 'public' }], 300, events);
    // Act
    const outcome = await invokeFunction(fn, {}, OPTIONS).catch((error: unknown) => {
      events.push('time-out reported');
      return error;
    });
    await new Promise((r) => setTimeout(r, 400));
    // Assess
    expect(outcome).toBeInstanceOf(LambdaTimeoutError);
    expect(events).toEqual(['time-out reported', 'handler stopped']);
  });

  it('returns the result of a handler that finishes in time', async () => {
    // Prepare
    const fn = slowFunction([{ kind: 'queue', queue: 'webhookInbound', batchSize: 10 }], 1, []);
    await expect(invokeFunction(fn, {}, OPTIONS)).resolves.toBe('late result');
  });
});
