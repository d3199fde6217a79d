/**
 * Alerts that reach a person (issue 9). Each event is stored once as an alert (GET /officer/alerts, with
 * the recipients it went to) and sent on WhatsApp to the officers the force directory names:
 * - new complaint: the holder of the responsible post (the station's SHO when the station is known, else
 *   the post holding it); urgent complaints at once, the others in a daily digest (officer-digest.ts);
 * - SLA warning: the holder of the post holding the complaint;
 * - SLA breach: the holder of the post that let the time run out and the supervisor (the post it
 *   escalated to), who is told when the breached post was vacant.
 * Messages go through `deliver` under `alert#<timeline item id>#<service no.>`, so a redelivered event
 * messages nobody twice; inside the officer's 24-hour window free-form, else the officers' template.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { stationOf } from '../../domain/officer.ts';
import type { OfficerRecord } from '../../domain/force/personnel.ts';
import { isSlaLevel, type SlaLevel } from '../../domain/sla.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { parseEventDetail } from '../../schemas/events/index.ts';
import { accountableAt, whereOf, type Accountable } from '../force/accountability.ts';
import type { ForceReader } from '../force/ports.ts';
import type { Clock, ComplaintRepository } from '../ports.ts';
import { deliver, type DeliverDeps } from '../whatsapp/deliver.ts';
import type { SessionPort } from '../whatsapp/ports.ts';
import type { AlertRepository, OfficerAlert } from '../officer/ports.ts';
import type { BusEvent } from './citizen-notifier.ts';
import { breachText, complaintLink, newComplaintText, warningText } from './officer-text.ts';

/** A non-urgent new complaint waiting for the holder's daily digest. */
export interface DigestEntry {
  postId: string;
  etag: string;
  category: string;
  occurredAt: string;
}

export interface DigestStore {
  /** Queues the entry for the digest sent on `digestDate` (YYYY-MM-DD, Pakistan date); once per complaint. */
  add(digestDate: string, entry: DigestEntry): Promise<void>;
  entries(digestDate: string): Promise<DigestEntry[]>;
}

export interface OfficerAlerterDeps extends DeliverDeps {
  complaints: Pick<ComplaintRepository, 'get'>;
  alerts: AlertRepository;
  force: ForceReader;
  digests: DigestStore;
  /** Officers who chatted with the bot have an open 24-hour window: free-form then, template otherwise. */
  sessions?: SessionPort;
  consoleUrl: string;
  /** Hour of the day (Pakistan time) the digest goes out. */
  digestHourPkt: number;
  clock: Clock;
}

export type AlertOutcome =
  | { outcome: 'alerted'; stored: boolean; messaged: number }
  | { outcome: 'digest'; digestDate: string }
  | { outcome: 'ignored' };

const PKT_OFFSET_MS = 5 * 3600_000;

/** The Pakistan date of the digest that carries something that happened at `at`. */
export const digestDateFor = (at: Date, digestHourPkt: number): string => {
  const local = new Date(at.getTime() + PKT_OFFSET_MS);
  if (local.getUTCHours() >= digestHourPkt) local.setUTCDate(local.getUTCDate() + 1);
  return local.toISOString().slice(0, 10);
};

interface Recipient {
  officer: OfficerRecord;
  text: string;
}

export const sendToOfficer = async (
  deps: Pick<OfficerAlerterDeps, keyof DeliverDeps | 'sessions'>,
  outboundId: string,
  officer: OfficerRecord,
  text: string,
  now: Date,
): Promise<boolean> => {
  const phone = officer.whatsapp?.phone;
  if (!phone) return false; // no number, or no consent to be messaged
  const waId = phone.replace(/^\+/, '');
  const session = await deps.sessions?.load(waId);
  const windowStart = session ? new Date(session.lastInboundAt) : undefined;
  const outcome = await deliver(deps, {
    outboundId,
    citizenId: `officer:${officer.serviceNumber}`,
    recipient: { waId },
    message: { kind: 'text', body: text },
    windowStart: windowStart && !Number.isNaN(windowStart.getTime()) ? windowStart : undefined,
    now,
  });
  return outcome === 'sent';
};

/** Events name roles; only the five holding levels have posts (ADMIN never holds a complaint). */
const tierOf = (role: Role): SlaLevel => (isSlaLevel(role) ? role : 'CPO');

const holderOf = (a: Accountable | undefined): OfficerRecord[] => (a?.holder ? [a.holder] : []);

const plan = async (
  deps: OfficerAlerterDeps,
  event: BusEvent,
  complaint: Complaint | undefined,
  now: Date,
): Promise<{ alert: OfficerAlert; recipients: Recipient[] } | { digest: DigestEntry } | undefined> => {
  if (!complaint) return undefined;
  const where = whereOf(complaint);
  const station = stationOf(complaint);
  const link = complaintLink(deps.consoleUrl, complaint.etag);
  const base = { etag: complaint.etag, district: complaint.district, ...(station ? { station } : {}) };
  switch (event['detail-type']) {
    case 'ComplaintFiled': {
      const d = parseEventDetail('ComplaintFiled', event.detail);
      const tier: SlaLevel =
        (await deps.force.structure()).station(where.district, where.station) !== undefined
          ? 'SHO'
          : (complaint.sla?.level ?? 'DPO');
      const responsible = await accountableAt(deps.force, where, tier, now);
      if (d.priority !== 'urgent') {
        return responsible.post
          ? {
              digest: {
                postId: responsible.post.id,
                etag: d.etag,
                category: d.category,
                occurredAt: d.occurredAt,
              },
            }
          : undefined;
      }
      const dueAt = complaint.sla?.dueAt;
      const text = newComplaintText({
        etag: d.etag,
        category: d.category,
        urgent: true,
        post: responsible.label,
        filedAt: d.occurredAt,
        ...(dueAt ? { dueAt } : {}),
        link,
      });
      return {
        alert: {
          id: d.timelineItemId,
          kind: 'new_complaint',
          ...base,
          level: tier,
          phase: 'first_action',
          dueAt: dueAt ?? d.occurredAt,
          occurredAt: d.occurredAt,
        },
        recipients: holderOf(responsible).map((officer) => ({ officer, text })),
      };
    }
    case 'ComplaintSlaWarning': {
      const d = parseEventDetail('ComplaintSlaWarning', event.detail);
      const holder = await accountableAt(deps.force, where, tierOf(d.level), now);
      const text = warningText({ etag: d.etag, post: holder.label, dueAt: d.dueAt, link });
      return {
        alert: {
          id: d.timelineItemId,
          kind: 'warning',
          ...base,
          level: d.level,
          phase: d.phase,
          dueAt: d.dueAt,
          occurredAt: d.occurredAt,
        },
        recipients: holderOf(holder).map((officer) => ({ officer, text })),
      };
    }
    case 'ComplaintSlaBreached': {
      const d = parseEventDetail('ComplaintSlaBreached', event.detail);
      // The holder now (who must still act or hand over) and the supervisor it escalated to.
      const breached = await accountableAt(deps.force, where, tierOf(d.fromLevel), now);
      const atDeadline = await accountableAt(deps.force, where, tierOf(d.fromLevel), d.dueAt);
      const supervisor = await accountableAt(deps.force, where, tierOf(d.toLevel), now);
      const text = breachText({
        etag: d.etag,
        post: breached.label,
        vacant: atDeadline.holder === undefined,
        dueAt: d.dueAt,
        nextPost: supervisor.label,
        link,
      });
      const people = new Map<string, OfficerRecord>();
      for (const o of [...holderOf(breached), ...holderOf(supervisor)]) people.set(o.serviceNumber, o);
      return {
        alert: {
          id: d.timelineItemId,
          kind: 'breach',
          ...base,
          level: d.fromLevel,
          escalatedTo: d.toLevel,
          phase: d.phase,
          dueAt: d.dueAt,
          occurredAt: d.occurredAt,
        },
        recipients: [...people.values()].map((officer) => ({ officer, text })),
      };
    }
    default:
      return undefined;
  }
};

export const alertOfficers = async (deps: OfficerAlerterDeps, event: BusEvent): Promise<AlertOutcome> => {
  const etag = (event.detail as { etag?: unknown } | null)?.etag;
  const complaint = typeof etag === 'string' ? await deps.complaints.get(etag) : undefined;
  const now = deps.clock.now();
  const planned = await plan(deps, event, complaint, now);
  if (!planned) return { outcome: 'ignored' };
  if ('digest' in planned) {
    const digestDate = digestDateFor(new Date(planned.digest.occurredAt), deps.digestHourPkt);
    await deps.digests.add(digestDate, planned.digest);
    return { outcome: 'digest', digestDate };
  }
  const { alert, recipients } = planned;
  const stored = await deps.alerts.add({
    ...alert,
    recipients: recipients.map((r) => ({
      serviceNumber: r.officer.serviceNumber,
      name: r.officer.name,
      rank: r.officer.rank,
      messaged: r.officer.whatsapp !== undefined,
    })),
  });
  let messaged = 0;
  for (const { officer, text } of recipients) {
    if (await sendToOfficer(deps, `alert#${alert.id}#${officer.serviceNumber}`, officer, text, now))
      messaged++;
  }
  return { outcome: 'alerted', stored, messaged };
};
