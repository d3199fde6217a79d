/**
 * Composition root of the officer API and the SLA sweep: adapters over the shared clients (common.ts),
 * handed to the use cases as their ports. Created once per process, on first use.
 */
import { createAlertRepository } from '../adapters/dynamodb/alert-repository.ts';
import { createOfficerDirectory } from '../adapters/dynamodb/officer-directory.ts';
import { createComplaintQueries } from '../adapters/dynamodb/complaint-queries.ts';
import { createFollowUpRepository } from '../adapters/dynamodb/follow-up-repository.ts';
import { createSlaDueSource } from '../adapters/dynamodb/sla-index.ts';
import type { OfficerDeps } from '../app/officer/ports.ts';
import type { SweepDeps } from '../app/sla/sweep.ts';
import { createCognitoOfficerAccounts } from '../adapters/cognito/officer-accounts.ts';
import { createForceRepository } from '../adapters/dynamodb/force-repository.ts';
import type { ForceAdminDeps } from '../app/force/admin.ts';
import { clock, cognitoClient, documentClient, log, once, tableName } from './common.ts';
import { userPoolConfig } from './config.ts';
import { complaintRepository } from './complaints.ts';

/** The force directory (units, posts, officers, postings): one per process, its structure cached briefly. */
export const forceRepository = /* @__PURE__ */ once(() => createForceRepository(documentClient(), tableName));

export const forceAdminDeps = /* @__PURE__ */ once((): ForceAdminDeps => ({
  force: forceRepository(),
  accounts: createCognitoOfficerAccounts(cognitoClient(), () => userPoolConfig().userPoolId),
  clock,
}));

export const officerDeps = /* @__PURE__ */ once((): OfficerDeps => ({
  complaints: complaintRepository(),
  queries: createComplaintQueries(documentClient(), tableName),
  followUps: createFollowUpRepository(documentClient(), tableName),
  alerts: createAlertRepository(documentClient(), tableName),
  directory: createOfficerDirectory(documentClient(), tableName),
  clock,
}));

export const sweepDeps = /* @__PURE__ */ once((): SweepDeps => ({
  due: createSlaDueSource(documentClient(), tableName),
  complaints: complaintRepository(),
  followUps: officerDeps().followUps,
  force: forceRepository(),
  clock,
  log: log(),
}));
