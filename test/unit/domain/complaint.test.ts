import { describe, expect, it } from 'vitest';
import { ComplaintSchema, newComplaint } from '../../../shared/domain/complaint.ts';
import {
  ChatComplaintInputSchema,
  NewComplaintInputSchema,
  isValidCnic,
  normalizeCnic,
  type NewComplaintRequest,
} from '../../../shared/domain/complaint-input.ts';
import { normalizePhone, parsePhone } from '../../../shared/domain/phone.ts';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  validationErrorFromZod,
} from '../../../shared/domain/errors.ts';
import { generateEtag } from '../../../shared/domain/etag.ts';

const validRequest = (overrides: Partial<NewComplaintRequest> = {}): NewComplaintRequest => ({
  complainant: { name: 'Ayesha Khan', phone: '0300-1234567' },
  district: 'LHR',
  category: 'fir_not_registered',
  description: 'The SHO refused to register my FIR about a stolen motorcycle.',
  ...overrides,
});

const issuesOf = (input: unknown) => {
  const result = NewComplaintInputSchema.safeParse(input);
  return result.success ? [] : validationErrorFromZod(result.error).issues;
};

describe('normalizePhone', () => {
  it('turns Pakistani numbers in any common format into E.164', () => {
    for (const input of [
      '03001234567',
      '0300-1234567',
      '+92 300 1234567',
      '00923001234567',
      '923001234567',
    ]) {
      expect(normalizePhone(input), input).toBe('+923001234567');
    }
    expect(normalizePhone('042-35761234')).toBe('+924235761234');
  });

  it('accepts overseas numbers and reports their country', () => {
    expect(parsePhone('+44 7400 123456')).toEqual({ e164: '+447400123456', country: 'GB' });
    expect(parsePhone('+971 50 123 4567')).toEqual({ e164: '+971501234567', country: 'AE' });
    expect(parsePhone('966501234567')?.country).toBe('SA');
  });

  it('rejects invalid numbers and non-number text', () => {
    for (const input of ['0300123', '+92 123', '12345', 'abc', '+923001234567x', '', '0'.repeat(50)]) {
      expect(normalizePhone(input), input).toBeUndefined();
    }
  });
});

describe('CNIC', () => {
  it('accepts 13 digits with or without dashes and normalizes to digits', () => {
    expect(isValidCnic('35202-1234567-1')).toBe(true);
    expect(normalizeCnic('35202-1234567-1')).toBe('3520212345671');
    expect(normalizeCnic('3520212345671')).toBe('3520212345671');
  });

  it('rejects wrong lengths, letters and first digits never issued', () => {
    for (const input of [
      '35202-1234567',
      '352021234567',
      '35202123456712',
      '05202-1234567-1',
      '85202-1234567-1',
      '3520A-1234567-1',
      '35202--1234567-1',
    ]) {
      expect(isValidCnic(input), input).toBe(false);
    }
  });
});

describe('NewComplaintInputSchema', () => {
  it('normalizes a valid submission', () => {
    // Act
    const parsed = NewComplaintInputSchema.parse(
      validRequest({
        complainant: { name: '  Ayesha Khan ', phone: '0300 1234567', cnic: '35202-1234567-1' },
        district: 'lhr',
        category: 'CORRUPTION',
        description: '  Line one of what happened.\r\nLine two\twith a tab.  ',
        station: '  Model Town ',
      }),
    );
    // Assess
    expect(parsed).toEqual({
      complainant: {
        name: 'Ayesha Khan',
        phone: '+923001234567',
        cnic: '3520212345671',
        overseas: false,
        country: 'PK',
      },
      district: 'LHR',
      station: 'Model Town',
      category: 'corruption',
      description: 'Line one of what happened.\nLine two\twith a tab.',
      language: 'ur',
    });
  });

  it('derives overseas and country from the phone, unless given', () => {
    // Act
    const derived = NewComplaintInputSchema.parse(
      validRequest({ complainant: { name: 'Bilal', phone: '+44 7400 123456' } }),
    );
    const given = NewComplaintInputSchema.parse(
      validRequest({ complainant: { name: 'Bilal', phone: '03001234567', overseas: true, country: 'ae' } }),
    );
    // Assess
    expect(derived.complainant).toMatchObject({ overseas: true, country: 'GB' });
    expect(given.complainant).toMatchObject({ phone: '+923001234567', overseas: true, country: 'AE' });
  });

  it('treats blank optional fields as absent', () => {
    // Act
    const parsed = NewComplaintInputSchema.parse(
      validRequest({ complainant: { name: 'Bilal', phone: '03001234567', cnic: '' }, station: '  ' }),
    );
    // Assess
    expect(parsed.complainant.cnic).toBeUndefined();
    expect('station' in parsed && parsed.station !== undefined).toBe(false);
  });

  it('reports each invalid field with its dotted path', () => {
    // Act
    const issues = issuesOf({
      complainant: { name: 'A', phone: '12345', cnic: '123' },
      district: 'XXX',
      category: 'aliens',
      description: 'too short',
      location: { latitude: 91, longitude: 0 },
      language: 'fr',
    });
    // Assess
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'category',
        'complainant.cnic',
        'complainant.name',
        'complainant.phone',
        'description',
        'district',
        'language',
        'location.latitude',
      ].sort(),
    );
  });

  it('rejects unknown keys at every level', () => {
    expect(issuesOf({ ...validRequest(), status: 'closed' }).map((i) => i.path)).toEqual(['']);
    expect(
      issuesOf(
        validRequest({ complainant: { name: 'Bilal', phone: '03001234567', role: 'ADMIN' } as never }),
      ).map((i) => i.path),
    ).toEqual(['complainant']);
  });

  it('rejects control characters and lone surrogates, and enforces length limits', () => {
    expect(issuesOf(validRequest({ description: `${'a'.repeat(30)}\u0000` }))[0]?.path).toBe('description');
    expect(issuesOf(validRequest({ description: `${'a'.repeat(30)}\ud800` }))[0]?.path).toBe('description');
    expect(issuesOf(validRequest({ description: 'a'.repeat(5001) }))[0]?.path).toBe('description');
    expect(issuesOf(validRequest({ description: 'a'.repeat(5000) }))).toEqual([]);
    expect(
      issuesOf(validRequest({ complainant: { name: 'Ali\nKhan', phone: '03001234567' } }))[0]?.path,
    ).toBe('complainant.name');
    expect(
      issuesOf(validRequest({ complainant: { name: 'x'.repeat(101), phone: '03001234567' } }))[0]?.path,
    ).toBe('complainant.name');
    expect(issuesOf(validRequest({ station: 's'.repeat(101) }))[0]?.path).toBe('station');
  });

  it('rejects wrong types and non-objects without throwing', () => {
    for (const input of [
      null,
      42,
      'text',
      [],
      { ...validRequest(), description: 123 },
      { complainant: 'me' },
    ]) {
      expect(NewComplaintInputSchema.safeParse(input).success).toBe(false);
    }
  });

  it('accepts a location with an optional address', () => {
    const parsed = NewComplaintInputSchema.parse(
      validRequest({ location: { latitude: 31.5204, longitude: 74.3587, address: 'Mall Road' } }),
    );
    expect(parsed.location).toEqual({ latitude: 31.5204, longitude: 74.3587, address: 'Mall Road' });
  });
});

describe('newComplaint', () => {
  const etag = generateEtag('LHR', (n) => new Uint8Array(n).fill(7));
  const now = new Date('2025-03-01T10:00:00.000Z');

  it('starts received, version 1, with the category priority and valid stored shape', () => {
    // Prepare
    const input = NewComplaintInputSchema.parse(validRequest({ category: 'missing_child' }));
    // Act
    const complaint = newComplaint(input, { etag, trackingCodeHash: 'h', now, channel: 'web' });
    // Assess
    expect(complaint).toMatchObject({
      etag,
      district: 'LHR',
      status: 'received',
      priority: 'urgent',
      version: 1,
      channel: 'web',
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
      attachments: [],
      optOutOfUpdates: false,
    });
    expect(ComplaintSchema.parse(complaint)).toEqual(complaint);
  });

  it('keeps sensitive complaints discreet by default and records the WhatsApp identity', () => {
    // Prepare
    const input = NewComplaintInputSchema.parse(validRequest({ category: 'gender_violence' }));
    // Act
    const complaint = newComplaint(input, {
      etag,
      trackingCodeHash: 'h',
      now,
      channel: 'whatsapp',
      whatsappId: '923001234567',
    });
    // Assess
    expect(complaint.priority).toBe('high');
    expect(complaint.optOutOfUpdates).toBe(true);
    expect(complaint.complainant.whatsappId).toBe('923001234567');
  });

  it('keeps the priority the bot promised in chat (harassment: high), never lowering the category’s', () => {
    const chat = (category: string, priority: string) =>
      newComplaint(ChatComplaintInputSchema.parse({ ...validRequest({ category }), priority }), {
        etag,
        trackingCodeHash: 'h',
        now,
        channel: 'whatsapp',
        whatsappId: '923001234567',
      }).priority;
    expect(chat('harassment', 'high')).toBe('high');
    expect(chat('missing_child', 'low')).toBe('urgent');
  });

  it('stored-state schema ignores table keys but rejects a broken complaint', () => {
    // Prepare
    const complaint = newComplaint(NewComplaintInputSchema.parse(validRequest()), {
      etag,
      trackingCodeHash: 'h',
      now,
      channel: 'api',
    });
    // Act + Assess
    expect(ComplaintSchema.parse({ ...complaint, pk: `C#${etag}`, sk: 'META' })).toEqual(complaint);
    expect(ComplaintSchema.safeParse({ ...complaint, status: 'lost' }).success).toBe(false);
    expect(ComplaintSchema.safeParse({ ...complaint, etag: 'LHR-123' }).success).toBe(false);
  });
});

describe('errors', () => {
  it('name themselves, keep the cause, and share the DomainError base', () => {
    // Prepare
    const cause = new Error('root');
    // Act
    const errors = [
      new ValidationError('bad', [{ path: 'a.b', message: 'm' }], { cause }),
      new NotFoundError('nf', { cause }),
      new ConflictError('c', { cause }),
      new PreconditionFailedError('p', { cause }),
    ];
    // Assess
    expect(errors.map((e) => e.name)).toEqual([
      'ValidationError',
      'NotFoundError',
      'ConflictError',
      'PreconditionFailedError',
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(DomainError);
      expect(e.cause).toBe(cause);
    }
  });

  it('turns a ZodError into a ValidationError with dotted paths', () => {
    // Prepare
    const result = NewComplaintInputSchema.safeParse({
      ...validRequest(),
      location: { latitude: 'x', longitude: 0 },
    });
    // Act
    const error = validationErrorFromZod(result.error!);
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([{ path: 'location.latitude', message: expect.any(String) }]);
    expect(error.cause).toBe(result.error);
  });
});
