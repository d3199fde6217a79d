/**
 * A handler for the local runtime's environment test: it keeps per-invocation state at module scope, as a batch
 * handler's Powertools processor does, and reports whether another invocation ran in this module instance at the
 * same time (which Lambda never does).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Names this module instance. */
const environment = randomUUID();
let running = 0;

export const handler = async (event: { readonly holdMs: number }) => {
  running++;
  let overlapped = running > 1;
  await sleep(event.holdMs);
  overlapped ||= running > 1;
  running--;
  return { overlapped, environment };
};
