/**
 * Composition root of the officer, SLA and notification functions: adapters over the per-process SDK
 * clients, handed to the use cases as their ports. Created once per process, on first use.
 */
import { createScryptTrackingCodeHasher } from '../adapters/crypto/tracking-code-hasher.ts';
import { createAlertRepository, createOfficerDirectory } from '../adapters/dynamodb/alert-repository.ts';
import { createComplaintQueries } from '../adapters/dynamodb/complaint-queries.ts';
import { createComplaintRepository } from '../adapters/dynamodb/complaint-repository.ts';
import { createCounterStore } from '../adapters/dynamodb/counter-store.ts';
import { createOutboundMessageStore } from '../adapters/dynamodb/outbound-message-store.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { createSlaDueSource, createSweepLeases } from '../adapters/dynamodb/sla-index.ts';
import { complaintKey } from '../adapters/dynamodb/keys.ts';
import {
  createFollowUpRepository,
  followUpItem,
  parseFollowUpItem,
} from '../adapters/dynamodb/follow-up-repository.ts';
import { sourceIdOf, type ApplyCountersDeps, type ReconcileDeps } from '../app/counters.ts';
import type { OfficerDeps, SweepLeases } from '../app/officer/ports.ts';
import { parseComplaintItem } from '../schemas/stored.ts';
import type { ComplaintDeps } from '../app/ports.ts';
import type { CitizenNotifierDeps } from '../app/notify/citizen-notifier.ts';
import type { OfficerAlerterDeps } from '../app/notify/officer-alerter.ts';
import type { SweepDeps } from '../app/sla/sweep.ts';
import { documentClient } from './clients.ts';
import { clockOffsetMs, tableConfig, whatsappConfig } from './config.ts';
import { appLog, graph } from './whatsapp.ts';

const tableName = (): string => tableConfig().tableName;

/** Wall clock, shifted by the local-only offset (RABTA_CLOCK_OFFSET_MS) so a developer can watch SLAs run out. */
export const clock = { now: (): Date => new Date(Date.now() + clockOffsetMs()) };

let officer: OfficerDeps | undefined;
export const officerDeps = (): OfficerDeps =>
  (officer ??= {
    complaints: createComplaintRepository({ db: documentClient(), tableName: tableName() }),
    queries: createComplaintQueries(documentClient(), tableName),
    followUps: createFollowUpRepository(documentClient(), tableName),
    alerts: createAlertRepository(documentClient(), tableName),
    directory: createOfficerDirectory(documentClient(), tableName),
    counters: createCounterStore(documentClient(), tableName),
    clock,
  });

/** For the public feedback route: the complaint ports with the tracking-code hasher (proof of ownership). */
let citizen: Pick<ComplaintDeps, 'complaints' | 'trackingCodes' | 'clock'> | undefined;
export const citizenFeedbackDeps = (): Pick<ComplaintDeps, 'complaints' | 'trackingCodes' | 'clock'> =>
  (citizen ??= {
    complaints: officerDeps().complaints,
    trackingCodes: createScryptTrackingCodeHasher(),
    clock,
  });

/** As long as the sweep's Lambda timeout (infra/topology.ts): a run that dies frees its shards then. */
export const SWEEP_LEASE_MS = 120_000;

let leases: SweepLeases | undefined;
export const sweepLeases = (): SweepLeases => (leases ??= createSweepLeases(documentClient(), tableName));

let sweep: SweepDeps | undefined;
export const sweepDeps = (): SweepDeps =>
  (sweep ??= {
    // Small pages: the time budget is checked between pages and between complaints.
    due: createSlaDueSource(documentClient(), tableName, { pageSize: 25 }),
    complaints: officerDeps().complaints,
    followUps: officerDeps().followUps,
    clock,
    log: appLog(),
  });

const deliverDeps = () => {
  const config = whatsappConfig();
  return {
    outbound: createOutboundMessageStore(documentClient(), tableName),
    graph: graph(),
    template: {
      name: config.templateName,
      language: config.templateLanguage,
      englishLanguage: config.templateLanguageEnglish,
    },
    log: appLog(),
  };
};

let notifier: CitizenNotifierDeps | undefined;
export const notifierDeps = (): CitizenNotifierDeps =>
  (notifier ??= {
    ...deliverDeps(),
    complaints: officerDeps().complaints,
    sessions: createSessionStore(documentClient(), tableName),
    clock,
  });

let alerter: OfficerAlerterDeps | undefined;
export const alerterDeps = (): OfficerAlerterDeps =>
  (alerter ??= {
    ...deliverDeps(),
    complaints: officerDeps().complaints,
    alerts: officerDeps().alerts,
    directory: officerDeps().directory,
    clock,
  });

let counters: ApplyCountersDeps | undefined;
/** The monitoring counters' stream consumer. */
export const counterDeps = (): ApplyCountersDeps =>
  (counters ??= {
    store: officerDeps().counters,
    parsers: { complaint: parseComplaintItem, followUp: parseFollowUpItem },
    log: appLog(),
  });

let reconcile: ReconcileDeps | undefined;
/** The reconcile job: recounts from complaints (byDistrict index) and follow-ups. */
export const reconcileDeps = (): ReconcileDeps =>
  (reconcile ??= {
    store: officerDeps().counters,
    complaintsFiled: (district, from, to) => officerDeps().queries.filedBetween(district, from, to),
    followUpsOpened: (district, from, to) => officerDeps().followUps.openedBetween(district, from, to),
    complaintSourceId: (complaint) => sourceIdOf(complaintKey(complaint.etag)),
    followUpSourceId: (followUp) => sourceIdOf(followUpItem(followUp)),
    log: appLog(),
  });
