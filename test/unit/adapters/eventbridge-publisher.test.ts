import { describe, expect, it } from 'vitest';
import type { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  createEventBridgePublisher,
  planChunks,
  PUT_EVENTS_CONCURRENCY,
} from '../../../shared/adapters/eventbridge/publisher.ts';
import type { DomainEvent } from '../../../shared/schemas/events/index.ts';

/** A status change of complaint `etag`, numbered `n` in its own stream order. */
const event = (etag: string, n: number): DomainEvent =>
  ({
    detailType: 'ComplaintStatusChanged',
    detail: {
      schemaVersion: 1,
      etag,
      timelineItemId: `${etag}#${n}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
      district: 'LHR',
    },
  }) as unknown as DomainEvent;

/** An EventBridge client that answers after a short, uneven delay and records what reached the bus. */
class FakeBus {
  delivered: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  calls = 0;
  constructor(private readonly rejects: (timelineItemId: string) => boolean = () => false) {}
  client = {
    send: async (command: PutEventsCommand) => {
      this.calls++;
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      await new Promise((resolve) => setTimeout(resolve, (this.calls * 7) % 5));
      this.inFlight--;
      const entries = command.input.Entries ?? [];
      return {
        Entries: entries.map((entry) => {
          const id = (JSON.parse(entry.Detail ?? '{}') as { timelineItemId: string }).timelineItemId;
          if (this.rejects(id)) return { ErrorCode: 'InternalFailure', ErrorMessage: 'try again' };
          this.delivered.push(id);
          return { EventId: `e-${id}` };
        }),
      };
    },
  } as unknown as EventBridgeClient;
}

describe('EventBridge publisher', () => {
  it('keeps every complaint in one lane, one event per call, in order, and deals complaints across lanes', () => {
    // Prepare
    const events = [event('A', 1), event('B', 1), event('A', 2), event('C', 1), event('B', 2), event('A', 3)];
    // Act
    const plan = planChunks(events, 2);
    // Assess: lane 0 holds A and C, lane 1 holds B
    expect(plan).toEqual([
      [[0, 3], [2], [5]],
      [[1], [4]],
    ]);
  });

  it('fills chunks up to 10 events', () => {
    // Act
    const plan = planChunks(
      Array.from({ length: 25 }, (_, i) => event(`C${i}`, 1)),
      1,
    );
    // Assess
    expect(plan[0]?.map((chunk) => chunk.length)).toEqual([10, 10, 5]);
  });

  it('sends a burst in parallel calls of at most 10 events while each complaint’s events reach the bus in order', async () => {
    // Prepare: 40 complaints × 5 changes, interleaved as a stream after an outage would deliver them
    const bus = new FakeBus();
    const events: DomainEvent[] = [];
    for (let n = 1; n <= 5; n++) for (let c = 0; c < 40; c++) events.push(event(`C${c}`, n));
    const publisher = createEventBridgePublisher({ client: bus.client, busName: 'bus' });
    // Act
    const outcome = await publisher.publish(events);
    // Assess
    expect(outcome.failed).toEqual([]);
    expect(bus.delivered).toHaveLength(200);
    expect(bus.calls).toBe(25); // 5 lanes × 5 rounds: each complaint's events one per call
    expect(bus.maxInFlight).toBeGreaterThan(1);
    expect(bus.maxInFlight).toBeLessThanOrEqual(PUT_EVENTS_CONCURRENCY);
    for (let c = 0; c < 40; c++) {
      const order = bus.delivered.filter((id) => id.startsWith(`C${c}#`));
      expect(order).toEqual([1, 2, 3, 4, 5].map((n) => `C${c}#${n}`));
    }
  });

  it('holds a complaint’s later events back after one fails, so the retry sends them in order; others go on', async () => {
    // Prepare
    const bus = new FakeBus((id) => id === 'A#2');
    const events = [event('A', 1), event('B', 1), event('A', 2), event('B', 2), event('A', 3)];
    const failures: string[] = [];
    const publisher = createEventBridgePublisher({
      client: bus.client,
      busName: 'bus',
      onFailure: ({ code }) => failures.push(code),
    });
    // Act
    const outcome = await publisher.publish(events);
    // Assess
    expect(outcome.failed).toEqual([2, 4]);
    expect(bus.delivered.sort()).toEqual(['A#1', 'B#1', 'B#2']);
    expect(failures.sort()).toEqual(['HeldForOrder', 'InternalFailure']);
  });
});
