/**
 * The officer console's own words, in both languages (the portal's mechanism: `Texts` per key). Status,
 * category, district, event and action words come from shared/chat and web/lib/labels.ts, never from here.
 */
import { fill, t, type Language, type Texts } from '../lib/texts.ts';

export const C = {
  // --- frame
  siteName: t('رابطہ', 'Rabta'),
  consoleName: t('افسران کا کنسول', 'Officer console'),
  signOut: t('سائن آؤٹ', 'Sign out'),
  navLabel: t('کنسول', 'Console'),
  navQueue: t('قطار', 'Queue'),
  navFollowUps: t('تادیبی کارروائیاں', 'Follow-ups'),
  navAlerts: t('الرٹس', 'Alerts'),
  navMonitoring: t('نگرانی', 'Monitoring'),
  allDistricts: t('تمام اضلاع', 'all districts'),
  monitoringOnly: t(
    'نگرانی صرف ڈی پی او، آر پی او اور سی پی او کے لیے ہے۔',
    'Monitoring is for DPO, RPO and CPO.',
  ),
  noSuchPage: t('یہ صفحہ موجود نہیں۔', 'No such page.'),
  loading: t('لوڈ ہو رہا ہے…', 'Loading…'),
  any: t('کوئی بھی', 'any'),
  loadMore: t('مزید دکھائیں', 'Load more'),
  done: t('ہو گیا۔', 'Done.'),
  // --- sign-in
  devSignInTitle: t('ڈویلپمنٹ سائن اِن', 'Development sign-in'),
  devSignInNote: t(
    'صرف مقامی رن ٹائم (اسٹیج {stage}): مقامی جاری کنندہ آپ کے منتخب کردہ عہدے اور علاقے کا ٹوکن جاری کرتا ہے۔ تعینات اسٹیج پر افسران Cognito سے سائن اِن کرتے ہیں۔',
    'Local runtime only (stage {stage}): the local issuer signs a token for the role and area you pick. A deployed stage signs officers in through Cognito instead.',
  ),
  role: t('عہدہ', 'Role'),
  region: t('ریجن', 'Region'),
  circle: t('سرکل', 'Circle'),
  displayName: t('ظاہری نام', 'Display name'),
  signIn: t('سائن اِن', 'Sign in'),
  signInFailed: t('سائن اِن نہیں ہو سکا', 'Sign-in failed'),
  cognitoIntro: t(
    'اپنے پولیس اکاؤنٹ سے سائن اِن کریں (کثیر مرحلہ تصدیق لازمی ہے)۔',
    'Sign in with your police account (multi-factor authentication required).',
  ),
  // --- queue
  queueTitle: t('میری قطار', 'My queue'),
  filters: t('فلٹر', 'Filters'),
  status: t('صورتحال', 'Status'),
  overdue: t('تاخیر', 'Overdue'),
  overdueOnly: t('صرف تاخیر والی', 'overdue only'),
  onTimeOnly: t('صرف بروقت', 'on time only'),
  category: t('قسم', 'Category'),
  priority: t('ترجیح', 'Priority'),
  district: t('ضلع', 'District'),
  allInMyArea: t('میرے علاقے کے تمام', 'all in my area'),
  station: t('تھانہ', 'Station'),
  filedFrom: t('درج ہونے کی تاریخ سے', 'Filed from'),
  filedTo: t('درج ہونے کی تاریخ تک', 'Filed to'),
  apply: t('لاگو کریں', 'Apply'),
  order: t('ترتیب', 'Order'),
  newestFirst: t('نئی پہلے', 'newest first'),
  mostOverdueFirst: t('زیادہ تاخیر والی پہلے', 'most overdue first'),
  shown: t('{n} دکھائی گئیں', '{n} shown'),
  queueCaption: t('میرے علاقے کی شکایات', 'Complaints in my area'),
  etag: t('ای ٹیگ', 'E-tag'),
  filed: t('درج ہوئی', 'Filed'),
  districtStation: t('ضلع / تھانہ', 'District / station'),
  sla: t('مقررہ وقت (SLA)', 'SLA'),
  noComplaints: t('کوئی شکایت نہیں ملی۔', 'No complaints match.'),
  // --- SLA clock
  noSla: t('SLA نہیں', 'no SLA'),
  stopped: t('رکا ہوا', 'stopped'),
  paused: t('موقوف (شہری کے جواب کا انتظار)', 'paused (awaiting citizen)'),
  dueIn: t('{phase} {time} میں واجب', '{phase} due in {time}'),
  overdueBy: t('{phase} میں {time} کی تاخیر', '{phase} overdue by {time}'),
  days: t('{n} دن', '{n} d'),
  hours: t('{n} گھنٹے', '{n} h'),
  minutes: t('{n} منٹ', '{n} min'),
  // --- one complaint
  backToQueue: t('قطار پر واپس', 'Queue'),
  notInArea: t('آپ کے علاقے میں ایسی کوئی شکایت نہیں۔', 'No such complaint in your area.'),
  complaint: t('شکایت', 'Complaint'),
  heldBy: t('کس کے پاس', 'Held by'),
  notAssigned: t('کسی کے سپرد نہیں', 'not assigned'),
  breaches: t('{n} بار مقررہ وقت سے تجاوز', '{n} breach(es)'),
  via: t('{time}، بذریعہ {channel}', '{time} via {channel}'),
  version: t('ورژن', 'Version'),
  whatHappened: t('کیا ہوا', 'What happened'),
  location: t('مقام', 'Location'),
  // --- evidence
  attachments: t('منسلک ثبوت', 'Attachments'),
  noAttachments: t('کوئی فائل منسلک نہیں۔', 'Nothing attached.'),
  attachmentKind: t('قسم', 'Kind'),
  attachmentSize: t('سائز', 'Size'),
  attachmentWhen: t('کب', 'When'),
  attachmentFrom: t('ذریعہ', 'From'),
  attachmentState: t('حالت', 'State'),
  attachmentOpen: t('کھولیں', 'Open'),
  attachmentGetLink: t('کھولنے کا لنک لیں', 'Get link'),
  attachmentLink: t('فائل کھولیں ({time} تک)', 'Open the file (until {time})'),
  mustListen: t(
    'شکایت کی تفصیل وائس نوٹ ہے: اسے ضرور سنیں۔',
    'The description is a voice note: you must listen to it.',
  ),
  mustListenMark: t('ضرور سنیں', 'must listen'),
  kilobytes: t('{n} کلوبائٹ', '{n} KB'),
  megabytes: t('{n} میگابائٹ', '{n} MB'),
  complainant: t('شکایت کنندہ (صرف افسران کے لیے)', 'Complainant (officers only)'),
  name: t('نام', 'Name'),
  phone: t('فون', 'Phone'),
  cnic: t('شناختی کارڈ', 'CNIC'),
  overseas: t('بیرون ملک', 'Overseas'),
  yes: t('ہاں', 'yes'),
  no: t('نہیں', 'no'),
  updates: t('اطلاعات', 'Updates'),
  optedOut: t('اطلاعات بند', 'opted out'),
  updatesBy: t('واٹس ایپ، {language}', 'WhatsApp, {language}'),
  timeline: t('کارروائی کی تفصیل', 'Timeline'),
  actions: t('کارروائیاں', 'Actions'),
  assign: t('سپرد کریں', 'Assign'),
  level: t('سطح', 'Level'),
  stationOptional: t('تھانہ (اختیاری)', 'Station (optional)'),
  circleOptional: t('سرکل (اختیاری)', 'Circle (optional)'),
  officerOptional: t('افسر کی شناخت (اختیاری)', 'Officer id (optional)'),
  noteOptional: t('نوٹ (اختیاری)', 'Note (optional)'),
  recordAction: t('کارروائی درج کریں', 'Record an action'),
  recordActionButton: t('کارروائی درج کریں', 'Record action'),
  whatWasDone: t('کیا کیا گیا', 'What was done'),
  firNumber: t('ایف آئی آر نمبر (اگر درج ہوئی)', 'FIR number (when an FIR was registered)'),
  fir: t('ایف آئی آر', 'FIR'),
  noteCitizenSees: t('نوٹ (شہری اسے دیکھے گا)', 'Note (the citizen sees it)'),
  whoMayRead: t('نوٹ کون پڑھ سکتا ہے', 'Who may read the note'),
  officersOnly: t('صرف افسران (اندرونی)', 'Officers only (internal)'),
  citizenToo: t('شہری بھی (واٹس ایپ اپ ڈیٹس اور ٹریکنگ)', 'The citizen too (WhatsApp updates and tracking)'),
  alwaysToCitizen: t(
    'شہری سے سوال اور نامنظوری کی وجہ ہمیشہ شہری تک پہنچتی ہے۔',
    'A question to the citizen and a rejection’s reason always reach the citizen.',
  ),
  internalMark: t('[اندرونی] ', '[internal] '),
  citizenMark: t('[شہری دیکھتا ہے] ', '[citizen sees] '),
  takeAndStart: t('خود لیں اور کام شروع کریں', 'Take and start'),
  takeAndStartHint: t(
    'یہ شکایت اپنی سطح پر خود لیں اور ایک ہی قدم میں اس پر کام شروع کریں۔',
    'Take this complaint yourself, at your level, and start work on it in one step.',
  ),
  changeStatus: t('صورتحال تبدیل کریں', 'Change status'),
  change: t('تبدیلی', 'Change'),
  noteQuestionReason: t('نوٹ / سوال / وجہ', 'Note / question / reason'),
  conflict: t(
    'اس دوران کسی اور نے یہ شکایت تبدیل کر دی۔ اوپر تازہ صورت دکھا دی گئی ہے؛ آپ کا لکھا محفوظ ہے — دیکھ کر دوبارہ بھیجیں۔',
    'Someone else changed this complaint meanwhile. It has been reloaded above; your text is kept — check and send again.',
  ),
  // --- follow-ups and alerts
  followUpsTitle: t('تادیبی کارروائیاں', 'Disciplinary follow-ups'),
  state: t('مرحلہ', 'State'),
  post: t('عہدہ', 'Post'),
  breach: t('تاخیر', 'Breach'),
  action: t('کارروائی', 'Action'),
  breached: t('تجاوز ہوا', 'breached'),
  actOn: t('کارروائی: {id}', 'Act on follow-up {id}'),
  outcomeWhenClosing: t('نتیجہ (بند کرتے وقت)', 'Outcome (when closing)'),
  note: t('نوٹ', 'Note'),
  send: t('بھیجیں', 'Send'),
  followUpConflict: t(
    'اس دوران کسی اور نے تبدیلی کی؛ تازہ صورت لوڈ ہو گئی — دیکھ کر دوبارہ بھیجیں۔',
    'Changed by someone else meanwhile; reloaded — check and send again.',
  ),
  noFollowUps: t('کوئی تادیبی کارروائی نہیں۔', 'No follow-ups.'),
  alertsTitle: t('الرٹس', 'Alerts'),
  alertsCaption: t('مقررہ وقت کی تنبیہات اور تجاوز', 'SLA warnings and breaches'),
  when: t('کب', 'When'),
  kind: t('نوعیت', 'Kind'),
  due: t('واجب', 'Due'),
  noAlerts: t('کوئی الرٹ نہیں۔', 'No alerts.'),
  // --- monitoring
  monitoringTitle: t('نگرانی', 'Monitoring'),
  period: t('مدت', 'Period'),
  lastDays: t('پچھلے {n} دن', 'last {n} days'),
  exportCsv: t('CSV برآمد کریں', 'Export CSV'),
  totals: t('مجموعی', 'Totals'),
  open: t('زیرِ کارروائی', 'Open'),
  slaBreaches: t('مقررہ وقت سے تجاوز', 'SLA breaches'),
  slaCompliance: t('مقررہ وقت کی پابندی', 'SLA compliance'),
  medians: t('پہلی کارروائی / حل تک درمیانی وقت', 'Median to first action / resolution'),
  compliancePct: t('پابندی %', 'Compliance %'),
  perDistrict: t('ضلع وار', 'Per district'),
  overWeeks: t('پچھلے {n} ہفتے', 'Over the last {n} weeks'),
  complaints: t('شکایات', 'complaints'),
  weekTo: t('ہفتہ ختم', 'Week to'),
  districts: t('اضلاع', 'Districts'),
  districtsCaption: t('ضلع وار اعداد', 'Figures per district'),
  medianFirst: t('پہلی کارروائی تک درمیانی گھنٹے', 'Median h to first action'),
  medianResolution: t('حل تک درمیانی گھنٹے', 'Median h to resolution'),
  perStation: t('تھانہ وار تجاوز', 'Breaches per station'),
  perStationCaption: t('تھانہ وار مقررہ وقت سے تجاوز', 'SLA breaches per station'),
  noBreaches: t('اس مدت میں کوئی تجاوز نہیں۔', 'No breaches in this period.'),
  itemsRead: t('اس رپورٹ کے لیے {n} اندراجات پڑھے گئے۔', '{n} items read for this report.'),
  scrollTable: t('{caption} (دائیں بائیں اسکرول کریں)', '{caption} (scrolls sideways)'),
  // --- monitoring: per officer and service feedback
  perOfficer: t('افسر وار تجاوز', 'Breaches per officer'),
  perOfficerCaption: t(
    'ہر افسر کے مقررہ وقت سے تجاوز اور درمیانی تاخیر',
    'SLA breaches and median delay per officer',
  ),
  officer: t('افسر', 'Officer'),
  posts: t('عہدہ / تعیناتی', 'Post(s)'),
  openFollowUps: t('کھلی تادیبی کارروائیاں', 'Open follow-ups'),
  medianDelay: t('درمیانی تاخیر (گھنٹے)', 'Median delay h'),
  noOfficerBreaches: t(
    'اس مدت میں کسی تجاوز میں کسی افسر کا نام نہیں۔',
    'No breach named an officer in this period.',
  ),
  delayHint: t(
    'تاخیر: مقررہ وقت گزرنے سے پہلے شکایت کتنی دیر افسر کے عہدے کے پاس رہی۔',
    'Delay: how long the complaint waited with the officer’s post before its deadline passed.',
  ),
  vacantBreaches: t('خالی عہدوں پر {n} تجاوز: {posts}۔', '{n} breach(es) at vacant posts: {posts}.'),
  unattributed: t('{n} پرانے تجاوز میں کسی افسر کا نام نہیں۔', '{n} older breach(es) name no officer.'),
  truncatedFigures: t(
    'تادیبی کارروائیاں بہت زیادہ ہیں: مکمل اعداد کے لیے مدت کم کریں۔',
    'Too many follow-ups: narrow the period for complete figures.',
  ),
  serviceFeedback: t('خدمات پر رائے (واٹس ایپ)', 'Service feedback (WhatsApp)'),
  noFeedback: t('ابھی کوئی رائے نہیں۔', 'No feedback yet.'),
  moreFeedback: t('مزید رائے', 'More feedback'),
};

export { fill };

/** The console's words for values the API returns as codes. */
export const PRIORITY_LABELS: Record<string, Texts> = {
  urgent: t('فوری', 'urgent'),
  high: t('زیادہ', 'high'),
  normal: t('عام', 'normal'),
  low: t('کم', 'low'),
};

export const EVIDENCE_STATE_LABELS: Record<string, Texts> = {
  stored: t('محفوظ', 'kept'),
  refused: t('مسترد', 'refused'),
  unavailable: t('دستیاب نہیں', 'unavailable'),
};

/** Why a file was not kept (REFUSAL_REASONS in shared/domain/evidence.ts). */
export const EVIDENCE_REASON_LABELS: Record<string, Texts> = {
  executable: t('پروگرام یا اسکرپٹ', 'program or script'),
  archive: t('زِپ/کمپریسڈ فائل', 'archive'),
  sticker: t('اسٹیکر', 'sticker'),
  type_not_allowed: t('قسم قابلِ قبول نہیں', 'type not accepted'),
  type_mismatch: t('مواد قسم سے مختلف', 'content not of its type'),
  too_large: t('حد سے بڑی', 'too large'),
  empty: t('خالی', 'empty'),
  unavailable: t('میٹا سے حاصل نہ ہو سکی', 'could not be fetched from Meta'),
  upload_missing: t('اپ لوڈ نہیں ہوئی', 'never uploaded'),
  upload_expired: t('اپ لوڈ کا وقت ختم', 'upload expired'),
  size_mismatch: t('سائز مختلف', 'size differs'),
};

export const PHASE_LABELS: Record<string, Texts> = {
  first_action: t('پہلی کارروائی', 'first action'),
  resolution: t('حل', 'resolution'),
};

export const CHANNEL_LABELS: Record<string, Texts> = {
  web: t('ویب سائٹ', 'web'),
  whatsapp: t('واٹس ایپ', 'WhatsApp'),
  api: t('API', 'API'),
};

export const ALERT_KIND_LABELS: Record<string, Texts> = {
  new_complaint: t('نئی شکایت', 'new complaint'),
  warning: t('تنبیہ', 'warning'),
  breach: t('تجاوز', 'breach'),
};

export const FOLLOW_UP_STATE_LABELS: Record<string, Texts> = {
  open: t('کھلی', 'open'),
  explanation_called: t('وضاحت طلب', 'explanation called'),
  show_cause_issued: t('شوکاز نوٹس جاری', 'show-cause issued'),
  closed: t('بند', 'closed'),
};

export const FOLLOW_UP_OUTCOME_LABELS: Record<string, Texts> = {
  exonerated: t('بری', 'exonerated'),
  warning: t('تنبیہ', 'warning'),
  penalty: t('سزا', 'penalty'),
};

export const FOLLOW_UP_ACTIONS: readonly { type: string; label: Texts }[] = [
  { type: 'callExplanation', label: t('وضاحت طلب کریں', 'Call explanation') },
  { type: 'issueShowCause', label: t('شوکاز نوٹس جاری کریں', 'Issue show-cause') },
  { type: 'addNote', label: t('نوٹ شامل کریں', 'Add note') },
  { type: 'close', label: t('بند کریں', 'Close') },
];

export const TRANSITIONS: readonly { type: string; label: Texts }[] = [
  { type: 'start', label: t('کام شروع کریں', 'Start work') },
  { type: 'requestCitizenInfo', label: t('شہری سے معلومات طلب کریں', 'Ask the citizen for information') },
  { type: 'resolve', label: t('حل شدہ قرار دیں', 'Resolve') },
  { type: 'reject', label: t('نامنظور کریں', 'Reject (not accepted)') },
  { type: 'reopen', label: t('دوبارہ کھولیں', 'Reopen') },
  { type: 'close', label: t('بند کریں', 'Close') },
];

/** A code's label, or the code itself when the API sends one this build does not know. */
export const labelOf = (table: Record<string, Texts>, code: string, lang: Language): string =>
  table[code]?.[lang] ?? code;
