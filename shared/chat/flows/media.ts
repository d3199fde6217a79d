/**
 * Photos, videos, documents and voice notes. Media belongs to the flow that is open: the complaint flow
 * keeps it as evidence (a voice note or a long caption can be the description); feedback asks for text;
 * outside a flow the citizen is told how to send evidence. Stickers never come here (the engine treats
 * them as noise, like reactions).
 */
import { buttons, clip } from '../limits.ts';
import { replyId } from '../reply-ids.ts';
import type { Turn } from '../turn.ts';
import { lang, say, sayText } from '../turn.ts';
import type { DraftAttachment, InboundMessage } from '../types.ts';
import { UI, fill } from '../ui.ts';
import type { ComplaintFlow } from './complaint.ts';
import {
  MAX_ATTACHMENTS,
  MAX_DESCRIPTION_CHARS,
  MIN_DESCRIPTION_CHARS,
  advance,
  appendToDescription,
  promptStep,
} from './complaint.ts';

export type MediaMessage = Extract<InboundMessage, { kind: 'media' }>;

export const handleMedia = (turn: Turn, message: MediaMessage): void => {
  const flow = turn.session.flow;
  if (flow?.kind === 'feedback') {
    say(turn, UI.feedbackNeedsText);
    return;
  }
  if (flow?.kind !== 'complaint') {
    say(turn, UI.mediaOutsideComplaint);
    return;
  }
  attachToComplaint(turn, flow, message);
};

const attachToComplaint = (turn: Turn, flow: ComplaintFlow, message: MediaMessage): void => {
  if (message.mediaKind === 'sticker') return;
  const l = lang(turn);
  const attachment: DraftAttachment = {
    kind: message.mediaKind,
    mediaId: message.mediaId,
    ...(message.mimeType ? { mimeType: message.mimeType } : {}),
  };
  const full = flow.draft.attachments.length >= MAX_ATTACHMENTS;
  if (!full && !flow.draft.attachments.some((a) => a.mediaId === attachment.mediaId)) {
    flow.draft.attachments.push(attachment);
  }
  const caption = message.caption?.trim() ?? '';
  const continueButton = [{ id: replyId({ kind: 'done' }), title: UI.btnContinue[l] }];
  switch (flow.step) {
    case 'description':
      if (caption.length >= MIN_DESCRIPTION_CHARS)
        flow.draft.description = clip(caption, MAX_DESCRIPTION_CHARS);
      else if (message.mediaKind === 'audio') flow.draft.description = UI.voiceNoteDescription[l];
      if (flow.draft.description) advance(turn, flow);
      else say(turn, UI.mediaNeedsText);
      return;
    case 'attachments':
      if (caption) appendToDescription(flow, caption);
      turn.replies.push(
        ...buttons(
          full
            ? fill(UI.attachmentsFull[l], MAX_ATTACHMENTS)
            : fill(UI.attachmentReceived[l], flow.draft.attachments.length, MAX_ATTACHMENTS),
          continueButton,
        ),
      );
      return;
    default:
      // Evidence sent early (or late) is kept; the current question is asked again.
      if (caption) appendToDescription(flow, caption);
      sayText(turn, fill(UI.attachmentSaved[l], flow.draft.attachments.length, MAX_ATTACHMENTS));
      promptStep(turn, flow);
  }
};
