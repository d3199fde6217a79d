/**
 * THE module that builds keys of the application table (docs/data-model.md). Nothing else spells
 * `C#`, `T#`, `DIST#` or `CIT#`. Add keys for new item kinds (sessions, outbound messages,
 * follow-ups, ...) here, next to the ones below.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { dueAtForIndex, slaSchema } from '../../domain/sla.ts';
import { OPEN_STATUSES, type Priority, type Status } from '../../domain/vocabulary.ts';
import type { AppIndexName } from './table.ts';
import { citizenIdentityOf } from '../../app/citizen/identity.ts';

export { citizenIdentityOf };

export interface TableKey {
  pk: string;
  sk: string;
}

/** Attribute values that feed the secondary indexes. */
export type IndexAttributes = Record<string, string | number>;

export const INDEX = {
  byDistrict: 'byDistrict',
  byCitizen: 'byCitizen',
  byDistrictStatus: 'byDistrictStatus',
  byDistrictPriority: 'byDistrictPriority',
  slaDue: 'slaDue',
} as const satisfies Record<AppIndexName, string>;

// --- complaint and its timeline --------------------------------------------------------------

const COMPLAINT_PREFIX = 'C#';
export const COMPLAINT_META_SK = 'META';
export const TIMELINE_SK_PREFIX = 'T#';

export const complaintPk = (etag: string): string => `${COMPLAINT_PREFIX}${etag}`;

export const complaintKey = (etag: string): TableKey => ({ pk: complaintPk(etag), sk: COMPLAINT_META_SK });

/**
 * Sort key of a timeline entry. `seq` orders entries written at the same millisecond: the complaint
 * version the entry belongs to, then its position in that write, so concurrent writers never collide
 * on a key without also colliding on the version.
 */
export const timelineSk = (at: string, version: number, position: number): string =>
  `${TIMELINE_SK_PREFIX}${at}#${String(version).padStart(6, '0')}.${String(position).padStart(2, '0')}`;

export const timelineKey = (etag: string, at: string, version: number, position: number): TableKey => ({
  pk: complaintPk(etag),
  sk: timelineSk(at, version, position),
});

export const isTimelineSk = (sk: string): boolean => sk.startsWith(TIMELINE_SK_PREFIX);

/** Globally unique id of a timeline entry; events carry it and consumers deduplicate on it. */
export const timelineItemId = (etag: string, sk: string): string =>
  `${etag}#${sk.slice(TIMELINE_SK_PREFIX.length)}`;

// --- index keys -------------------------------------------------------------------------------

/** Newest first within a partition: ISO times sort lexically; the e-tag breaks ties. */
const newestFirstSk = (createdAt: string, etag: string): string => `${createdAt}#${etag}`;

export const districtPk = (district: string): string => `DIST#${district}`;
export const districtStatusPk = (district: string, status: Status): string => `DIST#${district}#ST#${status}`;
export const districtPriorityPk = (district: string, priority: Priority): string =>
  `DIST#${district}#PR#${priority}`;
export const citizenPk = (identity: string): string => `CIT#${identity}`;

export const byDistrictAttributes = (
  c: Pick<Complaint, 'district' | 'createdAt' | 'etag'>,
): IndexAttributes => ({
  gsi1pk: districtPk(c.district),
  gsi1sk: newestFirstSk(c.createdAt, c.etag),
});

export const byCitizenAttributes = (
  c: Pick<Complaint, 'complainant' | 'createdAt' | 'etag'>,
): IndexAttributes => ({
  gsi2pk: citizenPk(citizenIdentityOf(c)),
  gsi2sk: newestFirstSk(c.createdAt, c.etag),
});

export const byDistrictStatusAttributes = (
  c: Pick<Complaint, 'district' | 'status' | 'createdAt' | 'etag'>,
): IndexAttributes => ({
  gsi3pk: districtStatusPk(c.district, c.status),
  gsi3sk: newestFirstSk(c.createdAt, c.etag),
});

export const byDistrictPriorityAttributes = (
  c: Pick<Complaint, 'district' | 'priority' | 'createdAt' | 'etag'>,
): IndexAttributes => ({
  gsi4pk: districtPriorityPk(c.district, c.priority),
  gsi4sk: newestFirstSk(c.createdAt, c.etag),
});

/**
 * Sparse SLA due index (`slaShard` / `slaDue`). Owned by the SLA engine: return both attributes for a
 * complaint whose clock runs, nothing otherwise (the item then drops out of the index on its next write).
 *
 * - `slaShard` = `SLA#<n>`, n = FNV-1a(etag) mod SLA_SHARD_COUNT: spreads the sweep's reads and the
 *   writes over a few partitions, stable for a complaint's whole life. Changing the count needs a rewrite
 *   of every open complaint, so it is a constant, not configuration.
 * - `slaDue` = `<ISO time the sweep must look>#<etag>` (warning time until warned, then due time).
 */
export const SLA_SHARD_COUNT = 4;
const SLA_SHARD_PREFIX = 'SLA#';

export const slaShardKey = (shard: number): string => `${SLA_SHARD_PREFIX}${shard}`;

/** 32-bit FNV-1a: tiny and stable across runtimes; spreads e-tags evenly enough over a few shards. */
export const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
};

export const slaShardOf = (etag: string, shards: number = SLA_SHARD_COUNT): string =>
  slaShardKey(fnv1a(etag) % shards);

/** A sweep's time-limited claim on one shard of the due index. */
export const sweepLeaseKey = (shard: number): TableKey => ({ pk: `SWEEPLEASE#${shard}`, sk: 'LEASE' });

export const slaDueSk = (dueAt: string, etag: string): string => `${dueAt}#${etag}`;

export const slaIndexAttributes = (complaint: Complaint): IndexAttributes => {
  const parsed = slaSchema.safeParse(complaint.sla);
  const due = parsed.success ? dueAtForIndex(parsed.data) : undefined;
  if (due === undefined || !OPEN_STATUSES.includes(complaint.status)) return {};
  return { slaShard: slaShardOf(complaint.etag), slaDue: slaDueSk(due, complaint.etag) };
};

/**
 * Every index attribute of a complaint's META item, derived from its state on each write (the whole
 * item is replaced, so an attribute not returned here is removed from the item and its index).
 */
export const complaintIndexAttributes = (complaint: Complaint): IndexAttributes => ({
  ...byDistrictAttributes(complaint),
  ...byCitizenAttributes(complaint),
  ...byDistrictStatusAttributes(complaint),
  ...byDistrictPriorityAttributes(complaint),
  ...slaIndexAttributes(complaint),
});

// --- WhatsApp: chat sessions, processed inbound messages, outbound messages (owner: WHATSAPP-EDGE) ---

/** A citizen's chat session: `U#<citizen id>` (business-scoped user id, else wa_id). */
export const sessionKey = (citizenId: string): TableKey => ({ pk: `U#${citizenId}`, sk: 'SESSION' });

/** The exactly-once record of one inbound Meta message (wamid), kept at least 7 days. */
export const processedMessageKey = (wamid: string): TableKey => ({ pk: `MSG#${wamid}`, sk: 'PROCESSED' });

/** An outbound message, by Rabta's deterministic id (inbound id + reply index), written before it is sent. */
export const outboundMessageKey = (outboundId: string): TableKey => ({ pk: `OUT#${outboundId}`, sk: 'OUT' });

/** Meta's id of a sent message -> Rabta's outbound id, for status webhooks. */
export const outboundByWamidKey = (wamid: string): TableKey => ({ pk: `OUTW#${wamid}`, sk: 'OUT' });

/** A general feedback or suggestion sent over WhatsApp (service 15), not tied to a complaint. */
export const feedbackKey = (feedbackId: string): TableKey => ({ pk: `FB#${feedbackId}`, sk: 'FEEDBACK' });

/** gsi1: every service feedback in one partition, newest first (a few a day: no hot partition). */
export const FEEDBACK_INDEX_PK = 'FEEDBACK';
export const feedbackIndexAttributes = (f: { id: string; receivedAt: string }): IndexAttributes => ({
  gsi1pk: FEEDBACK_INDEX_PK,
  gsi1sk: newestFirstSk(f.receivedAt, f.id),
});

/** Marks that one filing request (e.g. a WhatsApp message id) produced a complaint; kept 30 days. */
export const filingRequestKey = (requestId: string): TableKey => ({
  pk: `FILING#${requestId}`,
  sk: 'FILING',
});
export const FILING_REQUEST_TTL_SECONDS = 30 * 86_400;

// --- abuse limits and opt-in (issue 12) ----------------------------------------------------------

/** One fixed window of one abuse-limit counter; `hashedKey` never holds the phone or address itself. */
export const rateCounterKey = (rule: string, hashedKey: string, windowStart: number): TableKey => ({
  pk: `RL#${rule}#${hashedKey}`,
  sk: `W#${windowStart}`,
});

/** Whether a phone number (wa_id) agreed to hear from Rabta about complaints filed on the web. */
export const optInKey = (waId: string): TableKey => ({ pk: `OPTIN#${waId}`, sk: 'OPTIN' });

// --- disciplinary follow-ups (SLA engine) -----------------------------------------------------

/** Beside its complaint (`C#<etag>` / `FU#<breach no.>`); never a `T#` item, so never published as an event. */
const FOLLOW_UP_SK_PREFIX = 'FU#';

export const followUpKey = (etag: string, breachNumber: number): TableKey => ({
  pk: complaintPk(etag),
  sk: `${FOLLOW_UP_SK_PREFIX}${String(breachNumber).padStart(4, '0')}`,
});

export const followUpDistrictPk = (district: string): string => `FUDIST#${district}`;
export const followUpDistrictStatePk = (district: string, state: string): string =>
  `FUDIST#${district}#ST#${state}`;

/** gsi1: a district's follow-ups newest first; gsi3: the same per state (supervisors' work queues). */
export const followUpIndexAttributes = (f: {
  district: string;
  state: string;
  openedAt: string;
  id: string;
}): IndexAttributes => ({
  gsi1pk: followUpDistrictPk(f.district),
  gsi1sk: newestFirstSk(f.openedAt, f.id),
  gsi3pk: followUpDistrictStatePk(f.district, f.state),
  gsi3sk: newestFirstSk(f.openedAt, f.id),
});

// --- officer alerts (SLA warnings and breaches) -----------------------------------------------

/** One alert per SLA timeline entry: keyed by the entry's id, so a redelivered event is stored once. */
export const alertKey = (timelineItemId: string): TableKey => ({
  pk: `ALERT#${timelineItemId}`,
  sk: 'ALERT',
});

export const alertDistrictPk = (district: string): string => `ALERTDIST#${district}`;

export const alertIndexAttributes = (a: {
  district: string;
  occurredAt: string;
  timelineItemId: string;
}): IndexAttributes => ({
  gsi1pk: alertDistrictPk(a.district),
  gsi1sk: newestFirstSk(a.occurredAt, a.timelineItemId),
});

// --- officer directory (who holds a post, and their WhatsApp number) ---------------------------

/** `PROVINCE` for the CPO cell, the region code for an RPO, the district code below that. */
export const officerPostPk = (role: string, area: string): string => `POST#${role}#${area}`;
export const officerDirectoryKey = (role: string, area: string, officerId: string): TableKey => ({
  pk: officerPostPk(role, area),
  sk: `OFFICER#${officerId}`,
});

// --- the force directory: units, posts, officers, postings (issue 9) ----------------------------

/** Units, posts and officer records share one partition: the whole structure is one Query (a few hundred items). */
export const FORCE_PK = 'FORCE';
export const FORCE_SK_PREFIX = { unit: 'UNIT#', post: 'POST#', officer: 'OFFICER#' } as const;

export const unitKey = (id: string): TableKey => ({ pk: FORCE_PK, sk: `${FORCE_SK_PREFIX.unit}${id}` });
export const postKey = (id: string): TableKey => ({ pk: FORCE_PK, sk: `${FORCE_SK_PREFIX.post}${id}` });
export const officerRecordKey = (serviceNumber: string): TableKey => ({
  pk: FORCE_PK,
  sk: `${FORCE_SK_PREFIX.officer}${serviceNumber}`,
});

/** A post's postings in time order (`POSTING#<post>` / `<from>#<service no.>`), never overwritten. */
export const postingPk = (postId: string): string => `POSTING#${postId}`;
export const postingKey = (p: { postId: string; from: string; serviceNumber: string }): TableKey => ({
  pk: postingPk(p.postId),
  sk: `${p.from}#${p.serviceNumber}`,
});

/** gsi1: an officer's postings in time order. */
export const officerPostingsPk = (serviceNumber: string): string => `OFFICERPOSTINGS#${serviceNumber}`;
export const postingIndexAttributes = (p: {
  postId: string;
  from: string;
  serviceNumber: string;
}): IndexAttributes => ({ gsi1pk: officerPostingsPk(p.serviceNumber), gsi1sk: `${p.from}#${p.postId}` });

/** A non-urgent new complaint waiting for its post's daily digest: one partition per digest date (Pakistan). */
export const digestKey = (digestDate: string, postId: string, etag: string): TableKey => ({
  pk: `DIGEST#${digestDate}`,
  sk: `${postId}#${etag}`,
});
export const DIGEST_TTL_DAYS = 14;
// --- evidence (photos, voice notes, videos, documents) -----------------------------------------

/** Beside its complaint; never a `T#` item. One per source (WhatsApp media id, web upload id). */
export const EVIDENCE_SK_PREFIX = 'EV#';
export const evidenceKey = (etag: string, sourceRef: string): TableKey => ({
  pk: complaintPk(etag),
  sk: `${EVIDENCE_SK_PREFIX}${sourceRef}`,
});

/** A presigned web upload handed out and not yet confirmed; expires with the upload (TTL). */
export const uploadKey = (etag: string, uploadId: string): TableKey => ({
  pk: complaintPk(etag),
  sk: `UP#${uploadId}`,
});

// --- monitoring counters (docs/monitoring-counters.md) ---------------------------------------

/** One counter item per district and day (Pakistan time); a district's days sort in one partition. */
export const counterKey = (district: string, day: string): TableKey => ({
  pk: `CNT#${district}`,
  sk: `DAY#${day}`,
});
export const counterPk = (district: string): string => `CNT#${district}`;
export const counterSk = (day: string): string => `DAY#${day}`;

/** What the counter consumer last applied for one counted item (a complaint META or a follow-up). */
export const countedSourceKey = (sourceId: string): TableKey => ({
  pk: `COUNTED#${sourceId}`,
  sk: 'COUNTED',
});
