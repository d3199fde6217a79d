/**
 * Cold start, as far as our code decides it: every function's bundle (minified, as deployed) and its
 * module import time in a fresh process, as a ratio to the *floor* bundle's (bench/floor/dynamodb.ts: the
 * DynamoDB document client and one Get, what any function reading the table imports at least), measured in
 * the same run on the same machine. Budgets: infra/bundle-size.ts; the target is ≤ 1.2× the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUNDLE_BUDGETS_KIB, bundleFunction, heaviestSources } from '../infra/bundle-size.ts';
import { FUNCTIONS } from '../infra/topology.ts';
import { median, table } from './stats.ts';

const LOAD_RUNS = 5;

/** Milliseconds to import the module once in a fresh process. */
const loadOnce = (file: string): number => {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      // Handlers read their configuration when loaded; give them plausible values, no network is touched.
      STAGE: 'bench',
      TABLE_NAME: 'bench-app',
      IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
      EVENT_BUS_NAME: 'bench',
      AWS_REGION: 'ap-south-1',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  });
  if (run.status !== 0) throw new Error(`loading ${file} failed: ${run.stderr}`);
  return Number(run.stdout);
};

/**
 * Median import times of `file` and of the floor, sampled in turn: on a shared machine the load drifts
 * during a run, and alternating keeps both medians under the same load, so their ratio holds.
 */
const loadTimes = (file: string, floorFile: string): { ms: number; floorMs: number } => {
  const own: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    floor.push(loadOnce(floorFile));
    own.push(loadOnce(file));
  }
  return { ms: median(own), floorMs: median(floor) };
};

export const benchBundles = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'rabta-bench-'));
  const floorFile = join(dir, 'floor.mjs');
  const floor = await bundleFunction(resolve('bench/floor/dynamodb.ts'), floorFile);
  const floorSamples: number[] = [];

  const rows: string[][] = [];
  const ratios: number[] = [];
  for (const fn of FUNCTIONS) {
    const out = join(dir, `${fn.id}.mjs`);
    const bundle = await bundleFunction(resolve(fn.entry), out);
    const { ms, floorMs } = loadTimes(out, floorFile);
    floorSamples.push(floorMs);
    ratios.push(ms / floorMs);
    rows.push([
      fn.id,
      (bundle.bytes / 1024).toFixed(0),
      String(BUNDLE_BUDGETS_KIB[fn.id] ?? '—'),
      ms.toFixed(1),
      (ms / floorMs).toFixed(2),
      heaviestSources(bundle, 4),
    ]);
  }
  return [
    '## Function bundles and cold-start imports',
    '',
    `Minified ESM bundles built with the deployed esbuild settings (infra/bundle-size.ts); import time is the`,
    `median of ${LOAD_RUNS} fresh \`node\` processes importing the bundle. Floor bundle (DynamoDB document client +`,
    `one Get): ${(floor.bytes / 1024).toFixed(0)} KiB, ${median(floorSamples).toFixed(1)} ms (sampled in turn with each function). Import ratio to the floor: median`,
    `${median(ratios).toFixed(2)}, worst ${Math.max(...ratios).toFixed(2)} (target ≤ 1.2).`,
    '',
    table(['function', 'KiB', 'budget KiB', 'import (ms)', '÷ floor', 'heaviest sources (KiB)'], rows),
  ].join('\n');
};
