import { describe, expect, it } from 'vitest';
import { SERVICES, KHIDMAT_SERVICES } from '../../../shared/chat/catalog.ts';
import {
  WHATSAPP_LIMITS,
  buttons,
  limitViolations,
  list,
  pagedRows,
  row,
  splitText,
} from '../../../shared/chat/limits.ts';
import { formatPakistanTime } from '../../../shared/chat/labels.ts';
import {
  renderCitizenUpdate,
  renderFailure,
  renderFeedbackAck,
  renderFiled,
  renderSatisfactionQuestion,
  renderTrackResult,
} from '../../../shared/chat/render.ts';
import type { CitizenUpdate, OutgoingMessage, TrackedComplaint } from '../../../shared/chat/types.ts';
import { REGIONS } from '../../../shared/domain/districts.ts';
import { generateEtag } from '../../../shared/domain/etag.ts';
import { ChatHarness, inLanguage, replyIds, textOf } from './chat-harness.ts';

const ETAG = generateEtag('LHR', (n) => Uint8Array.from({ length: n }, (_, i) => i * 3 + 2));
const LANGS = ['ur', 'en'] as const;

const expectSendable = (messages: readonly OutgoingMessage[]) => {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(limitViolations(m), JSON.stringify(m)).toEqual([]);
};

describe('limitViolations', () => {
  it('flags each of Meta limits', () => {
    // Prepare
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `row ${i}` }));
    // Act / Assess
    expect(limitViolations({ kind: 'text', body: 'x'.repeat(4097) })).toEqual(['text body length']);
    expect(
      limitViolations({ kind: 'list', body: 'b', buttonLabel: 'Choose', sections: [{ title: 's', rows }] }),
    ).toContain('row count');
    expect(
      limitViolations({
        kind: 'buttons',
        body: 'b',
        buttons: [
          { id: 'a', title: 'a' },
          { id: 'b', title: 'b' },
          { id: 'c', title: 'c' },
          { id: 'd', title: 'd' },
        ],
      }),
    ).toContain('button count');
    expect(
      limitViolations({ kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }),
    ).toHaveLength(1);
    expect(
      limitViolations({
        kind: 'list',
        body: 'b',
        buttonLabel: 'Choose',
        sections: [{ title: 's', rows: [{ id: 'a', title: 'y'.repeat(25) }] }],
      }),
    ).toHaveLength(1);
  });
});

describe('builders keep messages inside the limits', () => {
  it('splitText cuts long bodies at line breaks into ≤ 4096-character texts', () => {
    // Prepare
    const body = Array.from({ length: 300 }, (_, i) => `line ${i} ${'ق'.repeat(40)}`).join('\n');
    // Act
    const parts = splitText(body);
    // Assess
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.textBody);
    expect(parts.join('\n')).toBe(body);
  });

  it('buttons() moves a body over 1024 characters into texts before the buttons', () => {
    // Act
    const messages = buttons('word '.repeat(500), [{ id: 'x', title: 'A very long button title indeed' }]);
    // Assess
    expectSendable(messages);
    expect(messages.at(-1)?.kind).toBe('buttons');
  });

  it('pagedRows never yields more than 10 rows and links the next page', () => {
    // Prepare
    const rows = Array.from({ length: 23 }, (_, i) => row(`d:${i}`, `District number ${i} with a long name`));
    // Act
    const pages = [0, 1, 2].map((p) => pagedRows(rows, p, (next) => row(`more:${next}`, 'More')));
    // Assess
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages[0]?.at(-1)?.id).toBe('more:1');
    for (const page of pages) expectSendable([list('Pick', 'Pick', 'Districts', page)]);
  });
});

describe('every message the engine sends respects Meta limits', () => {
  for (const lang of LANGS) {
    it(`every service, sub-item and complaint step in ${lang}`, () => {
      // Prepare
      const chat = inLanguage(lang);
      // Act: every service, every Khidmat item, every region list, every flow step.
      for (const s of SERVICES) {
        chat.text('0');
        chat.text(String(s.number));
      }
      chat.text('4');
      KHIDMAT_SERVICES.forEach((_, i) => chat.text(String(i + 1)));
      chat.text('7');
      for (const r of REGIONS) chat.tap(`reg:${r.code}`);
      for (const origin of ['crime', 'ig', 'harassment', 'overseas', 'general', 'zainab']) {
        chat.tap(`cmp:${origin}`);
        if (origin === 'zainab') chat.text('Meri beti Sana, 9 saal, school se wapas nahi aayi');
        chat.text('xyz');
        chat.text('Lahore');
        chat.text('99');
        chat.text('1');
        chat.text('short');
        chat.text('A long description. '.repeat(300));
        chat.text('Near the main bus stop on GT Road');
        for (let i = 0; i < 7; i++)
          chat.send({ kind: 'media', mediaKind: 'document', mediaId: `doc-${origin}-${i}` });
        chat.tap('done');
        chat.tap('fu:no');
        chat.text('maybe');
        chat.tap('cf:no');
      }
      // Assess: the harness already checked each reply; make sure the walk produced a lot of them.
      expect(chat.all.length).toBeGreaterThan(100);
      expect(chat.all.some((m) => m.kind === 'list')).toBe(true);
      expect(chat.all.some((m) => m.kind === 'buttons')).toBe(true);
    });
  }

  it('a profile name that is only an emoji is not used: the name is asked', () => {
    // Prepare
    const chat = new ChatHarness({ id: 'x', name: '🙂' });
    chat.text('complaint');
    chat.text('Okara');
    chat.text('1');
    chat.text('Someone stole my buffalo from the dera last night');
    chat.tap('skip');
    // Act
    chat.tap('done');
    // Assess
    expect(chat.session?.flow).toMatchObject({ step: 'name' });
  });
});

describe('renderers', () => {
  const complaint = (over: Partial<TrackedComplaint> = {}): TrackedComplaint => ({
    etag: ETAG,
    status: 'in_progress',
    category: 'theft_robbery',
    district: 'LHR',
    updatedAt: '2025-03-02T07:30:00.000Z',
    latest: [
      { type: 'ComplaintFiled', at: '2025-03-01T10:00:00.000Z' },
      { type: 'ComplaintActionRecorded', at: '2025-03-02T07:30:00.000Z', note: 'SHO visited the site' },
    ],
    ...over,
  });

  it('renderFiled shows the e-tag and the tracking code', () => {
    // Act
    const en = textOf(renderFiled('en', ETAG, '7K3QF9X2'));
    const ur = textOf(renderFiled('ur', ETAG, '7K3QF9X2'));
    // Assess
    expect(en).toContain(ETAG);
    expect(en).toContain('7K3Q-F9X2');
    expect(ur).toContain(ETAG);
    expect(ur).toContain('ای ٹیگ');
  });

  it('renderTrackResult lists status, place and latest actions in Pakistan time', () => {
    // Act
    const en = textOf(renderTrackResult('en', [complaint()]));
    const ur = textOf(renderTrackResult('ur', [complaint()]));
    // Assess
    expect(en).toContain('Status: *In progress*');
    expect(en).toContain('Theft or robbery · Lahore');
    expect(en).toContain('2 Mar 2025, 12:30 pm PKT: Action taken — SHO visited the site');
    expect(ur).toContain('کارروائی جاری');
    expect(ur).toContain('لاہور');
  });

  it("renderTrackResult tells evidence entries in the citizen's language", () => {
    // Prepare
    const withEvidence = complaint({
      latest: [
        { type: 'EvidenceAdded', at: '2025-03-02T08:00:00.000Z', evidence: { kind: 'image' } },
        {
          type: 'EvidenceNotKept',
          at: '2025-03-02T08:05:00.000Z',
          evidence: { kind: 'video', reason: 'too_large' },
        },
      ],
    });
    // Act
    const en = textOf(renderTrackResult('en', [withEvidence]));
    const ur = textOf(renderTrackResult('ur', [withEvidence]));
    // Assess
    expect(en).toContain('Evidence added: photo');
    expect(en).toContain('Evidence not kept: video (too large)');
    expect(ur).toContain('ثبوت شامل ہوا: تصویر');
    expect(ur).toContain('ثبوت محفوظ نہیں ہوا: ویڈیو (حد سے بڑی)');
    expect(ur).not.toMatch(/evidence|photo/i);
  });

  it('renderTrackResult hides the category of a sensitive complaint', () => {
    // Act
    const shown = textOf(renderTrackResult('en', [complaint({ category: 'harassment' })]));
    // Assess
    expect(shown).toContain('Confidential report');
    expect(shown).not.toContain('Harassment');
  });

  it('renderTrackResult with nothing found says so; with many complaints it splits into several texts', () => {
    // Prepare
    const many = Array.from({ length: 40 }, (_, i) =>
      complaint({
        latest: [
          {
            type: 'ComplaintActionRecorded',
            at: `2025-03-0${(i % 9) + 1}T00:00:00.000Z`,
            note: 'n'.repeat(400),
          },
        ],
      }),
    );
    // Act
    const none = renderTrackResult('en', []);
    const long = renderTrackResult('ur', many);
    // Assess
    expect(textOf(none)).toContain('No complaints');
    expectSendable(long);
    expect(long.length).toBeGreaterThan(1);
  });

  it('an escalation names the post as the district has it: DPO, City Police Officer, Lahore SP and CCPO, RPO', () => {
    // Prepare
    const escalated = (district: string, level: 'DPO' | 'RPO' | 'CPO', lang: 'en' | 'ur' = 'en') =>
      textOf(renderCitizenUpdate(lang, { kind: 'escalated', etag: ETAG, level, district }));
    // Act + Assess
    expect(escalated('SGD', 'DPO')).toContain('the District Police Officer');
    for (const city of ['RWP', 'FSD', 'MTN', 'GRW']) {
      expect(escalated(city, 'DPO')).toContain('the City Police Officer');
      expect(escalated(city, 'DPO')).not.toContain('District Police Officer');
      expect(escalated(city, 'DPO', 'ur')).toContain('سٹی پولیس آفیسر');
    }
    expect(escalated('LHR', 'DPO')).toContain('divisional Superintendent of Police');
    expect(escalated('LHR', 'RPO')).toContain('the Capital City Police Officer');
    expect(escalated('LHR', 'RPO')).not.toContain('Regional');
    expect(escalated('LHR', 'RPO', 'ur')).toContain('کیپیٹل سٹی پولیس آفیسر');
    expect(escalated('SGD', 'RPO')).toContain('the Regional Police Officer');
    expect(escalated('SGD', 'CPO')).toContain('the IG Complaint Cell');
  });

  it('renderSatisfactionQuestion asks with two buttons carrying the e-tag', () => {
    // Act
    const messages = renderSatisfactionQuestion('ur', ETAG);
    // Assess
    expectSendable(messages);
    expect(replyIds(messages)).toEqual([`fb:yes:${ETAG}`, `fb:no:${ETAG}`]);
  });

  it('renderCitizenUpdate covers every kind, adds the satisfaction question on resolve, and is discreet when sensitive', () => {
    // Prepare
    const updates: CitizenUpdate[] = [
      { kind: 'assigned', etag: ETAG },
      { kind: 'actionRecorded', etag: ETAG, note: 'Accused arrested' },
      { kind: 'statusChanged', etag: ETAG, status: 'awaiting_citizen' },
      { kind: 'resolved', etag: ETAG, note: 'Phone recovered' },
      { kind: 'reopened', etag: ETAG },
      { kind: 'escalated', etag: ETAG, level: 'DPO', district: 'SGD' },
      { kind: 'informationRequested', etag: ETAG, question: 'Which road was it on?' },
      {
        kind: 'statusChanged',
        etag: ETAG,
        status: 'rejected',
        note: 'A civil dispute: please go to the court',
      },
    ];
    for (const lang of LANGS) {
      for (const u of updates) {
        // Act
        const messages = renderCitizenUpdate(lang, u);
        // Assess
        expectSendable(messages);
        expect(textOf(messages)).toContain(ETAG);
      }
    }
    expect(replyIds(renderCitizenUpdate('en', updates[3]!))).toEqual([`fb:yes:${ETAG}`, `fb:no:${ETAG}`]);
    expect(textOf(renderCitizenUpdate('en', updates[1]!))).toContain('Accused arrested');
    expect(textOf(renderCitizenUpdate('en', updates[5]!))).toContain('District Police Officer');
    const discreet = textOf(
      renderCitizenUpdate('en', {
        kind: 'actionRecorded',
        etag: ETAG,
        note: 'Accused arrested',
        sensitive: true,
      }),
    );
    expect(discreet).not.toContain('Accused');
  });

  it("an officer's request for information shows the question and an Answer button, never the question when sensitive", () => {
    // Act
    const open = renderCitizenUpdate('en', {
      kind: 'informationRequested',
      etag: ETAG,
      question: 'Which road?',
    });
    const discreet = renderCitizenUpdate('ur', {
      kind: 'informationRequested',
      etag: ETAG,
      question: 'Which road?',
      sensitive: true,
    });
    const rejected = renderCitizenUpdate('en', {
      kind: 'statusChanged',
      etag: ETAG,
      status: 'rejected',
      note: 'A civil dispute: please go to the court',
    });
    // Assess
    expect(textOf(open)).toContain('Which road?');
    expect(replyIds(open)).toEqual([`info:${ETAG}`]);
    expect(replyIds(discreet)).toEqual([`info:${ETAG}`]);
    expect(textOf(discreet)).not.toContain('Which road?');
    expect(textOf(rejected)).toContain('civil dispute');
  });

  it('renderFailure and renderFeedbackAck exist in both languages', () => {
    for (const lang of LANGS) {
      expectSendable(renderFailure(lang));
      expectSendable(renderFeedbackAck(lang));
    }
    expect(textOf(renderFailure('ur'))).toContain('15');
    expect(textOf(renderFeedbackAck('en'))).toContain('feedback');
  });

  it('formatPakistanTime is UTC+5', () => {
    expect(formatPakistanTime('2025-12-31T20:15:00.000Z')).toBe('1 Jan 2026, 1:15 am PKT');
  });
});
