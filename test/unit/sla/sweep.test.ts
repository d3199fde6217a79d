import { describe, expect, it } from 'vitest';
import { runSlaSweep, type SweepDeps } from '../../../shared/app/sla/sweep.ts';
import { slaSchema, type Sla } from '../../../shared/domain/sla.ts';
import {
  InMemoryComplaints,
  InMemoryLeases,
  T0,
  dueSourceOver,
  fixedClock,
  followUpsOver,
  makeComplaint,
} from '../officer/fakes.ts';
import { InMemoryForce } from '../force/fakes.ts';
import type { FollowUp } from '../../../shared/domain/follow-up.ts';

const MODEL_TOWN_SHO = 'station-LHR-model-town.head';

const slaOf = (repo: InMemoryComplaints, etag: string): Sla =>
  slaSchema.parse(repo.complaints.get(etag)?.sla);

const setup = () => {
  const repo = new InMemoryComplaints();
  const clock = fixedClock();
  // theft_robbery is `normal`: 24 h to first action, warning at 18 h.
  const complaint = makeComplaint({
    assignment: { level: 'SHO', station: 'Model Town', assignedAt: T0.toISOString() },
  });
  complaint.sla = { ...(complaint.sla as Sla), level: 'SHO' };
  repo.seed(complaint);
  const force = new InMemoryForce();
  const deps: SweepDeps = {
    due: dueSourceOver(repo),
    complaints: repo,
    followUps: followUpsOver(),
    force,
    clock,
  };
  return { repo, clock, complaint, deps, force };
};

describe('runSlaSweep', () => {
  it('does nothing while nothing is due', async () => {
    // Prepare
    const { repo, clock, deps } = setup();
    clock.advanceMinutes(17 * 60);
    // Act
    const report = await runSlaSweep(deps);
    // Assess
    expect(report).toMatchObject({ itemsRead: 0, warned: 0, escalated: 0 });
    expect(repo.updates).toBe(0);
  });

  it('warns the holder once at 75% of the allowed time', async () => {
    // Prepare
    const { repo, clock, complaint, deps } = setup();
    clock.advanceMinutes(18 * 60 + 1);
    // Act
    const first = await runSlaSweep(deps);
    const second = await runSlaSweep(deps);
    // Assess
    expect(first.warned).toBe(1);
    expect(second.warned).toBe(0);
    const timeline = repo.timelines.get(complaint.etag) ?? [];
    expect(timeline.map((t) => t.type)).toEqual(['ComplaintSlaWarning']);
    expect(slaOf(repo, complaint.etag).warned).toBe(true);
  });

  it('escalates one level up once per breach, opens the follow-up in the same write and sets the next due time', async () => {
    // Prepare
    const { repo, clock, complaint, deps } = setup();
    clock.advanceMinutes(24 * 60 + 1);
    // Act
    const first = await runSlaSweep(deps);
    const again = await runSlaSweep(deps);
    // Assess
    expect(first).toMatchObject({ escalated: 1, followUpsOpened: 1 });
    expect(again.escalated).toBe(0);
    const stored = repo.complaints.get(complaint.etag);
    expect(stored?.assignment?.level).toBe('SDPO');
    const sla = slaOf(repo, complaint.etag);
    expect(sla.level).toBe('SDPO');
    expect(sla.breaches).toHaveLength(1);
    expect(new Date(sla.dueAt ?? 0).getTime()).toBe(clock.now().getTime() + 24 * 3600_000);
    const followUps = [...repo.extra.values()];
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({
      etag: complaint.etag,
      level: 'SHO',
      station: 'Model Town',
      state: 'open',
    });
    expect((repo.timelines.get(complaint.etag) ?? []).map((t) => t.type)).toEqual(['ComplaintSlaBreached']);
  });

  it('climbs the chain SDPO → SP division → CCPO → IG cell on successive breaches, one follow-up each', async () => {
    // Prepare
    const { repo, clock, complaint, deps } = setup();
    // Act
    const levels: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advanceMinutes(24 * 60 + 1);
      await runSlaSweep(deps);
      levels.push(slaOf(repo, complaint.etag).level);
    }
    // Assess
    expect(levels).toEqual(['SDPO', 'DPO', 'RPO', 'CPO', 'CPO']);
    expect(repo.extra.size).toBe(5);
    const posts = [...repo.extra.values()].map((f) => (f as FollowUp).post);
    expect(posts).toEqual([
      'Station House Officer, Model Town (Lahore)',
      'Sub-Divisional Police Officer, Model Town (Lahore)',
      'Superintendent of Police, Division, Model Town Division (Lahore)',
      'Capital City Police Officer, Lahore Capital City Police',
      'IG Complaint Cell, Central Police Office, Punjab',
    ]);
  });

  it('a breach names the officer posted when the deadline passed, even after a transfer', async () => {
    // Prepare: A holds the station until an hour after the deadline; B is posted then.
    const { repo, clock, complaint, deps, force } = setup();
    const deadline = new Date(T0.getTime() + 24 * 3600_000);
    const handover = new Date(deadline.getTime() + 3600_000).toISOString();
    force.post(
      { serviceNumber: 'PB-A-1', name: 'Asif Khan', rank: 'Inspector' },
      MODEL_TOWN_SHO,
      T0.toISOString(),
      handover,
    );
    force.post(
      { serviceNumber: 'PB-B-2', name: 'Bilal Ahmed', rank: 'Sub-Inspector' },
      MODEL_TOWN_SHO,
      handover,
    );
    clock.advanceMinutes(26 * 60); // the sweep runs after the transfer
    // Act
    await runSlaSweep(deps);
    // Assess
    const [followUp] = [...repo.extra.values()] as FollowUp[];
    expect(followUp).toMatchObject({
      etag: complaint.etag,
      postId: MODEL_TOWN_SHO,
      officerId: 'PB-A-1',
      officer: { serviceNumber: 'PB-A-1', name: 'Asif Khan', rank: 'Inspector' },
    });
    expect(followUp?.vacant).toBeUndefined();
  });

  it('a breach at a vacant post opens the follow-up against the post, flagged vacant', async () => {
    // Prepare
    const { repo, clock, deps } = setup();
    clock.advanceMinutes(24 * 60 + 1);
    // Act
    await runSlaSweep(deps);
    // Assess
    const [followUp] = [...repo.extra.values()] as FollowUp[];
    expect(followUp).toMatchObject({ postId: MODEL_TOWN_SHO, vacant: true });
    expect(followUp?.officer).toBeUndefined();
    expect(followUp?.officerId).toBeUndefined();
  });

  it('re-reads a stale index entry and does not escalate twice when another sweep won', async () => {
    // Prepare
    const { repo, clock, complaint, deps } = setup();
    clock.advanceMinutes(24 * 60 + 1);
    const staleCopy = structuredClone(repo.complaints.get(complaint.etag));
    await runSlaSweep(deps);
    // Act: a second sweep still sees the pre-escalation item (eventually consistent index)
    const report = await runSlaSweep({ ...deps, due: dueSourceOver(repo, staleCopy ? [staleCopy] : []) });
    // Assess
    expect(report).toMatchObject({ escalated: 0, lostRaces: 1 });
    expect(repo.extra.size).toBe(1);
    expect(slaOf(repo, complaint.etag).breaches).toHaveLength(1);
  });

  it('two sweeps at the same time escalate each late complaint exactly once', async () => {
    // Prepare
    const { repo, clock, deps } = setup();
    repo.seed(makeComplaint(), makeComplaint({ district: 'FSD' }));
    clock.advanceMinutes(24 * 60 + 1);
    // Act
    const [a, b] = await Promise.all([runSlaSweep(deps), runSlaSweep(deps)]);
    // Assess
    expect((a?.escalated ?? 0) + (b?.escalated ?? 0)).toBe(3);
    expect(repo.extra.size).toBe(3);
  });

  it('never touches a paused clock (awaiting the citizen)', async () => {
    // Prepare
    const { repo, clock, complaint, deps } = setup();
    const sla = slaOf(repo, complaint.etag);
    repo.complaints.set(complaint.etag, {
      ...complaint,
      status: 'awaiting_citizen',
      sla: { ...sla, pausedAt: T0.toISOString() },
    });
    clock.advanceMinutes(10 * 24 * 60);
    // Act
    const report = await runSlaSweep(deps);
    // Assess
    expect(report.escalated + report.warned).toBe(0);
  });
});

describe('bounded and overlapping sweeps', () => {
  /** 40 complaints whose first-action time ran out (a long outage). */
  const backlog = () => {
    const repo = new InMemoryComplaints();
    const clock = fixedClock();
    for (let i = 0; i < 40; i++) {
      const c = makeComplaint({
        assignment: { level: 'SHO', station: 'Model Town', assignedAt: T0.toISOString() },
      });
      c.sla = { ...(c.sla as Sla), level: 'SHO' };
      repo.seed(c);
    }
    clock.advanceMinutes(3 * 24 * 60);
    return { repo, clock };
  };

  it('stops within its time budget and the next run takes the rest', async () => {
    // Prepare: a budget of 10 complaints' worth of time
    const { repo, clock } = backlog();
    let ticks = 0;
    const deps: SweepDeps = {
      due: dueSourceOver(repo, undefined, 8),
      complaints: repo,
      followUps: followUpsOver(),
      force: new InMemoryForce(),
      clock,
      concurrency: 1,
      remainingMs: () => 10 - ticks++,
    };
    // Act
    const first = await runSlaSweep(deps);
    const rest = await runSlaSweep({ ...deps, remainingMs: undefined });
    // Assess
    expect(first.handedOver).toBe(true);
    expect(first.escalated).toBeGreaterThan(0);
    expect(first.escalated).toBeLessThan(40);
    expect(first.escalated + rest.escalated).toBe(40);
    expect(rest).toMatchObject({ handedOver: false, lostRaces: 0 });
  });

  it('overlapping sweeps with shard leases split the work: each complaint is escalated once, no lost races', async () => {
    // Prepare
    const { repo, clock } = backlog();
    const leases = new InMemoryLeases();
    const force = new InMemoryForce();
    const sweep = (owner: string) =>
      runSlaSweep({
        due: dueSourceOver(repo, undefined, 5),
        complaints: repo,
        followUps: followUpsOver(),
        force,
        clock,
        leases: { leases, owner, leaseMs: 120_000 },
      });
    // Act
    const reports = await Promise.all(['a', 'b', 'c'].map(sweep));
    // Assess
    expect(reports.reduce((n, r) => n + r.escalated, 0)).toBe(40);
    expect(reports.reduce((n, r) => n + r.lostRaces + r.nothingToDo, 0)).toBe(0);
    expect(reports.reduce((n, r) => n + r.shardsSkipped, 0)).toBeGreaterThan(0);
    expect(leases.held.size).toBe(0);
  });
});
