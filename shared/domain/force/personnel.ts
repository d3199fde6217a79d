/**
 * Officers and postings (issue 9). An officer has a record of their own (service number, name, rank,
 * WhatsApp number with their consent, the sign-in user); a posting says an officer held a post from one
 * instant to another. Postings are history: a transfer closes the open posting (sets `to`) and opens a new
 * one, nothing is ever overwritten. Pure; decisions in docs/force.md.
 */
import * as z from '../zod.ts';
import { normalizePhone } from '../phone.ts';
import { ConflictError } from '../errors.ts';
import type { SlaLevel } from '../sla.ts';
import type { Officer } from '../officer.ts';
import { POST_TITLE_INFO, type ForceStructure, type Post } from './structure.ts';

/** The roster CSV's columns, in any order (docs/force.md "Roster CSV"); the console names them too. */
export const ROSTER_COLUMNS = [
  'service_number',
  'name',
  'rank',
  'whatsapp',
  'whatsapp_consent',
  'district',
  'post',
  'unit',
  'from',
] as const;

/** Punjab Police ranks, top to bottom, as rosters spell them. */
export const RANKS = [
  'IGP',
  'Addl IGP',
  'DIG',
  'SSP',
  'SP',
  'ASP',
  'DSP',
  'Inspector',
  'Sub-Inspector',
  'ASI',
  'Head Constable',
  'Constable',
] as const;
export type Rank = (typeof RANKS)[number];

const rankKey = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');
const RANK_ALIASES: ReadonlyMap<string, Rank> = new Map([
  ...RANKS.map((r) => [rankKey(r), r] as const),
  ['si', 'Sub-Inspector'],
  ['subinspector', 'Sub-Inspector'],
  ['insp', 'Inspector'],
  ['inspr', 'Inspector'],
  ['hc', 'Head Constable'],
  ['addlig', 'Addl IGP'],
  ['additionaligp', 'Addl IGP'],
  ['ig', 'IGP'],
]);

/** A rank as typed in a roster (case, dots and spaces ignored; SI, HC and the like) → the rank, if known. */
export const parseRank = (text: string): Rank | undefined => RANK_ALIASES.get(rankKey(text));

/** Service numbers as the force writes them: letters, digits, `-` and `/`, e.g. `PB-LHR-10231`. */
export const SERVICE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9/-]{2,31}$/;
export const serviceNumberSchema = z.pipe(
  z.string().check(z.trim(), z.regex(SERVICE_NUMBER, 'a service number is 3-32 letters, digits, - or /')),
  z.transform((s) => s.toUpperCase()),
);

const isoTime = z.iso.datetime({ offset: true });

export const officerRecordSchema = z.object({
  serviceNumber: z.string().check(z.minLength(1)),
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
  rank: z.enum(RANKS),
  /** E.164; only with the officer's consent to be messaged on WhatsApp. */
  whatsapp: z.optional(z.object({ phone: z.string().check(z.regex(/^\+\d{7,15}$/)), consentAt: isoTime })),
  /** The user pool username they sign in as (created or linked when the record is created). */
  username: z.optional(z.string().check(z.minLength(1))),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number().check(z.int(), z.positive()),
});
export type OfficerRecord = z.infer<typeof officerRecordSchema>;

export const postingSchema = z.object({
  postId: z.string().check(z.minLength(1)),
  serviceNumber: z.string().check(z.minLength(1)),
  from: isoTime,
  /** Absent while the officer still holds the post. */
  to: z.optional(isoTime),
  /** Who recorded it (an administrator's id, or `roster-import`). */
  recordedBy: z.string().check(z.minLength(1)),
  recordedAt: isoTime,
});
export type Posting = z.infer<typeof postingSchema>;

/** A phone with consent → the stored WhatsApp contact; a number without consent is never kept. */
export const whatsappContact = (
  phone: string | undefined,
  consent: boolean,
  now: Date,
): { ok: true; whatsapp?: OfficerRecord['whatsapp'] } | { ok: false; message: string } => {
  if (phone === undefined || phone.trim() === '') return { ok: true };
  const e164 = normalizePhone(phone);
  if (!e164) return { ok: false, message: `'${phone}' is not a valid phone number` };
  return consent ? { ok: true, whatsapp: { phone: e164, consentAt: now.toISOString() } } : { ok: true };
};

const covers = (posting: Pick<Posting, 'from' | 'to'>, at: string): boolean =>
  posting.from <= at && (posting.to === undefined || at < posting.to);

/** The posting that covered `at` among a post's postings (from the history, so a later transfer changes nothing). */
export const postingAt = (postings: readonly Posting[], postId: string, at: string): Posting | undefined =>
  postings.find((p) => p.postId === postId && covers(p, new Date(at).toISOString()));

/** Two periods overlap when each starts before the other ends (an open period never ends). */
export const periodsOverlap = (a: Pick<Posting, 'from' | 'to'>, b: Pick<Posting, 'from' | 'to'>): boolean =>
  (b.to === undefined || a.from < b.to) && (a.to === undefined || b.from < a.to);

export interface PostingPlan {
  /** Open postings to close at the new posting's start (the officer's previous one, the post's previous holder). */
  close: Posting[];
  open: Posting;
}

/**
 * Posting an officer (or transferring them): closes the officer's open posting and the post's open posting
 * (the relieved holder) at `from`, and opens the new one. ConflictError when `from` falls inside closed
 * history (it would rewrite who held a post then) or before an open posting started.
 */
export const planPosting = (input: {
  postId: string;
  serviceNumber: string;
  from: string;
  recordedBy: string;
  now: Date;
  officerHistory: readonly Posting[];
  postHistory: readonly Posting[];
}): PostingPlan => {
  const open: Posting = {
    postId: input.postId,
    serviceNumber: input.serviceNumber,
    from: new Date(input.from).toISOString(),
    recordedBy: input.recordedBy,
    recordedAt: input.now.toISOString(),
  };
  const close: Posting[] = [];
  const seen = new Set<string>();
  for (const posting of [...input.officerHistory, ...input.postHistory]) {
    const key = `${posting.postId}|${posting.serviceNumber}|${posting.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (posting.to !== undefined) {
      if (periodsOverlap(open, posting)) {
        throw new ConflictError(
          `Posting from ${open.from} overlaps the closed posting of ${posting.serviceNumber} at ${posting.postId} (${posting.from} to ${posting.to}); history is never rewritten`,
        );
      }
      continue;
    }
    if (posting.from >= open.from) {
      throw new ConflictError(
        `Posting from ${open.from} starts before the open posting of ${posting.serviceNumber} at ${posting.postId} (from ${posting.from})`,
      );
    }
    if (posting.postId === open.postId && posting.serviceNumber === open.serviceNumber) {
      throw new ConflictError(`${open.serviceNumber} already holds ${open.postId}`);
    }
    close.push({ ...posting, to: open.from });
  }
  return { close, open };
};

/**
 * The role and area a posting gives its holder: what their sign-in user carries. Always from the post,
 * never from what a client sends.
 */
export const roleAndAreaOf = (
  structure: ForceStructure,
  post: Post,
): Omit<Officer, 'id' | 'name' | 'phone'> & { role: SlaLevel } => {
  const path = structure.unitsUpFrom(post.unitId);
  const unit = path[0];
  const district = unit?.district;
  const region = path.find((u) => u.region)?.region;
  const circle = path.find((u) => u.kind === 'circle')?.name;
  const station = unit?.kind === 'station' ? unit.name : undefined;
  const role = POST_TITLE_INFO[post.title].tier;
  return {
    role,
    ...(district && role !== 'RPO' && role !== 'CPO' ? { district } : {}),
    ...(region && role !== 'CPO' ? { region } : {}),
    ...(circle && (role === 'SDPO' || role === 'SHO') ? { circle } : {}),
    ...(station ? { station } : {}),
  };
};
