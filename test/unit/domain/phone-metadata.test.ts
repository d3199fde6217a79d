/**
 * The phone metadata we ship (libphonenumber-js `min` without number formats, infra/phone-metadata.ts) reads
 * every country's numbers exactly as the full `min` metadata does, and matches the installed library.
 */
import { readFileSync } from 'node:fs';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { PHONE_METADATA_FILE, reducedPhoneMetadata } from '../../../infra/phone-metadata.ts';
import { parsePhone } from '../../../shared/domain/phone.ts';

/** What the full `min` metadata makes of a number, in parsePhone's terms. */
const withFullMetadata = (text: string, defaultCountry: CountryCode) => {
  const phone = parsePhoneNumberFromString(text, defaultCountry);
  if (!phone?.isValid()) return undefined;
  return phone.country ? { e164: phone.number, country: phone.country } : { e164: phone.number };
};

describe('phone metadata', () => {
  it('is the installed libphonenumber-js min metadata without formats (else: npx tsx infra/phone-metadata.ts)', () => {
    // Assess
    expect(readFileSync(PHONE_METADATA_FILE, 'utf8')).toBe(reducedPhoneMetadata());
  });

  it('reads every country’s example number, international and national, as the full min metadata does', () => {
    // Arrange
    const countries = Object.entries(examples as Record<string, string>) as [CountryCode, string][];
    // Act
    const differing = countries.flatMap(([country, national]) => {
      const international = `+${getCountryCallingCode(country)} ${national}`;
      // Written with a space: parsePhone reads a long bare digit string as international first (its own rule).
      const written = `${national.slice(0, 2)} ${national.slice(2)}`;
      return [
        [international, parsePhone(international), withFullMetadata(international, 'PK')],
        [written, parsePhone(written, country), withFullMetadata(written, country)],
      ].filter(([, ours, full]) => JSON.stringify(ours) !== JSON.stringify(full));
    });
    // Assess
    expect(differing).toEqual([]);
    const read = countries.filter(([country, national]) => parsePhone(national, country) !== undefined);
    expect(read.length).toBeGreaterThan(200);
  });
});
