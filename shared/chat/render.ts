/**
 * Replies the worker and the notifier send after executing a command or on a complaint event. Pure:
 * everything they show is passed in. Sensitive complaints (harassment) are described discreetly, in case
 * someone else reads the citizen's phone.
 */
import { formatTrackingCode } from '../domain/etag.ts';
import type { Bilingual } from './catalog.ts';
import { evidenceEntryText } from './evidence-text.ts';
import { buttons, text } from './limits.ts';
import { replyId } from './reply-ids.ts';
import type { CitizenUpdate, Language, OutgoingMessage, TrackedComplaint } from './types.ts';
import {
  categoryLabel,
  districtLabel,
  eventLabel,
  formatPakistanTime,
  roleLabel,
  statusLabel,
} from './labels.ts';
import { fill, UI, UPDATE_UI } from './ui.ts';

const NOTE_MAX = 300;

const clipNote = (note: string): string =>
  note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;

/**
 * After `fileComplaint` succeeded. `trackingCode` is absent when a redelivered message found its complaint
 * already filed (the code is stored hashed). A citizen who chose "No messages" is not promised updates;
 * one filing from abroad is not told to dial 15 (short codes do not work from outside Pakistan).
 */
export const renderFiled = (
  lang: Language,
  etag: string,
  trackingCode?: string,
  options: { updates?: boolean; overseas?: boolean } = {},
): OutgoingMessage[] => {
  const { updates = true, overseas = false } = options;
  const code = trackingCode ? formatTrackingCode(trackingCode) : undefined;
  return text(
    fill(
      UI.filed[lang],
      etag,
      code ? fill(UI.filedTrackingCode[lang], code) : '',
      (updates ? UI.filedWithUpdates : UI.filedWithoutUpdates)[lang],
      overseas ? '' : UI.emergencyCall[lang],
    ),
  );
};

/** After `trackComplaints`: the caller's own complaints only (possibly none). */
export const renderTrackResult = (
  lang: Language,
  complaints: readonly TrackedComplaint[],
): OutgoingMessage[] => {
  if (complaints.length === 0) {
    return text(UI.noComplaintsForNumber[lang]);
  }
  const blocks = [...complaints]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .map((c) => {
      const latest = [...c.latest]
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 3)
        .map((e) => {
          const label = e.evidence ? evidenceEntryText(e.type, e.evidence, lang) : eventLabel(e.type, lang);
          return `  – ${formatPakistanTime(e.at, lang)}: ${label}${e.note ? ` — ${clipNote(e.note)}` : ''}`;
        });
      const lines = [
        `*${c.etag}*`,
        `${UI.status[lang]}: *${statusLabel(c.status, lang)}*`,
        `${categoryLabel(c.category, lang)} · ${districtLabel(c.district, lang)}`,
        `${UI.lastUpdate[lang]}: ${formatPakistanTime(c.updatedAt, lang)}`,
        ...(latest.length ? [UI.latest[lang], ...latest] : []),
      ];
      return lines.join('\n');
    });
  return text([UI.yourComplaints[lang], ...blocks].join('\n\n'));
};

/** Any command that failed: nothing was lost, the citizen may retry. */
export const renderFailure = (lang: Language): OutgoingMessage[] => text(UI.failure[lang]);

/** "Add to my complaint" with no open complaint of theirs (or an e-tag that is not theirs). */
export const renderNoComplaintForEvidence = (lang: Language): OutgoingMessage[] =>
  text(UI.noComplaintForEvidence[lang]);

/** After `recordFeedback` was stored. */
export const renderFeedbackAck = (lang: Language): OutgoingMessage[] => text(UI.feedbackAck[lang]);

/** "Are you satisfied?" with reply buttons `fb:yes:<etag>` / `fb:no:<etag>`. */
export const renderSatisfactionQuestion = (lang: Language, etag: string): OutgoingMessage[] =>
  buttons(fill(UPDATE_UI.satisfactionQuestion[lang], etag), [
    { id: replyId({ kind: 'satisfaction', satisfied: true, etag }), title: UPDATE_UI.btnSatisfied[lang] },
    { id: replyId({ kind: 'satisfaction', satisfied: false, etag }), title: UPDATE_UI.btnNotSatisfied[lang] },
  ]);

/** Notifier: one complaint event → messages for the citizen (free-form; inside the 24-hour window). */
export const renderCitizenUpdate = (lang: Language, update: CitizenUpdate): OutgoingMessage[] => {
  const { etag } = update;
  const say = (template: Bilingual, ...values: string[]) => text(fill(template[lang], etag, ...values));
  /** An officer's note or question on its own line, clipped; nothing when absent. */
  const line = (note: string | undefined) => (note ? `\n${clipNote(note)}` : '');
  if (update.sensitive && update.kind !== 'resolved' && update.kind !== 'informationRequested') {
    // Discreet: no category, no officer notes, nothing a bystander could read into.
    return say(UPDATE_UI.updateDiscreet);
  }
  switch (update.kind) {
    case 'assigned':
      return say(UPDATE_UI.updateAssigned);
    case 'actionRecorded':
      return say(UPDATE_UI.updateActionTaken, line(update.note));
    case 'statusChanged':
      // e.g. the reason a complaint was not accepted: the citizen is owed it.
      return say(UPDATE_UI.updateStatus, statusLabel(update.status, lang), line(update.note));
    case 'informationRequested':
      // Discreet reports: the button, never the question, on a screen others may read.
      return buttons(
        fill(
          UPDATE_UI.updateInformationRequested[lang],
          etag,
          line(update.sensitive ? undefined : update.question),
        ),
        [{ id: replyId({ kind: 'answerRequest', etag }), title: UPDATE_UI.btnAnswer[lang] }],
      );
    case 'resolved':
      return [
        ...say(UPDATE_UI.updateResolved, line(update.sensitive ? undefined : update.note)),
        ...renderSatisfactionQuestion(lang, etag),
      ];
    case 'reopened':
      return say(UPDATE_UI.updateReopened);
    case 'escalated':
      return say(UPDATE_UI.updateEscalated, roleLabel(update.level, lang, update.district));
  }
};
