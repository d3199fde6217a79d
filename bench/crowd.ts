/**
 * The local runtime under a crowd (issue 13, Deliver 3): 100 citizens × 10 WhatsApp messages, each citizen
 * sending its next message when the previous one was acknowledged, all citizens at once. Prints the webhook's
 * acknowledgement p50/p99, the end-to-end rate, AWS calls per message (recorded by a proxy between the runtime
 * and moto), the emulator's own ceiling for that call mix (the recorded function calls replayed straight at
 * moto), whether every citizen was answered in order, and whether any message was lost or handled twice.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  countByOperation,
  POLLER_OPERATIONS,
  replayRate,
  startCountingProxy,
  type CountingProxy,
} from './aws-calls.ts';
import { p50p99, progress, sleep, withLocalRuntime } from './local.ts';
import { table } from './stats.ts';
import { drain, MESSAGES_EACH, postText, sendAsCrowd } from './whatsapp.ts';
import { answeredInOrder, benchMessageId, readReceiptOf } from './whatsapp-order.ts';

const CITIZENS = 100;
/** Recorded function calls replayed for the ceiling: a bounded sample, in recorded order. */
const REPLAY_CALLS = 2000;
const REPLAY_CONCURRENCY = 16;

const run = randomBytes(2).readUInt16BE(0) % 1000;
const citizenNumber = (index: number): string =>
  `924${String(run).padStart(3, '0')}${String(index).padStart(6, '0')}`;

export const benchCrowd = async (): Promise<string> => {
  let proxy: CountingProxy | undefined;
  const loadBefore = loadavg()[0] ?? 0;
  return withLocalRuntime(
    'benchcrowd',
    async (runtime, emulatorEndpoint) => {
      if (!proxy) throw new Error('the counting proxy did not start');
      // Warm the functions (module load, first clients) outside the measured window.
      const warm = citizenNumber(999_999);
      await postText(runtime, warm, 'salam', { id: benchMessageId(warm, 0) });
      await drain(runtime, [benchMessageId(warm, 0)]);
      await sleep(500);
      proxy.reset();

      const citizens = Array.from({ length: CITIZENS }, (_, i) => citizenNumber(i));
      const ids = citizens.flatMap((c) =>
        Array.from({ length: MESSAGES_EACH }, (_, n) => benchMessageId(c, n)),
      );
      progress(`${CITIZENS} citizens × ${MESSAGES_EACH} messages, all citizens at once`);
      const firstSecond = Math.floor(Date.now() / 1000);
      const startedEpoch = Date.now();
      const acks = await sendAsCrowd(runtime, citizens, firstSecond);
      progress(
        `  all ${ids.length} acknowledged (p50 / p99 ${p50p99(acks).join(' / ')} ms); waiting for every answer`,
      );
      // Bounded: on a loaded machine the drain may not finish; the figures then say how far it got.
      const outbox = await drain(runtime, ids).catch(async (error: unknown) => {
        progress(`  ${String(error)}; reporting what was answered`);
        return runtime.outbox();
      });
      const wanted = new Set(ids);
      const receipts = outbox
        .map(readReceiptOf)
        .filter((id): id is string => id !== undefined && wanted.has(id));
      const lastRead = Math.max(
        ...outbox.filter((e) => wanted.has(readReceiptOf(e) ?? '')).map((e) => Date.parse(e.receivedAt)),
      );
      const totalSeconds = (lastRead - startedEpoch) / 1000;
      const calls = [...proxy.calls()];
      const kept = citizens.filter((c) => answeredInOrder(outbox, c, MESSAGES_EACH)).length;
      const twice = receipts.length - new Set(receipts).size;
      const answered = new Set(receipts).size;

      // The runtime stops first, so nothing but the replay talks to the emulator.
      await runtime.stop();
      const functionCalls = calls.filter((c) => !POLLER_OPERATIONS.has(c.operation));
      const perMessage = functionCalls.length / ids.length;
      progress(`  replaying ${Math.min(REPLAY_CALLS, functionCalls.length)} recorded calls straight at moto`);
      const callsPerSecond = await replayRate(
        emulatorEndpoint,
        functionCalls.slice(0, REPLAY_CALLS),
        REPLAY_CONCURRENCY,
      );
      const ceiling = callsPerSecond / perMessage;
      const rate = answered / totalSeconds;
      const loadAfter = loadavg()[0] ?? 0;

      return [
        '## WhatsApp crowd over the local runtime',
        '',
        `${CITIZENS} citizens × ${MESSAGES_EACH} texts, each citizen's next POST after the previous one's 200, all`,
        "citizens at once, against `npm start`'s runtime as a child process (queue functions and stream functions in",
        'worker threads of their own, the webhook in the gateway’s thread). AWS calls are recorded by a proxy',
        'between the runtime and moto; the ceiling replays the recorded function calls straight at moto',
        `(${REPLAY_CONCURRENCY} at a time). Load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on a shared machine.`,
        '',
        table(
          ['measure', 'value'],
          [
            ['webhook acknowledgement p50 / p99 (ms)', p50p99(acks).join(' / ')],
            [
              answered === ids.length
                ? 'all messages answered after (s)'
                : `${answered}/${ids.length} answered after (s)`,
              totalSeconds.toFixed(1),
            ],
            ['end-to-end rate (messages/s)', rate.toFixed(1)],
            ['AWS calls per message by our functions', perMessage.toFixed(1)],
            [
              '  … of which by the local event source mappings (not counted above)',
              ((calls.length - functionCalls.length) / ids.length).toFixed(1),
            ],
            [
              'emulator ceiling for that mix (calls/s → messages/s)',
              `${callsPerSecond.toFixed(0)} → ${ceiling.toFixed(1)}`,
            ],
            ['end-to-end rate ÷ ceiling', (rate / ceiling).toFixed(2)],
            ['order kept', `for ${kept}/${CITIZENS} citizens`],
            ['messages unanswered / read twice', `${ids.length - answered} / ${twice}`],
          ],
        ),
        '',
        'Calls per message by operation (our functions):',
        '',
        table(
          ['operation', 'calls per message'],
          countByOperation(functionCalls).map(([op, n]) => [op, (n / ids.length).toFixed(2)]),
        ),
      ].join('\n');
    },
    {
      wrapEndpoint: async (endpoint) => {
        proxy = await startCountingProxy(endpoint);
        return proxy;
      },
    },
  );
};
