/**
 * Composition root of the officer, SLA and notification functions: adapters over the per-process SDK
 * clients, handed to the use cases as their ports. Created once per process, on first use.
 */
import { createScryptTrackingCodeHasher } from '../adapters/crypto/tracking-code-hasher.ts';
import { createAlertRepository, createOfficerDirectory } from '../adapters/dynamodb/alert-repository.ts';
import { createComplaintQueries } from '../adapters/dynamodb/complaint-queries.ts';
import { createComplaintRepository } from '../adapters/dynamodb/complaint-repository.ts';
import { createDigestStore } from '../adapters/dynamodb/digest-store.ts';
import { createFollowUpRepository } from '../adapters/dynamodb/follow-up-repository.ts';
import { createForceRepository } from '../adapters/dynamodb/force-repository.ts';
import { createOutboundMessageStore } from '../adapters/dynamodb/outbound-message-store.ts';
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import { createSlaDueSource } from '../adapters/dynamodb/sla-index.ts';
import type { OfficerDeps } from '../app/officer/ports.ts';
import type { ForceAdminDeps } from '../app/force/admin.ts';
import { createCognitoOfficerAccounts } from '../adapters/cognito/officer-accounts.ts';
import type { ComplaintDeps } from '../app/ports.ts';
import type { CitizenNotifierDeps } from '../app/notify/citizen-notifier.ts';
import type { OfficerAlerterDeps } from '../app/notify/officer-alerter.ts';
import type { SweepDeps } from '../app/sla/sweep.ts';
import { cognitoClient, documentClient } from './clients.ts';
import { clockOffsetMs, officerAlertConfig, tableConfig, userPoolConfig, whatsappConfig } from './config.ts';
import { appLog, graph } from './whatsapp.ts';

const tableName = (): string => tableConfig().tableName;

/** Wall clock, shifted by the local-only offset (RABTA_CLOCK_OFFSET_MS) so a developer can watch SLAs run out. */
export const clock = { now: (): Date => new Date(Date.now() + clockOffsetMs()) };

let force: ReturnType<typeof createForceRepository> | undefined;
/** The force directory (units, posts, officers, postings): one per process, its structure cached briefly. */
export const forceRepository = (): ReturnType<typeof createForceRepository> =>
  (force ??= createForceRepository(documentClient(), tableName));

let admin: ForceAdminDeps | undefined;
export const forceAdminDeps = (): ForceAdminDeps =>
  (admin ??= {
    force: forceRepository(),
    accounts: createCognitoOfficerAccounts(cognitoClient(), () => userPoolConfig().userPoolId),
    clock,
  });

let officer: OfficerDeps | undefined;
export const officerDeps = (): OfficerDeps =>
  (officer ??= {
    complaints: createComplaintRepository({ db: documentClient(), tableName: tableName() }),
    queries: createComplaintQueries(documentClient(), tableName),
    followUps: createFollowUpRepository(documentClient(), tableName),
    alerts: createAlertRepository(documentClient(), tableName),
    directory: createOfficerDirectory(documentClient(), tableName),
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

let sweep: SweepDeps | undefined;
export const sweepDeps = (): SweepDeps =>
  (sweep ??= {
    due: createSlaDueSource(documentClient(), tableName),
    complaints: officerDeps().complaints,
    followUps: officerDeps().followUps,
    force: forceRepository(),
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
    complaints: officerDeps().complaints,
    ...deliverDeps(),
    // Officers outside their 24-hour window get the officers' own approved template.
    template: officerTemplate(),
    alerts: officerDeps().alerts,
    force: forceRepository(),
    digests: createDigestStore(documentClient(), tableName),
    sessions: createSessionStore(documentClient(), tableName),
    consoleUrl: officerAlertConfig().consoleUrl,
    digestHourPkt: officerAlertConfig().digestHourPkt,
    clock,
  });

const officerTemplate = () => {
  const config = officerAlertConfig();
  return {
    name: config.templateName,
    language: config.templateLanguage,
    englishLanguage: config.templateLanguage,
  };
};
