/**
 * The layer boundaries hold because lint fails on a leak: each fixture in test/fixtures/lint is linted as
 * the file it names on its first line (`// lint as: <path>`), with the project's own eslint.config.js.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/lint');

const lintAs = async (fixture: string) => {
  const text = readFileSync(join(fixtures, fixture), 'utf8');
  const virtualPath = /^\/\/ lint as: (\S+)/.exec(text)?.[1];
  if (!virtualPath) throw new Error(`${fixture} does not say where to lint it (// lint as: <path>)`);
  const [result] = await new ESLint({ cwd: root }).lintText(text, { filePath: join(root, virtualPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('layer boundaries (eslint no-restricted-imports)', () => {
  it.each([
    ['app-imports-adapter.ts', ['shared/app/** never imports shared/adapters/**']],
    ['adapter-imports-infra.ts', ['shared/** never imports infra/**']],
    [
      'domain-imports-runtime.ts',
      ['shared/domain and shared/chat are pure', 'shared/** never imports infra/**'],
    ],
    ['web-imports-app.ts', ['web/** talks to the system over HTTP', 'web/** talks to the system over HTTP']],
  ])('rejects %s', async (fixture, expected) => {
    // Act
    const messages = await lintAs(fixture);
    // Assess
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });

  it('accepts a use case that imports its ports, the domain and the schemas', async () => {
    // Act & Assess
    expect(await lintAs('app-imports-ports.ts')).toEqual([]);
  });
});
