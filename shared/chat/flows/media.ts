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
import { extractEtag } from '../../domain/etag.ts';
import { isAddEvidenceRequest, isDone, isSkip } from '../text.ts';
import type { DraftAttachment, FlowState, InboundMessage } from '../types.ts';
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

const draftAttachment = (message: MediaMessage): DraftAttachment | undefined =>
  message.mediaKind === 'sticker'
    ? undefined
    : {
        kind: message.mediaKind,
        mediaId: message.mediaId,
        ...(message.mimeType ? { mimeType: message.mimeType } : {}),
      };

/** A media message belongs to a complaint already filed: the open "add to my complaint", or its caption says so. */
export const addsToFiledComplaint = (flow: FlowState | undefined, message: MediaMessage): boolean =>
  flow?.kind === 'addEvidence' ||
  (flow === undefined || flow.kind === 'menu' || flow.kind === 'submenu'
    ? isAddEvidenceRequest(message.caption ?? '')
    : false);

/** "Add to my complaint [e-tag]": what follows goes to that complaint (the worker checks it is theirs). */
export const startAddEvidence = (turn: Turn, input: string): void => {
  const etag = extractEtag(input);
  turn.session.flow = etag ? { kind: 'addEvidence', etag } : { kind: 'addEvidence' };
  const l = lang(turn);
  const target = etag ? fill(UI.addEvidenceTo[l], etag) : UI.addEvidenceNewest[l];
  sayText(turn, fill(UI.addEvidenceAsk[l], target));
};

/** A typed message closes "add to my complaint"; true when it was "done" (answered), false to read it as usual. */
export const addEvidenceText = (turn: Turn, input: string): boolean => {
  delete turn.session.flow;
  if (!isDone(input) && !isSkip(input)) return false;
  say(turn, UI.addEvidenceDone);
  return true;
};

/** One attachment for a filed complaint: the evidence downloader fetches, checks and reports on it. */
export const addEvidenceMedia = (turn: Turn, message: MediaMessage): void => {
  const attachment = draftAttachment(message);
  if (!attachment) return;
  if (turn.session.flow?.kind !== 'addEvidence') startAddEvidence(turn, message.caption ?? '');
  const flow = turn.session.flow;
  const etag = flow?.kind === 'addEvidence' ? flow.etag : undefined;
  turn.commands.push({ kind: 'addEvidence', ...(etag ? { etag } : {}), attachment });
};

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
  const attachment = draftAttachment(message);
  if (!attachment) return;
  const l = lang(turn);
  const full = flow.draft.attachments.length >= MAX_ATTACHMENTS;
  const kept = !full && !flow.draft.attachments.some((a) => a.mediaId === attachment.mediaId);
  if (kept) flow.draft.attachments.push(attachment);
  const caption = message.caption?.trim() ?? '';
  const continueButton = [{ id: replyId({ kind: 'done' }), title: UI.btnContinue[l] }];
  switch (flow.step) {
    case 'description':
      if (caption.length >= MIN_DESCRIPTION_CHARS)
        flow.draft.description = clip(caption, MAX_DESCRIPTION_CHARS);
      else if (message.mediaKind === 'audio' && kept) {
        // The voice note is the description: filed with it as evidence, marked for officers to listen to.
        flow.draft.description = UI.voiceNoteDescription[l];
        attachment.describesComplaint = true;
      }
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
