import { describe, expect, it } from 'vitest';
import { officerFromClaims, officerFromEvent } from '../../../shared/adapters/auth/claims.ts';
import { OfficerClaimsError } from '../../../shared/adapters/auth/errors.ts';

const claimsError = (claims: Record<string, unknown> | undefined): OfficerClaimsError => {
  try {
    officerFromClaims(claims);
  } catch (error) {
    if (error instanceof OfficerClaimsError) return error;
    throw error;
  }
  throw new Error('expected OfficerClaimsError');
};

describe('officerFromClaims', () => {
  it('turns a DPO token into an officer of that district and its region', () => {
    // Prepare
    const claims = {
      sub: 'u-1',
      'custom:role': 'DPO',
      'custom:district': 'lhr',
      name: 'DPO Lahore',
      iat: '1',
    };
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

  it('accepts a CPO with no area and an RPO with a region', () => {
    // Act
    const cpo = officerFromClaims({ sub: 'c', 'custom:role': 'CPO', 'custom:district': '' });
    const rpo = officerFromClaims({ sub: 'r', 'custom:role': 'rpo', 'custom:region': 'Multan' });
    // Assess
    expect(cpo).toEqual({ id: 'c', role: 'CPO' });
    expect(rpo).toEqual({ id: 'r', role: 'RPO', region: 'multan' });
  });

  it('keeps station, circle and contact claims of a station officer', () => {
    // Act
    const sho = officerFromClaims({
      sub: 's',
      'custom:role': 'SHO',
      'custom:district': 'LHR',
      'custom:station': 'Model Town',
      'custom:circle': 'Model Town Circle',
      phone_number: '+923001234567',
    });
    // Assess
    expect(sho).toMatchObject({
      role: 'SHO',
      station: 'Model Town',
      circle: 'Model Town Circle',
      phone: '+923001234567',
    });
  });

  it.each([
    ['no claims at all', undefined, 'missing', undefined],
    ['an empty claim set', {}, 'missing', undefined],
    ['a role outside ROLES', { sub: 'x', 'custom:role': 'SUPERUSER' }, 'invalid', 'custom:role'],
    ['no subject', { 'custom:role': 'CPO' }, 'invalid', 'sub'],
    [
      'an unknown district',
      { sub: 'x', 'custom:role': 'DPO', 'custom:district': 'ZZZ' },
      'invalid',
      'custom:district',
    ],
    ['a DPO without a district', { sub: 'x', 'custom:role': 'DPO' }, 'invalid', 'custom:district'],
    [
      'a station officer without a station',
      { sub: 'x', 'custom:role': 'SHO', 'custom:district': 'LHR' },
      'invalid',
      'custom:station',
    ],
    ['an RPO without a region', { sub: 'x', 'custom:role': 'RPO' }, 'invalid', 'custom:region'],
    [
      'an unknown region',
      { sub: 'x', 'custom:role': 'RPO', 'custom:region': 'atlantis' },
      'invalid',
      'custom:region',
    ],
    [
      'a district outside the claimed region',
      { sub: 'x', 'custom:role': 'DPO', 'custom:district': 'LHR', 'custom:region': 'multan' },
      'invalid',
      'custom:region',
    ],
  ])('refuses %s', (_name, claims, reason, claim) => {
    // Act
    const error = claimsError(claims);
    // Assess
    expect(error.reason).toBe(reason);
    if (claim) expect(error.issues.map((i) => i.claim)).toContain(claim);
  });
});

describe('officerFromEvent', () => {
  it('reads the claims API Gateway put into the request context', () => {
    // Prepare
    const event = {
      requestContext: { authorizer: { jwt: { claims: { sub: 'c', 'custom:role': 'CPO' }, scopes: [] } } },
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
