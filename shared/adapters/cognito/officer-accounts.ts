/**
 * Officers' sign-in users in the Cognito user pool (locally: the emulator's pool, which the local token
 * issuer reads with `npm run token -- --officer <service no.>`). Role and area go into the admin-only custom
 * attributes the JWT carries (`custom:role`, `custom:district`, ...); an empty value clears one, so an
 * officer without a posting has no role and gets 403 on every officer route.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  UserNotFoundException,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OfficerAccounts } from '../../app/force/ports.ts';
import { OFFICER_CLAIMS } from '../auth/claims.ts';

const isNotFound = (error: unknown): boolean =>
  error instanceof UserNotFoundException || (error as Error | undefined)?.name === 'UserNotFoundException';

export const createCognitoOfficerAccounts = (
  client: CognitoIdentityProviderClient,
  userPoolId: () => string,
): OfficerAccounts => ({
  async ensure(account) {
    const attributes: AttributeType[] = [
      { Name: OFFICER_CLAIMS.name, Value: account.name },
      { Name: OFFICER_CLAIMS.role, Value: account.role },
      { Name: OFFICER_CLAIMS.district, Value: account.area.district ?? '' },
      { Name: OFFICER_CLAIMS.region, Value: account.area.region ?? '' },
      { Name: OFFICER_CLAIMS.station, Value: account.area.station ?? '' },
      { Name: OFFICER_CLAIMS.circle, Value: account.area.circle ?? '' },
      ...(account.phone ? [{ Name: OFFICER_CLAIMS.phone, Value: account.phone }] : []),
    ];
    const pool = userPoolId();
    let exists = true;
    try {
      await client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: account.username }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      exists = false;
    }
    if (exists) {
      await client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: pool,
          Username: account.username,
          UserAttributes: attributes,
        }),
      );
    } else {
      // No invitation from Cognito: ops hand the temporary password over in person (docs/force.md).
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: pool,
          Username: account.username,
          UserAttributes: attributes.filter((a) => a.Value !== ''),
          MessageAction: 'SUPPRESS',
        }),
      );
    }
    return account.username;
  },
});
