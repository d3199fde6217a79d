/**
 * Input hygiene (issue 12, Deliver 4): NFC, invisible format characters refused or removed in names, stations and
 * free text, and a byte order mark passed through by the local gateway and refused with a clear 400.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { encodeBody } from '../../../infra/local/gateway.ts';
import { HttpError } from '../../../shared/adapters/http/errors.ts';
import { parseJson } from '../../../shared/adapters/http/middleware.ts';
import { NewComplaintInputSchema, type NewComplaintRequest } from '../../../shared/domain/complaint-input.ts';
import { validationErrorFromZod } from '../../../shared/domain/errors.ts';
import { lifecycleCommandSchema } from '../../../shared/domain/lifecycle.ts';
import { cleanFreeText, cleanLine } from '../../../shared/domain/text.ts';

const RLO = '\u202E';
const ZWSP = '\u200B';
const ZWNJ = '\u200C';

const request = (overrides: Partial<NewComplaintRequest> = {}): NewComplaintRequest => ({
  complainant: { name: 'Ayesha Khan', phone: '0300-1234567' },
  district: 'LHR',
  category: 'fir_not_registered',
  description: 'The SHO refused to register my FIR about a stolen motorcycle.',
  ...overrides,
});

const parse = (input: NewComplaintRequest) => {
  const result = NewComplaintInputSchema.safeParse(input);
  return result.success
    ? { ok: true as const, value: result.data }
    : { ok: false as const, issues: validationErrorFromZod(result.error).issues };
};

describe('cleanLine and cleanFreeText', () => {
  it('normalize to NFC: a letter typed as base + combining mark equals the precomposed one', () => {
    // Prepare: "é" decomposed, and Urdu "آ" as alef + madda above
    const decomposed = 'Jose\u0301 \u0627\u0653';
    // Act
    const line = cleanLine(decomposed);
    const text = cleanFreeText(decomposed);
    // Assess
    expect(line).toBe('José \u0622');
    expect(text).toBe(line);
  });

  it('remove zero-width spaces, word joiners, BOMs, soft hyphens and direction marks from a line', () => {
    expect(cleanLine(`Gul${ZWSP}berg\u2060\uFEFF\u00AD\u200E\u200F\u061C`)).toBe('Gulberg');
  });

  it('keep a zero-width non-joiner between two Arabic-script letters only (Urdu spelling), never a joiner', () => {
    expect(cleanLine(`\u0645\u06CC${ZWNJ}\u06BA`)).toBe(`\u0645\u06CC${ZWNJ}\u06BA`);
    expect(cleanLine(`Gul${ZWNJ}berg`)).toBe('Gulberg');
    expect(cleanLine(`${ZWNJ}\u0645`)).toBe('\u0645');
    expect(cleanLine('Ali\u200DKhan')).toBe('AliKhan');
  });

  it('free text loses direction controls and other format characters but keeps joiners (emoji, Urdu)', () => {
    expect(cleanFreeText(`pay ${RLO}txt.exe\u202C now${ZWSP}\r\n👩\u200D👧`)).toBe(
      'pay txt.exe now\n👩\u200D👧',
    );
  });
});

describe('complaint input hygiene', () => {
  it('refuses a name or a station with a direction override: 400 with the field named', () => {
    // Act
    const name = parse(request({ complainant: { name: `Ali ${RLO}nahK`, phone: '0300-1234567' } }));
    const station = parse(request({ station: `Model Town${'\u2067'}` }));
    // Assess
    expect(name.ok).toBe(false);
    expect(station.ok).toBe(false);
    if (!name.ok) expect(name.issues.map((i) => i.path)).toContain('complainant.name');
    if (!station.ok) expect(station.issues.map((i) => i.path)).toContain('station');
  });

  it('stores one spelling: zero-width characters removed from names and stations, text in NFC', () => {
    // Act
    const parsed = parse(
      request({
        complainant: { name: `Ay${ZWSP}esha\u00AD Khan`, phone: '0300-1234567' },
        station: `${ZWSP}Gul${ZWSP}berg\u2060`,
        description: `The SHO refused to register my FIR about a stolen motorcycle.${RLO}`,
      }),
    );
    // Assess
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.complainant.name).toBe('Ayesha Khan');
      expect(parsed.value.station).toBe('Gulberg');
      expect(parsed.value.description).toBe('The SHO refused to register my FIR about a stolen motorcycle.');
    }
  });

  it('a station made only of invisible characters is "not given", not a blank tally key', () => {
    const parsed = parse(request({ station: `${ZWSP}\u2060` }));
    expect(parsed.ok && parsed.value.station).toBeUndefined();
  });

  it('officer commands: a station with an override is refused, a note is cleaned', () => {
    expect(
      lifecycleCommandSchema.safeParse({ type: 'assign', level: 'SHO', station: `X${RLO}` }).success,
    ).toBe(false);
    const note = lifecycleCommandSchema.parse({ type: 'resolve', note: `Done${ZWSP}.` });
    expect(note).toMatchObject({ note: 'Done.' });
  });
});

describe('a UTF-8 byte order mark', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const json = Buffer.from('{"a":1}');

  it('reaches the function unchanged through the local gateway, as API Gateway passes it', () => {
    const { body, isBase64Encoded } = encodeBody(Buffer.concat([bom, json]), 'application/json');
    expect(isBase64Encoded).toBe(false);
    expect(body).toBe('\uFEFF{"a":1}');
  });

  it('is refused with a clear 400, as text or as base64', () => {
    // Prepare
    const event = (body: string, isBase64Encoded: boolean) =>
      ({
        headers: { 'content-type': 'application/json' },
        body,
        isBase64Encoded,
      }) as unknown as APIGatewayProxyEventV2;
    // Act
    const errors = [
      event('\uFEFF{"a":1}', false),
      event(Buffer.concat([bom, json]).toString('base64'), true),
    ].map((e) => {
      try {
        parseJson(e);
        return undefined;
      } catch (error) {
        return error;
      }
    });
    // Assess
    for (const error of errors) {
      expect(error).toBeInstanceOf(HttpError);
      expect(error).toMatchObject({ statusCode: 400, message: expect.stringContaining('byte order mark') });
    }
    expect(parseJson(event('{"a":1}', false))).toEqual({ a: 1 });
  });
});
