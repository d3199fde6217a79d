import { describe, expect, it } from 'vitest';
import { citizenNoteFor } from '../../../shared/app/notify/citizen-notifier.ts';
import { publicTimelineEntry } from '../../../shared/app/track-complaint.ts';
import type { TimelineEntry } from '../../../shared/schemas/stored.ts';

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

describe('internal notes never reach the citizen', () => {
  const officer = { kind: 'officer' as const, id: 'sho-1', role: 'SHO' as const };
  const entry = (over: Partial<TimelineEntry>): TimelineEntry => ({
    id: 'LHR-7K3M-Q9X2#2026-03-01T10:00:00.000Z#000002.00',
    etag: 'LHR-7K3M-Q9X2',
    type: 'ComplaintActionRecorded',
    at: '2026-03-01T10:00:00.000Z',
    district: 'LHR',
    status: 'in_progress',
    actor: officer,
    data: { kind: 'visited_site' },
    ...over,
  });

  it('drops an internal note and an internal reason from WhatsApp updates, keeping the FIR number', () => {
    // Act / Assess
    expect(
      citizenNoteFor(entry({ note: 'Suspect is the SHO’s cousin', noteVisibility: 'internal' }), 'en'),
    ).toBe(undefined);
    expect(citizenNoteFor(entry({ reason: 'Not worth it', noteVisibility: 'internal' }), 'en')).toBe(
      undefined,
    );
    expect(
      citizenNoteFor(
        entry({
          note: 'Internal',
          noteVisibility: 'internal',
          data: { kind: 'fir_registered', firNumber: '9/26' },
        }),
        'en',
      ),
    ).toBe('FIR no. 9/26');
    expect(citizenNoteFor(entry({ note: 'We visited', noteVisibility: 'citizen' }), 'en')).toBe('We visited');
  });

  it('keeps notes written before notes were marked citizen-visible (the migration rule)', () => {
    expect(citizenNoteFor(entry({ note: 'Old note' }), 'en')).toBe('Old note');
    expect(publicTimelineEntry(entry({ note: 'Old note' })).note).toBe('Old note');
  });

  it('tells an evidence entry by its data, never by its English stored note', () => {
    // Prepare
    const system = { kind: 'system' as const };
    const added = entry({
      type: 'EvidenceAdded',
      actor: { kind: 'citizen' },
      note: 'evidence added: photo',
      data: { evidenceId: 'e1', kind: 'image', source: 'whatsapp', bytes: 10 },
    });
    const voice = entry({
      type: 'EvidenceAdded',
      actor: { kind: 'citizen' },
      note: 'evidence added: voice note describing the complaint (listen to the audio)',
      data: { evidenceId: 'e2', kind: 'audio', source: 'whatsapp', bytes: 10, describesComplaint: true },
    });
    const refused = entry({
      type: 'EvidenceNotKept',
      actor: system,
      note: 'evidence not kept: video (too large)',
      reason: 'too_large',
      data: { evidenceId: 'e3', kind: 'video', source: 'web', reason: 'too_large' },
    });
    // Act
    const shown = [added, voice, refused].map(publicTimelineEntry);
    // Assess
    expect(shown.map((e) => e.evidence)).toEqual([
      { kind: 'image' },
      { kind: 'voiceNote' },
      { kind: 'video', reason: 'too_large' },
    ]);
    for (const e of shown) {
      expect(e).not.toHaveProperty('note');
      expect(e).not.toHaveProperty('reason');
    }
  });

  it('drops an internal note and reason from the tracking timeline (API, web and chat)', () => {
    // Act
    const shown = publicTimelineEntry(
      entry({ note: 'Informer named', reason: 'x', noteVisibility: 'internal' }),
    );
    const visible = publicTimelineEntry(entry({ note: 'We visited the site', noteVisibility: 'citizen' }));
    // Assess
    expect(shown).not.toHaveProperty('note');
    expect(shown).not.toHaveProperty('reason');
    expect(shown).toMatchObject({ action: 'visited_site', by: 'SHO' });
    expect(visible.note).toBe('We visited the site');
  });
});
