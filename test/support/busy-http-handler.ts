/**
 * An HTTP handler for the gateway-thread test: it marks that it has started, then keeps its thread busy, as a
 * cold handler's SDK and logging work does under a burst.
 */
import { writeFileSync } from 'node:fs';

export const handler = (event: { readonly body?: string }) => {
  const { startedMarker, busyMs } = JSON.parse(event.body ?? '{}') as {
    startedMarker: string;
    busyMs: number;
  };
  writeFileSync(startedMarker, 'started');
  const until = performance.now() + busyMs;
  while (performance.now() < until);
  return { statusCode: 200, body: 'done' };
};
