/** Public surface of the conversation engine (pure: no I/O). */
export * from './types.ts';
export { converse, FLOOD_MAX_MESSAGES, FLOOD_WINDOW_MS, MENU_IDLE_MS, DRAFT_IDLE_MS } from './engine.ts';
export { MAX_ATTACHMENTS, MIN_DESCRIPTION_CHARS, MAX_DESCRIPTION_CHARS } from './flows/complaint.ts';
export { replyId, parseReplyId } from './reply-ids.ts';
export type { ReplyAction } from './reply-ids.ts';
export {
  renderFiled,
  renderTrackResult,
  renderFailure,
  renderFeedbackAck,
  renderCitizenUpdate,
  renderSatisfactionQuestion,
} from './render.ts';
export { formatPakistanTime } from './labels.ts';
export { WHATSAPP_LIMITS, limitViolations, splitText } from './limits.ts';
export { SERVICES, DRIVING_LICENCE, REGISTER_FIR, KHIDMAT_SERVICES } from './catalog.ts';
export type { Service, ServiceId, Bilingual } from './catalog.ts';
export { matchDistricts } from './district-match.ts';
