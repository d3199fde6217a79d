import { describe, expect, it } from 'vitest';
import { actOnComplaint, getComplaint, listComplaints } from '../../../shared/app/officer/complaints.ts';
import { monitoring } from '../../../shared/app/officer/monitoring.ts';
import { giveFeedback } from '../../../shared/app/citizen/feedback.ts';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../../../shared/domain/errors.ts';
import type { Sla } from '../../../shared/domain/sla.ts';
import { complaintSource } from '../../../shared/app/counters.ts';
import {
  InMemoryComplaints,
  InMemoryCounters,
  T0,
  fixedClock,
  makeComplaint,
  officer,
  queriesOver,
} from './fakes.ts';
import { InMemoryForce } from '../force/fakes.ts';

const noOfficersSignedIn = { register: async () => undefined, holders: async () => [] };

const setup = () => {
  const repo = new InMemoryComplaints();
  const lahore = makeComplaint({ district: 'LHR', station: 'Model Town' });
  const faisalabad = makeComplaint({ district: 'FSD' }, new Date(T0.getTime() + 60_000));
  repo.seed(lahore, faisalabad);
  const clock = fixedClock(new Date(T0.getTime() + 3600_000));
  const queries = queriesOver(repo);
  const acting = { complaints: repo, clock, force: new InMemoryForce(), directory: noOfficersSignedIn };
  return { repo, lahore, faisalabad, clock, queries, acting };
};

describe('listComplaints', () => {
  it('reads only the districts in scope; another district asked for gives an empty list without a read', async () => {
    // Prepare
    const { clock, queries, lahore } = setup();
    const dpo = officer('DPO', { district: 'LHR' });
    // Act
    const own = await listComplaints({ queries, clock }, { officer: dpo, filters: {} });
    const other = await listComplaints({ queries, clock }, { officer: dpo, filters: { district: 'FSD' } });
    // Assess
    expect(own.items.map((c) => c.etag)).toEqual([lahore.etag]);
    expect(other.items).toEqual([]);
    expect(queries.lastDistricts).toEqual([['LHR']]);
  });

  it('refreshes the officer directory only when the list was read, never for a refused request', async () => {
    // Prepare
    const { clock, queries } = setup();
    const registered: string[] = [];
    const directory = {
      register: async (o: { id: string }) => void registered.push(o.id),
      holders: async () => [],
    };
    const refusing = {
      ...queries,
      list: async () => {
        throw new ValidationError('Invalid cursor', [{ path: 'cursor', message: 'tampered' }]);
      },
    };
    const dpo = officer('DPO', { district: 'LHR' });
    // Act
    const refused = listComplaints(
      { queries: refusing, clock, directory },
      { officer: dpo, filters: {}, cursor: 'x' },
    );
    // Assess
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    expect(registered).toEqual([]);
    await listComplaints({ queries, clock, directory }, { officer: dpo, filters: {} });
    expect(registered).toEqual([dpo.id]);
  });

  it('gives the RPO their region and the CPO the province, newest first', async () => {
    // Prepare
    const { clock, queries, lahore, faisalabad } = setup();
    // Act
    const rpo = await listComplaints(
      { queries, clock },
      { officer: officer('RPO', { region: 'faisalabad' }), filters: {} },
    );
    const cpo = await listComplaints({ queries, clock }, { officer: officer('CPO'), filters: {} });
    // Assess
    expect(rpo.items.map((c) => c.etag)).toEqual([faisalabad.etag]);
    expect(cpo.items.map((c) => c.etag)).toEqual([faisalabad.etag, lahore.etag]);
  });

  it('shows a station officer only their station and never the tracking-code hash', async () => {
    // Prepare
    const { clock, queries, lahore } = setup();
    // Act
    const mine = await listComplaints(
      { queries, clock },
      { officer: officer('SHO', { district: 'LHR', station: 'model town' }), filters: {} },
    );
    const elsewhere = await listComplaints(
      { queries, clock },
      { officer: officer('SHO', { district: 'LHR', station: 'Gulberg' }), filters: {} },
    );
    // Assess
    expect(mine.items.map((c) => c.etag)).toEqual([lahore.etag]);
    expect(mine.items[0]).not.toHaveProperty('trackingCodeHash');
    expect(elsewhere.items).toEqual([]);
  });
});

describe('getComplaint', () => {
  it('answers out of scope exactly like a missing complaint', async () => {
    // Prepare
    const { repo, lahore } = setup();
    const fsdOfficer = officer('DPO', { district: 'FSD' });
    // Act
    const outOfScope = await getComplaint(
      { complaints: repo },
      { officer: fsdOfficer, etag: lahore.etag },
    ).catch((e: unknown) => e);
    const missing = await getComplaint(
      { complaints: repo },
      { officer: fsdOfficer, etag: 'LHR-0000-0000' },
    ).catch((e: unknown) => e);
    // Assess
    expect(outOfScope).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it('gives an officer in scope the complainant contact and the timeline', async () => {
    // Prepare
    const { repo, lahore } = setup();
    // Act
    const detail = await getComplaint(
      { complaints: repo },
      { officer: officer('DPO', { district: 'LHR' }), etag: lahore.etag },
    );
    // Assess
    expect(detail.complaint.complainant.phone).toBe('+923001234567');
    expect(detail.timeline).toEqual([]);
  });
});

describe('actOnComplaint', () => {
  it('applies the command on the expected version and writes its timeline entry', async () => {
    // Prepare
    const { repo, acting, lahore } = setup();
    const dpo = officer('DPO', { district: 'LHR' });
    // Act
    const assigned = await actOnComplaint(acting, {
      officer: dpo,
      etag: lahore.etag,
      expectedVersion: 1,
      command: { type: 'assign', level: 'SHO', station: 'Model Town' },
    });
    // Assess
    expect(assigned).toMatchObject({ status: 'assigned', version: 2, assignment: { level: 'SHO' } });
    expect(
      repo.timelines.get(lahore.etag)?.map((t) => [t.type, t.actor.id, t.actor.role, t.fromStatus]),
    ).toEqual([['ComplaintAssigned', dpo.id, 'DPO', 'received']]);
  });

  it('refuses a stale version with PreconditionFailedError and changes nothing', async () => {
    // Prepare
    const { repo, acting, lahore } = setup();
    const dpo = officer('DPO', { district: 'LHR' });
    // Act
    const error = await actOnComplaint(acting, {
      officer: dpo,
      etag: lahore.etag,
      expectedVersion: 7,
      command: { type: 'assign', level: 'DPO' },
    }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(repo.updates).toBe(0);
  });

  it('answers an officer of another district with NotFoundError before any version check', async () => {
    // Prepare
    const { repo, acting, lahore } = setup();
    // Act
    const error = await actOnComplaint(acting, {
      officer: officer('DPO', { district: 'FSD' }),
      etag: lahore.etag,
      expectedVersion: 99,
      command: { type: 'recordAction', kind: 'called_complainant', note: 'Called' },
    }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(NotFoundError);
    expect(repo.updates).toBe(0);
  });
});

describe('giveFeedback', () => {
  it('closes on satisfied and reopens one level up with the reason otherwise', async () => {
    // Prepare
    const { repo, clock } = setup();
    const resolved = makeComplaint({
      status: 'resolved',
      version: 5,
      assignment: { level: 'SHO', station: 'Model Town', assignedAt: T0.toISOString() },
    });
    const other = makeComplaint({
      status: 'resolved',
      version: 5,
      assignment: { level: 'SHO', station: 'A', assignedAt: T0.toISOString() },
    });
    repo.seed(resolved, other);
    // Act
    const closed = await giveFeedback(
      { complaints: repo, clock },
      { etag: resolved.etag, identity: 'x', satisfied: true },
    );
    const reopened = await giveFeedback(
      { complaints: repo, clock },
      { etag: other.etag, identity: 'x', satisfied: false, reason: 'Nobody called me' },
    );
    const missingReason = await giveFeedback(
      { complaints: repo, clock },
      { etag: other.etag, identity: 'x', satisfied: false },
    ).catch((e: unknown) => e);
    // Assess
    expect(closed.status).toBe('closed');
    expect(reopened).toMatchObject({ status: 'reopened', heldBy: 'SDPO' });
    expect(repo.timelines.get(other.etag)?.find((t) => t.type === 'ComplaintReopened')?.reason).toBe(
      'Nobody called me',
    );
    expect(missingReason).toBeInstanceOf(ValidationError);
  });
});

describe('monitoring', () => {
  it('counts by status, open, overdue and medians per district and region; the province only for the CPO', async () => {
    // Prepare
    const { repo, clock, lahore } = setup();
    const acted = structuredClone(repo.complaints.get(lahore.etag));
    if (!acted) throw new Error('seed');
    acted.sla = {
      ...(acted.sla as Sla),
      firstActionAt: new Date(T0.getTime() + 30 * 60_000).toISOString(),
    };
    repo.complaints.set(lahore.etag, acted);
    const counters = new InMemoryCounters();
    await counters.apply(
      [...repo.complaints.values()].map((c) => {
        const source = complaintSource(`C#${c.etag}|META`, c);
        return { source, delta: source.shares };
      }),
    );
    // Act
    const cpo = await monitoring({ counters, clock }, { officer: officer('CPO') });
    const dpo = await monitoring({ counters, clock }, { officer: officer('DPO', { district: 'LHR' }) });
    // Assess
    expect(cpo.province).toMatchObject({
      total: 2,
      open: 2,
      byStatus: { received: 2 },
      medianMinutesToFirstAction: 30,
    });
    expect(dpo.province).toBeUndefined();
    expect(dpo.districts).toHaveLength(1);
    expect(dpo.districts[0]).toMatchObject({ district: 'LHR', region: 'lahore', total: 1 });
    expect(dpo.regions.map((r) => r.region)).toEqual(['lahore']);
  });

  it('counts breaches at stations named __proto__, constructor and toString like any other', async () => {
    // Prepare: the counter item of one day, as the counters consumer writes it
    const { clock } = setup();
    const counts = {
      'all|breached': 5,
      'st:__proto__|breached': 2,
      'st:constructor|breached': 1,
      'st:tostring|breached': 1,
      'st:gulberg|breached': 1,
      'off:valueOf|breached': 3,
      'off:hasOwnProperty|breached': 2,
    };
    const counters = {
      read: async (district: string) =>
        district === 'LHR'
          ? [{ district, day: clock.now().toISOString().slice(0, 10), counts, revision: 1 }]
          : [],
    };
    // Act
    const report = await monitoring({ counters, clock }, { officer: officer('CPO') });
    const breaches = JSON.parse(JSON.stringify(report.province?.breaches)) as Record<string, unknown>;
    // Assess
    expect(breaches).toEqual({
      total: 5,
      // Built from entries: a `__proto__:` literal would set the prototype instead of a key.
      byStation: Object.fromEntries([
        ['__proto__', 2],
        ['constructor', 1],
        ['tostring', 1],
        ['gulberg', 1],
      ]),
      byOfficer: { valueOf: 3, hasOwnProperty: 2 },
    });
  });
});
