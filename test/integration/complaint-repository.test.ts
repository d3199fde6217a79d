import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { newComplaint, type Complaint } from '../../shared/domain/complaint.ts';
import { NewComplaintInputSchema } from '../../shared/domain/complaint-input.ts';
import { ConflictError, PreconditionFailedError } from '../../shared/domain/errors.ts';
import { generateEtag } from '../../shared/domain/etag.ts';
import { DuplicateFilingError, EtagCollisionError } from '../../shared/app/errors.ts';
import { complaintFiledDraft } from '../../shared/app/file-complaint.ts';
import type { ComplaintRepository, TimelineDraft } from '../../shared/app/ports.ts';
import { createComplaintQueries } from '../../shared/adapters/dynamodb/complaint-queries.ts';
import { complaintKey } from '../../shared/adapters/dynamodb/keys.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { complaintRepository } from '../../shared/runtime/complaints.ts';
import { tableConfig } from '../../shared/runtime/config.ts';
import { provisionForTest } from '../support/aws.ts';

const input = NewComplaintInputSchema.parse({
  complainant: { name: 'Bilal Ahmed', phone: '03001234567' },
  district: 'LHR',
  category: 'theft_robbery',
  description: 'My motorcycle was stolen outside the market on Friday evening.',
});

const aComplaint = (overrides: Partial<Complaint> = {}): Complaint => ({
  ...newComplaint(input, {
    etag: generateEtag('LHR', (n) => randomBytes(n)),
    trackingCodeHash: 'scrypt$test',
    now: new Date('2025-03-01T10:00:00.000Z'),
    channel: 'web',
  }),
  ...overrides,
});

const assigned = (c: Complaint, at: string): { next: Complaint; drafts: TimelineDraft[] } => ({
  next: {
    ...c,
    status: 'assigned',
    version: c.version + 1,
    updatedAt: at,
    assignment: { level: 'SHO', station: 'Gulberg', assignedAt: at },
  },
  drafts: [
    {
      type: 'ComplaintAssigned',
      actor: { kind: 'officer', id: 'o-1', role: 'DPO' },
      at,
      fromStatus: c.status,
      toStatus: 'assigned',
      data: { level: 'SHO', station: 'Gulberg' },
    },
  ],
});

describe('complaint repository (DynamoDB)', () => {
  let repo: ComplaintRepository;
  beforeAll(async () => {
    await provisionForTest('repo');
    repo = complaintRepository();
  });

  it('creates the complaint and its first timeline entry, readable back through zod', async () => {
    // Prepare
    const complaint = aComplaint();
    // Act
    await repo.create(complaint, [complaintFiledDraft(complaint)]);
    const found = await repo.getWithTimeline(complaint.etag);
    // Assess
    expect(found?.complaint).toEqual(complaint);
    expect(found?.timeline).toHaveLength(1);
    expect(found?.timeline[0]).toMatchObject({
      type: 'ComplaintFiled',
      etag: complaint.etag,
      district: 'LHR',
      status: 'received',
    });
    expect(await repo.get(complaint.etag)).toEqual(complaint);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableConfig().tableName, Key: complaintKey(complaint.etag) }),
    );
    expect(Item).toMatchObject({
      gsi1pk: 'DIST#LHR',
      gsi2pk: 'CIT#+923001234567',
      gsi3pk: 'DIST#LHR#ST#received',
      gsi4pk: `DIST#LHR#PR#${complaint.priority}`,
    });
  });

  it('serves the priority filter from its index: every item read is one of the answer', async () => {
    // Prepare
    const district = 'KSR';
    const urgent = aComplaint({
      district,
      etag: generateEtag(district, (n) => randomBytes(n)),
      priority: 'urgent',
    });
    const others = [1, 2, 3].map(() =>
      aComplaint({ district, etag: generateEtag(district, (n) => randomBytes(n)), priority: 'low' }),
    );
    for (const c of [urgent, ...others]) await repo.create(c, [complaintFiledDraft(c)]);
    const queries = createComplaintQueries(documentClient(), () => tableConfig().tableName);
    // Act
    const page = await queries.listWithCost({
      districts: [district],
      filters: { priority: 'urgent' },
      limit: 20,
      now: new Date(),
    });
    // Assess
    expect(page.items.map((c) => c.etag)).toEqual([urgent.etag]);
    expect(page.read).toBe(1);
  });

  it('refuses a second complaint with the same e-tag and leaves the first untouched', async () => {
    // Prepare
    const first = aComplaint();
    await repo.create(first, [complaintFiledDraft(first)]);
    const clash = {
      ...aComplaint({ etag: first.etag }),
      description: 'A different complaint that happens to draw the same number.',
    };
    // Act
    const error = await repo
      .create(clash, [{ ...complaintFiledDraft(clash), at: '2025-03-01T10:00:05.000Z' }])
      .catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(EtagCollisionError);
    const found = await repo.getWithTimeline(first.etag);
    expect(found?.complaint.description).toBe(first.description);
    expect(found?.timeline).toHaveLength(1);
  });

  it('recognises a repeated filing request and names the complaint it filed first', async () => {
    // Prepare
    const first = aComplaint();
    await repo.create(first, [complaintFiledDraft(first)], { requestId: 'wamid.repeat' });
    const second = aComplaint();
    // Act
    const attempt = repo.create(second, [complaintFiledDraft(second)], { requestId: 'wamid.repeat' });
    // Assess
    await expect(attempt).rejects.toEqual(
      expect.objectContaining({ name: 'DuplicateFilingError', etag: first.etag }),
    );
    await expect(attempt).rejects.toBeInstanceOf(DuplicateFilingError);
    expect(await repo.get(second.etag)).toBeUndefined();
  });

  it('updates with optimistic locking: a stale version fails and writes nothing', async () => {
    // Prepare
    const complaint = aComplaint();
    await repo.create(complaint, [complaintFiledDraft(complaint)]);
    const { next, drafts } = assigned(complaint, '2025-03-01T11:00:00.000Z');
    await repo.update(next, 1, drafts);
    const stale = assigned(complaint, '2025-03-01T11:00:01.000Z');
    // Act
    const error = await repo.update(stale.next, 1, stale.drafts).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(PreconditionFailedError);
    const found = await repo.getWithTimeline(complaint.etag);
    expect(found?.complaint.version).toBe(2);
    expect(found?.timeline.map((t) => t.type)).toEqual(['ComplaintFiled', 'ComplaintAssigned']);
    expect(found?.timeline[1]).toMatchObject({
      status: 'assigned',
      fromStatus: 'received',
      toStatus: 'assigned',
    });
  });

  // No concurrency test here: moto's TransactWriteItems is not isolated under parallel requests (two
  // conditional transactions on one version can both succeed), so it would test the emulator. The
  // condition itself is proven by the stale-version test above; DynamoDB serializes transactions.

  it('is atomic: when an extra item of the transaction exists already, neither complaint nor timeline change', async () => {
    // Prepare
    const complaint = aComplaint();
    await repo.create(complaint, [complaintFiledDraft(complaint)]);
    const followUp = { pk: `C#${complaint.etag}`, sk: 'ESC#1', entity: 'followUp' };
    const first = assigned(complaint, '2025-03-01T12:00:00.000Z');
    await repo.update(first.next, 1, first.drafts, { extraWrites: [{ item: followUp, mode: 'create' }] });
    const again = assigned(first.next, '2025-03-01T12:00:01.000Z');
    // Act
    const error = await repo
      .update(again.next, 2, again.drafts, { extraWrites: [{ item: followUp, mode: 'create' }] })
      .catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    const found = await repo.getWithTimeline(complaint.etag);
    expect(found?.complaint.version).toBe(2);
    expect(found?.timeline).toHaveLength(2);
  });

  it("lists a citizen's complaints newest first, page by page", async () => {
    // Prepare
    const identity = `wa-${randomBytes(4).toString('hex')}`;
    const complaints = [
      '2025-03-01T08:00:00.000Z',
      '2025-03-02T08:00:00.000Z',
      '2025-03-03T08:00:00.000Z',
    ].map((at) =>
      aComplaint({
        createdAt: at,
        updatedAt: at,
        complainant: { ...aComplaint().complainant, whatsappId: identity },
      }),
    );
    for (const c of complaints) await repo.create(c, [complaintFiledDraft(c)]);
    // Act
    const first = await repo.listByCitizen(identity, { limit: 2 });
    const second = await repo.listByCitizen(identity, { limit: 2, cursor: first.cursor });
    // Assess
    const all = [...first.items, ...second.items].map((c) => c.etag);
    expect(all.slice(0, 3)).toEqual(complaints.map((c) => c.etag).reverse());
  });
});
