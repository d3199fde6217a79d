import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import {
  applyFollowUpAction,
  canActOnFollowUp,
  canSeeFollowUp,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_STATES,
  followUpSchema,
  openFollowUp,
  type FollowUp,
  type FollowUpAction,
  type FollowUpState,
} from '../../../shared/domain/follow-up.ts';
import type { Officer } from '../../../shared/domain/officer.ts';
import type { SlaBreach, SlaLevel } from '../../../shared/domain/sla.ts';

const T0 = new Date('2025-03-01T00:00:00.000Z');
const hours = (h: number): Date => new Date(T0.getTime() + h * 3_600_000);
const isoAt = (h: number): string => hours(h).toISOString();

const breachAt = (level: SlaLevel): SlaBreach => ({
  level,
  phase: 'first_action',
  dueAt: isoAt(8),
  breachedAt: isoAt(8.05),
});

const complaint = {
  etag: 'SKP-7K3M-Q9X2',
  district: 'SKP',
  station: 'Saddar',
  assignment: { level: 'SHO' as const, station: 'Saddar', officerId: 'sho-1' },
};

const followUpFor = (level: SlaLevel, state: FollowUpState = 'open'): FollowUp => ({
  ...openFollowUp({ complaint, breach: breachAt(level), breachNumber: 1, now: hours(8.05) }),
  state,
});

const dpoSkp: Officer = { id: 'dpo-1', role: 'DPO', district: 'SKP' };
const dpoLhr: Officer = { id: 'dpo-2', role: 'DPO', district: 'LHR' };
const rpoSkp: Officer = { id: 'rpo-1', role: 'RPO', region: 'sheikhupura' };
const rpoLhr: Officer = { id: 'rpo-2', role: 'RPO', region: 'lahore' };
const cpo: Officer = { id: 'cpo-1', role: 'CPO' };
const admin: Officer = { id: 'adm-1', role: 'ADMIN' };
const sho: Officer = { id: 'sho-1', role: 'SHO', district: 'SKP', station: 'Saddar' };
const sdpo: Officer = { id: 'sdpo-1', role: 'SDPO', district: 'SKP' };

describe('openFollowUp', () => {
  it('names the complaint, level, post, officer, due time and breach time', () => {
    // Act
    const followUp = openFollowUp({ complaint, breach: breachAt('SHO'), breachNumber: 2, now: hours(8.05) });
    // Assess
    expect(followUp).toEqual({
      id: 'SKP-7K3M-Q9X2#2',
      etag: 'SKP-7K3M-Q9X2',
      district: 'SKP',
      region: 'sheikhupura',
      level: 'SHO',
      phase: 'first_action',
      postKind: 'station',
      post: 'Saddar',
      station: 'Saddar',
      officerId: 'sho-1',
      dueAt: isoAt(8),
      breachedAt: isoAt(8.05),
      state: 'open',
      openedAt: isoAt(8.05),
      updatedAt: isoAt(8.05),
      version: 1,
      history: [{ action: 'opened', toState: 'open', actor: { kind: 'system' }, at: isoAt(8.05) }],
    });
    expect(followUpSchema.parse(followUp)).toEqual(followUp);
  });

  it.each([
    ['SDPO', 'circle', 'Circle of Saddar'],
    ['DPO', 'district', 'Sheikhupura'],
    ['RPO', 'region', 'Sheikhupura Region'],
    ['CPO', 'province', 'CPO complaint cell'],
  ] as const)('describes a %s post as %s "%s", without the station officer', (level, postKind, post) => {
    const followUp = openFollowUp({ complaint, breach: breachAt(level), breachNumber: 1, now: hours(9) });
    expect(followUp).toMatchObject({ level, postKind, post });
    expect(followUp.officerId).toBeUndefined();
  });
});

describe('openFollowUp: the officer’s delay', () => {
  it('counts from when the post got the complaint (window start, or a later assignment) to the breach, less pauses', () => {
    // Prepare: the window opened at filing (0 h); the SHO was assigned at 2 h; 30 min awaiting the citizen
    const held = {
      ...complaint,
      assignment: { ...complaint.assignment, assignedAt: isoAt(2) },
      sla: { windowStartedAt: isoAt(0), pausedMs: 30 * 60_000 },
    };
    // Act
    const assigned = openFollowUp({
      complaint: held,
      breach: breachAt('SHO'),
      breachNumber: 1,
      now: hours(8.05),
    });
    const escalatedTo = openFollowUp({
      complaint: { ...held, sla: { windowStartedAt: isoAt(4), pausedMs: 0 } },
      breach: breachAt('SDPO'),
      breachNumber: 2,
      now: hours(8.05),
    });
    // Assess
    expect(assigned).toMatchObject({ heldSince: isoAt(2), delayMinutes: 6 * 60 + 3 - 30 });
    expect(escalatedTo).toMatchObject({ heldSince: isoAt(4), delayMinutes: 4 * 60 + 3 });
    expect(followUpSchema.parse(assigned)).toEqual(assigned);
  });

  it('leaves the delay out when the complaint carries no clock (older data)', () => {
    const followUp = openFollowUp({ complaint, breach: breachAt('SHO'), breachNumber: 1, now: hours(8.05) });
    expect(followUp.delayMinutes).toBeUndefined();
    expect(followUp.heldSince).toBeUndefined();
  });
});

describe('canSeeFollowUp / canActOnFollowUp', () => {
  it.each([
    // [officer, level of the post, sees, acts]
    [dpoSkp, 'SHO', true, true],
    [dpoSkp, 'SDPO', true, true],
    [dpoSkp, 'DPO', true, false], // a DPO does not judge their own post
    [dpoLhr, 'SHO', false, false],
    [rpoSkp, 'SHO', true, false],
    [rpoSkp, 'DPO', true, true],
    [rpoSkp, 'RPO', true, false],
    [rpoLhr, 'DPO', false, false],
    [cpo, 'SHO', true, true],
    [cpo, 'RPO', true, true],
    [cpo, 'CPO', true, true],
    [admin, 'DPO', true, true],
    [sho, 'SHO', false, false],
    [sdpo, 'SHO', false, false],
  ] as const)('%# %o on a %s post: sees %s, acts %s', (officer, level, sees, acts) => {
    const followUp = followUpFor(level);
    expect(canSeeFollowUp(officer, followUp)).toBe(sees);
    expect(canActOnFollowUp(officer, followUp)).toBe(acts);
  });
});

describe('applyFollowUpAction: every action × state (× outcome)', () => {
  const actions: FollowUpAction[] = [
    { type: 'callExplanation', note: 'Explain the delay within 3 days' },
    { type: 'issueShowCause', note: 'Show cause notice no. 12' },
    ...FOLLOW_UP_OUTCOMES.map((outcome) => ({ type: 'close' as const, outcome, note: 'Decided' })),
    { type: 'addNote', note: 'Explanation received' },
  ];
  /** Legal steps, from issue 5 plus due process (no warning unheard, no penalty without show-cause). */
  const legal: Record<string, Partial<Record<FollowUpState, FollowUpState>>> = {
    callExplanation: { open: 'explanation_called' },
    issueShowCause: { open: 'show_cause_issued', explanation_called: 'show_cause_issued' },
    'close:exonerated': { open: 'closed', explanation_called: 'closed', show_cause_issued: 'closed' },
    'close:warning': { explanation_called: 'closed', show_cause_issued: 'closed' },
    'close:penalty': { show_cause_issued: 'closed' },
    addNote: {
      open: 'open',
      explanation_called: 'explanation_called',
      show_cause_issued: 'show_cause_issued',
    },
  };
  const cases = actions.flatMap((action) =>
    FOLLOW_UP_STATES.map((state) => {
      const key = action.type === 'close' ? `close:${action.outcome}` : action.type;
      return { name: key, action, state, to: legal[key]?.[state] };
    }),
  );

  it.each(cases.filter((c) => c.to))('$name from $state → $to, audited', ({ action, state, to }) => {
    // Prepare
    const followUp = followUpFor('SHO', state);
    // Act
    const next = applyFollowUpAction(followUp, action, dpoSkp, hours(20));
    // Assess
    expect(next.state).toBe(to);
    expect(next.version).toBe(followUp.version + 1);
    expect(next.updatedAt).toBe(isoAt(20));
    expect(next.history.at(-1)).toEqual({
      action: action.type,
      fromState: state,
      toState: to,
      actor: { kind: 'officer', id: 'dpo-1', role: 'DPO' },
      at: isoAt(20),
      note: action.note,
      ...(action.type === 'close' ? { outcome: action.outcome } : {}),
    });
    if (action.type === 'close') expect(next.outcome).toBe(action.outcome);
  });

  it.each(cases.filter((c) => !c.to))('$name from $state is a conflict', ({ action, state }) => {
    expect(() => applyFollowUpAction(followUpFor('SHO', state), action, dpoSkp, hours(20))).toThrow(
      ConflictError,
    );
  });
});

describe('applyFollowUpAction: guards', () => {
  it('requires a note', () => {
    const act = () =>
      applyFollowUpAction(followUpFor('SHO'), { type: 'callExplanation', note: ' ' }, dpoSkp, hours(20));
    expect(act).toThrow(ValidationError);
  });

  it('answers an officer outside the scope as not found, and a non-supervisor as a conflict', () => {
    expect(() =>
      applyFollowUpAction(followUpFor('SHO'), { type: 'addNote', note: 'x' }, dpoLhr, hours(1)),
    ).toThrow(NotFoundError);
    expect(() =>
      applyFollowUpAction(followUpFor('SHO'), { type: 'addNote', note: 'x' }, sho, hours(1)),
    ).toThrow(NotFoundError);
    expect(() =>
      applyFollowUpAction(followUpFor('DPO'), { type: 'addNote', note: 'x' }, dpoSkp, hours(1)),
    ).toThrow(ConflictError);
  });

  it('walks a follow-up to a penalty, keeping every step', () => {
    // Prepare
    let f = followUpFor('DPO');
    // Act
    f = applyFollowUpAction(f, { type: 'callExplanation', note: 'Explain' }, rpoSkp, hours(10));
    f = applyFollowUpAction(f, { type: 'issueShowCause', note: 'Unsatisfactory' }, rpoSkp, hours(30));
    f = applyFollowUpAction(f, { type: 'close', outcome: 'penalty', note: 'Censure' }, cpo, hours(60));
    // Assess
    expect(f.state).toBe('closed');
    expect(f.outcome).toBe('penalty');
    expect(f.history.map((s) => `${s.action}:${s.actor.role ?? s.actor.kind}`)).toEqual([
      'opened:system',
      'callExplanation:RPO',
      'issueShowCause:RPO',
      'close:CPO',
    ]);
  });
});
