import { describe, expect, it } from 'vitest';
import { generateEtag } from '../../../shared/domain/etag.ts';
import { FLOOD_MAX_MESSAGES, MENU_IDLE_MS } from '../../../shared/chat/engine.ts';
import { describeWithCorpus, loadRomanUrduRows } from '../../support/corpus.ts';
import { ChatHarness, inLanguage, only, replyIds, textOf } from './chat-harness.ts';

const ETAG = generateEtag('MTN', (n) => Uint8Array.from({ length: n }, (_, i) => i * 5 + 1));

const isMenu = (body: string): boolean => body.includes('*1.*') && body.includes('*15.*');

describe('greetings open the main menu', () => {
  const greetings = [
    'hello',
    'Hi',
    'hey',
    'salam',
    'Salaam',
    'slam',
    'aoa',
    'AOA',
    'Assalam o alaikum',
    'asalam alaikum',
    'assalamu alaikum',
    'As-salamu alaykum',
    'Asslam-o-Alaikum',
    'السلام علیکم',
    'اسلام علیکم',
    'سلام',
    'ہیلو',
    'وعلیکم السلام',
    'menu',
    'مینیو',
    '0',
    '1',
    '۱',
  ];
  it.each(greetings)('%s', (greeting) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    chat.session = { ...chat.session!, flow: undefined };
    // Act
    const { replies, commands } = chat.text(greeting);
    // Assess
    expect(isMenu(textOf(replies))).toBe(true);
    expect(commands).toEqual([]);
  });

  it('"1" picks service 1 while the menu is open, and greets again once the menu went stale', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('aoa');
    // Act
    const fresh = textOf(chat.text('1').replies);
    const stale = textOf(chat.send({ kind: 'text', text: '1' }, MENU_IDLE_MS + 60_000).replies);
    // Assess
    expect(fresh).toContain('انسپکٹر جنرل');
    expect(isMenu(stale)).toBe(true);
  });

  it('"Islamabad" is not a greeting', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    chat.session = { ...chat.session!, flow: undefined };
    // Act
    const { replies } = chat.text('Islamabad se hoon');
    // Assess
    expect(isMenu(textOf(replies))).toBe(false);
  });
});

describeWithCorpus('test/unit/chat/conversation.test.ts', () => {
  const realGreetings = loadRomanUrduRows().filter((r) => r.category === 'greeting');
  it('the fixture has real Roman-Urdu greetings', () => {
    expect(realGreetings.length).toBeGreaterThanOrEqual(10);
  });
  it.each(realGreetings.map((r) => r.text))('real Roman-Urdu greeting: %s', (text) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    chat.session = { ...chat.session!, flow: undefined };
    // Act
    const { replies } = chat.text(text);
    // Assess
    expect(isMenu(textOf(replies))).toBe(true);
    expect(chat.session?.language).toBe('ur');
  });

  it.each(
    loadRomanUrduRows()
      .filter((r) => r.category === 'complaint')
      .map((r) => r.text),
  )('a real complaint sentence is not taken for a greeting: %s', (text) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    chat.session = { ...chat.session!, flow: undefined };
    // Act
    const { replies } = chat.text(text);
    // Assess
    expect(isMenu(textOf(replies))).toBe(false);
  });
});

describe('language', () => {
  it('is Urdu by default, English when the citizen writes English, and remembered', () => {
    // Prepare
    const chat = new ChatHarness();
    // Act
    const first = chat.text('salam');
    const english = chat.text('I want to know the helpline numbers please');
    const next = chat.text('5');
    // Assess
    expect(first.session.language).toBe('ur');
    expect(english.session.language).toBe('en');
    expect(textOf(next.replies)).toContain('Helpline numbers');
  });

  it('an explicit choice sticks even when the citizen then writes the other language', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('english');
    // Act
    chat.text('mujhe samajh nahi aa raha yeh kaise chalta hai');
    const result = chat.text('5');
    // Assess
    expect(result.session.languageChosen).toBe(true);
    expect(textOf(result.replies)).toContain('Helpline numbers');
  });

  it('switches at any time, even mid-complaint, and re-asks the current question', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('3');
    chat.tap('cmp:ig');
    // Act
    const { replies, session } = chat.text('اردو');
    // Assess
    expect(session.language).toBe('ur');
    expect(textOf(replies)).toContain('ضلع');
    expect(session.flow).toMatchObject({ kind: 'complaint', step: 'district' });
  });
});

const completeComplaint = (chat: ChatHarness, district: string, description: string, yes: string) => {
  chat.text(district);
  chat.text('1');
  chat.text(description);
  // In Faisalabad, the district the tests choose: a location elsewhere would ask which district is meant.
  chat.send({ kind: 'location', latitude: 31.4187, longitude: 73.0791, name: 'Ghanta Ghar' });
  chat.send({ kind: 'media', mediaKind: 'image', mediaId: 'media-photo-1', mimeType: 'image/jpeg' });
  chat.send({ kind: 'media', mediaKind: 'audio', mediaId: 'media-voice-1', mimeType: 'audio/ogg' });
  chat.tap('done');
  return chat.text(yes);
};

describe('filing a complaint in chat', () => {
  it('in Urdu, from the IG complaint cell, ends in a fileComplaint command', () => {
    // Prepare
    const chat = new ChatHarness({
      id: 'bsuid-1',
      waId: '923001234567',
      phone: '+923001234567',
      name: 'Bilal',
    });
    chat.text('السلام علیکم');
    chat.text('3');
    chat.tap('cmp:ig', 'شکایت درج کریں');
    // Act
    const done = completeComplaint(
      chat,
      'فیصل آباد',
      'تھانے کے محرر نے ایف آئی آر درج کرنے کے پیسے مانگے',
      'جی',
    );
    // Assess
    const { draft } = only(done.commands, 'fileComplaint');
    expect(draft).toEqual({
      district: 'FSD',
      category: 'police_misconduct',
      description: 'تھانے کے محرر نے ایف آئی آر درج کرنے کے پیسے مانگے',
      location: { latitude: 31.4187, longitude: 73.0791, address: 'Ghanta Ghar' },
      attachments: [
        { kind: 'image', mediaId: 'media-photo-1', mimeType: 'image/jpeg' },
        { kind: 'audio', mediaId: 'media-voice-1', mimeType: 'audio/ogg' },
      ],
      complainant: { name: 'Bilal', phone: '+923001234567', whatsappId: 'bsuid-1', overseas: false },
      language: 'ur',
      optOutOfUpdates: false,
    });
    expect(done.session.flow).toBeUndefined();
  });

  it('in English, from crime report, with a misspelled district and no profile name', () => {
    // Prepare
    const chat = new ChatHarness({
      id: '447700900123',
      waId: '447700900123',
      phone: '+447700900123',
      country: 'GB',
    });
    chat.text('hello');
    chat.text('english');
    chat.text('2');
    chat.text('complaint');
    // Act
    const district = chat.text('faislabad');
    chat.text('1');
    const description = chat.text('My motorcycle was stolen outside the mosque on Friday');
    chat.tap('skip');
    chat.tap('done');
    const askName = chat.session?.flow;
    chat.text('Usman Tariq');
    const summary = chat.session?.flow;
    const done = chat.tap('cf:yes', 'Submit');
    // Assess
    expect(textOf(district.replies)).toContain('District: *Faisalabad*');
    expect(textOf(description.replies)).toContain('location');
    expect(askName).toMatchObject({ step: 'name' });
    expect(summary).toMatchObject({ step: 'confirm' });
    const { draft } = only(done.commands, 'fileComplaint');
    expect(draft).toMatchObject({
      district: 'FSD',
      category: 'theft_robbery',
      description: 'My motorcycle was stolen outside the mosque on Friday',
      attachments: [],
      complainant: { name: 'Usman Tariq', whatsappId: '447700900123', overseas: true, country: 'GB' },
      language: 'en',
      optOutOfUpdates: false,
    });
    expect(draft.location).toBeUndefined();
    expect(draft.priority).toBeUndefined();
  });

  it.each([
    ['1', 'Submit (the first button): files it'],
    ['2', 'Cancel (the second button): files nothing'],
  ])('takes "%s" typed at the final confirmation as %s', (typed) => {
    // Prepare: an English theft complaint from Faisalabad, answered up to the confirmation
    const chat = inLanguage('en');
    chat.text('complaint');
    chat.text('faisalabad');
    chat.text('1');
    chat.text('My motorcycle was stolen outside the mosque on Friday');
    chat.tap('skip');
    chat.tap('done');
    chat.text('Usman Tariq');
    const asked = chat.session?.flow;
    // Act
    const answered = chat.text(typed);
    // Assess
    expect(asked).toMatchObject({ step: 'confirm' });
    const filed = answered.commands.filter((command) => command.kind === 'fileComplaint');
    expect(filed).toHaveLength(typed === '1' ? 1 : 0);
    expect(answered.session.flow).toBeUndefined();
  });

  it('takes the category from the message that asked to complain ("meri motorcycle chori ho gayi hai")', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const opened = chat.text('meri motorcycle chori ho gayi hai');
    const district = chat.text('lahore');
    // Assess
    expect(textOf(opened.replies)).toContain('شکایت کی قسم: *چوری یا ڈکیتی*');
    expect(opened.session.flow).toMatchObject({ step: 'district', draft: { category: 'theft_robbery' } });
    expect(district.session.flow).toMatchObject({ step: 'description', draft: { district: 'LHR' } });
  });

  it.each([
    ['SHO ne FIR nahi kati', 'fir_not_registered'],
    ['thanedar rishwat mang raha hai', 'corruption'],
    ['mere plot par qabza ho gaya hai', 'property_dispute'],
    ['مجھے بھتے کی دھمکیاں مل رہی ہیں', 'threats_extortion'],
    ['mera bhai 3 din se ghar nahi aaya', 'missing_person'],
    ['mere bhai ko police ne bina wajah pakar liya hai', 'illegal_detention'],
    ['mera challan ghalat hua hai', 'traffic'],
    ['meri behan kal se lapata hai', 'missing_person'],
    ['میرے والد کل سے گھر واپس نہیں آئے', 'missing_person'],
  ])('"%s" opens a complaint about %s', (message, category) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const opened = chat.text(message);
    // Assess
    expect(opened.session.flow).toMatchObject({ kind: 'complaint', draft: { category } });
  });

  it('a missing grown-up: told to call 15 or the nearest station now, as well as the complaint', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const opened = chat.text('my brother has been missing since yesterday');
    // Assess
    expect(opened.session.flow).toMatchObject({ kind: 'complaint', draft: { category: 'missing_person' } });
    expect(textOf(opened.replies)).toContain('If someone is missing, also call *15* now');
  });

  it.each([
    'my phone was snatched near liberty market what should I do',
    'mera mobile cheen liya gaya kya karun',
  ])('"%s": a crime and "what should I do" opens a complaint, not "Did you mean"', (message) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const opened = chat.text(message);
    // Assess
    expect(opened.session.flow).toMatchObject({ kind: 'complaint', draft: { category: 'theft_robbery' } });
  });

  it('a child who has not come home is still Zainab Alert (a missing child), not an adult gone missing', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const answered = chat.text('mera beta kal se ghar nahi aaya');
    // Assess
    expect(answered.session.flow).toMatchObject({ origin: 'zainab', draft: { category: 'missing_child' } });
    expect(textOf(answered.replies)).toContain('زینب الرٹ');
  });

  it('"someone hacked my facebook account and is blackmailing me" is a cybercrime complaint, not the police’s pages', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const opened = chat.text('someone hacked my facebook account and is blackmailing me');
    // Assess
    expect(opened.session.flow).toMatchObject({ kind: 'complaint', draft: { category: 'cybercrime' } });
  });

  it.each(['complaint karni hai', 'chori aur rishwat dono ki shikayat'])(
    '"%s" names no single category, so the citizen picks it',
    (message) => {
      // Prepare
      const chat = new ChatHarness();
      chat.text('salam');
      // Act
      chat.text(message);
      const district = chat.text('lahore');
      // Assess
      expect(district.session.flow).toMatchObject({ step: 'category' });
    },
  );

  it('an answer to the category question in the citizen’s own words gives the category and the description', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('complaint');
    chat.text('lahore');
    const story = 'Last night at 9 my Honda 125 was stolen outside the market on Ferozepur Road';
    // Act
    const answered = chat.text(story);
    // Assess
    expect(textOf(answered.replies)).toContain('Complaint about: *Theft or robbery*');
    expect(answered.session.flow).toMatchObject({
      step: 'location',
      draft: { category: 'theft_robbery', description: story },
    });
  });

  it('a story that names no category is kept as the description while the category is asked again', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('complaint');
    chat.text('lahore');
    const story = 'The people next door keep parking across my gate every night';
    // Act
    const answered = chat.text(story);
    const picked = chat.text('12');
    // Assess
    expect(textOf(answered.replies)).toContain('Your description is noted');
    expect(answered.session.flow).toMatchObject({ step: 'category', draft: { description: story } });
    expect(picked.session.flow).toMatchObject({
      step: 'location',
      draft: { category: 'other', description: story },
    });
  });

  it('asks which district when a typo is equally close to two', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('complaint');
    // Act
    const { replies } = chat.text('Bahawalngr');
    const stillAsking = chat.session?.flow;
    const picked = chat.tap('dist:BWN', 'Bahawalnagar');
    // Assess
    expect(replyIds(replies)).toEqual(['dist:BWP', 'dist:BWN']);
    expect(stillAsking).toMatchObject({ step: 'district' });
    expect(picked.session.flow).toMatchObject({ step: 'category', draft: { district: 'BWN' } });
  });

  it('offers the region list when the district is unknown, and takes a picked district', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('complaint');
    // Act
    const unknown = chat.text('Karachi');
    const region = chat.tap('reg:dg_khan');
    const picked = chat.tap('dist:LYH', 'Layyah');
    // Assess
    expect(textOf(unknown.replies)).toContain('could not find');
    expect(replyIds(unknown.replies)).toContain('reg:lahore');
    expect(replyIds(region.replies)).toContain('dist:LYH');
    expect(picked.session.flow).toMatchObject({ step: 'category', draft: { district: 'LYH' } });
  });

  it('"cancel" (or منسوخ) leaves the flow without filing anything', () => {
    for (const word of ['cancel', 'منسوخ']) {
      // Prepare
      const chat = inLanguage('ur');
      chat.text('2');
      chat.tap('cmp:crime');
      chat.text('lahore');
      // Act
      const result = chat.text(word);
      // Assess
      expect(result.commands).toEqual([]);
      expect(result.session.flow).toBeUndefined();
      expect(textOf(result.replies)).toContain('منسوخ');
    }
  });

  it('a voice note can be the description', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('complaint');
    chat.text('Multan');
    chat.text('2');
    // Act
    const result = chat.send({
      kind: 'media',
      mediaKind: 'audio',
      mediaId: 'voice-9',
      mimeType: 'audio/ogg',
    });
    // Assess
    expect(result.session.flow).toMatchObject({
      step: 'location',
      draft: {
        description: '(Description given as a voice note; see attachments.)',
        attachments: [{ kind: 'audio', mediaId: 'voice-9', describesComplaint: true }],
      },
    });
  });

  it('a voice note with a long caption is evidence; the caption is the description', () => {
    // Prepare
    const chat = inLanguage('en');
    chat.text('complaint');
    chat.text('Multan');
    chat.text('2');
    // Act
    const result = chat.send({
      kind: 'media',
      mediaKind: 'audio',
      mediaId: 'voice-10',
      caption: 'My motorcycle was stolen outside the market today',
    });
    // Assess
    expect(result.session.flow).toMatchObject({
      draft: { attachments: [{ kind: 'audio', mediaId: 'voice-10' }] },
    });
    const flow = result.session.flow;
    expect(flow?.kind === 'complaint' && flow.draft.attachments[0]?.describesComplaint).toBeFalsy();
  });
});

describe('adding evidence to a complaint already filed', () => {
  it('"add to my complaint" then photos: one addEvidence command per file, until "done"', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const asked = chat.text('add to my complaint');
    const photo = chat.send({ kind: 'media', mediaKind: 'image', mediaId: 'late-1', mimeType: 'image/jpeg' });
    const voice = chat.send({ kind: 'media', mediaKind: 'audio', mediaId: 'late-2' });
    const done = chat.text('done');
    // Assess
    expect(textOf(asked.replies)).toContain('your latest open complaint');
    expect(photo.commands).toEqual([
      { kind: 'addEvidence', attachment: { kind: 'image', mediaId: 'late-1', mimeType: 'image/jpeg' } },
    ]);
    expect(voice.commands).toEqual([
      { kind: 'addEvidence', attachment: { kind: 'audio', mediaId: 'late-2' } },
    ]);
    expect(done.session.flow).toBeUndefined();
    expect(done.commands).toEqual([]);
  });

  it('names the complaint when the citizen gives its e-tag, in Urdu too', () => {
    // Prepare
    const chat = inLanguage('ur');
    const etag = ETAG;
    // Act
    const asked = chat.text(`شکایت ${etag} میں شامل کریں`);
    const photo = chat.send({ kind: 'media', mediaKind: 'image', mediaId: 'late-3' });
    // Assess
    expect(asked.session.flow).toEqual({ kind: 'addEvidence', etag });
    expect(photo.commands).toEqual([
      { kind: 'addEvidence', etag, attachment: { kind: 'image', mediaId: 'late-3' } },
    ]);
  });

  it('a photo captioned "add to my complaint" goes to the complaint without asking first', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const result = chat.send({
      kind: 'media',
      mediaKind: 'document',
      mediaId: 'late-4',
      mimeType: 'application/pdf',
      caption: 'add to my complaint',
    });
    // Assess
    expect(only(result.commands, 'addEvidence').attachment).toEqual({
      kind: 'document',
      mediaId: 'late-4',
      mimeType: 'application/pdf',
    });
  });

  it('a photo with no complaint open or asked for gets the pointer, and no command', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const result = chat.send({ kind: 'media', mediaKind: 'image', mediaId: 'stray-1' });
    // Assess
    expect(result.commands).toEqual([]);
    expect(textOf(result.replies)).toContain('add to my complaint');
  });
});

describe('gender-harassment report', () => {
  it('is discreet, high priority and lets the citizen opt out of follow-up messages', () => {
    // Prepare
    const chat = new ChatHarness({ id: 'c-9', waId: '923331112222', phone: '+923331112222', name: 'Ayesha' });
    chat.text('english');
    const intro = chat.text('6');
    chat.tap('cmp:harassment');
    chat.text('Rawalpindi');
    // Act
    const categoryStep = chat.session?.flow;
    chat.text('1');
    chat.text('A man from my office keeps sending me threatening messages at night');
    chat.tap('skip');
    const followUps = chat.tap('done');
    chat.tap('fu:no', 'No messages');
    const done = chat.tap('cf:yes');
    // Assess
    expect(textOf(intro.replies)).toContain('confidential');
    expect(categoryStep).toMatchObject({ step: 'category' });
    expect(replyIds(followUps.replies)).toEqual(['fu:yes', 'fu:no']);
    const { draft } = only(done.commands, 'fileComplaint');
    expect(draft.category).toBe('harassment');
    expect(draft.priority).toBe('high');
    expect(draft.optOutOfUpdates).toBe(true);
  });
});

describe('violence at home', () => {
  it.each(['my husband beats me', 'mera shohar mujhe marta hai', 'سسرال والے تشدد کرتے ہیں'])(
    '"%s" opens the discreet harassment report, not a menu of guesses',
    (message) => {
      // Prepare
      const chat = new ChatHarness();
      chat.text('salam');
      // Act
      const { replies } = chat.text(message);
      // Assess
      expect(replyIds(replies)).toContain('cmp:harassment');
    },
  );
});

describe('sensitive categories chosen from other services', () => {
  /** Domestic violence reported from the crime service, answered up to the follow-up messages question. */
  const upToFollowUps = () => {
    const chat = inLanguage('en');
    chat.text('2');
    chat.tap('cmp:crime');
    chat.text('Sheikhupura');
    chat.tap('cat:domestic_violence');
    chat.text('My husband beats me and my children every night');
    chat.tap('skip');
    return { chat, asked: chat.tap('done') };
  };

  it('domestic violence reported as a crime also asks about follow-up messages', () => {
    // Prepare
    const { chat, asked } = upToFollowUps();
    // Act
    chat.tap('fu:yes');
    chat.text('Rabia');
    const done = chat.tap('cf:yes');
    // Assess
    expect(replyIds(asked.replies)).toEqual(['fu:yes', 'fu:no']);
    expect(only(done.commands, 'fileComplaint').draft).toMatchObject({
      category: 'domestic_violence',
      optOutOfUpdates: false,
    });
  });

  it('takes the buttons’ numbers typed: "2" declines follow-up messages and "1" then submits', () => {
    // Prepare
    const { chat } = upToFollowUps();
    // Act
    chat.text('2');
    chat.text('Rabia');
    const done = chat.text('1');
    // Assess
    expect(only(done.commands, 'fileComplaint').draft).toMatchObject({
      category: 'domestic_violence',
      optOutOfUpdates: true,
    });
  });
});

describe('Zainab Alert', () => {
  it('first says call 15 and 1099, then takes the child details and files an urgent missing_child complaint', () => {
    // Prepare
    const chat = new ChatHarness({
      id: 'c-11',
      waId: '923004445555',
      phone: '+923004445555',
      name: 'Nasreen',
    });
    chat.text('salam');
    // Act
    const opened = chat.text('11');
    const details = chat.text(
      'Mera beta Ahmed, 7 saal, neeli shirt, Data Darbar ke paas 5 baje se lapata hai',
    );
    chat.text('lahore');
    chat.send({ kind: 'location', latitude: 31.5795, longitude: 74.3053 });
    chat.send({ kind: 'media', mediaKind: 'image', mediaId: 'child-photo', mimeType: 'image/jpeg' });
    chat.tap('done');
    const done = chat.tap('cf:yes');
    // Assess
    const [first, second] = opened.replies;
    expect(first?.kind === 'text' && first.body).toContain('*15*');
    expect(first?.kind === 'text' && first.body).toContain('*1099*');
    expect(textOf(second ? [second] : [])).toContain('بچے کی تفصیل');
    expect(opened.commands).toEqual([]);
    expect(details.session.flow).toMatchObject({ step: 'district' });
    const { draft } = only(done.commands, 'fileComplaint');
    expect(draft).toMatchObject({ category: 'missing_child', priority: 'urgent', district: 'LHR' });
    expect(draft.description).toContain('Ahmed');
    expect(draft.attachments).toEqual([{ kind: 'image', mediaId: 'child-photo', mimeType: 'image/jpeg' }]);
  });

  it('"bacha gum ho gaya" leads to the Zainab Alert too', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const { replies } = chat.text('mera bacha gum ho gaya hai');
    // Assess
    expect(textOf(replies)).toContain('1099');
  });
});

describe('tracking', () => {
  const etag = generateEtag('LHR', (n) => new Uint8Array(n).fill(7));

  it.each([
    etag,
    etag.toLowerCase(),
    etag.replace(/-/g, ' '),
    etag.replace(/-/g, ''),
    `status of ${etag.toLowerCase()} please`,
  ])('an e-tag typed as "%s" asks for that complaint', (typed) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const result = chat.text(typed);
    // Assess
    expect(only(result.commands, 'trackComplaints')).toEqual({ kind: 'trackComplaints', etag });
  });

  it.each(['status', 'track', 'حیثیت'])('"%s" asks for all of the citizen\'s complaints', (word) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const result = chat.text(word);
    // Assess
    expect(only(result.commands, 'trackComplaints')).toEqual({ kind: 'trackComplaints' });
  });

  it('an e-tag with a wrong check character is refused politely, with no command', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    const last = etag.at(-1) === '0' ? '1' : '0';
    // Act
    const result = chat.text(`${etag.slice(0, -1)}${last}`);
    // Assess
    expect(result.commands).toEqual([]);
    expect(textOf(result.replies)).toContain('ای ٹیگ');
  });
});

describe('emergencies', () => {
  it.each([
    'help me they are breaking in',
    'bachao daku ghar mein hain',
    'فائرنگ ہو رہی ہے',
    'emergency!',
    'mere bhai ko kidnap kar liya',
    'ghar mein aag lag gayi',
  ])('"%s" gets "call 15" before anything else', (text) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const { replies } = chat.text(text);
    // Assess
    const first = replies[0];
    expect(first?.kind).toBe('text');
    expect(first?.kind === 'text' && first.body).toContain('*15*');
    expect(first?.kind === 'text' && first.body.startsWith('🚨')).toBe(true);
  });

  it('mid-complaint the warning comes first and the text still fills the description', () => {
    // Prepare
    const chat = inLanguage('ur');
    chat.text('complaint');
    chat.text('lahore');
    chat.text('1');
    // Act
    const result = chat.text('daku abhi abhi mera phone cheen kar bhage hain');
    // Assess
    expect(textOf(result.replies.slice(0, 1))).toContain('*15*');
    expect(result.session.flow).toMatchObject({
      step: 'location',
      draft: { description: 'daku abhi abhi mera phone cheen kar bhage hain' },
    });
  });

  it('ordinary words that contain emergency words are not emergencies', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const { replies } = chat.text('aage kya karna hai');
    // Assess
    expect(textOf(replies)).not.toContain('🚨');
  });
});

describe('flood control', () => {
  it(`after ${FLOOD_MAX_MESSAGES} messages in a minute: one polite notice, then silence until the window passes`, () => {
    // Prepare
    const chat = new ChatHarness();
    for (let i = 0; i < FLOOD_MAX_MESSAGES; i++) chat.text('salam', 1_000);
    // Act
    const notice = chat.text('salam', 1_000);
    const ignored = [chat.text('status', 1_000), chat.text('2', 1_000)];
    const after = chat.text('status', 61_000);
    // Assess
    expect(notice.replies).toHaveLength(1);
    expect(textOf(notice.replies)).toContain('ایک منٹ');
    for (const r of ignored) {
      expect(r.replies).toEqual([]);
      expect(r.commands).toEqual([]);
    }
    expect(only(after.commands, 'trackComplaints')).toEqual({ kind: 'trackComplaints' });
  });

  it('an emergency still gets "call 15" while flooding', () => {
    // Prepare
    const chat = new ChatHarness();
    for (let i = 0; i < FLOOD_MAX_MESSAGES + 2; i++) chat.text('hello', 1_000);
    // Act
    const result = chat.text('bachao', 1_000);
    // Assess
    expect(textOf(result.replies)).toContain('*15*');
    expect(result.commands).toEqual([]);
  });
});

describe('acknowledgements ("ok", "theek hai", 👍)', () => {
  const acknowledged = {
    ur: 'جب بھی ضرورت ہو، مینیو کے لیے *0* لکھیں۔',
    en: 'Whenever you need us, type *0* for the menu.',
  };
  it.each([
    'ok',
    'OK',
    'Okay',
    'okkkk',
    'theek hai',
    'Theek hai sir',
    'thik h',
    'ji',
    'G',
    'acha',
    'Achha ji',
    'done',
    'ok sir',
    '👍',
    '👍🏽',
    '🙏',
    '👍👍',
    'ٹھیک ہے',
    'جی',
    'اچھا',
    'جی ہاں',
  ])('%s after an answer gets one short line back, not a menu of guesses', (message) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    chat.text('5');
    // Act
    const { replies, commands } = chat.text(message);
    // Assess
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toContain(acknowledged.ur);
    expect(replyIds(replies)).toEqual([]);
    expect(commands).toEqual([]);
  });

  it('answers in the citizen’s language', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('hello');
    // Act
    const reply = textOf(chat.text('ok').replies);
    // Assess
    expect(reply).toContain(acknowledged.en);
  });

  it.each(['ok status', 'ok mera complaint darj karo', 'good morning', 'ji meri shikayat ka kya bana'])(
    '%s asks for something, so it is not taken for an acknowledgement',
    (message) => {
      // Prepare
      const chat = new ChatHarness();
      chat.text('salam');
      chat.text('5');
      // Act
      const reply = textOf(chat.text(message).replies);
      // Assess
      expect(reply).not.toContain(acknowledged.ur);
    },
  );

  it('a first message "ok" opens the menu, and inside a complaint "ok" belongs to the complaint', () => {
    // Prepare
    const newcomer = new ChatHarness();
    const filing = new ChatHarness();
    filing.text('salam');
    filing.tap('cmp:general');
    // Act
    const first = textOf(newcomer.text('ok').replies);
    const inFlow = textOf(filing.text('ok').replies);
    // Assess
    expect(isMenu(first)).toBe(true);
    expect(inFlow).not.toContain(acknowledged.ur);
  });
});

describe('other message kinds', () => {
  it.each([
    { kind: 'media', mediaKind: 'sticker', mediaId: 's1' },
    { kind: 'contacts' },
    { kind: 'unsupported' },
    { kind: 'location', latitude: 31.5, longitude: 74.3 },
    { kind: 'media', mediaKind: 'image', mediaId: 'i1' },
  ] as const)('$kind gets one short help reply, then none for 10 minutes', (payload) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const first = chat.send(payload);
    const again = chat.send(payload, 60_000);
    const later = chat.send(payload, 10 * 60_000);
    // Assess
    expect(first.replies).toHaveLength(1);
    expect(textOf(first.replies)).toContain('0');
    expect(first.commands).toEqual([]);
    expect(again.replies).toEqual([]);
    expect(later.replies).toHaveLength(1);
  });

  it('a burst of stickers, contact cards and unknown types gets one help reply in all', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const replies = [
      chat.send({ kind: 'media', mediaKind: 'sticker', mediaId: 's1' }, 0),
      chat.send({ kind: 'contacts' }, 0),
      chat.send({ kind: 'unsupported' }, 0),
    ].flatMap((r) => r.replies);
    // Assess
    expect(replies).toHaveLength(1);
  });

  it.each([{ kind: 'reaction', emoji: '👍' }, { kind: 'reaction' }, { kind: 'group' }] as const)(
    '$kind gets no reply at all',
    (payload) => {
      const chat = new ChatHarness();
      chat.text('salam');
      expect(chat.send(payload).replies).toEqual([]);
    },
  );

  it('a sticker during a complaint is not evidence; a photo is', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    chat.tap('cmp:general');
    // Act
    const sticker = chat.send({ kind: 'media', mediaKind: 'sticker', mediaId: 's1' });
    const photo = chat.send({ kind: 'media', mediaKind: 'image', mediaId: 'p1' });
    // Assess
    expect(textOf(sticker.replies)).not.toContain('1/5');
    expect(textOf(photo.replies)).toContain('1/5');
    expect(chat.session?.flow).toMatchObject({ draft: { attachments: [{ mediaId: 'p1' }] } });
  });

  it('a system notice gets no reply', () => {
    // Prepare
    const chat = new ChatHarness();
    // Act
    const result = chat.send({ kind: 'system' });
    // Assess
    expect(result.replies).toEqual([]);
  });

  it('a template quick-reply payload works like a button', () => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const result = chat.send({ kind: 'button', payload: `fb:yes:${ETAG}`, text: 'Yes' });
    // Assess
    expect(only(result.commands, 'complaintFeedback')).toEqual({
      kind: 'complaintFeedback',
      etag: ETAG,
      satisfied: true,
    });
  });
});

describe('satisfaction and opt-out', () => {
  it('"not satisfied" asks why, then records the reason', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const asked = chat.tap(`fb:no:${ETAG}`, 'Not satisfied');
    const done = chat.text('Nobody called me and the accused still threatens us');
    // Assess
    expect(asked.commands).toEqual([]);
    expect(only(done.commands, 'complaintFeedback')).toEqual({
      kind: 'complaintFeedback',
      etag: ETAG,
      satisfied: false,
      reason: 'Nobody called me and the accused still threatens us',
    });
  });

  it("answers an officer's request for information: Answer button, then the text goes to the officer", () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const asked = chat.tap(`info:${ETAG}`, 'Answer');
    const done = chat.text('The motorcycle is a black Honda 125, registration LEA-1234');
    // Assess
    expect(asked.commands).toEqual([]);
    expect(textOf(asked.replies)).toContain('answer');
    expect(only(done.commands, 'answerInformationRequest')).toEqual({
      kind: 'answerInformationRequest',
      etag: ETAG,
      text: 'The motorcycle is a black Honda 125, registration LEA-1234',
    });
    expect(chat.session?.flow).toBeUndefined();
  });

  it('"stop updates" opts out of follow-up messages', () => {
    // Prepare
    const chat = inLanguage('en');
    // Act
    const result = chat.text('stop updates');
    // Assess
    expect(only(result.commands, 'setOptOut')).toEqual({ kind: 'setOptOut', optOut: true });
  });
});
