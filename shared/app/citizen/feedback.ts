/**
 * The citizen's side of the lifecycle: the answer to "are you satisfied?" on a resolved complaint, and
 * the answer to an officer's request for information (which resumes the SLA clock).
 *
 * "Are you satisfied?" on a resolved complaint (issue 4 item 5): satisfied →
 * closed; not satisfied → reopened one level up the chain with the reason in the timeline. Used by
 * POST /complaints/feedback (after the ownership proof) and by the WhatsApp worker (the filing identity
 * is the proof there).
 */
import { PreconditionFailedError, ValidationError } from '../../domain/errors.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { applyTransition, type LifecycleCommand } from '../../domain/lifecycle.ts';
import type { ComplaintRepository } from '../ports.ts';

export interface FeedbackInput {
  /** Canonical e-tag whose ownership the caller has already proven. */
  etag: string;
  /** Who the citizen is (for the audit actor); never logged. */
  identity: string;
  satisfied: boolean;
  reason?: string;
}

export interface FeedbackResult {
  etag: string;
  status: 'closed' | 'reopened';
  /** Level now holding a reopened complaint. */
  heldBy?: string;
}

export const giveFeedback = async (
  deps: { complaints: Pick<ComplaintRepository, 'get' | 'update'>; clock: { now(): Date } },
  input: FeedbackInput,
): Promise<FeedbackResult> => {
  if (!input.satisfied && !input.reason?.trim()) {
    throw new ValidationError('Tell us why you are not satisfied', [
      { path: 'reason', message: 'required when satisfied is false' },
    ]);
  }
  const command: LifecycleCommand = input.satisfied
    ? { type: 'close', ...(input.reason?.trim() ? { note: input.reason.trim() } : {}) }
    : { type: 'reopen', reason: (input.reason ?? '').trim() };
  // No If-Match for citizens: apply to the current version, once more if an officer wrote in between.
  for (let attempt = 0; ; attempt++) {
    const current = await deps.complaints.get(input.etag);
    if (!current) throw new NotFoundError('No complaint matches this e-tag and proof of ownership.');
    const { complaint, timeline } = applyTransition(
      current,
      command,
      { kind: 'citizen', identity: input.identity },
      deps.clock.now(),
    );
    try {
      await deps.complaints.update(complaint, current.version, timeline);
      return {
        etag: complaint.etag,
        status: input.satisfied ? 'closed' : 'reopened',
        ...(complaint.assignment && !input.satisfied ? { heldBy: complaint.assignment.level } : {}),
      };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= 1) throw error;
    }
  }
};

export interface InformationAnswerInput {
  /** Canonical e-tag whose ownership the caller has already proven. */
  etag: string;
  /** Who the citizen is (for the audit actor); never logged. */
  identity: string;
  answer: string;
}

/**
 * The citizen answers an officer's request for information: the complaint goes back to the officer
 * (in progress) with the answer in the timeline, and the paused SLA clock resumes (issue 5).
 * ConflictError when the complaint is not awaiting the citizen.
 */
export const answerInformationRequest = async (
  deps: { complaints: Pick<ComplaintRepository, 'get' | 'update'>; clock: { now(): Date } },
  input: InformationAnswerInput,
): Promise<{ etag: string; status: string }> => {
  const answer = input.answer.trim();
  if (!answer) throw new ValidationError('Write your answer', [{ path: 'message', message: 'required' }]);
  for (let attempt = 0; ; attempt++) {
    const current = await deps.complaints.get(input.etag);
    if (!current) throw new NotFoundError('No complaint matches this e-tag and proof of ownership.');
    const { complaint, timeline } = applyTransition(
      current,
      { type: 'citizenResponded', note: answer },
      { kind: 'citizen', identity: input.identity },
      deps.clock.now(),
    );
    try {
      await deps.complaints.update(complaint, current.version, timeline);
      return { etag: complaint.etag, status: complaint.status };
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= 1) throw error;
    }
  }
};
