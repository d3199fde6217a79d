import { describe, expect, it } from 'vitest';
import { publishTimeline, type StreamChange } from '../../../shared/app/publish-timeline.ts';
import { RecordingPublisher } from '../../support/fakes.ts';

const timelineImage = (overrides: Record<string, unknown> = {}) => ({
  pk: 'C#LHR-7K3Q-F9XC',
  sk: 'T#2025-03-01T10:00:00.000Z#000001.00',
  entity: 'timeline',
  id: 'LHR-7K3Q-F9XC#2025-03-01T10:00:00.000Z#000001.00',
  etag: 'LHR-7K3Q-F9XC',
  type: 'ComplaintFiled',
  at: '2025-03-01T10:00:00.000Z',
  district: 'LHR',
  status: 'received',
  actor: { kind: 'citizen' },
  toStatus: 'received',
  data: {
    category: 'theft_robbery',
    priority: 'normal',
    channel: 'web',
    language: 'ur',
    status: 'received',
    canMessageCitizen: true,
    sensitive: false,
    phone: '+923001234567',
  },
  ...overrides,
});

const insert = (sequenceNumber: string, newImage: Record<string, unknown>): StreamChange => ({
  sequenceNumber,
  eventName: 'INSERT',
  newImage,
});

describe('publishTimeline', () => {
  it('publishes one event per new timeline item with the envelope and no unlisted fields', async () => {
    // Prepare
    const publisher = new RecordingPublisher();
    // Act
    const outcome = await publishTimeline({ publisher }, [insert('1', timelineImage())]);
    // Assess
    expect(outcome).toEqual({ published: 1, failedSequenceNumbers: [] });
    expect(publisher.published).toEqual([
      {
        detailType: 'ComplaintFiled',
        detail: {
          schemaVersion: 1,
          etag: 'LHR-7K3Q-F9XC',
          timelineItemId: 'LHR-7K3Q-F9XC#2025-03-01T10:00:00.000Z#000001.00',
          occurredAt: '2025-03-01T10:00:00.000Z',
          district: 'LHR',
          category: 'theft_robbery',
          priority: 'normal',
          channel: 'web',
          language: 'ur',
          status: 'received',
          canMessageCitizen: true,
          sensitive: false,
        },
      },
    ]);
  });

  it('ignores complaint updates, modifications and removals', async () => {
    // Prepare
    const publisher = new RecordingPublisher();
    const changes: StreamChange[] = [
      insert('1', { pk: 'C#X', sk: 'META', entity: 'complaint' }),
      { sequenceNumber: '2', eventName: 'MODIFY', newImage: timelineImage() },
      { sequenceNumber: '3', eventName: 'REMOVE' },
      insert('4', { pk: 'U#1', sk: 'SESSION' }),
    ];
    // Act
    const outcome = await publishTimeline({ publisher }, changes);
    // Assess
    expect(outcome).toEqual({ published: 0, failedSequenceNumbers: [] });
    expect(publisher.published).toHaveLength(0);
  });

  it('reports the records whose events failed, and keeps invalid items failing rather than dropping them', async () => {
    // Prepare
    const publisher = new RecordingPublisher();
    publisher.failNext = [1];
    const second = timelineImage({ id: 'second', sk: 'T#2025-03-01T10:00:01.000Z#000002.00' });
    const broken = timelineImage({ type: 'NotAnEvent' });
    // Act
    const outcome = await publishTimeline({ publisher }, [
      insert('1', timelineImage()),
      insert('2', second),
      insert('3', broken),
    ]);
    // Assess
    expect(outcome.failedSequenceNumbers.sort()).toEqual(['2', '3']);
    expect(publisher.published.map((e) => e.detail.timelineItemId)).toEqual([timelineImage().id]);
  });
});
