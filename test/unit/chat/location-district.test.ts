/**
 * A location shared during the complaint flow suggests its district (point in polygon over the checked-in
 * boundaries); the bot asks the citizen to confirm, in Urdu or English, and nothing is assigned without a yes.
 */
import { describe, expect, it } from 'vitest';
import { ChatHarness, inLanguage, only, replyIds, textOf } from './chat-harness.ts';

const DATA_DARBAR = { kind: 'location', latitude: 31.579, longitude: 74.3046 } as const;
const MULTAN_GHANTA_GHAR = { kind: 'location', latitude: 30.197, longitude: 71.474 } as const;
const CHINIOT_CITY = { kind: 'location', latitude: 31.72, longitude: 72.98 } as const;
const KARACHI = { kind: 'location', latitude: 24.8607, longitude: 67.0011 } as const;
const DESCRIPTION = 'My motorcycle was stolen outside the mosque on Friday evening';

/** A complaint opened from the crime-report service, waiting for the district. */
const atDistrictStep = (language: 'en' | 'ur'): ChatHarness => {
  const chat = inLanguage(language);
  chat.text('2');
  chat.tap('cmp:crime');
  expect(chat.session?.flow).toMatchObject({ kind: 'complaint', step: 'district' });
  return chat;
};

describe('a location shared at the district question', () => {
  it('asks "Is this in Lahore?" in English; Yes sets the district and the location question is not asked again', () => {
    // Prepare
    const chat = atDistrictStep('en');
    // Act
    const asked = chat.send(DATA_DARBAR);
    const yes = chat.tap('dist:LHR', 'Yes, Lahore');
    chat.text('1');
    const afterDescription = chat.text(DESCRIPTION);
    // Assess
    expect(textOf(asked.replies)).toContain(
      'This location is in *Lahore* district. Is that where it happened?',
    );
    expect(replyIds(asked.replies)).toEqual(['dist:LHR', 'regp:0']);
    expect(textOf(asked.replies)).toContain('Yes, Lahore');
    expect(textOf(asked.replies)).toContain('Another district');
    expect(asked.session.flow).toMatchObject({ step: 'district', districtCheck: { district: 'LHR' } });
    expect(textOf(yes.replies)).toContain('District: *Lahore*');
    expect(yes.session.flow).toMatchObject({ step: 'category', draft: { district: 'LHR' } });
    expect(yes.session.flow).not.toHaveProperty('districtCheck');
    // The location already given answers the location step: evidence comes next.
    expect(afterDescription.session.flow).toMatchObject({
      step: 'attachments',
      draft: { location: { latitude: 31.579, longitude: 74.3046 } },
    });
  });

  it('asks in Urdu, and a typed 1 is yes', () => {
    // Prepare
    const chat = atDistrictStep('ur');
    // Act
    const asked = chat.send(DATA_DARBAR);
    const one = chat.text('1');
    // Assess
    expect(textOf(asked.replies)).toContain('یہ لوکیشن ضلع *لاہور* میں ہے۔ کیا واقعہ وہیں ہوا؟');
    expect(textOf(asked.replies)).toContain('جی، لاہور');
    expect(textOf(asked.replies)).toContain('کوئی اور ضلع');
    expect(one.session.flow).toMatchObject({ step: 'category', draft: { district: 'LHR' } });
  });

  it('"2" (another district) shows the region list and a typed district is taken instead', () => {
    // Prepare
    const chat = atDistrictStep('en');
    chat.send(DATA_DARBAR);
    // Act
    const another = chat.text('2');
    const typed = chat.text('multan');
    // Assess
    expect(another.session.flow).toMatchObject({ step: 'district' });
    expect(another.session.flow).not.toHaveProperty('districtCheck');
    expect(replyIds(another.replies)).toContain('reg:lahore');
    expect(typed.session.flow).toMatchObject({ step: 'category', draft: { district: 'MTN' } });
  });

  it('"no" in Urdu also means another district, and the Another district button does the same', () => {
    // Prepare
    const typedNo = atDistrictStep('ur');
    const tapped = atDistrictStep('ur');
    typedNo.send(DATA_DARBAR);
    tapped.send(DATA_DARBAR);
    // Act
    const no = typedNo.text('نہیں');
    const button = tapped.tap('regp:0', 'کوئی اور ضلع');
    // Assess
    for (const result of [no, button]) {
      expect(result.session.flow).toMatchObject({ step: 'district' });
      expect(result.session.flow).not.toHaveProperty('districtCheck');
      expect(result.session.flow).not.toHaveProperty('draft.district');
    }
  });

  it('offers a district newer than the boundaries beside its parent (Chiniot beside Jhang)', () => {
    // Prepare
    const chat = atDistrictStep('en');
    // Act
    const asked = chat.send(CHINIOT_CITY);
    const chiniot = chat.tap('dist:CNT', 'Chiniot');
    // Assess
    expect(textOf(asked.replies)).toContain('*Jhang*');
    expect(textOf(asked.replies)).toContain('It may also be Chiniot.');
    expect(replyIds(asked.replies)).toEqual(['dist:JHG', 'dist:CNT', 'regp:0']);
    expect(chiniot.session.flow).toMatchObject({ step: 'category', draft: { district: 'CNT' } });
  });

  it('a location outside Punjab suggests nothing: saved, and the district is asked as before', () => {
    // Prepare
    const chat = atDistrictStep('en');
    // Act
    const { replies, session } = chat.send(KARACHI);
    // Assess
    expect(textOf(replies)).toContain('I could not tell the district from it');
    expect(replyIds(replies)).toContain('reg:lahore');
    expect(session.flow).toMatchObject({ step: 'district', draft: { location: { latitude: 24.8607 } } });
    expect(session.flow).not.toHaveProperty('districtCheck');
  });
});

describe('a location that disagrees with the district chosen', () => {
  const chosenFaisalabad = (language: 'en' | 'ur'): ChatHarness => {
    const chat = atDistrictStep(language);
    chat.text('faisalabad');
    chat.text('1');
    chat.text(DESCRIPTION);
    expect(chat.session?.flow).toMatchObject({ step: 'location', draft: { district: 'FSD' } });
    return chat;
  };

  it('asks which district should handle it; Keep leaves it, and the flow goes on to evidence', () => {
    // Prepare
    const chat = chosenFaisalabad('en');
    // Act
    const asked = chat.send(MULTAN_GHANTA_GHAR);
    const keep = chat.tap('dist:FSD', 'Keep Faisalabad');
    // Assess
    expect(textOf(asked.replies)).toContain(
      'This location is in *Multan* district, but you chose *Faisalabad*. Which district should handle the complaint?',
    );
    expect(replyIds(asked.replies)).toEqual(['dist:MTN', 'dist:FSD', 'regp:0']);
    expect(textOf(asked.replies)).toContain('Keep Faisalabad');
    expect(keep.session.flow).toMatchObject({ step: 'attachments', draft: { district: 'FSD' } });
  });

  it('in Urdu, a typed 1 moves the complaint to the location’s district', () => {
    // Prepare
    const chat = chosenFaisalabad('ur');
    // Act
    const asked = chat.send(MULTAN_GHANTA_GHAR);
    const moved = chat.text('1');
    chat.tap('done');
    chat.text('Usman Tariq');
    const filed = chat.tap('cf:yes');
    // Assess
    expect(textOf(asked.replies)).toContain('لیکن آپ نے *فیصل آباد* منتخب کیا تھا');
    expect(textOf(asked.replies)).toContain('فیصل آباد ہی رکھیں');
    expect(moved.session.flow).toMatchObject({ step: 'attachments', draft: { district: 'MTN' } });
    const { draft } = only(filed.commands, 'fileComplaint');
    expect(draft).toMatchObject({ district: 'MTN', location: { latitude: 30.197, longitude: 71.474 } });
  });

  it('a location that agrees with the chosen district asks nothing', () => {
    // Prepare
    const chat = chosenFaisalabad('en');
    // Act
    const { replies, session } = chat.send({ kind: 'location', latitude: 31.4187, longitude: 73.0791 });
    // Assess
    expect(textOf(replies)).not.toContain('This location is in');
    expect(session.flow).toMatchObject({ step: 'attachments', draft: { district: 'FSD' } });
  });
});

describe('Zainab Alert: a location shared before the district question', () => {
  it('is kept, and its district is offered when the district question comes', () => {
    // Prepare
    const chat = new ChatHarness({
      id: 'z-1',
      waId: '923004445555',
      phone: '+923004445555',
      name: 'Nasreen',
    });
    chat.text('english');
    chat.text('11');
    // Act
    const early = chat.send(DATA_DARBAR);
    const asked = chat.text('My son Ahmed, 7 years, blue shirt, missing near Data Darbar since 5 pm');
    const yes = chat.text('yes');
    // Assess
    expect(textOf(early.replies)).toContain('Location saved.');
    expect(early.session.flow).toMatchObject({
      step: 'description',
      draft: { pendingSuggestion: { district: 'LHR' } },
    });
    expect(textOf(asked.replies)).toContain('This location is in *Lahore* district');
    expect(yes.session.flow).toMatchObject({ step: 'attachments', draft: { district: 'LHR' } });
  });
});
