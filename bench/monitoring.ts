/**
 * Items read per monitoring load (issue 13, Deliver 2) as the table grows: complaints seeded straight into the
 * table (BatchWriteItem, as the repository writes them) across every district and 30 days, their counter items
 * written as the stream consumer would leave them (the same contribution arithmetic, summed), then the
 * monitoring use case over the DynamoDB counter store for a DPO (one district) and the CPO (the province),
 * last 30 days. Counter items read must stay flat while complaints grow.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCounterStore } from '../shared/adapters/dynamodb/counter-store.ts';
import { counterKey } from '../shared/adapters/dynamodb/keys.ts';
import { monitoring } from '../shared/app/officer/monitoring.ts';
import type { Complaint } from '../shared/domain/complaint.ts';
import { DISTRICTS } from '../shared/domain/districts.ts';
import { addShares, complaintContribution, type CounterShare } from '../shared/domain/monitoring-counters.ts';
import { STATUSES } from '../shared/domain/vocabulary.ts';
import { makeComplaint, officer } from '../test/unit/officer/fakes.ts';
import { runConcurrently } from './local.ts';
import { ms, seedComplaints, withBenchTable } from './officer-seed.ts';
import { table } from './stats.ts';

/** Table sizes, each reached by adding complaints to the previous one (issue 13 asks for 10k and 100k; BENCH_MONITORING_SIZES=2500,10000 for a short run). */
const SIZES = (process.env.BENCH_MONITORING_SIZES ?? '10000,100000').split(',').map(Number);
const DAYS = 30;

const complaintAt = (i: number, now: number): Complaint => {
  const district = DISTRICTS[i % DISTRICTS.length]?.code ?? 'LHR';
  // Spread over the 30 days (minute steps, a prime stride so districts and days mix).
  const createdAt = new Date(now - ((i * 7919) % (DAYS * 1440)) * 60_000);
  return { ...makeComplaint({ district }, createdAt), status: STATUSES[i % STATUSES.length] ?? 'received' };
};

/** Counter items as the consumer leaves them: one per district and day, flat `<dimension>|<figure>` numbers. */
const writeCounters = async (
  db: DynamoDBDocumentClient,
  tableName: string,
  shares: ReadonlyMap<string, CounterShare>,
): Promise<void> => {
  const items = [...shares.values()].map((s) => ({
    ...counterKey(s.district, s.day),
    entity: 'counter',
    district: s.district,
    day: s.day,
    revision: 1,
    ...s.counts,
  }));
  const batches: (typeof items)[] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await runConcurrently(batches.length, 8, async (b) => {
    let requests = (batches[b] ?? []).map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  });
};

export const benchMonitoring = async (): Promise<string> =>
  withBenchTable('monb', async (tableName, db) => {
    const now = Date.now();
    const shares = new Map<string, CounterShare>();
    const deps = { counters: createCounterStore(db, () => tableName), clock: { now: () => new Date(now) } };
    const rows: string[][] = [];
    let seeded = 0;
    for (const size of SIZES) {
      const complaints = Array.from({ length: size - seeded }, (_, k) => complaintAt(seeded + k, now));
      const started = process.hrtime.bigint();
      await seedComplaints(db, tableName, complaints);
      for (const complaint of complaints) addShares(shares, complaintContribution(complaint));
      await writeCounters(db, tableName, shares);
      seeded = size;
      console.log(
        `  ${size} complaints and ${shares.size} counter items in ${(ms(started) / 1000).toFixed(1)} s`,
      );
      for (const [who, input] of [
        ['DPO LHR', { officer: officer('DPO', { district: 'LHR' }) }],
        ['CPO, province', { officer: officer('CPO') }],
      ] as const) {
        const t = process.hrtime.bigint();
        const report = await monitoring(deps, input);
        const elapsed = ms(t);
        const total = report.districts.reduce((sum, d) => sum + d.total, 0);
        rows.push([
          size.toLocaleString('en'),
          who,
          String(total),
          String(report.itemsRead),
          elapsed.toFixed(0),
        ]);
      }
    }
    return [
      '## Monitoring: items read per dashboard load',
      '',
      `Complaints seeded straight into the table across ${DISTRICTS.length} districts and ${DAYS} days; counter items`,
      'written as the stream consumer leaves them; `monitoring()` over the DynamoDB counter store, last 30 days.',
      'Before the counters a DPO’s 30 days read every complaint filed in them (10,000 items, 42 s on moto).',
      'The items read are what DynamoDB would bill; the times are the emulator’s (moto answered every Query by',
      'listing the whole table until infra/local/moto_server.py made it list only the partition).',
      '',
      table(['complaints in the table', 'who', 'complaints counted', 'counter items read', 'ms'], rows),
    ].join('\n');
  });
