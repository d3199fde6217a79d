import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../../shared/chat/catalog.ts';
import { ChatHarness, inLanguage, replyIds, textOf } from './chat-harness.ts';

/** What each service must say: specific facts, not just a title. */
const EXPECTED: Record<number, { en: string[]; ur: string[]; ids?: string[] }> = {
  1: {
    en: ['Inspector General of Police', 'Central Police Office', 'SHO'],
    ur: ['انسپکٹر جنرل', 'ایس ایچ او'],
  },
  2: {
    en: ['free copy of the FIR', 'Section 154'],
    ur: ['ایف آئی آر کی مفت نقل', 'دفعہ 154'],
    ids: ['cmp:crime', 'svc:fir'],
  },
  3: { en: ['8787', '1787', 'e-tag'], ur: ['آئی جی کمپلینٹ سیل', '8787', '1787'], ids: ['cmp:ig', 'trk'] },
  4: {
    en: [
      'Character certificate',
      'Vehicle verification',
      'Tenant registration',
      'Lost document',
      'original CNIC',
    ],
    ur: ['کریکٹر سرٹیفکیٹ', 'گاڑی کی تصدیق', 'کرایہ دار', 'گمشدہ کاغذات کی رپورٹ', 'اصل شناختی کارڈ'],
  },
  5: {
    en: ['*15*', '*1787*', '*8787*', '*1099*', '*1122*', '*130*'],
    ur: ['*15*', '*1787*', '*8787*', '*1099*', '*1122*', '*130*'],
  },
  6: {
    en: ['confidential', 'Virtual Women Police Station'],
    ur: ['رازداری', 'ورچوئل ویمن پولیس اسٹیشن'],
    ids: ['cmp:harassment'],
  },
  7: {
    en: ['Type the name of your district'],
    ur: ['اپنے ضلع کا نام لکھیں'],
    ids: ['reg:lahore', 'reg:multan'],
  },
  8: {
    en: ['Overseas Pakistanis Commission Punjab', 'opc.punjab.gov.pk', '+92 42', 'NICOP'],
    ur: ['اوورسیز پاکستانیز کمیشن پنجاب', 'opc.punjab.gov.pk', 'نائیکوپ'],
    ids: ['cmp:overseas'],
  },
  9: { en: ['Facebook', 'YouTube', 'verified'], ur: ['فیس بک', 'یوٹیوب', 'تصدیق شدہ'] },
  10: { en: ['punjabpolice.gov.pk', 'district pages'], ur: ['punjabpolice.gov.pk', 'اضلاع کے صفحات'] },
  11: { en: ['*15*', '*1099*', "child's details"], ur: ['*15*', '*1099*', 'بچے کی تفصیل'] },
  12: { en: ['proclaimed offenders', 'do not approach'], ur: ['اشتہاری', 'قریب نہ جائیں'] },
  13: {
    en: ['Pakistan Citizen Portal', 'Performance Delivery Unit'],
    ur: ['پاکستان سٹیزن پورٹل', 'پرفارمنس ڈلیوری یونٹ'],
  },
  14: {
    en: ["worker's original CNIC", 'Police Khidmat Markaz', 'Criminal Record Office'],
    ur: ['ملازم کا اصل شناختی کارڈ', 'پولیس خدمت مرکز', 'کریمنل ریکارڈ آفس'],
  },
  15: { en: ['feedback or suggestion'], ur: ['رائے یا تجویز'] },
};

describe('main menu services', () => {
  it('lists exactly the 15 services, numbered', () => {
    // Prepare
    const chat = new ChatHarness();
    // Act
    const { replies } = chat.text('menu');
    // Assess
    expect(SERVICES.map((s) => s.number)).toEqual([...Array(15).keys()].map((i) => i + 1));
    const menu = textOf(replies);
    for (const s of SERVICES) expect(menu).toContain(`*${s.number}.* ${s.title.ur}`);
  });

  for (const language of ['ur', 'en'] as const) {
    describe(`in ${language}`, () => {
      for (const service of SERVICES) {
        it(`${service.number}. ${service.title.en} returns its own content`, () => {
          // Prepare
          const chat = inLanguage(language);
          // Act
          const { replies } = chat.text(String(service.number));
          // Assess
          const shown = textOf(replies);
          const expected = EXPECTED[service.number];
          for (const fragment of expected?.[language] ?? []) expect(shown).toContain(fragment);
          for (const id of expected?.ids ?? []) expect(replyIds(replies)).toContain(id);
          // No other service's answer leaks in.
          for (const other of SERVICES) {
            if (other.number !== service.number) expect(shown).not.toContain(other.body[language]);
          }
        });
      }
    });
  }

  it('answers each service in the language of the session', () => {
    // Prepare
    const urdu = inLanguage('ur');
    const english = inLanguage('en');
    // Act
    const ur = textOf(urdu.text('5').replies);
    const en = textOf(english.text('5').replies);
    // Assess
    expect(ur).toContain('ہیلپ لائن');
    expect(en).toContain('Helpline numbers');
    expect(en).not.toContain('ہیلپ لائن نمبرز');
  });

  it('Khidmat Markaz sub-items give their requirements, then 0 returns to the main menu', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('4');
    // Act
    const certificate = textOf(chat.text('1').replies);
    const tenant = textOf(chat.text('4').replies);
    const menu = chat.text('0');
    // Assess
    expect(certificate).toContain('passport');
    expect(tenant).toContain('Temporary Residents Act 2015');
    expect(menu.session.flow).toEqual({ kind: 'menu' });
  });

  it('police offices: a typed district gets its head office answer (CPO in the four city districts), Lahore its CCPO', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('7');
    // Act
    const multan = textOf(chat.text('multan').replies);
    chat.text('7');
    const lahore = textOf(chat.text('لاہور').replies);
    chat.text('7');
    const picked = textOf(chat.tap('dist:RWP', 'Rawalpindi').replies);
    // Assess
    expect(multan).toContain('City Police Officer (CPO) Multan');
    expect(multan).toContain('Multan Region');
    expect(lahore).toContain('Capital City Police Officer (CCPO) Lahore');
    expect(picked).toContain('CPO) Rawalpindi');
  });

  it('police offices: picking a region lists its districts', () => {
    // Prepare
    const chat = inLanguage('ur');
    chat.text('7');
    // Act
    const { replies } = chat.tap('reg:sahiwal', 'ساہیوال ریجن');
    // Assess
    expect(replyIds(replies)).toEqual(['dist:SWL', 'dist:OKR', 'dist:PKP']);
  });

  it('answers how to get a driving licence and how to register an FIR', () => {
    // Prepare
    const en = inLanguage('en');
    const ur = inLanguage('ur');
    // Act
    const licence = textOf(en.text('how do I get a driving license?').replies);
    const fir = textOf(en.text('FIR').replies);
    const firUr = textOf(ur.text('ایف آئی آر').replies);
    // Assess
    expect(licence).toContain('42 days');
    expect(licence).toContain('dlims.punjab.gov.pk');
    expect(fir).toContain('Section 22-A');
    expect(fir).toContain('FIR not registered');
    expect(firUr).toContain('دفعہ 22-اے');
  });

  it('feedback is handed to the worker as recordFeedback, without a reply of its own', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('15');
    // Act
    const result = chat.text('The staff at the Khidmat Markaz were very helpful, thank you');
    // Assess
    expect(result.commands).toEqual([
      {
        kind: 'recordFeedback',
        text: 'The staff at the Khidmat Markaz were very helpful, thank you',
        language: 'en',
      },
    ]);
    expect(result.replies).toEqual([]);
    expect(result.session.flow).toBeUndefined();
  });

  it.each(['okay', 'theek hai', '👍'])('"%s" at the feedback prompt is not kept as feedback', (message) => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('15');
    // Act
    const result = chat.text(message);
    // Assess
    expect(result.commands).toEqual([]);
    expect(textOf(result.replies)).toContain('type *0* for the menu');
    expect(result.session.flow).toEqual({ kind: 'feedback' });
  });

  it('a bare menu number at the feedback prompt leaves it and opens that service', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('15');
    // Act
    const result = chat.text('5)');
    // Assess
    expect(result.commands).toEqual([]);
    expect(textOf(result.replies)).toContain('Helpline numbers');
    expect(result.session.flow?.kind).not.toBe('feedback');
  });
});
