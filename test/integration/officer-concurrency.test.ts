import { beforeAll, describe, expect, it } from 'vitest';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { handler as actHandler } from '../../functions/officer-act-on-complaint.ts';
import { makeComplaint } from '../unit/officer/fakes.ts';
import { call, claimsOf, seed, type Claims, type RequestSpec } from './officer-support.ts';
import { provisionForTest } from '../support/aws.ts';

const LHR_DPO = claimsOf('DPO', { district: 'LHR' });

let repository: ComplaintRepository;
// The suite's moto serializes DynamoDB requests as DynamoDB does (infra/local/moto_server.py); the 50
// clients below stay fully concurrent.
beforeAll(async () => {
  const provisioned = await provisionForTest('conc');
  repository = createComplaintRepository(documentClient(), () => provisioned.names.appTable);
});

const act = (c: Complaint, body: unknown, claims: Claims, version: number): RequestSpec => ({
  method: 'POST',
  route: '/officer/complaints/{etag}/actions',
  path: `/officer/complaints/${c.etag}/actions`,
  pathParameters: { etag: c.etag },
  body,
  claims,
  headers: { 'if-match': `"${version}"` },
});

describe('officer actions under concurrency', () => {
  it('50 concurrent transitions on one version: exactly one wins, the timeline holds exactly its entry', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'LHR' }, new Date());
    await seed(repository, complaint);
    // Act
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(actHandler, act(complaint, { kind: 'called_complainant', note: `Attempt ${i}` }, LHR_DPO, 1)),
      ),
    );
    // Assess
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const stored = await repository.getWithTimeline(complaint.etag);
    expect(stored?.complaint.version).toBe(2);
    const actions = stored?.timeline.filter((t) => t.type === 'ComplaintActionRecorded') ?? [];
    expect(actions).toHaveLength(1);
    const winner = results.find((r) => r.status === 200);
    expect(winner?.body.complaint.version).toBe(2);
  });

  it('20 writers racing across successive versions: each version is won once, no update lost', async () => {
    // Prepare
    const complaint = makeComplaint({ district: 'LHR' }, new Date());
    await seed(repository, complaint);
    // Act: every writer retries with the version it re-reads until it wins
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        for (;;) {
          const version = (await repository.get(complaint.etag))?.version ?? 0;
          const r = await call(
            actHandler,
            act(complaint, { kind: 'other', note: `n${i}` }, LHR_DPO, version),
          );
          if (r.status === 200) return;
          expect(r.status).toBe(412);
        }
      }),
    );
    // Assess
    const stored = await repository.getWithTimeline(complaint.etag);
    expect(stored?.complaint.version).toBe(21);
    const notes =
      stored?.timeline.filter((t) => t.type === 'ComplaintActionRecorded').map((t) => t.note) ?? [];
    expect(new Set(notes).size).toBe(20);
  }, 120_000);
});
