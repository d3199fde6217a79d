/**
 * EventBridge publisher: PutEvents in chunks of 10 (the API's limit), reporting which events failed
 * (entries with an ErrorCode, or a whole chunk whose call threw) so the caller can retry just those.
 *
 * A stream batch of 100 records is 10 calls, and after an outage the publisher must keep up with the
 * burst, so calls go out in parallel lanes. One complaint's events always share a lane and go out one per
 * call, in stream order: a citizen never hears "resolved" before "assigned" because of us. Once an event of a complaint fails, its later events in the batch are not sent but reported failed
 * too, so the retry (from the first failed record) sends them again in order.
 */
import {
  PutEventsCommand,
  type EventBridgeClient,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from '../../app/ports.ts';
import { EVENT_SOURCE, type DomainEvent } from '../../schemas/events/index.ts';

export const PUT_EVENTS_CHUNK = 10;
/** PutEvents calls in flight at once (lanes); each complaint's events stay in one lane, in order. */
export const PUT_EVENTS_CONCURRENCY = 5;

export interface EventBridgePublisherDeps {
  client: EventBridgeClient;
  busName: string;
  /** Called with the reason of each failed entry (codes only, no payloads). */
  onFailure?: (failure: { index: number; code: string; message?: string }) => void;
}

export const toEntry = (event: DomainEvent, busName: string): PutEventsRequestEntry => ({
  EventBusName: busName,
  Source: EVENT_SOURCE,
  DetailType: event.detailType,
  Detail: JSON.stringify(event.detail),
  Time: new Date(event.detail.occurredAt),
});

/**
 * Plans the calls: complaints are dealt round-robin (in order of first appearance) to at most `lanes`
 * lanes; within a lane, each event goes into the first chunk after the one holding its complaint's
 * previous event that has room. So a chunk holds at most one event per complaint, and a complaint's
 * events go out in strictly later calls of its lane, in stream order. Returns event indexes per chunk.
 */
export const planChunks = (events: readonly DomainEvent[], lanes: number): number[][][] => {
  const laneOf = new Map<string, number>();
  const lastChunkOf = new Map<string, number>();
  const plan: number[][][] = [];
  events.forEach((event, index) => {
    const key = event.detail.etag;
    const lane = laneOf.get(key) ?? laneOf.size % lanes;
    laneOf.set(key, lane);
    const chunks = (plan[lane] ??= []);
    let chunk = (lastChunkOf.get(key) ?? -1) + 1;
    while ((chunks[chunk]?.length ?? 0) >= PUT_EVENTS_CHUNK) chunk++;
    (chunks[chunk] ??= []).push(index);
    lastChunkOf.set(key, chunk);
  });
  return plan;
};

export const createEventBridgePublisher = ({
  client,
  busName,
  onFailure,
}: EventBridgePublisherDeps): EventPublisher => ({
  async publish(events) {
    const failed: number[] = [];
    const fail = (index: number, code: string, message?: string) => {
      failed.push(index);
      onFailure?.({ index, code, ...(message !== undefined ? { message } : {}) });
    };
    /** Complaints with a failed event in this batch: their later events wait for the retry. */
    const held = new Set<string>();
    const etagAt = (index: number): string => (events[index] as DomainEvent).detail.etag;
    const putChunk = async (indexes: readonly number[]): Promise<void> => {
      const sendable = indexes.filter((index) => !held.has(etagAt(index)));
      for (const index of indexes) if (held.has(etagAt(index))) fail(index, 'HeldForOrder');
      if (sendable.length === 0) return;
      try {
        const result = await client.send(
          new PutEventsCommand({
            Entries: sendable.map((index) => toEntry(events[index] as DomainEvent, busName)),
          }),
        );
        // Entries come back in request order; a failed one has an ErrorCode instead of an EventId.
        sendable.forEach((index, i) => {
          const entry = result.Entries?.[i];
          if (!entry || entry.ErrorCode || !entry.EventId) {
            fail(index, entry?.ErrorCode ?? 'MissingEntry', entry?.ErrorMessage);
            held.add(etagAt(index));
          }
        });
      } catch (error) {
        for (const index of sendable) {
          fail(index, (error as Error).name, (error as Error).message);
          held.add(etagAt(index));
        }
      }
    };
    const runLane = async (chunks: readonly number[][]): Promise<void> => {
      for (const chunk of chunks) await putChunk(chunk);
    };
    await Promise.all(planChunks(events, PUT_EVENTS_CONCURRENCY).map(runLane));
    return { failed: failed.sort((a, b) => a - b) };
  },
});
