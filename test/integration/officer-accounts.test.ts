/**
 * The officer-accounts adapter against the emulator's Cognito (moto): role and area as group memberships,
 * area groups made on first posting, transfers that leave no stale scope, repeats that change nothing, and
 * the local issuer's sign-in turning the memberships into claims the officer functions accept.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  ListGroupsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOfPoolUser } from '../../infra/local/auth.ts';
import { officerFromClaims } from '../../shared/adapters/auth/claims.ts';
import { ROLE_GROUPS } from '../../shared/domain/officer-groups.ts';
import { createCognitoOfficerAccounts } from '../../shared/adapters/cognito/officer-accounts.ts';
import type { OfficerAccounts } from '../../shared/app/force/ports.ts';
import { cognitoClient } from '../../shared/runtime/common.ts';
import { provisionForTest } from '../support/aws.ts';

let userPoolId: string;
let accounts: OfficerAccounts;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  const provisioned = await provisionForTest('accounts');
  userPoolId = provisioned.env.USER_POOL_ID ?? '';
  cognito = cognitoClient();
  accounts = createCognitoOfficerAccounts(cognito, () => userPoolId);
});

const groupsOf = async (username: string): Promise<string[]> => {
  const { Groups } = await cognito.send(
    new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }),
  );
  return (Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])).sort();
};

const poolGroups = async (): Promise<string[]> => {
  const { Groups } = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId, Limit: 60 }));
  return (Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])).sort();
};

const sho = {
  username: 'PB-ACC-1',
  name: 'Asif Khan',
  phone: '+923001234567',
  role: 'SHO',
  area: { district: 'LHR', region: 'lahore', circle: 'Model Town Circle', station: 'Model Town' },
};

describe('officer accounts on the user pool', () => {
  it('the pool starts with the role groups only', async () => {
    expect(await poolGroups()).toEqual([...ROLE_GROUPS].sort());
  });

  it('creates the user in the role group and the area groups, making the area groups on first use', async () => {
    // Act
    await accounts.ensure(sho);
    // Assess
    const expected = [
      'circle-Model+Town+Circle',
      'district-LHR',
      'region-lahore',
      'role-SHO',
      'station-Model+Town',
    ];
    expect(await groupsOf(sho.username)).toEqual(expected);
    expect(await poolGroups()).toEqual(expect.arrayContaining(expected));
  });

  it('signs in (local issuer) with claims the officer functions turn into that officer', async () => {
    // Act
    const claims = await claimsOfPoolUser(userPoolId, sho.username);
    const officer = officerFromClaims({
      ...claims,
      token_use: 'id',
      iat: 1_767_225_600,
      exp: 1_767_229_200,
    });
    // Assess
    expect(claims).not.toHaveProperty('custom:role');
    expect(officer).toEqual({
      id: sho.username,
      role: 'SHO',
      district: 'LHR',
      region: 'lahore',
      circle: 'Model Town Circle',
      station: 'Model Town',
      name: 'Asif Khan',
      phone: '+923001234567',
    });
  });

  it('a repeat changes nothing', async () => {
    // Prepare
    const before = await groupsOf(sho.username);
    // Act
    await accounts.ensure(sho);
    await accounts.ensure(sho);
    // Assess
    expect(await groupsOf(sho.username)).toEqual(before);
  });

  it('a transfer leaves the old area groups and keeps a group that is not ours', async () => {
    // Prepare: ops put the user in a group of their own.
    await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: 'ops_pilot' }));
    await cognito.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: userPoolId,
        Username: sho.username,
        GroupName: 'ops_pilot',
      }),
    );
    // Act: promoted to DPO of Kasur.
    await accounts.ensure({ ...sho, role: 'DPO', area: { district: 'KSR', region: 'lahore' } });
    // Assess
    expect(await groupsOf(sho.username)).toEqual(['district-KSR', 'ops_pilot', 'region-lahore', 'role-DPO']);
  });

  it('an officer without a posting keeps no role or area group', async () => {
    // Act
    await accounts.ensure({ ...sho, role: '', area: {} });
    // Assess
    expect(await groupsOf(sho.username)).toEqual(['ops_pilot']);
  });

  it('refuses an area name too long for a group name, before changing anything', async () => {
    // Act + Assess
    await expect(
      accounts.ensure({
        ...sho,
        username: 'PB-ACC-2',
        area: { ...sho.area, station: 'Long Name '.repeat(14) },
      }),
    ).rejects.toThrow(/longer than Cognito's 128/);
    await expect(groupsOf('PB-ACC-2')).rejects.toThrow();
  });
});
