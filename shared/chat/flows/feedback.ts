/**
 * What the citizen tells us back: feedback on the service (service 15), satisfaction with a resolved
 * complaint (and why not), the answer to an officer's request for information, and whether to receive
 * update messages at all.
 */
import { buttons } from '../limits.ts';
import { replyId } from '../reply-ids.ts';
import { isAcknowledgement, isSkip } from '../text.ts';
import type { Turn } from '../turn.ts';
import { lang, say, sayText } from '../turn.ts';
import type { FlowState } from '../types.ts';
import { UI } from '../ui.ts';
import { MAX_DESCRIPTION_CHARS } from './complaint.ts';

export const openFeedback = (turn: Turn, intro: string): void => {
  turn.session.flow = { kind: 'feedback' };
  sayText(turn, intro);
};

export const feedbackText = (turn: Turn, input: string): void => {
  // "ok" or "👍" answers the prompt; it is not feedback to keep.
  if (input.length < 3 || isAcknowledgement(input)) {
    say(turn, UI.feedbackTooShort);
    return;
  }
  turn.commands.push({
    kind: 'recordFeedback',
    text: input.slice(0, MAX_DESCRIPTION_CHARS),
    language: turn.session.language,
  });
  delete turn.session.flow;
};

export const satisfactionAnswer = (turn: Turn, etag: string, satisfied: boolean): void => {
  const s = turn.session;
  if (satisfied) {
    turn.commands.push({ kind: 'complaintFeedback', etag, satisfied: true });
    if (s.flow?.kind === 'satisfactionReason') delete s.flow;
    say(turn, UI.thanksSatisfied);
    return;
  }
  s.flow = { kind: 'satisfactionReason', etag };
  turn.replies.push(
    ...buttons(UI.askDissatisfactionReason[lang(turn)], [
      { id: replyId({ kind: 'skip' }), title: UI.btnSkip[lang(turn)] },
    ]),
  );
};

/** The reason for "not satisfied"; `reason` undefined = skipped. */
export const dissatisfactionReason = (
  turn: Turn,
  flow: Extract<FlowState, { kind: 'satisfactionReason' }>,
  reason: string | undefined,
): void => {
  turn.commands.push({
    kind: 'complaintFeedback',
    etag: flow.etag,
    satisfied: false,
    ...(reason ? { reason: reason.slice(0, MAX_DESCRIPTION_CHARS) } : {}),
  });
  delete turn.session.flow;
  say(turn, UI.thanksDissatisfied);
};

export const dissatisfactionText = (
  turn: Turn,
  flow: Extract<FlowState, { kind: 'satisfactionReason' }>,
  input: string,
): void => {
  dissatisfactionReason(turn, flow, isSkip(input) ? undefined : input);
};

export const askForInformationAnswer = (turn: Turn, etag: string): void => {
  turn.session.flow = { kind: 'informationAnswer', etag };
  say(turn, UI.askForAnswer);
};

export const informationAnswerText = (
  turn: Turn,
  flow: Extract<FlowState, { kind: 'informationAnswer' }>,
  input: string,
): void => {
  turn.commands.push({
    kind: 'answerInformationRequest',
    etag: flow.etag,
    text: input.slice(0, MAX_DESCRIPTION_CHARS),
  });
  delete turn.session.flow;
  say(turn, UI.thanksForAnswer);
};

export const setUpdates = (turn: Turn, optOut: boolean, etag?: string): void => {
  turn.commands.push({ kind: 'setOptOut', optOut, ...(etag ? { etag } : {}) });
  say(turn, optOut ? UI.optedOut : UI.optedIn);
};
