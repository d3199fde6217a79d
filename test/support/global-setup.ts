/**
 * Starts one moto server per vitest worker for the run (unless AWS_ENDPOINT_URL points at one already) and stops
 * them at the end, so `npm test` leaves nothing running. moto is single-threaded: one process shared by both
 * workers sat at one core while the browser and e2e suites queued behind each other's requests. Says which
 * suites skip for want of the external corpus (../shared/fixtures), and refuses to run without it under CI,
 * where it is always present.
 */
import type { TestProject } from 'vitest/node';
import { applyEmulatorCredentials, startEmulator, type Emulator } from '../../infra/local/emulator.ts';
import { ensureWebBuild } from '../../infra/local/site.ts';
import { CORPUS_ROOT, CORPUS_SUITES, corpusPresent, corpusSkipLine } from './corpus.ts';

const reportCorpus = (): void => {
  if (corpusPresent()) return;
  if (process.env.CI === 'true')
    throw new Error(`CI runs every suite: the external corpus ${CORPUS_ROOT} is missing.`);
  for (const [file, suite] of Object.entries(CORPUS_SUITES)) console.warn(corpusSkipLine(file, suite));
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  reportCorpus();
  applyEmulatorCredentials();
  // The browser tests, the local runtimes they start and the CDK synth all need the web build (web/dist).
  await ensureWebBuild();
  // An emulator named by AWS_ENDPOINT_URL is shared by every worker; otherwise each worker gets its own.
  const count = process.env.AWS_ENDPOINT_URL ? 1 : Math.max(1, project.globalConfig.maxWorkers);
  const emulators: Emulator[] = [];
  try {
    for (let i = 0; i < count; i += 1) emulators.push(await startEmulator());
  } catch (error) {
    await Promise.all(emulators.map((emulator) => emulator.stop()));
    throw error;
  }
  process.env.AWS_ENDPOINT_URL = emulators[0]?.endpoint;
  project.provide(
    'awsEndpoints',
    emulators.map((emulator) => emulator.endpoint),
  );
  return async () => {
    await Promise.all(emulators.map((emulator) => emulator.stop()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One emulator per worker, indexed by VITEST_POOL_ID − 1 (test/support/aws.ts). */
    awsEndpoints: string[];
  }
}
