import { describe, expect, it } from 'vitest';
import { citizenNoteFor } from '../../../shared/app/notify/citizen-notifier.ts';

describe('citizenNoteFor', () => {
  it('tells the complainant the FIR number recorded with an fir_registered action, in their language', () => {
    // Prepare
    const entry = {
      note: 'FIR registered under 381-A PPC',
      data: { kind: 'fir_registered', firNumber: '1234/26 PS Gulberg' },
    };
    // Act / Assess
    expect(citizenNoteFor(entry, 'en')).toBe('FIR no. 1234/26 PS Gulberg\nFIR registered under 381-A PPC');
    expect(citizenNoteFor(entry, 'ur')).toBe(
      'ایف آئی آر نمبر: 1234/26 PS Gulberg\nFIR registered under 381-A PPC',
    );
  });

  it('leaves other notes as they are, and does not repeat a number the note already gives', () => {
    // Act / Assess
    expect(
      citizenNoteFor({ note: 'Called the complainant', data: { kind: 'called_complainant' } }, 'en'),
    ).toBe('Called the complainant');
    expect(citizenNoteFor({ note: 'FIR 77/26 registered', data: { firNumber: '77/26' } }, 'en')).toBe(
      'FIR 77/26 registered',
    );
    expect(citizenNoteFor(undefined, 'en')).toBeUndefined();
  });
});
