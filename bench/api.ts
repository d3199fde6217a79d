/**
 * The public API over the local runtime: `POST /complaints` latency (one request at a time) and
 * throughput (many in flight), with `GET /districts` as the baseline cost of the gateway and a
 * function that touches no table.
 */
import { ms, p50p99, progress, runConcurrently, withLocalRuntime } from './local.ts';
import { median, table } from './stats.ts';

const WARM_UP = 50;
const THROUGHPUT_CONCURRENCY = 16;
/** Requests at each end of a run whose medians show whether latency drifts as the table grows. */
const DRIFT_WINDOW = 50;
/**
 * Requests per run (at concurrency 1, then 16). Fewer for filing: each TransactWriteItems still costs moto
 * a pass over the table's index of items (its rollback backup), so each filing costs a little more.
 */
const RUNS: Record<string, readonly [latency: number, throughput: number]> = {
  'GET /districts': [500, 1000],
  'POST /complaints': [100, 200],
};

interface Endpoint {
  readonly name: string;
  readonly path: string;
  readonly init: (index: number) => RequestInit;
  readonly expectedStatus: number;
}

const complaintBody = (index: number): string =>
  JSON.stringify({
    complainant: { name: 'Bench Citizen', phone: `0300 ${String(1_000_000 + (index % 9_000_000))}` },
    district: 'LHR',
    category: 'fir_not_registered',
    description: `Benchmark complaint ${index}: the police station refused to register my FIR.`,
    language: 'en',
  });

const ENDPOINTS: readonly Endpoint[] = [
  { name: 'GET /districts', path: '/districts', init: () => ({ method: 'GET' }), expectedStatus: 200 },
  {
    name: 'POST /complaints',
    path: '/complaints',
    init: (index) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: complaintBody(index),
    }),
    expectedStatus: 201,
  },
];

interface Run {
  readonly latencies: number[];
  readonly seconds: number;
  readonly unexpected: Map<number, number>;
}

const run = async (
  apiUrl: string,
  endpoint: Endpoint,
  count: number,
  concurrency: number,
  offset: number,
): Promise<Run> => {
  const latencies: number[] = [];
  const unexpected = new Map<number, number>();
  const started = performance.now();
  await runConcurrently(count, concurrency, async (index) => {
    const t0 = performance.now();
    const response = await fetch(`${apiUrl}${endpoint.path}`, endpoint.init(offset + index));
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    if (response.status !== endpoint.expectedStatus)
      unexpected.set(response.status, (unexpected.get(response.status) ?? 0) + 1);
  });
  return { latencies, seconds: (performance.now() - started) / 1000, unexpected };
};

const statusNote = (endpoint: Endpoint, result: Run): string =>
  result.unexpected.size === 0
    ? `all ${endpoint.expectedStatus}`
    : [...result.unexpected].map(([status, n]) => `${n}× ${status}`).join(', ');

/**
 * Every filing comes from 127.0.0.1: the per-address abuse limit (app/limits.ts) would answer 429 after the first
 * few, and the bench would time refusals. The limits are scaled up, as for a load-test stage.
 */
const RATE_LIMIT_SCALE = '10000';

export const benchApi = async (): Promise<string> =>
  withLocalRuntime(
    'benchapi',
    async (runtime) => {
      const rows: string[][] = [];
      let offset = 0;
      for (const endpoint of ENDPOINTS) {
        // First calls load modules, open connections and create SDK clients: not what is measured.
        progress(`${endpoint.name}: warm-up`);
        await run(runtime.apiUrl, endpoint, WARM_UP, 4, offset);
        offset += WARM_UP;
        const [latencyRequests, throughputRequests] = RUNS[endpoint.name] ?? [100, 100];
        for (const [count, concurrency] of [
          [latencyRequests, 1],
          [throughputRequests, THROUGHPUT_CONCURRENCY],
        ] as const) {
          progress(`${endpoint.name}: ${count} requests at concurrency ${concurrency}`);
          const result = await run(runtime.apiUrl, endpoint, count, concurrency, offset);
          offset += count;
          progress(`  ${result.seconds.toFixed(1)} s`);
          rows.push([
            endpoint.name,
            String(concurrency),
            String(count),
            ...p50p99(result.latencies),
            `${ms(median(result.latencies.slice(0, DRIFT_WINDOW)))} → ${ms(median(result.latencies.slice(-DRIFT_WINDOW)))}`,
            (count / result.seconds).toFixed(0),
            statusNote(endpoint, result),
          ]);
        }
      }
      return [
        '## Public API over the local runtime',
        '',
        `\`npm start\`'s runtime as a child process (gateway, functions and pollers in one Node process) on`,
        `loopback, against moto; the client is this process, using \`fetch\` with keep-alive. ${WARM_UP} warm-up`,
        'requests per route first. Latency is the client-side time from sending the request to the last byte of',
        `the answer. \`POST /complaints\` writes the complaint and its first timeline entry in one transaction;`,
        '`GET /districts` reads no table and shows what the gateway and a function invocation cost alone.',
        `While \`POST /complaints\` runs, the stream poller publishes \`ComplaintFiled\` in the same process.`,
        'Filing latency can grow with the number of items in the table: before every TransactWriteItems moto',
        'copies the table’s index of items for rollback (infra/local/moto_server.py copies only the written',
        'items themselves); DynamoDB makes no such copy. The drift column shows it. The abuse limits are scaled',
        `by ${RATE_LIMIT_SCALE} (RATE_LIMIT_SCALE): every filing comes from one address, which the per-address limit would refuse.`,
        '',
        table(
          [
            'request',
            'concurrency',
            'requests',
            'p50 (ms)',
            'p99 (ms)',
            `p50 first → last ${DRIFT_WINDOW} (ms)`,
            'throughput (req/s)',
            'answers',
          ],
          rows,
        ),
      ].join('\n');
    },
    { env: { RATE_LIMIT_SCALE } },
  );
