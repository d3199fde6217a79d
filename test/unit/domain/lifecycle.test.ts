import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../shared/domain/complaint.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import { openFollowUp } from '../../../shared/domain/follow-up.ts';
import {
  ACTOR_ROLES,
  applySlaCheck,
  applyTransition,
  COMMAND_TYPES,
  isForCitizen,
  isTransitionAllowed,
  type Actor,
  type ActorRole,
  type CommandType,
  type LifecycleCommand,
} from '../../../shared/domain/lifecycle.ts';
import type { Officer } from '../../../shared/domain/officer.ts';
import { initialSla } from '../../../shared/domain/sla.ts';
import { STATUSES, type Status } from '../../../shared/domain/vocabulary.ts';

const T0 = new Date('2025-03-01T00:00:00.000Z');
const hours = (h: number): Date => new Date(T0.getTime() + h * 3_600_000);
const isoAt = (h: number): string => hours(h).toISOString();

const complaintAt = (status: Status, overrides: Partial<Complaint> = {}): Complaint => ({
  etag: 'SKP-7K3M-Q9X2',
  district: 'SKP',
  station: 'Saddar',
  category: 'fir_not_registered',
  description: 'SHO refuses to register my FIR',
  channel: 'whatsapp',
  status,
  priority: 'high',
  language: 'ur',
  complainant: { name: 'A', phone: '+923001234567', overseas: false },
  attachments: [],
  optOutOfUpdates: false,
  trackingCodeHash: 'hash',
  createdAt: T0.toISOString(),
  updatedAt: T0.toISOString(),
  version: 3,
  // Held at station level so every officer role in scope may act: the matrix tests the table alone.
  assignment: { level: 'SHO', station: 'Saddar', officerId: 'sho-1', assignedAt: T0.toISOString() },
  sla: initialSla({ category: 'fir_not_registered', priority: 'high', level: 'SHO' }, T0),
  ...overrides,
});

const officerOf = (role: Officer['role']): Officer => ({
  id: `${role.toLowerCase()}-1`,
  role,
  district: 'SKP',
  region: 'sheikhupura',
  station: 'Saddar',
});

const actorOf = (role: ActorRole): Actor =>
  role === 'citizen'
    ? { kind: 'citizen', identity: 'wa-1' }
    : role === 'system'
      ? { kind: 'system' }
      : { kind: 'officer', officer: officerOf(role) };

const validCommand: Record<CommandType, LifecycleCommand> = {
  assign: { type: 'assign', level: 'SHO', station: 'City', officerId: 'sho-2' },
  start: { type: 'start' },
  requestCitizenInfo: { type: 'requestCitizenInfo', note: 'Please send the FIR application copy' },
  citizenResponded: { type: 'citizenResponded', note: 'Sent' },
  resolve: { type: 'resolve', note: 'FIR 123/25 registered' },
  reject: { type: 'reject', reason: 'Civil matter, not a police case' },
  close: { type: 'close' },
  reopen: { type: 'reopen', reason: 'Nothing happened' },
  recordAction: { type: 'recordAction', kind: 'called_complainant', note: 'Called, will visit tomorrow' },
  takeAndStart: { type: 'takeAndStart', note: 'Taking this one myself' },
};

/** The specification of issue 4, written out independently of the module's table. */
const OFFICERS = ['SHO', 'SDPO', 'DPO', 'RPO', 'CPO', 'ADMIN'] as const;
const SPEC: Record<CommandType, { from: Status[]; actors: readonly ActorRole[]; to: Status | 'same' }[]> = {
  assign: [
    {
      from: ['received', 'assigned', 'in_progress', 'reopened'],
      actors: ['SDPO', 'DPO', 'RPO', 'CPO', 'ADMIN'],
      to: 'assigned',
    },
  ],
  start: [{ from: ['assigned', 'reopened', 'awaiting_citizen'], actors: OFFICERS, to: 'in_progress' }],
  requestCitizenInfo: [{ from: ['in_progress'], actors: OFFICERS, to: 'awaiting_citizen' }],
  citizenResponded: [{ from: ['awaiting_citizen'], actors: ['citizen'], to: 'in_progress' }],
  resolve: [{ from: ['in_progress', 'awaiting_citizen'], actors: OFFICERS, to: 'resolved' }],
  reject: [
    {
      from: ['received', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'],
      actors: ['DPO', 'RPO', 'CPO', 'ADMIN'],
      to: 'rejected',
    },
  ],
  close: [{ from: ['resolved'], actors: ['citizen', 'system'], to: 'closed' }],
  reopen: [
    { from: ['resolved'], actors: ['citizen'], to: 'reopened' },
    { from: ['resolved', 'closed', 'rejected'], actors: ['DPO', 'RPO', 'CPO', 'ADMIN'], to: 'reopened' },
  ],
  recordAction: [
    {
      from: ['received', 'assigned', 'in_progress', 'awaiting_citizen', 'reopened'],
      actors: OFFICERS,
      to: 'same',
    },
  ],
  takeAndStart: [{ from: ['received'], actors: ['DPO', 'RPO', 'CPO'], to: 'in_progress' }],
};

const cases = COMMAND_TYPES.flatMap((command) =>
  STATUSES.flatMap((from) =>
    ACTOR_ROLES.map((role) => {
      const rule = SPEC[command].find((r) => r.from.includes(from) && r.actors.includes(role));
      const to = rule ? (rule.to === 'same' ? from : rule.to) : undefined;
      return { command, from, role, to };
    }),
  ),
);

describe('applyTransition: the full table (every command × status × role)', () => {
  it('covers 10 commands × 8 statuses × 8 actor kinds', () => {
    expect(cases).toHaveLength(10 * 8 * 8);
    expect(cases.filter((c) => c.to !== undefined).length).toBeGreaterThan(50);
  });

  it.each(cases.filter((c) => c.to !== undefined))(
    '$role may $command from $from → $to',
    ({ command, from, role, to }) => {
      // Prepare
      const complaint = complaintAt(from);
      // Act
      const result = applyTransition(complaint, validCommand[command], actorOf(role), hours(1));
      // Assess
      expect(isTransitionAllowed(command, from, role)).toBe(true);
      expect(result.complaint.status).toBe(to);
      expect(result.complaint.version).toBe(complaint.version + 1);
      expect(result.complaint.updatedAt).toBe(isoAt(1));
      expect(result.timeline.length).toBeGreaterThan(0);
      for (const entry of result.timeline) {
        expect(entry.at).toBe(isoAt(1));
        expect(entry.actor.kind).toBe(role === 'citizen' || role === 'system' ? role : 'officer');
        if (role !== 'citizen' && role !== 'system')
          expect(entry.actor).toEqual({ kind: 'officer', id: `${role.toLowerCase()}-1`, role });
      }
      expect(complaint.status).toBe(from); // the input is never mutated
    },
  );

  it.each(cases.filter((c) => c.to === undefined))(
    '$role may not $command from $from',
    ({ command, from, role }) => {
      // Prepare
      const complaint = complaintAt(from);
      // Act
      const act = () => applyTransition(complaint, validCommand[command], actorOf(role), hours(1));
      // Assess
      expect(isTransitionAllowed(command, from, role)).toBe(false);
      expect(act).toThrow(ConflictError);
      expect(act).toThrow(new RegExp(`Cannot ${command}: .*${from}`));
    },
  );
});

describe('applyTransition: guards on what a command needs', () => {
  const dpo = actorOf('DPO');

  it.each([
    ['resolve without a note', 'in_progress', { type: 'resolve', note: '' }],
    ['resolve with a blank note', 'in_progress', { type: 'resolve', note: '   ' }],
    ['reject without a reason', 'received', { type: 'reject' }],
    ['reopen without a reason', 'closed', { type: 'reopen', reason: '' }],
    ['request info without a note', 'in_progress', { type: 'requestCitizenInfo' }],
    [
      'an FIR action without its number',
      'in_progress',
      { type: 'recordAction', kind: 'fir_registered', note: 'done' },
    ],
    ['an unknown action kind', 'in_progress', { type: 'recordAction', kind: 'teleported', note: 'x' }],
    ['an unknown command', 'in_progress', { type: 'explode' }],
    ['assign to a level that is not a post', 'received', { type: 'assign', level: 'ADMIN' }],
  ])('refuses %s with a ValidationError and changes nothing', (_name, status, command) => {
    // Prepare
    const complaint = complaintAt(status as Status);
    const before = structuredClone(complaint);
    // Act / Assess
    expect(() => applyTransition(complaint, command as LifecycleCommand, dpo, hours(1))).toThrow(
      ValidationError,
    );
    expect(complaint).toEqual(before);
  });

  it('needs a station to assign to a station when the complaint names none', () => {
    const complaint = complaintAt('received', { station: undefined, assignment: undefined });
    expect(() => applyTransition(complaint, { type: 'assign', level: 'SHO' }, dpo, hours(1))).toThrow(
      ValidationError,
    );
  });

  it('records the FIR number of an FIR action', () => {
    // Act
    const { timeline } = applyTransition(
      complaintAt('in_progress'),
      { type: 'recordAction', kind: 'fir_registered', firNumber: '123/25', note: 'FIR registered' },
      actorOf('SHO'),
      hours(1),
    );
    // Assess
    expect(timeline).toEqual([
      expect.objectContaining({
        type: 'ComplaintActionRecorded',
        fromStatus: 'in_progress',
        note: 'FIR registered',
        data: { kind: 'fir_registered', firNumber: '123/25' },
      }),
    ]);
  });

  it('does not let an officer assign above their own level', () => {
    const act = () =>
      applyTransition(complaintAt('received'), { type: 'assign', level: 'RPO' }, dpo, hours(1));
    expect(act).toThrow(ConflictError);
    expect(act).toThrow(/DPO may not assign .* RPO/);
  });
});

describe('applyTransition: notes are internal or for the citizen', () => {
  const sho = actorOf('SHO');
  const visibilities = (timeline: { noteVisibility?: string }[]) => timeline.map((t) => t.noteVisibility);

  it('marks an officer note as chosen, and internal when nothing is said', () => {
    // Act
    const chosen = applyTransition(
      complaintAt('in_progress'),
      { type: 'recordAction', kind: 'visited_site', note: 'Visited, suspect named', visibility: 'internal' },
      sho,
      hours(1),
    );
    const forCitizen = applyTransition(
      complaintAt('in_progress'),
      { type: 'resolve', note: 'Your FIR is registered', visibility: 'citizen' },
      sho,
      hours(1),
    );
    const unsaid = applyTransition(
      complaintAt('assigned'),
      { type: 'start', note: 'Informer says ...' },
      sho,
      hours(1),
    );
    // Assess
    expect(visibilities(chosen.timeline)).toEqual(['internal']);
    expect(visibilities(forCitizen.timeline)).toEqual(['citizen']);
    expect(visibilities(unsaid.timeline)).toEqual(['internal']);
    expect(chosen.timeline.map(isForCitizen)).toEqual([false]);
  });

  it('keeps a question to the citizen and a rejection reason for the citizen, and refuses them as internal', () => {
    // Act
    const question = applyTransition(
      complaintAt('in_progress'),
      { type: 'requestCitizenInfo', note: 'Send the FIR copy' },
      sho,
      hours(1),
    );
    const rejected = applyTransition(
      complaintAt('received'),
      { type: 'reject', reason: 'A civil matter' },
      actorOf('DPO'),
      hours(1),
    );
    // Assess
    expect(visibilities(question.timeline)).toEqual(['citizen']);
    expect(visibilities(rejected.timeline)).toEqual(['citizen']);
    for (const command of [
      { type: 'requestCitizenInfo', note: 'x', visibility: 'internal' },
      { type: 'reject', reason: 'x', visibility: 'internal' },
    ] as LifecycleCommand[]) {
      const from = command.type === 'reject' ? 'received' : 'in_progress';
      expect(() => applyTransition(complaintAt(from), command, actorOf('DPO'), hours(1))).toThrow(
        ValidationError,
      );
    }
  });

  it('leaves entries without a note, and the citizen’s own words, unmarked', () => {
    // Act
    const started = applyTransition(complaintAt('assigned'), { type: 'start' }, sho, hours(1));
    const answered = applyTransition(
      complaintAt('awaiting_citizen'),
      { type: 'citizenResponded', note: 'Sent the copy' },
      actorOf('citizen'),
      hours(1),
    );
    // Assess
    expect(visibilities(started.timeline)).toEqual([undefined]);
    expect(visibilities(answered.timeline)).toEqual([undefined]);
    // Migration rule: an unmarked entry (written before notes were marked) stays citizen-visible.
    expect(isForCitizen({})).toBe(true);
  });
});

describe('applyTransition: take and start in one step', () => {
  it('a DPO takes a received complaint at district level, by name, and starts the resolution clock', () => {
    // Prepare
    const received = complaintAt('received', { assignment: undefined });
    // Act
    const { complaint, timeline } = applyTransition(
      received,
      { type: 'takeAndStart', note: 'I will handle this', visibility: 'internal' },
      actorOf('DPO'),
      hours(1),
    );
    // Assess
    expect(complaint.status).toBe('in_progress');
    expect(complaint.assignment).toMatchObject({ level: 'DPO', officerId: 'dpo-1', assignedAt: isoAt(1) });
    expect(complaint.sla).toMatchObject({ level: 'DPO', phase: 'resolution', firstActionAt: isoAt(1) });
    expect(timeline).toEqual([
      expect.objectContaining({
        type: 'ComplaintAssigned',
        fromStatus: 'received',
        toStatus: 'assigned',
        data: expect.objectContaining({ level: 'DPO', officerId: 'dpo-1', taken: true }),
      }),
      expect.objectContaining({
        type: 'ComplaintStatusChanged',
        fromStatus: 'assigned',
        toStatus: 'in_progress',
        note: 'I will handle this',
        noteVisibility: 'internal',
      }),
    ]);
  });

  it('is refused below the district, to an administrator, and once the complaint has moved on', () => {
    for (const role of ['SHO', 'SDPO', 'ADMIN'] as const) {
      expect(() =>
        applyTransition(complaintAt('received'), { type: 'takeAndStart' }, actorOf(role), hours(1)),
      ).toThrow(ConflictError);
    }
    expect(() =>
      applyTransition(complaintAt('assigned'), { type: 'takeAndStart' }, actorOf('DPO'), hours(1)),
    ).toThrow(/a complaint that is assigned cannot move to in_progress/);
  });
});

describe('applyTransition: scope and seniority', () => {
  it('answers an out-of-scope officer as if the complaint did not exist', () => {
    // Prepare
    const otherDistrict: Actor = { kind: 'officer', officer: { id: 'd', role: 'DPO', district: 'LHR' } };
    const otherStation: Actor = {
      kind: 'officer',
      officer: { id: 's', role: 'SHO', district: 'SKP', station: 'City' },
    };
    const otherRegion: Actor = { kind: 'officer', officer: { id: 'r', role: 'RPO', region: 'lahore' } };
    // Act / Assess
    for (const actor of [otherDistrict, otherStation, otherRegion]) {
      expect(() => applyTransition(complaintAt('assigned'), { type: 'start' }, actor, hours(1))).toThrow(
        NotFoundError,
      );
    }
  });

  it('stops a station officer from acting once the complaint is held above the station', () => {
    // Prepare
    const escalated = complaintAt('assigned', {
      assignment: { level: 'DPO', station: 'Saddar', assignedAt: T0.toISOString() },
    });
    // Act
    const act = () => applyTransition(escalated, { type: 'start' }, actorOf('SHO'), hours(1));
    // Assess
    expect(act).toThrow(ConflictError);
    expect(act).toThrow(/held at DPO level/);
    expect(applyTransition(escalated, { type: 'start' }, actorOf('DPO'), hours(1)).complaint.status).toBe(
      'in_progress',
    );
  });
});

describe('applyTransition: assignment and audit', () => {
  it('assigns to a station and officer, and audits who, role, when, from which status', () => {
    // Prepare
    const complaint = complaintAt('received', { assignment: undefined, station: undefined });
    // Act
    const { complaint: next, timeline } = applyTransition(
      complaint,
      { type: 'assign', level: 'SHO', station: 'City', officerId: 'sho-9', note: 'Urgent' },
      actorOf('DPO'),
      hours(2),
    );
    // Assess
    expect(next.assignment).toEqual({
      level: 'SHO',
      station: 'City',
      officerId: 'sho-9',
      assignedAt: isoAt(2),
    });
    expect(next.station).toBe('City');
    expect(next.sla?.level).toBe('SHO');
    expect(next.sla?.dueAt).toBe(isoAt(8)); // reassignment does not buy time
    expect(timeline).toEqual([
      {
        type: 'ComplaintAssigned',
        actor: { kind: 'officer', id: 'dpo-1', role: 'DPO' },
        at: isoAt(2),
        fromStatus: 'received',
        toStatus: 'assigned',
        note: 'Urgent',
        noteVisibility: 'internal',
        data: { level: 'SHO', previousLevel: 'DPO', station: 'City', officerId: 'sho-9' },
      },
    ]);
  });

  it('records the rejection reason', () => {
    const { timeline } = applyTransition(
      complaintAt('received'),
      validCommand.reject,
      actorOf('DPO'),
      hours(1),
    );
    expect(timeline).toEqual([
      expect.objectContaining({
        type: 'ComplaintStatusChanged',
        fromStatus: 'received',
        toStatus: 'rejected',
        reason: 'Civil matter, not a police case',
      }),
    ]);
  });
});

describe('applyTransition: citizen feedback', () => {
  const citizen = actorOf('citizen');

  it('closes on "satisfied" with a FeedbackReceived entry and stops the clock', () => {
    // Act
    const { complaint, timeline } = applyTransition(
      complaintAt('resolved'),
      { type: 'close' },
      citizen,
      hours(30),
    );
    // Assess
    expect(complaint.status).toBe('closed');
    expect(complaint.sla?.stoppedAt).toBe(isoAt(30));
    expect(timeline.map((t) => t.type)).toEqual(['FeedbackReceived', 'ComplaintStatusChanged']);
    expect(timeline[0]).toMatchObject({ actor: { kind: 'citizen' }, data: { satisfied: true } });
    expect(timeline[0]?.actor).not.toHaveProperty('id');
  });

  it('marks an automatic close by the system', () => {
    const { timeline } = applyTransition(
      complaintAt('resolved'),
      { type: 'close' },
      actorOf('system'),
      hours(200),
    );
    expect(timeline).toEqual([
      expect.objectContaining({ type: 'ComplaintStatusChanged', data: { automatic: true } }),
    ]);
  });

  it.each([
    ['SHO', 'SDPO'],
    ['SDPO', 'DPO'],
    ['DPO', 'RPO'],
    ['RPO', 'CPO'],
    ['CPO', 'CPO'],
  ] as const)(
    'reopens "not satisfied" one level up: %s → %s, with a fresh first-action window',
    (from, to) => {
      // Prepare
      const complaint = complaintAt('resolved', {
        assignment: { level: from, station: 'Saddar', officerId: 'x', assignedAt: T0.toISOString() },
      });
      // Act
      const result = applyTransition(complaint, { type: 'reopen', reason: 'No FIR yet' }, citizen, hours(50));
      // Assess
      expect(result.complaint.status).toBe('reopened');
      expect(result.complaint.assignment).toEqual({ level: to, station: 'Saddar', assignedAt: isoAt(50) });
      expect(result.complaint.sla).toMatchObject({ level: to, phase: 'first_action', dueAt: isoAt(58) });
      expect(result.timeline).toEqual([
        expect.objectContaining({
          type: 'FeedbackReceived',
          reason: 'No FIR yet',
          data: { satisfied: false },
        }),
        expect.objectContaining({
          type: 'ComplaintReopened',
          fromStatus: 'resolved',
          toStatus: 'reopened',
          reason: 'No FIR yet',
          data: { fromLevel: from, toLevel: to },
        }),
      ]);
    },
  );

  it('lets a supervisor reopen a closed complaint at their own level', () => {
    const { complaint } = applyTransition(
      complaintAt('closed'),
      { type: 'reopen', reason: 'Review' },
      actorOf('RPO'),
      hours(1),
    );
    expect(complaint.assignment?.level).toBe('RPO');
  });
});

describe('applyTransition: the SLA clock follows the lifecycle', () => {
  it('counts an action as first action, pauses for the citizen and resumes when they answer', () => {
    // Prepare
    let complaint = complaintAt('assigned');
    // Act
    complaint = applyTransition(complaint, validCommand.recordAction, actorOf('SHO'), hours(2)).complaint;
    const afterAction = complaint.sla;
    complaint = applyTransition(complaint, { type: 'start' }, actorOf('SHO'), hours(3)).complaint;
    complaint = applyTransition(
      complaint,
      validCommand.requestCitizenInfo,
      actorOf('SHO'),
      hours(4),
    ).complaint;
    const paused = complaint.sla;
    complaint = applyTransition(
      complaint,
      { type: 'citizenResponded' },
      actorOf('citizen'),
      hours(14),
    ).complaint;
    // Assess
    expect(afterAction).toMatchObject({ phase: 'resolution', firstActionAt: isoAt(2), dueAt: isoAt(48) });
    expect(paused?.pausedAt).toBe(isoAt(4));
    expect(complaint.sla).toMatchObject({ phase: 'resolution', dueAt: isoAt(58) });
    expect(complaint.sla?.pausedAt).toBeUndefined();
  });
});

describe('applySlaCheck', () => {
  it('does nothing before the warning time, warns once, then escalates the breach one level up', () => {
    // Prepare
    const complaint = complaintAt('assigned');
    // Act
    const early = applySlaCheck(complaint, hours(5));
    const warning = applySlaCheck(complaint, hours(6));
    const again = warning && applySlaCheck(warning.complaint, hours(7));
    const breach = warning && applySlaCheck(warning.complaint, hours(8));
    // Assess
    expect(early).toBeUndefined();
    expect(warning?.outcome).toBe('warn');
    expect(warning?.complaint.version).toBe(complaint.version + 1);
    expect(warning?.timeline).toEqual([
      expect.objectContaining({
        type: 'ComplaintSlaWarning',
        actor: { kind: 'system' },
        data: expect.objectContaining({ level: 'SHO', dueAt: isoAt(8) }),
      }),
    ]);
    expect(again).toBeUndefined();
    expect(breach?.outcome).toBe('breach');
    if (breach?.outcome !== 'breach') throw new Error('expected a breach');
    expect(breach.complaint.assignment).toEqual({ level: 'SDPO', station: 'Saddar', assignedAt: isoAt(8) });
    expect(breach.complaint.status).toBe('assigned');
    expect(breach.complaint.sla).toMatchObject({ level: 'SDPO', dueAt: isoAt(16) });
    expect(breach.breachNumber).toBe(1);
    expect(breach.timeline).toEqual([
      expect.objectContaining({
        type: 'ComplaintSlaBreached',
        data: expect.objectContaining({
          fromLevel: 'SHO',
          toLevel: 'SDPO',
          dueAt: isoAt(8),
          newDueAt: isoAt(16),
        }),
      }),
    ]);
    // The follow-up names the post and the officer that held the complaint when it was breached.
    const followUp = openFollowUp({
      complaint: breach.breachedComplaint,
      breach: breach.breach,
      breachNumber: 1,
      now: hours(8),
    });
    expect(followUp).toMatchObject({ level: 'SHO', postKind: 'station', post: 'Saddar', officerId: 'sho-1' });
  });

  it('never fires on a complaint whose clock is paused or stopped', () => {
    const paused = applyTransition(
      complaintAt('in_progress'),
      validCommand.requestCitizenInfo,
      actorOf('SHO'),
      hours(1),
    ).complaint;
    const resolved = applyTransition(
      complaintAt('in_progress'),
      validCommand.resolve,
      actorOf('SHO'),
      hours(1),
    ).complaint;
    expect(applySlaCheck(paused, hours(500))).toBeUndefined();
    expect(applySlaCheck(resolved, hours(500))).toBeUndefined();
    expect(applySlaCheck(complaintAt('assigned', { sla: undefined }), hours(500))).toBeUndefined();
  });
});

describe('the e2e path in the domain', () => {
  it('file → assign → action → resolve → not satisfied → reopened one level up', () => {
    // Prepare
    let c = complaintAt('received', {
      assignment: undefined,
      sla: initialSla({ category: 'fir_not_registered', priority: 'high' }, T0),
    });
    const types: string[] = [];
    const step = (cmd: LifecycleCommand, actor: Actor, h: number) => {
      const r = applyTransition(c, cmd, actor, hours(h));
      c = r.complaint;
      types.push(...r.timeline.map((t) => t.type));
    };
    // Act
    step({ type: 'assign', level: 'SHO', station: 'Saddar' }, actorOf('DPO'), 1);
    step({ type: 'recordAction', kind: 'called_complainant', note: 'Called' }, actorOf('SHO'), 2);
    step({ type: 'start' }, actorOf('SHO'), 3);
    step({ type: 'resolve', note: 'FIR registered' }, actorOf('SHO'), 20);
    step({ type: 'reopen', reason: 'Not investigated' }, actorOf('citizen'), 30);
    // Assess
    expect(types).toEqual([
      'ComplaintAssigned',
      'ComplaintActionRecorded',
      'ComplaintStatusChanged',
      'ComplaintStatusChanged',
      'FeedbackReceived',
      'ComplaintReopened',
    ]);
    expect(c.status).toBe('reopened');
    expect(c.assignment?.level).toBe('SDPO');
    expect(c.version).toBe(3 + 5);
  });
});
