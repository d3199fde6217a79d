/**
 * Officer identity from the JWT claims API Gateway's HTTP API JWT authorizer put into a payload 2.0
 * event (`requestContext.authorizer.jwt.claims`). The same claims come from Cognito ID tokens in AWS (role and
 * area as `cognito:groups` memberships, shared/domain/officer-groups.ts) and from the local issuer (infra/local/auth.ts).
 *
 * The gateway only proves the token was signed by our issuer and has not expired; this module proves it is an ID
 * token (`token_use`) of an acceptable lifetime (401 otherwise) and that the claims make sense (exactly one known
 * role group, known area groups the role may hold, a real district, the area the role needs: 403 otherwise), so a badly provisioned or forged account gets a clear
 * error instead of a scope nobody intended.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import * as z from '../../domain/zod.ts';
import { findDistrict, findRegion } from '../../domain/districts.ts';
import type { Officer } from '../../domain/officer.ts';
import { ROLES, type Role } from '../../domain/vocabulary.ts';
import { OfficerClaimsError, type ClaimsIssue } from './errors.ts';
import {
  AREA_KINDS,
  GROUPS_CLAIM,
  groupsFromClaim,
  MAX_GROUP_NAME_LENGTH,
  parseGroupName,
  type AreaKind,
  type GroupKind,
} from '../../domain/officer-groups.ts';

/** Claim names, shared with the local token issuer. Role and area are group memberships (shared/domain/officer-groups.ts). */
export const OFFICER_CLAIMS = {
  subject: 'sub',
  groups: GROUPS_CLAIM,
  name: 'name',
  phone: 'phone_number',
} as const;

/** What each role must carry to have a scope at all. */
export const ROLE_REQUIREMENTS: Readonly<Record<Role, readonly AreaKind[]>> = {
  SHO: ['district', 'station'],
  SDPO: ['district'],
  DPO: ['district'],
  RPO: ['region'],
  CPO: [],
  ADMIN: [],
};

/**
 * The area groups each role may hold (the force directory's roleAndAreaOf gives no other): a group of another
 * kind means a membership someone added by hand or a posting gone wrong, and is refused rather than ignored.
 */
export const ROLE_AREAS: Readonly<Record<Role, readonly AreaKind[]>> = {
  SHO: ['district', 'region', 'circle', 'station'],
  SDPO: ['district', 'region', 'circle'],
  DPO: ['district', 'region'],
  RPO: ['region'],
  CPO: [],
  ADMIN: [],
};

// API Gateway hands claims over as strings; an empty attribute means "not set".
const optionalText = z.pipe(
  z.transform((value: unknown) => (value === '' || value === null ? undefined : value)),
  z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
);

export const OfficerClaimsSchema = z.object({
  [OFFICER_CLAIMS.subject]: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  // An officer is in a handful of groups (a role and at most four area parts); a long list is not ours.
  [OFFICER_CLAIMS.groups]: z.pipe(
    z.transform((value: unknown) => groupsFromClaim(value) ?? value),
    z.array(z.string().check(z.minLength(1), z.maxLength(MAX_GROUP_NAME_LENGTH))).check(z.maxLength(20)),
  ),
  [OFFICER_CLAIMS.name]: optionalText,
  [OFFICER_CLAIMS.phone]: optionalText,
});

export type RawClaims = Readonly<Record<string, unknown>>;

/**
 * The longest an officer's token may live (exp − iat): Cognito's own maximum for an ID token. A token signed
 * for longer (a leaked signing key, a misconfigured issuer: "a 100-year token") is refused even before it
 * expires. The user pool client issues 1-hour tokens (docs/officer-api.md).
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Role and area are claims of Cognito ID tokens; an access token (or anything else) is not accepted. */
export const EXPECTED_TOKEN_USE = 'id';

// API Gateway hands numeric claims over as strings.
const numericClaim = z.coerce.number().check(z.int(), z.positive());

/** The token's kind and lifetime, or the issues that make it unacceptable. */
const tokenIssues = (claims: RawClaims): ClaimsIssue[] => {
  const issues: ClaimsIssue[] = [];
  if (claims.token_use !== EXPECTED_TOKEN_USE) {
    issues.push({ claim: 'token_use', message: `must be '${EXPECTED_TOKEN_USE}' (a Cognito ID token)` });
  }
  const iat = numericClaim.safeParse(claims.iat);
  const exp = numericClaim.safeParse(claims.exp);
  if (!iat.success || !exp.success) {
    issues.push({
      claim: 'exp',
      message: 'the token must say when it was issued (iat) and when it expires (exp)',
    });
  } else if (exp.data - iat.data > MAX_TOKEN_LIFETIME_SECONDS) {
    issues.push({
      claim: 'exp',
      message: `the token lives ${exp.data - iat.data} s; at most ${MAX_TOKEN_LIFETIME_SECONDS} s is accepted`,
    });
  } else if (exp.data <= iat.data) {
    issues.push({ claim: 'exp', message: 'the token expires before it was issued' });
  }
  return issues;
};

/** The role and area parts the groups name, or the issues that make them unusable. */
const membership = (
  groups: readonly string[],
): { role?: Role; area: Partial<Record<AreaKind, string>>; issues: ClaimsIssue[] } => {
  const issues: ClaimsIssue[] = [];
  const found = new Map<GroupKind, string[]>();
  for (const group of groups) {
    const parsed = parseGroupName(group);
    if (!parsed) {
      issues.push({ claim: GROUPS_CLAIM, message: `unknown group '${group}'` });
      continue;
    }
    found.set(parsed.kind, [...(found.get(parsed.kind) ?? []), parsed.value]);
  }
  for (const [kind, values] of found) {
    if (values.length > 1) {
      issues.push({ claim: GROUPS_CLAIM, message: `more than one ${kind} group (${values.join(', ')})` });
    }
  }
  const roles = found.get('role') ?? [];
  const roleText = roles[0]?.trim().toUpperCase();
  const role = (ROLES as readonly string[]).includes(roleText ?? '') ? (roleText as Role) : undefined;
  if (roles.length === 0) issues.push({ claim: GROUPS_CLAIM, message: 'no role group (role-<ROLE>)' });
  else if (!role) issues.push({ claim: GROUPS_CLAIM, message: `unknown role '${roles[0] ?? ''}'` });
  const area: Partial<Record<AreaKind, string>> = {};
  for (const kind of AREA_KINDS) {
    const value = found.get(kind)?.[0];
    if (value === undefined) continue;
    if (role && !ROLE_AREAS[role].includes(kind)) {
      issues.push({ claim: GROUPS_CLAIM, message: `a ${role} officer cannot hold a ${kind} group` });
    }
    area[kind] = value;
  }
  return { ...(role ? { role } : {}), area, issues };
};

/** Turns raw claims into an Officer, or throws OfficerClaimsError naming every problem. */
export const officerFromClaims = (claims: RawClaims | undefined | null): Officer => {
  if (!claims || Object.keys(claims).length === 0) throw new OfficerClaimsError('missing', []);
  const unacceptable = tokenIssues(claims);
  if (unacceptable.length > 0) throw new OfficerClaimsError('token', unacceptable);
  const parsed = OfficerClaimsSchema.safeParse(claims);
  if (!parsed.success) {
    throw new OfficerClaimsError(
      'invalid',
      parsed.error.issues.map((i) => ({ claim: i.path.join('.') || '(claims)', message: i.message })),
      { cause: parsed.error },
    );
  }
  const c = parsed.data;
  const { role, area, issues } = membership(c[OFFICER_CLAIMS.groups]);
  if (!role) throw new OfficerClaimsError('invalid', issues);

  const districtCode = area.district;
  const district = districtCode === undefined ? undefined : findDistrict(districtCode);
  if (districtCode !== undefined && !district) {
    issues.push({ claim: GROUPS_CLAIM, message: `unknown district '${districtCode}'` });
  }
  const regionCode = area.region;
  const claimedRegion = regionCode === undefined ? undefined : findRegion(regionCode);
  if (regionCode !== undefined && !claimedRegion) {
    issues.push({ claim: GROUPS_CLAIM, message: `unknown region '${regionCode}'` });
  }
  if (district && claimedRegion && district.region !== claimedRegion.code) {
    issues.push({
      claim: GROUPS_CLAIM,
      message: `district '${district.code}' belongs to region '${district.region}', not '${claimedRegion.code}'`,
    });
  }
  // The district fixes the region; a group saying otherwise was caught above.
  const region = district?.region ?? claimedRegion?.code;

  const present = { ...area, region: regionCode ?? region };
  for (const needed of ROLE_REQUIREMENTS[role]) {
    if (present[needed] === undefined) {
      issues.push({ claim: GROUPS_CLAIM, message: `a ${role} officer must have a ${needed} group` });
    }
  }
  if (issues.length > 0) throw new OfficerClaimsError('invalid', issues);

  const optional = {
    district: district?.code,
    region,
    station: area.station,
    circle: area.circle,
    name: c[OFFICER_CLAIMS.name],
    phone: c[OFFICER_CLAIMS.phone],
  };
  // Absent claims stay absent (no `undefined` properties) so officers compare and serialize cleanly.
  const officer: Officer = {
    id: c[OFFICER_CLAIMS.subject],
    role,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
  return officer;
};

/** The officer behind an HTTP API request authorized by the JWT authorizer. */
export const officerFromEvent = (
  event: Pick<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> | { requestContext?: unknown },
): Officer => {
  const context = event.requestContext as { authorizer?: { jwt?: { claims?: RawClaims } } } | undefined;
  return officerFromClaims(context?.authorizer?.jwt?.claims);
};
