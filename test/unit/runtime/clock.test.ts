import { afterEach, describe, expect, it, vi } from 'vitest';
import { clock } from '../../../shared/runtime/common.ts';
import { complaintDeps } from '../../../shared/runtime/complaints.ts';
import { alerterDeps, notifierDeps } from '../../../shared/runtime/notify.ts';
import { officerDeps, sweepDeps } from '../../../shared/runtime/officer.ts';
import { workerDeps } from '../../../shared/runtime/whatsapp-worker.ts';

describe('local time travel (RABTA_CLOCK_OFFSET_MS)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it('is one clock for filing, officers, the SLA sweep, notifications and the WhatsApp worker', () => {
    // Act
    const clocks = [
      complaintDeps().clock,
      officerDeps().clock,
      sweepDeps().clock,
      notifierDeps().clock,
      alerterDeps().clock,
      workerDeps().clock,
    ];
    // Assess
    for (const used of clocks) expect(used).toBe(clock);
  });

  it('shifts the clock by the offset, so a complaint filed or a message answered later is not born late', () => {
    // Prepare
    vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00.000Z') });
    vi.stubEnv('STAGE', 'local');
    vi.stubEnv('RABTA_CLOCK_OFFSET_MS', String(10 * 3_600_000));
    // Act & Assess
    expect(clock.now().toISOString()).toBe('2025-03-01T20:00:00.000Z');
  });

  it('ignores the offset on the prod stage', () => {
    // Prepare
    vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00.000Z') });
    vi.stubEnv('STAGE', 'prod');
    vi.stubEnv('RABTA_CLOCK_OFFSET_MS', String(10 * 3_600_000));
    // Act & Assess
    expect(clock.now().toISOString()).toBe('2025-03-01T10:00:00.000Z');
  });
});
