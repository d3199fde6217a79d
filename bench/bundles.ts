/**
 * Bundle size (minified, as deployed) of every function in the topology, and each bundle's module load
 * time as a ratio to a hello-world bundle's, measured in the same run on the same machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS } from '../infra/topology.ts';
import { BUNDLING } from '../infra/bundling.ts';
import { median, table } from './stats.ts';

const LOAD_RUNS = 7;

const bundle = async (entry: string, outfile: string): Promise<number> => {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    mainFields: BUNDLING.mainFields,
    banner: { js: BUNDLING.esmBanner },
    external: [...BUNDLING.externalModules],
    logLevel: 'silent',
  });
  return statSync(outfile).size;
};

/** Milliseconds to import the module in a fresh process (median of several runs). */
const loadTime = (file: string): number => {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t))`;
  const samples: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
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
    samples.push(Number(run.stdout));
  }
  return median(samples);
};

export const benchBundles = async (): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'rabta-bench-'));
  const hello = join(dir, 'hello.ts');
  writeFileSync(hello, 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n');
  await bundle(hello, join(dir, 'hello.mjs'));
  const helloMs = loadTime(join(dir, 'hello.mjs'));

  const rows: string[][] = [];
  for (const fn of FUNCTIONS) {
    const out = join(dir, `${fn.id}.mjs`);
    const bytes = await bundle(resolve(fn.entry), out);
    const ms = loadTime(out);
    rows.push([fn.id, (bytes / 1024).toFixed(1), ms.toFixed(1), (ms / helloMs).toFixed(1)]);
  }
  return [
    '## Function bundles',
    '',
    `Minified ESM bundles built with the deployed esbuild settings; load time is the median of ${LOAD_RUNS} fresh`,
    `\`node\` processes importing the bundle. Hello-world bundle load: ${helloMs.toFixed(1)} ms.`,
    '',
    table(['function', 'size (KiB)', 'load (ms)', 'load ÷ hello-world'], rows),
  ].join('\n');
};
