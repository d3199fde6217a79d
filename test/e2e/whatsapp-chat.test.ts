/**
 * A citizen over the running local runtime, as Meta would drive it: signed webhook POSTs in, replies
 * read from the fake Graph API's outbox. Greeting -> menu -> complaint -> e-tag -> track.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/auth.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { whatsAppCitizen, type WhatsAppCitizen } from '../support/whatsapp-citizen.ts';

let runtime: RunningLocalRuntime;
let citizen: WhatsAppCitizen;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'wachat' });
  citizen = whatsAppCitizen(runtime);
});

afterAll(async () => {
  await runtime?.stop();
});

const text = (body: string) => citizen.text(body);

describe('WhatsApp chat over the local runtime', () => {
  it('greeting -> menu -> complaint -> e-tag -> track', async () => {
    // Act & Assess: greeting opens the 15-service menu (Urdu by default).
    const menu = (await text('salam')).join('\n');
    expect(menu).toContain('15.');
    // English, then the complaint flow.
    await text('english');
    await text('complaint');
    await text('Lahore');
    await text('4');
    const afterDescription = await text(
      'The SHO refused to register my FIR about a stolen motorcycle last week.',
    );
    expect(afterDescription.join('\n')).toMatch(/location/i);
    await citizen.pressFirstButton();
    const summary = await citizen.pressFirstButton();
    expect(summary.join('\n')).toContain('FIR not registered');
    const filed = (await citizen.pressFirstButton()).join('\n');
    const etag = /E-tag number: \*([A-Z0-9-]+)\*/.exec(filed)?.[1];
    expect(etag).toBeDefined();
    // Track: the citizen's own complaint, with its status.
    const tracked = (await text('status')).join('\n');
    expect(tracked).toContain(etag!);
    expect(tracked).toMatch(/Status: \*Received\*/);
  }, 90_000);

  it('npm run chat with piped input prints every reply and picks options by #<n>', async () => {
    // Prepare: a here-doc as a person would script it; the CLI must wait for each turn before the next line.
    const port = new URL(runtime.apiUrl).port;
    const run = promisify(execFile);
    const child = run(process.execPath, ['--import', 'tsx', resolve(REPO_ROOT, 'infra/local/chat-cli.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: port },
    });
    child.child.stdin?.end(`salam\n3\n#1\n`);
    // Act
    const { stdout } = await child;
    // Assess: the menu (Urdu by default), service 3 and the complaint start reached through button #1.
    expect(stdout).toContain('*15.*');
    expect(stdout).toContain('8787');
    expect(stdout).toMatch(/ضلع/);
  }, 90_000);
});
