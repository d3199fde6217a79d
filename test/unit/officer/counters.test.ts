import { describe, expect, it } from 'vitest';
import {
  applyCounterChanges,
  complaintSource,
  previousCounterDay,
  reconcileCounters,
  type CountableParsers,
} from '../../../shared/app/counters.ts';
import type { StreamChange } from '../../../shared/app/publish-timeline.ts';
import type { Complaint } from '../../../shared/domain/complaint.ts';
import type { FollowUp } from '../../../shared/domain/follow-up.ts';
import {
  addCounts,
  bucketMedian,
  complaintContribution,
  contributionDelta,
  counterDay,
  dayStart,
  daysCovering,
  emptyTally,
  timeBucket,
} from '../../../shared/domain/monitoring-counters.ts';
import type { Sla } from '../../../shared/domain/sla.ts';
import { InMemoryCounters, T0, makeComplaint } from './fakes.ts';

const parsers: CountableParsers = {
  complaint: (image) => image as unknown as Complaint,
  followUp: (image) => image as unknown as FollowUp,
};

let sequence = 0;
const changeOf = (complaint: Complaint): StreamChange => ({
  sequenceNumber: String(++sequence),
  eventName: complaint.version === 1 ? 'INSERT' : 'MODIFY',
  newImage: { ...complaint, pk: `C#${complaint.etag}`, sk: 'META', entity: 'complaint' },
});

const followUp = (complaint: Complaint, at: string): FollowUp => ({
  id: `${complaint.etag}#1`,
  etag: complaint.etag,
  district: complaint.district,
  level: 'SHO',
  phase: 'first_action',
  postKind: 'station',
  post: 'Gulberg',
  station: 'Gulberg',
  officerId: 'sho-1',
  dueAt: at,
  breachedAt: at,
  state: 'open',
  openedAt: at,
  updatedAt: at,
  version: 1,
  history: [],
});

const withVersion = (c: Complaint, version: number, changes: Partial<Complaint>): Complaint => ({
  ...c,
  ...changes,
  version,
});

describe('counter arithmetic', () => {
  it('puts durations into the bucket whose upper bound holds them', () => {
    // Act / Assess
    expect(timeBucket(0)).toBe('le15');
    expect(timeBucket(-3)).toBe('le15');
    expect(timeBucket(15)).toBe('le15');
    expect(timeBucket(15.01)).toBe('le30');
    expect(timeBucket(60)).toBe('le60');
    expect(timeBucket(1441)).toBe('le2880');
    expect(timeBucket(43200)).toBe('le43200');
    expect(timeBucket(43201)).toBe('gt43200');
  });

  it('takes the median as the bound of the bucket holding the middle value', () => {
    // Act / Assess
    expect(bucketMedian({})).toBeNull();
    expect(bucketMedian({ le30: 1 })).toBe(30);
    expect(bucketMedian({ le15: 1, le60: 1, le240: 1 })).toBe(60);
    expect(bucketMedian({ le15: 2, le60: 2 })).toBe(15);
    expect(bucketMedian({ gt43200: 3 })).toBe(43200);
  });

  it('counts days in Pakistan time and covers a 30-day period with 31 days', () => {
    // Act / Assess
    expect(counterDay('2026-03-01T18:59:59.999Z')).toBe('2026-03-01');
    expect(counterDay('2026-03-01T19:00:00.000Z')).toBe('2026-03-02');
    expect(dayStart('2026-03-02')).toBe('2026-03-01T19:00:00.000Z');
    const days = daysCovering('2026-02-01T10:00:00.000Z', '2026-03-03T10:00:00.000Z');
    expect(days).toHaveLength(31);
    expect(days[0]).toBe('2026-02-01');
    expect(days.at(-1)).toBe('2026-03-03');
    expect(daysCovering('2026-03-01T19:00:00.000Z', '2026-03-02T19:00:00.000Z')).toEqual(['2026-03-02']);
    expect(previousCounterDay(new Date('2026-03-02T01:00:00.000Z'))).toBe('2026-03-01');
  });

  it('moves a complaint between figures and keeps the rest: a delta of two contributions', () => {
    // Prepare
    const filed = makeComplaint({ station: 'Gulberg' });
    const acted = withVersion(filed, 2, {
      status: 'in_progress',
      sla: { ...(filed.sla as Sla), firstActionAt: new Date(T0.getTime() + 45 * 60_000).toISOString() },
    });
    // Act
    const [delta] = contributionDelta(complaintContribution(filed), complaintContribution(acted));
    // Assess
    expect(delta?.counts).toEqual({
      'all|s:received': -1,
      'all|s:in_progress': 1,
      'all|fa:le60': 1,
      'cat:theft_robbery|s:received': -1,
      'cat:theft_robbery|s:in_progress': 1,
      'cat:theft_robbery|fa:le60': 1,
      'st:gulberg|s:received': -1,
      'st:gulberg|s:in_progress': 1,
      'st:gulberg|fa:le60': 1,
    });
  });

  it('counts a station however it was written: "PS Gulberg" and "gulberg police station" are Gulberg', () => {
    // Prepare
    const keys = (station: string) =>
      Object.keys(complaintContribution(makeComplaint({ station }))[0]?.counts ?? {}).filter((k) =>
        k.startsWith('st:'),
      );
    // Act & Assess
    expect(keys('PS Gulberg')).toEqual(keys('Gulberg'));
    expect(keys('gulberg police station')).toEqual(keys('Gulberg'));
    expect(keys('Gulberg')).toContain('st:gulberg|filed');
    expect(keys('Police Station')).toEqual([]);
  });

  it('shows a station officer their station and an SDPO the district minus other circles', () => {
    // Prepare
    const counts = {
      'all|filed': 5,
      'st:gulberg|filed': 2,
      'ci:city|filed': 1,
      'ci:cantt|filed': 3,
      'all|breached': 2,
      'st:gulberg|breached': 1,
    };
    const station = emptyTally();
    const circle = emptyTally();
    const district = emptyTally();
    // Act
    addCounts(station, counts, { kind: 'station', station: ' Gulberg ' });
    addCounts(circle, counts, { kind: 'circle', circle: 'City' });
    addCounts(district, counts, { kind: 'district' });
    // Assess
    expect(station).toMatchObject({ total: 2, breaches: 0 });
    expect(circle).toMatchObject({ total: 2, breaches: 0 });
    expect(district).toMatchObject({ total: 5, breaches: 2, byStation: { gulberg: 1 } });
  });
});

describe('applying stream changes', () => {
  it('counts a redelivered image once and ignores an older image arriving after a newer one', async () => {
    // Prepare
    const store = new InMemoryCounters();
    const v1 = makeComplaint();
    const v2 = withVersion(v1, 2, { status: 'assigned' });
    const v3 = withVersion(v1, 3, { status: 'resolved' });
    // Act
    await applyCounterChanges({ store, parsers }, [changeOf(v1), changeOf(v1)]);
    await applyCounterChanges({ store, parsers }, [changeOf(v3)]);
    const late = await applyCounterChanges({ store, parsers }, [changeOf(v2), changeOf(v1)]);
    // Assess
    const [item] = await store.read('LHR', '2026-03-01', '2026-03-01');
    expect(item?.counts).toMatchObject({ 'all|filed': 1, 'all|s:resolved': 1 });
    expect(item?.counts['all|open']).toBeUndefined();
    expect(item?.counts['all|s:received']).toBeUndefined();
    expect(late).toMatchObject({ applied: 0, skipped: 2 });
  });

  it('counts a follow-up once on the day it was opened; reconcile then finds no drift', async () => {
    // Prepare
    const store = new InMemoryCounters();
    const complaint = makeComplaint();
    const breach = followUp(complaint, '2026-03-01T12:00:00.000Z');
    const image = { ...breach, pk: `C#${complaint.etag}`, sk: 'FU#0001', entity: 'followUp' };
    await applyCounterChanges({ store, parsers }, [
      changeOf(complaint),
      { sequenceNumber: 'a', eventName: 'INSERT', newImage: image },
      { sequenceNumber: 'b', eventName: 'INSERT', newImage: image },
    ]);
    // Act
    const report = await reconcileCounters(
      {
        store,
        complaintsFiled: async function* () {
          yield complaint;
        },
        followUpsOpened: async function* () {
          yield breach;
        },
        complaintSourceId: (c) => `C#${c.etag}|META`,
        followUpSourceId: () => `C#${complaint.etag}|FU#0001`,
      },
      { district: 'LHR', day: '2026-03-01' },
    );
    // Assess
    const [item] = await store.read('LHR', '2026-03-01', '2026-03-01');
    expect(item?.counts).toMatchObject({
      'all|breached': 1,
      'st:gulberg|breached': 1,
      'off:sho-1|breached': 1,
    });
    expect(report).toMatchObject({ itemsRecounted: 2, drift: {} });
  });

  it('reports drift against a recount and repairs it', async () => {
    // Prepare
    const store = new InMemoryCounters();
    const complaint = makeComplaint();
    const source = complaintSource(`C#${complaint.etag}|META`, complaint);
    await store.apply([{ source, delta: [...source.shares, ...source.shares] }]); // a lost-update bug, doubled
    const deps = {
      store,
      complaintsFiled: async function* () {
        yield complaint;
      },
      followUpsOpened: async function* () {},
      complaintSourceId: (c: Complaint) => `C#${c.etag}|META`,
      followUpSourceId: () => '',
    };
    // Act
    const found = await reconcileCounters(deps, { district: 'LHR', day: '2026-03-01', repair: true });
    const after = await reconcileCounters(deps, { district: 'LHR', day: '2026-03-01' });
    // Assess
    expect(found.drift).toMatchObject({ 'all|filed': 1, 'all|open': 1 });
    expect(found.repaired).toBe(true);
    expect(after.drift).toEqual({});
  });
});
