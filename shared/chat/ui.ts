/**
 * The bot's own words (prompts, button labels, acknowledgements, results and complaint updates), in Urdu and
 * English. Service content lives in catalog.ts; the short labels the bot and the web pages share (statuses,
 * timeline entries, posts, dates) in labels.ts, kept apart so the web bundle carries only those.
 */
import type { Bilingual } from './catalog.ts';

export const UI = {
  welcome: {
    en: 'Assalam-o-Alaikum! Welcome to *Rabta*, the WhatsApp service of Punjab Police.',
    ur: 'السلام علیکم! پنجاب پولیس کی واٹس ایپ سروس *رابطہ* میں خوش آمدید۔',
  },
  menuTitle: { en: '*Main menu* — reply with a number:', ur: '*مین مینیو* — نمبر لکھ کر جواب دیں:' },
  menuFooter: {
    en: `Also: *status* = your complaints · *FIR* = how to register an FIR · *licence* = driving licence · *0* = this menu
اردو کے لیے *urdu* لکھیں`,
    ur: `مزید: *حیثیت* = آپ کی شکایات · *FIR* = ایف آئی آر کا طریقہ · *لائسنس* = ڈرائیونگ لائسنس · *0* = یہ مینیو
For English, type *english*`,
  },
  welcomeLine: {
    en: 'Assalam-o-Alaikum! This is *Rabta*, the WhatsApp service of Punjab Police.',
    ur: 'السلام علیکم! یہ پنجاب پولیس کی واٹس ایپ سروس *رابطہ* ہے۔',
  },
  /** Offered with the first reply: the button switches to the other language. */
  languageOffer: {
    en: 'اردو میں جواب کے لیے نیچے دبائیں۔',
    ur: 'For replies in English, press below.',
  },
  btnOtherLanguage: { en: 'اردو', ur: 'English' },
  btnEnglish: { en: 'English', ur: 'English' },
  btnUrdu: { en: 'اردو', ur: 'اردو' },
  didYouMean: { en: 'Did you mean:', ur: 'کیا آپ کا مطلب ہے:' },
  help: {
    en: `Here you can:
• file a complaint and follow it (type *complaint*, or *status* for your complaints)
• read about police services: type *0* for the menu of 15 services, or ask in your own words ("how to get a licence", "FIR kaise darj hoti hai")
• report a missing child (Zainab Alert) or harassment, confidentially
Write in Urdu, Roman Urdu or English. In an emergency call *15*.`,
    ur: `یہاں آپ:
• شکایت درج کر کے اس کی پیروی کر سکتے ہیں (*شکایت* لکھیں، یا اپنی شکایات کے لیے *حیثیت*)
• پولیس خدمات کے بارے میں جان سکتے ہیں: 15 خدمات کے مینیو کے لیے *0* لکھیں، یا اپنے الفاظ میں پوچھیں ("لائسنس کیسے بنتا ہے"، "FIR kaise darj hoti hai")
• لاپتہ بچے (زینب الرٹ) یا ہراسانی کی رازداری سے اطلاع دے سکتے ہیں
اردو، رومن اردو یا انگریزی میں لکھیں۔ ایمرجنسی میں *15* پر کال کریں۔`,
  },
  person: {
    en: `This WhatsApp service is answered automatically; officers act on the complaints filed here and reply in this chat.
• To speak to the police now: call *15* (emergency) or *1787* (Punjab Police helpline).
• To reach senior officers about a police station or an officer: file a complaint here (type *complaint*).`,
    ur: `اس واٹس ایپ سروس پر جوابات خودکار ہیں؛ یہاں درج شکایات پر افسران کارروائی کرتے ہیں اور اسی چیٹ میں جواب دیتے ہیں۔
• پولیس سے ابھی بات کرنے کے لیے *15* (ایمرجنسی) یا *1787* (پنجاب پولیس ہیلپ لائن) پر کال کریں۔
• کسی تھانے یا افسر کے بارے میں سینئر افسران تک بات پہنچانے کے لیے یہاں شکایت درج کریں (*شکایت* لکھیں)۔`,
  },
  thanks: {
    en: 'You are welcome. Type *0* whenever you need the menu.',
    ur: 'آپ کا شکریہ۔ جب بھی ضرورت ہو مینیو کے لیے *0* لکھیں۔',
  },
  backToMenu: { en: 'Type *0* for the main menu.', ur: 'مین مینیو کے لیے *0* لکھیں۔' },
  acknowledged: {
    en: '👍 Whenever you need us, type *0* for the menu.',
    ur: '👍 جب بھی ضرورت ہو، مینیو کے لیے *0* لکھیں۔',
  },
  submenuFooter: {
    en: 'Type another number, or *0* for the main menu.',
    ur: 'کوئی اور نمبر لکھیں، یا مین مینیو کے لیے *0*۔',
  },
  notUnderstood: {
    en: `Sorry, I did not understand that.
• *0* — main menu
• *complaint* — file a complaint
• *status* — follow your complaints
In an emergency call *15*.`,
    ur: `معذرت، میں یہ بات نہیں سمجھ سکا۔
• *0* — مین مینیو
• *شکایت* — شکایت درج کریں
• *حیثیت* — اپنی شکایات کی صورتحال
ایمرجنسی میں *15* پر کال کریں۔`,
  },
  unsupported: {
    en: 'I can read text messages, buttons and locations here (and photos or voice notes while you file a complaint). Type *0* for the main menu.',
    ur: 'میں یہاں تحریری پیغامات، بٹن اور لوکیشن پڑھ سکتا ہوں (اور شکایت درج کرتے وقت تصاویر یا وائس نوٹ)۔ مین مینیو کے لیے *0* لکھیں۔',
  },
  mediaOutsideComplaint: {
    en: 'To send photos, videos or voice notes as evidence, first start a complaint: type *complaint*. For a complaint you already filed, type *add to my complaint* and send them again. Type *0* for the main menu.',
    ur: 'تصاویر، ویڈیو یا وائس نوٹ بطور ثبوت بھیجنے کے لیے پہلے شکایت شروع کریں: *شکایت* لکھیں۔ پہلے سے درج شکایت کے لیے *شکایت میں شامل کریں* لکھیں اور فائلیں دوبارہ بھیجیں۔ مین مینیو کے لیے *0* لکھیں۔',
  },
  addEvidenceAsk: {
    en: 'Send the photos, voice notes, videos or documents now: they will be added to {0}. We will tell you about each one. Type *done* when finished.',
    ur: 'اب تصاویر، وائس نوٹ، ویڈیو یا دستاویزات بھیجیں: یہ {0} میں شامل کی جائیں گی۔ ہم ہر فائل کے بارے میں آپ کو بتائیں گے۔ مکمل ہونے پر *بس* لکھیں۔',
  },
  addEvidenceNewest: { en: 'your latest open complaint', ur: 'آپ کی تازہ ترین زیرِ کارروائی شکایت' },
  addEvidenceTo: { en: 'complaint {0}', ur: 'شکایت {0}' },
  addEvidenceDone: {
    en: 'Thank you. Type *0* for the main menu.',
    ur: 'شکریہ۔ مین مینیو کے لیے *0* لکھیں۔',
  },
  noComplaintForEvidence: {
    en: 'We found no open complaint of yours to add this to. To file one, type *complaint*.',
    ur: 'ہمیں آپ کی کوئی زیرِ کارروائی شکایت نہیں ملی جس میں اسے شامل کیا جائے۔ شکایت درج کرنے کے لیے *شکایت* لکھیں۔',
  },
  emergency: {
    en: '🚨 If you or anyone is in danger right now, call *15* (Police) immediately. For an ambulance or fire, call *1122*.',
    ur: '🚨 اگر آپ یا کوئی اور اس وقت خطرے میں ہے تو فوراً *15* (پولیس) پر کال کریں۔ ایمبولینس یا آگ کے لیے *1122* پر کال کریں۔',
  },
  slowDown: {
    en: 'You are sending messages very quickly. Please wait a minute and send one message at a time. In an emergency call *15*.',
    ur: 'آپ بہت تیزی سے پیغامات بھیج رہے ہیں۔ براہِ کرم ایک منٹ انتظار کریں اور ایک وقت میں ایک پیغام بھیجیں۔ ایمرجنسی میں *15* پر کال کریں۔',
  },
  cancelled: {
    en: 'Cancelled. Nothing was submitted. Type *0* for the main menu.',
    ur: 'منسوخ کر دیا گیا۔ کچھ جمع نہیں ہوا۔ مین مینیو کے لیے *0* لکھیں۔',
  },
  nothingToCancel: {
    en: 'There is nothing to cancel. Type *0* for the main menu.',
    ur: 'منسوخ کرنے کے لیے کچھ نہیں۔ مین مینیو کے لیے *0* لکھیں۔',
  },
  languageSet: { en: 'OK, I will reply in English.', ur: 'ٹھیک ہے، اب میں اردو میں جواب دوں گا۔' },
  invalidEtag: {
    en: 'That does not look like a valid e-tag number (for example {0}). Please check it and send it again, or type *status* to see all your complaints.',
    ur: 'یہ درست ای ٹیگ نمبر نہیں لگتا (مثال: {0})۔ براہِ کرم چیک کر کے دوبارہ بھیجیں، یا اپنی تمام شکایات دیکھنے کے لیے *حیثیت* لکھیں۔',
  },
  menuRange: { en: 'Please reply with a number from 1 to 15.', ur: 'براہِ کرم 1 سے 15 تک کوئی نمبر لکھیں۔' },

  // complaint flow
  complaintIntro: {
    en: 'Let us file your complaint. It takes a few steps; type *cancel* at any time to stop.',
    ur: 'آئیں آپ کی شکایت درج کریں۔ چند مراحل ہیں؛ کسی بھی وقت رکنے کے لیے *منسوخ* لکھیں۔',
  },
  harassmentIntro: {
    en: 'Thank you for trusting us. A few questions; type *cancel* at any time to stop.',
    ur: 'ہم پر اعتماد کا شکریہ۔ چند سوالات ہیں؛ کسی بھی وقت رکنے کے لیے *منسوخ* لکھیں۔',
  },
  askDistrict: {
    en: 'In which *district* did it happen? Type the name (e.g. Lahore, Multan, لاہور) or pick your region from the list.',
    ur: 'یہ واقعہ کس *ضلع* میں ہوا؟ نام لکھیں (مثلاً لاہور، ملتان، Lahore) یا فہرست سے اپنا ریجن منتخب کریں۔',
  },
  askDistrictChild: {
    en: 'In which *district* was the child last seen? Type the name or pick the region from the list.',
    ur: 'بچہ آخری بار کس *ضلع* میں دیکھا گیا؟ نام لکھیں یا فہرست سے ریجن منتخب کریں۔',
  },
  districtNotFound: {
    en: 'I could not find that district. Please check the spelling or pick your region from the list.',
    ur: 'یہ ضلع نہیں ملا۔ براہِ کرم ہجے چیک کریں یا فہرست سے اپنا ریجن منتخب کریں۔',
  },
  districtWhich: { en: 'Which district do you mean?', ur: 'آپ کی مراد کون سا ضلع ہے؟' },
  pickRegionButton: { en: 'Choose region', ur: 'ریجن منتخب کریں' },
  pickDistrictButton: { en: 'Choose district', ur: 'ضلع منتخب کریں' },
  regionsSection: { en: 'Regions', ur: 'ریجنز' },
  districtsSection: { en: 'Districts', ur: 'اضلاع' },
  pickDistrictOfRegion: { en: 'Choose your district:', ur: 'اپنا ضلع منتخب کریں:' },
  more: { en: 'More…', ur: 'مزید…' },
  districtSet: { en: 'District: *{0}*', ur: 'ضلع: *{0}*' },
  askCategory: {
    en: 'What is the complaint about? Reply with the number or choose from the list:',
    ur: 'شکایت کس بارے میں ہے؟ نمبر لکھیں یا فہرست سے منتخب کریں:',
  },
  askCategorySensitive: {
    en: 'Which of these best describes it? Reply with the number or choose from the list:',
    ur: 'ان میں سے کون سا بہتر بیان کرتا ہے؟ نمبر لکھیں یا فہرست سے منتخب کریں:',
  },
  pickCategoryButton: { en: 'Choose', ur: 'منتخب کریں' },
  categoriesSection: { en: 'Categories', ur: 'اقسام' },
  invalidCategory: {
    en: 'Please reply with one of the numbers shown.',
    ur: 'براہِ کرم دکھائے گئے نمبروں میں سے کوئی ایک لکھیں۔',
  },
  descriptionKeptChooseCategory: {
    en: 'Your description is noted. Now reply with the number of the category that fits best.',
    ur: 'آپ کی تفصیل محفوظ کر لی گئی۔ اب سب سے موزوں قسم کا نمبر لکھیں۔',
  },
  categorySet: { en: 'Complaint about: *{0}*', ur: 'شکایت کی قسم: *{0}*' },
  missingPersonAdvice: {
    en: '🚨 If someone is missing, also call *15* now or tell the nearest police station: the sooner the police know, the better. This complaint reaches the district police as well.',
    ur: '🚨 اگر کوئی لاپتہ ہے تو ابھی *15* پر بھی کال کریں یا قریبی تھانے کو بتائیں: پولیس کو جتنی جلدی معلوم ہو اتنا بہتر ہے۔ یہ شکایت ضلعی پولیس تک بھی پہنچے گی۔',
  },
  askDescription: {
    en: 'Please describe what happened: when, where, who was involved, and what you want the police to do. You can also send a voice note.',
    ur: 'براہِ کرم بتائیں کیا ہوا: کب، کہاں، کون ملوث تھا، اور آپ پولیس سے کیا چاہتے ہیں۔ آپ وائس نوٹ بھی بھیج سکتے ہیں۔',
  },
  askDescriptionSensitive: {
    en: 'In your own words, tell us what happened and, if you know, who is responsible. Only the officers handling your report will see it. You can also send a voice note.',
    ur: 'اپنے الفاظ میں بتائیں کیا ہوا اور اگر معلوم ہو تو کون ذمہ دار ہے۔ یہ صرف آپ کی رپورٹ دیکھنے والے افسران دیکھیں گے۔ آپ وائس نوٹ بھی بھیج سکتے ہیں۔',
  },
  askChildDetails: {
    en: `Now send the child's details in one message:
• name and age, boy or girl
• what the child was wearing, height, any marks
• where and when the child was last seen
• your relation to the child`,
    ur: `اب بچے کی تفصیل ایک پیغام میں بھیجیں:
• نام اور عمر، لڑکا یا لڑکی
• کیا پہنا ہوا تھا، قد، کوئی نشان
• آخری بار کہاں اور کب دیکھا گیا
• بچے سے آپ کا رشتہ`,
  },
  descriptionTooShort: {
    en: 'Please write a little more detail (at least a full sentence), or send a voice note.',
    ur: 'براہِ کرم تھوڑی اور تفصیل لکھیں (کم از کم ایک مکمل جملہ)، یا وائس نوٹ بھیجیں۔',
  },
  voiceNoteDescription: {
    en: '(Description given as a voice note; see attachments.)',
    ur: '(تفصیل وائس نوٹ میں دی گئی ہے؛ منسلکات دیکھیں۔)',
  },
  mediaNeedsText: {
    en: 'Received. Please also describe what happened in a message.',
    ur: 'موصول ہو گیا۔ براہِ کرم جو ہوا وہ پیغام میں بھی لکھیں۔',
  },
  askLocation: {
    en: 'If you can, share the *location* where it happened (📎 → Location). Otherwise type the address, or press *Skip*.',
    ur: 'اگر ممکن ہو تو جہاں واقعہ ہوا اس کی *لوکیشن* بھیجیں (📎 ← لوکیشن)۔ ورنہ پتہ لکھ دیں، یا *چھوڑیں* دبائیں۔',
  },
  askLocationChild: {
    en: 'If you can, share the *location* where the child was last seen (📎 → Location), type the address, or press *Skip*.',
    ur: 'اگر ممکن ہو تو جہاں بچہ آخری بار دیکھا گیا اس کی *لوکیشن* بھیجیں (📎 ← لوکیشن)، پتہ لکھیں، یا *چھوڑیں* دبائیں۔',
  },
  typeDistrict: {
    en: 'Please type the name of your district, or pick your region from the list.',
    ur: 'براہِ کرم اپنے ضلع کا نام لکھیں یا فہرست سے اپنا ریجن منتخب کریں۔',
  },
  locationSaved: { en: 'Location saved.', ur: 'لوکیشن محفوظ ہو گئی۔' },
  locationNoDistrict: {
    en: 'Location saved. I could not tell the district from it.',
    ur: 'لوکیشن محفوظ ہو گئی۔ اس سے ضلع معلوم نہیں ہو سکا۔',
  },
  /** {0} = the district the shared location lies in. */
  locationDistrictQuestion: {
    en: '📍 This location is in *{0}* district. Is that where it happened?',
    ur: '📍 یہ لوکیشن ضلع *{0}* میں ہے۔ کیا واقعہ وہیں ہوا؟',
  },
  /** {0} = the district the location lies in, {1} = the district the citizen chose. */
  locationDistrictDiffers: {
    en: '📍 This location is in *{0}* district, but you chose *{1}*. Which district should handle the complaint?',
    ur: '📍 یہ لوکیشن ضلع *{0}* میں ہے، لیکن آپ نے *{1}* منتخب کیا تھا۔ شکایت کس ضلع کو بھیجی جائے؟',
  },
  /** {0} = other districts the location may belong to (near a border, or a district newer than the map). */
  locationDistrictMaybe: { en: 'It may also be {0}.', ur: 'یہ {0} بھی ہو سکتا ہے۔' },
  locationDistrictReply: {
    en: 'Press a button, or reply with its number.',
    ur: 'بٹن دبائیں، یا اس کا نمبر لکھیں۔',
  },
  btnYesDistrict: { en: 'Yes, {0}', ur: 'جی، {0}' },
  btnKeepDistrict: { en: 'Keep {0}', ur: '{0} ہی رکھیں' },
  btnOtherDistrict: { en: 'Another district', ur: 'کوئی اور ضلع' },
  addressLabel: { en: 'Address given', ur: 'بتایا گیا پتہ' },
  askAttachments: {
    en: 'You may send *photos, videos, documents or voice notes* as evidence (up to {0}). When finished, or if you have none, press *Continue*.',
    ur: 'آپ ثبوت کے طور پر *تصاویر، ویڈیو، دستاویزات یا وائس نوٹ* بھیج سکتے ہیں (زیادہ سے زیادہ {0})۔ مکمل ہونے پر، یا اگر کچھ نہیں، تو *آگے بڑھیں* دبائیں۔',
  },
  askAttachmentsChild: {
    en: 'Please send a recent *photo of the child* if you have one (up to {0} files). When finished, or if you have none, press *Continue*.',
    ur: 'اگر ہو تو بچے کی حالیہ *تصویر* بھیجیں (زیادہ سے زیادہ {0} فائلیں)۔ مکمل ہونے پر، یا اگر نہیں، تو *آگے بڑھیں* دبائیں۔',
  },
  attachmentReceived: {
    en: 'Received ({0}/{1}). Send more, or press *Continue*.',
    ur: 'موصول ہو گیا ({0}/{1})۔ مزید بھیجیں، یا *آگے بڑھیں* دبائیں۔',
  },
  attachmentSaved: { en: 'File received ({0}/{1}).', ur: 'فائل موصول ہو گئی ({0}/{1})۔' },
  attachmentsFull: {
    en: 'You have already attached {0} files, the most allowed. Press *Continue*.',
    ur: 'آپ زیادہ سے زیادہ {0} فائلیں منسلک کر چکے ہیں۔ *آگے بڑھیں* دبائیں۔',
  },
  askFollowUps: {
    en: 'Shall we send you WhatsApp messages about progress on this report? If someone else may read your phone, choose *No messages*: you can still ask any time by typing *status*.',
    ur: 'کیا ہم اس رپورٹ کی پیش رفت کے بارے میں آپ کو واٹس ایپ پیغامات بھیجیں؟ اگر آپ کا فون کوئی اور بھی دیکھ سکتا ہے تو *کوئی پیغام نہیں* منتخب کریں: آپ جب چاہیں *حیثیت* لکھ کر معلوم کر سکتے ہیں۔',
  },
  askName: { en: 'Please tell us your *name*.', ur: 'براہِ کرم اپنا *نام* بتائیں۔' },
  invalidName: {
    en: 'Please send your name (2 to 100 letters).',
    ur: 'براہِ کرم اپنا نام لکھیں (2 سے 100 حروف)۔',
  },
  confirmTitle: { en: '*Please check your complaint:*', ur: '*براہِ کرم اپنی شکایت چیک کریں:*' },
  confirmQuestion: { en: 'Submit it now?', ur: 'کیا اب جمع کروا دیں؟' },
  confirmAgain: {
    en: 'Please press *Submit* to file the complaint, or *Cancel*.',
    ur: 'شکایت درج کرنے کے لیے *جمع کروائیں* دبائیں، یا *منسوخ*۔',
  },
  labelDistrict: { en: 'District', ur: 'ضلع' },
  labelCategory: { en: 'Category', ur: 'قسم' },
  labelDescription: { en: 'Details', ur: 'تفصیل' },
  labelLocation: { en: 'Location', ur: 'لوکیشن' },
  labelAttachments: { en: 'Attachments', ur: 'منسلکات' },
  labelUpdates: { en: 'Updates by WhatsApp', ur: 'واٹس ایپ پر اپ ڈیٹس' },
  labelName: { en: 'Name', ur: 'نام' },
  shared: { en: 'shared', ur: 'بھیجی گئی' },
  notShared: { en: 'not shared', ur: 'نہیں بھیجی گئی' },
  yes: { en: 'yes', ur: 'ہاں' },
  no: { en: 'no', ur: 'نہیں' },

  // buttons (≤ 20 characters)
  btnTrack: { en: 'Track complaint', ur: 'شکایت کی صورتحال' },
  btnLicence: { en: 'Driving licence', ur: 'ڈرائیونگ لائسنس' },
  btnHelp: { en: 'Help', ur: 'رہنمائی' },
  btnPerson: { en: 'Talk to a person', ur: 'کسی سے بات' },
  btnStopUpdates: { en: 'Stop updates', ur: 'پیغامات بند' },
  btnStartUpdates: { en: 'Start updates', ur: 'پیغامات شروع' },
  btnThanks: { en: 'Thanks', ur: 'شکریہ' },
  btnFileComplaint: { en: 'File complaint', ur: 'شکایت درج کریں' },
  btnMenu: { en: 'Main menu', ur: 'مین مینیو' },
  btnFirHowTo: { en: 'How to file FIR', ur: 'ایف آئی آر کا طریقہ' },
  btnMyComplaints: { en: 'My complaints', ur: 'میری شکایات' },
  btnReportPrivately: { en: 'Report privately', ur: 'خفیہ رپورٹ کریں' },
  btnComplainAbroad: { en: 'Complain from abroad', ur: 'بیرون ملک سے شکایت' },
  btnSkip: { en: 'Skip', ur: 'چھوڑیں' },
  btnContinue: { en: 'Continue', ur: 'آگے بڑھیں' },
  btnSubmit: { en: 'Submit', ur: 'جمع کروائیں' },
  btnCancel: { en: 'Cancel', ur: 'منسوخ' },
  btnUpdatesYes: { en: 'Yes, send updates', ur: 'ہاں، پیغام بھیجیں' },
  btnUpdatesNo: { en: 'No messages', ur: 'کوئی پیغام نہیں' },

  // feedback, satisfaction, updates
  feedbackTooShort: {
    en: 'Please write your feedback in a message of a few words, or type *0* for the menu.',
    ur: 'براہِ کرم اپنی رائے چند الفاظ کے پیغام میں لکھیں، یا مین مینیو کے لیے *0* لکھیں۔',
  },
  feedbackNeedsText: {
    en: 'Please write your feedback as a text message.',
    ur: 'براہِ کرم اپنی رائے تحریری پیغام میں لکھیں۔',
  },
  thanksSatisfied: {
    en: 'Thank you for your feedback. We are glad your complaint was resolved.',
    ur: 'آپ کی رائے کا شکریہ۔ ہمیں خوشی ہے کہ آپ کی شکایت حل ہو گئی۔',
  },
  askDissatisfactionReason: {
    en: 'We are sorry. Please tell us briefly what is still wrong, so that senior officers can look at it again (or press *Skip*).',
    ur: 'ہمیں افسوس ہے۔ براہِ کرم مختصراً بتائیں کہ کیا مسئلہ باقی ہے تاکہ سینئر افسران دوبارہ دیکھ سکیں (یا *چھوڑیں* دبائیں)۔',
  },
  askForAnswer: {
    en: 'Please type your answer to the officer in one message (or *cancel*).',
    ur: 'براہِ کرم افسر کے لیے اپنا جواب ایک پیغام میں لکھیں (یا *منسوخ*)۔',
  },
  thanksForAnswer: {
    en: 'Thank you. Your answer has been sent to the officer handling your complaint.',
    ur: 'شکریہ۔ آپ کا جواب آپ کی شکایت پر کام کرنے والے افسر کو بھیج دیا گیا ہے۔',
  },
  thanksDissatisfied: {
    en: 'Thank you. Your complaint will be reviewed again and you will be informed here.',
    ur: 'شکریہ۔ آپ کی شکایت کا دوبارہ جائزہ لیا جائے گا اور آپ کو یہیں اطلاع دی جائے گی۔',
  },
  optedOut: {
    en: 'Done: we will not send you update messages. You can still type *status* any time. To receive them again, type *start updates*.',
    ur: 'ٹھیک ہے: ہم آپ کو اپ ڈیٹ پیغامات نہیں بھیجیں گے۔ آپ جب چاہیں *حیثیت* لکھ سکتے ہیں۔ دوبارہ پیغامات کے لیے *اپ ڈیٹس شروع* لکھیں۔',
  },
  optedIn: {
    en: 'Done: we will send you update messages about your complaints.',
    ur: 'ٹھیک ہے: ہم آپ کو آپ کی شکایات کے بارے میں اپ ڈیٹ پیغامات بھیجیں گے۔',
  },
  // Results of commands and complaint updates (render.ts); {0} is the e-tag unless noted.
  filed: {
    en: '✅ Your complaint has been filed.\nE-tag number: *{0}*\n{1}\n{2}{3}',
    ur: '✅ آپ کی شکایت درج ہو گئی ہے۔\nای ٹیگ نمبر: *{0}*\n{1}\n{2}{3}',
  },
  /** {0}: the tracking code. */
  filedTrackingCode: {
    en: 'Tracking code: *{0}* — keep it private; with the e-tag it lets you follow the complaint on the website.\n',
    ur: 'ٹریکنگ کوڈ: *{0}* — اسے کسی کو نہ بتائیں؛ ای ٹیگ کے ساتھ اس سے ویب سائٹ پر شکایت کی پیروی ہو سکتی ہے۔\n',
  },
  filedWithUpdates: {
    en: 'You will get updates here. Type *status* at any time to see where it stands.',
    ur: 'آپ کو یہیں اطلاع ملتی رہے گی۔ صورتحال جاننے کے لیے کسی بھی وقت *حیثیت* لکھیں۔',
  },
  filedWithoutUpdates: {
    en: 'As you asked, we will not send you messages about it. Type *status* at any time to see where it stands.',
    ur: 'آپ کی خواہش کے مطابق ہم اس بارے میں آپ کو پیغامات نہیں بھیجیں گے۔ صورتحال جاننے کے لیے کسی بھی وقت *حیثیت* لکھیں۔',
  },
  emergencyCall: { en: ' In an emergency call *15*.', ur: ' ایمرجنسی میں *15* پر کال کریں۔' },
  noComplaintsForNumber: {
    en: 'No complaints were found for this WhatsApp number. Complaints filed from another number or on the website can be followed on the website with the e-tag and tracking code. Type *complaint* to file one.',
    ur: 'اس واٹس ایپ نمبر سے کوئی شکایت نہیں ملی۔ کسی دوسرے نمبر یا ویب سائٹ سے درج شکایت کی پیروی ویب سائٹ پر ای ٹیگ اور ٹریکنگ کوڈ سے کی جا سکتی ہے۔ نئی شکایت کے لیے *شکایت* لکھیں۔',
  },
  yourComplaints: { en: '*Your complaints*', ur: '*آپ کی شکایات*' },
  status: { en: 'Status', ur: 'صورتحال' },
  lastUpdate: { en: 'Last update', ur: 'آخری اپ ڈیٹ' },
  latest: { en: 'Latest:', ur: 'تازہ ترین:' },
  failure: {
    en: 'Sorry, something went wrong on our side. Please try again in a few minutes. In an emergency call *15*.',
    ur: 'معذرت، ہماری طرف سے کوئی خرابی ہو گئی۔ براہِ کرم چند منٹ بعد دوبارہ کوشش کریں۔ ایمرجنسی میں *15* پر کال کریں۔',
  },
  feedbackAck: {
    en: 'Thank you! Your feedback has been recorded and will be read by the team. Type *0* for the main menu.',
    ur: 'شکریہ! آپ کی رائے محفوظ کر لی گئی ہے اور ٹیم اسے پڑھے گی۔ مین مینیو کے لیے *0* لکھیں۔',
  },
} satisfies Record<string, Bilingual>;

/**
 * What the notifier sends on its own (complaint updates and the satisfaction question): apart from UI so the
 * CitizenNotifier's bundle carries these, not every prompt of the bot (~45 KiB).
 */
export const UPDATE_UI = {
  btnSatisfied: { en: 'Yes, satisfied', ur: 'جی، مطمئن ہوں' },
  btnNotSatisfied: { en: 'Not satisfied', ur: 'مطمئن نہیں' },
  btnAnswer: { en: 'Answer', ur: 'جواب دیں' },
  satisfactionQuestion: {
    en: 'Your complaint *{0}* has been marked resolved. Are you satisfied with how it was handled?',
    ur: 'آپ کی شکایت *{0}* حل شدہ قرار دی گئی ہے۔ کیا آپ کارروائی سے مطمئن ہیں؟',
  },
  updateDiscreet: {
    en: 'There is an update on your report *{0}*. Type *status* to see it.',
    ur: 'آپ کی رپورٹ *{0}* پر نئی اپ ڈیٹ ہے۔ دیکھنے کے لیے *حیثیت* لکھیں۔',
  },
  updateAssigned: {
    en: 'Your complaint *{0}* has been assigned to an officer for action.',
    ur: 'آپ کی شکایت *{0}* کارروائی کے لیے ایک افسر کے سپرد کر دی گئی ہے۔',
  },
  /** {1}: the officer's note on its own line, or nothing. */
  updateActionTaken: {
    en: 'Action has been taken on your complaint *{0}*.{1}',
    ur: 'آپ کی شکایت *{0}* پر کارروائی کی گئی ہے۔{1}',
  },
  /** {1}: the status label; {2}: the note on its own line, or nothing. */
  updateStatus: {
    en: 'Your complaint *{0}* is now: *{1}*.{2}',
    ur: 'آپ کی شکایت *{0}* کی صورتحال اب: *{1}*۔{2}',
  },
  /** {1}: the question on its own line, or nothing. */
  updateInformationRequested: {
    en: 'The officer handling your complaint *{0}* needs more information from you.{1}\nPress *Answer* to reply.',
    ur: 'آپ کی شکایت *{0}* پر کام کرنے والے افسر کو آپ سے مزید معلومات درکار ہیں۔{1}\nجواب کے لیے *جواب دیں* دبائیں۔',
  },
  /** {1}: the note on its own line, or nothing. */
  updateResolved: {
    en: 'Your complaint *{0}* has been resolved.{1}',
    ur: 'آپ کی شکایت *{0}* حل کر دی گئی ہے۔{1}',
  },
  updateReopened: {
    en: 'Your complaint *{0}* has been reopened and will be looked at again.',
    ur: 'آپ کی شکایت *{0}* دوبارہ کھول دی گئی ہے اور اس پر دوبارہ کارروائی ہوگی۔',
  },
  /** {1}: the post it went to ("the City Police Officer"). */
  updateEscalated: {
    en: 'Your complaint *{0}* has been escalated to {1} for action.',
    ur: 'آپ کی شکایت *{0}* کارروائی کے لیے {1} کو بھیج دی گئی ہے۔',
  },
} satisfies Record<string, Bilingual>;

/** `{0}`, `{1}`… placeholders. */
export const fill = (template: string, ...values: (string | number)[]): string =>
  template.replace(/\{(\d)\}/g, (_, i: string) => String(values[Number(i)] ?? ''));
