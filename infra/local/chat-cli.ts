/**
 * `npm run chat`: talk to the bot as a citizen, in the terminal, through the real signed webhook of a
 * running `npm start`. Each line goes out as Meta would send it (signed with the app secret); the
 * bot's replies are read back from the fake Graph API's outbox and printed.
 *
 *   npm run chat [-- --as 923001234567] [--name "Ayesha"]
 *   Lines: plain text | #<n> picks option n of the last list/buttons | /loc <lat> <lon> | /photo | /quit
 * Environment: PORT (default 3000), WHATSAPP_APP_SECRET (default local-app-secret).
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { localAppSecret, newMessageId, signedWebhookRequest, webhookBody } from './webhook-payload.ts';

const { values: args } = parseArgs({
  options: { as: { type: 'string' }, name: { type: 'string' } },
  allowPositionals: false,
});
const port = process.env.PORT || '3000';
const base = `http://127.0.0.1:${port}`;
const citizen = args.as ?? `92300${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`;
const profileName = args.name ?? 'Local Citizen';

interface Option {
  id: string;
  title: string;
}
let lastOptions: Option[] = [];
let lastOptionsKind: 'list_reply' | 'button_reply' = 'list_reply';

const messageFor = (line: string): Record<string, unknown> => {
  const pick = /^#(\d+)$/.exec(line);
  const option = pick ? lastOptions[Number(pick[1]) - 1] : undefined;
  if (option) {
    return {
      type: 'interactive',
      interactive: { type: lastOptionsKind, [lastOptionsKind]: { id: option.id, title: option.title } },
    };
  }
  const location = /^\/loc\s+(-?[\d.]+)\s+(-?[\d.]+)$/.exec(line);
  if (location)
    return { type: 'location', location: { latitude: Number(location[1]), longitude: Number(location[2]) } };
  if (line === '/photo') {
    return {
      type: 'image',
      image: { id: `local-media-${randomBytes(4).toString('hex')}`, mime_type: 'image/jpeg' },
    };
  }
  return { type: 'text', text: { body: line } };
};

/** How long to wait for the bot to finish a turn before taking the next line anyway. */
const TURN_TIMEOUT_MS = 15_000;

/** The worker marks a message read after its replies are sent, so the read receipt ends the turn. */
const turnDone = async (messageId: string): Promise<boolean> => {
  const response = await fetch(`${base}/__local/whatsapp/outbox`);
  if (!response.ok) return false;
  const calls = (await response.json()) as { type: string; request: { message_id?: string } }[];
  return calls.some((call) => call.type === 'read' && call.request.message_id === messageId);
};

const send = async (line: string): Promise<void> => {
  const id = newMessageId('chat');
  const body = webhookBody({ from: citizen, profileName, message: messageFor(line), id });
  const response = await fetch(`${base}/webhook`, signedWebhookRequest(body, localAppSecret()));
  if (response.status !== 200) {
    console.log(`  (webhook answered ${response.status}: ${await response.text()})`);
    return;
  }
  // Waiting for the turn keeps piped input (a here-doc) in step: replies are printed before the next
  // line goes out and before the end of input exits, and `#<n>` picks from the options of this turn.
  const deadline = Date.now() + TURN_TIMEOUT_MS;
  while (Date.now() < deadline && !(await turnDone(id))) await new Promise((r) => setTimeout(r, 150));
  await poll();
};

interface OutboxEntry {
  type: string;
  status: number;
  request: Record<string, unknown>;
}

/** A reply as a person would read it; list rows and buttons numbered for `#<n>`. */
const render = (entry: OutboxEntry): string => {
  const request = entry.request as {
    text?: { body?: string };
    interactive?: {
      type?: string;
      header?: { text?: string };
      body?: { text?: string };
      action?: {
        button?: string;
        sections?: { title?: string; rows?: { id: string; title: string; description?: string }[] }[];
        buttons?: { reply: { id: string; title: string } }[];
      };
    };
    template?: { name?: string; components?: { parameters?: { text?: string }[] }[] };
  };
  if (entry.type === 'text') return request.text?.body ?? '';
  if (entry.type === 'template') {
    const params = request.template?.components?.flatMap((c) => c.parameters?.map((p) => p.text) ?? []) ?? [];
    return `[template ${request.template?.name}] ${params.join(' / ')}`;
  }
  const interactive = request.interactive;
  if (!interactive) return JSON.stringify(entry.request);
  const lines = [interactive.header?.text, interactive.body?.text].filter(Boolean) as string[];
  if (interactive.type === 'list') {
    const rows = interactive.action?.sections?.flatMap((s) => s.rows ?? []) ?? [];
    lastOptions = rows.map((r) => ({ id: r.id, title: r.title }));
    lastOptionsKind = 'list_reply';
    lines.push(`  [${interactive.action?.button ?? 'list'}]`);
    rows.forEach((r, i) =>
      lines.push(`  #${i + 1}  ${r.title}${r.description ? ` — ${r.description}` : ''}`),
    );
  } else {
    const buttons = interactive.action?.buttons?.map((b) => b.reply) ?? [];
    lastOptions = buttons.map((b) => ({ id: b.id, title: b.title }));
    lastOptionsKind = 'button_reply';
    lines.push(buttons.map((b, i) => `[#${i + 1} ${b.title}]`).join('  '));
  }
  return lines.join('\n');
};

let seen = 0;
let polling: Promise<void> = Promise.resolve();
/** One poll at a time, so the timer and a finished turn never print the same reply twice. */
const poll = (): Promise<void> => (polling = polling.then(printNewReplies, printNewReplies));
const printNewReplies = async (): Promise<void> => {
  const response = await fetch(`${base}/__local/whatsapp/outbox?to=${encodeURIComponent(citizen)}`);
  if (!response.ok) return;
  const entries = ((await response.json()) as OutboxEntry[]).filter(
    (e) => e.type !== 'read' && e.status === 200,
  );
  for (const entry of entries.slice(seen)) console.log(`\nbot> ${render(entry).replace(/\n/g, '\n     ')}\n`);
  seen = Math.max(seen, entries.length);
};

const main = async (): Promise<void> => {
  try {
    await fetch(`${base}/__local/whatsapp/outbox?to=${encodeURIComponent(citizen)}`);
  } catch {
    console.error(`Nothing answers on ${base}. Start the local runtime first: npm start`);
    process.exit(1);
  }
  // Replies already in the outbox for this number belong to an earlier session.
  const existing = await fetch(`${base}/__local/whatsapp/outbox?to=${encodeURIComponent(citizen)}`);
  const earlier = ((await existing.json()) as OutboxEntry[]).filter(
    (e) => e.type !== 'read' && e.status === 200,
  );
  seen = earlier.length;
  // Resuming a conversation: the options of the last list or buttons still answer to #<n>.
  const lastInteractive = earlier.filter((e) => e.type === 'interactive').at(-1);
  if (lastInteractive) render(lastInteractive);
  console.log(
    `Chatting as ${citizen} with ${base}/webhook. Try "salam" or "hello". #<n> picks an option, /quit ends.`,
  );
  const timer = setInterval(() => void poll().catch(() => undefined), 300);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Lines typed (or piped) while a turn runs stay queued in the iterator; the loop ends after the last one.
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit') break;
    if (line !== '') await send(line);
  }
  rl.close();
  clearInterval(timer);
  await poll();
  process.exit(0);
};

await main();
