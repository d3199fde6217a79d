/**
 * The WhatsApp path over the local runtime, driven as Meta drives it (signed webhook POSTs in, the fake
 * Graph API's outbox read back):
 *  1. webhook handler latency: signed POST /webhook → 200 (the handler checks, splits and enqueues);
 *  2. time from POST /webhook to the bot's reply reaching the Graph API, one greeting at a time;
 *  3. 1000 messages from 100 citizens, 10 each, all citizens at once: total time and whether every
 *     citizen's messages were answered in order.
 * Order is checked from the replies and read receipts in the outbox (./whatsapp-order.ts).
 */
import { randomBytes } from 'node:crypto';
import type { OutboxEntry } from '../infra/local/fake-graph.ts';
import { signedWebhookHeaders, webhookBody } from '../infra/local/webhook-payload.ts';
import type { RunningLocalRuntime } from '../test/support/local-runtime.ts';
import {
  p50p99,
  postKeptOpen,
  progress,
  runConcurrently,
  sleep,
  waitFor,
  withLocalRuntime,
} from './local.ts';
import { table } from './stats.ts';
import { answeredInOrder, benchMessageId, isReply, readReceiptOf } from './whatsapp-order.ts';

const WARM_UP = 10;
const HANDLER_REQUESTS = 100;
const REPLY_GREETINGS = 50;
const POLL_MS = 5;
const CITIZENS = 100;
/** Per citizen; under the engine's flood control (20 messages a minute). */
export const MESSAGES_EACH = 10;
const TEXTS = ['salam', 'english', 'menu', 'hello', 'menu', 'help', 'menu', 'hi', 'menu', 'thanks'] as const;
const DRAIN_TIMEOUT_MS = 10 * 60_000;

/** A unique run prefix in the numbers and message ids, so nothing matches an earlier run's entries. */
const run = randomBytes(2).readUInt16BE(0) % 1000;
const citizenNumber = (phase: number, index: number): string =>
  `92${String(phase)}${String(run).padStart(3, '0')}${String(index).padStart(6, '0')}`;
const messageId = benchMessageId;
const readOf = readReceiptOf;

/** POSTs one text message of `citizen`; resolves with the handler's latency in ms. */
export const postText = async (
  runtime: RunningLocalRuntime,
  citizen: string,
  text: string,
  options: { id: string; timestamp?: number },
): Promise<number> => {
  const body = webhookBody({
    from: citizen,
    profileName: 'Bench Citizen',
    id: options.id,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    message: { type: 'text', text: { body: text } },
  });
  const started = performance.now();
  const status = await postKeptOpen(`${runtime.apiUrl}/webhook`, signedWebhookHeaders(body), body);
  const elapsed = performance.now() - started;
  if (status !== 200) throw new Error(`POST /webhook answered ${status}`);
  return elapsed;
};

const fullOutbox = async (runtime: RunningLocalRuntime): Promise<OutboxEntry[]> => runtime.outbox();

/** Waits until a read receipt exists for every id; returns the outbox at that moment. */
export const drain = async (runtime: RunningLocalRuntime, ids: readonly string[]): Promise<OutboxEntry[]> => {
  const wanted = new Set(ids);
  return waitFor(
    `read receipts of ${ids.length} messages`,
    async () => {
      const outbox = await fullOutbox(runtime);
      const read = new Set(
        outbox.map(readOf).filter((id): id is string => id !== undefined && wanted.has(id)),
      );
      return read.size === wanted.size ? outbox : undefined;
    },
    { everyMs: 1000, timeoutMs: DRAIN_TIMEOUT_MS },
  );
};

const clearOutbox = async (runtime: RunningLocalRuntime): Promise<void> => {
  await fetch(`${runtime.apiUrl}/__local/whatsapp/outbox`, { method: 'DELETE' });
};

/** Phase 1: the webhook function's own latency, one POST at a time, each from another citizen. */
const handlerLatency = async (runtime: RunningLocalRuntime) => {
  const ids: string[] = [];
  const latencies: number[] = [];
  for (let i = 0; i < WARM_UP + HANDLER_REQUESTS; i++) {
    const citizen = citizenNumber(1, i);
    const id = messageId(citizen, 0);
    ids.push(id);
    const elapsed = await postText(runtime, citizen, 'salam', { id });
    if (i >= WARM_UP) latencies.push(elapsed);
  }
  progress(`  ${HANDLER_REQUESTS} POSTs done; waiting for the worker to answer them all`);
  const drainStarted = performance.now();
  await drain(runtime, ids);
  return { latencies, drainSeconds: (performance.now() - drainStarted) / 1000 };
};

/** Phase 2: POST → first reply at the Graph API (its receive time) and as seen by polling the outbox. */
const replyLatency = async (runtime: RunningLocalRuntime) => {
  const atGraph: number[] = [];
  const seen: number[] = [];
  const handler: number[] = [];
  for (let i = 0; i < REPLY_GREETINGS; i++) {
    const citizen = citizenNumber(2, i);
    const sentAtEpoch = Date.now();
    const started = performance.now();
    handler.push(await postText(runtime, citizen, 'salam', { id: messageId(citizen, 0) }));
    const reply = await waitFor(
      'the reply to a greeting',
      async () => (await runtime.outbox(citizen)).find(isReply),
      { everyMs: POLL_MS, timeoutMs: 60_000 },
    );
    seen.push(performance.now() - started);
    atGraph.push(Date.parse(reply.receivedAt) - sentAtEpoch);
    // Let the rest of the turn (read receipt, bookkeeping) finish before the next greeting.
    await waitFor(
      'the read receipt of a greeting',
      async () =>
        (await fullOutbox(runtime)).some((e) => readOf(e) === messageId(citizen, 0)) ? true : undefined,
      { everyMs: 20, timeoutMs: 60_000 },
    );
  }
  return { atGraph, seen, handler };
};

/**
 * Every citizen sends MESSAGES_EACH texts one after the other (the next when the previous was acknowledged, as a
 * phone does), all citizens at once; resolves with every acknowledgement's latency in ms.
 */
export const sendAsCrowd = async (
  runtime: RunningLocalRuntime,
  citizens: readonly string[],
  firstSecond: number,
): Promise<number[]> => {
  const acks: number[] = [];
  await runConcurrently(citizens.length, citizens.length, async (c) => {
    const citizen = citizens[c] ?? '';
    for (let n = 0; n < MESSAGES_EACH; n++) {
      acks.push(
        await postText(runtime, citizen, TEXTS[n % TEXTS.length] ?? 'menu', {
          id: messageId(citizen, n),
          // Meta's timestamps have second resolution; a typing citizen's are a second or more apart.
          timestamp: firstSecond + n,
        }),
      );
    }
  });
  return acks;
};

/** How often the conversation crowd reads what is new in the fake Graph API's outbox. */
const WATCH_MS = 100;
/** A citizen whose message is not answered within this stops talking; the figures then count it unanswered. */
const ANSWER_WAIT_MS = 2 * 60_000;

/**
 * Every citizen sends its next message only once the bot has answered the last (its read receipt, the worker's
 * last call for a message, reached the Graph API), as a person in a conversation does; all citizens at once, no
 * time to read or type. Resolves with the acknowledgements' latencies (the first messages, which all citizens send
 * together, apart from the rest) and every POST → read receipt time, in ms.
 */
export const converseAsCrowd = async (
  runtime: RunningLocalRuntime,
  citizens: readonly string[],
): Promise<{ acks: number[]; firstAcks: number[]; answers: number[] }> => {
  const acks: number[] = [];
  const firstAcks: number[] = [];
  const answers: number[] = [];
  const read = new Set<string>();
  const waiting = new Map<string, () => void>();
  let watching = true;
  const watcher = (async () => {
    let seen = 0;
    while (watching) {
      const fresh = await runtime.outbox(undefined, { from: seen });
      seen += fresh.length;
      for (const entry of fresh) {
        const id = readOf(entry);
        if (id === undefined) continue;
        read.add(id);
        waiting.get(id)?.();
      }
      await sleep(WATCH_MS);
    }
  })();
  const answerOf = (id: string): Promise<boolean> =>
    new Promise((resolve) => {
      if (read.has(id)) return resolve(true);
      const timer = setTimeout(() => resolve(false), ANSWER_WAIT_MS);
      waiting.set(id, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  try {
    await runConcurrently(citizens.length, citizens.length, async (c) => {
      const citizen = citizens[c] ?? '';
      for (let n = 0; n < MESSAGES_EACH; n++) {
        const id = messageId(citizen, n);
        const started = performance.now();
        const ack = await postText(runtime, citizen, TEXTS[n % TEXTS.length] ?? 'menu', {
          id,
          timestamp: Math.floor(Date.now() / 1000),
        });
        (n === 0 ? firstAcks : acks).push(ack);
        if (!(await answerOf(id))) return;
        answers.push(performance.now() - started);
      }
    });
  } finally {
    watching = false;
    await watcher;
  }
  return { acks, firstAcks, answers };
};

/** Phase 3: every citizen sends its messages one after the other (as a phone does), all citizens at once. */
const manyCitizens = async (runtime: RunningLocalRuntime) => {
  const citizens = Array.from({ length: CITIZENS }, (_, i) => citizenNumber(3, i));
  const ids = citizens.flatMap((c) => Array.from({ length: MESSAGES_EACH }, (_, n) => messageId(c, n)));
  const firstSecond = Math.floor(Date.now() / 1000);
  const startedEpoch = Date.now();
  const started = performance.now();
  const handler = await sendAsCrowd(runtime, citizens, firstSecond);
  const acceptedSeconds = (performance.now() - started) / 1000;
  progress(`  all ${ids.length} accepted in ${acceptedSeconds.toFixed(1)} s; waiting for every answer`);
  const outbox = await drain(runtime, ids);
  const wanted = new Set(ids);
  const lastRead = Math.max(
    ...outbox.filter((e) => wanted.has(readOf(e) ?? '')).map((e) => Date.parse(e.receivedAt)),
  );
  const totalSeconds = (lastRead - startedEpoch) / 1000;
  const kept = citizens.filter((c) => answeredInOrder(outbox, c, MESSAGES_EACH)).length;
  const replies = outbox.filter((e) => isReply(e) && citizens.includes(e.to ?? '')).length;
  return { acceptedSeconds, totalSeconds, kept, replies, handler, messages: ids.length };
};

export const benchWhatsApp = async (): Promise<string> =>
  withLocalRuntime('benchwa', async (runtime) => {
    progress(`webhook handler latency: ${WARM_UP} warm-up + ${HANDLER_REQUESTS} POSTs at concurrency 1`);
    const phase1 = await handlerLatency(runtime);
    await clearOutbox(runtime);
    progress(`POST → reply: ${REPLY_GREETINGS} greetings, one at a time, polling every ${POLL_MS} ms`);
    const phase2 = await replyLatency(runtime);
    await clearOutbox(runtime);
    await sleep(500);
    progress(`${CITIZENS} citizens × ${MESSAGES_EACH} messages, all citizens at once`);
    const phase3 = await manyCitizens(runtime);

    return [
      '## WhatsApp over the local runtime',
      '',
      "`npm start`'s runtime as a child process against moto; Meta is played by this process (signed",
      "`POST /webhook` deliveries of one text message each) and the Graph API by the runtime's fake, whose",
      'outbox records every reply and read receipt with its arrival time. The FIFO queue is polled as the',
      'local runtime does by default (6 pollers for a FIFO queue, batches of 10). Worker turns write through',
      'TransactWriteItems, which moto serializes with every other DynamoDB call (docs/local-runtime.md), so these',
      'times are far above what DynamoDB would give.',
      '',
      table(
        ['measure', 'samples', 'p50 (ms)', 'p99 (ms)'],
        [
          [
            'webhook handler: signed POST /webhook → 200, one at a time',
            String(phase1.latencies.length),
            ...p50p99(phase1.latencies),
          ],
          [
            'POST /webhook → first reply received by the Graph API',
            String(phase2.atGraph.length),
            ...p50p99(phase2.atGraph),
          ],
          [
            `POST /webhook → reply seen in the outbox (polled every ${POLL_MS} ms)`,
            String(phase2.seen.length),
            ...p50p99(phase2.seen),
          ],
          [
            `webhook handler under load (${CITIZENS} citizens sending at once)`,
            String(phase3.handler.length),
            ...p50p99(phase3.handler),
          ],
        ],
      ),
      '',
      `After the ${HANDLER_REQUESTS + WARM_UP} greetings of the first row, the worker needed another`,
      `${phase1.drainSeconds.toFixed(1)} s to answer all of them.`,
      '',
      `### ${phase3.messages} messages from ${CITIZENS} citizens`,
      '',
      `Each citizen sends ${MESSAGES_EACH} texts one after the other (${TEXTS.join(', ')}), each POST after the`,
      'previous one was accepted, all citizens at the same time. Total time runs from the first POST to',
      'the last read receipt reaching the Graph API.',
      '',
      table(
        ['measure', 'value'],
        [
          ['all messages accepted (200) after', `${phase3.acceptedSeconds.toFixed(1)} s`],
          ['all messages answered after', `${phase3.totalSeconds.toFixed(1)} s`],
          ['throughput (messages answered / s)', (phase3.messages / phase3.totalSeconds).toFixed(1)],
          ['replies sent', String(phase3.replies)],
          ['order kept', `for ${phase3.kept}/${CITIZENS} citizens`],
        ],
      ),
    ].join('\n');
  });
