// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.local/**', 'coverage/**', 'web/dist/**'] },
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
      ],
    },
  },
  {
    files: ['shared/runtime/config.ts', 'infra/**', 'test/**', 'bench/**', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/domain/**', 'shared/chat/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@aws-sdk/*',
            '@middy/*',
            '@aws-lambda-powertools/*',
            'node:http',
            'node:https',
            '../adapters/*',
            '../runtime/*',
            '../app/*',
          ],
        },
      ],
    },
  },
  {
    // The web front end talks to the API over HTTP like any client (architecture §9).
    files: ['web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/shared/adapters/**',
            '**/shared/runtime/**',
            '**/shared/app/**',
            '**/infra/**',
            '@aws-sdk/*',
            'node:*',
          ],
        },
      ],
    },
  },
  {
    files: ['web/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
