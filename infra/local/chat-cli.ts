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
import { localAppSecret, signedWebhookRequest, webhookBody } from './webhook-payload.ts';

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

const send = async (line: string): Promise<void> => {
  const body = webhookBody({ from: citizen, profileName, message: messageFor(line) });
  const response = await fetch(`${base}/webhook`, signedWebhookRequest(body, localAppSecret()));
  if (response.status !== 200)
    console.log(`  (webhook answered ${response.status}: ${await response.text()})`);
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
const poll = async (): Promise<void> => {
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
  rl.on('close', () => {
    clearInterval(timer);
    process.exit(0);
  });
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit') break;
    if (line !== '') await send(line);
  }
  rl.close();
};

await main();
