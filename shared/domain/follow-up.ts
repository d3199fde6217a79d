/**
 * Disciplinary follow-ups (issue 5): each SLA breach opens one against the post that held the complaint;
 * the post's supervisor works it through open → explanation called → show-cause issued → closed with an
 * outcome. Every step is audited. Pure; decisions in docs/sla.md.
 */
import * as z from './zod.ts';
import { freeText } from './text.ts';
import { findDistrict, findRegion } from './districts.ts';
import { ConflictError, NotFoundError, validationErrorFromZod } from './errors.ts';
import { regionOfDistrict, stationOf } from './officer.ts';
import type { Officer, ScopedComplaint } from './officer.ts';
import { SLA_LEVELS, SLA_PHASES, nextLevel } from './sla.ts';
import type { Sla, SlaBreach, SlaLevel } from './sla.ts';
import { ROLES } from './vocabulary.ts';

export const FOLLOW_UP_STATES = ['open', 'explanation_called', 'show_cause_issued', 'closed'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_OUTCOMES = ['exonerated', 'warning', 'penalty'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

export const POST_KINDS = ['station', 'circle', 'district', 'region', 'province'] as const;
export type PostKind = (typeof POST_KINDS)[number];

const note = freeText(1, 2000);

export const followUpActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('callExplanation'), note }),
  z.object({ type: z.literal('issueShowCause'), note }),
  z.object({ type: z.literal('close'), outcome: z.enum(FOLLOW_UP_OUTCOMES), note }),
  z.object({ type: z.literal('addNote'), note }),
]);
export type FollowUpAction = z.infer<typeof followUpActionSchema>;
export type FollowUpActionType = FollowUpAction['type'];

const isoTime = z.iso.datetime({ offset: true });

export const followUpStepSchema = z.object({
  action: z.enum(['opened', 'callExplanation', 'issueShowCause', 'close', 'addNote']),
  fromState: z.optional(z.enum(FOLLOW_UP_STATES)),
  toState: z.enum(FOLLOW_UP_STATES),
  actor: z.object({
    kind: z.enum(['officer', 'system']),
    id: z.optional(z.string()),
    role: z.optional(z.enum(ROLES)),
  }),
  at: isoTime,
  note: z.optional(z.string()),
  outcome: z.optional(z.enum(FOLLOW_UP_OUTCOMES)),
});
export type FollowUpStep = z.infer<typeof followUpStepSchema>;

export const followUpSchema = z.object({
  /** `<etag>#<breach number>`: deterministic, so a repeated sweep cannot open the same one twice. */
  id: z.string().check(z.minLength(1)),
  etag: z.string().check(z.minLength(1)),
  district: z.string().check(z.minLength(1)),
  region: z.optional(z.string()),
  level: z.enum(SLA_LEVELS),
  phase: z.enum(SLA_PHASES),
  postKind: z.enum(POST_KINDS),
  /** Station, circle, district or region name, or the CPO complaint cell. */
  post: z.string().check(z.minLength(1)),
  station: z.optional(z.string()),
  /** The post's id in the force directory, when the structure knows it. */
  postId: z.optional(z.string()),
  /** The officer's service number when posted there at the deadline (else the assignee's id, older data). */
  officerId: z.optional(z.string()),
  /** The officer posted there when the deadline passed (from the posting history); shown to those allowed. */
  officer: z.optional(z.object({ serviceNumber: z.string(), name: z.string(), rank: z.string() })),
  /** Nobody held the post when the deadline passed. */
  vacant: z.optional(z.boolean()),
  dueAt: isoTime,
  breachedAt: isoTime,
  /** When the breached post got the complaint: its window's start, or the assignment to it when later. */
  heldSince: z.optional(isoTime),
  /**
   * The officer's delay: minutes the complaint waited with the post, from `heldSince` to the breach, less
   * the time spent awaiting the citizen (per-officer figures, docs/force.md). Absent on older follow-ups.
   */
  delayMinutes: z.optional(z.number().check(z.int(), z.nonnegative())),
  state: z.enum(FOLLOW_UP_STATES),
  outcome: z.optional(z.enum(FOLLOW_UP_OUTCOMES)),
  openedAt: isoTime,
  updatedAt: isoTime,
  version: z.number().check(z.int(), z.positive()),
  history: z.array(followUpStepSchema),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpId = (etag: string, breachNumber: number): string => `${etag}#${breachNumber}`;

/**
 * Who works a follow-up (the disciplinary authority): the district head (DPO tier) for stations and
 * circles, the region head for a district, the CPO above that. The immediate supervisor (an SDPO for a
 * station) is alerted of the breach, but discipline sits with the district (docs/force.md).
 */
export const supervisorLevel = (level: SlaLevel): 'DPO' | 'RPO' | 'CPO' =>
  level === 'SHO' ? 'DPO' : (nextLevel(level) as 'DPO' | 'RPO' | 'CPO');

const describePost = (
  complaint: ScopedComplaint,
  level: SlaLevel,
): { postKind: PostKind; post: string; station?: string } => {
  const station = stationOf(complaint);
  const districtName = findDistrict(complaint.district)?.en ?? complaint.district;
  switch (level) {
    case 'SHO':
      return {
        postKind: 'station',
        post: station ?? `Unnamed station, ${districtName}`,
        ...(station ? { station } : {}),
      };
    case 'SDPO': {
      const circle = complaint.assignment?.circle;
      const post = circle ?? (station ? `Circle of ${station}` : `Circle, ${districtName}`);
      return { postKind: 'circle', post, ...(station ? { station } : {}) };
    }
    case 'DPO':
      return { postKind: 'district', post: districtName };
    case 'RPO': {
      const region = regionOfDistrict(complaint.district);
      return { postKind: 'region', post: (region && findRegion(region)?.en) ?? region ?? 'Unknown region' };
    }
    case 'CPO':
      return { postKind: 'province', post: 'CPO complaint cell' };
  }
};

export interface OpenFollowUpInput {
  /** The complaint as it stood when breached (its assignment names the post and officer). */
  complaint: ScopedComplaint & {
    etag: string;
    assignment?: ScopedComplaint['assignment'] & { assignedAt?: string };
    sla?: Pick<Sla, 'windowStartedAt' | 'pausedMs'>;
  };
  breach: SlaBreach;
  /** 1-based breach number on the complaint. */
  breachNumber: number;
  now: Date;
  /** The post from the force directory and the officer posted there at the deadline (absent: vacant). */
  accountable?: {
    postId?: string;
    label: string;
    officer?: { serviceNumber: string; name: string; rank: string };
  };
}

const MINUTE_MS = 60_000;

/** How long the breached post held the complaint before the breach (see `delayMinutes`). */
const heldFor = (
  complaint: OpenFollowUpInput['complaint'],
  breach: SlaBreach,
): { heldSince: string; delayMinutes: number } | undefined => {
  const windowStart = complaint.sla?.windowStartedAt;
  if (!windowStart) return undefined;
  const assignedAt =
    complaint.assignment?.level === breach.level ? complaint.assignment.assignedAt : undefined;
  const heldSince = assignedAt && assignedAt > windowStart ? assignedAt : windowStart;
  const held = Date.parse(breach.breachedAt) - Date.parse(heldSince);
  // Pauses (awaiting the citizen) are counted within the window; never more than the time held.
  const paused = Math.min(Math.max(0, held), complaint.sla?.pausedMs ?? 0);
  if (Number.isNaN(held)) return undefined;
  return { heldSince, delayMinutes: Math.max(0, Math.round((held - paused) / MINUTE_MS)) };
};

export const openFollowUp = ({
  complaint,
  breach,
  breachNumber,
  now,
  accountable,
}: OpenFollowUpInput): FollowUp => {
  const at = now.toISOString();
  const region = regionOfDistrict(complaint.district);
  const assignee = complaint.assignment?.level === breach.level ? complaint.assignment.officerId : undefined;
  const officerId = accountable ? accountable.officer?.serviceNumber : assignee;
  const post = describePost(complaint, breach.level);
  return {
    id: followUpId(complaint.etag, breachNumber),
    etag: complaint.etag,
    district: complaint.district,
    ...(region ? { region } : {}),
    level: breach.level,
    phase: breach.phase,
    ...post,
    ...(accountable
      ? {
          post: accountable.label,
          ...(accountable.postId ? { postId: accountable.postId } : {}),
          ...(accountable.officer ? { officer: accountable.officer } : { vacant: true }),
        }
      : {}),
    ...(officerId ? { officerId } : {}),
    dueAt: breach.dueAt,
    breachedAt: breach.breachedAt,
    ...heldFor(complaint, breach),
    state: 'open',
    openedAt: at,
    updatedAt: at,
    version: 1,
    history: [{ action: 'opened', toState: 'open', actor: { kind: 'system' }, at }],
  };
};

const sameCode = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';

/** DPO: own district; RPO: own region; CPO and ADMIN: all. Stations and circles see none. */
export const canSeeFollowUp = (officer: Officer, followUp: FollowUp): boolean => {
  switch (officer.role) {
    case 'CPO':
    case 'ADMIN':
      return true;
    case 'RPO':
      return sameCode(officer.region, followUp.region ?? regionOfDistrict(followUp.district));
    case 'DPO':
      return sameCode(findDistrict(officer.district ?? '')?.code ?? officer.district, followUp.district);
    case 'SDPO':
    case 'SHO':
      return false;
  }
};

/** The post's supervisor acts on a follow-up; the CPO and ADMIN act on all. */
export const canActOnFollowUp = (officer: Officer, followUp: FollowUp): boolean => {
  if (officer.role === 'CPO' || officer.role === 'ADMIN') return true;
  return canSeeFollowUp(officer, followUp) && supervisorLevel(followUp.level) === officer.role;
};

export interface FollowUpRule {
  action: FollowUpActionType;
  from: readonly FollowUpState[];
  to: FollowUpState | 'unchanged';
  /** For `close`: the outcomes allowed from these states. */
  outcomes?: readonly FollowUpOutcome[];
}

const OPEN_STATES: readonly FollowUpState[] = ['open', 'explanation_called', 'show_cause_issued'];

export const FOLLOW_UP_RULES: readonly FollowUpRule[] = [
  { action: 'callExplanation', from: ['open'], to: 'explanation_called' },
  { action: 'issueShowCause', from: ['open', 'explanation_called'], to: 'show_cause_issued' },
  { action: 'close', from: ['open'], to: 'closed', outcomes: ['exonerated'] },
  // A warning only after the officer was heard; a penalty only after a show-cause notice.
  { action: 'close', from: ['explanation_called'], to: 'closed', outcomes: ['exonerated', 'warning'] },
  {
    action: 'close',
    from: ['show_cause_issued'],
    to: 'closed',
    outcomes: ['exonerated', 'warning', 'penalty'],
  },
  { action: 'addNote', from: OPEN_STATES, to: 'unchanged' },
];

const ruleFor = (action: FollowUpAction, state: FollowUpState): FollowUpRule | undefined =>
  FOLLOW_UP_RULES.find(
    (r) =>
      r.action === action.type &&
      r.from.includes(state) &&
      (action.type !== 'close' || (r.outcomes ?? []).includes(action.outcome)),
  );

/**
 * One supervisor step. NotFoundError out of scope, ConflictError for a non-supervisor or an illegal
 * step, ValidationError for a missing note or bad payload. Returns the record with version + 1.
 */
export const applyFollowUpAction = (
  followUp: FollowUp,
  rawAction: FollowUpAction,
  supervisor: Officer,
  now: Date,
): FollowUp => {
  if (!canSeeFollowUp(supervisor, followUp)) throw new NotFoundError(`Follow-up ${followUp.id} not found`);
  if (!canActOnFollowUp(supervisor, followUp)) {
    throw new ConflictError(
      `Only the ${supervisorLevel(followUp.level)} (or the CPO) may act on a follow-up against a ${followUp.level} post`,
    );
  }
  const parsed = followUpActionSchema.safeParse(rawAction);
  if (!parsed.success) throw validationErrorFromZod(parsed.error, 'Invalid follow-up action');
  const action = parsed.data;
  const rule = ruleFor(action, followUp.state);
  if (!rule) {
    const what = action.type === 'close' ? `close with ${action.outcome}` : action.type;
    throw new ConflictError(`Cannot ${what}: the follow-up is ${followUp.state}`);
  }
  const toState = rule.to === 'unchanged' ? followUp.state : rule.to;
  const at = now.toISOString();
  const step: FollowUpStep = {
    action: action.type,
    fromState: followUp.state,
    toState,
    actor: { kind: 'officer', id: supervisor.id, role: supervisor.role },
    at,
    note: action.note,
    ...(action.type === 'close' ? { outcome: action.outcome } : {}),
  };
  return {
    ...followUp,
    state: toState,
    ...(action.type === 'close' ? { outcome: action.outcome } : {}),
    updatedAt: at,
    version: followUp.version + 1,
    history: [...followUp.history, step],
  };
};
