/**
 * Starts one moto server for the whole run (unless AWS_ENDPOINT_URL points at one already) and stops
 * it at the end, so `npm test` leaves nothing running.
 */
import type { TestProject } from 'vitest/node';
import { applyEmulatorCredentials, startEmulator, type Emulator } from '../../infra/local/emulator.ts';
import { ensureWebBuild } from '../../infra/local/site.ts';

let emulator: Emulator | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  applyEmulatorCredentials();
  // The browser tests, the local runtimes they start and the CDK synth all need the web build (web/dist).
  await ensureWebBuild();
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
