/**
 * Opt-in before business-initiated messages (WhatsApp policy; issue 12). A complaint filed on the web or the API
 * names a phone number nobody has proven to own. That number gets ONE confirmation ("Did you file complaint X?
 * Reply YES for updates") — one per number, ever, whatever is filed naming it — and nothing more until its
 * owner replies YES on WhatsApp. Complaints filed over WhatsApp come from the number itself: no opt-in needed.
 */
import type { OutgoingMessage } from '../../chat/types.ts';
import type { Language } from '../../domain/vocabulary.ts';

export interface OptInPort {
  isGranted(waId: string): Promise<boolean>;
  grant(waId: string, now: Date): Promise<void>;
}

/** The outbound id of a number's one confirmation: the lease and record of `deliver` make it one message. */
export const optInRequestId = (waId: string): string => `optin#${waId}`;

export const optInRequest = (language: Language, etag: string): OutgoingMessage => ({
  kind: 'text',
  body:
    language === 'en'
      ? `Rabta (Punjab Police): a complaint ${etag} was filed with this number. Did you file it? Reply YES to get updates about it on WhatsApp.`
      : `رابطہ (پنجاب پولیس): اس نمبر سے شکایت ${etag} درج کی گئی ہے۔ کیا یہ آپ نے درج کی؟ واٹس ایپ پر اس کی اطلاعات کے لیے YES لکھ کر بھیجیں۔`,
});

export const optInGranted = (language: Language): OutgoingMessage => ({
  kind: 'text',
  body:
    language === 'en'
      ? 'Thank you. You will now get updates about your complaints here.'
      : 'شکریہ۔ اب آپ کو اپنی شکایات کی اطلاعات یہاں ملیں گی۔',
});

/** "YES" as people type it (any case, Urdu ہاں / جی ہاں, Roman "haan"), nothing else. */
export const isOptInReply = (text: string): boolean =>
  /^(yes|y|haan|han|ha|ji|ji haan|جی|ہاں|جی ہاں|ہاں جی)[.!\s]*$/iu.test(text.normalize('NFC').trim());
