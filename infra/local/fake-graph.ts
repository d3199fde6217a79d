/**
 * A fake Meta Graph API (Cloud API) on its own loopback port: answers `POST /v{ver}/{phone-number-id}/messages`
 * like Meta does, records every call for the outbox, and can be told to fail the next calls (429/5xx)
 * so retries can be exercised.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OutboxEntry {
  /** The wamid Meta answered with (absent for read receipts and failed calls). */
  readonly id?: string;
  readonly receivedAt: string;
  readonly apiVersion: string;
  readonly phoneNumberId: string;
  /** `to` of a message; undefined for a read receipt. */
  readonly to?: string;
  /** The message type (`text`, `interactive`, `template`, ...) or `read` for a read receipt. */
  readonly type: string;
  /** The HTTP status the fake answered with. */
  readonly status: number;
  readonly authorized: boolean;
  readonly request: unknown;
}

export interface Fault {
  readonly status: number;
  /** How many of the next calls fail. */
  readonly count: number;
  /** Meta error code in the body (defaults: 130429 for 429, 131000 otherwise). */
  readonly code?: number;
  readonly message?: string;
}

export interface FakeGraph {
  readonly url: string;
  outbox(filter?: { to?: string }): OutboxEntry[];
  clear(): void;
  injectFault(fault: Fault): void;
  stop(): Promise<void>;
}

const digits = (value: string): string => value.replace(/\D/g, '');

export const recipientMatches = (entryTo: string | undefined, wanted: string): boolean =>
  entryTo !== undefined &&
  (entryTo === wanted || (digits(wanted).length > 0 && digits(entryTo) === digits(wanted)));

const metaError = (status: number, code: number, message: string) => ({
  status,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details: message },
      fbtrace_id: randomBytes(9).toString('base64url'),
    },
  },
});

const MESSAGES_PATH = /^\/(v\d+(?:\.\d+)?)\/([^/]+)\/messages\/?$/;

export const startFakeGraph = async (options: { port?: number } = {}): Promise<FakeGraph> => {
  const outbox: OutboxEntry[] = [];
  const faults: Fault[] = [];

  const answer = (
    method: string,
    path: string,
    headers: Record<string, string | string[] | undefined>,
    text: string,
  ): { status: number; body: unknown; entry?: Omit<OutboxEntry, 'status' | 'id'> } => {
    const match = MESSAGES_PATH.exec(path);
    if (!match || method !== 'POST') {
      return metaError(400, 100, `Unsupported ${method} request. Object with ID '${path}' does not exist`);
    }
    let request: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new Error('not an object');
      request = parsed as Record<string, unknown>;
    } catch {
      return metaError(400, 100, 'Invalid parameter: the body is not a JSON object');
    }
    const isRead = request.status === 'read';
    const to =
      typeof request.to === 'string'
        ? request.to
        : typeof request.recipient === 'string'
          ? request.recipient
          : undefined;
    const type = isRead ? 'read' : typeof request.type === 'string' ? request.type : 'text';
    const authorized = /^Bearer\s+\S+/i.test(String(headers.authorization ?? ''));
    const entry = {
      receivedAt: new Date().toISOString(),
      apiVersion: match[1] ?? '',
      phoneNumberId: decodeURIComponent(match[2] ?? ''),
      ...(to !== undefined ? { to } : {}),
      type,
      authorized,
      request,
    };
    if (!authorized) {
      return { ...metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token'), entry };
    }
    if (request.messaging_product !== 'whatsapp') {
      return { ...metaError(400, 100, '(#100) The parameter messaging_product is required.'), entry };
    }
    if (isRead) {
      if (typeof request.message_id !== 'string') {
        return { ...metaError(400, 100, '(#100) The parameter message_id is required.'), entry };
      }
    } else if (to === undefined) {
      return { ...metaError(400, 100, '(#100) The parameter to is required.'), entry };
    } else if (!(type in request) && type !== 'text') {
      return { ...metaError(400, 100, `(#100) The parameter ${type} is required.`), entry };
    }
    const fault = faults[0];
    if (fault) {
      if (fault.count <= 1) faults.shift();
      else faults[0] = { ...fault, count: fault.count - 1 };
      const code = fault.code ?? (fault.status === 429 ? 130429 : 131000);
      const message = fault.message ?? (fault.status === 429 ? 'Rate limit hit' : 'Something went wrong');
      return { ...metaError(fault.status, code, message), entry };
    }
    if (isRead) return { status: 200, body: { success: true }, entry };
    const wamid = `wamid.${randomBytes(24).toString('base64url')}`;
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: to, wa_id: digits(to ?? '') || to }],
        messages: [{ id: wamid, ...(type === 'template' ? { message_status: 'accepted' } : {}) }],
      },
      entry: { ...entry, wamid } as Omit<OutboxEntry, 'status' | 'id'> & { wamid: string },
    };
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const { status, body, entry } = answer(
        request.method ?? 'GET',
        path,
        request.headers,
        Buffer.concat(chunks).toString('utf8'),
      );
      if (entry) {
        const { wamid, ...rest } = entry as typeof entry & { wamid?: string };
        outbox.push({ ...rest, status, ...(wamid ? { id: wamid } : {}) });
      }
      const payload = JSON.stringify(body);
      response.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
      });
      response.end(payload);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    outbox: (filter = {}) =>
      filter.to === undefined ? [...outbox] : outbox.filter((e) => recipientMatches(e.to, filter.to ?? '')),
    clear: () => {
      outbox.length = 0;
      faults.length = 0;
    },
    injectFault: (fault) => {
      faults.push(fault);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
