/**
 * SLA engine, pure: versioned policies (data), the per-complaint clock stored on the complaint, and the
 * escalation ladder. No I/O; `now` is always passed in. Decisions and the target table: docs/sla.md.
 */
import * as z from './zod.ts';
import { ConflictError, ValidationError } from './errors.ts';
import type { CategoryCode, Priority, Role, Status } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Policies (data)
// ---------------------------------------------------------------------------------------------

export interface SlaTarget {
  /** Time allowed until the first action (complainant contacted, work started). */
  firstActionMinutes: number;
  /** Time allowed until the final reply (resolved or rejected), counted from the same start. */
  resolutionMinutes: number;
}

export interface SlaPolicy {
  version: string;
  /** ISO date from which new complaints are filed under this policy. */
  effectiveFrom: string;
  /** Default targets by priority. */
  byPriority: Readonly<Record<Priority, SlaTarget>>;
  /** Category standards (a fixed standard, e.g. the FIR rule); they override the priority default. */
  byCategory: Readonly<Partial<Record<CategoryCode, SlaTarget>>>;
}

export type SlaPolicyBook = Readonly<Record<string, SlaPolicy>>;

const HOUR = 60;
const DAY = 24 * HOUR;

/**
 * Version ids never change meaning once published: a complaint keeps the version it was filed under,
 * so a new policy is added as a new entry and `currentPolicyVersion` moves to it.
 */
export const SLA_POLICIES: SlaPolicyBook = {
  '2025.1': {
    version: '2025.1',
    effectiveFrom: '2025-01-01',
    byPriority: {
      urgent: { firstActionMinutes: 1 * HOUR, resolutionMinutes: 1 * DAY },
      high: { firstActionMinutes: 4 * HOUR, resolutionMinutes: 3 * DAY },
      normal: { firstActionMinutes: 24 * HOUR, resolutionMinutes: 7 * DAY },
      low: { firstActionMinutes: 72 * HOUR, resolutionMinutes: 15 * DAY },
    },
    byCategory: {
      // Punjab Police standard for non-registration of FIR: contact within 8 h, final reply within 48 h.
      fir_not_registered: { firstActionMinutes: 8 * HOUR, resolutionMinutes: 48 * HOUR },
      missing_child: { firstActionMinutes: 1 * HOUR, resolutionMinutes: 24 * HOUR },
      illegal_detention: { firstActionMinutes: 1 * HOUR, resolutionMinutes: 24 * HOUR },
      missing_person: { firstActionMinutes: 2 * HOUR, resolutionMinutes: 72 * HOUR },
      gender_violence: { firstActionMinutes: 2 * HOUR, resolutionMinutes: 72 * HOUR },
      domestic_violence: { firstActionMinutes: 2 * HOUR, resolutionMinutes: 72 * HOUR },
      threats_extortion: { firstActionMinutes: 4 * HOUR, resolutionMinutes: 72 * HOUR },
      harassment: { firstActionMinutes: 8 * HOUR, resolutionMinutes: 5 * DAY },
    },
  },
};

export const currentPolicyVersion = '2025.1';

/** Targets for a category and priority under one policy: the category standard if any, else the priority's. */
export const targetsFor = (
  category: CategoryCode,
  priority: Priority,
  policyVersion: string = currentPolicyVersion,
  policies: SlaPolicyBook = SLA_POLICIES,
): SlaTarget => {
  const policy = policies[policyVersion];
  if (!policy) {
    throw new ValidationError(`Unknown SLA policy version '${policyVersion}'`, [
      { path: 'policyVersion', message: 'unknown version' },
    ]);
  }
  return { ...(policy.byCategory[category] ?? policy.byPriority[priority]) };
};

// ---------------------------------------------------------------------------------------------
// The ladder
// ---------------------------------------------------------------------------------------------

/** Levels that can hold a complaint (ADMIN administers, it never holds one). */
export const SLA_LEVELS = ['SHO', 'SDPO', 'DPO', 'RPO', 'CPO'] as const satisfies readonly Role[];
export type SlaLevel = (typeof SLA_LEVELS)[number];

/** What an alert to officers says: a new complaint arrived, the deadline is near, or it has passed. */
export const ALERT_KINDS = ['new_complaint', 'warning', 'breach'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const isSlaLevel = (role: Role): role is SlaLevel => (SLA_LEVELS as readonly Role[]).includes(role);

/**
 * The default ladder when the complaint's chain is not known from the force data (docs/force.md): station
 * (SHO), circle (SDPO), district (DPO), region (RPO), then the CPO complaint cell, which is the top and
 * keeps it. No level is skipped. The sweep asks the force structure first (`ForceStructure.nextTier`).
 */
export const nextLevel = (level: SlaLevel): Exclude<SlaLevel, 'SHO'> => {
  switch (level) {
    case 'SHO':
      return 'SDPO';
    case 'SDPO':
      return 'DPO';
    case 'DPO':
      return 'RPO';
    case 'RPO':
    case 'CPO':
      return 'CPO';
  }
};

// ---------------------------------------------------------------------------------------------
// The clock stored on a complaint
// ---------------------------------------------------------------------------------------------

export const SLA_PHASES = ['first_action', 'resolution'] as const;
export type SlaPhase = (typeof SLA_PHASES)[number];

const isoTime = z.iso.datetime({ offset: true });

export const slaBreachSchema = z.object({
  level: z.enum(SLA_LEVELS),
  phase: z.enum(SLA_PHASES),
  dueAt: isoTime,
  breachedAt: isoTime,
});
export type SlaBreach = z.infer<typeof slaBreachSchema>;

export const slaSchema = z.object({
  policyVersion: z.string().check(z.minLength(1)),
  /** Snapshot of the policy's targets for this complaint, so later policies never change it. */
  targets: z.object({
    firstActionMinutes: z.number().check(z.int(), z.positive()),
    resolutionMinutes: z.number().check(z.int(), z.positive()),
  }),
  phase: z.enum(SLA_PHASES),
  /** Level currently holding the complaint (and answerable for the clock). */
  level: z.enum(SLA_LEVELS),
  /** Start of the current level's window: filing, the last escalation or the reopening. */
  windowStartedAt: isoTime,
  /** Completed pauses (awaiting the citizen) inside the current window, in milliseconds. */
  pausedMs: z.number().check(z.int(), z.nonnegative()),
  /** Set while the clock is paused. */
  pausedAt: z.optional(isoTime),
  /** Deadline of the current phase (as if resumed now, while paused); absent once stopped. */
  dueAt: z.optional(isoTime),
  /** 75% of the allowed time; absent once stopped. */
  warnAt: z.optional(isoTime),
  /** The holder of the current window was warned (once per window). */
  warned: z.boolean(),
  firstActionAt: z.optional(isoTime),
  /** Set when the complaint left the open statuses (resolved, closed, rejected). */
  stoppedAt: z.optional(isoTime),
  breaches: z.array(slaBreachSchema),
});
export type Sla = z.infer<typeof slaSchema>;

export type SlaEvaluation = 'none' | 'warn' | 'breach';

const WARN_FRACTION = 0.75;
const MINUTE_MS = 60_000;

const ms = (iso: string): number => new Date(iso).getTime();
const iso = (epochMs: number): string => new Date(epochMs).toISOString();

const allowedMs = (sla: Pick<Sla, 'phase' | 'targets'>): number =>
  (sla.phase === 'first_action' ? sla.targets.firstActionMinutes : sla.targets.resolutionMinutes) * MINUTE_MS;

/** Recomputes due and warn times from the window start, the allowed time and completed pauses. */
const withDeadlines = (sla: Sla): Sla => {
  const start = ms(sla.windowStartedAt) + sla.pausedMs;
  const allowed = allowedMs(sla);
  return { ...sla, dueAt: iso(start + allowed), warnAt: iso(start + Math.floor(allowed * WARN_FRACTION)) };
};

export const isStopped = (sla: Sla): boolean => sla.stoppedAt !== undefined;
export const isPaused = (sla: Sla): boolean => sla.pausedAt !== undefined;
export const isRunning = (sla: Sla): boolean => !isStopped(sla) && !isPaused(sla);

export interface SlaSubject {
  category: CategoryCode;
  priority: Priority;
  /** Level holding the complaint when it is filed; unassigned complaints sit with the district (DPO). */
  level?: SlaLevel;
}

/** The clock for a newly filed complaint, under the current policy unless a version is given. */
export const initialSla = (
  subject: SlaSubject,
  now: Date,
  policyVersion: string = currentPolicyVersion,
  policies: SlaPolicyBook = SLA_POLICIES,
): Sla =>
  withDeadlines({
    policyVersion,
    targets: targetsFor(subject.category, subject.priority, policyVersion, policies),
    phase: 'first_action',
    level: subject.level ?? 'DPO',
    windowStartedAt: now.toISOString(),
    pausedMs: 0,
    warned: false,
    breaches: [],
  });

const pause = (sla: Sla, now: Date): Sla => (isRunning(sla) ? { ...sla, pausedAt: now.toISOString() } : sla);

const resume = (sla: Sla, now: Date): Sla => {
  if (isStopped(sla) || sla.pausedAt === undefined) return sla;
  const { pausedAt, ...rest } = sla;
  return withDeadlines({ ...rest, pausedMs: rest.pausedMs + Math.max(0, now.getTime() - ms(pausedAt)) });
};

const stop = (sla: Sla, now: Date): Sla => {
  if (isStopped(sla)) return sla;
  const resumed = resume(sla, now);
  const { dueAt: _due, warnAt: _warn, ...rest } = resumed;
  return { ...rest, stoppedAt: now.toISOString() };
};

/** First action taken (work started or an action recorded): the resolution phase begins. */
export const markFirstAction = (sla: Sla, now: Date): Sla => {
  if (isStopped(sla) || sla.phase !== 'first_action') return sla;
  return withDeadlines({ ...sla, phase: 'resolution', firstActionAt: now.toISOString(), warned: false });
};

/** The complaint changed hands without a breach (assignment): the window and its deadline stay. */
export const reassignSla = (sla: Sla, level: SlaLevel): Sla => ({ ...sla, level });

/** A fresh first-action window for `level`, starting now (a reopened complaint). */
export const restartSla = (sla: Sla, level: SlaLevel, now: Date): Sla => {
  const { stoppedAt: _stopped, pausedAt: _paused, ...rest } = sla;
  return withDeadlines({
    ...rest,
    level,
    phase: 'first_action',
    windowStartedAt: now.toISOString(),
    pausedMs: 0,
    warned: false,
  });
};

const CLOCK_STOPPING: readonly Status[] = ['resolved', 'closed', 'rejected'];

/**
 * Follows a status change: pauses while awaiting the citizen, resumes when they answer, starts the
 * resolution phase when work starts, stops on resolved/closed/rejected, restarts on reopen.
 */
export const onStatusChange = (sla: Sla, fromStatus: Status, toStatus: Status, now: Date): Sla => {
  if (CLOCK_STOPPING.includes(toStatus)) return stop(sla, now);
  if (toStatus === 'reopened') return restartSla(sla, sla.level, now);
  let next = sla;
  if (fromStatus === 'awaiting_citizen' && toStatus !== 'awaiting_citizen') next = resume(next, now);
  if (toStatus === 'awaiting_citizen') next = pause(next, now);
  if (toStatus === 'in_progress') next = markFirstAction(next, now);
  return next;
};

/** What the sweep should do with this clock now. A stopped or paused clock is never late. */
export const evaluate = (sla: Sla, now: Date): SlaEvaluation => {
  if (!isRunning(sla) || sla.dueAt === undefined || sla.warnAt === undefined) return 'none';
  const t = now.getTime();
  if (t >= ms(sla.dueAt)) return 'breach';
  if (!sla.warned && t >= ms(sla.warnAt)) return 'warn';
  return 'none';
};

/** Records that the holder was warned; the warning is never repeated within the same window. */
export const markWarned = (sla: Sla): Sla => ({ ...sla, warned: true });

/**
 * A breach: the complaint moves one level up (`toLevel`, from the chain) and that level gets a fresh window of the same phase,
 * starting now. At the CPO it stays at the CPO, but the breach is still recorded (and followed up).
 */
export const escalate = (
  sla: Sla,
  now: Date,
  toLevel: SlaLevel = nextLevel(sla.level),
): { sla: Sla; breach: SlaBreach } => {
  if (!isRunning(sla) || sla.dueAt === undefined) {
    throw new ConflictError('Cannot escalate: the SLA clock is not running');
  }
  const breach: SlaBreach = {
    level: sla.level,
    phase: sla.phase,
    dueAt: sla.dueAt,
    breachedAt: now.toISOString(),
  };
  const next = withDeadlines({
    ...sla,
    level: toLevel,
    windowStartedAt: now.toISOString(),
    pausedMs: 0,
    warned: false,
    breaches: [...sla.breaches, breach],
  });
  return { sla: next, breach };
};

/**
 * The time the sweep must next look at this complaint: the warning time until the holder was warned,
 * then the due time. Undefined while paused or stopped, so the sparse index holds running clocks only.
 */
export const dueAtForIndex = (sla: Sla): string | undefined => {
  if (!isRunning(sla) || sla.dueAt === undefined || sla.warnAt === undefined) return undefined;
  return sla.warned ? sla.dueAt : sla.warnAt;
};
