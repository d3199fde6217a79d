/** Small HTTP helpers for the officer e2e tests over the local runtime. */
import type { OutboxEntry } from '../../infra/local/fake-graph.ts';
import { signedWebhookRequest, webhookBody } from '../../infra/local/webhook-payload.ts';
import type { RunningLocalRuntime } from '../support/local-runtime.ts';
import { officerTokenClaims } from '../../infra/local/auth.ts';

export const CITIZEN_WA_ID = '923001234567';

export const httpClient = (runtime: RunningLocalRuntime) => {
  const request = async (
    method: string,
    path: string,
    options: { body?: unknown; token?: string; ifMatch?: number } = {},
  ) => {
    const response = await fetch(`${runtime.apiUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.ifMatch === undefined ? {} : { 'if-match': `"${options.ifMatch}"` }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    request,
    tokenFor: (role: string, area: Record<string, string> = {}) =>
      runtime.token(
        officerTokenClaims({ sub: `${role}-${Object.values(area).join('-') || 'all'}`, role, ...area }),
      ),
    advanceClock: (ms: number) => request('POST', '/__local/clock', { body: { advanceMs: ms } }),
  };
};

/**
 * Files a web complaint as the citizen `complainant`: a theft in Lahore, in English, unless `fields` say
 * otherwise. Resolves with its e-tag and tracking code; a filing that is not accepted fails the test.
 */
export const fileOnWeb = async (
  http: ReturnType<typeof httpClient>,
  complainant: { name: string; phone: string },
  fields: { description: string } & Record<string, unknown>,
): Promise<{ etag: string; trackingCode: string }> => {
  const filed = await http.request('POST', '/complaints', {
    body: { complainant, district: 'LHR', category: 'theft_robbery', language: 'en', ...fields },
  });
  if (filed.status !== 201) throw new Error(`filing answered ${filed.status}: ${JSON.stringify(filed.body)}`);
  return filed.body as { etag: string; trackingCode: string };
};

/** The text a citizen reads in an outbox entry: free-form body, button body, or template parameter. */
export const outboxText = (entry: OutboxEntry): string => JSON.stringify(entry.request);

/** Waits until the citizen's outbox holds at least `count` messages (the notifier runs asynchronously). */
export const waitForOutbox = async (
  runtime: RunningLocalRuntime,
  count: number,
  to = CITIZEN_WA_ID,
  timeoutMs = 60_000,
) => {
  const deadline = Date.now() + timeoutMs;
  let entries: OutboxEntry[] = [];
  while (Date.now() < deadline) {
    entries = (await runtime.outbox(to)).filter((e) => e.type !== 'read' && e.status < 300);
    if (entries.length >= count) return entries;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `outbox for ${to} has ${entries.length} messages, expected ${count}:\n${entries.map(outboxText).join('\n')}\n${runtime.output().slice(-4000)}`,
  );
};

/**
 * A web filing's number hears one question ("a complaint was filed with this number… reply YES") and nothing
 * more until its owner answers (issue 12's opt-in). This plays the citizen: waits for that question, replies
 * YES over the signed webhook, and waits for the thanks; the outbox then holds those two messages more.
 */
export const optIn = async (runtime: RunningLocalRuntime, waId = CITIZEN_WA_ID): Promise<OutboxEntry[]> => {
  const before = await waitForOutbox(runtime, 1, waId);
  const asked = before.filter((e) => /Reply YES|YES لکھ/.test(outboxText(e)));
  if (asked.length !== 1)
    throw new Error(`expected one opt-in question to ${waId}:\n${before.map(outboxText).join('\n')}`);
  const body = webhookBody({ from: waId, message: { type: 'text', text: { body: 'YES' } } });
  const response = await fetch(`${runtime.apiUrl}/webhook`, signedWebhookRequest(body));
  if (response.status !== 200) throw new Error(`the opt-in reply got ${response.status}`);
  return waitForOutbox(runtime, before.length + 1, waId);
};
