/** One message being answered: the session being changed and what goes out. Shared by every flow. */
import type { Bilingual } from './catalog.ts';
import { text } from './limits.ts';
import type { ChatCommand, ChatSession, InboundMessage, Language, OutgoingMessage } from './types.ts';

export interface Turn {
  session: ChatSession;
  inbound: InboundMessage;
  replies: OutgoingMessage[];
  commands: ChatCommand[];
  /** No session existed before this message. */
  firstContact: boolean;
}

export const lang = (turn: Turn): Language => turn.session.language;

export const say = (turn: Turn, message: Bilingual): void => {
  turn.replies.push(...text(message[lang(turn)]));
};

export const sayText = (turn: Turn, body: string): void => {
  turn.replies.push(...text(body));
};
