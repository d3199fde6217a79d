import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../shared/runtime/complaints.ts';
import { clock } from '../../../shared/runtime/officer.ts';

describe('local time travel (RABTA_CLOCK_OFFSET_MS)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it('shifts the filing clock like the officer and SLA clock, so a complaint filed later is not born late', () => {
    // Prepare
    vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00.000Z') });
    vi.stubEnv('STAGE', 'local');
    vi.stubEnv('RABTA_CLOCK_OFFSET_MS', String(10 * 3_600_000));
    // Act
    const filedAt = systemClock.now().toISOString();
    const sweptAt = clock.now().toISOString();
    // Assess
    expect(filedAt).toBe('2025-03-01T20:00:00.000Z');
    expect(sweptAt).toBe(filedAt);
  });

  it('ignores the offset on the prod stage', () => {
    // Prepare
    vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00.000Z') });
    vi.stubEnv('STAGE', 'prod');
    vi.stubEnv('RABTA_CLOCK_OFFSET_MS', String(10 * 3_600_000));
    // Act / Assess
    expect(systemClock.now().toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-03-01T10:00:00.000Z');
  });
});
