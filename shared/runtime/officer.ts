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
import { clock, documentClient, log, once, tableName } from './common.ts';
import { complaintRepository } from './complaints.ts';

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
  clock,
  log: log(),
}));
