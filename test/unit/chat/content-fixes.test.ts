/** "Say only what is true": each content fix, in Urdu and in English (sources in docs/chat.md). */
import { describe, expect, it } from 'vitest';
import { findDistrict, findRegion } from '../../../shared/domain/districts.ts';
import { KHIDMAT_SERVICES, REGISTER_FIR, officeAnswer, serviceById } from '../../../shared/chat/catalog.ts';
import { formatPakistanTime } from '../../../shared/chat/labels.ts';
import { renderFiled, renderTrackResult } from '../../../shared/chat/render.ts';
import { inLanguage, replyIds, textOf } from './chat-harness.ts';

const office = (code: string, lang: 'en' | 'ur'): string => {
  const district = findDistrict(code)!;
  return officeAnswer(district, findRegion(district.region), lang);
};

describe('who heads the police', () => {
  it.each(['RWP', 'FSD', 'MTN', 'GRW'])('%s is headed by a City Police Officer, not a DPO', (code) => {
    expect(office(code, 'en')).toContain('City Police Officer (CPO)');
    expect(office(code, 'en')).not.toContain('District Police Officer');
    expect(office(code, 'ur')).toContain('سٹی پولیس آفیسر (سی پی او)');
    expect(office(code, 'ur')).not.toContain('ڈسٹرکٹ پولیس آفیسر');
  });

  it('Lahore is headed by the CCPO; another district of the Lahore region by its DPO', () => {
    expect(office('LHR', 'en')).toContain('Capital City Police Officer (CCPO)');
    expect(office('LHR', 'ur')).toContain('کیپیٹل سٹی پولیس آفیسر (سی سی پی او)');
    const kasur = findDistrict('KSR')!;
    expect(office(kasur.code, 'en')).toContain('District Police Officer (DPO)');
    expect(office(kasur.code, 'en')).not.toContain('CCPO');
    expect(office(kasur.code, 'ur')).toContain('ڈسٹرکٹ پولیس آفیسر (ڈی پی او)');
    expect(office(kasur.code, 'ur')).not.toContain('سی سی پی او');
  });

  it('the "about" text names CCPO, CPOs and DPOs', () => {
    const about = serviceById('about').body;
    expect(about.en).toContain(
      'Rawalpindi, Faisalabad, Multan and Gujranwala each by a *City Police Officer (CPO)*',
    );
    expect(about.ur).toContain('راولپنڈی، فیصل آباد، ملتان اور گوجرانوالہ میں *سٹی پولیس آفیسر (سی پی او)*');
    expect(about.en).toContain('Capital City Police Officer (CCPO)');
    expect(about.ur).toContain('کیپیٹل سٹی پولیس آفیسر (سی سی پی او)');
  });

  it('the FIR how-to sends a refused citizen to the post that heads their district', () => {
    expect(REGISTER_FIR.en).toContain(
      'in Rawalpindi, Faisalabad, Multan and Gujranwala the City Police Officer (CPO), in Lahore the CCPO',
    );
    expect(REGISTER_FIR.ur).toContain(
      'راولپنڈی، فیصل آباد، ملتان اور گوجرانوالہ میں سٹی پولیس آفیسر (سی پی او)، لاہور میں سی سی پی او',
    );
  });
});

describe('harassment', () => {
  const text = serviceById('genderHarassment').body;
  it('workplace harassment goes to the Punjab Ombudsperson for harassment at the workplace', () => {
    expect(text.en).toContain(
      'Punjab Ombudsperson for Protection against Harassment of Women at the Workplace',
    );
    expect(text.en).not.toContain('Provincial Ombudsman');
    expect(text.ur).toContain('صوبائی محتسب برائے تحفظِ خواتین از ہراسانی در جائے کار پنجاب');
  });

  it('online blackmail names the NCCIA and its channel', () => {
    for (const body of [text.en, text.ur]) {
      expect(body).toContain('1799');
      expect(body).toContain('nccia.gov.pk');
    }
    expect(text.en).toContain('National Cyber Crime Investigation Agency (NCCIA)');
    expect(text.ur).toContain('نیشنل سائبر کرائم انویسٹی گیشن ایجنسی (این سی سی آئی اے)');
  });

  it('the Urdu text addresses every victim, not only women', () => {
    expect(text.ur).not.toContain('اکیلی');
    expect(text.ur).toContain('آپ تنہا نہیں ہیں');
    expect(text.ur).toContain('رپورٹ کر سکتے ہیں');
  });
});

describe('filing confirmation', () => {
  it.each(['en', 'ur'] as const)('after "No messages" it does not promise updates (%s)', (lang) => {
    const body = textOf(renderFiled(lang, 'LHR-0000-0000', undefined, { updates: false }));
    expect(body).not.toMatch(/You will get updates|اطلاع ملتی رہے گی/);
    expect(body).toMatch(/not send you messages|پیغامات نہیں بھیجیں گے/);
  });

  it.each(['en', 'ur'] as const)('an overseas complainant is not told to dial 15 (%s)', (lang) => {
    expect(textOf(renderFiled(lang, 'LHR-0000-0000', undefined, { overseas: true }))).not.toContain('15*');
    expect(textOf(renderFiled(lang, 'LHR-0000-0000'))).toContain('*15*');
  });
});

describe('lists and tips', () => {
  it.each(['en', 'ur'] as const)(
    '"choose from the list" is followed by the list, even with 12 categories (%s)',
    (lang) => {
      const chat = inLanguage(lang);
      chat.tap('cmp:general');
      const { replies } = chat.text('Lahore');
      const list = replies.find((r) => r.kind === 'list');
      expect(list).toBeDefined();
      expect(replyIds(replies).filter((id) => id.startsWith('cat:')).length).toBeGreaterThan(5);
      const more = replyIds(replies).find((id) => id.startsWith('catp:'));
      expect(more).toBeDefined();
      expect(replyIds(chat.tap(more!).replies)).toContain('cat:other');
    },
  );

  it('the Khidmat Markaz lost-documents item is not worded as a missing-person report', () => {
    const item = KHIDMAT_SERVICES.find((i) => i.id === 'lostDocument')!;
    expect(item.title.en).toBe('Lost documents report');
    expect(item.title.ur).toBe('گمشدہ کاغذات کی رپورٹ');
    expect(item.title.ur).not.toContain('گمشدگی');
  });

  it('tips about most-wanted criminals go to 15, not the complaint cell 8787', () => {
    const { en, ur } = serviceById('mostWanted').body;
    for (const body of [en, ur]) {
      expect(body).toContain('*15*');
      expect(body).not.toContain('8787');
    }
  });
});

describe('times', () => {
  it('are Pakistan time in a human format, in both languages', () => {
    expect(formatPakistanTime('2025-03-01T09:05:00Z', 'en')).toBe('1 Mar 2025, 2:05 pm PKT');
    expect(formatPakistanTime('2025-03-01T09:05:00Z', 'ur')).toBe('1 مارچ 2025، دوپہر 2:05');
    expect(formatPakistanTime('2025-12-31T19:30:00Z', 'en')).toBe('1 Jan 2026, 12:30 am PKT');
  });

  it.each([
    ['en', '1 Mar 2025, 2:05 pm PKT'],
    ['ur', '1 مارچ 2025، دوپہر 2:05'],
  ] as const)('in a track result (%s)', (lang, shown) => {
    const body = textOf(
      renderTrackResult(lang, [
        {
          etag: 'LHR-0000-0000',
          status: 'received',
          category: 'other',
          district: 'LHR',
          updatedAt: '2025-03-01T09:05:00Z',
          latest: [],
        },
      ]),
    );
    expect(body).toContain(shown);
    expect(body).not.toContain('09:05');
  });
});
