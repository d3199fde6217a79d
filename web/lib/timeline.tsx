/**
 * A complaint's timeline, newest first, in the page's language and Pakistan time: the citizen's tracking page
 * and the officer console draw it with the same words (shared/chat's labels and ACTION_LABELS).
 */
import { evidenceEntryText, type EvidenceMention } from '../../shared/chat/evidence-text.ts';
import { eventLabel, roleLabel, statusLabel } from '../../shared/chat/labels.ts';
import type { Role, Status } from '../../shared/domain/vocabulary.ts';
import { pakistanTime } from './i18n.ts';
import { ACTION_LABELS } from './labels.ts';
import { Isolated } from './rich-text.tsx';
import type { Language } from './texts.ts';

export interface TimelineItem {
  readonly type: string;
  readonly at: string;
  readonly toStatus?: string | undefined;
  /** The level now holding the complaint (assignments, escalations, reopenings). */
  readonly level?: string | undefined;
  /** The kind of action recorded (`fir_registered`, ...). */
  readonly action?: string | undefined;
  readonly firNumber?: string | undefined;
  /** For evidence entries, told in the page's language instead of their (English) stored note. */
  readonly evidence?: EvidenceMention | undefined;
  readonly note?: string | undefined;
  readonly reason?: string | undefined;
  /** Who acted, for officers only (role and id); the public timeline never names an actor. */
  readonly actor?: string | undefined;
}

const FIR_NUMBER = { ur: 'ایف آئی آر نمبر', en: 'FIR number' } as const;

/** One entry's words; posts are named as the complaint's district has them (CCPO, City Police Officer, ...). */
export const entryText = (
  e: TimelineItem,
  lang: Language,
  district: string,
  event: (type: string) => string = (type) => eventLabel(type, lang),
): string => {
  const role = (level: string) => roleLabel(level as Role, lang, district);
  if (e.evidence) return evidenceEntryText(e.type, e.evidence, lang);
  if (e.type === 'ComplaintAssigned' && e.level) return `${event(e.type)}: ${role(e.level)}`;
  if (e.type === 'ComplaintActionRecorded' && e.action)
    return ACTION_LABELS[e.action as keyof typeof ACTION_LABELS]?.[lang] ?? event(e.type);
  if (e.type === 'ComplaintStatusChanged' && e.toStatus)
    return `${event(e.type)}: ${statusLabel(e.toStatus as Status, lang)}`;
  if ((e.type === 'ComplaintSlaBreached' || e.type === 'ComplaintReopened') && e.level)
    return `${event(e.type)} (${role(e.level)})`;
  return event(e.type);
};

export const Timeline = ({
  entries,
  lang,
  district,
  event,
}: {
  entries: readonly TimelineItem[];
  lang: Language;
  district: string;
  event?: (type: string) => string;
}) => (
  <ol class="timeline">
    {[...entries].reverse().map((e, i) => (
      <li key={i}>
        <time dateTime={e.at}>
          <bdi>{pakistanTime(e.at, lang)}</bdi>
        </time>
        <span class="what">
          {entryText(e, lang, district, event)}
          {e.actor && (
            <span class="by">
              {' · '}
              <bdi>{e.actor}</bdi>
            </span>
          )}
        </span>
        {e.firNumber && (
          <span class="detail">
            {FIR_NUMBER[lang]}: <bdi dir="ltr">{e.firNumber}</bdi>
          </span>
        )}
        {!e.evidence && (e.note ?? e.reason) && (
          <span class="detail note">
            <Isolated text={e.note ?? e.reason ?? ''} />
          </span>
        )}
      </li>
    ))}
  </ol>
);
