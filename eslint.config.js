// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries (README "Code layout"). A config later in the list replaces an earlier one's
// no-restricted-imports for the files both match, so each layer lists every boundary it keeps.
const NOT_INFRA = {
  group: ['**/infra/**'],
  message: 'shared/** never imports infra/**: move what both need into shared/ and let infra import it.',
};
const NOT_ADAPTERS = {
  group: ['**/adapters/**'],
  message:
    'shared/app/** never imports shared/adapters/**: declare a port in ports.ts and let the adapter implement it.',
};
const PURE = {
  group: [
    '@aws-sdk/*',
    '@middy/*',
    '@aws-lambda-powertools/*',
    'node:http',
    'node:https',
    '**/adapters/**',
    '**/runtime/**',
    '**/app/**',
  ],
  message: 'shared/domain and shared/chat are pure: no AWS, HTTP, adapters, runtime or use cases.',
};
const WEB = {
  group: ['**/shared/adapters/**', '**/shared/runtime/**', '**/shared/app/**'],
  message:
    'web/** talks to the system over HTTP: it may use shared/domain, shared/chat and shared/schemas only.',
};
const layer = (files, ...patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'cdk.out/**',
      '.local/**',
      'coverage/**',
      'test/fixtures/lint/**',
      'web/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only shared/runtime/config.ts and infra/ may read process.env.',
        },
        {
          // zod's namespace import lets esbuild drop what a function does not use (`{ z }` kept 440 KiB of
          // zod, locales and JSON-schema code in every bundle; `* as z` keeps ~90 KiB; docs/performance.md).
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message:
            "Import zod as a namespace (`import * as z from 'zod'`) so bundles keep only what they use.",
        },
      ],
    },
  },
  {
    files: ['shared/runtime/config.ts', 'infra/**', 'test/**', 'bench/**', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  layer(['shared/**'], NOT_INFRA),
  layer(['shared/app/**'], NOT_INFRA, NOT_ADAPTERS),
  layer(['shared/domain/**', 'shared/chat/**'], NOT_INFRA, PURE),
  layer(['web/**'], WEB),
);
