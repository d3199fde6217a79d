/**
 * The local stand-in for the Cognito user pool: an RS256 key pair kept under .local/ (so tokens survive
 * restarts), a token signer for `npm run token`, and the verifier the gateway uses on officer routes
 * with the checks API Gateway's JWT authorizer makes (signature, issuer, audience, expiry).
 */
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';
import { GROUPS_CLAIM, officerGroups, type AreaKind } from '../../shared/domain/officer-groups.ts';

export const LOCAL_AUDIENCE = 'rabta-local';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALG = 'RS256';

export const localIssuerUrl = (port: number): string => `http://127.0.0.1:${port}/__local/auth`;

/** Where local state lives (`RABTA_LOCAL_DIR` overrides, e.g. for tests). */
export const localStateDir = (): string =>
  resolve(process.env.RABTA_LOCAL_DIR ?? resolve(REPO_ROOT, '.local'));

/** An ID token's officer claims: role and area as Cognito group memberships (shared/domain/officer-groups.ts). */
export interface OfficerTokenClaims {
  readonly sub: string;
  readonly 'cognito:groups'?: readonly string[];
  readonly name?: string;
  readonly phone_number?: string;
  readonly [claim: string]: unknown;
}

/**
 * The claims Cognito would put in the ID token of an officer in these groups: what `npm run token` and the
 * tests sign, e.g. `officerTokenClaims({ sub: 'dpo-1', role: 'DPO', district: 'LHR' })`.
 */
export const officerTokenClaims = ({
  sub,
  role,
  name,
  phone,
  ...area
}: { sub: string; role: string; name?: string | undefined; phone?: string | undefined } & {
  [kind in AreaKind]?: string | undefined;
}): OfficerTokenClaims => ({
  sub,
  [GROUPS_CLAIM]: officerGroups(role, area),
  ...(name ? { name } : {}),
  ...(phone ? { phone_number: phone } : {}),
});

export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: JSONWebKeySet;
  /** `expiresIn`: a jose time span ('1h', '30m', '7d') or seconds. */
  sign(claims: OfficerTokenClaims, options?: { expiresIn?: string | number }): Promise<string>;
  /** Throws when the token is not one the HTTP API JWT authorizer would accept. */
  verify(token: string): Promise<JWTPayload>;
}

interface StoredKey {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

const loadOrCreateKey = async (file: string): Promise<StoredKey> => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  } catch {
    // Not there yet (or unreadable): make one.
  }
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const stored: StoredKey = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
  };
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: two processes starting at once keep whichever key was written first.
    writeFileSync(file, JSON.stringify(stored, null, 2), { flag: 'wx', mode: 0o600 });
    return stored;
  } catch {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  }
};

/**
 * The officer id a local token gets when none is given: role and every area part, so two SHOs of different
 * stations of one district are two officers (one id would merge their directory entries and audit trail).
 */
export const defaultOfficerSub = (
  role: string,
  area: { district?: string; region?: string; station?: string; circle?: string },
): string =>
  ['local', role, area.district ?? area.region, area.circle, area.station]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.toLowerCase().replace(/\W+/g, '-'))
    .join('-');

export const loadLocalIssuer = async (options: {
  issuer: string;
  keyFile?: string;
}): Promise<LocalIssuer> => {
  const keyFile = options.keyFile ?? resolve(localStateDir(), 'officer-signing-key.json');
  const stored = await loadOrCreateKey(keyFile);
  const privateKey = await importJWK(stored.privateJwk, ALG);
  const jwks: JSONWebKeySet = { keys: [stored.publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  return {
    issuer: options.issuer,
    audience: LOCAL_AUDIENCE,
    jwks,
    sign: (claims, signOptions = {}) =>
      new SignJWT({ token_use: 'id', ...claims })
        .setProtectedHeader({ alg: ALG, kid: stored.privateJwk.kid ?? 'local', typ: 'JWT' })
        .setIssuer(options.issuer)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(
          typeof signOptions.expiresIn === 'number'
            ? Math.floor(Date.now() / 1000) + signOptions.expiresIn
            : (signOptions.expiresIn ?? '12h'),
        )
        .sign(privateKey),
    verify: async (token) => {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: options.issuer,
        audience: LOCAL_AUDIENCE,
        algorithms: [ALG],
        requiredClaims: ['exp', 'iat'],
      });
      return payload;
    },
  };
};

/**
 * The claims of an officer's user in the (emulated) user pool, as Cognito would put them in an ID token:
 * the local issuer's stand-in for signing in. Undefined when there is no such user.
 */
export const claimsOfPoolUser = async (
  userPoolId: string,
  username: string,
): Promise<OfficerTokenClaims | undefined> => {
  const cognito = new CognitoIdentityProviderClient({});
  try {
    const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    const attributes = Object.fromEntries(
      (user.UserAttributes ?? [])
        .filter((a) => a.Name && a.Value)
        .map((a) => [a.Name as string, a.Value as string]),
    );
    const { sub: _sub, ...rest } = attributes;
    // An officer is in a handful of groups (one page); Cognito lists them in the ID token the same way.
    const { Groups } = await cognito.send(
      new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username, Limit: 60 }),
    );
    const groups = (Groups ?? []).flatMap((g) => (g.GroupName ? [g.GroupName] : [])).sort();
    return { ...rest, sub: username, [GROUPS_CLAIM]: groups };
  } catch (error) {
    if ((error as Error).name === 'UserNotFoundException') return undefined;
    throw error;
  } finally {
    cognito.destroy();
  }
};
