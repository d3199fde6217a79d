import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { createFollowUpRepository } from '../../shared/adapters/dynamodb/follow-up-repository.ts';
import { complaintKey, complaintPk } from '../../shared/adapters/dynamodb/keys.ts';
import { createSlaDueSource } from '../../shared/adapters/dynamodb/sla-index.ts';
import { runSlaSweep, type SweepDeps } from '../../shared/app/sla/sweep.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';
import { applyTransition } from '../../shared/domain/lifecycle.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { makeComplaint, officer } from '../unit/officer/fakes.ts';
import { seed } from './officer-support.ts';
import { provisionForTest } from '../support/aws.ts';

const HOUR = 3600_000;

let table: string;
let repository: ComplaintRepository;

beforeAll(async () => {
  table = (await provisionForTest('sla')).names.appTable;
  repository = createComplaintRepository(documentClient(), () => table);
});

const sweepDeps = (now: Date): SweepDeps => ({
  due: createSlaDueSource(documentClient(), () => table),
  complaints: repository,
  followUps: createFollowUpRepository(documentClient(), () => table),
  clock: { now: () => now },
});

const rawItem = async (etag: string) =>
  (await documentClient().send(new GetCommand({ TableName: table, Key: complaintKey(etag) }))).Item;

const partition = async (etag: string) =>
  (
    await documentClient().send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': complaintPk(etag) },
      }),
    )
  ).Items ?? [];

describe('SLA due index', () => {
  it('holds running clocks only: the attributes go when the clock pauses and come back when it resumes', async () => {
    // Prepare
    const now = new Date();
    const complaint = makeComplaint({ district: 'LHR', station: 'Model Town' }, now);
    await seed(repository, complaint);
    const dpo = { kind: 'officer' as const, officer: officer('DPO', { district: 'LHR' }) };
    const assigned = applyTransition(
      complaint,
      { type: 'assign', level: 'SHO', station: 'Model Town' },
      dpo,
      now,
    );
    await repository.update(assigned.complaint, 1, assigned.timeline);
    const started = applyTransition(assigned.complaint, { type: 'start' }, dpo, now);
    await repository.update(started.complaint, 2, started.timeline);
    // Act
    const running = await rawItem(complaint.etag);
    const paused = applyTransition(
      started.complaint,
      { type: 'requestCitizenInfo', note: 'Which market?' },
      dpo,
      now,
    );
    await repository.update(paused.complaint, 3, paused.timeline);
    const whilePaused = await rawItem(complaint.etag);
    // Assess
    expect(running?.slaShard).toMatch(/^SLA#[0-3]$/);
    expect(running?.slaDue).toMatch(new RegExp(`^\\d{4}-.*Z#${complaint.etag}$`));
    expect(whilePaused).not.toHaveProperty('slaShard');
    expect(whilePaused).not.toHaveProperty('slaDue');
  });
});

describe('runSlaSweep against the emulator', () => {
  it('two sweeps at the same time escalate each late complaint and open each follow-up exactly once', async () => {
    // Prepare: 12 complaints filed 25 h ago (normal priority: 24 h to first action) and 5 fresh ones
    const filed = new Date(Date.now() - 25 * HOUR);
    const late = Array.from({ length: 12 }, (_, i) =>
      makeComplaint({ district: i % 2 ? 'LHR' : 'FSD' }, filed),
    );
    const fresh = Array.from({ length: 5 }, () => makeComplaint({ district: 'LHR' }, new Date()));
    await seed(repository, ...late, ...fresh);
    const now = new Date();
    // Act
    const reports = await Promise.all([runSlaSweep(sweepDeps(now)), runSlaSweep(sweepDeps(now))]);
    // Assess
    expect(reports.reduce((n, r) => n + r.escalated, 0)).toBe(12);
    expect(reports.reduce((n, r) => n + r.followUpsOpened, 0)).toBe(12);
    for (const complaint of late) {
      const items = await partition(complaint.etag);
      expect(items.filter((i) => String(i.sk).startsWith('FU#'))).toHaveLength(1);
      expect(items.filter((i) => i.type === 'ComplaintSlaBreached')).toHaveLength(1);
      const meta = items.find((i) => i.sk === 'META');
      expect(meta?.assignment?.level).toBe('RPO');
      expect(meta?.version).toBe(2);
    }
    for (const complaint of fresh) expect((await rawItem(complaint.etag))?.version).toBe(1);
  });

  it('reads from the index only what is due, and a repeated sweep finds nothing to do', async () => {
    // Prepare: everything seeded so far has been swept
    const now = new Date();
    // Act
    const report = await runSlaSweep(sweepDeps(now));
    // Assess
    expect(report).toMatchObject({ itemsRead: 0, escalated: 0, warned: 0, failed: 0 });
  });

  it('lists the follow-ups for the right supervisors and lets the supervisor (RPO over a DPO post) act on them with a version check', async () => {
    // Prepare
    const followUps = createFollowUpRepository(documentClient(), () => table);
    const page = await followUps.list({
      districts: ['LHR'],
      filters: { state: 'open' },
      limit: 50,
      now: new Date(),
    });
    const first = page.items[0];
    if (!first) throw new Error('expected a follow-up in LHR');
    const { actOnFollowUp } = await import('../../shared/app/officer/follow-ups.ts');
    const deps = { followUps, clock: { now: () => new Date() } };
    // Act
    const acted = await actOnFollowUp(deps, {
      officer: officer('RPO', { region: 'lahore' }),
      id: first.id,
      expectedVersion: 1,
      action: { type: 'callExplanation', note: 'Explain the delay within 3 days' },
    });
    const stale = await actOnFollowUp(deps, {
      officer: officer('RPO', { region: 'lahore' }),
      id: first.id,
      expectedVersion: 1,
      action: { type: 'addNote', note: 'again' },
    }).catch((e: unknown) => e);
    // Assess
    expect(page.items.every((f) => f.district === 'LHR' && f.level === 'DPO')).toBe(true);
    expect(page.items).toHaveLength(6);
    expect(acted).toMatchObject({ state: 'explanation_called', version: 2 });
    expect(acted.history.map((h) => [h.action, h.actor.role])).toEqual([
      ['opened', undefined],
      ['callExplanation', 'RPO'],
    ]);
    expect((stale as Error).name).toBe('PreconditionFailedError');
  });
});
