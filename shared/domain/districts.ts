/**
 * Punjab's 41 districts (2024-25, incl. Murree, Talagang, Wazirabad, Kot Addu and Taunsa) and the Punjab
 * Police regions they report to. Lahore is policed by the Capital City Police Officer (CCPO) as a region of
 * its own; every other region is headed by a Regional Police Officer (RPO). The Gujrat revenue division
 * (Gujrat, Hafizabad, Mandi Bahauddin, Wazirabad) still falls under RPO Gujranwala.
 *
 * District codes are three letters, never `U`, and stay distinct after the Crockford folding used by
 * e-tags (I/L → 1, O → 0), so a code typed with a digit for a look-alike letter still resolves to one
 * district (see etag.ts). Region codes are lowercase slugs so they never collide with district codes.
 */
import type { PostTitle } from './force/structure.ts';
import type { SlaLevel } from './sla.ts';

export interface Region {
  code: string;
  en: string;
  ur: string;
}

export interface District {
  code: string;
  en: string;
  ur: string;
  region: string;
  /** Other spellings, Roman-Urdu forms, old names; matched by `matchDistrict`. */
  aliases: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { code: 'lahore', en: 'Lahore (Capital City Police)', ur: 'لاہور (کیپیٹل سٹی پولیس)' },
  { code: 'sheikhupura', en: 'Sheikhupura Region', ur: 'شیخوپورہ ریجن' },
  { code: 'gujranwala', en: 'Gujranwala Region', ur: 'گوجرانوالہ ریجن' },
  { code: 'rawalpindi', en: 'Rawalpindi Region', ur: 'راولپنڈی ریجن' },
  { code: 'sargodha', en: 'Sargodha Region', ur: 'سرگودھا ریجن' },
  { code: 'faisalabad', en: 'Faisalabad Region', ur: 'فیصل آباد ریجن' },
  { code: 'sahiwal', en: 'Sahiwal Region', ur: 'ساہیوال ریجن' },
  { code: 'multan', en: 'Multan Region', ur: 'ملتان ریجن' },
  { code: 'bahawalpur', en: 'Bahawalpur Region', ur: 'بہاولپور ریجن' },
  { code: 'dg_khan', en: 'Dera Ghazi Khan Region', ur: 'ڈیرہ غازی خان ریجن' },
];

export const DISTRICTS: readonly District[] = [
  // Lahore (CCPO)
  {
    code: 'LHR',
    en: 'Lahore',
    ur: 'لاہور',
    region: 'lahore',
    aliases: ['Lahor', 'Lahour', 'Lhr', 'Lahore City'],
  },
  // Sheikhupura region
  {
    code: 'SKP',
    en: 'Sheikhupura',
    ur: 'شیخوپورہ',
    region: 'sheikhupura',
    aliases: ['Shekhupura', 'Sheikhupur', 'Shaikhupura', 'Sheikhopura'],
  },
  {
    code: 'KSR',
    en: 'Kasur',
    ur: 'قصور',
    region: 'sheikhupura',
    aliases: ['Qasur', 'Kasoor', 'Qasoor', 'Kusur'],
  },
  {
    code: 'NNS',
    en: 'Nankana Sahib',
    ur: 'ننکانہ صاحب',
    region: 'sheikhupura',
    aliases: ['Nankana', 'Nankana Saheb', 'ننکانہ'],
  },
  // Gujranwala region
  {
    code: 'GRW',
    en: 'Gujranwala',
    ur: 'گوجرانوالہ',
    region: 'gujranwala',
    aliases: ['Gujranwalla', 'Gujranwal', 'Gojranwala', 'گوجرانوالا'],
  },
  {
    code: 'SKT',
    en: 'Sialkot',
    ur: 'سیالکوٹ',
    region: 'gujranwala',
    aliases: ['Sialkote', 'Sialkoat', 'Syalkot'],
  },
  {
    code: 'NRW',
    en: 'Narowal',
    ur: 'نارووال',
    region: 'gujranwala',
    aliases: ['Narowaal', 'Narrowal', 'ناروال'],
  },
  { code: 'GJT', en: 'Gujrat', ur: 'گجرات', region: 'gujranwala', aliases: ['Gujarat', 'Gujraat'] },
  {
    code: 'HFZ',
    en: 'Hafizabad',
    ur: 'حافظ آباد',
    region: 'gujranwala',
    aliases: ['Hafiz Abad', 'Hafizabaad', 'حافظآباد'],
  },
  {
    code: 'MBD',
    en: 'Mandi Bahauddin',
    ur: 'منڈی بہاؤالدین',
    region: 'gujranwala',
    aliases: [
      'Mandi Bahaudin',
      'Mandi Bahauldin',
      'Mandi Baha ud Din',
      'M.B. Din',
      'MB Din',
      'منڈی بہاالدین',
    ],
  },
  {
    code: 'WZD',
    en: 'Wazirabad',
    ur: 'وزیر آباد',
    region: 'gujranwala',
    aliases: ['Wazir Abad', 'Wazeerabad', 'وزیرآباد'],
  },
  // Rawalpindi region
  {
    code: 'RWP',
    en: 'Rawalpindi',
    ur: 'راولپنڈی',
    region: 'rawalpindi',
    aliases: ['Pindi', 'Rawal Pindi', 'Rwp', 'پنڈی'],
  },
  {
    code: 'ATK',
    en: 'Attock',
    ur: 'اٹک',
    region: 'rawalpindi',
    aliases: ['Atak', 'Attok', 'Campbellpur', 'Campbellpore', 'کیمبل پور'],
  },
  { code: 'CKW', en: 'Chakwal', ur: 'چکوال', region: 'rawalpindi', aliases: ['Chakwaal', 'Chakval'] },
  {
    code: 'JHM',
    en: 'Jhelum',
    ur: 'جہلم',
    region: 'rawalpindi',
    aliases: ['Jehlum', 'Jhelam', 'Jehlam', 'جھلم'],
  },
  {
    code: 'MRR',
    en: 'Murree',
    ur: 'مری',
    region: 'rawalpindi',
    aliases: ['Muree', 'Murri', 'Mari', 'Marri'],
  },
  {
    code: 'TLG',
    en: 'Talagang',
    ur: 'تلہ گنگ',
    region: 'rawalpindi',
    aliases: ['Tala Gang', 'Tallagang', 'تلہگنگ'],
  },
  // Sargodha region
  {
    code: 'SGD',
    en: 'Sargodha',
    ur: 'سرگودھا',
    region: 'sargodha',
    aliases: ['Sargoda', 'Sargodah', 'سرگودہا'],
  },
  { code: 'KSB', en: 'Khushab', ur: 'خوشاب', region: 'sargodha', aliases: ['Khoshab', 'Khushaab', 'Kushab'] },
  {
    code: 'MNW',
    en: 'Mianwali',
    ur: 'میانوالی',
    region: 'sargodha',
    aliases: ['Mianwaali', 'Mianvali', 'Mian Wali'],
  },
  { code: 'BKR', en: 'Bhakkar', ur: 'بھکر', region: 'sargodha', aliases: ['Bhakar', 'Bhakhar', 'Bhakker'] },
  // Faisalabad region
  {
    code: 'FSD',
    en: 'Faisalabad',
    ur: 'فیصل آباد',
    region: 'faisalabad',
    aliases: ['Lyallpur', 'Faisal Abad', 'Faislabad', 'Fsd', 'لائلپور', 'فیصلآباد'],
  },
  {
    code: 'JHG',
    en: 'Jhang',
    ur: 'جھنگ',
    region: 'faisalabad',
    aliases: ['Jhang Sadar', 'Jang', 'جھنگ صدر'],
  },
  {
    code: 'TTS',
    en: 'Toba Tek Singh',
    ur: 'ٹوبہ ٹیک سنگھ',
    region: 'faisalabad',
    aliases: ['Toba', 'TT Singh', 'T.T. Singh', 'Toba Tek Sing', 'ٹوبہ'],
  },
  {
    code: 'CNT',
    en: 'Chiniot',
    ur: 'چنیوٹ',
    region: 'faisalabad',
    aliases: ['Chinyot', 'Chiniyot', 'Chinot'],
  },
  // Sahiwal region
  {
    code: 'SWL',
    en: 'Sahiwal',
    ur: 'ساہیوال',
    region: 'sahiwal',
    aliases: ['Montgomery', 'Saahiwal', 'Sahiwaal', 'منٹگمری'],
  },
  { code: 'OKR', en: 'Okara', ur: 'اوکاڑہ', region: 'sahiwal', aliases: ['Ukara', 'Okarra', 'اوکاڑا'] },
  {
    code: 'PKP',
    en: 'Pakpattan',
    ur: 'پاکپتن',
    region: 'sahiwal',
    aliases: ['Pak Pattan', 'Pakpatan', 'Pakpattan Sharif', 'پاک پتن'],
  },
  // Multan region
  { code: 'MTN', en: 'Multan', ur: 'ملتان', region: 'multan', aliases: ['Multaan', 'Moltan'] },
  {
    code: 'KWL',
    en: 'Khanewal',
    ur: 'خانیوال',
    region: 'multan',
    aliases: ['Khaniwal', 'Khanewaal', 'Khanewall'],
  },
  { code: 'VHR', en: 'Vehari', ur: 'وہاڑی', region: 'multan', aliases: ['Wehari', 'Vihari', 'Vehaari'] },
  { code: 'LDN', en: 'Lodhran', ur: 'لودھراں', region: 'multan', aliases: ['Lodran', 'Lodhraan', 'لودہراں'] },
  // Bahawalpur region
  {
    code: 'BWP',
    en: 'Bahawalpur',
    ur: 'بہاولپور',
    region: 'bahawalpur',
    aliases: ['Bahawal Pur', 'Bhawalpur', 'Bahawalpoor', 'بہاول پور'],
  },
  {
    code: 'BWN',
    en: 'Bahawalnagar',
    ur: 'بہاولنگر',
    region: 'bahawalpur',
    aliases: ['Bahawal Nagar', 'Bhawalnagar', 'بہاول نگر'],
  },
  {
    code: 'RYK',
    en: 'Rahim Yar Khan',
    ur: 'رحیم یار خان',
    region: 'bahawalpur',
    aliases: ['RY Khan', 'R.Y. Khan', 'Rahimyar Khan', 'Rahim Yaar Khan', 'Rahimyarkhan'],
  },
  // Dera Ghazi Khan region
  {
    code: 'DGK',
    en: 'Dera Ghazi Khan',
    ur: 'ڈیرہ غازی خان',
    region: 'dg_khan',
    aliases: ['DG Khan', 'D.G. Khan', 'D G Khan', 'Dera Ghazi', 'ڈی جی خان'],
  },
  {
    code: 'RJP',
    en: 'Rajanpur',
    ur: 'راجن پور',
    region: 'dg_khan',
    aliases: ['Rajan Pur', 'Rajanpoor', 'راجنپور'],
  },
  {
    code: 'MZG',
    en: 'Muzaffargarh',
    ur: 'مظفر گڑھ',
    region: 'dg_khan',
    aliases: ['Muzafargarh', 'Muzaffar Garh', 'Muzafar Garh', 'مظفرگڑھ'],
  },
  { code: 'LYH', en: 'Layyah', ur: 'لیہ', region: 'dg_khan', aliases: ['Leiah', 'Layya', 'Leia', 'Liya'] },
  {
    code: 'KTA',
    en: 'Kot Addu',
    ur: 'کوٹ ادو',
    region: 'dg_khan',
    aliases: ['Kot Adu', 'Kotaddu', 'Kot Ado', 'کوٹادو'],
  },
  {
    code: 'TNS',
    en: 'Taunsa',
    ur: 'تونسہ',
    region: 'dg_khan',
    aliases: ['Taunsa Sharif', 'Tonsa', 'Taunsa Shareef', 'تونسہ شریف'],
  },
];

const byCode = new Map(DISTRICTS.map((d) => [d.code, d]));

/** Exact code lookup, case-insensitive and whitespace-tolerant. */
export const findDistrict = (code: string): District | undefined => byCode.get(code.trim().toUpperCase());

export const findRegion = (code: string): Region | undefined =>
  REGIONS.find((r) => r.code === code.trim().toLowerCase());

export const districtsOfRegion = (regionCode: string): District[] => {
  const region = regionCode.trim().toLowerCase();
  return DISTRICTS.filter((d) => d.region === region);
};

/** Lowercase, drop everything but letters/digits (Latin and Urdu) so "D.G. Khan" meets "dg khan". */
const nameKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

const byName = new Map<string, District>();
for (const d of DISTRICTS) {
  for (const name of [d.code, d.en, d.ur, ...d.aliases]) byName.set(nameKey(name), d);
}

/**
 * Free-text lookup for forms and chat: code, English or Urdu name, or any alias
 * (case, spaces and punctuation ignored). Exact match only, no guessing.
 */
export const matchDistrict = (text: string): District | undefined => {
  const key = nameKey(text);
  return key ? byName.get(key) : undefined;
};

/** Districts headed by a City Police Officer instead of a DPO. */
export const CITY_POLICE_DISTRICTS: readonly string[] = ['RWP', 'FSD', 'MTN', 'GRW'];

/** Lahore: no DPO and no RPO; an SP heads each operations division and the CCPO the city. */
export const CAPITAL_CITY_DISTRICT = 'LHR';

/**
 * The title of the post acting at an SLA tier for a district's complaints, in the province's public structure:
 * what the citizen is told a complaint was escalated to ("the City Police Officer", never "the DPO", in
 * Rawalpindi; "the CCPO" in Lahore, which has no RPO).
 */
export const titleAtTier = (tier: SlaLevel, district: string): PostTitle => {
  const capital = district === CAPITAL_CITY_DISTRICT;
  switch (tier) {
    case 'SHO':
      return 'SHO';
    case 'SDPO':
      return 'SDPO';
    case 'DPO':
      return capital
        ? 'SP_DIVISION'
        : CITY_POLICE_DISTRICTS.includes(district)
          ? 'CITY_POLICE_OFFICER'
          : 'DPO';
    case 'RPO':
      return capital ? 'CCPO' : 'RPO';
    case 'CPO':
      return 'IG_COMPLAINT_CELL';
  }
};
