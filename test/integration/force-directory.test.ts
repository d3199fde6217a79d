import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCognitoOfficerAccounts } from '../../shared/adapters/cognito/officer-accounts.ts';
import { createForceRepository } from '../../shared/adapters/dynamodb/force-repository.ts';
import { createOfficer, postOfficer, type ForceAdminDeps } from '../../shared/app/force/admin.ts';
import { holderAt } from '../../shared/app/force/accountability.ts';
import { importRoster } from '../../shared/app/force/roster.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import { seedStructure } from '../../shared/domain/force/seed.ts';
import type { Officer } from '../../shared/domain/officer.ts';
import { cognitoClient, documentClient } from '../../shared/runtime/common.ts';
import { provisionForTest } from '../support/aws.ts';

const admin: Officer = { id: 'admin-1', role: 'ADMIN' };
let deps: ForceAdminDeps;
let userPoolId: string;
let force: ReturnType<typeof createForceRepository>;

beforeAll(async () => {
  const provisioned = await provisionForTest('force');
  userPoolId = provisioned.env.USER_POOL_ID ?? '';
  force = createForceRepository(documentClient(), () => provisioned.names.appTable);
  const { units, posts } = seedStructure();
  expect(await force.seed(units, posts)).toBe(units.length + posts.length);
  expect(await force.seed(units, posts)).toBe(0);
  deps = {
    force,
    accounts: createCognitoOfficerAccounts(cognitoClient(), () => userPoolId),
    clock: { now: () => new Date('2026-03-01T00:00:00Z') },
  };
});

const attributesOf = async (username: string) => {
  const user = await new CognitoIdentityProviderClient({}).send(
    new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }),
  );
  return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
};

/** Role and area: the user's group memberships (shared/domain/officer-groups.ts). */
const groupsOf = async (username: string) => {
  const { Groups } = await new CognitoIdentityProviderClient({}).send(
    new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }),
  );
  return (Groups ?? []).map((g) => g.GroupName).sort();
};

describe('force directory on DynamoDB and the user pool', () => {
  it('reads back the seeded structure with every ladder intact', async () => {
    const structure = await force.structure();
    expect(structure.complaintLadder({ district: 'RWP', station: 'City' }).map((p) => p.title)).toEqual([
      'SHO',
      'SDPO',
      'CITY_POLICE_OFFICER',
      'RPO',
      'IG_COMPLAINT_CELL',
    ]);
  });

  it('imports a roster in one transaction and creates the users with role and area from the posting', async () => {
    const csv = [
      'service_number,name,rank,whatsapp,whatsapp_consent,district,post,unit,from',
      'PB-INT-1,Asif Khan,Inspector,0300 1234567,yes,LHR,SHO,Gulberg,2026-01-01',
      'PB-INT-2,Sana Malik,DSP,,,LHR,SDPO,Model Town,2026-01-01',
    ].join('\n');
    const broken = `${csv}\nPB-INT-3,Bad Phone,Inspector,12,yes,LHR,SHO,City,2026-01-01`;
    const refused = await importRoster(deps, { actor: admin, csv: broken, apply: true });
    expect(refused.applied).toBe(false);
    expect(await force.officer('PB-INT-1')).toBeUndefined();

    const report = await importRoster(deps, { actor: admin, csv, apply: true });
    expect(report).toMatchObject({ applied: true, errors: [] });
    expect(await attributesOf('PB-INT-1')).toMatchObject({
      name: 'Asif Khan',
      phone_number: '+923001234567',
    });
    expect(await groupsOf('PB-INT-1')).toEqual(
      expect.arrayContaining(['district-LHR', 'role-SHO', 'station-Gulberg']),
    );
    expect(await groupsOf('PB-INT-2')).toEqual(expect.arrayContaining(['district-LHR', 'role-SDPO']));
    expect(await groupsOf('PB-INT-2')).not.toContain('station-Gulberg');
    // Role and area are no attributes any more: nothing an attribute grant could rewrite.
    expect(Object.keys(await attributesOf('PB-INT-1')).filter((k) => k?.startsWith('custom:'))).toEqual([]);
    expect((await holderAt(force, 'station-LHR-gulberg.head', '2026-02-01T00:00:00Z'))?.name).toBe(
      'Asif Khan',
    );
  });

  it('a transfer keeps the history and moves the user; a concurrent duplicate changes nothing', async () => {
    await createOfficer(deps, {
      actor: admin,
      officer: { serviceNumber: 'PB-INT-9', name: 'Bilal Ahmed', rank: 'SI', whatsappConsent: false },
    });
    await expect(
      createOfficer(deps, {
        actor: admin,
        officer: { serviceNumber: 'PB-INT-9', name: 'Someone Else', rank: 'SI', whatsappConsent: false },
      }),
    ).rejects.toThrow(ConflictError);
    await postOfficer(deps, {
      actor: admin,
      serviceNumber: 'PB-INT-9',
      posting: { postId: 'station-LHR-gulberg.head', from: '2026-02-15T00:00:00Z' },
    });
    const history = await force.postingsOfPost('station-LHR-gulberg.head');
    expect(history.map((p) => [p.serviceNumber, p.to])).toEqual([
      ['PB-INT-1', '2026-02-15T00:00:00.000Z'],
      ['PB-INT-9', undefined],
    ]);
    expect((await holderAt(force, 'station-LHR-gulberg.head', '2026-02-01T00:00:00Z'))?.serviceNumber).toBe(
      'PB-INT-1',
    );
    expect(await groupsOf('PB-INT-9')).toEqual(
      expect.arrayContaining(['district-LHR', 'role-SHO', 'station-Gulberg']),
    );
    // The relieved SHO has no posting any more: no group, so no officer route answers them.
    expect(await groupsOf('PB-INT-1')).toEqual([]);
    // Closing a posting twice is refused whole (history is never overwritten).
    const [closed] = history;
    await expect(
      force.apply({ closePostings: [{ ...closed!, to: '2026-03-01T00:00:00.000Z' }] }),
    ).rejects.toThrow(ConflictError);
  });
});
