/**
 * Phone numbers as citizens and rosters write them → E.164. Its own module because the metadata (~70 KiB with
 * the parser) should reach only the functions that read a typed number: filing, tracking, feedback, the chat
 * worker and the force roster; never the officer, stream or sweep functions.
 *
 * Metadata: libphonenumber-js `min` for every country (overseas Pakistanis file with any country's number)
 * without the number formats, which only formatting uses (infra/phone-metadata.ts generates it).
 */
import {
  parsePhoneNumberFromString as parseWithMetadata,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import phoneMetadata from './phone-metadata.json' with { type: 'json' };

const METADATA = phoneMetadata as unknown as MetadataJson;

/** libphonenumber-js's parser over our metadata. */
const parsePhoneNumberFromString = (text: string, defaultCountry?: CountryCode) =>
  defaultCountry ? parseWithMetadata(text, defaultCountry, METADATA) : parseWithMetadata(text, METADATA);

export interface ParsedPhone {
  /** E.164, e.g. +923001234567 */
  e164: string;
  /** ISO 3166-1 alpha-2 of the number, when the number belongs to one country. */
  country?: string;
}

/** People write numbers with spaces, dashes, dots, slashes and brackets; anything else is not a number. */
const PHONE_CHARACTERS = /^[+\d\s\-()./]{3,40}$/;

/**
 * Any common way of writing a number → E.164 and its country, or undefined when invalid.
 * National numbers are read in `defaultCountry`; `00…` and `+…` are international. Digits-only input that
 * is not a valid national number is retried as international, so a WhatsApp `wa_id` (`923001234567`,
 * `447911123456`) works as is. `min` metadata validates by length.
 */
export const parsePhone = (input: string, defaultCountry: string = 'PK'): ParsedPhone | undefined => {
  if (typeof input !== 'string' || !PHONE_CHARACTERS.test(input.trim())) return undefined;
  const text = input.trim();
  const national = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
  const international = /^[1-9]\d{6,14}$/.test(text) ? parsePhoneNumberFromString(`+${text}`) : undefined;
  // The `min` metadata validates by length, so a bare `966501234567` would pass as a 12-digit national
  // number; longer than a national number without its 0 (10 digits), a bare number is international first.
  const candidates = text.length > 10 ? [international, national] : [national, international];
  const phone = candidates.find((p) => p?.isValid());
  if (!phone) return undefined;
  return phone.country ? { e164: phone.number, country: phone.country } : { e164: phone.number };
};

/** E.164 or undefined; see `parsePhone`. */
export const normalizePhone = (input: string, defaultCountry: string = 'PK'): string | undefined =>
  parsePhone(input, defaultCountry)?.e164;
