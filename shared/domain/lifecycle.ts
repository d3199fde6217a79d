/**
 * The complaint status machine (issue 4), pure. `applyTransition` checks scope, the transition table,
 * the command's payload and its specific guards, then returns the next complaint state (version + 1)
 * and the timeline entries to write in the same transaction. Table and decisions: docs/lifecycle.md.
 */
import * as z from './zod.ts';
import { freeText, lineText } from './text.ts';
import type { Complaint } from './complaint.ts';
import { ConflictError, NotFoundError, ValidationError, validationErrorFromZod } from './errors.ts';
import { canActOnComplaint, canSeeComplaint, holdingLevel, roleRank, stationOf } from './officer.ts';
import type { Officer } from './officer.ts';
import {
  escalate,
  evaluate,
  isSlaLevel,
  markFirstAction,
  markWarned,
  onStatusChange,
  reassignSla,
  restartSla,
  SLA_LEVELS,
} from './sla.ts';
import type { SlaBreach, SlaLevel } from './sla.ts';
import { ROLES } from './vocabulary.ts';
import type { Role, Status } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Commands and actors
// ---------------------------------------------------------------------------------------------

export const ACTION_KINDS = [
  'called_complainant',
  'fir_registered',
  'inquiry_opened',
  'visited_site',
  'statement_recorded',
  'other',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

const text = (max: number) => lineText(1, max);
const note = freeText(1, 2000);

/**
 * Who may read an officer's note (or reason): `internal` — officers only; `citizen` — the complainant too
 * (WhatsApp updates, the tracking page). Decisions and the rule for older entries: docs/force.md.
 */
export const NOTE_VISIBILITIES = ['internal', 'citizen'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];
const visibility = z.optional(z.enum(NOTE_VISIBILITIES));

export const lifecycleCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('assign'),
    level: z.enum(SLA_LEVELS),
    station: z.optional(text(120)),
    circle: z.optional(text(120)),
    officerId: z.optional(text(128)),
    note: z.optional(note),
    visibility,
  }),
  z.object({ type: z.literal('start'), note: z.optional(note), visibility }),
  z.object({ type: z.literal('requestCitizenInfo'), note, visibility }),
  z.object({ type: z.literal('citizenResponded'), note: z.optional(note) }),
  z.object({ type: z.literal('resolve'), note, visibility }),
  z.object({ type: z.literal('reject'), reason: note, visibility }),
  z.object({ type: z.literal('close'), note: z.optional(note) }),
  z.object({ type: z.literal('reopen'), reason: note, visibility }),
  z.object({
    type: z.literal('recordAction'),
    kind: z.enum(ACTION_KINDS),
    note,
    firNumber: z.optional(text(50)),
    visibility,
  }),
  /** A DPO or above takes a received complaint at their own level and starts on it, in one step. */
  z.object({ type: z.literal('takeAndStart'), note: z.optional(note), visibility }),
]);
export type LifecycleCommand = z.infer<typeof lifecycleCommandSchema>;
export type CommandType = LifecycleCommand['type'];
export const COMMAND_TYPES: readonly CommandType[] = [
  'assign',
  'start',
  'requestCitizenInfo',
  'citizenResponded',
  'resolve',
  'reject',
  'close',
  'reopen',
  'recordAction',
  'takeAndStart',
];

export type Actor =
  | { kind: 'officer'; officer: Officer }
  /** A citizen whose ownership of the complaint the use case has already proven. */
  | { kind: 'citizen'; identity: string }
  | { kind: 'system' };

/** Who a rule admits: an officer role, the complainant, or the system (schedules). */
export type ActorRole = Role | 'citizen' | 'system';
export const ACTOR_ROLES: readonly ActorRole[] = [...ROLES, 'citizen', 'system'];

export const actorRole = (actor: Actor): ActorRole =>
  actor.kind === 'officer' ? actor.officer.role : actor.kind;

// ---------------------------------------------------------------------------------------------
// Timeline drafts (the audit and the outbox)
// ---------------------------------------------------------------------------------------------

export type TimelineType =
  | 'ComplaintAssigned'
  | 'ComplaintStatusChanged'
  | 'ComplaintActionRecorded'
  | 'ComplaintReopened'
  | 'FeedbackReceived'
  | 'ComplaintSlaWarning'
  | 'ComplaintSlaBreached';

/** Citizens carry no id here: the complainant is the only citizen who can act, and ids are phone-like. */
export interface TimelineActor {
  kind: 'officer' | 'citizen' | 'system';
  id?: string;
  role?: Role;
}

export interface TimelineDraft {
  type: TimelineType;
  actor: TimelineActor;
  /** ISO time of the change (the `now` given to the domain). */
  at: string;
  fromStatus?: Status;
  toStatus?: Status;
  note?: string;
  reason?: string;
  /** Who may read `note`/`reason`; set on every officer's entry that has one (absent: see isForCitizen). */
  noteVisibility?: NoteVisibility;
  data?: Record<string, unknown>;
}

/**
 * True when the complainant may read the entry's note and reason. Migration rule (docs/force.md): an entry
 * without a visibility was written before notes were marked, when every note was shown to the citizen (and
 * the citizen has read it), so it stays citizen-visible; every officer entry written since carries one.
 */
export const isForCitizen = (entry: { noteVisibility?: NoteVisibility }): boolean =>
  entry.noteVisibility !== 'internal';

const timelineActor = (actor: Actor): TimelineActor =>
  actor.kind === 'officer'
    ? { kind: 'officer', id: actor.officer.id, role: actor.officer.role }
    : { kind: actor.kind };

// ---------------------------------------------------------------------------------------------
// The transition table
// ---------------------------------------------------------------------------------------------

export interface TransitionRule {
  command: CommandType;
  from: readonly Status[];
  /** `unchanged`: the command records something without moving the status. */
  to: Status | 'unchanged';
  actors: readonly ActorRole[];
}

const ALL_OFFICERS: readonly ActorRole[] = ROLES;
/** Who may assign a complaint (to a level at or below their own). */
export const ASSIGNERS: readonly ActorRole[] = ['SDPO', 'DPO', 'RPO', 'CPO', 'ADMIN'];
/** Officers who hold complaints at district level or above (ADMIN administers, it never holds one). */
const DISTRICT_HOLDERS: readonly ActorRole[] = ['DPO', 'RPO', 'CPO'];
const SUPERVISORS: readonly ActorRole[] = ['DPO', 'RPO', 'CPO', 'ADMIN'];
const WORKING: readonly Status[] = ['received', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'];

export const TRANSITION_RULES: readonly TransitionRule[] = [
  {
    command: 'assign',
    from: ['received', 'assigned', 'in_progress', 'reopened'],
    to: 'assigned',
    actors: ASSIGNERS,
  },
  {
    command: 'start',
    from: ['assigned', 'reopened', 'awaiting_citizen'],
    to: 'in_progress',
    actors: ALL_OFFICERS,
  },
  {
    command: 'requestCitizenInfo',
    from: ['in_progress'],
    to: 'awaiting_citizen',
    actors: ALL_OFFICERS,
  },
  {
    command: 'citizenResponded',
    from: ['awaiting_citizen'],
    to: 'in_progress',
    actors: ['citizen'],
  },
  {
    command: 'resolve',
    from: ['in_progress', 'awaiting_citizen'],
    to: 'resolved',
    actors: ALL_OFFICERS,
  },
  { command: 'reject', from: WORKING, to: 'rejected', actors: SUPERVISORS },
  { command: 'close', from: ['resolved'], to: 'closed', actors: ['citizen', 'system'] },
  { command: 'reopen', from: ['resolved'], to: 'reopened', actors: ['citizen'] },
  {
    command: 'reopen',
    from: ['resolved', 'closed', 'rejected'],
    to: 'reopened',
    actors: SUPERVISORS,
  },
  {
    command: 'recordAction',
    from: WORKING,
    to: 'unchanged',
    actors: ALL_OFFICERS,
  },
  { command: 'takeAndStart', from: ['received'], to: 'in_progress', actors: DISTRICT_HOLDERS },
];

export const findRule = (command: CommandType, from: Status, actor: ActorRole): TransitionRule | undefined =>
  TRANSITION_RULES.find((r) => r.command === command && r.from.includes(from) && r.actors.includes(actor));

export const isTransitionAllowed = (command: CommandType, from: Status, actor: ActorRole): boolean =>
  findRule(command, from, actor) !== undefined;

// ---------------------------------------------------------------------------------------------
// The chain
// ---------------------------------------------------------------------------------------------

/** One level up the chain for a reopened complaint (issue 4): station → circle → district → region → CPO. */
export const reopenLevel = (level: Role): SlaLevel => {
  switch (level) {
    case 'SHO':
      return 'SDPO';
    case 'SDPO':
      return 'DPO';
    case 'DPO':
      return 'RPO';
    default:
      return 'CPO';
  }
};

// ---------------------------------------------------------------------------------------------
// applyTransition
// ---------------------------------------------------------------------------------------------

export interface TransitionResult {
  complaint: Complaint;
  timeline: TimelineDraft[];
}

const describeTarget = (command: CommandType): string => {
  const targets = [...new Set(TRANSITION_RULES.filter((r) => r.command === command).map((r) => r.to))];
  return targets.join('/');
};

const ensureAllowed = (complaint: Complaint, command: CommandType, actor: Actor): TransitionRule => {
  if (actor.kind === 'officer' && !canSeeComplaint(actor.officer, complaint)) {
    throw new NotFoundError(`Complaint ${complaint.etag} not found`);
  }
  const role = actorRole(actor);
  const from = complaint.status;
  const byStatus = TRANSITION_RULES.filter((r) => r.command === command && r.from.includes(from));
  if (byStatus.length === 0) {
    throw new ConflictError(
      `Cannot ${command}: a complaint that is ${from} cannot move to ${describeTarget(command)}`,
    );
  }
  const rule = byStatus.find((r) => r.actors.includes(role));
  if (!rule) {
    throw new ConflictError(
      `Cannot ${command}: ${role} may not move a ${from} complaint to ${describeTarget(command)}`,
    );
  }
  if (actor.kind === 'officer' && !canActOnComplaint(actor.officer, complaint)) {
    throw new ConflictError(
      `Cannot ${command}: the complaint is held at ${holdingLevel(complaint)} level, above ${actor.officer.role}`,
    );
  }
  return rule;
};

const parseCommand = (command: unknown): LifecycleCommand => {
  const parsed = lifecycleCommandSchema.safeParse(command);
  if (!parsed.success) throw validationErrorFromZod(parsed.error, 'Invalid complaint command');
  return parsed.data;
};

const commandType = (command: unknown): CommandType => {
  const type = (command as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && (COMMAND_TYPES as readonly string[]).includes(type))
    return type as CommandType;
  throw new ValidationError('Invalid complaint command', [
    { path: 'type', message: `expected one of ${COMMAND_TYPES.join(', ')}` },
  ]);
};

const withSla = (
  complaint: Complaint,
  update: (sla: NonNullable<Complaint['sla']>) => Complaint['sla'],
): Complaint => (complaint.sla ? { ...complaint, sla: update(complaint.sla) } : complaint);

/** Moving up the chain keeps where the complaint came from (station, circle) but not the officer. */
const keptPost = (
  complaint: Complaint,
): Pick<NonNullable<Complaint['assignment']>, 'station' | 'circle'> => ({
  ...(complaint.assignment?.station ? { station: complaint.assignment.station } : {}),
  ...(complaint.assignment?.circle ? { circle: complaint.assignment.circle } : {}),
});

const bump = (complaint: Complaint, now: Date): Complaint => ({
  ...complaint,
  version: complaint.version + 1,
  updatedAt: now.toISOString(),
});

/** Texts addressed to the complainant by their nature: they cannot be internal. */
const CITIZEN_ADDRESSED: Partial<Record<CommandType, string>> = {
  requestCitizenInfo: 'the question is asked of the complainant',
  reject: 'the complainant is owed the reason for a rejection',
};

/** The visibility of an officer's note or reason: as chosen, internal when not said, citizen when addressed to them. */
const noteVisibilityOf = (command: LifecycleCommand): NoteVisibility => {
  const chosen = 'visibility' in command ? command.visibility : undefined;
  const addressed = CITIZEN_ADDRESSED[command.type];
  if (addressed === undefined) return chosen ?? 'internal';
  if (chosen === 'internal') {
    throw new ValidationError(`This text cannot be internal: ${addressed}`, [
      { path: 'visibility', message: 'must be citizen (or left out)' },
    ]);
  }
  return 'citizen';
};

/**
 * Applies one command. Throws NotFoundError (officer out of scope, answered like a missing complaint),
 * ConflictError (illegal from this status, for this role, or above the officer's level) or
 * ValidationError (missing note/reason, bad payload). Every officer entry with a note or reason carries
 * its visibility.
 */
export const applyTransition = (
  complaint: Complaint,
  rawCommand: LifecycleCommand,
  actor: Actor,
  now: Date,
): TransitionResult => {
  const rule = ensureAllowed(complaint, commandType(rawCommand), actor);
  const command = parseCommand(rawCommand);
  const noteVisibility = actor.kind === 'officer' ? noteVisibilityOf(command) : undefined;
  const result = applyCommand(complaint, command, rule, actor, now);
  if (noteVisibility === undefined) return result;
  return {
    ...result,
    timeline: result.timeline.map((draft) =>
      draft.note !== undefined || draft.reason !== undefined ? { ...draft, noteVisibility } : draft,
    ),
  };
};

const applyCommand = (
  complaint: Complaint,
  command: LifecycleCommand,
  rule: TransitionRule,
  actor: Actor,
  now: Date,
): TransitionResult => {
  const at = now.toISOString();
  const who = timelineActor(actor);
  const fromStatus = complaint.status;
  const toStatus: Status = rule.to === 'unchanged' ? fromStatus : rule.to;
  const moved: Complaint = { ...complaint, status: toStatus };
  const statusChanged = (extra: Partial<TimelineDraft> = {}): TimelineDraft => ({
    type: 'ComplaintStatusChanged',
    actor: who,
    at,
    fromStatus,
    toStatus,
    ...extra,
  });

  switch (command.type) {
    case 'assign': {
      const officer = actor.kind === 'officer' ? actor.officer : undefined;
      if (officer && officer.role !== 'ADMIN' && roleRank(command.level) > roleRank(officer.role)) {
        throw new ConflictError(
          `Cannot assign: ${officer.role} may not assign a complaint up to ${command.level}`,
        );
      }
      const station = command.station ?? complaint.station;
      if (command.level === 'SHO' && !station) {
        throw new ValidationError('Assigning to a station needs the station', [
          { path: 'station', message: 'required when level is SHO' },
        ]);
      }
      const assignment: NonNullable<Complaint['assignment']> = {
        level: command.level,
        ...(station ? { station } : {}),
        ...(command.circle ? { circle: command.circle } : {}),
        ...(command.officerId ? { officerId: command.officerId } : {}),
        assignedAt: at,
      };
      let next: Complaint = { ...moved, assignment, ...(station ? { station } : {}) };
      next = withSla(next, (sla) =>
        onStatusChange(reassignSla(sla, command.level), fromStatus, toStatus, now),
      );
      const data: Record<string, unknown> = { level: command.level, previousLevel: holdingLevel(complaint) };
      if (station) data.station = station;
      if (command.circle) data.circle = command.circle;
      if (command.officerId) data.officerId = command.officerId;
      return {
        complaint: bump(next, now),
        timeline: [
          {
            type: 'ComplaintAssigned',
            actor: who,
            at,
            fromStatus,
            toStatus,
            ...(command.note ? { note: command.note } : {}),
            data,
          },
        ],
      };
    }
    case 'recordAction': {
      if (command.kind === 'fir_registered' && !command.firNumber) {
        throw new ValidationError('An FIR action needs the FIR number', [
          { path: 'firNumber', message: 'required when kind is fir_registered' },
        ]);
      }
      const next = withSla(moved, (sla) => markFirstAction(sla, now));
      return {
        complaint: bump(next, now),
        timeline: [
          {
            type: 'ComplaintActionRecorded',
            actor: who,
            at,
            fromStatus,
            note: command.note,
            data: { kind: command.kind, ...(command.firNumber ? { firNumber: command.firNumber } : {}) },
          },
        ],
      };
    }
    case 'reopen': {
      const fromLevel = holdingLevel(complaint);
      // The citizen's "not satisfied" sends it one level up; a supervisor reopening takes it back at their level.
      const toLevel: SlaLevel =
        actor.kind === 'officer' && isSlaLevel(actor.officer.role)
          ? actor.officer.role
          : reopenLevel(fromLevel);
      const assignment: NonNullable<Complaint['assignment']> = {
        level: toLevel,
        ...keptPost(complaint),
        assignedAt: at,
      };
      const next = withSla({ ...moved, assignment }, (sla) => restartSla(sla, toLevel, now));
      const timeline: TimelineDraft[] = [];
      if (actor.kind === 'citizen') {
        timeline.push({
          type: 'FeedbackReceived',
          actor: who,
          at,
          reason: command.reason,
          data: { satisfied: false },
        });
      }
      timeline.push({
        type: 'ComplaintReopened',
        actor: who,
        at,
        fromStatus,
        toStatus,
        reason: command.reason,
        data: { fromLevel, toLevel },
      });
      return { complaint: bump(next, now), timeline };
    }
    case 'close': {
      const next = withSla(moved, (sla) => onStatusChange(sla, fromStatus, toStatus, now));
      const timeline: TimelineDraft[] = [];
      if (actor.kind === 'citizen') {
        timeline.push({
          type: 'FeedbackReceived',
          actor: who,
          at,
          ...(command.note ? { note: command.note } : {}),
          data: { satisfied: true },
        });
      }
      timeline.push(statusChanged(actor.kind === 'system' ? { data: { automatic: true } } : {}));
      return { complaint: bump(next, now), timeline };
    }
    case 'reject': {
      const next = withSla(moved, (sla) => onStatusChange(sla, fromStatus, toStatus, now));
      return { complaint: bump(next, now), timeline: [statusChanged({ reason: command.reason })] };
    }
    case 'takeAndStart': {
      // The rule admits DPO, RPO and CPO only: the officer takes it at their own level, by name.
      const officer = actor.kind === 'officer' ? actor.officer : undefined;
      if (!officer || !isSlaLevel(officer.role)) {
        throw new ConflictError('Cannot takeAndStart: only an officer holding complaints may take one');
      }
      const level = officer.role;
      const station = stationOf(complaint);
      const assignment: NonNullable<Complaint['assignment']> = {
        level,
        ...keptPost(complaint),
        ...(station ? { station } : {}),
        officerId: officer.id,
        assignedAt: at,
      };
      const next = withSla({ ...moved, assignment }, (sla) =>
        onStatusChange(reassignSla(sla, level), fromStatus, toStatus, now),
      );
      const data: Record<string, unknown> = {
        level,
        previousLevel: holdingLevel(complaint),
        ...(assignment.station ? { station: assignment.station } : {}),
        ...(assignment.circle ? { circle: assignment.circle } : {}),
        officerId: officer.id,
        taken: true,
      };
      // Two entries, as if assigned then started: every consumer reads the familiar steps.
      return {
        complaint: bump(next, now),
        timeline: [
          { type: 'ComplaintAssigned', actor: who, at, fromStatus, toStatus: 'assigned', data },
          {
            type: 'ComplaintStatusChanged',
            actor: who,
            at,
            fromStatus: 'assigned',
            toStatus,
            ...(command.note ? { note: command.note } : {}),
          },
        ],
      };
    }
    case 'start':
    case 'requestCitizenInfo':
    case 'citizenResponded':
    case 'resolve': {
      const next = withSla(moved, (sla) => onStatusChange(sla, fromStatus, toStatus, now));
      return {
        complaint: bump(next, now),
        timeline: [statusChanged(command.note ? { note: command.note } : {})],
      };
    }
  }
};

// ---------------------------------------------------------------------------------------------
// SLA checks on a complaint (used by the sweep)
// ---------------------------------------------------------------------------------------------

export type SlaCheckResult =
  | { outcome: 'warn'; complaint: Complaint; timeline: TimelineDraft[] }
  | {
      outcome: 'breach';
      complaint: Complaint;
      timeline: TimelineDraft[];
      breach: SlaBreach;
      /** 1-based number of this breach on the complaint (deterministic follow-up id). */
      breachNumber: number;
      /** The complaint as it stood when breached: the post answerable for the delay. */
      breachedComplaint: Complaint;
    };

/**
 * Evaluates the complaint's clock at `now`: nothing due → undefined; warning → the holder is warned once;
 * breach → the complaint moves one level up (assignment and SLA) with a fresh window. Version + 1 either way.
 */
export const applySlaCheck = (
  complaint: Complaint,
  now: Date,
  /** The level above the holder in this complaint's chain (force data); the default ladder otherwise. */
  escalateTo?: SlaLevel,
): SlaCheckResult | undefined => {
  const sla = complaint.sla;
  if (!sla) return undefined;
  const verdict = evaluate(sla, now);
  const at = now.toISOString();
  const system: TimelineActor = { kind: 'system' };
  if (verdict === 'none') return undefined;
  if (verdict === 'warn') {
    return {
      outcome: 'warn',
      complaint: bump({ ...complaint, sla: markWarned(sla) }, now),
      timeline: [
        {
          type: 'ComplaintSlaWarning',
          actor: system,
          at,
          data: { level: sla.level, phase: sla.phase, dueAt: sla.dueAt, warnAt: sla.warnAt },
        },
      ],
    };
  }
  const { sla: escalated, breach } = escalate(sla, now, escalateTo);
  const assignment: NonNullable<Complaint['assignment']> = {
    level: escalated.level,
    ...keptPost(complaint),
    assignedAt: at,
  };
  const breachNumber = escalated.breaches.length;
  return {
    outcome: 'breach',
    complaint: bump({ ...complaint, sla: escalated, assignment }, now),
    timeline: [
      {
        type: 'ComplaintSlaBreached',
        actor: system,
        at,
        data: {
          fromLevel: breach.level,
          toLevel: escalated.level,
          phase: breach.phase,
          dueAt: breach.dueAt,
          newDueAt: escalated.dueAt,
          breachNumber,
        },
      },
    ],
    breach,
    breachNumber,
    breachedComplaint: complaint,
  };
};
