import { describe, expect, it } from 'vitest';
import { answerInformationRequest } from '../../../shared/app/citizen/feedback.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';
import { applyTransition } from '../../../shared/domain/lifecycle.ts';
import { isPaused } from '../../../shared/domain/sla.ts';
import { makeComplaint, officer } from '../officer/fakes.ts';
import { InMemoryComplaintRepository, fixedClock } from '../../support/fakes.ts';

const HOUR = 3600_000;
const T0 = new Date('2026-03-01T08:00:00.000Z');

/** A complaint an SHO started and then asked the citizen about: its SLA clock is paused. */
const awaitingCitizen = () => {
  const sho = { kind: 'officer' as const, officer: officer('SHO', { district: 'LHR', station: 'Gulberg' }) };
  const dpo = { kind: 'officer' as const, officer: officer('DPO', { district: 'LHR' }) };
  let c = makeComplaint({}, T0);
  c = applyTransition(c, { type: 'assign', level: 'SHO', station: 'Gulberg' }, dpo, T0).complaint;
  c = applyTransition(c, { type: 'start' }, sho, new Date(T0.getTime() + HOUR)).complaint;
  c = applyTransition(
    c,
    { type: 'requestCitizenInfo', note: 'Which road was it on?' },
    sho,
    new Date(T0.getTime() + 2 * HOUR),
  ).complaint;
  return c;
};

describe('answerInformationRequest', () => {
  it('puts the answer in the timeline, returns the complaint to the officer and resumes the SLA clock', async () => {
    // Prepare
    const complaints = new InMemoryComplaintRepository();
    const waiting = awaitingCitizen();
    complaints.complaints.set(waiting.etag, waiting);
    complaints.timelines.set(waiting.etag, []);
    const clock = fixedClock(new Date(T0.getTime() + 30 * HOUR).toISOString());
    // Act
    const result = await answerInformationRequest(
      { complaints, clock },
      { etag: waiting.etag, identity: 'citizen', answer: 'Main Boulevard, near the bridge' },
    );
    // Assess
    const after = complaints.complaints.get(waiting.etag);
    expect(isPaused(waiting.sla!)).toBe(true);
    expect(result.status).toBe('in_progress');
    expect(after?.status).toBe('in_progress');
    expect(isPaused(after!.sla!)).toBe(false);
    expect(Date.parse(after!.sla!.dueAt ?? '')).toBeGreaterThan(Date.parse(waiting.sla!.dueAt ?? ''));
    expect(complaints.timelines.get(waiting.etag)?.at(-1)).toMatchObject({
      note: 'Main Boulevard, near the bridge',
      toStatus: 'in_progress',
    });
  });

  it('refuses an answer nobody asked for', async () => {
    // Prepare
    const complaints = new InMemoryComplaintRepository();
    const fresh = makeComplaint({}, T0);
    complaints.complaints.set(fresh.etag, fresh);
    // Act
    const attempt = answerInformationRequest(
      { complaints, clock: fixedClock() },
      { etag: fresh.etag, identity: 'citizen', answer: 'hello' },
    );
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
  });
});
