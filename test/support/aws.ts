/**
 * Integration-test helpers: each test file provisions its own copy of the resources under a unique
 * stage name in its worker's emulator, so files can run in parallel without seeing each other's data.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { applyEmulatorCredentials } from '../../infra/local/emulator.ts';
import { provision, type Provisioned } from '../../infra/local/provision.ts';

/** This worker's emulator: each vitest worker has its own moto (test/support/global-setup.ts). */
export const useEmulator = (): string => {
  const endpoints = inject('awsEndpoints');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const endpoint = endpoints[(Math.max(1, worker) - 1) % endpoints.length] ?? endpoints[0];
  if (!endpoint) throw new Error('The test global setup provided no emulator endpoint.');
  process.env.AWS_ENDPOINT_URL = endpoint;
  applyEmulatorCredentials();
  return endpoint;
};

/** Provisions fresh resources and exports their names into process.env, as Lambda would. */
export const provisionForTest = async (prefix = 't'): Promise<Provisioned> => {
  useEmulator();
  const stage = `${prefix}${randomBytes(4).toString('hex')}`;
  const provisioned = await provision({ stage });
  Object.assign(process.env, provisioned.env);
  return provisioned;
};
