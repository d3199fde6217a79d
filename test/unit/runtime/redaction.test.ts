import { describe, expect, it } from 'vitest';
import { REDACTED, redactPersonalData } from '../../../shared/runtime/powertools.ts';

const redact = (value: unknown) => JSON.parse(JSON.stringify(value, redactPersonalData)) as unknown;

describe('log redaction', () => {
  it('masks personal fields wherever they sit and phone/CNIC-like digit runs in any text', () => {
    // Act
    const out = redact({
      etag: 'LHR-7K3Q-F9XC',
      complainant: { name: 'Ayesha', phone: '+923001234567', cnic: '3520212345671', overseas: false },
      message: 'lookup for 0300-1234567 failed',
      timestamp: '2025-03-01T10:00:00.000Z',
      error: { text: 'hello' },
    });
    // Assess
    expect(out).toEqual({
      etag: 'LHR-7K3Q-F9XC',
      complainant: { name: REDACTED, phone: REDACTED, cnic: REDACTED, overseas: false },
      message: `lookup for ${REDACTED} failed`,
      timestamp: '2025-03-01T10:00:00.000Z',
      error: { text: REDACTED },
    });
  });
});
