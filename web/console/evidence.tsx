/**
 * A complaint's attachments on the officer's complaint page: every file the citizen sent (kept, refused or
 * unavailable, with kind, size and time), a "must listen" marker on a voice note that is the description,
 * and a short-lived link to open a kept one (the API's presigned GET; only officers whose scope covers the
 * complaint get one).
 */
import { useState } from 'preact/hooks';
import { EVIDENCE_NOUNS, EVIDENCE_REASON_WORDS } from '../../shared/chat/evidence-text.ts';
import type { Language } from '../lib/texts.ts';
import { ScrollTable, Time, describeError, officerApi, useLang, useSession } from './common.tsx';
import { C, CHANNEL_LABELS, EVIDENCE_STATE_LABELS, fill, labelOf } from './strings.ts';

/** One attachment as GET /officer/complaints/{etag} lists it. */
export interface EvidenceItem {
  id: string;
  source: 'whatsapp' | 'web';
  state: 'stored' | 'refused' | 'unavailable';
  kind?: 'image' | 'audio' | 'video' | 'document' | 'sticker';
  contentType?: string;
  bytes?: number;
  sha256?: string;
  reason?: string;
  describesComplaint?: boolean;
  fileName?: string;
  at: string;
}

interface OpenedLink {
  url: string;
  expiresAt: string;
}

const KB = 1024;

export const sizeText = (bytes: number | undefined, lang: Language): string => {
  if (bytes === undefined) return '—';
  if (bytes < KB * KB) return fill(C.kilobytes, lang, { n: Math.max(1, Math.round(bytes / KB)) });
  return fill(C.megabytes, lang, { n: (bytes / KB / KB).toFixed(1) });
};

const kindText = (item: EvidenceItem, lang: Language): string => {
  if (!item.kind) return '—';
  return item.describesComplaint ? EVIDENCE_NOUNS.voiceNote[lang] : EVIDENCE_NOUNS[item.kind][lang];
};

const stateText = (item: EvidenceItem, lang: Language): string =>
  item.reason && item.state !== 'stored'
    ? `${labelOf(EVIDENCE_STATE_LABELS, item.state, lang)}: ${labelOf(EVIDENCE_REASON_WORDS, item.reason, lang)}`
    : labelOf(EVIDENCE_STATE_LABELS, item.state, lang);

/** Asks the API for a link when clicked (they expire in minutes), then shows it. */
const OpenLink = ({ etag, item }: { etag: string; item: EvidenceItem }) => {
  const session = useSession();
  const lang = useLang();
  const [link, setLink] = useState<OpenedLink>();
  const [error, setError] = useState('');
  if (item.state !== 'stored') return <>—</>;
  if (link) {
    return (
      <a href={link.url} target="_blank" rel="noopener noreferrer" data-testid="evidence-link">
        {fill(C.attachmentLink, lang, { time: new Date(link.expiresAt).toLocaleTimeString(lang) })}
      </a>
    );
  }
  const open = () => {
    setError('');
    officerApi<OpenedLink>(
      session,
      `/officer/complaints/${encodeURIComponent(etag)}/evidence/${encodeURIComponent(item.id)}`,
    )
      .then(({ data }) => setLink(data))
      .catch((e: unknown) => setError(describeError(e)));
  };
  return (
    <>
      <button type="button" class="secondary" onClick={open} data-evidence={item.id}>
        {C.attachmentGetLink[lang]}
      </button>
      {error && (
        <span class="error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
};

export const EvidenceList = (props: { etag: string; items: readonly EvidenceItem[] }) => {
  const lang = useLang();
  return (
    <ScrollTable
      caption={C.attachments[lang]}
      stack
      columns={[
        C.attachmentKind[lang],
        C.attachmentSize[lang],
        C.attachmentWhen[lang],
        C.attachmentFrom[lang],
        C.attachmentState[lang],
        C.attachmentOpen[lang],
      ]}
      empty={props.items.length === 0 && C.noAttachments[lang]}
    >
      {props.items.map((item) => (
        <tr key={item.id} data-testid="evidence-row" data-state={item.state}>
          <td>
            {kindText(item, lang)}
            {item.describesComplaint && (
              <strong class="tag" data-testid="must-listen">
                {' '}
                ({C.mustListenMark[lang]})
              </strong>
            )}
          </td>
          <td>
            <bdi dir="ltr">{sizeText(item.bytes, lang)}</bdi>
          </td>
          <td>
            <Time iso={item.at} />
          </td>
          <td>{labelOf(CHANNEL_LABELS, item.source, lang)}</td>
          <td>{stateText(item, lang)}</td>
          <td>
            <OpenLink etag={props.etag} item={item} />
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
};
