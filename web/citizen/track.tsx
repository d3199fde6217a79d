/**
 * Tracking: the e-tag plus the tracking code or the filing phone → status, the level holding it (a role, never
 * a name), the timeline in the citizen's language and Pakistan time; then answering an officer's request for
 * information and feedback on a resolved complaint, with the same proof.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ComplaintStatusView, PublicTimelineEntry } from '../../shared/schemas/http.ts';
import {
  categoryLabel,
  districtLabel,
  eventLabel,
  roleLabel,
  statusLabel,
} from '../../shared/chat/labels.ts';
import { ApiError, api, idempotencyKeys } from '../lib/api.ts';
import { Field, describedBy, formValues } from '../lib/form.tsx';
import { pakistanTime, type Language } from '../lib/i18n.ts';
import { ACTION_LABELS } from '../lib/labels.ts';
import { Isolated } from '../lib/rich-text.tsx';
import { fieldErrors } from './file.tsx';
import { S } from './strings.ts';

type Proof = { etag: string; trackingCode: string } | { etag: string; phone: string };
type Errors = Record<string, string>;

const PROOF_FIELDS = ['etag', 'trackingCode', 'phone', 'message', 'reason'] as const;

const entryText = (e: PublicTimelineEntry, lang: Language, district: string): string => {
  if (e.type === 'ComplaintAssigned' && e.level)
    return `${eventLabel(e.type, lang)}: ${roleLabel(e.level, lang, district)}`;
  if (e.type === 'ComplaintActionRecorded' && e.action) {
    return ACTION_LABELS[e.action as keyof typeof ACTION_LABELS]?.[lang] ?? eventLabel(e.type, lang);
  }
  if (e.type === 'ComplaintStatusChanged' && e.toStatus)
    return `${eventLabel(e.type, lang)}: ${statusLabel(e.toStatus, lang)}`;
  if ((e.type === 'ComplaintSlaBreached' || e.type === 'ComplaintReopened') && e.level) {
    return `${eventLabel(e.type, lang)} (${roleLabel(e.level, lang, district)})`;
  }
  return eventLabel(e.type, lang);
};

const Timeline = ({
  entries,
  lang,
  district,
}: {
  entries: readonly PublicTimelineEntry[];
  lang: Language;
  district: string;
}) => (
  <ol class="timeline">
    {[...entries].reverse().map((e, i) => (
      <li key={i}>
        <time dateTime={e.at}>
          <bdi>{pakistanTime(e.at, lang)}</bdi>
        </time>
        <span class="what">{entryText(e, lang, district)}</span>
        {e.firNumber && (
          <span class="detail">
            {S.firNumber[lang]}: <bdi dir="ltr">{e.firNumber}</bdi>
          </span>
        )}
        {(e.note ?? e.reason) && (
          <span class="detail note">
            <Isolated text={e.note ?? e.reason ?? ''} />
          </span>
        )}
      </li>
    ))}
  </ol>
);

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
          <input
            name="etag"
            dir="ltr"
            required
            maxLength={64}
            autoComplete="off"
            placeholder="LHR-7K3Q-F9XC"
            defaultValue={initialEtag()}
            {...ids('t-etag', 'etag')}
          />
        </Field>
        <fieldset class="choice">
          <legend>{S.proof[lang]}</legend>
          <div class="check">
            <input
              type="radio"
              name="by"
              id="t-by-code"
              checked={by === 'code'}
              onChange={() => setBy('code')}
            />
            <label for="t-by-code">{S.byCode[lang]}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              name="by"
              id="t-by-phone"
              checked={by === 'phone'}
              onChange={() => setBy('phone')}
            />
            <label for="t-by-phone">{S.byPhone[lang]}</label>
          </div>
        </fieldset>
        {by === 'code' ? (
          <Field id="t-code" label={S.trackingCode[lang]} error={err('trackingCode')}>
            <input
              name="trackingCode"
              dir="ltr"
              required
              maxLength={64}
              autoComplete="off"
              {...ids('t-code', 'trackingCode')}
            />
          </Field>
        ) : (
          <Field id="t-phone" label={S.byPhone[lang]} error={err('phone')}>
            <input
              name="phone"
              type="tel"
              dir="ltr"
              required
              maxLength={40}
              autoComplete="tel"
              {...ids('t-phone', 'phone')}
            />
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
          <h3>{S.timeline[lang]}</h3>
          <p class="hint">{S.timesNote[lang]}</p>
          <Timeline entries={view.timeline} lang={lang} district={view.district} />
        </section>
      )}
    </>
  );
};
