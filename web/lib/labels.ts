/** Words for the lifecycle's action kinds, shared by the portal's timeline and the console. */
import type { ActionKind } from '../../shared/domain/lifecycle.ts';
import type { Texts } from './texts.ts';

export const ACTION_LABELS: Record<ActionKind, Texts> = {
  called_complainant: { ur: 'شکایت کنندہ سے فون پر رابطہ کیا گیا', en: 'Complainant called' },
  fir_registered: { ur: 'ایف آئی آر درج کی گئی', en: 'FIR registered' },
  inquiry_opened: { ur: 'انکوائری شروع کی گئی', en: 'Inquiry opened' },
  visited_site: { ur: 'موقع کا معائنہ کیا گیا', en: 'Site visited' },
  statement_recorded: { ur: 'بیان ریکارڈ کیا گیا', en: 'Statement recorded' },
  other: { ur: 'دیگر کارروائی', en: 'Other action' },
};
