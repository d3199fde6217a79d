/** The disciplinary follow-ups inbox (with its actions, If-Match on the follow-up's version) and SLA alerts. */
import { useState } from 'preact/hooks';
import {
  FOLLOW_UP_RULES,
  FOLLOW_UP_STATES,
  type FollowUpOutcome,
  type FollowUpState,
} from '../../shared/domain/follow-up.ts';
import { ApiError } from '../lib/api.ts';
import { formValues } from '../lib/form.tsx';
import {
  ErrorBanner,
  LoadMore,
  ScrollTable,
  SelectField,
  Time,
  describeError,
  labels,
  officerApi,
  useLang,
  usePagedList,
  useSession,
} from './common.tsx';
import {
  ALERT_KIND_LABELS,
  C,
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_STATE_LABELS,
  FOLLOW_UP_STEP_LABELS,
  PHASE_LABELS,
  fill,
  labelOf,
} from './strings.ts';

interface FollowUp {
  id: string;
  etag: string;
  district: string;
  level: string;
  phase: string;
  post: string;
  officerId?: string;
  /** The officer posted there when the deadline passed (docs/force.md). */
  officer?: { serviceNumber: string; name: string; rank: string };
  /** Nobody held the post then. */
  vacant?: boolean;
  dueAt: string;
  breachedAt: string;
  state: string;
  outcome?: string;
  version: number;
  history: { action: string; at: string; note?: string; outcome?: string; actor: { role?: string } }[];
}

interface Alert {
  id: string;
  kind: string;
  etag: string;
  district: string;
  station?: string;
  level: string;
  escalatedTo?: string;
  phase: string;
  dueAt: string;
  occurredAt: string;
}

const ComplaintLink = ({ etag }: { etag: string }) => (
  <a class="code" href={`#/complaints/${etag}`} dir="ltr">
    {etag}
  </a>
);

/** The steps the rules allow from a state, and for closing, the outcomes allowed from it (domain FOLLOW_UP_RULES). */
const stepsFrom = (state: string) => {
  const rules = FOLLOW_UP_RULES.filter((r) => r.from.includes(state as FollowUpState));
  return {
    actions: FOLLOW_UP_ACTIONS.filter((a) => rules.some((r) => r.action === a.type)),
    outcomes: [...new Set(rules.flatMap((r) => r.outcomes ?? []))] as FollowUpOutcome[],
  };
};

/** Who answers for the breach: the officer posted there at the deadline, or that the post was vacant. */
const accountable = (item: FollowUp, lang: 'ur' | 'en'): string =>
  item.officer
    ? `${item.officer.rank} ${item.officer.name} · ${item.officer.serviceNumber}`
    : item.vacant
      ? C.postVacant[lang]
      : (item.officerId ?? '');

/** What the supervisors did so far, oldest first, with their notes: read before the next step. */
const StepsTaken = ({ steps }: { steps: FollowUp['history'] }) => {
  const lang = useLang();
  const taken = steps.filter((step) => step.action !== 'opened');
  if (taken.length === 0) return null;
  return (
    <details class="steps" data-testid="steps-taken">
      <summary>{fill(C.stepsTaken, lang, { n: taken.length })}</summary>
      <ol>
        {taken.map((step) => (
          <li key={step.at}>
            <Time iso={step.at} /> — {labelOf(FOLLOW_UP_STEP_LABELS, step.action, lang)}
            {step.outcome ? ` (${labelOf(FOLLOW_UP_OUTCOME_LABELS, step.outcome, lang)})` : ''}
            {step.actor.role ? `, ${step.actor.role}` : ''}
            {step.note ? (
              <>
                : <q dir="auto">{step.note}</q>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
};

const FollowUpRow = ({ item, onChanged }: { item: FollowUp; onChanged: () => Promise<void> }) => {
  const session = useSession();
  const lang = useLang();
  const [note, setNote] = useState('');
  const steps = stepsFrom(item.state);
  const [action, setAction] = useState(steps.actions[0]?.type ?? '');
  const act = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const body =
      v.type === 'close'
        ? { type: 'close', outcome: v.outcome, note: v.note ?? '' }
        : { type: v.type, note: v.note ?? '' };
    officerApi(session, `/officer/follow-ups/${encodeURIComponent(item.id)}/actions`, {
      body,
      ifMatch: `"${item.version}"`,
    })
      .then(async () => {
        setNote(C.done[lang]);
        await onChanged();
      })
      .catch(async (e: unknown) => {
        const conflict = e instanceof ApiError && e.status === 412;
        setNote(conflict ? C.followUpConflict[lang] : describeError(e));
        if (conflict) await onChanged();
      });
  };
  const id = item.id.replace(/\W/g, '-');
  return (
    <tr>
      <td>
        <ComplaintLink etag={item.etag} />
      </td>
      <td>
        {item.post} ({item.level})
        <br />
        <span class="hint" data-testid="accountable">
          {accountable(item, lang)}
        </span>
      </td>
      <td>
        {labelOf(PHASE_LABELS, item.phase, lang)}: {C.due[lang]} <Time iso={item.dueAt} />; {C.breached[lang]}{' '}
        <Time iso={item.breachedAt} />
      </td>
      <td>
        <span data-testid="follow-up-state">
          {labelOf(FOLLOW_UP_STATE_LABELS, item.state, lang)}
          {item.outcome ? ` — ${labelOf(FOLLOW_UP_OUTCOME_LABELS, item.outcome, lang)}` : ''}
        </span>
        <StepsTaken steps={item.history} />
      </td>
      <td>
        {steps.actions.length > 0 && (
          <form class="row" onSubmit={act} aria-label={fill(C.actOn, lang, { id: item.id })}>
            <SelectField
              id={`fu-type-${id}`}
              name="type"
              label={C.action[lang]}
              inline
              value={action}
              onChange={setAction}
              options={steps.actions.map((a) => [a.type, a.label[lang]])}
            />
            {action === 'close' && (
              <SelectField
                id={`fu-outcome-${id}`}
                name="outcome"
                label={C.outcomeWhenClosing[lang]}
                inline
                options={steps.outcomes.map((o) => [o, labelOf(FOLLOW_UP_OUTCOME_LABELS, o, lang)])}
              />
            )}
            <label for={`fu-note-${id}`}>{C.note[lang]}</label>
            <input id={`fu-note-${id}`} name="note" required maxLength={2000} class="inline" />
            <button type="submit" class="secondary">
              {C.send[lang]}
            </button>
            <span role="status">{note}</span>
          </form>
        )}
      </td>
    </tr>
  );
};

export const FollowUpsPage = () => {
  const lang = useLang();
  const [state, setState] = useState('');
  const { items, cursor, error, loading, load } = usePagedList<FollowUp>(
    '/officer/follow-ups',
    { state: state || undefined, limit: '50' },
    [state],
  );
  return (
    <section>
      <h1>{C.followUpsTitle[lang]}</h1>
      <div class="row">
        <SelectField
          id="fu-state"
          label={C.state[lang]}
          inline
          any={C.any[lang]}
          value={state}
          onChange={setState}
          options={FOLLOW_UP_STATES.map((s) => [s, labelOf(FOLLOW_UP_STATE_LABELS, s, lang)])}
        />
      </div>
      <ErrorBanner text={error} />
      <ScrollTable
        caption={C.followUpsTitle[lang]}
        stack
        empty={items.length === 0 && !loading && C.noFollowUps[lang]}
        columns={[C.complaint[lang], C.post[lang], C.breach[lang], C.state[lang], C.action[lang]]}
      >
        {items.map((f) => (
          <FollowUpRow key={`${f.id}@${f.version}`} item={f} onChanged={() => load()} />
        ))}
      </ScrollTable>
      <LoadMore cursor={cursor} loading={loading} load={load} />
    </section>
  );
};

export const AlertsPage = () => {
  const lang = useLang();
  const l = labels(lang);
  const { items, cursor, error, loading, load } = usePagedList<Alert>('/officer/alerts', { limit: '50' });
  return (
    <section>
      <h1>{C.alertsTitle[lang]}</h1>
      <ErrorBanner text={error} />
      <ScrollTable
        caption={C.alertsCaption[lang]}
        stack
        empty={items.length === 0 && !loading && C.noAlerts[lang]}
        columns={[
          C.when[lang],
          C.kind[lang],
          C.complaint[lang],
          C.districtStation[lang],
          C.level[lang],
          C.due[lang],
        ]}
      >
        {items.map((a) => (
          <tr key={a.id}>
            <td>
              <Time iso={a.occurredAt} />
            </td>
            <td>
              <span class={a.kind === 'breach' ? 'pill overdue' : 'pill paused'}>
                {labelOf(ALERT_KIND_LABELS, a.kind, lang)}
              </span>
            </td>
            <td>
              <ComplaintLink etag={a.etag} />
            </td>
            <td>
              {l.district(a.district)}
              {a.station ? ` / ${a.station}` : ''}
            </td>
            <td>
              {a.level}
              {a.escalatedTo ? ` → ${a.escalatedTo}` : ''}
            </td>
            <td>
              {labelOf(PHASE_LABELS, a.phase, lang)} <Time iso={a.dueAt} />
            </td>
          </tr>
        ))}
      </ScrollTable>
      <LoadMore cursor={cursor} loading={loading} load={load} />
    </section>
  );
};
