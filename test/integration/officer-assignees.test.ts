/**
 * Assigning within the force directory, through the real handlers on the emulator: the assign form's
 * choices (GET …/assignees), a station the directory does not know refused with the ones it knows, and an
 * assignment to a signed-in SHO that lands in that SHO's queue under the station's own name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { createForceRepository } from '../../shared/adapters/dynamodb/force-repository.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import { seedStructure } from '../../shared/domain/force/seed.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { handler as actHandler } from '../../functions/officer-act-on-complaint.ts';
import { handler as getHandler } from '../../functions/officer-get-complaint.ts';
import { handler as listHandler } from '../../functions/officer-list-complaints.ts';
import { provisionForTest } from '../support/aws.ts';
import { makeComplaint } from '../unit/officer/fakes.ts';
import { call, claimsOf, seed, type Claims, type RequestSpec } from './officer-support.ts';

const LHR_DPO = claimsOf('DPO', { district: 'LHR' });
const FSD_DPO = claimsOf('DPO', { district: 'FSD' });
const GULBERG_SHO: Claims = {
  ...claimsOf('SHO', { district: 'LHR', station: 'Gulberg' }, 'sub-gulberg-sho'),
  name: 'Insp. Bilal',
};

let complaint: Complaint;

beforeAll(async () => {
  const provisioned = await provisionForTest('asg');
  const tableName = () => provisioned.names.appTable;
  const { units, posts } = seedStructure();
  await createForceRepository(documentClient(), tableName).seed(units, posts);
  complaint = makeComplaint({ district: 'LHR' }, new Date());
  await seed(createComplaintRepository(documentClient(), tableName), complaint);
  // Opening the queue is how an officer enters the directory of who holds a post.
  expect((await call(listHandler, queue(GULBERG_SHO))).status).toBe(200);
});

const queue = (claims: Claims): RequestSpec => ({
  method: 'GET',
  route: '/officer/complaints',
  path: '/officer/complaints',
  claims,
});

const assignees = (claims: Claims): RequestSpec => ({
  method: 'GET',
  route: '/officer/complaints/{etag}/assignees',
  path: `/officer/complaints/${complaint.etag}/assignees`,
  pathParameters: { etag: complaint.etag },
  claims,
});

const assign = (body: unknown, version: number): RequestSpec => ({
  method: 'POST',
  route: '/officer/complaints/{etag}/assign',
  path: `/officer/complaints/${complaint.etag}/assign`,
  pathParameters: { etag: complaint.etag },
  body,
  claims: LHR_DPO,
  headers: { 'if-match': `"${version}"` },
});

describe('assigning within the force directory', () => {
  it("offers the DPO the district's stations and the SHO who signed in; 404 outside the area or station", async () => {
    // Act
    const options = await call(getHandler, assignees(LHR_DPO));
    const outside = await call(getHandler, assignees(FSD_DPO));
    const sho = await call(getHandler, assignees(GULBERG_SHO));
    // Assess
    expect(options.status).toBe(200);
    expect(options.body.levels).toEqual(['SHO', 'SDPO', 'DPO']);
    expect(options.body.stations).toContainEqual({ name: 'Gulberg', circle: 'Model Town' });
    expect(options.body.officers).toEqual([
      { id: 'sub-gulberg-sho', role: 'SHO', name: 'Insp. Bilal', station: 'Gulberg' },
    ]);
    expect(outside.status).toBe(404);
    // The complaint is not in the Gulberg SHO's station yet: as unknown, before any question of role.
    expect(sho.status).toBe(404);
  });

  it('refuses a station Lahore does not have (400, naming the known ones) and changes nothing', async () => {
    // Act
    const refused = await call(actHandler, assign({ level: 'SHO', station: 'Gulbreg' }, 1));
    const after = await call(getHandler, {
      ...assignees(LHR_DPO),
      route: '/officer/complaints/{etag}',
      path: `/officer/complaints/${complaint.etag}`,
    });
    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('There is no police station "Gulbreg" in Lahore');
    expect(refused.body.error.issues[0].message).toContain('Gulberg, Iqbal Town, Model Town');
    expect(after.body.complaint).toMatchObject({ version: 1, status: 'received' });
  });

  it('assigns to the signed-in SHO: the station comes from their post and the complaint is in their queue', async () => {
    // Act
    const assigned = await call(actHandler, assign({ level: 'SHO', officerId: 'sub-gulberg-sho' }, 1));
    const shoQueue = await call(listHandler, queue(GULBERG_SHO));
    // Assess
    expect(assigned.status).toBe(200);
    expect(assigned.body.complaint).toMatchObject({
      station: 'Gulberg',
      assignment: { level: 'SHO', station: 'Gulberg', officerId: 'sub-gulberg-sho' },
    });
    expect(shoQueue.body.items.map((c: { etag: string }) => c.etag)).toContain(complaint.etag);
  });
});
