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
const ONLY_CONFIG_READS_ENV = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Only shared/runtime/config.ts and infra/ may read process.env.',
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
        ONLY_CONFIG_READS_ENV,
        {
          // One zod for the code that runs in functions: zod/mini through shared/domain/zod.ts (English
          // messages set there). Classic zod puts every method on every schema: ~99 KiB in each function
          // bundle against ~37 (docs/performance.md).
          selector: 'ImportDeclaration[source.value=/^zod(\\u002F|$)/]',
          message:
            "Import zod through shared/domain/zod.ts (`import * as z from '…/domain/zod.ts'`): zod/mini with English messages.",
        },
      ],
    },
  },
  {
    files: ['shared/runtime/config.ts', 'infra/**', 'test/**', 'bench/**', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The one module that imports zod itself.
    files: ['shared/domain/zod.ts'],
    rules: { 'no-restricted-syntax': ['error', ONLY_CONFIG_READS_ENV] },
  },
  layer(['shared/**'], NOT_INFRA),
  layer(['shared/app/**'], NOT_INFRA, NOT_ADAPTERS),
  layer(['shared/domain/**', 'shared/chat/**'], NOT_INFRA, PURE),
  layer(['web/**'], WEB),
);
