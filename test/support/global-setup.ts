/**
 * Starts one moto server for the whole run (unless AWS_ENDPOINT_URL points at one already) and stops
 * it at the end, so `npm test` leaves nothing running. Says which suites skip for want of the external
 * corpus (../shared/fixtures), and refuses to run without it under CI, where it is always present.
 */
import type { TestProject } from 'vitest/node';
import { applyEmulatorCredentials, startEmulator, type Emulator } from '../../infra/local/emulator.ts';
import { CORPUS_ROOT, CORPUS_SUITES, corpusPresent, corpusSkipLine } from './corpus.ts';

let emulator: Emulator | undefined;

const reportCorpus = (): void => {
  if (corpusPresent()) return;
  if (process.env.CI === 'true')
    throw new Error(`CI runs every suite: the external corpus ${CORPUS_ROOT} is missing.`);
  for (const [file, suite] of Object.entries(CORPUS_SUITES)) console.warn(corpusSkipLine(file, suite));
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  reportCorpus();
  applyEmulatorCredentials();
  emulator = await startEmulator();
  process.env.AWS_ENDPOINT_URL = emulator.endpoint;
  project.provide('awsEndpoint', emulator.endpoint);
  return async () => {
    await emulator?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    awsEndpoint: string;
  }
}
