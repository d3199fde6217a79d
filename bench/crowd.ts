/**
 * The local runtime under a crowd (issue 13, Deliver 3): 100 citizens × 10 WhatsApp messages, each citizen
 * sending its next message when the previous one was acknowledged, all citizens at once. Prints the webhook's
 * acknowledgement p50/p99, the end-to-end rate, whether every citizen was answered in order, and whether any
 * message was lost or handled twice. Then 100 more citizens in conversation on the same runtime (each message
 * after the bot's answer to the last), for the acknowledgements while the chat turns keep the emulator busy. A second, smaller crowd runs with a counting proxy between the runtime and
 * moto for the AWS calls per message and the emulator's own ceiling for that call mix (the recorded function
 * calls replayed straight at moto over the table as that crowd found it): the proxy costs CPU, so the timed crowd
 * runs without it.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  countByOperation,
  POLLER_OPERATIONS,
  replay,
  snapshotTable,
  startCountingProxy,
  type CountingProxy,
  type RecordedCall,
} from './aws-calls.ts';
import type { RunningLocalRuntime } from '../test/support/local-runtime.ts';
import { p50p99, progress, sleep, withLocalRuntime } from './local.ts';
import { table } from './stats.ts';
import { ENV } from '../shared/runtime/config.ts';
import { converseAsCrowd, drain, MESSAGES_EACH, postText, sendAsCrowd } from './whatsapp.ts';
import { answeredInOrder, benchMessageId, readReceiptOf } from './whatsapp-order.ts';

const CITIZENS = 100;
/** The conversation crowd's citizens follow the timed crowd's (0–99) and the counted crowd's. */
const CONVERSATION_FIRST = 200;
/** The counted crowd: enough messages for stable calls per message, small enough to keep the bench short. */
const COUNTED_CITIZENS = 20;
/** Recorded function calls replayed for the ceiling: a bounded sample, in recorded order. */
const REPLAY_CALLS = 2000;
/** The ceiling is the best of these: more calls at a time is not always faster for the emulator's one GIL. */
const REPLAY_CONCURRENCIES = [4, 16] as const;

const run = randomBytes(2).readUInt16BE(0) % 1000;
const citizenNumber = (index: number): string =>
  `924${String(run).padStart(3, '0')}${String(index).padStart(6, '0')}`;

interface CrowdResult {
  readonly acks: number[];
  /** From the first POST to the last acknowledgement. */
  readonly sendSeconds: number;
  readonly messages: number;
  readonly answered: number;
  readonly twice: number;
  readonly kept: number;
  readonly totalSeconds: number;
}

/** Warms the functions (module load, first clients) outside the measured window. */
const warm = async (runtime: RunningLocalRuntime): Promise<void> => {
  const citizen = citizenNumber(999_999);
  await postText(runtime, citizen, 'salam', { id: benchMessageId(citizen, 0) });
  await drain(runtime, [benchMessageId(citizen, 0)]);
  await sleep(500);
};

const crowd = async (runtime: RunningLocalRuntime, first: number, count: number): Promise<CrowdResult> => {
  const citizens = Array.from({ length: count }, (_, i) => citizenNumber(first + i));
  const ids = citizens.flatMap((c) => Array.from({ length: MESSAGES_EACH }, (_, n) => benchMessageId(c, n)));
  progress(`${count} citizens × ${MESSAGES_EACH} messages, all citizens at once`);
  const firstSecond = Math.floor(Date.now() / 1000);
  const startedEpoch = Date.now();
  const acks = await sendAsCrowd(runtime, citizens, firstSecond);
  const sendSeconds = (Date.now() - startedEpoch) / 1000;
  progress(
    `  all ${ids.length} acknowledged (p50 / p99 ${p50p99(acks).join(' / ')} ms); waiting for every answer`,
  );
  // Bounded: on a loaded machine the drain may not finish; the figures then say how far it got.
  const outbox = await drain(runtime, ids).catch(async (error: unknown) => {
    progress(`  ${String(error)}; reporting what was answered`);
    return runtime.outbox();
  });
  const wanted = new Set(ids);
  const receipts = outbox.map(readReceiptOf).filter((id): id is string => id !== undefined && wanted.has(id));
  const lastRead = Math.max(
    ...outbox.filter((e) => wanted.has(readReceiptOf(e) ?? '')).map((e) => Date.parse(e.receivedAt)),
  );
  const totalSeconds = (lastRead - startedEpoch) / 1000;
  const answeredIds = new Set(receipts);
  progress(`  ${answeredIds.size} answered after ${totalSeconds.toFixed(1)} s`);
  const unanswered = ids.filter((id) => !answeredIds.has(id));
  if (unanswered.length > 0) {
    // What the runtime logged is the only account of why: kept for whoever reads the figures.
    const logFile = join(tmpdir(), `rabta-crowd-${runtime.stage}.log`);
    await writeFile(logFile, `unanswered: ${unanswered.join(' ')}\n\n${runtime.output()}`);
    progress(
      `  ${unanswered.length} unanswered (${unanswered.slice(0, 3).join(', ')}…); runtime log: ${logFile}`,
    );
  }
  return {
    acks,
    sendSeconds,
    messages: ids.length,
    answered: answeredIds.size,
    twice: receipts.length - answeredIds.size,
    kept: citizens.filter((c) => answeredInOrder(outbox, c, MESSAGES_EACH)).length,
    totalSeconds,
  };
};

interface ConversationResult {
  /** Messages 2–10 of each citizen, each sent when the bot had answered the one before. */
  readonly acks: number[];
  /** Every citizen's first message, all sent together. */
  readonly firstAcks: number[];
  /** POST → that message's read receipt at the Graph API. */
  readonly answers: number[];
  readonly messages: number;
  readonly answered: number;
  readonly twice: number;
  readonly kept: number;
  readonly totalSeconds: number;
}

/** The same citizens' load as a conversation: each message after the bot's answer to the last. */
const conversation = async (
  runtime: RunningLocalRuntime,
  first: number,
  count: number,
): Promise<ConversationResult> => {
  const citizens = Array.from({ length: count }, (_, i) => citizenNumber(first + i));
  const ids = citizens.flatMap((c) => Array.from({ length: MESSAGES_EACH }, (_, n) => benchMessageId(c, n)));
  progress(`${count} citizens × ${MESSAGES_EACH} messages, each after the bot's answer to the last`);
  const started = performance.now();
  const { acks, firstAcks, answers } = await converseAsCrowd(runtime, citizens);
  const totalSeconds = (performance.now() - started) / 1000;
  const outbox = await runtime.outbox();
  const wanted = new Set(ids);
  const receipts = outbox.map(readReceiptOf).filter((id): id is string => id !== undefined && wanted.has(id));
  const answered = new Set(receipts).size;
  progress(
    `  ${answered} answered after ${totalSeconds.toFixed(1)} s; acknowledgements p50 / p99 ${p50p99(acks).join(' / ')} ms (first messages ${p50p99(firstAcks).join(' / ')})`,
  );
  return {
    acks,
    firstAcks,
    answers,
    messages: ids.length,
    answered,
    twice: receipts.length - answered,
    kept: citizens.filter((c) => answeredInOrder(outbox, c, MESSAGES_EACH)).length,
    totalSeconds,
  };
};

/** The timed crowds, the runtime talking straight to moto: the closed loop on acknowledgements, then the conversation. */
const timedCrowds = (): Promise<{ timed: CrowdResult; talk: ConversationResult }> =>
  withLocalRuntime('benchcrowd', async (runtime) => {
    await warm(runtime);
    const timed = await crowd(runtime, 0, CITIZENS);
    await sleep(1000);
    const talk = await conversation(runtime, CONVERSATION_FIRST, CITIZENS);
    return { timed, talk };
  });

/** The counted crowd: every AWS call recorded, then the function calls replayed straight at moto. */
const countedCrowd = async (): Promise<{
  calls: RecordedCall[];
  messages: number;
  callsPerSecond: number;
  concurrency: number;
  replayed: number;
  sameAnswers: number;
}> => {
  let proxy: CountingProxy | undefined;
  return withLocalRuntime(
    'benchcalls',
    async (runtime, emulatorEndpoint) => {
      if (!proxy) throw new Error('the counting proxy did not start');
      await warm(runtime);
      const before = await snapshotTable(emulatorEndpoint, runtime.env[ENV.tableName] ?? '');
      proxy.reset();
      const { messages } = await crowd(runtime, CITIZENS, COUNTED_CITIZENS);
      const calls = [...proxy.calls()];
      // The runtime stops first, so nothing but the replay talks to the emulator.
      await runtime.stop();
      const functionCalls = calls.filter((c) => !POLLER_OPERATIONS.has(c.operation));
      const sample = functionCalls.slice(0, REPLAY_CALLS);
      let best = { callsPerSecond: 0, sameAnswers: 0, concurrency: 0 };
      for (const concurrency of REPLAY_CONCURRENCIES) {
        // Each replay meets the table as the crowd met it, not as the crowd left it: the same work per call.
        await before.restore();
        progress(`  replaying ${sample.length} recorded calls straight at moto, ${concurrency} at a time`);
        const run = await replay(emulatorEndpoint, sample, concurrency);
        progress(`    ${run.callsPerSecond.toFixed(0)} calls/s, ${run.sameAnswers} answered as recorded`);
        if (run.callsPerSecond > best.callsPerSecond) best = { ...run, concurrency };
      }
      return { calls, messages, ...best, replayed: sample.length };
    },
    {
      wrapEndpoint: async (endpoint) => {
        proxy = await startCountingProxy(endpoint);
        return proxy;
      },
    },
  );
};

type Delivered = Pick<CrowdResult, 'messages' | 'answered' | 'twice' | 'kept' | 'totalSeconds'>;

const answeredAfter = (crowd: Delivered): string[] => [
  crowd.answered === crowd.messages
    ? 'all messages answered after (s)'
    : `${crowd.answered}/${crowd.messages} answered after (s)`,
  crowd.totalSeconds.toFixed(1),
  '',
];

const delivery = (crowd: Delivered): string[][] => [
  ['order kept', `for ${crowd.kept}/${CITIZENS} citizens`, 'all'],
  ['messages unanswered / read twice', `${crowd.messages - crowd.answered} / ${crowd.twice}`, '0 / 0'],
];

export const benchCrowd = async (): Promise<string> => {
  const loadBefore = loadavg()[0] ?? 0;
  const { timed, talk } = await timedCrowds();
  const counted = await countedCrowd();
  const loadAfter = loadavg()[0] ?? 0;

  const functionCalls = counted.calls.filter((c) => !POLLER_OPERATIONS.has(c.operation));
  const pollerCalls = counted.calls.filter((c) => POLLER_OPERATIONS.has(c.operation));
  const perMessage = functionCalls.length / counted.messages;
  const ceiling = counted.callsPerSecond / perMessage;
  const rate = timed.answered / timed.totalSeconds;
  const meanAck = timed.acks.reduce((sum, ack) => sum + ack, 0) / timed.acks.length;
  const perMessageRows = (calls: readonly RecordedCall[]) =>
    countByOperation(calls).map(([op, n]) => [op, (n / counted.messages).toFixed(2)]);

  return [
    '## WhatsApp crowd over the local runtime',
    '',
    `${CITIZENS} citizens × ${MESSAGES_EACH} texts, each citizen's next POST after the previous one's 200, all`,
    "citizens at once, against `npm start`'s runtime as a child process (queue, stream and HTTP functions each in",
    'a worker thread of their own, the gateway alone on its thread), talking straight to moto. The AWS calls',
    `come from a second crowd of ${COUNTED_CITIZENS} citizens × ${MESSAGES_EACH} texts through a counting proxy between the runtime`,
    'and moto; the ceiling replays its recorded function calls straight at moto, in recorded order, over the table',
    'as the counted crowd found it (so a claim claims and a transaction writes, as in the crowd), at',
    `${REPLAY_CONCURRENCIES.join(' and ')} calls at a time, and keeps the faster (${counted.concurrency});`,
    `${counted.sameAnswers} of the ${counted.replayed} replayed calls got the status they got in the crowd.`,
    `Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`,
    '',
    table(
      ['measure', 'value', 'target'],
      [
        ['webhook acknowledgement p50 / p99 (ms)', p50p99(timed.acks).join(' / '), 'p99 ≤ 250'],
        [
          'acknowledgements per second while citizens send (mean acknowledgement)',
          `${(timed.messages / timed.sendSeconds).toFixed(0)} (${meanAck.toFixed(0)} ms)`,
          '',
        ],
        answeredAfter(timed),
        ['end-to-end rate (messages/s)', rate.toFixed(1), ''],
        ['AWS calls per message by our functions', perMessage.toFixed(1), ''],
        [
          '  … and by the local event source mappings (Lambda’s pollers in AWS)',
          (pollerCalls.length / counted.messages).toFixed(1),
          '',
        ],
        [
          'emulator ceiling for that mix (calls/s → messages/s)',
          `${counted.callsPerSecond.toFixed(0)} → ${ceiling.toFixed(1)}`,
          '',
        ],
        ['end-to-end rate ÷ ceiling', (rate / ceiling).toFixed(2), '≥ 0.67'],
        ...delivery(timed),
      ],
    ),
    '',
    `Each citizen sends its next message when the last is acknowledged, so the mean acknowledgement is about the`,
    `${CITIZENS} citizens over the acknowledgement rate (Little's law); a p99 of 250 ms needs a mean well under it,`,
    'that is, several hundred acknowledgements a second while the chat turns drain (docs/performance.md, section 3).',
    '',
    '### The same crowd in conversation',
    '',
    `Then, on the same runtime, ${CITIZENS} more citizens × ${MESSAGES_EACH} texts, each citizen's next POST once the bot has answered`,
    'the last (its read receipt reached the Graph API), all citizens at once and without time to read or type: at',
    'most one message of each citizen in flight, as in a chat, so the webhook is loaded at the rate the chat turns',
    'drain, and its acknowledgements are measured while those turns keep the emulator busy.',
    '',
    table(
      ['measure', 'value', 'target'],
      [
        [
          'webhook acknowledgement p50 / p99 (ms), all messages',
          p50p99([...talk.firstAcks, ...talk.acks]).join(' / '),
          'p99 ≤ 250',
        ],
        [
          `  … each citizen's first message (${talk.firstAcks.length}, sent together)`,
          p50p99(talk.firstAcks).join(' / '),
          '',
        ],
        [
          `  … messages 2–${MESSAGES_EACH} (${talk.acks.length}, each after an answer)`,
          p50p99(talk.acks).join(' / '),
          '',
        ],
        [
          'POST → the bot’s answer complete (read receipt) p50 / p99 (ms)',
          p50p99(talk.answers).join(' / '),
          '',
        ],
        answeredAfter(talk),
        ['end-to-end rate (messages/s)', (talk.answered / talk.totalSeconds).toFixed(1), ''],
        ...delivery(talk),
      ],
    ),
    '',
    'Calls per message by operation (our functions, then the event source mappings):',
    '',
    table(
      ['operation', 'calls per message'],
      [...perMessageRows(functionCalls), ...perMessageRows(pollerCalls)],
    ),
  ].join('\n');
};
