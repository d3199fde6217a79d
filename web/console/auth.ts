/**
 * Officer sign-in. Deployed: Cognito managed login with the authorization code flow and PKCE (S256); the ID
 * token (role and area claims) goes to the API, whose JWT authorizer checks it. Locally: the local issuer mints
 * a token for a role and area picked on a development-only page (config.auth.kind === 'local').
 */
import type { AuthConfig } from '../lib/config.ts';

export interface Session {
  readonly token: string;
  readonly claims: Record<string, string>;
  readonly expiresAt: number;
}

const SESSION_KEY = 'rabta.console.session';
const PKCE_KEY = 'rabta.console.pkce';

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const decodePayload = (token: string): Record<string, unknown> => {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
};

const sessionFrom = (token: string): Session => {
  const payload = decodePayload(token);
  // Claims as API Gateway would hand them over: strings, an array (`cognito:groups`) as `[a b]`.
  const claims = Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );
  return { token, claims, expiresAt: Number(payload.exp ?? 0) * 1000 };
};

export const currentSession = (): Session | undefined => {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    return session.expiresAt > Date.now() + 30_000 ? session : undefined;
  } catch {
    return undefined;
  }
};

const keep = (token: string): Session => {
  const session = sessionFrom(token);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
};

export const redirectUri = (): string => `${location.origin}/console/`;

/** Local development only: the local issuer signs whatever role and area were picked. */
export const localSignIn = async (
  auth: Extract<AuthConfig, { kind: 'local' }>,
  claims: Record<string, unknown>,
): Promise<Session> => {
  const response = await fetch(auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ claims, expiresIn: '12h' }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return keep(token);
};

/** Sends the officer to Cognito's managed login (MFA as the pool requires). */
export const startCognitoSignIn = async (auth: Extract<AuthConfig, { kind: 'cognito' }>): Promise<void> => {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid email phone profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  location.assign(`${auth.domain}/oauth2/authorize?${query}`);
};

/** On return from Cognito (`?code=…&state=…`): exchanges the code for tokens. */
export const completeCognitoSignIn = async (
  auth: Extract<AuthConfig, { kind: 'cognito' }>,
): Promise<Session | undefined> => {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return undefined;
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? '{}') as { verifier?: string; state?: string };
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', redirectUri());
  if (!saved.verifier || saved.state !== params.get('state')) throw new Error('sign-in state mismatch');
  const response = await fetch(`${auth.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error(`token exchange failed (${response.status})`);
  const { id_token: idToken } = (await response.json()) as { id_token: string };
  return keep(idToken);
};

export const signOut = (auth: AuthConfig): void => {
  sessionStorage.removeItem(SESSION_KEY);
  if (auth.kind === 'cognito') {
    const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: redirectUri() });
    location.assign(`${auth.domain}/logout?${query}`);
  } else {
    location.assign(redirectUri());
  }
};
