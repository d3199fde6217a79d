/**
 * Meta's real webhook payloads from ../shared/fixtures/whatsapp, read in place (never copied):
 * every file, and every case of pywa's multi-case files, with whether it is valid JSON and whether
 * it is a webhook delivery at all (the folder also holds send-request bodies and API responses).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_ROOT = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));
export const WHATSAPP_FIXTURES = join(FIXTURES_ROOT, 'whatsapp');
export const SIGNATURE_FIXTURES = join(FIXTURES_ROOT, 'signature');

export interface FixturePayload {
  readonly name: string;
  /** The bytes Meta would deliver. */
  readonly body: Buffer;
  /** Parsed JSON; undefined for the AS-PUBLISHED-INVALID files and textMessageStatusRead.json. */
  readonly json: unknown;
  /** A webhook delivery (`object: whatsapp_business_account`), as opposed to a send body or API answer. */
  readonly isWebhook: boolean;
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

const tryJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const isWebhookJson = (json: unknown): boolean =>
  typeof json === 'object' &&
  json !== null &&
  (json as { object?: unknown }).object === 'whatsapp_business_account';

export const loadWhatsAppFixtures = (): FixturePayload[] =>
  walk(WHATSAPP_FIXTURES)
    .filter((path) => path.endsWith('.json') || path.endsWith('.json.txt'))
    .sort()
    .flatMap((path): FixturePayload[] => {
      const name = relative(WHATSAPP_FIXTURES, path);
      const body = readFileSync(path);
      const json = tryJson(body.toString('utf8'));
      // pywa: one object keyed by case name, each value a full webhook body.
      if (name.startsWith('pywa/') && json !== undefined) {
        return Object.entries(json as Record<string, unknown>).map(([key, value]) => ({
          name: `${name}#${key}`,
          body: Buffer.from(JSON.stringify(value)),
          json: value,
          isWebhook: isWebhookJson(value),
        }));
      }
      return [{ name, body, json, isWebhook: isWebhookJson(json) }];
    });

export interface SignatureVector {
  name: string;
  app_secret: string;
  body_file: string;
  x_hub_signature_256: string;
  expected_valid: boolean;
}

export const loadSignatureVectors = (): (SignatureVector & { body: Buffer })[] =>
  (JSON.parse(readFileSync(join(SIGNATURE_FIXTURES, 'vectors.json'), 'utf8')) as SignatureVector[]).map(
    (v) => ({
      ...v,
      body: readFileSync(join(SIGNATURE_FIXTURES, v.body_file)),
    }),
  );
