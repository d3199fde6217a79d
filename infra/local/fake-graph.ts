/**
 * A fake Meta Graph API (Cloud API) on its own loopback port: answers `POST /v{ver}/{phone-number-id}/messages`
 * like Meta does, records every call for the outbox, serves the media it was given (`GET /v{ver}/{media-id}`
 * -> a short-lived URL -> the bytes, both with the access token; an unknown id answers like Meta does for an
 * expired one), and can be told to fail the next calls of either kind so retries can be exercised: an error
 * status (429 with or without Retry-After, 5xx), a hang past the caller's time-out, a dropped connection, or a
 * slow success (so concurrent senders really overlap).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OutboxEntry {
  /** Set when the call met an injected time-out or reset (its `status` then says it was not delivered). */
  readonly fault?: 'timeout' | 'reset';
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
  /**
   * An error status (429, 5xx, ...) answered like Meta; `timeout`: the call is never answered (the connection
   * closes after `delayMs`, the message not delivered); `reset`: the connection is dropped at once (not
   * delivered); `slow`: the call succeeds after `delayMs`.
   */
  readonly status: number | 'timeout' | 'reset' | 'slow';
  /** For `timeout` (default 30 s) and `slow` (default 1 s). */
  readonly delayMs?: number;
  /** Sent as the Retry-After header with an error status. */
  readonly retryAfterSeconds?: number;
  /** Which calls fail: sends and read marks (default) or media downloads. */
  readonly scope?: 'messages' | 'media';
  /** How many of the next calls fail. */
  readonly count: number;
  /** Meta error code in the body (defaults: 130429 for 429, 131000 otherwise). */
  readonly code?: number;
  readonly message?: string;
}

export interface FakeGraph {
  readonly url: string;
  /** Recorded calls in arrival order; `from` skips the first ones (a watcher reads only what is new). */
  outbox(filter?: { to?: string; from?: number }): OutboxEntry[];
  clear(): void;
  injectFault(fault: Fault): void;
  /** Injected faults not consumed yet (calls that will still fail). */
  pendingFaults(): number;
  /** Media a citizen "sent": served for its id until forgotten. */
  addMedia(media: { id: string; mimeType: string; bytes: Uint8Array }): void;
  /** How many times each media id's bytes were fetched. */
  mediaFetches(id: string): number;
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
const MEDIA_INFO_PATH = /^\/(v\d+(?:\.\d+)?)\/([^/]+)\/?$/;
const MEDIA_BYTES_PATH = /^\/__media\/([^/]+)$/;

export const startFakeGraph = async (options: { port?: number } = {}): Promise<FakeGraph> => {
  const outbox: OutboxEntry[] = [];
  const faults: Fault[] = [];
  const media = new Map<string, { mimeType: string; bytes: Uint8Array }>();
  const fetches = new Map<string, number>();
  let baseUrl = '';

  /** The next fault of this scope, consumed; undefined when calls of this scope succeed. */
  const takeFault = (scope: 'messages' | 'media'): Fault | undefined => {
    const index = faults.findIndex((f) => (f.scope ?? 'messages') === scope);
    const fault = faults[index];
    if (!fault) return undefined;
    if (fault.count <= 1) faults.splice(index, 1);
    else faults[index] = { ...fault, count: fault.count - 1 };
    return fault;
  };
  const faultAnswer = (fault: Fault & { status: number }) => {
    const code = fault.code ?? (fault.status === 429 ? 130429 : 131000);
    const message = fault.message ?? (fault.status === 429 ? 'Rate limit hit' : 'Something went wrong');
    return {
      ...metaError(fault.status, code, message),
      ...(fault.retryAfterSeconds !== undefined && { retryAfter: fault.retryAfterSeconds }),
    };
  };
  /** How a call meets a fault that is not an error status: what the server does with the connection. */
  type Misbehaviour = { kind: 'timeout' | 'reset' | 'slow'; delayMs: number };
  const misbehaviour = (fault: Fault): Misbehaviour | undefined =>
    typeof fault.status === 'number'
      ? undefined
      : {
          kind: fault.status,
          delayMs:
            fault.delayMs ?? (fault.status === 'timeout' ? 30_000 : fault.status === 'slow' ? 1000 : 0),
        };
  type Answer = {
    status: number;
    body: unknown;
    retryAfter?: number;
    misbehave?: Misbehaviour;
    entry?: Omit<OutboxEntry, 'status' | 'id'>;
  };
  /** A fault's answer: an error status, or (time-out, reset) a stand-in status recorded as not delivered. */
  const faultResult = (fault: Fault): Answer | undefined => {
    const odd = misbehaviour(fault);
    if (!odd) return faultAnswer(fault as Fault & { status: number });
    if (odd.kind === 'slow') return undefined;
    return { status: odd.kind === 'timeout' ? 504 : 502, body: undefined, misbehave: odd };
  };

  /** GET /v{ver}/{media-id} and GET /__media/{media-id}: Meta's two-step download. */
  const answerMedia = (
    path: string,
    headers: Record<string, string | string[] | undefined>,
  ): (Answer & { bytes?: Uint8Array; contentType?: string }) | undefined => {
    const info = MEDIA_INFO_PATH.exec(path);
    const download = MEDIA_BYTES_PATH.exec(path);
    if (!info && !download) return undefined;
    if (!/^Bearer\s+\S+/i.test(String(headers.authorization ?? ''))) {
      return metaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    }
    const fault = takeFault('media');
    const slow = fault && misbehaviour(fault)?.kind === 'slow' ? misbehaviour(fault) : undefined;
    const failed = fault && !slow ? faultResult(fault) : undefined;
    if (failed) return failed;
    const id = decodeURIComponent((info ? info[2] : download?.[1]) ?? '');
    const item = media.get(id);
    if (!item) {
      return info
        ? metaError(
            400,
            100,
            `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
          )
        : { status: 404, body: { error: { message: 'Not found', code: 100 } } };
    }
    if (info) {
      return {
        status: 200,
        body: {
          messaging_product: 'whatsapp',
          url: `${baseUrl}/__media/${encodeURIComponent(id)}?token=${randomBytes(8).toString('hex')}`,
          mime_type: item.mimeType,
          sha256: createHash('sha256').update(item.bytes).digest('hex'),
          file_size: item.bytes.length,
          id,
        },
      };
    }
    fetches.set(id, (fetches.get(id) ?? 0) + 1);
    return {
      status: 200,
      body: undefined,
      bytes: item.bytes,
      contentType: item.mimeType,
      ...(slow && { misbehave: slow }),
    };
  };

  const answer = (
    method: string,
    path: string,
    headers: Record<string, string | string[] | undefined>,
    text: string,
  ): Answer => {
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
    const fault = takeFault('messages');
    const failed = fault ? faultResult(fault) : undefined;
    if (failed) {
      const kind = failed.misbehave?.kind;
      return { ...failed, entry: kind === 'timeout' || kind === 'reset' ? { ...entry, fault: kind } : entry };
    }
    const slow = fault ? misbehaviour(fault) : undefined;
    const delay = slow ? { misbehave: slow } : {};
    if (isRead) return { status: 200, body: { success: true }, entry, ...delay };
    const wamid = `wamid.${randomBytes(24).toString('base64url')}`;
    return {
      status: 200,
      ...delay,
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
      const mediaAnswer = request.method === 'GET' ? answerMedia(path, request.headers) : undefined;
      const result =
        mediaAnswer ??
        answer(request.method ?? 'GET', path, request.headers, Buffer.concat(chunks).toString('utf8'));
      const { status, body, entry, misbehave } = result;
      if (entry) {
        const { wamid, ...rest } = entry as typeof entry & { wamid?: string };
        outbox.push({ ...rest, status, ...(wamid ? { id: wamid } : {}) });
      }
      if (misbehave?.kind === 'reset') {
        request.socket.destroy();
        return;
      }
      const reply = () => {
        if (mediaAnswer?.bytes) {
          response.writeHead(200, {
            'content-type': mediaAnswer.contentType ?? 'application/octet-stream',
            'content-length': mediaAnswer.bytes.length,
          });
          response.end(mediaAnswer.bytes);
          return;
        }
        const payload = JSON.stringify(body);
        response.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(result.retryAfter !== undefined && { 'retry-after': String(result.retryAfter) }),
        });
        response.end(payload);
      };
      if (!misbehave) return reply();
      // A hung call is closed unanswered; a slow one answers late. Either stops waiting when the caller gives up.
      const timer = setTimeout(
        () => (misbehave.kind === 'timeout' ? request.socket.destroy() : reply()),
        misbehave.delayMs,
      );
      response.once('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}`,
    outbox: (filter = {}) => {
      const entries = outbox.slice(filter.from ?? 0);
      return filter.to === undefined
        ? entries
        : entries.filter((e) => recipientMatches(e.to, filter.to ?? ''));
    },
    clear: () => {
      outbox.length = 0;
      faults.length = 0;
    },
    injectFault: (fault) => {
      faults.push(fault);
    },
    pendingFaults: () => faults.reduce((sum, f) => sum + f.count, 0),
    addMedia: ({ id, mimeType, bytes }) => {
      media.set(id, { mimeType, bytes });
    },
    mediaFetches: (id) => fetches.get(id) ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
