import { describe, expect, it } from 'vitest';
import { officerFromClaims, officerFromEvent } from '../../../shared/adapters/auth/claims.ts';
import { OfficerClaimsError } from '../../../shared/adapters/auth/errors.ts';

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

describe('officerFromClaims', () => {
  it('turns a DPO token into an officer of that district and its region', () => {
    // Prepare
    const claims = {
      ...ID_TOKEN,
      sub: 'u-1',
      'custom:role': 'DPO',
      'custom:district': 'lhr',
      name: 'DPO Lahore',
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
    const cpo = officerFromClaims({ ...ID_TOKEN, sub: 'c', 'custom:role': 'CPO', 'custom:district': '' });
    const rpo = officerFromClaims({ ...ID_TOKEN, sub: 'r', 'custom:role': 'rpo', 'custom:region': 'Multan' });
    // Assess
    expect(cpo).toEqual({ id: 'c', role: 'CPO' });
    expect(rpo).toEqual({ id: 'r', role: 'RPO', region: 'multan' });
  });

  it('keeps station, circle and contact claims of a station officer', () => {
    // Act
    const sho = officerFromClaims({
      ...ID_TOKEN,
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
    ['a role outside ROLES', { ...ID_TOKEN, sub: 'x', 'custom:role': 'SUPERUSER' }, 'invalid', 'custom:role'],
    ['no subject', { ...ID_TOKEN, 'custom:role': 'CPO' }, 'invalid', 'sub'],
    [
      'an unknown district',
      { ...ID_TOKEN, sub: 'x', 'custom:role': 'DPO', 'custom:district': 'ZZZ' },
      'invalid',
      'custom:district',
    ],
    [
      'a DPO without a district',
      { ...ID_TOKEN, sub: 'x', 'custom:role': 'DPO' },
      'invalid',
      'custom:district',
    ],
    [
      'a station officer without a station',
      { ...ID_TOKEN, sub: 'x', 'custom:role': 'SHO', 'custom:district': 'LHR' },
      'invalid',
      'custom:station',
    ],
    ['an RPO without a region', { ...ID_TOKEN, sub: 'x', 'custom:role': 'RPO' }, 'invalid', 'custom:region'],
    [
      'an unknown region',
      { ...ID_TOKEN, sub: 'x', 'custom:role': 'RPO', 'custom:region': 'atlantis' },
      'invalid',
      'custom:region',
    ],
    [
      'a district outside the claimed region',
      { ...ID_TOKEN, sub: 'x', 'custom:role': 'DPO', 'custom:district': 'LHR', 'custom:region': 'multan' },
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

describe('the token itself', () => {
  const cpo = { sub: 'c', 'custom:role': 'CPO' };

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
        authorizer: { jwt: { claims: { ...ID_TOKEN, sub: 'c', 'custom:role': 'CPO' }, scopes: [] } },
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
