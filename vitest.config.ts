import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    // A child local runtime provisions the emulator and seeds the force directory before it answers; CDK synth is slow on 2 cores.
    hookTimeout: 180_000,
    // 2 cores in CI: keep workers few so emulator-bound tests do not starve each other.
    maxWorkers: 2,
    env: { POWERTOOLS_DEV: 'false', POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
