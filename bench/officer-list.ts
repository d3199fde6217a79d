/**
 * Officer queue latency with 10,000 complaints in one district (issue 4), through the list use case and
 * the DynamoDB adapter: first page, a filtered page (status and priority each via its index), paging
 * deep with the cursor.
 */
import { createComplaintQueries } from '../shared/adapters/dynamodb/complaint-queries.ts';
import { listComplaints } from '../shared/app/officer/complaints.ts';
import type { ComplaintListFilters } from '../shared/app/officer/ports.ts';
import type { Complaint } from '../shared/domain/complaint.ts';
import { PRIORITIES, STATUSES } from '../shared/domain/vocabulary.ts';
import { makeComplaint, officer } from '../test/unit/officer/fakes.ts';
import { ms, seedComplaints, withBenchTable } from './officer-seed.ts';
import { percentile, table } from './stats.ts';

const COMPLAINTS = Number(process.env.BENCH_LIST_COMPLAINTS ?? 10_000);
const REPEATS = Number(process.env.BENCH_LIST_REPEATS ?? 5);

export const benchOfficerList = async (): Promise<string> =>
  withBenchTable('offb', async (tableName, db) => {
    const now = Date.now();
    const complaints: Complaint[] = Array.from({ length: COMPLAINTS }, (_, i) => {
      const c = makeComplaint({ district: 'LHR' }, new Date(now - i * 60_000));
      return {
        ...c,
        status: STATUSES[i % 5] ?? 'received',
        priority: PRIORITIES[i % PRIORITIES.length] ?? 'normal',
      };
    });
    const seedStart = process.hrtime.bigint();
    await seedComplaints(db, tableName, complaints);
    console.log(`  seeded ${COMPLAINTS} complaints in ${(ms(seedStart) / 1000).toFixed(1)} s`);

    const queries = createComplaintQueries(db, () => tableName);
    const dpo = officer('DPO', { district: 'LHR' });
    const clock = { now: () => new Date() };
    const rows: string[][] = [];
    const measure = async (name: string, filters: ComplaintListFilters, pages = 1) => {
      const times: number[] = [];
      let read = 0;
      let items = 0;
      for (let r = 0; r < REPEATS; r++) {
        let cursor: string | undefined;
        const start = process.hrtime.bigint();
        for (let p = 0; p < pages; p++) {
          const page = await queries.listWithCost({
            districts: ['LHR'],
            filters,
            limit: 20,
            ...(cursor ? { cursor } : {}),
            now: clock.now(),
          });
          cursor = page.cursor;
          if (r === 0) {
            read += page.read;
            items += page.items.length;
          }
        }
        times.push(ms(start));
      }
      rows.push([
        name,
        String(items),
        String(read),
        percentile(times, 50).toFixed(1),
        percentile(times, 99).toFixed(1),
      ]);
    };
    // The use case path once (scope, directory-free), to be sure the bench measures what officers get.
    const check = await listComplaints({ queries, clock }, { officer: dpo, filters: {} });
    if (check.items.length !== 20) throw new Error('unexpected first page');

    await measure('first page, no filter', {});
    await measure('status=assigned (byDistrictStatus)', { status: 'assigned' });
    await measure('priority=urgent (byDistrictPriority)', { priority: 'urgent' });
    await measure('last 24 h (key range)', { from: new Date(now - 24 * 3600_000).toISOString() });
    await measure('pages 1–5 via cursor', {}, 5);

    return [
      '## Officer queue (10k complaints in one district)',
      '',
      `${COMPLAINTS.toLocaleString('en')} complaints in LHR, list use case + adapter, page size 20, ${REPEATS} runs each.`,
      'moto answers a GSI query by scanning the table, so these latencies are the emulator’s; the items read',
      'are what DynamoDB would bill.',
      '',
      table(['query', 'items returned', 'items consumed', 'p50 ms', 'p99 ms'], rows),
      '',
      'Items consumed from the index; each partition query reads at most one chunk ahead (first chunk = page size + 1).',
    ].join('\n');
  });

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchOfficerList());
}
