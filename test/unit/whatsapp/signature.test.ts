import { describe, expect, it } from 'vitest';
import {
  escapeNonAscii,
  isValidSignature,
  signBody,
  signBodyAsMeta,
} from '../../../shared/app/whatsapp/signature.ts';
import { describeWithCorpus, loadSignatureVectors } from '../../support/corpus.ts';

describeWithCorpus('test/unit/whatsapp/signature.test.ts', () => {
  it.each(loadSignatureVectors())('vector $name is valid=$expected_valid', (vector) => {
    // Act
    const valid = isValidSignature(vector.body, vector.x_hub_signature_256, vector.app_secret);
    // Assess
    expect(valid).toBe(vector.expected_valid);
  });
});

describe('webhook signature', () => {
  it('escapes non-ASCII as lowercase \\uXXXX, emoji as surrogate pairs, like the escaped fixture', () => {
    // Act
    const escaped = escapeNonAscii('mangé 😮 \u007f');
    // Assess
    expect(escaped).toBe('mang\\u00e9 \\ud83d\\ude2e \\u007f');
  });

  it('accepts both the raw-bytes and the escaped-form signature of a non-ASCII body', () => {
    // Prepare
    const body = Buffer.from('{"text":"سلام"}');
    // Act & Assess
    expect(isValidSignature(body, signBody(body, 's3cret'), 's3cret')).toBe(true);
    expect(isValidSignature(body, signBodyAsMeta(body, 's3cret'), 's3cret')).toBe(true);
    expect(signBody(body, 's3cret')).not.toBe(signBodyAsMeta(body, 's3cret'));
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['no prefix', signBody('x', 'k').slice('sha256='.length)],
    ['sha1 form', `sha1=${'0'.repeat(40)}`],
    ['short hex', 'sha256=abcd'],
    ['other secret', signBody('x', 'other')],
  ])('rejects a %s header', (_case, header) => {
    // Act & Assess
    expect(isValidSignature(Buffer.from('x'), header, 'k')).toBe(false);
  });

  it('rejects a signature of a different body, and an empty app secret', () => {
    // Act & Assess
    expect(isValidSignature(Buffer.from('y'), signBody('x', 'k'), 'k')).toBe(false);
    expect(isValidSignature(Buffer.from('x'), signBody('x', ''), '')).toBe(false);
  });
});
