/**
 * EventBridge publisher: PutEvents in chunks of 10 (the API's limit), reporting which events failed
 * (entries with an ErrorCode, or a whole chunk whose call threw) so the caller can retry just those.
 */
import {
  PutEventsCommand,
  type EventBridgeClient,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import type { EventPublisher } from '../../app/ports.ts';
import { EVENT_SOURCE, type DomainEvent } from '../../schemas/events/index.ts';

export const PUT_EVENTS_CHUNK = 10;

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

export const createEventBridgePublisher = ({
  client,
  busName,
  onFailure,
}: EventBridgePublisherDeps): EventPublisher => ({
  async publish(events) {
    const failed: number[] = [];
    for (let start = 0; start < events.length; start += PUT_EVENTS_CHUNK) {
      const chunk = events.slice(start, start + PUT_EVENTS_CHUNK);
      try {
        const result = await client.send(
          new PutEventsCommand({ Entries: chunk.map((e) => toEntry(e, busName)) }),
        );
        // Entries come back in request order; a failed one has an ErrorCode instead of an EventId.
        chunk.forEach((_event, i) => {
          const entry = result.Entries?.[i];
          if (!entry || entry.ErrorCode || !entry.EventId) {
            failed.push(start + i);
            onFailure?.({
              index: start + i,
              code: entry?.ErrorCode ?? 'MissingEntry',
              message: entry?.ErrorMessage,
            });
          }
        });
      } catch (error) {
        chunk.forEach((_event, i) => {
          failed.push(start + i);
          onFailure?.({ index: start + i, code: (error as Error).name, message: (error as Error).message });
        });
      }
    }
    return { failed };
  },
});
