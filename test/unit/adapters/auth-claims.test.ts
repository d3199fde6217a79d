import { describe, expect, it } from 'vitest';
import { officerFromClaims, officerFromEvent } from '../../../shared/adapters/auth/claims.ts';
import { OfficerClaimsError } from '../../../shared/adapters/auth/errors.ts';
import {
  groupName,
  GROUPS_CLAIM,
  officerGroups,
  parseGroupName,
} from '../../../shared/domain/officer-groups.ts';

/** What every Cognito ID token carries besides role and area. */
const ID_TOKEN = { token_use: 'id', iat: '1767225600', exp: '1767229200' };

const claimsError = (claims: Record<string, unknown> | undefined): OfficerClaimsError => {
  try {
    officerFromClaims(claims);
  } catch (error) {
    if (error instanceof OfficerClaimsError) return error;
    throw error;
  }
  throw new Error('expected OfficerClaimsError');
};

const G = GROUPS_CLAIM;

describe('officerFromClaims', () => {
  it('turns a DPO token into an officer of that district and its region', () => {
    // Prepare
    const claims = { ...ID_TOKEN, sub: 'u-1', [G]: ['role-DPO', 'district-LHR'], name: 'DPO Lahore' };
    // Act
    const officer = officerFromClaims(claims);
    // Assess
    expect(officer).toEqual({
      id: 'u-1',
      role: 'DPO',
      district: 'LHR',
      region: 'lahore',
      name: 'DPO Lahore',
    });
  });

  it('reads the groups as API Gateway hands an array claim over: one string, `[a b]`', () => {
    // Act
    const officer = officerFromClaims({ ...ID_TOKEN, sub: 'u-1', [G]: '[district-lhr role-DPO]' });
    // Assess
    expect(officer).toEqual({ id: 'u-1', role: 'DPO', district: 'LHR', region: 'lahore' });
  });

  it('accepts a CPO with no area and an RPO with a region', () => {
    // Act
    const cpo = officerFromClaims({ ...ID_TOKEN, sub: 'c', [G]: ['role-CPO'] });
    const rpo = officerFromClaims({ ...ID_TOKEN, sub: 'r', [G]: '[role-RPO region-Multan]' });
    // Assess
    expect(cpo).toEqual({ id: 'c', role: 'CPO' });
    expect(rpo).toEqual({ id: 'r', role: 'RPO', region: 'multan' });
  });

  it('keeps station, circle and contact claims of a station officer, names with spaces included', () => {
    // Prepare
    const groups = officerGroups('SHO', {
      district: 'LHR',
      station: 'Model Town',
      circle: 'Model Town Circle',
    });
    // Act
    const sho = officerFromClaims({
      ...ID_TOKEN,
      sub: 's',
      [G]: `[${groups.join(' ')}]`,
      phone_number: '+923001234567',
    });
    // Assess
    expect(groups).toContain('station-Model+Town');
    expect(sho).toMatchObject({
      role: 'SHO',
      district: 'LHR',
      station: 'Model Town',
      circle: 'Model Town Circle',
      phone: '+923001234567',
    });
  });

  it.each([
    ['no claims at all', undefined, 'missing', undefined],
    ['an empty claim set', {}, 'missing', undefined],
    ['no groups (no role)', { ...ID_TOKEN, sub: 'x' }, 'invalid', G],
    ['a role outside ROLES', { ...ID_TOKEN, sub: 'x', [G]: ['role-SUPERUSER'] }, 'invalid', G],
    ['two roles', { ...ID_TOKEN, sub: 'x', [G]: ['role-CPO', 'role-DPO', 'district-LHR'] }, 'invalid', G],
    ['area groups but no role', { ...ID_TOKEN, sub: 'x', [G]: ['district-LHR'] }, 'invalid', G],
    ['a group that is not ours', { ...ID_TOKEN, sub: 'x', [G]: ['role-CPO', 'admins'] }, 'invalid', G],
    [
      'an area group of an unknown kind',
      { ...ID_TOKEN, sub: 'x', [G]: ['role-CPO', 'beat-7'] },
      'invalid',
      G,
    ],
    [
      'an area group of a kind the role cannot hold',
      { ...ID_TOKEN, sub: 'x', [G]: ['role-DPO', 'district-LHR', 'station-Gulberg'] },
      'invalid',
      G,
    ],
    ['a CPO with a district', { ...ID_TOKEN, sub: 'x', [G]: ['role-CPO', 'district-LHR'] }, 'invalid', G],
    [
      'two districts',
      { ...ID_TOKEN, sub: 'x', [G]: ['role-DPO', 'district-LHR', 'district-KSR'] },
      'invalid',
      G,
    ],
    ['a groups claim that is no list', { ...ID_TOKEN, sub: 'x', [G]: { 'role-CPO': true } }, 'invalid', G],
    ['a badly encoded group', { ...ID_TOKEN, sub: 'x', [G]: ['role-CPO', 'station-a%zz'] }, 'invalid', G],
    ['no subject', { ...ID_TOKEN, [G]: ['role-CPO'] }, 'invalid', 'sub'],
    ['an unknown district', { ...ID_TOKEN, sub: 'x', [G]: ['role-DPO', 'district-ZZZ'] }, 'invalid', G],
    ['a DPO without a district', { ...ID_TOKEN, sub: 'x', [G]: ['role-DPO'] }, 'invalid', G],
    [
      'a station officer without a station',
      { ...ID_TOKEN, sub: 'x', [G]: ['role-SHO', 'district-LHR'] },
      'invalid',
      G,
    ],
    ['an RPO without a region', { ...ID_TOKEN, sub: 'x', [G]: ['role-RPO'] }, 'invalid', G],
    ['an unknown region', { ...ID_TOKEN, sub: 'x', [G]: ['role-RPO', 'region-atlantis'] }, 'invalid', G],
    [
      'a district outside the claimed region',
      { ...ID_TOKEN, sub: 'x', [G]: ['role-DPO', 'district-LHR', 'region-multan'] },
      'invalid',
      G,
    ],
    [
      'role and area written as the retired custom attributes',
      { ...ID_TOKEN, sub: 'x', 'custom:role': 'CPO' },
      'invalid',
      G,
    ],
  ])('refuses %s', (_name, claims, reason, claim) => {
    // Act
    const error = claimsError(claims);
    // Assess
    expect(error.reason).toBe(reason);
    if (claim) expect(error.issues.map((i) => i.claim)).toContain(claim);
  });

  it('names what is wrong with the groups', () => {
    expect(claimsError({ ...ID_TOKEN, sub: 'x', [G]: ['role-CPO', 'role-DPO'] }).message).toContain(
      'more than one role group',
    );
    expect(
      claimsError({ ...ID_TOKEN, sub: 'x', [G]: ['role-DPO', 'district-LHR', 'station-Gulberg'] }).message,
    ).toContain('a DPO officer cannot hold a station group');
  });
});

describe('group names', () => {
  it.each(['Gulberg', 'Model Town', 'A+B 50% Circle', 'گلبرگ ٹاؤن', 'Tab\there'])(
    'encode %j into a name Cognito accepts and decode it back',
    (value) => {
      // Act
      const name = groupName('station', value);
      // Assess
      expect(name).toMatch(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u);
      expect(parseGroupName(name)).toEqual({ kind: 'station', value });
    },
  );

  it('reads only names of our kinds, encoded our way', () => {
    expect(parseGroupName('admins')).toBeUndefined();
    expect(parseGroupName('beat-7')).toBeUndefined();
    expect(parseGroupName('station-Model Town')).toBeUndefined();
    expect(parseGroupName('role-')).toBeUndefined();
  });
});

describe('the token itself', () => {
  const cpo = { sub: 'c', [GROUPS_CLAIM]: ['role-CPO'] };

  it.each([
    ['an access token', { ...ID_TOKEN, token_use: 'access' }, 'token_use'],
    ['a token without token_use', { iat: ID_TOKEN.iat, exp: ID_TOKEN.exp }, 'token_use'],
    ['a 100-year token', { ...ID_TOKEN, exp: String(1767225600 + 100 * 365 * 86400) }, 'exp'],
    ['a token living one second more than a day', { ...ID_TOKEN, exp: String(1767225600 + 86401) }, 'exp'],
    ['a token without iat', { token_use: 'id', exp: ID_TOKEN.exp }, 'exp'],
    ['a token expiring before it was issued', { ...ID_TOKEN, exp: '1767225000' }, 'exp'],
  ])('refuses %s as no token at all (401), whatever its role', (_name, token, claim) => {
    // Act
    const error = claimsError({ ...cpo, ...token });
    // Assess
    expect(error.reason).toBe('token');
    expect(error.issues.map((i) => i.claim)).toContain(claim);
  });

  it('accepts an ID token living exactly a day (numbers as API Gateway passes them, or as numbers)', () => {
    expect(officerFromClaims({ ...cpo, token_use: 'id', iat: '1767225600', exp: '1767312000' })).toEqual({
      id: 'c',
      role: 'CPO',
    });
    expect(officerFromClaims({ ...cpo, token_use: 'id', iat: 1767225600, exp: 1767229200 }).role).toBe('CPO');
  });
});

describe('officerFromEvent', () => {
  it('reads the claims API Gateway put into the request context', () => {
    // Prepare
    const event = {
      requestContext: {
        authorizer: { jwt: { claims: { ...ID_TOKEN, sub: 'c', [GROUPS_CLAIM]: '[role-CPO]' }, scopes: [] } },
      },
    };
    // Act
    const officer = officerFromEvent(event);
    // Assess
    expect(officer).toEqual({ id: 'c', role: 'CPO' });
  });

  it('refuses a request that carries no authorizer', () => {
    // Act + Assess
    expect(() => officerFromEvent({ requestContext: {} })).toThrow(OfficerClaimsError);
  });
});
