/**
 * Composition root of the officer API, the SLA sweep and the monitoring counters: adapters over the shared
 * clients (common.ts), handed to the use cases as their ports. Created once per process, on first use.
 */
import { createAlertRepository } from '../adapters/dynamodb/alert-repository.ts';
import { createOfficerDirectory } from '../adapters/dynamodb/officer-directory.ts';
import { createComplaintQueries } from '../adapters/dynamodb/complaint-queries.ts';
import { createCounterStore } from '../adapters/dynamodb/counter-store.ts';
import {
  createFollowUpRepository,
  followUpItem,
  parseFollowUpItem,
} from '../adapters/dynamodb/follow-up-repository.ts';
import { complaintKey } from '../adapters/dynamodb/keys.ts';
import { createSlaDueSource, createSweepLeases } from '../adapters/dynamodb/sla-index.ts';
import { sourceIdOf, type ApplyCountersDeps, type ReconcileDeps } from '../app/counters.ts';
import type { OfficerDeps, SweepLeases } from '../app/officer/ports.ts';
import { createEvidenceRepository } from '../adapters/dynamodb/evidence-repository.ts';
import type { SweepDeps } from '../app/sla/sweep.ts';
import { createCognitoOfficerAccounts } from '../adapters/cognito/officer-accounts.ts';
import { createFeedbackStore } from '../adapters/dynamodb/feedback-store.ts';
import type { FeedbackReader } from '../app/officer/ports.ts';
import type { ForceAdminDeps } from '../app/force/admin.ts';
import { clock, cognitoClient, documentClient, log, once, tableName } from './common.ts';
import { userPoolConfig } from './config.ts';
import { parseComplaintItem } from '../schemas/stored.ts';
import { complaintRepository } from './complaints.ts';
import { forceRepository } from './force.ts';

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
  counters: createCounterStore(documentClient(), tableName),
  clock,
  evidence: createEvidenceRepository(documentClient(), tableName),
}));

/** Service feedback (WhatsApp service 15), read by the CPO in monitoring. */
export const serviceFeedbackDeps = /* @__PURE__ */ once((): { feedback: FeedbackReader } => ({
  feedback: createFeedbackStore(documentClient(), tableName),
}));

/** As long as the sweep's Lambda timeout (infra/topology.ts): a run that dies frees its shards then. */
export const SWEEP_LEASE_MS = 120_000;

export const sweepLeases = /* @__PURE__ */ once((): SweepLeases =>
  createSweepLeases(documentClient(), tableName),
);

export const sweepDeps = /* @__PURE__ */ once((): SweepDeps => ({
  // Small pages: the time budget is checked between pages and between complaints.
  due: createSlaDueSource(documentClient(), tableName, { pageSize: 25 }),
  complaints: complaintRepository(),
  followUps: officerDeps().followUps,
  force: forceRepository(),
  clock,
  log: log(),
}));

/** The monitoring counters' stream consumer. */
export const counterDeps = /* @__PURE__ */ once((): ApplyCountersDeps => ({
  store: officerDeps().counters,
  parsers: { complaint: parseComplaintItem, followUp: parseFollowUpItem },
  log: log(),
}));

/** The reconcile job: recounts from complaints (byDistrict index) and follow-ups. */
export const reconcileDeps = /* @__PURE__ */ once((): ReconcileDeps => ({
  store: officerDeps().counters,
  complaintsFiled: (district, from, to) => officerDeps().queries.filedBetween(district, from, to),
  followUpsOpened: (district, from, to) => officerDeps().followUps.openedBetween(district, from, to),
  complaintSourceId: (complaint) => sourceIdOf(complaintKey(complaint.etag)),
  followUpSourceId: (followUp) => sourceIdOf(followUpItem(followUp)),
  log: log(),
}));
