/**
 * esbuild settings shared by the CDK AppFunction and the bundle benchmark, so the figures describe what
 * is deployed.
 */
export const BUNDLING = {
  /** Lambda's newest Node.js runtime offered by the pinned aws-cdk-lib (nodejs24.x). */
  target: 'node24',
  /** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
  esmBanner:
    "import { createRequire as __rabtaCreateRequire } from 'node:module'; const require = __rabtaCreateRequire(import.meta.url);",
  /**
   * Write non-ASCII text as UTF-8, not as `\uXXXX` escapes (esbuild's default): the bot's Urdu catalog, prompts
   * and intent lexicon took 6 bytes a letter escaped and take 2 as UTF-8 (WhatsAppWorker −66 KiB). Node reads
   * every module as UTF-8, so the strings are the same (test/infra/bundle-budget.test.ts checks it).
   */
  charset: 'utf8',
  /** Prefer ESM builds of dependencies. */
  mainFields: ['module', 'main'] as string[],
  /**
   * Bundle the SDK too (pinned versions, the same code that runs locally, tree-shaken), except the credential
   * providers the SDK's default chain reaches only after the environment: Lambda puts the function's role
   * credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so `fromEnv`,
   * the chain's first link, always answers and these are never imported. The chain imports them with dynamic
   * `import()`, so leaving them out changes nothing when a function loads; they were ~130 KiB of every bundle
   * (SSO, STS, the login flow and their XML and query protocols; docs/performance.md).
   */
  externalModules: [
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@smithy/credential-provider-imds',
  ] as string[],
} as const;
