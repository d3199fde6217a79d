import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../shared/domain/errors.ts';
import {
  currentPolicyVersion,
  dueAtForIndex,
  escalate,
  evaluate,
  initialSla,
  markFirstAction,
  markWarned,
  nextLevel,
  onStatusChange,
  SLA_POLICIES,
  slaSchema,
  targetsFor,
  type Sla,
  type SlaPolicyBook,
} from '../../../shared/domain/sla.ts';

const T0 = new Date('2025-03-01T00:00:00.000Z');
const hours = (h: number): Date => new Date(T0.getTime() + h * 3_600_000);
const isoAt = (h: number): string => hours(h).toISOString();

const firSla = (): Sla => initialSla({ category: 'fir_not_registered', priority: 'high', level: 'SHO' }, T0);

describe('targetsFor', () => {
  it('uses the force standard for non-registration of FIR: 8 h contact, 48 h final reply', () => {
    // Prepare / Act
    const targets = targetsFor('fir_not_registered', 'high');
    // Assess
    expect(targets).toEqual({ firstActionMinutes: 8 * 60, resolutionMinutes: 48 * 60 });
  });

  it('gives a missing child hours, not days', () => {
    expect(targetsFor('missing_child', 'urgent')).toEqual({
      firstActionMinutes: 60,
      resolutionMinutes: 24 * 60,
    });
  });

  it('falls back to the priority default for categories without a standard', () => {
    expect(targetsFor('traffic', 'low')).toEqual({
      firstActionMinutes: 72 * 60,
      resolutionMinutes: 15 * 24 * 60,
    });
    expect(targetsFor('other', 'normal')).toEqual({
      firstActionMinutes: 24 * 60,
      resolutionMinutes: 7 * 24 * 60,
    });
  });

  it('rejects an unknown policy version', () => {
    expect(() => targetsFor('other', 'normal', 'no-such-version')).toThrow(ValidationError);
  });

  it('has a current version present in the book, every target first action before resolution', () => {
    // Prepare
    const policy = SLA_POLICIES[currentPolicyVersion];
    // Assess
    expect(policy).toBeDefined();
    for (const t of [...Object.values(policy!.byPriority), ...Object.values(policy!.byCategory)]) {
      expect(t.firstActionMinutes).toBeLessThan(t.resolutionMinutes);
    }
  });
});

describe('initialSla', () => {
  it('starts the first-action clock with due time and a warning at 75%', () => {
    // Act
    const sla = firSla();
    // Assess
    expect(sla).toMatchObject({
      policyVersion: currentPolicyVersion,
      phase: 'first_action',
      level: 'SHO',
      dueAt: isoAt(8),
      warnAt: isoAt(6),
      warned: false,
      pausedMs: 0,
      breaches: [],
    });
    expect(slaSchema.parse(sla)).toEqual(sla);
  });

  it('puts an unassigned complaint with the district (DPO)', () => {
    expect(initialSla({ category: 'other', priority: 'normal' }, T0).level).toBe('DPO');
  });
});

describe('policy versions', () => {
  const book: SlaPolicyBook = {
    old: {
      version: 'old',
      effectiveFrom: '2024-01-01',
      byPriority: SLA_POLICIES[currentPolicyVersion]!.byPriority,
      byCategory: { fir_not_registered: { firstActionMinutes: 24 * 60, resolutionMinutes: 96 * 60 } },
    },
    new: {
      version: 'new',
      effectiveFrom: '2025-01-01',
      byPriority: SLA_POLICIES[currentPolicyVersion]!.byPriority,
      byCategory: { fir_not_registered: { firstActionMinutes: 8 * 60, resolutionMinutes: 48 * 60 } },
    },
  };

  it('keeps the targets of the version a complaint was filed under, through phases and escalations', () => {
    // Prepare
    const filedUnderOld = initialSla(
      { category: 'fir_not_registered', priority: 'high', level: 'SHO' },
      T0,
      'old',
      book,
    );
    // Act
    const escalated = escalate(filedUnderOld, hours(24)).sla;
    const resolution = markFirstAction(escalated, hours(25));
    // Assess
    expect(filedUnderOld.policyVersion).toBe('old');
    expect(filedUnderOld.dueAt).toBe(isoAt(24));
    expect(escalated.dueAt).toBe(isoAt(48));
    expect(resolution.dueAt).toBe(isoAt(24 + 96));
    const filedUnderNew = initialSla({ category: 'fir_not_registered', priority: 'high' }, T0, 'new', book);
    expect(filedUnderNew.dueAt).toBe(isoAt(8));
  });
});

describe('onStatusChange: pauses', () => {
  it('pauses while awaiting the citizen and shifts the due time by the pause on resume', () => {
    // Prepare
    const sla = markFirstAction(firSla(), hours(1)); // resolution: due T0+48h, warn T0+36h
    // Act
    const paused = onStatusChange(sla, 'in_progress', 'awaiting_citizen', hours(10));
    const resumed = onStatusChange(paused, 'awaiting_citizen', 'in_progress', hours(13));
    // Assess
    expect(sla.dueAt).toBe(isoAt(48));
    expect(evaluate(paused, hours(100))).toBe('none');
    expect(dueAtForIndex(paused)).toBeUndefined();
    expect(resumed.pausedAt).toBeUndefined();
    expect(resumed.dueAt).toBe(isoAt(51));
    expect(resumed.warnAt).toBe(isoAt(39));
    expect(evaluate(resumed, hours(50))).not.toBe('breach');
    expect(evaluate(resumed, hours(51))).toBe('breach');
  });

  it('accumulates several pauses', () => {
    // Prepare
    let sla = markFirstAction(firSla(), hours(1));
    // Act
    sla = onStatusChange(sla, 'in_progress', 'awaiting_citizen', hours(2));
    sla = onStatusChange(sla, 'awaiting_citizen', 'in_progress', hours(4)); // 2 h
    sla = onStatusChange(sla, 'in_progress', 'awaiting_citizen', hours(5));
    sla = onStatusChange(sla, 'awaiting_citizen', 'in_progress', hours(10)); // 5 h
    // Assess
    expect(sla.pausedMs).toBe(7 * 3_600_000);
    expect(sla.dueAt).toBe(isoAt(55));
  });

  it('stops a paused clock and counts the pause up to the stop', () => {
    const paused = onStatusChange(
      markFirstAction(firSla(), hours(1)),
      'in_progress',
      'awaiting_citizen',
      hours(2),
    );
    const resolved = onStatusChange(paused, 'awaiting_citizen', 'resolved', hours(6));
    expect(resolved.stoppedAt).toBe(isoAt(6));
    expect(resolved.pausedMs).toBe(4 * 3_600_000);
    expect(resolved.pausedAt).toBeUndefined();
  });
});

describe('onStatusChange: phases and stops', () => {
  it('moves to the resolution phase on first action, due from the same start, warning reset', () => {
    // Prepare
    const warned = markWarned(firSla());
    // Act
    const started = onStatusChange(warned, 'assigned', 'in_progress', hours(7));
    // Assess
    expect(started).toMatchObject({
      phase: 'resolution',
      firstActionAt: isoAt(7),
      dueAt: isoAt(48),
      warnAt: isoAt(36),
    });
    expect(started.warned).toBe(false);
  });

  it('keeps the clock for a received → assigned move', () => {
    const sla = firSla();
    expect(onStatusChange(sla, 'received', 'assigned', hours(3))).toEqual(sla);
  });

  it.each(['resolved', 'closed', 'rejected'] as const)('stops the clock on %s', (to) => {
    // Act
    const stopped = onStatusChange(firSla(), 'in_progress', to, hours(3));
    // Assess
    expect(stopped.dueAt).toBeUndefined();
    expect(stopped.warnAt).toBeUndefined();
    expect(evaluate(stopped, hours(1000))).toBe('none');
    expect(dueAtForIndex(stopped)).toBeUndefined();
    expect(() => escalate(stopped, hours(1000))).toThrow(ConflictError);
  });

  it('restarts a first-action window at the same level on reopen', () => {
    const stopped = onStatusChange(firSla(), 'in_progress', 'resolved', hours(3));
    const reopened = onStatusChange(stopped, 'resolved', 'reopened', hours(10));
    expect(reopened).toMatchObject({ phase: 'first_action', windowStartedAt: isoAt(10), dueAt: isoAt(18) });
    expect(reopened.stoppedAt).toBeUndefined();
  });
});

describe('evaluate and warnings', () => {
  it('warns once at 75% of the allowed time, then breaches at the due time', () => {
    // Prepare
    const sla = firSla();
    // Act / Assess
    expect(evaluate(sla, hours(5.99))).toBe('none');
    expect(evaluate(sla, hours(6))).toBe('warn');
    expect(dueAtForIndex(sla)).toBe(isoAt(6));
    const warned = markWarned(sla);
    expect(evaluate(warned, hours(7))).toBe('none');
    expect(dueAtForIndex(warned)).toBe(isoAt(8));
    expect(evaluate(warned, hours(8))).toBe('breach');
    expect(evaluate(sla, hours(9))).toBe('breach');
  });
});

describe('the ladder', () => {
  it.each([
    ['SHO', 'SDPO'],
    ['SDPO', 'DPO'],
    ['DPO', 'RPO'],
    ['RPO', 'CPO'],
    ['CPO', 'CPO'],
  ] as const)('%s → %s', (from, to) => {
    expect(nextLevel(from)).toBe(to);
  });

  it('escalates one level per breach with a fresh window, and records every breach, CPO included', () => {
    // Prepare
    let sla = firSla();
    const seen: string[] = [];
    let now = 8;
    // Act
    for (let i = 0; i < 5; i++) {
      const result = escalate(sla, hours(now));
      seen.push(`${result.breach.level}@${result.breach.dueAt}`);
      sla = result.sla;
      now += 8;
    }
    // Assess
    expect(seen).toEqual([
      `SHO@${isoAt(8)}`,
      `SDPO@${isoAt(16)}`,
      `DPO@${isoAt(24)}`,
      `RPO@${isoAt(32)}`,
      `CPO@${isoAt(40)}`,
    ]);
    expect(sla.level).toBe('CPO');
    expect(sla.breaches).toHaveLength(5);
    expect(sla.breaches[0]).toEqual({
      level: 'SHO',
      phase: 'first_action',
      dueAt: isoAt(8),
      breachedAt: isoAt(8),
    });
    expect(sla.dueAt).toBe(isoAt(48));
    expect(sla.warned).toBe(false);
  });

  it('gives the next level the same phase window, from the breach time', () => {
    // Prepare
    const resolution = markFirstAction(firSla(), hours(1));
    // Act
    const { sla, breach } = escalate(resolution, hours(48.1));
    // Assess
    expect(breach).toMatchObject({ level: 'SHO', phase: 'resolution', dueAt: isoAt(48) });
    expect(sla).toMatchObject({
      level: 'SDPO',
      phase: 'resolution',
      windowStartedAt: isoAt(48.1),
      dueAt: isoAt(96.1),
    });
  });

  it('does not escalate a paused clock', () => {
    const paused = onStatusChange(
      markFirstAction(firSla(), hours(1)),
      'in_progress',
      'awaiting_citizen',
      hours(2),
    );
    expect(() => escalate(paused, hours(100))).toThrow(ConflictError);
  });
});
