/**
 * `npm start`: runs Rabta on this machine (docs/local-runtime.md).
 *
 * Environment: PORT (default 3000; 0 = any free port), RABTA_STAGE (default `local`), AWS_ENDPOINT_URL
 * (use a running emulator instead of starting moto), RABTA_SCHEDULE_SECONDS (fire schedules this often),
 * RABTA_RETRY_SECONDS (failed queue messages come back after this long; default 5), RABTA_GRAPH_PORT,
 * RABTA_GRAPH_URL (send to this Graph API instead of starting the fake one: a test's own fake, whose outbox
 * outlives a restart), RABTA_EXIT_WITH_STDIN=1 (stop when stdin closes: a parent process that dies takes us with it).
 */
import { inspect } from 'node:util';
import { EmulatorUnavailableError } from './emulator.ts';
import { stampLogLines } from './lambda.ts';
import { officerTokenClaims } from './auth.ts';
import { startLocalRuntime, type LocalRuntime } from './runtime.ts';
import { ensureWebBuild } from './site.ts';

const READY_MARKER = '[rabta-local] ready';

const numberFromEnv = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name}=${raw} is not a non-negative number`);
    process.exit(2);
  }
  return value;
};

const log = (message: string, details?: Record<string, unknown>): void => {
  console.error(
    `[local] ${message}${details ? ` ${inspect(details, { breakLength: Infinity, depth: 4 })}` : ''}`,
  );
};

const sampleComplaint = JSON.stringify({
  complainant: { name: 'Ayesha Khan', phone: '0300 1234567' },
  district: 'LHR',
  category: 'fir_not_registered',
  description: 'The police station refused to register my FIR about a stolen motorcycle.',
  language: 'en',
});

const banner = async (runtime: LocalRuntime): Promise<string> => {
  const cpo = await runtime.issuer.sign(
    officerTokenClaims({ sub: 'local-cpo', role: 'CPO', name: 'CPO complaint cell' }),
  );
  const dpo = await runtime.issuer.sign(
    officerTokenClaims({ sub: 'local-dpo-lhr', role: 'DPO', district: 'LHR', name: 'DPO Lahore' }),
  );
  const schedules = runtime.scheduler.schedules
    .map(
      (s) =>
        `${s.functionId} every ${s.everySeconds} s (now: curl -X POST ${runtime.apiUrl}/__local/schedules/${s.functionId})`,
    )
    .join('\n                   ');
  return [
    '',
    `Rabta local runtime — stage '${runtime.stage}'`,
    `  Citizen portal   ${runtime.apiUrl}/`,
    `  Officer console  ${runtime.apiUrl}/console/  (local sign-in: pick a role and area)`,
    `  API              ${runtime.apiUrl}`,
    `  AWS emulator     ${runtime.awsEndpoint}${runtime.ownsEmulator ? ' (moto, started here)' : ' (AWS_ENDPOINT_URL)'}`,
    `  Fake Graph API   ${runtime.graphUrl}`,
    `  WhatsApp outbox  ${runtime.apiUrl}/__local/whatsapp/outbox[?to=<wa_id>]`,
    `  Officer issuer   ${runtime.issuer.issuer} (audience ${runtime.issuer.audience})`,
    `  Schedules        ${schedules || '(none loaded)'}`,
    `  Functions        ${runtime.loaded.length} loaded${runtime.missing.length ? `; not built yet: ${runtime.missing.join(', ')}` : ''}`,
    '',
    'Officer tokens (12 h; more with: npm run token -- --role DPO --district LHR):',
    `  CPO       ${cpo}`,
    `  DPO (LHR) ${dpo}`,
    '',
    'File a complaint:',
    `  curl -s -X POST ${runtime.apiUrl}/complaints -H 'content-type: application/json' \\`,
    `    -d '${sampleComplaint}'`,
    'Officer queue:',
    `  curl -s ${runtime.apiUrl}/officer/complaints -H 'authorization: Bearer <DPO token above>'`,
    '',
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
};

const main = async (): Promise<void> => {
  stampLogLines(process.stdout);
  stampLogLines(process.stderr); // Powertools writes warnings and errors there
  const port = numberFromEnv('PORT') ?? 3000;
  const scheduleSeconds = numberFromEnv('RABTA_SCHEDULE_SECONDS');
  const graphPort = numberFromEnv('RABTA_GRAPH_PORT');
  let runtime: LocalRuntime | undefined;
  let stopping = false;

  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    // A second Ctrl-C, or a stop that hangs, still ends the process.
    setTimeout(() => process.exit(code), 10_000).unref();
    await runtime?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));
  if (process.env.RABTA_EXIT_WITH_STDIN === '1') {
    process.stdin.on('end', () => void shutdown(0));
    process.stdin.on('error', () => void shutdown(0));
    process.stdin.resume();
  }
  // A handler's stray promise must not take the whole runtime down; Lambda would only lose that invocation.
  process.on('unhandledRejection', (reason) => log('unhandled rejection', { reason: String(reason) }));

  try {
    // Tests build the site once before starting runtimes in parallel (RABTA_SKIP_WEB_BUILD=1).
    if (process.env.RABTA_SKIP_WEB_BUILD !== '1') await ensureWebBuild((m) => log(m));
    runtime = await startLocalRuntime({
      port,
      stage: process.env.RABTA_STAGE || 'local',
      retryAfterSeconds: numberFromEnv('RABTA_RETRY_SECONDS') ?? 5,
      ...(scheduleSeconds !== undefined && scheduleSeconds > 0 ? { scheduleSeconds } : {}),
      ...(graphPort !== undefined ? { graphPort } : {}),
      ...(process.env.RABTA_GRAPH_URL ? { graphUrl: process.env.RABTA_GRAPH_URL } : {}),
      log,
    });
  } catch (error) {
    if (error instanceof EmulatorUnavailableError) console.error(`\n${error.message}\n`);
    else console.error('The local runtime could not start:', error);
    process.exit(1);
  }
  if (stopping) return;
  console.log(await banner(runtime));
  console.log(
    `${READY_MARKER} ${JSON.stringify({
      apiUrl: runtime.apiUrl,
      siteUrl: `${runtime.apiUrl}/`,
      consoleUrl: `${runtime.apiUrl}/console/`,
      graphUrl: runtime.graphUrl,
      awsEndpoint: runtime.awsEndpoint,
      stage: runtime.stage,
      issuer: runtime.issuer.issuer,
    })}`,
  );
};

await main();
