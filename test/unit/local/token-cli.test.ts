/** `npm run token`: the README's way to get an officer token; it prints one the officer functions accept. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { officerFromClaims } from '../../../shared/adapters/auth/claims.ts';
import { REPO_ROOT } from '../../../infra/local/auth.ts';

const runCli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'infra/local/token-cli.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, RABTA_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'rabta-token-')), PORT: '3999' },
  });

describe('token CLI', () => {
  it('prints an ID token the officer functions accept (token_use, iat, exp within a day)', () => {
    // Act
    const run = runCli('--role', 'DPO', '--district', 'LHR');
    // Assess
    expect(run.status, run.stderr).toBe(0);
    const claims = decodeJwt(run.stdout.trim());
    expect(claims).toMatchObject({ token_use: 'id', 'cognito:groups': ['role-DPO', 'district-LHR'] });
    expect(officerFromClaims(claims)).toMatchObject({ role: 'DPO', district: 'LHR' });
  }, 30_000);

  it('refuses, with the reason, a token the functions would refuse (100 days)', () => {
    // Act
    const run = runCli('--role', 'CPO', '--expires', '100d');
    // Assess
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/at most 86400 s/);
  }, 30_000);
});
