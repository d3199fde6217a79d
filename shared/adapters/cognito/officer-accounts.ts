/**
 * Officers' sign-in users in the Cognito user pool (locally: the emulator's pool, which the local token
 * issuer reads with `npm run token -- --officer <service no.>`). Name and WhatsApp number are attributes;
 * role and area are group memberships (`role-DPO`, `district-LHR`, ..., shared/domain/officer-groups.ts) that the ID token
 * lists in `cognito:groups`. A posting or transfer moves the user between groups: memberships of ours that the
 * posting no longer gives are removed first, then the missing ones added, so a token is never minted with two
 * scopes (in between it has fewer groups and gets 403). Both calls are idempotent, so a retried sync converges.
 * An officer without a posting keeps no role group and gets 403 on every officer route.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CreateGroupCommand,
  paginateAdminListGroupsForUser,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OfficerAccounts } from '../../app/force/ports.ts';
import { OFFICER_CLAIMS } from '../auth/claims.ts';
import { MAX_GROUP_NAME_LENGTH, officerGroups, parseGroupName } from '../../domain/officer-groups.ts';

const isNamed = (error: unknown, name: string): boolean => (error as Error | undefined)?.name === name;

/** The user's current groups that are ours (role and area); a group of anyone else's is left alone. */
const officerGroupsOfUser = async (
  client: CognitoIdentityProviderClient,
  pool: string,
  username: string,
): Promise<string[]> => {
  const groups: string[] = [];
  for await (const page of paginateAdminListGroupsForUser(
    { client },
    { UserPoolId: pool, Username: username },
  )) {
    for (const group of page.Groups ?? []) {
      if (group.GroupName && parseGroupName(group.GroupName)) groups.push(group.GroupName);
    }
  }
  return groups;
};

/** Makes the group unless it is there already. */
export const ensureGroup = async (
  client: CognitoIdentityProviderClient,
  pool: string,
  group: string,
  description: string,
): Promise<void> => {
  try {
    await client.send(
      new CreateGroupCommand({ UserPoolId: pool, GroupName: group, Description: description }),
    );
  } catch (error) {
    if (!isNamed(error, 'GroupExistsException')) throw error;
  }
};

const addToGroup = async (
  client: CognitoIdentityProviderClient,
  pool: string,
  username: string,
  group: string,
): Promise<void> => {
  const add = () =>
    client.send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: username, GroupName: group }));
  try {
    await add();
  } catch (error) {
    // Area groups are made when the first officer is posted to the area (a few hundred stations and circles,
    // far below Cognito's 10,000 groups per pool). Role groups are declared with the pool, never made here.
    const isArea = parseGroupName(group)?.kind !== 'role';
    if (!isArea || !isNamed(error, 'ResourceNotFoundException')) throw error;
    await ensureGroup(client, pool, group, 'Officers posted to this area (made by the force directory)');
    await add();
  }
};

export const createCognitoOfficerAccounts = (
  client: CognitoIdentityProviderClient,
  userPoolId: () => string,
): OfficerAccounts => ({
  async ensure(account) {
    const wanted = officerGroups(account.role, account.area);
    const tooLong = wanted.find((g) => g.length > MAX_GROUP_NAME_LENGTH);
    if (tooLong) {
      throw new Error(`group name '${tooLong}' is longer than Cognito's ${MAX_GROUP_NAME_LENGTH} characters`);
    }
    const attributes: AttributeType[] = [
      { Name: OFFICER_CLAIMS.name, Value: account.name },
      ...(account.phone ? [{ Name: OFFICER_CLAIMS.phone, Value: account.phone }] : []),
    ];
    const pool = userPoolId();
    const user = { UserPoolId: pool, Username: account.username };
    let exists = true;
    try {
      await client.send(new AdminGetUserCommand(user));
    } catch (error) {
      if (!isNamed(error, 'UserNotFoundException')) throw error;
      exists = false;
    }
    if (exists) {
      await client.send(new AdminUpdateUserAttributesCommand({ ...user, UserAttributes: attributes }));
    } else {
      // No invitation from Cognito: ops hand the temporary password over in person (docs/force.md).
      await client.send(
        new AdminCreateUserCommand({ ...user, UserAttributes: attributes, MessageAction: 'SUPPRESS' }),
      );
    }
    const current = exists ? await officerGroupsOfUser(client, pool, account.username) : [];
    for (const group of current.filter((g) => !wanted.includes(g))) {
      await client.send(new AdminRemoveUserFromGroupCommand({ ...user, GroupName: group }));
    }
    for (const group of wanted.filter((g) => !current.includes(g))) {
      await addToGroup(client, pool, account.username, group);
    }
    return account.username;
  },
});
