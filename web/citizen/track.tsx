/**
 * Tracking: the e-tag plus the tracking code or the filing phone → status, the level holding it (a role, never
 * a name), the timeline in the citizen's language and Pakistan time; then answering an officer's request for
 * information and feedback on a resolved complaint, with the same proof.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ComplaintStatusView } from '../../shared/schemas/http.ts';
import { categoryLabel, districtLabel, roleLabel, statusLabel } from '../../shared/chat/labels.ts';
import { ApiError, api, idempotencyKeys } from '../lib/api.ts';
import { Check, CodeInput, Field, PhoneInput, describedBy, formValues } from '../lib/form.tsx';
import { pakistanTime, type Language } from '../lib/i18n.ts';
import { Timeline } from '../lib/timeline.tsx';
import { Isolated } from '../lib/rich-text.tsx';
import { AttachEvidence } from './attach.tsx';
import { fieldErrors } from './file.tsx';
import { S } from './strings.ts';

type Proof = { etag: string; trackingCode: string } | { etag: string; phone: string };
type Errors = Record<string, string>;

const PROOF_FIELDS = ['etag', 'trackingCode', 'phone', 'message', 'reason'] as const;

const initialEtag = (): string => new URLSearchParams(location.hash.split('?')[1] ?? '').get('etag') ?? '';

export const TrackPage = ({ lang }: { lang: Language }) => {
  const [by, setBy] = useState<'code' | 'phone'>('code');
  const [proof, setProof] = useState<Proof>();
  const [view, setView] = useState<ComplaintStatusView>();
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const keyFor = useMemo(idempotencyKeys, []);

  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.issues.length > 0) {
      setErrors(fieldErrors(error, lang, PROOF_FIELDS));
      setMessage(S.fixErrors[lang]);
    } else if (error instanceof ApiError && error.status === 404) {
      setErrors({});
      setMessage(S.notFound[lang]);
    } else {
      setErrors({});
      setMessage(
        error instanceof ApiError && error.status === 0 ? S.networkError[lang] : S.genericError[lang],
      );
    }
  };

  const load = async (p: Proof) => {
    const { data } = await api<ComplaintStatusView>('/complaints/track', { body: p });
    setProof(p);
    setView(data);
  };

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setMessage('');
    work()
      .then(() => setErrors({}))
      .catch(fail)
      .finally(() => setBusy(false));
  };

  const track = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const etag = v.etag ?? '';
    const p: Proof =
      by === 'code' ? { etag, trackingCode: v.trackingCode ?? '' } : { etag, phone: v.phone ?? '' };
    setView(undefined);
    run(() => load(p));
  };

  const respond = (event: Event) => {
    event.preventDefault();
    if (!proof) return;
    const text = formValues(event.currentTarget as HTMLFormElement).message ?? '';
    const body = { ...proof, message: text };
    run(async () => {
      await api('/complaints/respond', { body, idempotencyKey: keyFor(body) });
      await load(proof);
      setMessage(S.answerSent[lang]);
    });
  };

  const feedback = (satisfied: boolean) => (event: Event) => {
    event.preventDefault();
    if (!proof) return;
    const reason = satisfied ? undefined : formValues(event.currentTarget as HTMLFormElement).reason;
    const body = { ...proof, satisfied, ...(reason ? { reason } : {}) };
    run(async () => {
      await api('/complaints/feedback', { body, idempotencyKey: keyFor(body) });
      await load(proof);
      setMessage(satisfied ? S.feedbackThanks[lang] : `${S.feedbackThanks[lang]} ${S.reopenedNote[lang]}`);
    });
  };

  const err = (field: string) => errors[field];
  const ids = (id: string, field: string) => ({
    id,
    'aria-invalid': err(field) ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, false, Boolean(err(field))),
  });
  const last = view?.timeline.at(-1);

  return (
    <>
      <form class="card form" onSubmit={track} noValidate>
        <h1>{S.trackTitle[lang]}</h1>
        <Field id="t-etag" label={S.etag[lang]} error={err('etag')}>
          <CodeInput
            name="etag"
            placeholder="LHR-7K3Q-F9XC"
            defaultValue={initialEtag()}
            {...ids('t-etag', 'etag')}
          />
        </Field>
        <fieldset class="choice">
          <legend>{S.proof[lang]}</legend>
          {(['code', 'phone'] as const).map((proof) => (
            <Check
              type="radio"
              name="by"
              id={`t-by-${proof}`}
              key={proof}
              label={proof === 'code' ? S.byCode[lang] : S.byPhone[lang]}
              checked={by === proof}
              onChange={() => setBy(proof)}
            />
          ))}
        </fieldset>
        {by === 'code' ? (
          <Field id="t-code" label={S.trackingCode[lang]} error={err('trackingCode')}>
            <CodeInput name="trackingCode" {...ids('t-code', 'trackingCode')} />
          </Field>
        ) : (
          <Field id="t-phone" label={S.byPhone[lang]} error={err('phone')}>
            <PhoneInput {...ids('t-phone', 'phone')} />
          </Field>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {S.find[lang]}
        </button>
      </form>
      <p class={message && !view ? 'error banner' : 'status-message'} role="status">
        {message}
      </p>
      {view && (
        <section class="card" aria-labelledby="status-title">
          <h2 id="status-title">
            <bdi dir="ltr" class="code">
              {view.etag}
            </bdi>
          </h2>
          <dl class="facts">
            <div>
              <dt>{S.status[lang]}</dt>
              <dd data-testid="status">{statusLabel(view.status, lang)}</dd>
            </div>
            {view.heldBy && (
              <div>
                <dt>{S.heldBy[lang]}</dt>
                <dd data-testid="held-by">{roleLabel(view.heldBy, lang, view.district)}</dd>
              </div>
            )}
            <div>
              <dt>{S.category[lang]}</dt>
              <dd>{categoryLabel(view.category, lang)}</dd>
            </div>
            <div>
              <dt>{S.district[lang]}</dt>
              <dd>{districtLabel(view.district, lang)}</dd>
            </div>
            <div>
              <dt>{S.lastUpdate[lang]}</dt>
              <dd>
                <bdi>{pakistanTime(view.updatedAt, lang)}</bdi>
              </dd>
            </div>
          </dl>
          {view.status === 'awaiting_citizen' && (
            <form class="form answer" onSubmit={respond} noValidate>
              <h3>{S.infoRequested[lang]}</h3>
              {last?.note && (
                <blockquote>
                  <Isolated text={last.note} />
                </blockquote>
              )}
              <Field id="t-message" label={S.yourAnswer[lang]} error={err('message')}>
                <textarea
                  name="message"
                  rows={4}
                  required
                  maxLength={5000}
                  {...ids('t-message', 'message')}
                />
              </Field>
              <button type="submit" class="primary" disabled={busy}>
                {S.sendAnswer[lang]}
              </button>
            </form>
          )}
          {view.status === 'resolved' && (
            <div class="feedback">
              <h3>{S.feedbackTitle[lang]}</h3>
              <form onSubmit={feedback(true)}>
                <button type="submit" class="primary" disabled={busy}>
                  {S.satisfied[lang]}
                </button>
              </form>
              <form class="form" onSubmit={feedback(false)} noValidate>
                <Field id="t-reason" label={S.reason[lang]} error={err('reason')}>
                  <textarea name="reason" rows={3} maxLength={2000} {...ids('t-reason', 'reason')} />
                </Field>
                <button type="submit" class="secondary" disabled={busy}>
                  {S.notSatisfied[lang]}
                </button>
              </form>
            </div>
          )}
          {proof && (
            <AttachEvidence
              lang={lang}
              proof={proof}
              evidence={view.evidence}
              onAttached={() => load(proof)}
            />
          )}
          <h3>{S.timeline[lang]}</h3>
          <p class="hint">{S.timesNote[lang]}</p>
          <Timeline entries={view.timeline} lang={lang} district={view.district} />
        </section>
      )}
    </>
  );
};
