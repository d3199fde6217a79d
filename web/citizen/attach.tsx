/**
 * Evidence on the tracking page: what the complainant attached (count and kind, from the tracking view) and a
 * control to attach one more file. The file is checked here first (type on the allow-list, size within its
 * kind's limit) so a wrong file is named at once; then the API hands out a presigned POST, the browser sends
 * the file straight to the bucket, and the confirm step checks the bytes and records them (docs/evidence.md).
 */
import { useState } from 'preact/hooks';
import type { ComplaintStatusView } from '../../shared/schemas/http.ts';
import { EVIDENCE_NOUNS } from '../../shared/chat/evidence-text.ts';
import { EVIDENCE_TYPES, EVIDENCE_KINDS, kindOfType } from '../../shared/domain/evidence-types.ts';
import { ApiError, api } from '../lib/api.ts';
import { Field } from '../lib/form.tsx';
import type { Language } from '../lib/i18n.ts';
import { fill } from '../lib/texts.ts';
import { S } from './strings.ts';

type Proof = { etag: string; trackingCode: string } | { etag: string; phone: string };

interface StartedUpload {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

const MB = 1024 * 1024;

/** Every allow-listed type, for the file picker's `accept`. */
const ACCEPT = EVIDENCE_KINDS.flatMap((kind) => EVIDENCE_TYPES[kind].types).join(',');

/** "2 kept: 1 photo, 1 document" from the tracking view's evidence summary. */
export const attachedSummary = (evidence: ComplaintStatusView['evidence'], lang: Language): string => {
  if (evidence.count === 0) return S.attachmentsNone[lang];
  const kinds = EVIDENCE_KINDS.filter((kind) => evidence.kinds[kind])
    .map((kind) => `${evidence.kinds[kind]} ${EVIDENCE_NOUNS[kind][lang]}`)
    .join(lang === 'ur' ? '، ' : ', ');
  return fill(S.attachmentsCount, lang, { n: evidence.count, kinds });
};

/** What is wrong with a file before anything is sent, in the page's language; undefined when it may go. */
export const fileProblem = (file: { type: string; size: number }, lang: Language): string | undefined => {
  const kind = kindOfType(file.type);
  if (!kind) return S.attachWrongType[lang];
  const limit = EVIDENCE_TYPES[kind].maxBytes;
  if (file.size > limit) return fill(S.attachTooLarge, lang, { mb: limit / MB });
  if (file.size === 0) return S.attachFailed[lang];
  return undefined;
};

/** The API's refusal (`file: <reason>: ...`, or a field of the upload request) in the page's language. */
const refusalText = (error: ApiError, lang: Language, file: File): string => {
  const issue = error.issueFor('file') ?? error.issueFor('contentType') ?? error.issueFor('bytes');
  const reason = issue?.path === 'file' ? issue.message.split(':')[0] : issue?.path;
  switch (reason) {
    case 'too_large':
    case 'bytes':
      return fill(S.attachTooLarge, lang, {
        mb: EVIDENCE_TYPES[kindOfType(file.type) ?? 'document'].maxBytes / MB,
      });
    case 'type_not_allowed':
    case 'contentType':
      return S.attachWrongType[lang];
    case 'type_mismatch':
      return S.attachMismatch[lang];
    case 'executable':
    case 'archive':
      return S.attachDangerous[lang];
    case 'upload_expired':
      return S.attachExpired[lang];
    default:
      return S.attachFailed[lang];
  }
};

/**
 * One file to the complaint: presigned POST, the file straight to the bucket, then the confirm step.
 * `describesComplaint`: the voice note is the complaint's description (officers must listen to it).
 */
export const uploadEvidence = async (
  proof: Proof,
  file: File,
  options: { describesComplaint?: boolean } = {},
): Promise<void> => {
  const { data: started } = await api<StartedUpload>('/complaints/evidence', {
    body: {
      ...proof,
      contentType: file.type,
      bytes: file.size,
      fileName: file.name.slice(0, 200),
      ...(options.describesComplaint && { describesComplaint: true }),
    },
  });
  // The policy's fields first, the file last: S3 reads the form in order.
  const form = new FormData();
  for (const [name, value] of Object.entries(started.fields)) form.append(name, value);
  form.append('file', file);
  const sent = await fetch(started.url, { method: 'POST', body: form }).catch(() => undefined);
  if (!sent?.ok) throw new ApiError(sent?.status ?? 0, 'upload', 'The upload did not reach the bucket');
  await api('/complaints/evidence/confirm', { body: { ...proof, uploadId: started.uploadId } });
};

/**
 * A one-file upload form's submit: the file of input `field` is checked here first (`check`: what is wrong with it,
 * or undefined), then `send` uploads it; `problem` is what to show the citizen, `busy` is true while it goes.
 */
const useFileUpload = (
  lang: Language,
  field: string,
  check: (file: File) => string | undefined,
  send: (file: File, form: HTMLFormElement) => Promise<void>,
) => {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const file = (form.elements.namedItem(field) as HTMLInputElement | null)?.files?.[0];
    const early = file ? check(file) : S.attachChoose[lang];
    if (early || !file) {
      setProblem(early ?? S.attachChoose[lang]);
      return;
    }
    setProblem('');
    setBusy(true);
    send(file, form)
      .catch((error: unknown) =>
        setProblem(error instanceof ApiError ? refusalText(error, lang, file) : S.attachFailed[lang]),
      )
      .finally(() => setBusy(false));
  };
  return { problem, busy, submit };
};

export const AttachEvidence = (props: {
  lang: Language;
  proof: Proof;
  evidence: ComplaintStatusView['evidence'];
  /** Reloads the tracking view once a file is recorded. */
  onAttached: () => Promise<void>;
}) => {
  const { lang, proof } = props;
  const [done, setDone] = useState('');
  const upload = useFileUpload(
    lang,
    'file',
    (file) => fileProblem(file, lang),
    async (file, form) => {
      await uploadEvidence(proof, file);
      form.reset();
      await props.onAttached();
      setDone(S.attachDone[lang]);
    },
  );
  const { problem, busy } = upload;
  const submit = (event: Event) => {
    setDone('');
    upload.submit(event);
  };

  return (
    <div class="evidence">
      <h3>{S.attachments[lang]}</h3>
      <p data-testid="attached">{attachedSummary(props.evidence, lang)}</p>
      <form class="form attach" onSubmit={submit} noValidate aria-label={S.attachTitle[lang]}>
        <h4>{S.attachTitle[lang]}</h4>
        <Field id="t-file" label={S.attachFile[lang]} hint={S.attachHint[lang]} error={problem || undefined}>
          <input
            id="t-file"
            type="file"
            name="file"
            accept={ACCEPT}
            aria-describedby={problem ? 't-file-hint t-file-error' : 't-file-hint'}
            aria-invalid={problem ? 'true' : undefined}
          />
        </Field>
        <button type="submit" class="secondary" disabled={busy}>
          {busy ? S.attaching[lang] : S.attachButton[lang]}
        </button>
        {done && (
          <p class="hint" role="status" data-testid="attach-done">
            {done}
          </p>
        )}
      </form>
    </div>
  );
};

/**
 * On the receipt, when the voice note that is the complaint's description did not reach the bucket at filing:
 * sends it again as the description (`describesComplaint`), so officers still see "must listen". The file
 * picker asks again: the browser keeps no file across pages.
 */
export const ResendVoiceNote = (props: { lang: Language; proof: Proof; onSent: () => void }) => {
  const { lang, proof } = props;
  const { problem, busy, submit } = useFileUpload(
    lang,
    'voice',
    (file) => (kindOfType(file.type) === 'audio' ? fileProblem(file, lang) : S.voiceNotAudio[lang]),
    async (file) => {
      await uploadEvidence(proof, file, { describesComplaint: true });
      props.onSent();
    },
  );

  return (
    <form class="form attach no-print" onSubmit={submit} noValidate aria-label={S.voiceNoteResend[lang]}>
      <Field id="r-voice" label={S.voiceNoteFile[lang]} error={problem || undefined}>
        <input
          id="r-voice"
          type="file"
          name="voice"
          accept={EVIDENCE_TYPES.audio.types.join(',')}
          aria-describedby={problem ? 'r-voice-error' : undefined}
          aria-invalid={problem ? 'true' : undefined}
        />
      </Field>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? S.attaching[lang] : S.voiceNoteResend[lang]}
      </button>
    </form>
  );
};
