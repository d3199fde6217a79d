/** The receipt: e-tag and tracking code to copy, print (print stylesheet) or send to oneself on WhatsApp. */
import { useEffect, useState } from 'preact/hooks';
import { loadConfig } from '../lib/config.ts';
import { pakistanTime, type Language } from '../lib/i18n.ts';
import { ResendVoiceNote } from './attach.tsx';
import { readReceipt, saveReceipt } from './receipt-store.ts';
import { S } from './strings.ts';

const CopyButton = ({ value, label, lang }: { value: string; label: string; lang: Language }) => {
  const [done, setDone] = useState(false);
  const copy = () =>
    navigator.clipboard?.writeText(value).then(
      () => {
        setDone(true);
        setTimeout(() => setDone(false), 2000);
      },
      () => undefined,
    );
  return (
    <button type="button" class="secondary no-print" onClick={copy} aria-label={`${S.copy[lang]}: ${label}`}>
      {done ? S.copied[lang] : S.copy[lang]}
    </button>
  );
};

export const whatsappLink = (number: string | undefined, text: string): string =>
  `https://wa.me/${number ?? ''}?text=${encodeURIComponent(text)}`;

export const ReceiptPage = ({ lang }: { lang: Language }) => {
  const [receipt, setReceipt] = useState(readReceipt);
  const [voiceSent, setVoiceSent] = useState(false);
  const [number, setNumber] = useState<string>();
  useEffect(() => {
    loadConfig().then(
      (c) => setNumber(c.whatsappNumber),
      () => undefined,
    );
  }, []);
  if (!receipt) {
    return (
      <section class="card">
        <p>{S.receiptGone[lang]}</p>
        <a class="button" href="#/track">
          {S.trackNow[lang]}
        </a>
      </section>
    );
  }
  const message = `${S.whatsappText[lang]}: ${receipt.etag}`;
  return (
    <section class="card receipt" aria-labelledby="receipt-title">
      <h1 id="receipt-title">{S.receiptTitle[lang]}</h1>
      {receipt.voiceNoteMissing && (
        <div data-testid="voice-note-missing">
          <p class="error banner" role="alert">
            {S.voiceNoteMissing[lang]}
          </p>
          <ResendVoiceNote
            lang={lang}
            proof={{ etag: receipt.etag, trackingCode: receipt.trackingCode }}
            onSent={() => {
              const sent = { ...receipt, voiceNoteMissing: false };
              saveReceipt(sent);
              setReceipt(sent);
              setVoiceSent(true);
            }}
          />
        </div>
      )}
      {voiceSent && (
        <p class="notice" role="status" data-testid="voice-note-sent">
          {S.voiceNoteSent[lang]}
        </p>
      )}
      <dl class="codes">
        <div>
          <dt>{S.etag[lang]}</dt>
          <dd>
            <bdi dir="ltr" class="code" data-testid="etag">
              {receipt.etag}
            </bdi>
            <CopyButton value={receipt.etag} label={S.etag[lang]} lang={lang} />
          </dd>
        </div>
        <div>
          <dt>{S.trackingCode[lang]}</dt>
          <dd>
            <bdi dir="ltr" class="code" data-testid="tracking-code">
              {receipt.trackingCode}
            </bdi>
            <CopyButton value={receipt.trackingCode} label={S.trackingCode[lang]} lang={lang} />
          </dd>
        </div>
        <div>
          <dt>{S.filedAt[lang]}</dt>
          <dd>
            <bdi>{pakistanTime(receipt.createdAt, lang)}</bdi>
          </dd>
        </div>
      </dl>
      <p class="notice">{S.keepPrivate[lang]}</p>
      <div class="row no-print">
        <button type="button" class="primary" onClick={() => print()}>
          {S.print[lang]}
        </button>
        <a
          class="button secondary"
          href={whatsappLink(number, message)}
          rel="noopener noreferrer"
          target="_blank"
        >
          {S.sendWhatsApp[lang]}
        </a>
        <a class="button secondary" href={`#/track?etag=${encodeURIComponent(receipt.etag)}`}>
          {S.trackNow[lang]}
        </a>
      </div>
    </section>
  );
};
