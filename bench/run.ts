/**
 * `npm run bench`: runs every benchmark against this machine and the local emulator, prints the figures
 * and writes them to docs/benchmarks.md. Pass names to run a subset (`npm run bench -- bundles api`): its sections
 * replace theirs in docs/benchmarks.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchBundles } from './bundles.ts';

type Bench = () => Promise<string>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  bundles: async () => benchBundles,
  api: async () => (await import('./api.ts')).benchApi,
  whatsapp: async () => (await import('./whatsapp.ts')).benchWhatsApp,
  crowd: async () => (await import('./crowd.ts')).benchCrowd,
  monitoring: async () => (await import('./monitoring.ts')).benchMonitoring,
  'officer-list': async () => (await import('./officer-list.ts')).benchOfficerList,
  'sla-sweep': async () => (await import('./sla-sweep.ts')).benchSlaSweep,
  evidence: async () => (await import('./evidence.ts')).benchEvidence,
  'tracking-timing': async () => (await import('./tracking-timing.ts')).benchTrackingTiming,
};

const selected = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = selected.length > 0 ? selected : Object.keys(BENCHES);

const sections: string[] = [];
for (const name of names) {
  const load = BENCHES[name];
  if (!load) throw new Error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
  console.log(`\n### running ${name} ...`);
  const section = await (await load())();
  console.log(section);
  sections.push(section);
}

const header = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version},`,
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, against moto on loopback.`,
  'Figures from the emulator describe our code and the emulator, not DynamoDB/SQS latency in AWS.',
  '',
].join('\n');
const DOC = 'docs/benchmarks.md';
if (selected.length === 0) writeFileSync(DOC, `${header}\n${sections.join('\n\n')}\n`);
else if (existsSync(DOC)) {
  // A subset run replaces its own sections (from their `## ` title to the next one) and says so in the header.
  let doc = readFileSync(DOC, 'utf8');
  for (const section of sections) {
    const title = section.split('\n', 1)[0] ?? '';
    const start = doc.indexOf(`${title}\n`);
    if (start < 0) continue;
    const next = doc.indexOf('\n## ', start + title.length);
    doc = `${doc.slice(0, start)}${section}\n${next < 0 ? '' : doc.slice(next)}`;
  }
  const rerun = `Sections rerun on ${new Date().toISOString().slice(0, 10)} by \`npm run bench -- ${names.join(' ')}\`.`;
  doc = doc.replace(/^(Figures from the emulator describe.*\n)(Sections rerun on .*\n)?/m, `$1${rerun}\n`);
  writeFileSync(DOC, doc);
}
