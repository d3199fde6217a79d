import { describe, expect, it } from 'vitest';
import { scheduleRate, STAGES, stageFromContext } from '../../infra/stages.ts';

describe('stageFromContext', () => {
  it('defaults to dev and keeps the topology schedule rate', () => {
    // Prepare / Act
    const stage = stageFromContext(undefined);

    // Assess
    expect(stage).toBe(STAGES.dev);
    expect(scheduleRate(stage, 5)).toBe(5);
  });

  it('selects prod, with protection on', () => {
    // Prepare / Act
    const stage = stageFromContext('prod');

    // Assess
    expect(stage.name).toBe('prod');
    expect(stage.deletionProtection).toBe(true);
    expect(STAGES.dev.deletionProtection).toBe(false);
  });

  it('applies a schedule rate override from context', () => {
    // Prepare / Act
    const stage = stageFromContext('prod', '15');

    // Assess
    expect(scheduleRate(stage, 5)).toBe(15);
  });

  it.each([['staging'], [''], [42]])('refuses the unknown stage %j', (name) => {
    // Prepare / Act / Assess
    expect(() => stageFromContext(name)).toThrow(/Unknown stage/);
  });

  it.each([['0'], ['2.5'], ['fast']])('refuses the schedule rate %j', (rate) => {
    // Prepare / Act / Assess
    expect(() => stageFromContext('dev', rate)).toThrow(/scheduleRateMinutes/);
  });
});
