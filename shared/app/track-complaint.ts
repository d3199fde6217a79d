/**
 * The complainant follows their complaint. Only with proof of ownership: the e-tag plus the tracking
 * code handed out at filing, or plus the phone number it was filed with (parsed to one canonical E.164
 * form, however it was written), or (WhatsApp) the identity that filed it.
 *
 * An unknown e-tag and a wrong proof get the same NotFoundError after the same work: one read of the
 * complaint record, one proof check (a real hash check either way), one count of the wrong proof; the
 * timeline is read only once ownership is proven; and every answer is held to the same floor, so the
 * time taken says nothing about whether the e-tag exists. Limits per client address and per e-tag, and
 * a lockout of the e-tag after repeated wrong proofs, stop guessing (429 with Retry-After).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Complaint } from '../domain/complaint.ts';
import { NotFoundError, validationErrorFromZod } from '../domain/errors.ts';
import { evidenceMentionOf } from '../chat/evidence-text.ts';
import { isForCitizen } from '../domain/lifecycle.ts';
import { citizenIdentityOf } from './citizen/identity.ts';
import { refuseIfReached, takeOrRefuse } from './limits.ts';
import { trackComplaintRequestSchema } from '../schemas/filing-http.ts';
import type { ComplaintStatusView, PublicTimelineEntry } from '../schemas/http.ts';
import type { TimelineEntry } from '../schemas/stored.ts';
import type { ComplaintDeps, ComplaintWithTimeline, Page } from './ports.ts';

type TrackDeps = Pick<ComplaintDeps, 'complaints' | 'trackingCodes' | 'limits' | 'rateRules' | 'clock'> & {
  /** Holds every web tracking answer to at least `ms` after the request began (none when absent). */
  answerFloor?: { ms: number; sleep(ms: number): Promise<void> };
};

/** Where the request came from, for the per-address limit (absent when unknown). */
export interface TrackContext {
  clientAddress?: string;
}

const notFound = () => new NotFoundError('No complaint matches this e-tag and proof of ownership.');

/** Equal-length digests, so the comparison's time says nothing about where two values differ. */
const sameSecret = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

const ROLE_LEVEL_KEYS = ['toLevel', 'level'] as const;

/** A timeline entry as the public may see it: roles, never officer ids or names, never an internal note. */
export const publicTimelineEntry = (entry: TimelineEntry): PublicTimelineEntry => {
  const data = entry.data ?? {};
  const level = ROLE_LEVEL_KEYS.map((k) => data[k]).find((v): v is string => typeof v === 'string');
  const by = entry.actor.kind === 'officer' ? (entry.actor.role ?? 'system') : entry.actor.kind;
  const evidence = evidenceMentionOf(entry);
  return {
    type: entry.type,
    at: entry.at,
    by: by as PublicTimelineEntry['by'],
    status: entry.status,
    ...(entry.fromStatus ? { fromStatus: entry.fromStatus } : {}),
    ...(entry.toStatus ? { toStatus: entry.toStatus } : {}),
    ...(level ? { level: level as PublicTimelineEntry['level'] } : {}),
    ...(entry.type === 'ComplaintActionRecorded' && typeof data.kind === 'string'
      ? { action: data.kind }
      : {}),
    ...(typeof data.firNumber === 'string' ? { firNumber: data.firNumber } : {}),
    // An evidence entry is told by its data, in the reader's language; its note is the English record.
    ...(evidence
      ? { evidence }
      : {
          ...(entry.note !== undefined && isForCitizen(entry) ? { note: entry.note } : {}),
          ...(entry.reason !== undefined && isForCitizen(entry) ? { reason: entry.reason } : {}),
        }),
  };
};

export const complaintStatusView = ({ complaint, timeline }: ComplaintWithTimeline): ComplaintStatusView => ({
  etag: complaint.etag,
  status: complaint.status,
  category: complaint.category,
  district: complaint.district,
  priority: complaint.priority,
  channel: complaint.channel,
  language: complaint.language,
  ...(complaint.assignment ? { heldBy: complaint.assignment.level } : {}),
  createdAt: complaint.createdAt,
  updatedAt: complaint.updatedAt,
  timeline: [...timeline].sort((a, b) => (a.id < b.id ? -1 : 1)).map(publicTimelineEntry),
  evidence: evidenceSummary(timeline),
});

/** Count and kinds of the evidence kept, from the complaint's own `EvidenceAdded` entries. */
const evidenceSummary = (timeline: readonly TimelineEntry[]): ComplaintStatusView['evidence'] => {
  const kinds: ComplaintStatusView['evidence']['kinds'] = {};
  let count = 0;
  for (const entry of timeline) {
    const kind = entry.type === 'EvidenceAdded' ? entry.data?.kind : undefined;
    if (kind !== 'image' && kind !== 'audio' && kind !== 'video' && kind !== 'document') continue;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    count++;
  }
  return { count, kinds };
};

/** Web/API tracking: `input` is `{ etag, trackingCode }` or `{ etag, phone }` (validated here). */
export const trackComplaint = async (
  deps: TrackDeps,
  input: unknown,
  context: TrackContext = {},
): Promise<ComplaintStatusView> => {
  const startedAt = Date.now();
  try {
    return await trackOwned(deps, input, context);
  } finally {
    if (deps.answerFloor) {
      const left = deps.answerFloor.ms - (Date.now() - startedAt);
      if (left > 0) await deps.answerFloor.sleep(left);
    }
  }
};

const trackOwned = async (
  deps: TrackDeps,
  input: unknown,
  context: TrackContext,
): Promise<ComplaintStatusView> => {
  const parsed = trackComplaintRequestSchema.safeParse(input);
  if (!parsed.success) throw validationErrorFromZod(parsed.error, 'The tracking request has invalid fields.');
  const { etag, trackingCode, phone } = parsed.data;
  const now = deps.clock.now();
  if (context.clientAddress) {
    await takeOrRefuse(deps.limits, deps.rateRules.trackingPerAddress, context.clientAddress, now);
  }
  await takeOrRefuse(deps.limits, deps.rateRules.trackingPerEtag, etag, now);
  await refuseIfReached(deps.limits, deps.rateRules.wrongProofsPerEtag, etag, now);

  const complaint = await deps.complaints.get(etag);
  let owner = false;
  if (trackingCode !== undefined) {
    owner = complaint
      ? await deps.trackingCodes.verify(trackingCode, complaint.trackingCodeHash)
      : await deps.trackingCodes.verifyNothing(trackingCode);
  } else if (phone !== undefined) {
    owner = sameSecret(phone, complaint?.complainant.phone ?? '\u0000no complaint');
  }
  if (!complaint || !owner) {
    // Unknown e-tags are counted too: a lockout must not tell which e-tags exist.
    await deps.limits.hit(deps.rateRules.wrongProofsPerEtag, etag, now);
    throw notFound();
  }
  const found = await deps.complaints.getWithTimeline(etag);
  if (!found) throw notFound();
  return complaintStatusView(found);
};

/**
 * The one proof-of-ownership check of the citizen's routes on a filed complaint (feedback, answers, evidence):
 * the canonical e-tag when the proof holds; the same NotFoundError for an unknown complaint and a wrong proof.
 */
export const proveOwnership = async (
  deps: TrackDeps,
  proof: { etag: string; trackingCode?: string | undefined; phone?: string | undefined },
  context: TrackContext = {},
): Promise<string> =>
  (
    await trackComplaint(
      deps,
      {
        etag: proof.etag,
        ...(proof.trackingCode ? { trackingCode: proof.trackingCode } : { phone: proof.phone }),
      },
      context,
    )
  ).etag;

/** WhatsApp tracking: the identity that filed the complaint (keys.citizenIdentityOf) is the proof. */
export const trackComplaintOfCitizen = async (
  deps: Pick<ComplaintDeps, 'complaints'>,
  etag: string,
  identity: string,
): Promise<ComplaintStatusView> => {
  const found = await deps.complaints.getWithTimeline(etag);
  if (!found || !sameSecret(citizenIdentityOf(found.complaint), identity)) throw notFound();
  return complaintStatusView(found);
};

/** The citizen's own complaints, newest first (for "status"/"track" in chat). */
export const listComplaintsOfCitizen = async (
  deps: Pick<ComplaintDeps, 'complaints'>,
  identity: string,
  options: { limit?: number; cursor?: string } = {},
): Promise<Page<Complaint>> => deps.complaints.listByCitizen(identity, options);
