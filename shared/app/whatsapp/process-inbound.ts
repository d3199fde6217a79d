/**
 * The worker's use case for one inbound message, exactly once:
 *   claim the message id -> run the engine (or resume the plan a crashed attempt stored) ->
 *   commit session + plan -> send the engine's replies -> run each command and send its replies ->
 *   mark the message read -> done.
 * Every step is safe to repeat: the plan is stored before any send, each command's replies are
 * stored once it ran, and every send goes through an outbound record with a deterministic id.
 * A failure releases the claim, so the queue's retry resumes the turn at once.
 */
import type {
  ChatCommand,
  ChatSession,
  ConverseResult,
  InboundMessage,
  OutgoingMessage,
} from '../../chat/types.ts';
import { graphRecipientOf } from './identity.ts';
import { toInboundMessage } from './inbound-message.ts';
import type { InboundQueueItem } from '../../schemas/whatsapp.ts';
import { deliver, type DeliverDeps } from './deliver.ts';
import { isOptInReply, optInGranted, optInRequestId, type OptInPort } from '../notify/opt-in.ts';
import { MessageInProgressError } from './errors.ts';
import { handleStatus } from './handle-status.ts';
import type { Clock } from '../ports.ts';
import type { ClaimResult, GraphRecipient, ProcessedMessagePort, SessionPort, TurnPlan } from './ports.ts';

export interface CommandContext {
  readonly inbound: InboundMessage;
  /** Position of the command in the plan: with the inbound id, a deterministic id for what it stores. */
  readonly commandIndex: number;
  readonly session: ChatSession;
  readonly now: Date;
}

export interface ProcessInboundDeps extends DeliverDeps {
  processed: ProcessedMessagePort;
  sessions: SessionPort;
  converse(session: ChatSession | undefined, inbound: InboundMessage, now: Date): ConverseResult;
  /** Executes a command and returns the replies that report its outcome (success or failure). */
  runCommand(command: ChatCommand, context: CommandContext): Promise<OutgoingMessage[]>;
  clock: Clock;
  /** Opt-ins of numbers named in web filings; absent where no such number can write (tests). */
  optIns?: OptInPort;
}

type MessageItem = Extract<InboundQueueItem, { kind: 'message' }>;

/** Deterministic ids: a retry of the same inbound message produces the same outbound ids. */
export const replyId = (inboundId: string, index: number): string => `${inboundId}#r${index}`;
export const commandReplyId = (inboundId: string, command: number, index: number): string =>
  `${inboundId}#c${command}.${index}`;

/** `unaddressable`: the sender is neither a phone number nor a business-scoped id; nothing is sent. */
export type ProcessOutcome = 'processed' | 'duplicate' | 'unaddressable';

export const processInbound = async (
  deps: ProcessInboundDeps,
  item: MessageItem,
): Promise<ProcessOutcome> => {
  const now = deps.clock.now();
  const messageId = item.message.id;
  const recipient = graphRecipientOf(item.citizen.waId, item.citizen.userId, item.citizen.id);
  if (recipient === undefined) {
    // No reply can reach them; running the engine would only store a session nobody can continue.
    deps.log.warn('inbound message from an unaddressable sender: not replied', { type: item.message.type });
    return 'unaddressable';
  }
  const claim = await deps.processed.claim(messageId, now);
  if (claim.outcome === 'done') {
    deps.log.info('duplicate inbound message ignored', { type: item.message.type });
    return 'duplicate';
  }
  if (claim.outcome === 'busy') throw new MessageInProgressError('Another worker is processing this message');

  try {
    await runTurn(deps, item, recipient, claim, now);
  } catch (error) {
    // Without this, every retry of the queue would find the message "in progress" until the lease ran out,
    // and a transient failure would end in the DLQ unanswered.
    await deps.processed
      .release(messageId, claim.owner)
      .catch((releaseError: unknown) =>
        deps.log.warn('claim release failed', { error: (releaseError as Error).name }),
      );
    throw error;
  }
  return 'processed';
};

const runTurn = async (
  deps: ProcessInboundDeps,
  item: MessageItem,
  recipient: GraphRecipient,
  claim: Extract<ClaimResult, { outcome: 'claimed' }>,
  now: Date,
): Promise<void> => {
  const messageId = item.message.id;
  const inbound = toInboundMessage(item.citizen, item.message, now);
  let plan: TurnPlan;
  let session: ChatSession;
  if (claim.plan) {
    plan = claim.plan;
    session = (await deps.sessions.load(item.citizen.id)) ?? deps.converse(undefined, inbound, now).session;
  } else {
    const result = deps.converse(await deps.sessions.load(item.citizen.id), inbound, now);
    plan = (await optInPlan(deps, item, inbound, now)) ?? {
      replies: result.replies,
      commands: result.commands,
    };
    session = result.session;
    await deps.processed.commitTurn(messageId, session, plan, now);
  }

  const windowStart = new Date(session.lastInboundAt);
  const send = (outboundId: string, message: OutgoingMessage) =>
    deliver(deps, {
      outboundId,
      citizenId: item.citizen.id,
      recipient,
      message,
      windowStart: Number.isNaN(windowStart.getTime()) ? inbound.timestamp : windowStart,
      now,
    });

  for (const [index, reply] of plan.replies.entries()) await send(replyId(messageId, index), reply);

  for (const [commandIndex, command] of plan.commands.entries()) {
    let replies = claim.commandReplies[commandIndex];
    if (replies === undefined) {
      replies = await deps.runCommand(command, { inbound, commandIndex, session, now });
      await deps.processed.saveCommandReplies(messageId, commandIndex, replies);
    }
    for (const [index, reply] of replies.entries())
      await send(commandReplyId(messageId, commandIndex, index), reply);
  }

  try {
    await deps.graph.markAsRead(messageId);
  } catch (error) {
    // The blue ticks are a courtesy; failing them must not re-run the turn.
    deps.log.warn('mark as read failed', { error: (error as Error).name });
  }
  await deps.processed.complete(messageId, now);
  deps.log.info('inbound message processed', {
    type: item.message.type,
    kind: inbound.kind,
    replies: plan.replies.length,
    commands: plan.commands.map((c) => c.kind),
  });
};

/**
 * "YES" from a number that was asked to confirm a web filing (notify/opt-in.ts) grants the opt-in; the
 * reply says so instead of the engine's. Anything else, or a number never asked, goes to the engine.
 */
const optInPlan = async (
  deps: ProcessInboundDeps,
  item: MessageItem,
  inbound: InboundMessage,
  now: Date,
): Promise<TurnPlan | undefined> => {
  const waId = item.citizen.waId;
  if (!deps.optIns || !waId || inbound.kind !== 'text' || !isOptInReply(inbound.text)) return undefined;
  const asked = await deps.outbound.find(optInRequestId(waId));
  if (!asked || (await deps.optIns.isGranted(waId))) return undefined;
  await deps.optIns.grant(waId, now);
  return { replies: [optInGranted(/[\u0600-\u06ff]/.test(asked.fallbackText) ? 'ur' : 'en')], commands: [] };
};

/** One record of the FIFO queue: a message or a status. */
export const processQueueItem = async (deps: ProcessInboundDeps, item: InboundQueueItem): Promise<void> => {
  if (item.kind === 'message') await processInbound(deps, item);
  else await handleStatus(deps, item.status);
};
