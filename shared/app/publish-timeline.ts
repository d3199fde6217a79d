/**
 * The outbox relay: each new timeline item in the table's stream becomes one event on the bus.
 * Only INSERTs of timeline items count (complaint updates, sessions and the rest are not events).
 * Returns the stream records that could not be published, for a partial batch failure.
 */
import { EVENT_DETAIL_SCHEMAS, type DomainEvent } from '../schemas/events/index.ts';
import { TIMELINE_ENTITY, parseTimelineItem, type TimelineEntry } from '../schemas/stored.ts';
import type { EventPublisher, Log } from './ports.ts';

/** A stream record, already unmarshalled (adapters/dynamodb/stream.ts builds these). */
export interface StreamChange {
  sequenceNumber: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage?: Record<string, unknown>;
}

export interface PublishTimelineDeps {
  publisher: EventPublisher;
  log?: Log;
}

/** The event for a timeline entry: envelope + the entry's type-specific fields, parsed (unknown fields dropped). */
export const eventOfTimelineEntry = (entry: TimelineEntry): DomainEvent => {
  const detail = {
    ...entry.data,
    ...(entry.fromStatus ? { fromStatus: entry.fromStatus } : {}),
    ...(entry.toStatus ? { toStatus: entry.toStatus } : {}),
    status: entry.status,
    schemaVersion: 1,
    etag: entry.etag,
    timelineItemId: entry.id,
    occurredAt: entry.at,
    district: entry.district,
  };
  return { detailType: entry.type, detail: EVENT_DETAIL_SCHEMAS[entry.type].parse(detail) } as DomainEvent;
};

const isNewTimelineItem = (change: StreamChange): boolean =>
  change.eventName === 'INSERT' && change.newImage?.entity === TIMELINE_ENTITY;

export const publishTimeline = async (
  deps: PublishTimelineDeps,
  changes: readonly StreamChange[],
): Promise<{ published: number; failedSequenceNumbers: string[] }> => {
  const failed: string[] = [];
  const events: DomainEvent[] = [];
  const sources: string[] = [];
  for (const change of changes.filter(isNewTimelineItem)) {
    try {
      events.push(eventOfTimelineEntry(parseTimelineItem(change.newImage)));
      sources.push(change.sequenceNumber);
    } catch (error) {
      // Our own item failed its schema: a bug, not a transient fault. Keep it failing so it is retried
      // and finally lands on the stream's failure queue instead of vanishing.
      deps.log?.error('Timeline item is not a valid event', {
        sequenceNumber: change.sequenceNumber,
        error: (error as Error).message,
      });
      failed.push(change.sequenceNumber);
    }
  }
  const { failed: failedIndexes } = events.length ? await deps.publisher.publish(events) : { failed: [] };
  for (const index of failedIndexes) {
    const sequenceNumber = sources[index];
    if (sequenceNumber !== undefined) failed.push(sequenceNumber);
  }
  return { published: events.length - failedIndexes.length, failedSequenceNumbers: failed };
};
