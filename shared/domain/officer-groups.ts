/**
 * Officers' role and area as Cognito group memberships (docs/reliability.md, "Role and area from groups").
 *
 * A group name is `<kind>-<value>`: `role-DPO`, `district-LHR`, `region-multan`, `circle-Model+Town+Circle`,
 * `station-Gulberg`. Cognito puts an ID token's groups into the `cognito:groups` claim, and only
 * AdminAddUserToGroup / AdminRemoveUserFromGroup (granted to the force directory alone) change them; the custom
 * attributes that carried role and area before could be rewritten by anyone holding AdminUpdateUserAttributes.
 *
 * Group names may not hold white space (and API Gateway's JWT authorizer hands an array claim over as one
 * string, `[a b]`, split at spaces), so values are encoded: a space becomes `+`; `+`, `%` and any character a
 * group name cannot hold become `%XX` (UTF-8). Letters of any script stay as they are.
 */
import { ROLES, type Role } from './vocabulary.ts';

/** The ID token claim Cognito lists a user's groups in. */
export const GROUPS_CLAIM = 'cognito:groups';

/** The area parts an officer's scope is made of, in the order a token lists them. */
export const AREA_KINDS = ['district', 'region', 'circle', 'station'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export type GroupKind = 'role' | AreaKind;
export type OfficerArea = Partial<Record<AreaKind, string>>;

/** Cognito's limit on a group name. */
export const MAX_GROUP_NAME_LENGTH = 128;

// What Cognito allows in a group name: letters, marks, symbols, numbers, punctuation; `%` and `+` are ours.
const KEEP = /[\p{L}\p{M}\p{S}\p{N}\p{P}]/u;

const encodeValue = (value: string): string =>
  Array.from(value, (char) =>
    char === ' '
      ? '+'
      : char !== '%' && char !== '+' && KEEP.test(char)
        ? char
        : encodeURIComponent(char).replace(
            /[!'()*]/g,
            (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
          ),
  ).join('');

const decodeValue = (encoded: string): string | undefined => {
  try {
    return decodeURIComponent(encoded.replaceAll('+', ' '));
  } catch {
    return undefined; // a stray `%`: not a name we made
  }
};

/** The group standing for one role or area part, e.g. `groupName('station', 'Model Town')` = `station-Model+Town`. */
export const groupName = (kind: GroupKind, value: string): string => `${kind}-${encodeValue(value)}`;

/** The role group of each role: declared in the CDK stack and the local pool, never created on demand. */
export const roleGroupName = (role: Role): string => groupName('role', role);
export const ROLE_GROUPS: readonly string[] = ROLES.map(roleGroupName);
export const ROLE_GROUP_DESCRIPTION =
  'Officers holding this role (membership set by the force directory only)';

/** Kind and value of one of our group names; undefined for any other group. */
export const parseGroupName = (name: string): { kind: GroupKind; value: string } | undefined => {
  const dash = name.indexOf('-');
  if (dash <= 0) return undefined;
  const kind = name.slice(0, dash);
  if (kind !== 'role' && !(AREA_KINDS as readonly string[]).includes(kind)) return undefined;
  const value = decodeValue(name.slice(dash + 1));
  if (value === undefined || value.trim() === '' || groupName(kind as GroupKind, value) !== name)
    return undefined;
  return { kind: kind as GroupKind, value };
};

/** The groups an officer of this role and area belongs to: one role group and one per area part. */
export const officerGroups = (role: string, area: OfficerArea): string[] => [
  ...(role ? [groupName('role', role)] : []),
  ...AREA_KINDS.flatMap((kind) => (area[kind] ? [groupName(kind, area[kind])] : [])),
];

/**
 * Role and area as the groups name them, read leniently (the first group of each kind): for display, as in the
 * console's header. The API's parser (claims.ts) is the one that checks them.
 */
export const scopeOfGroups = (claim: unknown): Partial<Record<GroupKind, string>> => {
  const scope: Partial<Record<GroupKind, string>> = {};
  for (const name of groupsFromClaim(claim) ?? []) {
    const parsed = parseGroupName(name);
    if (parsed && scope[parsed.kind] === undefined) scope[parsed.kind] = parsed.value;
  }
  return scope;
};

/**
 * The groups as a token carries them: an array from Cognito or the local issuer, or the one string
 * `[a b c]` API Gateway's JWT authorizer turns an array claim into. Undefined when it is neither.
 */
export const groupsFromClaim = (claim: unknown): string[] | undefined => {
  if (claim === undefined || claim === null || claim === '') return [];
  if (Array.isArray(claim))
    return claim.every((g) => typeof g === 'string') ? (claim as string[]) : undefined;
  if (typeof claim !== 'string') return undefined;
  const text = claim.trim();
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return inner.split(/\s+/).filter((g) => g !== '');
};
