/**
 * The intent model's vocabulary: for each intent, cues with weights. A cue is space-separated word slots;
 * `|` separates spellings of one slot (Urdu script, Roman Urdu, English). All slots must be present, in
 * any order. Weights: ~1.5 a word that alone names the intent ("status", "licence"); ~1 a strong hint
 * ("chori" = a theft to complain about); ≤ 0.6 a word that only helps another ("kaise", "number").
 * Roman-Urdu spelling variants need not be listed when their consonant skeleton is the same (intent.ts).
 */
import type { ServiceId } from './catalog.ts';

export type Intent =
  | 'menu'
  | 'complaint'
  | 'track'
  | 'licence'
  | 'fir'
  | `service:${ServiceId}`
  | 'language:en'
  | 'language:ur'
  | 'optOut'
  | 'optIn'
  | 'help'
  | 'human'
  | 'thanks';

export type Cue = readonly [phrase: string, weight: number];

// Word groups used by several intents.
const COUNTRIES =
  'dubai|saudia|saudi|uae|uk|england|london|qatar|oman|kuwait|bahrain|usa|america|canada|italy|spain|germany|australia|malaysia|دبئی|سعودی|سعودیہ|لندن|امریکہ';
const COMPLAINT =
  'shikayat|shikayaat|complaint|complain|cmplnt|darkhwast|application|شکایت|شکایات|کمپلینٹ|درخواست';
const HOW = 'kaise|kaisay|kese|kesy|kaisy|how|tareeqa|tariqa|tarika|procedure|process|طریقہ|کیسے|طریقے';
const UPDATES = 'updates|update|messages|message|msg|msgs|sms|پیغام|پیغامات|میسج|اپڈیٹ|اپڈیٹس|اپ';
const POLICE_STATION = 'thana|thanay|thanedar|station|تھانہ|تھانے|تھانیدار';
const CHILD =
  'bacha|bachi|bachay|bacche|bachy|beta|beti|betay|son|daughter|child|kid|baby|بچہ|بچی|بچے|بیٹا|بیٹی';
const MISSING = 'gum|gumshuda|lapata|lapta|missing|kho|khoya|lost|لاپتہ|گم|گمشدہ|کھو';
const NOT = 'nahi|nai|nahin|not|no|refuse|refusing|refused|inkar|نہیں|انکار';
/** A grown-up of the family: one gone missing is a complaint (a child is Zainab Alert, above). */
export const RELATIVE =
  'bhai|bhaiya|behan|bahan|walid|abbu|abu|ammi|walida|biwi|wife|husband|shohar|brother|sister|father|mother|chacha|mamu|بھائی|بہن|والد|ابو|امی|والدہ|بیوی|شوہر';
const VERIFY = 'verification|verify|tasdeeq|tasdiq|ویریفکیشن|تصدیق';
const SPOUSE = 'husband|shohar|shauhar|khawand|khavind|miyan|susral|sasural|inlaws|شوہر|خاوند|میاں|سسرال';
const BEATS =
  'maar|maarta|marta|mara|maara|maarte|marte|beat|beats|beating|beaten|hit|hits|tashadud|violence|abuse|abusive|مار|مارتا|مارا|مارتے|تشدد';

export const LEXICON: Record<Intent, readonly Cue[]> = {
  menu: [
    ['menu|menue|manu|مینیو|مینو', 1.5],
    ['options|option|آپشن|آپشنز', 1.2],
    ['shuru|start|شروع', 1.0],
  ],
  complaint: [
    [COMPLAINT, 1.1],
    [`darj|register|lodge|file|درج|رجسٹر`, 0.4],
    [`karni|karna|karwani|karwana|krni|krna|kerni|کرنی|کروانی|کرنا|کروانا`, 0.2],
    ['against|khilaf|خلاف', 0.5],
    [`fir|parcha|ایف ${NOT}`, 1.4],
    [`${POLICE_STATION}|sho|police`, 0.3],
    ['chori|chory|chor|stolen|stole|theft|steal|چوری|چور', 1.2],
    ['snatch|snatched|snatching|chheen|chheena|cheen|chhin|چھین|چھینا|چھینی', 1.2],
    ['dakaiti|dakaity|dakeiti|dacoity|robbery|robbed|loot|looted|ڈکیتی|ڈاکا|لوٹ', 1.2],
    ['rishwat|rishvat|bribe|bribery|رشوت', 1.2],
    // A hacked account is a crime to report, whatever platform the message also names.
    ['hack|hacked|hacker|hacking|ہیک', 2.0],
    ['paise|paisay|money|پیسے|رقم mang|maang|mangay|demand|demanding|مانگ', 1.0],
    ['qabza|kabza|encroachment|occupied|قبضہ', 1.0],
    ['fraud|frod|dhoka|dhoke|scam|scammed|cheated|فراڈ|دھوکہ', 1.0],
    ['dhamki|dhamkiyan|dhamkian|threat|threats|threatening|دھمکی|دھمکیاں', 1.0],
    ['bhatta|extortion|بھتہ', 1.2],
    ['badtameezi|badtamizi|misbehave|misbehaved|misbehaviour|rude|بدتمیزی', 1.0],
    ['tashaddud|maar|mara|beat|beaten|tortured|تشدد', 0.8],
    [
      'band|bandh|detained|detention|hirasat|custody|arrested|حراست|بند bewaja|bila|illegal|wajah|بلاوجہ|غیرقانونی',
      1.0,
    ],
    ['tafteesh|investigation|تفتیش', 0.6],
    ['action|karwai|sunwai|کارروائی|شنوائی koi|no|نہیں|not', 0.6],
    ['broke|break|naqab|نقب into|in|lagai|zani', 1.0],
    ['drugs|chars|heroin|manshiyat|منشیات|چرس', 1.0],
    ['report|رپورٹ', 0.3],
    // Held by the police without a reason: "mere bhai ko police ne bina wajah pakar liya".
    [
      'pakar|pakra|pakri|pakad|uthaya|uthaa|utha|giraftar|arrest|arrested|گرفتار|پکڑ|پکڑا|اٹھا bina|bila|bewaja|baghair|without|بلاوجہ|بغیر|بنا',
      1.2,
    ],
    // Someone misused the citizen's name: a SIM issued in it, a false case against them.
    ['sim|سم naam|name|نام', 1.2],
    [
      'jhoota|jhoothe|jhoote|jhuta|false|fake|جھوٹا|جھوٹے case|mukadma|muqadma|muqaddama|fir|مقدمہ|مقدمے|کیس',
      1.2,
    ],
    // The investigating officer does nothing: "IO report nahi bhej raha".
    [`io|investigation|tafteesh|tafteeshi|تفتیش|تفتیشی ${NOT}`, 1.0],
    // A traffic ticket the citizen disputes.
    ['challan|chalan|چالان ghalat|galat|wrong|ziyada|zyada|unfair|غلط|زیادہ', 1.2],
    // "my phone was snatched, what should I do": with a crime word, asking what to do is asking to complain;
    // alone it is still help (1.0 there).
    ['kya|what|کیا karun|do|کروں|should', 0.6],
    [`${RELATIVE} ${MISSING}`, 1.3],
    [`${RELATIVE} ghar|wapis|home|گھر|واپس ${NOT}`, 1.3],
  ],
  track: [
    ['status|stetus|staus|haisiyat|hesiyat|حیثیت|اسٹیٹس|سٹیٹس|سٹیٹ', 1.6],
    ['track|tracking|trace|ٹریک', 1.5],
    [`${UPDATES} ${COMPLAINT}|case|کیس`, 2.0],
    ['update|updates|اپڈیٹ|اپ', 0.9],
    ['kya|kia|what|کیا bana|bna|banaa|بنا', 1.8],
    ['kya|kia|what|کیا hua|huwa|happened|ہوا|ہوئی', 1.1],
    ['kahan|kahaan|where|کہاں tak|تک', 1.2],
    ['pohancha|pohoncha|pahuncha|pohncha|پہنچا|پہنچی', 1.2],
    ['etag|ای ٹیگ|tag|ٹیگ', 0.8],
    ['my|meri|mera|میری|میرا|میرے =complaints|=شکایات', 1.5],
    [`${COMPLAINT}|case|کیس`, 0.4],
    [`pata|maloom|پتہ|معلوم karna|karni|krna|کرنا ${COMPLAINT}|case|کیس`, 2.0],
    ['action|karwai|کارروائی', 0.4],
    ['jawab|reply|response|جواب koi|no|nahi|نہیں', 0.9],
    ['check|چیک', 0.3],
  ],
  licence: [
    ['licence|license|lisence|lisens|licens|dlims|لائسنس|لائیسنس|لیسنس', 1.5],
    ['learner|لرنر', 1.0],
    ['permit|پرمٹ', 0.6],
    ['driving|ڈرائیونگ', 0.6],
    [HOW, 0.3],
  ],
  fir: [
    ['fir|parcha|parchaa|پرچہ|مقدمہ|eff', 1.0],
    ['ایف آئی آر', 1.5],
    [HOW, 0.6],
    ['katwana|katwate|kaat|kate|kat|کٹوانا|کٹواتے', 0.3],
  ],
  'service:about': [
    ['about|bare|baray|baare|tarruf|taruf|tarouf|introduction|intro|تعارف|بارے', 0.6],
    ['punjab|پنجاب police|پولیس', 0.6],
    ['ig|igp|جی kon|kaun|who|head|heads|sarbarah|کون|سربراہ', 1.8],
    ['who|kon|kaun|کون head|heads|sarbarah|chief|incharge|سربراہ', 1.2],
    ['information|info|maloomat|معلومات', 0.3],
  ],
  'service:crimeReport': [
    ['crime|jurm|wardat|crim|جرم|واردات', 1.0],
    ['report|ittila|ittla|ittilaa|etla|اطلاع|رپورٹ', 0.5],
  ],
  'service:igComplaintCell': [
    [`ig|igp|جی ${COMPLAINT}`, 2.0],
    ['ig|igp', 1.0],
    ['آئی جی', 1.0],
    ['cell|سیل', 0.6],
    ['8787', 1.6],
  ],
  'service:khidmatMarkaz': [
    ['khidmat|khidmaat|خدمت markaz|marakaz|مرکز|مراکز', 2.0],
    ['khidmat|خدمت|pkm', 1.2],
    ['character|karakter|کریکٹر certificate|sartificate|سرٹیفکیٹ', 1.6],
    ['certificate|sartificate|clearance|سرٹیفکیٹ|کلیئرنس', 1.0],
    [`police|پولیس ${VERIFY}`, 1.2],
    [VERIFY, 0.5],
    ['kirayedar|kirayadar|kiraydar|tenant|tenants|کرایہ', 1.4],
    [`gari|gaari|vehicle|car|bike|motorcycle|گاڑی ${VERIFY}`, 1.3],
    [`cnic|shanakhti|id|nic|passport|documents|document|شناختی|پاسپورٹ|کاغذات ${MISSING}`, 1.3],
    ['gumshudgi|گمشدگی', 1.2],
    ['timing|timings|fee|fees|اوقات|فیس', 0.3],
  ],
  'service:helplines': [
    ['helpline|helplines|ہیلپ', 1.5],
    ['police|پولیس|rescue|ریسکیو|emergency|ایمرجنسی|phone|contact number|numbers|nmbr|نمبر|نمبرز', 1.5],
    ['number|numbers|nmbr|نمبر|نمبرز', 1.0],
    ['contact|rabta|رابطہ', 0.5],
    ['emergency|ایمرجنسی|rescue|ریسکیو|1122|motorway|موٹروے|15', 0.5],
    // "15 par call nahi lag rahi": the other numbers to try.
    ['15|1122 lag|lagti|connect|connecting|through|لگ|لگتی nahi|not|نہیں', 1.2],
  ],
  'service:zainabAlert': [
    ['zainab|زینب alert|الرٹ', 2.0],
    [`${CHILD} ${MISSING}`, 1.6],
    [`${CHILD} ghar|wapis|home|گھر|واپس ${NOT}`, 1.6],
    [`${CHILD} kidnap|kidnapped|agwa|aghwa|abducted|اغوا`, 1.6],
    [MISSING, 0.6],
  ],
  'service:genderHarassment': [
    ['harass|harassment|harras|harrasment|harasment|harassed|ہراساں|ہراسانی|ہراسگی', 1.5],
    ['tang|تنگ kar|kr|karta|karti|karte|کر|کرتا|کرتی|کرتے', 1.2],
    ['blackmail|blackmailing|blakmail|بلیک', 1.4],
    ['stalk|stalking|stalker|peecha|picha|پیچھا', 1.2],
    ['viral|وائرل', 1.2],
    ['pictures|picture|pics|tasveer|tasveeren|tasveeron|photos|videos|تصاویر|تصویریں', 0.6],
    ['fake|جعلی id|account|profile|آئی|آئیڈی', 0.8],
    ['workplace|office|دفتر|boss', 0.3],
    // Violence at home is reported here: the same discreet handling (docs/chat.md).
    [`${SPOUSE} ${BEATS}`, 1.5],
    // "ek aadmi mujhe whatsapp par ganday messages bhejta hai", "meri tasveerein facebook par daal di": the
    // platform named is where it happens, not a wish to see the police's pages.
    [
      'ganday|gande|gandi|ganda|obscene|vulgar|dirty|فحش|گندے|گندی messages|message|msg|msgs|video|videos|pics|پیغامات|میسج|ویڈیو',
      1.8,
    ],
    [
      'tasveer|tasveerein|tasveeren|tasaveer|pictures|photos|pics|تصویریں|تصاویر|تصویر daal|dal|upload|uploaded|post|posted|viral|laga|lagai|ڈال|ڈالی|اپلوڈ|وائرل',
      1.8,
    ],
  ],
  'service:policeOffices': [
    ['police|پولیس offices|office|dafatir|daftar|دفاتر|دفتر|آفس', 1.5],
    ['offices|dafatir|دفاتر', 1.0],
    [POLICE_STATION, 0.6],
    ['kahan|kahaan|where|address|location|nearest|qareebi|nazdeeki|کہاں|پتہ|قریبی|ایڈریس', 0.8],
    ['pata|konsa|kaunsa|which|کونسا', 0.3],
    ['dpo|ڈی', 0.6],
  ],
  'service:overseas': [
    ['overseas|abroad|بیرون|سمندر|bairon|bairoon|videsh', 2.0],
    ['bahar|باہر mulk|ملک', 2.0],
    [`${COUNTRIES} ${COMPLAINT}|qabza|kabza|قبضہ|plot|zameen|property|makan|جائیداد|زمین|پلاٹ`, 3.0],
    [COUNTRIES, 1.0],
  ],
  'service:socialMedia': [
    ['social|سوشل media|میڈیا', 2.0],
    ['facebook|fb|twitter|instagram|insta|youtube|tiktok|whatsapp|فیس|ٹویٹر|انسٹاگرام|یوٹیوب', 1.3],
    ['page|handle|channel|account|پیج|اکاؤنٹ', 0.3],
  ],
  'service:website': [
    ['website|webside|web|site|ویب|سائٹ|سائیٹ', 1.5],
    ['link|url|لنک', 0.5],
  ],
  'service:mostWanted': [
    ['most|wanted|مطلوب', 1.5],
    ['ishtihari|ishtehari|ishtahari|proclaimed|اشتہاری', 1.5],
    ['mujrim|mulzim|criminal|criminals|مجرم|ملزم|ملزمان|مجرموں', 0.6],
    ['ittila|information|tip|اطلاع', 0.3],
  ],
  'service:citizenPortal': [
    ['citizen|sitizen|سٹیزن|شہری portal|پورٹل', 2.0],
    ['portal|پورٹل', 1.5],
  ],
  'service:servantVerification': [
    [
      'naukar|nokar|mulazim|mulazima|servant|maid|driver|guard|chowkidar|cook|ملازم|ملازمہ|نوکر|ڈرائیور|چوکیدار',
      1.2,
    ],
    ['gharelu|domestic|گھریلو', 0.5],
    [VERIFY, 0.7],
  ],
  'service:feedback': [
    ['feedback|فیڈبیک|suggestion|suggestions|tajweez|tajaweez|تجویز|تجاویز|mashwara|مشورہ|opinion', 1.5],
    ['rai|raye|رائے', 1.2],
  ],
  'language:en': [['english|angrezi|inglish|انگریزی|انگلش', 1.5]],
  'language:ur': [['urdu|urdoo|اردو', 1.5]],
  optOut: [
    [`${UPDATES} stop|band|bund|mat|na|no|nahi|بند|نہ|روک`, 2.0],
    ['unsubscribe|ان سبسکرائب', 1.5],
    ['stop|بند', 1.0],
  ],
  optIn: [
    [`${UPDATES} start|shuru|chalu|dobara|phir|again|resume|شروع|دوبارہ|چالو`, 2.0],
    [`${UPDATES} on kar|karo|kardo|kr|کر`, 2.2],
    ['subscribe|سبسکرائب', 1.5],
  ],
  help: [
    ['help|madad|مدد|rehnumai|rahnumai|guidance|guide|رہنمائی', 1.0],
    [`${HOW} use|istemal|chalta|work|works|استعمال|چلتا`, 1.2],
    ['samajh|سمجھ nahi|نہیں|not', 1.2],
    ['kya|what|کیا karun|do|کروں|should', 1.0],
    ['kya|what|can kar|do sakta|you', 1.0],
    ['bot|service|app|سروس|ایپ', 0.3],
  ],
  human: [
    [
      'insaan|insan|human|person|banda|banday|bande|operator|agent|representative|آپریٹر|انسان|بندے|بندہ',
      1.2,
    ],
    ['baat|talk|speak|connect|بات', 0.5],
    ['officer|afsar|افسر baat|talk|speak|بات', 1.5],
    ['real|asli|اصلی', 0.3],
    ['talk|speak|baat|بات someone|somebody|kisi|کسی', 1.2],
  ],
  thanks: [
    // "shukriya aapki madad ka": thanks for the help, not a call for it (heavier, so it claims both words).
    ['shukriya|shukria|thanks|thank|شکریہ madad|help|مدد', 1.8],
    ['shukriya|shukria|thanks|thank|thx|thnx|ty|jazakallah|jazak|شکریہ|جزاک|meherbani|مہربانی', 1.3],
    ['bye|goodbye|hafiz|حافظ', 1.3],
  ],
};
