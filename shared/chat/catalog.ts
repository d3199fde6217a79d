/**
 * What the bot says about the 15 services, in Urdu and English, as data. Facts only where we are sure;
 * numbers and addresses still to be confirmed by operations are listed in docs/chat.md, not here.
 */
import {
  CAPITAL_CITY_DISTRICT,
  CITY_POLICE_DISTRICTS,
  type District,
  type Region,
} from '../domain/districts.ts';
import type { ComplaintOrigin, Language } from './types.ts';

export interface Bilingual {
  ur: string;
  en: string;
}

export type ServiceId =
  | 'about'
  | 'crimeReport'
  | 'igComplaintCell'
  | 'khidmatMarkaz'
  | 'helplines'
  | 'genderHarassment'
  | 'policeOffices'
  | 'overseas'
  | 'socialMedia'
  | 'website'
  | 'zainabAlert'
  | 'mostWanted'
  | 'citizenPortal'
  | 'servantVerification'
  | 'feedback';

export interface Service {
  /** Position in the main menu, 1..15. */
  number: number;
  id: ServiceId;
  /** Menu line. */
  title: Bilingual;
  /** Button label (≤ 20 characters) when the title is longer. */
  button?: Bilingual;
  /** The answer. Services with a flow (7, 11, 15) use it as the flow's opening text. */
  body: Bilingual;
  /** Offers filing a complaint in chat from this service. */
  complaintOrigin?: ComplaintOrigin;
}

export const pick = (text: Bilingual, lang: Language): string => text[lang];

const ABOUT: Bilingual = {
  en: `*About Punjab Police*
Punjab Police is the police force of the Province of Punjab and the largest police force in Pakistan.

• It is led by the *Inspector General of Police (IGP) Punjab* from the Central Police Office (CPO), Lahore.
• Lahore is headed by the *Capital City Police Officer (CCPO)*; Rawalpindi, Faisalabad, Multan and Gujranwala each by a *City Police Officer (CPO)*; every other district by a *District Police Officer (DPO)*. Regions are headed by *Regional Police Officers (RPO)*, sub-divisions by *SDPOs* and every police station by its *Station House Officer (SHO)*.
• Specialised units include the Counter Terrorism Department (CTD), Punjab Highway Patrol, Dolphin Squad, traffic police and the Police Khidmat Markaz network of citizen services.
• The police work under the Police Order 2002 (as amended) and the Code of Criminal Procedure.

Emergency: *15* · Helpline: *1787* · Website: punjabpolice.gov.pk`,
  ur: `*پنجاب پولیس کا تعارف*
پنجاب پولیس صوبہ پنجاب کی پولیس فورس اور پاکستان کی سب سے بڑی پولیس فورس ہے۔

• اس کی سربراہی *انسپکٹر جنرل آف پولیس (آئی جی پی) پنجاب* سینٹرل پولیس آفس (سی پی او) لاہور سے کرتے ہیں۔
• لاہور پولیس کے سربراہ *کیپیٹل سٹی پولیس آفیسر (سی سی پی او)* ہیں؛ راولپنڈی، فیصل آباد، ملتان اور گوجرانوالہ میں *سٹی پولیس آفیسر (سی پی او)*؛ باقی ہر ضلع میں *ڈسٹرکٹ پولیس آفیسر (ڈی پی او)*۔ ریجنز کے سربراہ *ریجنل پولیس آفیسر (آر پی او)*، سب ڈویژنز میں *ایس ڈی پی او* اور ہر تھانے میں *ایس ایچ او* انچارج ہوتے ہیں۔
• خصوصی یونٹس میں کاؤنٹر ٹیررازم ڈیپارٹمنٹ (سی ٹی ڈی)، پنجاب ہائی وے پٹرول، ڈولفن اسکواڈ، ٹریفک پولیس اور شہری خدمات کے لیے پولیس خدمت مراکز شامل ہیں۔
• پولیس، پولیس آرڈر 2002 (ترمیم شدہ) اور ضابطہ فوجداری کے تحت کام کرتی ہے۔

ایمرجنسی: *15* · ہیلپ لائن: *1787* · ویب سائٹ: punjabpolice.gov.pk`,
};

const CRIME_REPORT: Bilingual = {
  en: `*Report a crime*
• Crime happening now, or someone in danger: call *15* immediately.
• To register a case (FIR), go to the police station of the area where the crime happened. For a cognizable offence the duty officer must write down your report and give you a *free copy of the FIR* (Section 154 CrPC). The nearest Police Khidmat Markaz can also help.
• If the police station does not register your FIR, complain here and choose "FIR not registered": it goes to senior officers.
• Keep evidence: photos, videos, receipts, names of witnesses.

You can file a complaint right here in WhatsApp: press *File complaint* or type *complaint*. Type *FIR* to read how an FIR is registered.`,
  ur: `*جرم کی اطلاع*
• اگر جرم ابھی ہو رہا ہے یا کسی کی جان خطرے میں ہے تو فوراً *15* پر کال کریں۔
• مقدمہ (ایف آئی آر) درج کروانے کے لیے اُس علاقے کے تھانے جائیں جہاں واقعہ ہوا۔ قابلِ دست اندازی جرم کی صورت میں ڈیوٹی افسر آپ کی رپورٹ درج کرنے اور *ایف آئی آر کی مفت نقل* دینے کا پابند ہے (دفعہ 154 ضابطہ فوجداری)۔ قریبی پولیس خدمت مرکز سے بھی مدد لی جا سکتی ہے۔
• اگر تھانہ ایف آئی آر درج نہ کرے تو یہاں شکایت کریں اور "ایف آئی آر درج نہیں ہوئی" منتخب کریں، شکایت سینئر افسران تک جائے گی۔
• ثبوت محفوظ رکھیں: تصاویر، ویڈیو، رسیدیں، گواہوں کے نام۔

آپ یہیں واٹس ایپ پر شکایت درج کر سکتے ہیں: *شکایت درج کریں* کا بٹن دبائیں یا *شکایت* لکھیں۔ ایف آئی آر کا طریقہ جاننے کے لیے *FIR* لکھیں۔`,
};

const IG_COMPLAINT_CELL: Bilingual = {
  en: `*IG Complaint Cell — 8787*
The Inspector General of Police's complaint cell at the Central Police Office, Lahore, hears complaints about police officers and police services: misbehaviour, bribery, refusal to register an FIR, delay in investigation, illegal detention.

• Call *8787* (IG complaint cell) or *1787* (Punjab Police helpline).
• Or file your complaint here in WhatsApp: you get an *e-tag number* and can follow every action taken, right in this chat.
• Your complaint goes to officers above the one you complain about, and is followed until it is resolved.

Press *File complaint* or type *complaint*. To see your complaints, type *status*.`,
  ur: `*آئی جی کمپلینٹ سیل — 8787*
سینٹرل پولیس آفس لاہور میں انسپکٹر جنرل پولیس کا کمپلینٹ سیل پولیس افسران اور پولیس خدمات کے بارے میں شکایات سنتا ہے: بدسلوکی، رشوت، ایف آئی آر درج نہ کرنا، تفتیش میں تاخیر، غیر قانونی حراست۔

• *8787* (آئی جی کمپلینٹ سیل) یا *1787* (پنجاب پولیس ہیلپ لائن) پر کال کریں۔
• یا یہیں واٹس ایپ پر شکایت درج کریں: آپ کو *ای ٹیگ نمبر* ملے گا اور ہر کارروائی کی خبر اسی چیٹ میں ملے گی۔
• آپ کی شکایت متعلقہ افسر سے اوپر کے افسران کو جاتی ہے اور حل ہونے تک اس کی نگرانی کی جاتی ہے۔

*شکایت درج کریں* کا بٹن دبائیں یا *شکایت* لکھیں۔ اپنی شکایات دیکھنے کے لیے *حیثیت* لکھیں۔`,
};

const KHIDMAT_MARKAZ: Bilingual = {
  en: `*Police Khidmat Markaz (PKM)*
One-window police service centres in every district of Punjab. Bring your *original CNIC* to every visit; the fee, where one applies, is the one notified by the government and is paid at the centre against a receipt. Never pay anyone outside the counter.

Reply with a number:`,
  ur: `*پولیس خدمت مرکز*
پنجاب کے ہر ضلع میں پولیس کی ون ونڈو خدمات۔ ہر بار *اصل شناختی کارڈ* ساتھ لائیں؛ جہاں فیس ہو وہ حکومت کی مقرر کردہ ہے اور مرکز پر رسید کے ساتھ جمع ہوتی ہے۔ کاؤنٹر کے علاوہ کسی کو ادائیگی نہ کریں۔

نمبر لکھ کر جواب دیں:`,
};

const HELPLINES: Bilingual = {
  en: `*Helpline numbers*
• *15* — Police emergency (24/7, free). Women can ask for the Virtual Women Police Station.
• *1787* — Punjab Police helpline (information and complaints)
• *8787* — IG Punjab complaint cell
• *1099* — Zainab Alert: missing or abused children (human rights helpline)
• *1122* — Rescue: ambulance, fire, accidents
• *130* — Motorway Police (National Highways & Motorway Police)

Short codes work inside Pakistan only. From abroad, use this WhatsApp chat.`,
  ur: `*ہیلپ لائن نمبرز*
• *15* — پولیس ایمرجنسی (چوبیس گھنٹے، مفت)۔ خواتین ورچوئل ویمن پولیس اسٹیشن سے بات کر سکتی ہیں۔
• *1787* — پنجاب پولیس ہیلپ لائن (معلومات اور شکایات)
• *8787* — آئی جی پنجاب کمپلینٹ سیل
• *1099* — زینب الرٹ: لاپتہ یا زیادتی کا شکار بچے (انسانی حقوق ہیلپ لائن)
• *1122* — ریسکیو: ایمبولینس، آگ، حادثات
• *130* — موٹروے پولیس (نیشنل ہائی ویز اینڈ موٹروے پولیس)

یہ مختصر نمبر صرف پاکستان کے اندر کام کرتے ہیں۔ بیرونِ ملک سے یہی واٹس ایپ چیٹ استعمال کریں۔`,
};

const GENDER_HARASSMENT: Bilingual = {
  en: `*Harassment report — confidential*
You are not alone. What you share here is handled confidentially by senior officers, with priority.

• In danger right now? Call *15*; women can ask for the Virtual Women Police Station (women officers).
• Online harassment or blackmail: keep screenshots and links; do not delete the messages and do not pay. You can also complain to the *National Cyber Crime Investigation Agency (NCCIA)*, which replaced the FIA cybercrime wing: helpline *1799*, nccia.gov.pk.
• Harassment at the workplace: the *Punjab Ombudsperson for Protection against Harassment of Women at the Workplace* hears complaints from women and men — ombudsperson.punjab.gov.pk.

You can report here. You decide whether we send you follow-up messages about it.`,
  ur: `*ہراسانی کی رپورٹ — صیغۂ راز میں*
آپ تنہا نہیں ہیں۔ یہاں بتائی گئی بات سینئر افسران ترجیحی بنیاد پر اور مکمل رازداری سے دیکھتے ہیں۔

• اگر ابھی خطرہ ہے تو *15* پر کال کریں؛ خواتین ورچوئل ویمن پولیس اسٹیشن (خواتین افسران) سے بات کر سکتی ہیں۔
• آن لائن ہراسانی یا بلیک میلنگ: اسکرین شاٹس اور لنکس محفوظ رکھیں، پیغامات نہ مٹائیں اور کوئی رقم نہ دیں۔ آپ *نیشنل سائبر کرائم انویسٹی گیشن ایجنسی (این سی سی آئی اے)* کو بھی شکایت کر سکتے ہیں، جس نے ایف آئی اے کے سائبر کرائم ونگ کی جگہ لی ہے: ہیلپ لائن *1799*، nccia.gov.pk۔
• کام کی جگہ پر ہراسانی: *صوبائی محتسب برائے تحفظِ خواتین از ہراسانی در جائے کار پنجاب* خواتین اور مردوں دونوں کی شکایات سنتی ہیں — ombudsperson.punjab.gov.pk۔

آپ یہاں رپورٹ کر سکتے ہیں۔ بعد میں پیغامات بھیجنے ہیں یا نہیں، یہ فیصلہ آپ کا ہوگا۔`,
};

const POLICE_OFFICES: Bilingual = {
  en: `*Police offices*
Type the name of your district (for example *Lahore*, *Multan*, *راولپنڈی*), or pick your region from the list.`,
  ur: `*پولیس دفاتر*
اپنے ضلع کا نام لکھیں (مثلاً *لاہور*، *ملتان*، *Rawalpindi*) یا فہرست سے اپنا ریجن منتخب کریں۔`,
};

const OVERSEAS: Bilingual = {
  en: `*Facilities for overseas Pakistanis*
• *Complain from abroad:* file your complaint in this chat (press *Complain from abroad*). It is marked as an overseas complaint and you follow it here with your e-tag number; no visit needed.
• *Overseas Pakistanis Commission Punjab (OPC):* the Punjab government body for overseas Pakistanis' grievances, especially property and land disputes — opc.punjab.gov.pk
• *Character certificate / police verification while abroad:* a family member can apply for you at a Police Khidmat Markaz with your authority letter (or power of attorney) and copies of your CNIC/NICOP and passport; or ask the Pakistan embassy or consulate where you live.
• *Calling Pakistan:* +92, then the area code without the 0 — Lahore +92 42, Rawalpindi +92 51, Faisalabad +92 41, Multan +92 61, Gujranwala +92 55; mobiles +92 3XX. Short codes (15, 1787, 8787) do not work from abroad: use this chat.`,
  ur: `*سمندر پار پاکستانیوں کے لیے سہولیات*
• *بیرونِ ملک سے شکایت:* اسی چیٹ میں شکایت درج کریں (*بیرونِ ملک سے شکایت* کا بٹن دبائیں)۔ یہ سمندر پار شکایت کے طور پر درج ہوگی اور آپ ای ٹیگ نمبر سے یہیں اس کی پیروی کر سکیں گے، آنے کی ضرورت نہیں۔
• *اوورسیز پاکستانیز کمیشن پنجاب (او پی سی):* سمندر پار پاکستانیوں کی شکایات، خاص طور پر جائیداد اور زمین کے تنازعات کے لیے پنجاب حکومت کا ادارہ — opc.punjab.gov.pk
• *بیرونِ ملک رہتے ہوئے کریکٹر سرٹیفکیٹ / پولیس ویریفکیشن:* آپ کے اہلِ خانہ آپ کے اتھارٹی لیٹر (یا مختار نامہ) اور شناختی کارڈ/نائیکوپ اور پاسپورٹ کی نقول کے ساتھ پولیس خدمت مرکز میں درخواست دے سکتے ہیں؛ یا اپنے ملک میں پاکستانی سفارت خانے یا قونصل خانے سے رابطہ کریں۔
• *پاکستان کال کرنا:* ‎+92 کے بعد صفر کے بغیر علاقے کا کوڈ — لاہور ‎+92 42، راولپنڈی ‎+92 51، فیصل آباد ‎+92 41، ملتان ‎+92 61، گوجرانوالہ ‎+92 55؛ موبائل ‎+92 3XX۔ مختصر نمبر (15، 1787، 8787) بیرونِ ملک سے کام نہیں کرتے: یہ چیٹ استعمال کریں۔`,
};

const SOCIAL_MEDIA: Bilingual = {
  en: `*Punjab Police on social media*
Punjab Police posts news, alerts and public-safety advice on its official *Facebook*, *X (Twitter)*, *Instagram* and *YouTube* accounts, named "Punjab Police". Each district police also has official pages.

• Follow only the verified accounts linked from punjabpolice.gov.pk.
• Police never ask for money, CNIC photos or bank details through social media or calls from unknown numbers — report such fraud here.
• Do not send complaints or emergencies by social-media message: call *15*, or complain here.`,
  ur: `*سوشل میڈیا پر پنجاب پولیس*
پنجاب پولیس اپنے سرکاری *فیس بک*، *ایکس (ٹویٹر)*، *انسٹاگرام* اور *یوٹیوب* اکاؤنٹس "Punjab Police" پر خبریں، الرٹس اور عوامی تحفظ کی ہدایات دیتی ہے۔ ہر ضلع کی پولیس کے بھی سرکاری صفحات ہیں۔

• صرف وہی تصدیق شدہ اکاؤنٹس فالو کریں جن کے لنک punjabpolice.gov.pk پر دیے گئے ہیں۔
• پولیس کبھی سوشل میڈیا یا نامعلوم نمبروں سے رقم، شناختی کارڈ کی تصویر یا بینک کی تفصیل نہیں مانگتی — ایسے فراڈ کی شکایت یہاں کریں۔
• شکایت یا ایمرجنسی سوشل میڈیا پیغام سے نہ بھیجیں: *15* پر کال کریں یا یہاں شکایت کریں۔`,
};

const WEBSITE: Bilingual = {
  en: `*Website: punjabpolice.gov.pk*
The official Punjab Police website has:
• district pages with police office addresses and phone numbers;
• Police Khidmat Markaz services and requirements;
• most-wanted criminals and proclaimed offenders;
• news, public notices and recruitment;
• how to complain and how to contact senior officers.`,
  ur: `*ویب سائٹ: punjabpolice.gov.pk*
پنجاب پولیس کی سرکاری ویب سائٹ پر:
• اضلاع کے صفحات، پولیس دفاتر کے پتے اور فون نمبر؛
• پولیس خدمت مرکز کی خدمات اور مطلوبہ کاغذات؛
• مطلوب ترین مجرم اور اشتہاری؛
• خبریں، اعلانات اور بھرتیاں؛
• شکایت کا طریقہ اور سینئر افسران سے رابطہ۔`,
};

const ZAINAB_ALERT: Bilingual = {
  en: `🚨 *Zainab Alert — missing child*
1. Call *15* NOW. Do not wait 24 hours: a missing child is reported at once.
2. Also call *1099* (Zainab Alert helpline).
Under the Zainab Alert, Response and Recovery Act 2020 the police must act on a missing-child report immediately.`,
  ur: `🚨 *زینب الرٹ — لاپتہ بچہ*
1۔ ابھی *15* پر کال کریں۔ 24 گھنٹے انتظار نہ کریں: لاپتہ بچے کی اطلاع فوراً دی جاتی ہے۔
2۔ *1099* (زینب الرٹ ہیلپ لائن) پر بھی کال کریں۔
زینب الرٹ، رسپانس اینڈ ریکوری ایکٹ 2020 کے تحت پولیس لاپتہ بچے کی اطلاع پر فوری کارروائی کی پابند ہے۔`,
};

const MOST_WANTED: Bilingual = {
  en: `*Most-wanted criminals*
• Lists of most-wanted criminals and proclaimed offenders (ishtihari), with photos and announced rewards (head money), are published on punjabpolice.gov.pk and on the official pages of district police; CTD Punjab publishes wanted terrorists.
• If you recognise someone: *do not approach them*. Call *15* at once, or tell the nearest police station.
• Say where and when you saw them, with vehicle numbers if any. Your identity is kept confidential.
• Do not post tips on social media: it warns the suspect and can put you at risk.`,
  ur: `*مطلوب ترین مجرم*
• مطلوب ترین مجرموں اور اشتہاریوں کی فہرستیں، تصاویر اور اعلان شدہ انعامی رقم (ہیڈ منی) کے ساتھ، punjabpolice.gov.pk اور اضلاع کی پولیس کے سرکاری صفحات پر شائع ہوتی ہیں؛ سی ٹی ڈی پنجاب مطلوب دہشت گردوں کی فہرست جاری کرتا ہے۔
• اگر آپ کسی کو پہچانیں تو *خود اس کے قریب نہ جائیں*۔ فوراً *15* پر کال کریں یا قریبی تھانے کو بتائیں۔
• کہاں اور کب دیکھا، گاڑی کا نمبر ہو تو وہ بھی بتائیں۔ آپ کی شناخت صیغۂ راز میں رکھی جاتی ہے۔
• اطلاع سوشل میڈیا پر نہ ڈالیں: اس سے ملزم ہوشیار ہو جاتا ہے اور آپ کو خطرہ ہو سکتا ہے۔`,
};

const CITIZEN_PORTAL: Bilingual = {
  en: `*Pakistan Citizen Portal*
The Government of Pakistan's complaint app, run by the Prime Minister's Performance Delivery Unit.
1. Install *Pakistan Citizen Portal* from Google Play or the App Store.
2. Register with your CNIC (overseas Pakistanis: NICOP or passport).
3. File a complaint, choose Punjab → Police, and follow the department's reply in the app.

Complaints about Punjab Police can also be filed right here (menu item 3) and followed with your e-tag.`,
  ur: `*پاکستان سٹیزن پورٹل*
حکومتِ پاکستان کی شکایات ایپ، جو وزیرِ اعظم پرفارمنس ڈلیوری یونٹ چلاتا ہے۔
1۔ گوگل پلے یا ایپ اسٹور سے *Pakistan Citizen Portal* انسٹال کریں۔
2۔ شناختی کارڈ سے رجسٹر ہوں (سمندر پار پاکستانی: نائیکوپ یا پاسپورٹ)۔
3۔ شکایت درج کریں، پنجاب ← پولیس منتخب کریں اور محکمے کا جواب ایپ میں دیکھیں۔

پنجاب پولیس کے بارے میں شکایت یہیں بھی درج ہو سکتی ہے (مینیو نمبر 3) اور ای ٹیگ سے اس کی پیروی کی جا سکتی ہے۔`,
};

const SERVANT_VERIFICATION: Bilingual = {
  en: `*Domestic servant criminal-record verification*
Before you hire a domestic worker, driver or guard, have them verified by the police:
1. Go to your nearest *Police Khidmat Markaz* (or your area police station).
2. Bring: your original CNIC; the worker's original CNIC and a copy; two recent photographs of the worker; the worker's permanent address and phone number, and a reference from their home area if possible.
3. The worker's record is checked with the Criminal Record Office and their home police station verifies the address.
4. Keep the receipt. Tell the police if the worker leaves or disappears with valuables.
Never hire someone who refuses verification or has no CNIC.`,
  ur: `*گھریلو ملازم کی کریمنل ریکارڈ تصدیق*
گھریلو ملازم، ڈرائیور یا گارڈ رکھنے سے پہلے پولیس سے اس کی تصدیق کروائیں:
1۔ قریبی *پولیس خدمت مرکز* (یا اپنے علاقے کے تھانے) جائیں۔
2۔ ساتھ لائیں: اپنا اصل شناختی کارڈ؛ ملازم کا اصل شناختی کارڈ اور اس کی نقل؛ ملازم کی دو حالیہ تصاویر؛ ملازم کا مستقل پتہ اور فون نمبر، اور ممکن ہو تو اس کے آبائی علاقے سے کسی ضامن کا حوالہ۔
3۔ کریمنل ریکارڈ آفس سے ملازم کا ریکارڈ چیک ہوتا ہے اور اس کے آبائی تھانے سے پتے کی تصدیق ہوتی ہے۔
4۔ رسید سنبھال کر رکھیں۔ ملازم کام چھوڑ دے یا قیمتی سامان لے کر غائب ہو تو پولیس کو اطلاع دیں۔
جو شخص تصدیق سے انکار کرے یا جس کے پاس شناختی کارڈ نہ ہو، اسے ملازم نہ رکھیں۔`,
};

const FEEDBACK: Bilingual = {
  en: `*Feedback and suggestions*
Write your feedback or suggestion about Punjab Police or this service in one message (Urdu or English). It is stored and read by the team.`,
  ur: `*رائے اور تجاویز*
پنجاب پولیس یا اس سروس کے بارے میں اپنی رائے یا تجویز ایک پیغام میں لکھیں (اردو یا انگریزی)۔ اسے محفوظ کیا جاتا ہے اور ٹیم پڑھتی ہے۔`,
};

export const SERVICES: readonly Service[] = [
  { number: 1, id: 'about', title: { en: 'About Punjab Police', ur: 'پنجاب پولیس کا تعارف' }, body: ABOUT },
  {
    number: 2,
    id: 'crimeReport',
    title: { en: 'Report a crime', ur: 'جرم کی اطلاع' },
    body: CRIME_REPORT,
    complaintOrigin: 'crime',
  },
  {
    number: 3,
    id: 'igComplaintCell',
    title: { en: 'IG Complaint Cell (8787)', ur: 'آئی جی کمپلینٹ سیل (8787)' },
    button: { en: 'IG Complaint Cell', ur: 'آئی جی کمپلینٹ سیل' },
    body: IG_COMPLAINT_CELL,
    complaintOrigin: 'ig',
  },
  {
    number: 4,
    id: 'khidmatMarkaz',
    title: { en: 'Police Khidmat Markaz', ur: 'پولیس خدمت مرکز' },
    body: KHIDMAT_MARKAZ,
  },
  { number: 5, id: 'helplines', title: { en: 'Helpline numbers', ur: 'ہیلپ لائن نمبرز' }, body: HELPLINES },
  {
    number: 6,
    id: 'genderHarassment',
    title: { en: 'Harassment report', ur: 'ہراسانی کی رپورٹ' },
    body: GENDER_HARASSMENT,
    complaintOrigin: 'harassment',
  },
  {
    number: 7,
    id: 'policeOffices',
    title: { en: 'Police offices', ur: 'پولیس دفاتر' },
    body: POLICE_OFFICES,
  },
  {
    number: 8,
    id: 'overseas',
    title: { en: 'Overseas Pakistanis', ur: 'سمندر پار پاکستانی' },
    body: OVERSEAS,
    complaintOrigin: 'overseas',
  },
  { number: 9, id: 'socialMedia', title: { en: 'Social media', ur: 'سوشل میڈیا' }, body: SOCIAL_MEDIA },
  { number: 10, id: 'website', title: { en: 'Website', ur: 'ویب سائٹ' }, body: WEBSITE },
  {
    number: 11,
    id: 'zainabAlert',
    title: { en: 'Zainab Alert (missing child)', ur: 'زینب الرٹ (لاپتہ بچہ)' },
    button: { en: 'Missing child', ur: 'لاپتہ بچہ' },
    body: ZAINAB_ALERT,
    complaintOrigin: 'zainab',
  },
  {
    number: 12,
    id: 'mostWanted',
    title: { en: 'Most-wanted criminals', ur: 'مطلوب ترین مجرم' },
    body: MOST_WANTED,
  },
  {
    number: 13,
    id: 'citizenPortal',
    title: { en: 'Citizen Portal', ur: 'سٹیزن پورٹل' },
    body: CITIZEN_PORTAL,
  },
  {
    number: 14,
    id: 'servantVerification',
    title: { en: 'Domestic servant verification', ur: 'گھریلو ملازم کی تصدیق' },
    button: { en: 'Servant verification', ur: 'ملازم کی تصدیق' },
    body: SERVANT_VERIFICATION,
  },
  {
    number: 15,
    id: 'feedback',
    title: { en: 'Feedback & suggestions', ur: 'رائے اور تجاویز' },
    button: { en: 'Feedback', ur: 'رائے اور تجاویز' },
    body: FEEDBACK,
  },
];

export const serviceByNumber = (n: number): Service | undefined => SERVICES.find((s) => s.number === n);
export const serviceById = (id: ServiceId): Service => {
  const found = SERVICES.find((s) => s.id === id);
  if (!found) throw new RangeError(`unknown service ${id}`);
  return found;
};

// ---------------------------------------------------------------- driving licence and FIR how-tos

export const DRIVING_LICENCE: Bilingual = {
  en: `*How to get a driving licence (Punjab)*
1. *Learner permit:* apply at a Police Khidmat Markaz or a traffic police driving licence centre with your original CNIC and a copy (a CNIC means you are 18 or older). You may drive only with a licensed driver beside you and an "L" sign.
2. *Wait at least 42 days* from the learner permit, then go to the driving licence centre for the tests.
3. *Tests:* a computerised test of road signs and traffic rules, then a practical driving test.
4. *Permanent licence:* after passing, pay the fee and your licence card is issued. A medical certificate is needed for some categories (such as heavy vehicles).
• Bring: original CNIC + copy, learner permit, medical certificate where required, fee.
• Renewal and duplicate licences: Khidmat Markaz or licence centre. International driving permit: licence centre, with a valid licence and passport.
• Check any Punjab licence online on *DLIMS*: dlims.punjab.gov.pk`,
  ur: `*ڈرائیونگ لائسنس کیسے بنوائیں (پنجاب)*
1۔ *لرنر پرمٹ:* پولیس خدمت مرکز یا ٹریفک پولیس کے ڈرائیونگ لائسنس سینٹر میں اصل شناختی کارڈ اور نقل کے ساتھ درخواست دیں (شناختی کارڈ کا مطلب ہے کہ آپ 18 سال یا اس سے زیادہ کے ہیں)۔ لرنر پرمٹ پر صرف لائسنس یافتہ ڈرائیور کے ساتھ اور "L" کے نشان کے ساتھ گاڑی چلائیں۔
2۔ لرنر پرمٹ کے بعد *کم از کم 42 دن* انتظار کریں، پھر ٹیسٹ کے لیے لائسنس سینٹر جائیں۔
3۔ *ٹیسٹ:* پہلے ٹریفک نشانات اور قوانین کا کمپیوٹرائزڈ ٹیسٹ، پھر عملی ڈرائیونگ ٹیسٹ۔
4۔ *مستقل لائسنس:* ٹیسٹ پاس کرنے کے بعد فیس جمع کروائیں، لائسنس کارڈ جاری ہو جائے گا۔ بعض کیٹیگریز (جیسے ہیوی گاڑی) کے لیے میڈیکل سرٹیفکیٹ ضروری ہے۔
• ساتھ لائیں: اصل شناختی کارڈ + نقل، لرنر پرمٹ، ضرورت ہو تو میڈیکل سرٹیفکیٹ، فیس۔
• تجدید اور ڈپلیکیٹ لائسنس: خدمت مرکز یا لائسنس سینٹر۔ انٹرنیشنل ڈرائیونگ پرمٹ: لائسنس سینٹر، درست لائسنس اور پاسپورٹ کے ساتھ۔
• پنجاب کا کوئی بھی لائسنس آن لائن *DLIMS* پر چیک کریں: dlims.punjab.gov.pk`,
};

export const REGISTER_FIR: Bilingual = {
  en: `*How to register an FIR*
1. Go to the police station with jurisdiction where the offence happened and tell the duty officer (moharrar) what happened: when, where, who, and any witnesses — orally or in writing.
2. For a cognizable offence the officer must record the FIR (Section 154 CrPC), read it back to you, take your signature or thumb impression and give you a *free copy*.
3. In an emergency call *15*: the police come to you. A Police Khidmat Markaz can also guide you.
4. *If the police refuse:* (a) go to the SDPO, or to the head of the district police (the DPO; in Rawalpindi, Faisalabad, Multan and Gujranwala the City Police Officer (CPO), in Lahore the CCPO); (b) complain here and choose "FIR not registered" — it goes to senior officers; (c) apply to the Justice of Peace (Sessions Court) under Section 22-A CrPC for an order to register it.
Nobody may charge you for registering an FIR. Report any bribe demand here.`,
  ur: `*ایف آئی آر کیسے درج کروائیں*
1۔ جہاں واقعہ ہوا اُس علاقے کے تھانے جائیں اور ڈیوٹی افسر (محرر) کو زبانی یا تحریری طور پر بتائیں: کیا ہوا، کب، کہاں، کس نے، اور گواہ کون ہیں۔
2۔ قابلِ دست اندازی جرم کی صورت میں افسر ایف آئی آر درج کرنے (دفعہ 154 ضابطہ فوجداری)، آپ کو پڑھ کر سنانے، آپ کے دستخط یا انگوٹھا لگوانے اور *مفت نقل* دینے کا پابند ہے۔
3۔ ایمرجنسی میں *15* پر کال کریں: پولیس آپ کے پاس آئے گی۔ پولیس خدمت مرکز سے بھی رہنمائی لی جا سکتی ہے۔
4۔ *اگر پولیس انکار کرے:* (الف) ایس ڈی پی او یا ضلعی پولیس کے سربراہ سے ملیں (ڈی پی او؛ راولپنڈی، فیصل آباد، ملتان اور گوجرانوالہ میں سٹی پولیس آفیسر (سی پی او)، لاہور میں سی سی پی او)؛ (ب) یہاں شکایت کریں اور "ایف آئی آر درج نہیں ہوئی" منتخب کریں — یہ سینئر افسران تک جائے گی؛ (ج) دفعہ 22-اے ضابطہ فوجداری کے تحت جسٹس آف پیس (سیشن کورٹ) میں درخواست دیں۔
ایف آئی آر درج کرنے کی کوئی فیس نہیں۔ رشوت مانگی جائے تو یہاں شکایت کریں۔`,
};

// ---------------------------------------------------------------- Khidmat Markaz sub-menu

export type KhidmatItemId =
  | 'characterCertificate'
  | 'drivingLicence'
  | 'vehicleVerification'
  | 'tenantRegistration'
  | 'employeeRegistration'
  | 'generalVerification'
  | 'firCopy'
  | 'lostDocument';

export interface SubmenuItem {
  id: KhidmatItemId;
  title: Bilingual;
  body: Bilingual;
}

export const KHIDMAT_SERVICES: readonly SubmenuItem[] = [
  {
    id: 'characterCertificate',
    title: { en: 'Character certificate', ur: 'کریکٹر سرٹیفکیٹ' },
    body: {
      en: `*Character certificate (police clearance)*
For jobs, visas and immigration. Your record is checked and the police station of your residence verifies you.
Bring: original CNIC + copy; passport + copy (when the certificate is for use abroad); two recent photographs; the fee at the counter.
Living abroad? See menu item 8.`,
      ur: `*کریکٹر سرٹیفکیٹ (پولیس کلیئرنس)*
ملازمت، ویزا اور امیگریشن کے لیے۔ آپ کا ریکارڈ چیک ہوتا ہے اور رہائش کے تھانے سے تصدیق ہوتی ہے۔
ساتھ لائیں: اصل شناختی کارڈ + نقل؛ پاسپورٹ + نقل (اگر سرٹیفکیٹ بیرونِ ملک کے لیے ہو)؛ دو حالیہ تصاویر؛ فیس کاؤنٹر پر۔
بیرونِ ملک ہیں؟ مینیو نمبر 8 دیکھیں۔`,
    },
  },
  {
    id: 'drivingLicence',
    title: { en: 'Driving licence services', ur: 'ڈرائیونگ لائسنس خدمات' },
    body: DRIVING_LICENCE,
  },
  {
    id: 'vehicleVerification',
    title: { en: 'Vehicle verification', ur: 'گاڑی کی تصدیق' },
    body: {
      en: `*Vehicle verification*
Before buying a used car or motorcycle, check that it is not reported stolen or wanted in a case.
Bring: the registration book or smart card, the chassis and engine numbers (the vehicle itself if asked) and your CNIC.`,
      ur: `*گاڑی کی تصدیق*
پرانی گاڑی یا موٹر سائیکل خریدنے سے پہلے چیک کروائیں کہ وہ چوری شدہ یا کسی مقدمے میں مطلوب تو نہیں۔
ساتھ لائیں: رجسٹریشن بک یا اسمارٹ کارڈ، چیسس اور انجن نمبر (کہا جائے تو گاڑی بھی) اور اپنا شناختی کارڈ۔`,
    },
  },
  {
    id: 'tenantRegistration',
    title: { en: 'Tenant registration', ur: 'کرایہ دار کا اندراج' },
    body: {
      en: `*Tenant registration*
Landlords in Punjab must give the police their tenants' details (Punjab Information of Temporary Residents Act 2015).
Bring: copies of the owner's and the tenant's CNIC, a photograph of the tenant, the rent agreement and the tenant's permanent address.`,
      ur: `*کرایہ دار کا اندراج*
پنجاب میں مالک مکان پر لازم ہے کہ کرایہ دار کی تفصیل پولیس کو دے (پنجاب انفارمیشن آف ٹیمپریری ریزیڈنٹس ایکٹ 2015)۔
ساتھ لائیں: مالک اور کرایہ دار کے شناختی کارڈ کی نقول، کرایہ دار کی تصویر، کرایہ نامہ اور کرایہ دار کا مستقل پتہ۔`,
    },
  },
  {
    id: 'employeeRegistration',
    title: { en: 'Employee / servant registration', ur: 'ملازم کا اندراج' },
    body: SERVANT_VERIFICATION,
  },
  {
    id: 'generalVerification',
    title: { en: 'General police verification', ur: 'عمومی پولیس تصدیق' },
    body: {
      en: `*General police verification*
Verification of a person's address and record for an employer, a school, a housing society or another office.
Bring: original CNIC + copy, the request letter from the office that needs it, two photographs.`,
      ur: `*عمومی پولیس تصدیق*
کسی ادارے، سکول، ہاؤسنگ سوسائٹی یا دفتر کے لیے کسی شخص کے پتے اور ریکارڈ کی تصدیق۔
ساتھ لائیں: اصل شناختی کارڈ + نقل، متعلقہ ادارے کا درخواستی خط، دو تصاویر۔`,
    },
  },
  {
    id: 'firCopy',
    title: { en: 'Copy of FIR', ur: 'ایف آئی آر کی نقل' },
    body: {
      en: `*Copy of an FIR*
The complainant is entitled to a free copy at the police station when the FIR is registered. For a copy later, bring: the FIR number and year, the police station name, and your original CNIC.`,
      ur: `*ایف آئی آر کی نقل*
مدعی کو ایف آئی آر درج ہوتے وقت تھانے سے مفت نقل ملنا اس کا حق ہے۔ بعد میں نقل کے لیے ساتھ لائیں: ایف آئی آر نمبر اور سال، تھانے کا نام اور اپنا اصل شناختی کارڈ۔`,
    },
  },
  {
    id: 'lostDocument',
    title: { en: 'Lost documents report', ur: 'گمشدہ کاغذات کی رپورٹ' },
    body: {
      en: `*Lost document / article report*
For a lost CNIC, passport, driving licence, vehicle documents, mobile phone or bank card. NADRA, the passport office and others ask for it before issuing a duplicate.
Bring: your CNIC (or a copy of the lost one), the number of the lost document, and where and when it was lost.`,
      ur: `*گمشدہ دستاویز / سامان کی رپورٹ*
گمشدہ شناختی کارڈ، پاسپورٹ، ڈرائیونگ لائسنس، گاڑی کے کاغذات، موبائل فون یا بینک کارڈ کے لیے۔ نادرا، پاسپورٹ آفس وغیرہ ڈپلیکیٹ سے پہلے یہ رپورٹ مانگتے ہیں۔
ساتھ لائیں: اپنا شناختی کارڈ (یا گمشدہ کارڈ کی نقل)، گمشدہ دستاویز کا نمبر، اور کہاں اور کب گم ہوا۔`,
    },
  },
];

// ---------------------------------------------------------------- police offices by district

export const officeAnswer = (district: District, region: Region | undefined, lang: Language): string => {
  const capital = district.code === CAPITAL_CITY_DISTRICT;
  const city = CITY_POLICE_DISTRICTS.includes(district.code);
  if (lang === 'en') {
    const head = capital
      ? `• *Capital City Police Officer (CCPO) Lahore* heads the police in Lahore; each division has an SP and every police station an SHO.`
      : city
        ? `• *City Police Officer (CPO) ${district.en}* heads the police of ${district.en}; the CPO's office is the head police office of the district, where senior officers hear complaints.`
        : `• *District Police Officer (DPO) ${district.en}*: the District Police Office is the head police office of the district, where the DPO and senior officers hear complaints.`;
    const regionLine =
      region && !capital ? `\n• Region: *${region.en}*, headed by the Regional Police Officer (RPO).` : '';
    return `*Police offices — ${district.en}*
${head}${regionLine}
• *Police Khidmat Markaz ${district.en}*: character certificates, verifications, FIR copies and other services (menu item 4).
• Your area police station: ask at *15* or *1787*. Office addresses and phone numbers are on the ${district.en} page of punjabpolice.gov.pk.`;
  }
  const head = capital
    ? `• *کیپیٹل سٹی پولیس آفیسر (سی سی پی او) لاہور* لاہور پولیس کے سربراہ ہیں؛ ہر ڈویژن میں ایس پی اور ہر تھانے میں ایس ایچ او ہوتا ہے۔`
    : city
      ? `• *سٹی پولیس آفیسر (سی پی او) ${district.ur}* ${district.ur} پولیس کے سربراہ ہیں؛ سی پی او آفس ضلع کا مرکزی پولیس دفتر ہے جہاں سینئر افسران شکایات سنتے ہیں۔`
      : `• *ڈسٹرکٹ پولیس آفیسر (ڈی پی او) ${district.ur}*: ضلعی پولیس دفتر ضلع کا مرکزی پولیس دفتر ہے جہاں ڈی پی او اور سینئر افسران شکایات سنتے ہیں۔`;
  const regionLine =
    region && !capital ? `\n• ریجن: *${region.ur}*، سربراہ ریجنل پولیس آفیسر (آر پی او)۔` : '';
  return `*پولیس دفاتر — ${district.ur}*
${head}${regionLine}
• *پولیس خدمت مرکز ${district.ur}*: کریکٹر سرٹیفکیٹ، تصدیق، ایف آئی آر کی نقل اور دیگر خدمات (مینیو نمبر 4)۔
• اپنے علاقے کا تھانہ: *15* یا *1787* سے معلوم کریں۔ دفاتر کے پتے اور فون نمبر punjabpolice.gov.pk پر ${district.ur} کے صفحے پر ہیں۔`;
};

/** Categories offered per entry point, in display order (codes missing from CATEGORIES are skipped). */
export const ORIGIN_CATEGORIES: Record<ComplaintOrigin, readonly string[]> = {
  crime: [
    'theft_robbery',
    'threats_extortion',
    'cybercrime',
    'missing_person',
    'domestic_violence',
    'property_dispute',
    'fir_not_registered',
    'traffic',
    'other',
  ],
  ig: [
    'police_misconduct',
    'corruption',
    'fir_not_registered',
    'investigation_delay',
    'illegal_detention',
    'threats_extortion',
    'other',
  ],
  overseas: [
    'property_dispute',
    'fir_not_registered',
    'police_misconduct',
    'corruption',
    'threats_extortion',
    'cybercrime',
    'investigation_delay',
    'other',
  ],
  general: [
    'theft_robbery',
    'police_misconduct',
    'corruption',
    'fir_not_registered',
    'investigation_delay',
    'illegal_detention',
    'threats_extortion',
    'cybercrime',
    'missing_person',
    'property_dispute',
    'traffic',
    'other',
  ],
  // Filled from the sensitive categories at runtime (see engine); listed here as the preferred order.
  harassment: ['harassment', 'gender_violence', 'domestic_violence'],
  zainab: ['missing_child'],
};
