/**
 * SLA warnings and breaches → officer alerts (issue 5 item 6). Each event is stored once as an alert
 * (visible through GET /officer/alerts to officers whose scope covers the complaint) and sent as a
 * WhatsApp template to the officers concerned, found in the officer directory:
 * - warning: the officers of the post holding the complaint (for a station, that station's SHOs);
 * - breach: the post that now holds it and the supervisor of the post that let the time run out.
 * Messages go through `deliver` under `alert#<timelineItemId>#<officer id>`, so a redelivered event
 * messages nobody twice.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { supervisorLevel } from '../../domain/follow-up.ts';
import { regionOfDistrict, stationOf, type Officer } from '../../domain/officer.ts';
import { isSlaLevel } from '../../domain/sla.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { parseEventDetail } from '../../schemas/events/index.ts';
import type { Clock, ComplaintRepository } from '../ports.ts';
import { deliver, type DeliverDeps } from '../whatsapp/deliver.ts';
import type { AlertRepository, OfficerAlert, OfficerDirectory } from '../officer/ports.ts';
import { sameText } from '../officer/scope.ts';
import type { BusEvent } from './citizen-notifier.ts';

export interface OfficerAlerterDeps extends DeliverDeps {
  complaints: Pick<ComplaintRepository, 'get'>;
  alerts: AlertRepository;
  directory: OfficerDirectory;
  clock: Clock;
}

export type AlertOutcome = { outcome: 'alerted'; stored: boolean; messaged: number } | { outcome: 'ignored' };

/** Officers' alert text: English, no citizen data (e-tag, level, deadline only). */
export const alertText = (alert: OfficerAlert): string =>
  alert.kind === 'warning'
    ? `Rabta SLA warning: complaint ${alert.etag} (${alert.district}) held at ${alert.level} is due by ${alert.dueAt}. Please act on it.`
    : `Rabta SLA breach: complaint ${alert.etag} (${alert.district}) was not handled by ${alert.level} in time (due ${alert.dueAt}) and is now with ${alert.escalatedTo ?? 'the next level'}. A disciplinary follow-up was opened.`;

const toAlert = (event: BusEvent, complaint: Complaint | undefined): OfficerAlert | undefined => {
  const station = complaint ? stationOf(complaint) : undefined;
  if (event['detail-type'] === 'ComplaintSlaWarning') {
    const d = parseEventDetail('ComplaintSlaWarning', event.detail);
    return {
      id: d.timelineItemId,
      kind: 'warning',
      etag: d.etag,
      district: d.district,
      ...(station ? { station } : {}),
      level: d.level,
      phase: d.phase,
      dueAt: d.dueAt,
      occurredAt: d.occurredAt,
    };
  }
  if (event['detail-type'] === 'ComplaintSlaBreached') {
    const d = parseEventDetail('ComplaintSlaBreached', event.detail);
    return {
      id: d.timelineItemId,
      kind: 'breach',
      etag: d.etag,
      district: d.district,
      ...(station ? { station } : {}),
      level: d.fromLevel,
      escalatedTo: d.toLevel,
      phase: d.phase,
      dueAt: d.dueAt,
      occurredAt: d.occurredAt,
    };
  }
  return undefined;
};

/** Posts to tell, by role. */
export const rolesToAlert = (alert: OfficerAlert): Role[] => {
  if (alert.kind === 'warning') return [alert.level];
  const roles = new Set<Role>();
  if (alert.escalatedTo) roles.add(alert.escalatedTo);
  if (isSlaLevel(alert.level)) roles.add(supervisorLevel(alert.level));
  return [...roles];
};

const recipientsFor = async (deps: OfficerAlerterDeps, alert: OfficerAlert): Promise<Officer[]> => {
  const region = regionOfDistrict(alert.district);
  const area = { district: alert.district, ...(region ? { region } : {}) };
  const byId = new Map<string, Officer>();
  for (const role of rolesToAlert(alert)) {
    for (const officer of await deps.directory.holders(role, area)) {
      // A station's warning goes to that station's officers only.
      if (role === 'SHO' && !sameText(officer.station, alert.station)) continue;
      byId.set(officer.id, officer);
    }
  }
  return [...byId.values()];
};

export const alertOfficers = async (deps: OfficerAlerterDeps, event: BusEvent): Promise<AlertOutcome> => {
  const etag = (event.detail as { etag?: unknown } | null)?.etag;
  const complaint = typeof etag === 'string' ? await deps.complaints.get(etag) : undefined;
  const alert = toAlert(event, complaint);
  if (!alert) return { outcome: 'ignored' };
  const stored = await deps.alerts.add(alert);
  const now = deps.clock.now();
  let messaged = 0;
  for (const officer of await recipientsFor(deps, alert)) {
    const waId = officer.phone?.replace(/^\+/, '');
    if (!waId || !/^\d{7,15}$/.test(waId)) continue;
    const outcome = await deliver(deps, {
      outboundId: `alert#${alert.id}#${officer.id}`,
      citizenId: `officer:${officer.id}`,
      recipient: { waId },
      message: { kind: 'text', body: alertText(alert) },
      // Officers are messaged by template: their 24-hour window is not tracked.
      windowStart: undefined,
      now,
    });
    if (outcome === 'sent') messaged++;
  }
  return { outcome: 'alerted', stored, messaged };
};
