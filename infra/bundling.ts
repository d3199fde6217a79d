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
  /** Prefer ESM builds of dependencies. */
  mainFields: ['module', 'main'] as string[],
  /** Bundle the SDK too: pinned versions, the same code that runs locally, tree-shaken. */
  externalModules: [] as string[],
} as const;
