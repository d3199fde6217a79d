/**
 * Generators of malformed input for the fuzz tests (in process: test/integration/malformed-input.fuzz.test.ts;
 * over HTTP: test/e2e/malformed-input.e2e.test.ts). Everything is driven by a seeded PRNG so a failure
 * can be replayed from its seed and request number.
 */
import type { ApiRequest } from './api-events.ts';

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const validFiling = () => ({
  complainant: { name: 'Imran Shah', phone: '03001234567' },
  district: 'LHR',
  category: 'traffic',
  description: 'Traffic wardens block the road every evening without any reason.',
});

/** Bytes that are not UTF-8 (a lone continuation byte, an overlong lead, 0xff) inside braces. */
export const INVALID_UTF8 = Buffer.from([0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0xff, 0x7d]);

/** A WhatsApp Cloud API delivery with one text message, as Meta sends it. */
export const validWebhookPayload = (id = 'wamid.fuzz') => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: 'FUZZ',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550000000', phone_number_id: 'local-phone-number-id' },
            contacts: [{ profile: { name: 'Fuzz' }, wa_id: '923001234567' }],
            messages: [
              { from: '923001234567', id, timestamp: '1700000000', type: 'text', text: { body: 'salam' } },
            ],
          },
        },
      ],
    },
  ],
});

export type BodyRoute = 'file' | 'track';

export const makeGen = (random: () => number) => {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  /** Random text: ASCII, Arabic script and any code point (lone surrogates replaced). */
  const str = (max: number) =>
    Array.from({ length: int(max) }, () =>
      String.fromCodePoint(pick([int(128), 0x600 + int(256), int(0x10ffff)]) % 0x110000),
    )
      .join('')
      .replace(/[\uD800-\uDFFF]/g, '?');
  const value = (depth = 0): unknown => {
    switch (int(depth > 3 ? 6 : 8)) {
      case 0:
        return null;
      case 1:
        return random() < 0.5;
      case 2:
        return pick([0, -1, 1e308, -0.5, 2 ** 53 + 1, int(1e6)]);
      case 3:
        return str(40);
      case 4:
        return 'x'.repeat(pick([0, 1, 5001, 20_000]));
      case 5:
        return pick(['', ' ', '\u0000', '\\ud800', 'LHR-7K3Q-F9XC', '03001234567', '{}']);
      case 6:
        return Array.from({ length: int(4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: int(5) }, () => [
            pick(['etag', 'phone', 'district', str(8)]),
            value(depth + 1),
          ]),
        );
    }
  };
  /** A filing that is always invalid: a required field broken, missing, or an unknown field added. */
  const brokenFiling = (): unknown => {
    const body: Record<string, unknown> = validFiling();
    switch (int(6)) {
      case 0:
        body[pick(['complainant', 'district', 'category'])] = value();
        break; // a random string can be a valid description
      case 1:
        delete body[pick(['complainant', 'district', 'category', 'description'])];
        break;
      case 2:
        body[`extra_${int(100)}`] = value();
        break;
      case 3:
        body.complainant = { ...(body.complainant as object), phone: pick(['', 'abc', '123', str(30), 5]) };
        break;
      case 4:
        body.description = pick(['short', 'y'.repeat(5001), 5, null]);
        break;
      default:
        body.location = { latitude: pick([91, -91, 'north', null]), longitude: 0 };
    }
    return body;
  };
  /**
   * A body for a JSON route: missing, invalid UTF-8, truncated, oversized, wrong content type, random
   * JSON, or a near-valid request with one thing wrong. `file` bodies are never a valid filing.
   */
  const bodyFor = (route: BodyRoute): Pick<ApiRequest, 'body' | 'headers' | 'base64'> => {
    switch (int(9)) {
      case 0:
        return {}; // no body
      case 1:
        return { body: INVALID_UTF8, base64: random() < 0.5 };
      case 2:
        return { body: JSON.stringify(value()).slice(0, int(30)) }; // truncated JSON
      case 3:
        return {
          body: JSON.stringify(route === 'file' ? validFiling() : { etag: 'x' }),
          headers: {
            'content-type': pick([
              'text/plain',
              'application/xml',
              'multipart/form-data',
              'application/json; charset=latin1',
              '',
            ]),
          },
        };
      case 4:
        return { body: JSON.stringify({ pad: 'z'.repeat(70_000) }) };
      case 5:
        return { body: '{"description":"\\ud800\\udc00\\ud800"}' };
      case 6:
        return { body: value() === null ? 'null' : JSON.stringify(value()) };
      case 7:
        return route === 'file'
          ? { body: brokenFiling() }
          : {
              body: {
                etag: pick(['LHR 7K3Q F9XC', 'lhr-7k3q-f9xd', str(20), 12]),
                ...(random() < 0.5 ? { trackingCode: value() } : { phone: value() }),
              },
            };
      default:
        return {
          body: route === 'file' ? brokenFiling() : value(),
          headers: { 'idempotency-key': pick([str(10), 'k'.repeat(300), '', 'ok-key']) },
        };
    }
  };

  /** `template` with one field replaced by garbage, removed, or an unknown field added (may stay valid). */
  const mutate = (template: Record<string, unknown>): Record<string, unknown> => {
    const body = structuredClone(template);
    const keys = Object.keys(body);
    switch (int(3)) {
      case 0:
        if (keys.length > 0) body[pick(keys)] = value();
        break;
      case 1:
        if (keys.length > 0) delete body[pick(keys)];
        break;
      default:
        // defineProperty: a plain assignment to `__proto__` would set the prototype, not send the key
        Object.defineProperty(body, pick(['extra', '__proto__', 'constructor', str(6)]), {
          value: value(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return body;
  };

  /** Like bodyFor, for any JSON route: the near-valid case mutates `template`. */
  const bodyLike = (template: Record<string, unknown>): Pick<ApiRequest, 'body' | 'headers' | 'base64'> =>
    random() < 0.35 ? { body: mutate(template) } : bodyFor('track');

  /** A path segment that is no sensible id: huge, encoded NUL, traversal, unicode, bad escapes. */
  const pathSegment = (): string =>
    pick([
      () => `LHR-${'7K3Q'.repeat(int(1000))}`, // very long, yet within HTTP header limits
      () => '%00',
      () => 'LHR-7K3Q%00F9XC',
      () => '..',
      () => '%2e%2e',
      () => '..%2F..%2Fetc%2Fpasswd',
      () => '%ZZ',
      () => '%',
      () => '%E0%A4%A',
      () => '%C0%AF',
      () => encodeURIComponent(str(30)) || 'x',
      // raw UTF-8 bytes on the wire (the client sends each char of this string as one byte)
      () =>
        Buffer.from(str(20) + 'ل', 'utf8')
          .toString('latin1')
          .replace(/[^\x21-\xff]|[/?#%]/g, ''),
      () => 'LHR-7K3Q-F9XC',
      () => 'lhr-7k3q-f9xd',
      () => String(int(1e9)),
      () => '-1',
      () => "~!$&'()*+,;=:@",
      () => "'%20OR%201=1--",
      () => '{etag}',
    ])();

  /** A query string of garbage, unknown, duplicated, over-long and wrongly typed parameters. */
  const query = (known: readonly string[] = []): string => {
    const pairs = Array.from({ length: 1 + int(4) }, () => {
      const key = pick([
        ...known,
        ...known,
        'limit',
        'cursor',
        'from',
        str(6),
        '',
        '%00',
        'a[b]',
        '__proto__',
      ]);
      const val = pick([
        () => '',
        () => str(20),
        () => 'x'.repeat(pick([100, 1000])),
        () => String(pick([-1, 0, 101, 1e21, 0.5, NaN])),
        () => 'not-a-date',
        () => '2025-13-45T99:99:99Z',
        () => 'ZZZ',
        () => Buffer.from(JSON.stringify(value())).toString('base64url').slice(0, 1000),
        () => Buffer.from('{"v":1,"p":{"LHR":"x"}}').toString('base64url'),
        () => Buffer.from('{"pk":"C#X","sk":"META"}').toString('base64url'),
        () => '%00',
        () => '%ZZ',
      ])();
      return `${encodeURIComponent(key)}=${random() < 0.8 ? encodeURIComponent(val) : val.replace(/[^\x21-\x7e]/g, '')}`;
    });
    return pairs.join('&');
  };

  /** A pagination cursor this API never hands out: wrong alphabet, not JSON, wrong version or positions. */
  const invalidCursor = (): string =>
    pick([
      () => '!!!',
      () => 'a'.repeat(9000),
      () => encodeURIComponent(str(20)) || '%00',
      () => Buffer.from('not json').toString('base64url'),
      () => Buffer.from(JSON.stringify(value())).toString('base64url').slice(0, 1000) || 'bnVsbA',
      () => Buffer.from(JSON.stringify({ v: 2, p: {} })).toString('base64url'),
      () => Buffer.from(JSON.stringify({ v: 1, p: [] })).toString('base64url'),
      () => Buffer.from(JSON.stringify({ v: 1, p: { ZZZ: '' } })).toString('base64url'),
      () => Buffer.from(JSON.stringify({ v: 1, p: { 'D#LHR': 'x' } })).toString('base64url'),
      () => Buffer.from(JSON.stringify({ v: 1, p: { 'D#LHR': 5 } })).toString('base64url'),
      () => Buffer.from(JSON.stringify({ pk: 'C#X', sk: 'META' })).toString('base64url'),
    ])();

  /** A webhook body that, even correctly signed, is no valid delivery: nothing may be enqueued for it. */
  const brokenWebhook = (): string | Buffer => {
    const payload = validWebhookPayload(`wamid.fuzz.${int(1e9)}`) as Record<string, unknown> & {
      entry: { changes: { field: string; value: Record<string, unknown> & { messages: object[] } }[] }[];
    };
    const change = payload.entry[0]!.changes[0]!;
    const message = change.value.messages[0] as Record<string, unknown>;
    switch (int(12)) {
      case 0:
        return JSON.stringify(value());
      case 1:
        return JSON.stringify(payload).slice(0, int(200));
      case 2: {
        // a valid delivery whose bytes are not UTF-8
        const text = JSON.stringify(payload);
        const at = text.indexOf('salam');
        return Buffer.concat([
          Buffer.from(text.slice(0, at)),
          INVALID_UTF8.subarray(1, 6),
          Buffer.from(text.slice(at)),
        ]);
      }
      case 3:
        payload.object = pick(['page', '', null, 5, 'WHATSAPP_BUSINESS_ACCOUNT']);
        break;
      case 4:
        (payload as Record<string, unknown>).entry = pick([null, 'entry', 5, {}, [5], [null]]);
        break;
      case 5:
        (payload.entry[0] as Record<string, unknown>).changes = pick(['x', 5, {}, [null], [5]]);
        break;
      case 6:
        delete message.id;
        break;
      case 7:
        message.id = pick(['', 5, null, {}, []]);
        break;
      case 8:
        (change as Record<string, unknown>).value = pick([null, 'value', 5, [], true]);
        break;
      case 9:
        change.value.messages = pick(['x', 5, {}, [null], [5], [{}]]) as object[];
        break;
      case 10:
        change.value.statuses = [pick([{}, { id: 'wamid.s', status: '' }, { status: 'read' }, null])];
        break;
      default:
        change.value.contacts = pick(['x', 5, {}, [5]]) as never;
    }
    return JSON.stringify(payload);
  };

  return {
    random,
    int,
    pick,
    str,
    value,
    brokenFiling,
    bodyFor,
    mutate,
    bodyLike,
    pathSegment,
    query,
    invalidCursor,
    brokenWebhook,
  };
};

export type Gen = ReturnType<typeof makeGen>;
