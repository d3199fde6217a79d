/**
 * Schedules, local edition: moto never fires EventBridge Scheduler schedules, so a timer per schedule
 * trigger invokes the function with a Scheduler-like event. `fire()` runs one now (the admin route).
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { LOCAL_ACCOUNT } from './lambda.ts';
import type { Log } from './pollers.ts';

export interface ScheduleDef {
  readonly functionId: string;
  readonly rateMinutes: number;
}

export interface Scheduler {
  /** Runs the schedule's function now and returns its result; undefined when there is no such schedule. */
  fire(functionId: string): Promise<{ result: unknown } | undefined>;
  readonly schedules: readonly (ScheduleDef & { everySeconds: number })[];
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  readonly schedules: readonly ScheduleDef[];
  readonly stage: string;
  readonly region: string;
  readonly invoke: (functionId: string, event: ScheduledEvent) => Promise<unknown>;
  /** Fires every schedule this often instead of its rate (RABTA_SCHEDULE_SECONDS), to watch SLAs move. */
  readonly everySeconds?: number;
  readonly log?: Log;
}

export const scheduledEvent = (functionId: string, stage: string, region: string): ScheduledEvent => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.scheduler',
  account: LOCAL_ACCOUNT,
  time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region,
  resources: [`arn:aws:scheduler:${region}:${LOCAL_ACCOUNT}:schedule/default/rabta-${stage}-${functionId}`],
  detail: {},
});

export const startScheduler = (options: SchedulerOptions): Scheduler => {
  const log = options.log ?? (() => undefined);
  const running = new Set<string>();
  const pending = new Set<Promise<unknown>>();
  const schedules = options.schedules.map((s) => ({
    ...s,
    everySeconds: options.everySeconds ?? s.rateMinutes * 60,
  }));

  const run = (functionId: string): Promise<unknown> => {
    const promise = options.invoke(functionId, scheduledEvent(functionId, options.stage, options.region));
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => undefined);
    return promise;
  };

  const timers = schedules.map((s) =>
    setInterval(() => {
      // A tick while the previous run is still going is skipped, so a slow sweep does not pile up locally.
      if (running.has(s.functionId)) return;
      running.add(s.functionId);
      run(s.functionId)
        .catch((error: unknown) =>
          log('scheduled function error', {
            function: s.functionId,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
        )
        .finally(() => running.delete(s.functionId));
    }, s.everySeconds * 1000),
  );

  return {
    schedules,
    fire: async (functionId) => {
      if (!schedules.some((s) => s.functionId === functionId)) return undefined;
      return { result: await run(functionId) };
    },
    stop: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...pending]);
    },
  };
};
