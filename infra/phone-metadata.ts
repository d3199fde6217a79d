/**
 * The phone metadata the functions carry (shared/domain/phone-metadata.json): libphonenumber-js's `min`
 * metadata for every country, without the number formats. We parse and validate numbers and never format
 * them, and the formats are more than half of the metadata (~48 of ~81 KiB in each phone-parsing bundle).
 * Regenerate after upgrading libphonenumber-js: `npx tsx infra/phone-metadata.ts` (a unit test fails until
 * then: test/unit/domain/phone.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const PHONE_METADATA_FILE = fileURLToPath(
  new URL('../shared/domain/phone-metadata.json', import.meta.url),
);

/** Index of the number formats in a country's (or a non-geographic code's) metadata array; 0 = none. */
const FORMATS = 4;

type Entry = unknown[];
interface MinMetadata {
  countries: Record<string, Entry>;
  nonGeographic?: Record<string, Entry>;
}

const withoutFormats = (entries: Record<string, Entry>): Record<string, Entry> =>
  Object.fromEntries(
    Object.entries(entries).map(([key, entry]) => [
      key,
      entry.map((value, i) => (i === FORMATS && Array.isArray(value) ? 0 : value)),
    ]),
  );

/** The installed libphonenumber-js `min` metadata with every number format removed. */
export const reducedPhoneMetadata = (): string => {
  const full = createRequire(import.meta.url)('libphonenumber-js/metadata.min.json') as MinMetadata;
  return `${JSON.stringify({
    ...full,
    countries: withoutFormats(full.countries),
    ...(full.nonGeographic ? { nonGeographic: withoutFormats(full.nonGeographic) } : {}),
  })}\n`;
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(PHONE_METADATA_FILE, reducedPhoneMetadata());
  console.log(`wrote ${PHONE_METADATA_FILE}`);
}
