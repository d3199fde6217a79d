/** Drives the pure engine like the worker does: one session, messages in order, a fake clock. */
import { expect } from 'vitest';
import { converse } from '../../../shared/chat/engine.ts';
import { limitViolations } from '../../../shared/chat/limits.ts';
import type {
  ChatCommand,
  ChatSession,
  ConverseResult,
  InboundCitizen,
  InboundMessage,
  OutgoingMessage,
} from '../../../shared/chat/types.ts';

type Payload = InboundMessage extends infer M
  ? M extends unknown
    ? Omit<M, 'id' | 'citizen' | 'timestamp'>
    : never
  : never;

export class ChatHarness {
  session: ChatSession | undefined;
  clock = Date.parse('2025-03-01T09:00:00.000Z');
  private seq = 0;
  readonly all: OutgoingMessage[] = [];

  constructor(
    readonly citizen: InboundCitizen = { id: '923001234567', waId: '923001234567', phone: '+923001234567' },
    /** Gap between messages; 10 s keeps ordinary chats well under the flood threshold. */
    readonly stepMs = 10_000,
  ) {}

  send(payload: Payload, gapMs = this.stepMs): ConverseResult {
    this.clock += gapMs;
    const inbound = {
      id: `wamid.${++this.seq}`,
      citizen: this.citizen,
      timestamp: new Date(this.clock),
      ...payload,
    } as InboundMessage;
    const result = converse(this.session, inbound, new Date(this.clock));
    for (const reply of result.replies) expect(limitViolations(reply), JSON.stringify(reply)).toEqual([]);
    // The session must survive a JSON round trip unchanged: the worker stores it as JSON.
    expect(JSON.parse(JSON.stringify(result.session))).toEqual(result.session);
    this.all.push(...result.replies);
    this.session = result.session;
    return result;
  }

  text(text: string, gapMs?: number): ConverseResult {
    return this.send({ kind: 'text', text }, gapMs);
  }

  tap(replyId: string, title = replyId): ConverseResult {
    return this.send({ kind: 'interactive', replyId, title });
  }
}

/** All visible text of the replies (bodies, row titles/descriptions, button titles). */
export const textOf = (replies: readonly OutgoingMessage[]): string =>
  replies
    .map((r) => {
      if (r.kind === 'text') return r.body;
      if (r.kind === 'buttons') return [r.body, ...r.buttons.map((b) => b.title)].join('\n');
      return [
        r.header ?? '',
        r.body,
        ...r.sections.flatMap((s) => s.rows.map((row) => `${row.title} ${row.description ?? ''}`)),
      ].join('\n');
    })
    .join('\n');

export const replyIds = (replies: readonly OutgoingMessage[]): string[] =>
  replies.flatMap((r) =>
    r.kind === 'buttons'
      ? r.buttons.map((b) => b.id)
      : r.kind === 'list'
        ? r.sections.flatMap((s) => s.rows.map((x) => x.id))
        : [],
  );

export const only = <K extends ChatCommand['kind']>(
  commands: readonly ChatCommand[],
  kind: K,
): Extract<ChatCommand, { kind: K }> => {
  expect(commands).toHaveLength(1);
  const [command] = commands;
  expect(command?.kind).toBe(kind);
  return command as Extract<ChatCommand, { kind: K }>;
};

export const inLanguage = (language: 'ur' | 'en'): ChatHarness => {
  const chat = new ChatHarness();
  chat.text(language === 'en' ? 'english' : 'urdu');
  return chat;
};
