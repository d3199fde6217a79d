/**
 * Composition root of the bus consumers that message people: the citizen notifier and the officer
 * alerter, over the shared clients (common.ts) and the WhatsApp sending path (whatsapp.ts).
 */
import { createSessionStore } from '../adapters/dynamodb/session-store.ts';
import type { CitizenNotifierDeps } from '../app/notify/citizen-notifier.ts';
import type { OfficerAlerterDeps } from '../app/notify/officer-alerter.ts';
import { clock, documentClient, once, tableName } from './common.ts';
import { complaintRepository } from './complaints.ts';
import { forceRepository } from './force.ts';
import { officerDeps } from './officer.ts';
import { officerAlertConfig } from './config.ts';
import { createDigestStore } from '../adapters/dynamodb/digest-store.ts';
import { deliverDeps, optInStore } from './whatsapp.ts';

export const notifierDeps = /* @__PURE__ */ once((): CitizenNotifierDeps => ({
  ...deliverDeps(),
  complaints: complaintRepository(),
  sessions: createSessionStore(documentClient(), tableName),
  optIns: optInStore(),
  clock,
}));

export const alerterDeps = /* @__PURE__ */ once((): OfficerAlerterDeps => {
  const config = officerAlertConfig();
  return {
    ...deliverDeps(),
    // Officers outside their 24-hour window get the officers' own approved template.
    template: {
      name: config.templateName,
      language: config.templateLanguage,
      englishLanguage: config.templateLanguage,
    },
    complaints: complaintRepository(),
    alerts: officerDeps().alerts,
    force: forceRepository(),
    digests: createDigestStore(documentClient(), tableName),
    sessions: createSessionStore(documentClient(), tableName),
    consoleUrl: config.consoleUrl,
    digestHourPkt: config.digestHourPkt,
    clock,
  };
});
