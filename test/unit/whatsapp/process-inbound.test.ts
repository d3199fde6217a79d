import { describe, expect, it } from 'vitest';
import { GraphApiError } from '../../../shared/app/whatsapp/errors.ts';
import type { GraphMessage, GraphRecipient } from '../../../shared/app/whatsapp/ports.ts';
import { handleStatus } from '../../../shared/app/whatsapp/handle-status.ts';
import { processInbound, type ProcessInboundDeps } from '../../../shared/app/whatsapp/process-inbound.ts';
import type {
  ClaimResult,
  OutboundMessagePort,
  OutboundRecord,
  ProcessedMessagePort,
  TurnPlan,
} from '../../../shared/app/whatsapp/ports.ts';
import type { ChatSession, OutgoingMessage } from '../../../shared/chat/types.ts';

const NOW = new Date('2026-03-01T10:00:00Z');

/** In-memory fakes of the worker's ports, with a switch to crash once at a chosen step. */
const world = (
  options: { crashAfterSends?: number; graphError?: GraphApiError; inboundAgeHours?: number } = {},
) => {
  const processed = new Map<
    string,
    { state: 'in_progress' | 'done'; plan?: TurnPlan; replies: Record<number, OutgoingMessage[]> }
  >();
  const sessions = new Map<string, ChatSession>();
  const outbound = new Map<string, OutboundRecord>();
  const aliases = new Map<string, string>();
  const sent: { to: GraphRecipient; message: GraphMessage }[] = [];
  const reads: string[] = [];
  const releases: string[] = [];
  let converseCalls = 0;
  let commandRuns = 0;
  let crashAfter = options.crashAfterSends;

  const processedPort: ProcessedMessagePort = {
    async claim(id): Promise<ClaimResult> {
      const record = processed.get(id);
      if (record?.state === 'done') return { outcome: 'done' };
      if (!record) processed.set(id, { state: 'in_progress', replies: {} });
      const current = processed.get(id)!;
      return {
        outcome: 'claimed',
        owner: 'worker-1',
        ...(current.plan && { plan: current.plan }),
        commandReplies: current.replies,
      };
    },
    async commitTurn(id, session, plan) {
      sessions.set(session.citizenId, session);
      processed.get(id)!.plan = plan;
    },
    async saveCommandReplies(id, index, replies) {
      processed.get(id)!.replies[index] = replies;
    },
    async complete(id) {
      processed.get(id)!.state = 'done';
    },
    async release(id) {
      releases.push(id);
    },
  };
  const outboundPort: OutboundMessagePort = {
    async find(id) {
      return outbound.get(id);
    },
    async claim(record) {
      if (!outbound.has(record.outboundId)) outbound.set(record.outboundId, { ...record, state: 'pending' });
      const stored = outbound.get(record.outboundId)!;
      return stored.state === 'pending'
        ? { outcome: 'claimed', record: stored, owner: 'sender-1' }
        : { outcome: 'done', record: stored };
    },
    async release(id) {
      releases.push(id);
    },
    async markSent(id, wamid) {
      outbound.set(id, { ...outbound.get(id)!, state: 'sent', wamid });
      aliases.set(wamid, id);
    },
    async findByWamid(wamid) {
      const id = aliases.get(wamid);
      return id ? outbound.get(id) : undefined;
    },
    async applyStatus(id, state, _at, errorCode, failureReason) {
      outbound.set(id, {
        ...outbound.get(id)!,
        state,
        ...(errorCode !== undefined && { errorCode }),
        ...(failureReason !== undefined && { failureReason }),
      });
    },
  };
  const deps: ProcessInboundDeps = {
    processed: processedPort,
    sessions: { load: async (id) => sessions.get(id) },
    outbound: outboundPort,
    graph: {
      async send(to, message) {
        if (options.graphError && message.type !== 'template') throw options.graphError;
        if (crashAfter !== undefined && crashAfter-- <= 0) {
          crashAfter = undefined;
          throw new Error('worker crashed');
        }
        sent.push({ to, message });
        return { wamid: `wamid.out.${sent.length}` };
      },
      async markAsRead(id) {
        reads.push(id);
      },
    },
    template: { name: 'rabta_update', language: 'ur' },
    converse(session, inbound, now) {
      converseCalls++;
      return {
        session: {
          citizenId: inbound.citizen.id,
          language: 'en',
          languageChosen: false,
          lastInboundAt: inbound.timestamp.toISOString(),
          recentInbound: [],
          updatedAt: now.toISOString(),
          ...session,
        },
        replies: [
          { kind: 'text', body: 'one' },
          { kind: 'buttons', body: 'two', buttons: [{ id: 'y', title: 'Yes' }] },
        ],
        commands: [{ kind: 'recordFeedback', text: 'good', language: 'en' }],
      };
    },
    async runCommand() {
      commandRuns++;
      return [{ kind: 'text', body: 'thanks' }];
    },
    clock: { now: () => NOW },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  const sentAt = new Date(NOW.getTime() - (options.inboundAgeHours ?? 0) * 3600_000);
  const item = {
    kind: 'message' as const,
    citizen: { id: 'US.1', waId: '923001234567', userId: 'US.1' },
    message: {
      id: 'wamid.IN1',
      from: '923001234567',
      timestamp: String(sentAt.getTime() / 1000),
      type: 'text',
      text: { body: 'hi' },
    },
  };
  return { deps, item, sent, reads, outbound, releases, stats: () => ({ converseCalls, commandRuns }) };
};

describe('processInbound', () => {
  it('sends the replies, then the command replies, marks the message read, and is done', async () => {
    // Prepare
    const { deps, item, sent, reads } = world();
    // Act
    const outcome = await processInbound(deps, item);
    // Assess
    expect(outcome).toBe('processed');
    expect(sent.map((s) => s.message.type)).toEqual(['text', 'buttons', 'text']);
    expect(sent[0]!.to).toEqual({ waId: '923001234567', userId: 'US.1' });
    expect(reads).toEqual(['wamid.IN1']);
  });

  it('does nothing for a message already processed', async () => {
    // Prepare
    const { deps, item, sent } = world();
    await processInbound(deps, item);
    // Act
    const outcome = await processInbound(deps, item);
    // Assess
    expect(outcome).toBe('duplicate');
    expect(sent).toHaveLength(3);
  });

  it('after a crash mid-way, resumes the stored plan: no second engine run, no reply sent twice', async () => {
    // Prepare: the worker dies after the first reply went out.
    const { deps, item, sent, stats } = world({ crashAfterSends: 1 });
    await expect(processInbound(deps, item)).rejects.toThrow('worker crashed');
    // Act
    await processInbound(deps, item);
    // Assess
    expect(sent.map((s) => (s.message as { body: string }).body)).toEqual(['one', 'two', 'thanks']);
    expect(stats()).toEqual({ converseCalls: 1, commandRuns: 1 });
  });

  it('sends the approved template when the 24-hour window has closed', async () => {
    // Prepare
    const { deps, item, sent } = world({ inboundAgeHours: 30 });
    // Act
    await processInbound(deps, item);
    // Assess
    expect(sent.map((s) => s.message)).toEqual([
      { type: 'template', name: 'rabta_update', language: 'en', bodyParameters: ['one'] },
      { type: 'template', name: 'rabta_update', language: 'en', bodyParameters: ['two | 1. Yes'] },
      { type: 'template', name: 'rabta_update', language: 'en', bodyParameters: ['thanks'] },
    ]);
  });

  it('falls back to the template when Meta refuses a free-form send with 131047', async () => {
    // Prepare
    const { deps, item, sent, outbound } = world({ graphError: new GraphApiError('window', 400, 131047) });
    // Act
    await processInbound(deps, item);
    // Assess
    expect(sent.every((s) => s.message.type === 'template')).toBe(true);
    expect(sent).toHaveLength(3);
    expect(outbound.get('wamid.IN1#r0')).toMatchObject({ state: 'failed', errorCode: 131047 });
  });

  it('lets a transient Graph failure fail the record so SQS retries it, releasing both claims', async () => {
    // Prepare
    const { deps, item, releases } = world({ graphError: new GraphApiError('busy', 503, undefined) });
    // Act & Assess
    await expect(processInbound(deps, item)).rejects.toBeInstanceOf(GraphApiError);
    expect(releases).toEqual(['wamid.IN1#r0', 'wamid.IN1']);
  });

  it('records a permanent Graph refusal with its reason and moves on', async () => {
    // Prepare
    const { deps, item, outbound } = world({ graphError: new GraphApiError('Invalid parameter', 400, 100) });
    // Act
    await processInbound(deps, item);
    // Assess
    expect(outbound.get('wamid.IN1#r0')).toMatchObject({
      state: 'failed',
      errorCode: 100,
      failureReason: 'Invalid parameter',
    });
  });
});

describe('handleStatus', () => {
  it('moves the record forward and re-sends a 131047 failure once as a template', async () => {
    // Prepare
    const { deps, item, sent, outbound } = world();
    await processInbound(deps, item);
    const failed = {
      id: 'wamid.out.1',
      status: 'failed',
      timestamp: '1772359200',
      errors: [{ code: 131047 }],
    };
    // Act
    await handleStatus(deps, { id: 'wamid.out.2', status: 'read' });
    await handleStatus(deps, failed);
    await handleStatus(deps, failed);
    // Assess
    expect(outbound.get('wamid.IN1#r1')!.state).toBe('read');
    expect(sent.filter((s) => s.message.type === 'template')).toEqual([
      {
        to: { waId: '923001234567', userId: 'US.1' },
        message: { type: 'template', name: 'rabta_update', language: 'en', bodyParameters: ['one'] },
      },
    ]);
  });

  it('ignores statuses of messages it never sent', async () => {
    // Prepare
    const { deps, sent } = world();
    // Act
    await handleStatus(deps, { id: 'wamid.unknown', status: 'failed', errors: [{ code: 131047 }] });
    // Assess
    expect(sent).toHaveLength(0);
  });
});
