/**
 * The external corpus in ../shared/fixtures (Meta's real webhook payloads, signature vectors, Roman-Urdu
 * messages), read in place and never copied into the repository. A fresh clone has no ../shared, so the
 * suites that need it are declared with `describeWithCorpus`: they run whenever the corpus is present and
 * otherwise skip, and the test run's global setup prints one line per skipped suite (and fails under CI,
 * which always has the corpus).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const CORPUS_ROOT = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
export const corpusPresent = (): boolean => existsSync(CORPUS_ROOT);
const WHATSAPP_FIXTURES = join(CORPUS_ROOT, 'whatsapp');
const SIGNATURE_FIXTURES = join(CORPUS_ROOT, 'signature');
const URDU_FIXTURES = join(CORPUS_ROOT, 'urdu');

/** Every suite that reads the corpus, by file, so a run without it can name what it skipped. */
export const CORPUS_SUITES = {
  'test/unit/whatsapp/receive-webhook.test.ts': "receiveWebhook on Meta's real payloads (whatsapp/)",
  'test/unit/whatsapp/signature.test.ts': "Meta's webhook signature vectors (signature/)",
  'test/unit/chat/conversation.test.ts': 'real Roman-Urdu greetings and complaints (urdu/)',
  'test/integration/whatsapp.test.ts': "the webhook function on Meta's real payloads (whatsapp/)",
  'test/unit/whatsapp/noise-and-identity.test.ts':
    "non-text noise and business-scoped ids through the worker, on Meta's real payloads (whatsapp/)",
  'test/e2e/evidence-fixtures.test.ts':
    "every media webhook of Meta's real payloads stored or refused through the local runtime (whatsapp/)",
} as const;

/** One line naming a skipped suite and why, for the run's output. */
export const corpusSkipLine = (file: string, suite: string): string =>
  `skipped ${file} › ${suite}: the external corpus ${CORPUS_ROOT} is absent (a fresh clone has no ../shared; CI always has it)`;

/** A describe block that needs the corpus: runs when it is present, skips (named with the reason) when not. */
export const describeWithCorpus = (suite: keyof typeof CORPUS_SUITES, body: () => void): void => {
  const present = corpusPresent();
  const name = CORPUS_SUITES[suite];
  // Skipped without its body, too: the body reads the corpus while its tests are collected.
  describe.skipIf(!present /* reason: the external corpus ../shared/fixtures is absent */)(
    present ? name : `${name} (skipped: ${CORPUS_ROOT} is absent)`,
    present ? body : () => undefined,
  );
};

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

/** Meta's real webhook payloads: every file, and every case of pywa's multi-case files, with whether it
 * is valid JSON and whether it is a webhook delivery at all (the folder also holds send-request bodies and
 * API responses). */
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

/** Rows of the Roman-Urdu corpus: category and the message text (CSV field before ",label,"). */
export const loadRomanUrduRows = (): { category: string; text: string }[] =>
  readFileSync(join(URDU_FIXTURES, 'roman_urdu_greetings_complaints.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => {
      const [category = '', , raw = ''] = line.split('\t');
      const text = raw.replace(/,(Positive|Negative|Neutral),\s*$/, '').replace(/^"|"$/g, '');
      return { category, text };
    });
