/**
 * A handler for the local runtime's environment tests: it holds per-invocation state at module scope, as a batch
 * handler's Powertools processor does, and reports whether another invocation ran in this module instance at the
 * same time (which Lambda never does).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';

let running = 0;

export const handler = async (event: { readonly holdMs: number }) => {
  running++;
  let overlapped = running > 1;
  await sleep(event.holdMs);
  overlapped ||= running > 1;
  running--;
  return { overlapped, threadId };
};
