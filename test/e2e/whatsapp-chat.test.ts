/**
 * A citizen over the running local runtime, as Meta would drive it: signed webhook POSTs in, replies
 * read from the fake Graph API's outbox. Greeting -> menu -> complaint -> e-tag -> track.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/auth.ts';
import { signBodyAsMeta } from '../../shared/app/whatsapp/signature.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';

let runtime: RunningLocalRuntime;
const citizen = `92300${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'wachat' });
});

afterAll(async () => {
  await runtime?.stop();
});

interface OutboxEntry {
  type: string;
  status: number;
  request: {
    text?: { body: string };
    interactive?: {
      body?: { text: string };
      action?: { buttons?: { reply: { id: string; title: string } }[] };
    };
  };
}

const replies = async (): Promise<OutboxEntry[]> => {
  const response = await fetch(`${runtime.apiUrl}/__local/whatsapp/outbox?to=${citizen}`);
  return ((await response.json()) as OutboxEntry[]).filter((e) => e.type !== 'read' && e.status === 200);
};

/** A person types slower than a test: Meta's timestamps are spaced 8 s apart so flood control stays quiet. */
let sentAt = Math.floor(Date.now() / 1000);

const textOf = (e: OutboxEntry): string => e.request.text?.body ?? e.request.interactive?.body?.text ?? '';

/** Sends one message as Meta would and waits until the bot's reply count grows and settles. */
const say = async (message: Record<string, unknown>): Promise<string[]> => {
  const before = (await replies()).length;
  const id = `wamid.e2e.${randomBytes(10).toString('base64url')}`;
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'E2E',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: 'local-phone-number-id' },
              contacts: [{ profile: { name: 'Ayesha Khan' }, wa_id: citizen }],
              messages: [{ from: citizen, id, timestamp: String((sentAt += 8)), ...message }],
            },
          },
        ],
      },
    ],
  });
  const response = await fetch(`${runtime.apiUrl}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signBodyAsMeta(body, 'local-app-secret'),
    },
    body,
  });
  expect(response.status).toBe(200);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const reads = (await (await fetch(`${runtime.apiUrl}/__local/whatsapp/outbox`)).json()) as {
      type: string;
      request: { message_id?: string };
    }[];
    if (reads.some((e) => e.type === 'read' && e.request.message_id === id)) break;
  }
  return (await replies()).slice(before).map(textOf);
};

const text = (body: string) => say({ type: 'text', text: { body } });
const button = (id: string, title: string) =>
  say({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } });

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
    const lastButtons = async () => (await replies()).at(-1)?.request.interactive?.action?.buttons ?? [];
    const skip = (await lastButtons())[0]!.reply;
    await button(skip.id, skip.title);
    const next = (await lastButtons())[0]!.reply;
    const summary = await button(next.id, next.title);
    expect(summary.join('\n')).toContain('FIR not registered');
    const submit = (await lastButtons())[0]!.reply;
    const filed = (await button(submit.id, submit.title)).join('\n');
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
