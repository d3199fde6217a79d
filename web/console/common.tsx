/**
 * What the console's pages share: the officer's session and language, API calls with the token, SLA clocks,
 * labels, a labelled field with a select, a table that scrolls on its own (keyboard-reachable), paged lists.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { GROUPS_CLAIM, scopeOfGroups } from '../../shared/domain/officer-groups.ts';
import { districtLabel, eventLabel, statusLabel } from '../../shared/chat/labels.ts';
import { findCategory } from '../../shared/domain/categories.ts';
import type { Status } from '../../shared/domain/vocabulary.ts';
import { ApiError, api, type ApiRequest, type ApiResponse } from '../lib/api.ts';
import { formValues } from '../lib/form.tsx';
import { pakistanTime } from '../lib/i18n.ts';
import type { Language } from '../lib/texts.ts';
import type { Session } from './auth.ts';
import { C, PHASE_LABELS, fill, labelOf } from './strings.ts';

export const SessionContext = createContext<Session | undefined>(undefined);
export const LanguageContext = createContext<Language>('en');

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('not signed in');
  return session;
};

export const useLang = (): Language => useContext(LanguageContext);

export const officerApi = <T,>(
  session: Session,
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> => api<T>(path, { ...request, token: session.token });

/** Role and area from the token's groups (`role-DPO`, `district-LHR`, …), for display; the API checks them. */
export const scopeOf = (session: Session) => scopeOfGroups(session.claims[GROUPS_CLAIM]);
export const role = (session: Session): string => scopeOf(session).role ?? '';

/** Words for codes in the console's language. Officers see a sensitive category's real name. */
export const labels = (lang: Language) => ({
  status: (s: string) => statusLabel(s as Status, lang),
  category: (c: string) => findCategory(c)?.[lang] ?? c,
  district: (d: string) => districtLabel(d, lang),
  event: (type: string) =>
    type === 'FeedbackReceived'
      ? lang === 'ur'
        ? 'شہری کی رائے'
        : 'Citizen feedback'
      : eventLabel(type, lang),
});

/** An API error as one line (with its field issues), in English: the API speaks English to officers. */
export const describeError = (e: unknown): string =>
  e instanceof ApiError
    ? `${e.message}${e.issues.length ? ` (${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')})` : ''}`
    : String(e);

export interface SlaView {
  readonly phase?: string;
  readonly level?: string;
  readonly dueAt?: string;
  readonly pausedAt?: string;
  readonly stoppedAt?: string;
  readonly firstActionAt?: string;
  readonly breaches?: readonly unknown[];
  readonly targets?: { firstActionMinutes: number; resolutionMinutes: number };
}

export const duration = (ms: number, lang: Language): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (text: typeof C.days, n: number) => fill(text, lang, { n });
  return days > 0
    ? `${part(C.days, days)} ${part(C.hours, hours)}`
    : hours > 0
      ? `${part(C.hours, hours)} ${part(C.minutes, mins)}`
      : part(C.minutes, mins);
};

/** Milliseconds until due (negative: overdue); undefined when paused or stopped. */
export const dueInMs = (sla: SlaView | undefined, now: number): number | undefined =>
  sla?.dueAt && !sla.pausedAt && !sla.stoppedAt ? Date.parse(sla.dueAt) - now : undefined;

export const SlaClock = ({ sla, now }: { sla: SlaView | undefined; now: number }) => {
  const lang = useLang();
  if (!sla) return <span class="pill paused">{C.noSla[lang]}</span>;
  if (sla.stoppedAt) return <span class="pill paused">{C.stopped[lang]}</span>;
  if (sla.pausedAt) return <span class="pill paused">{C.paused[lang]}</span>;
  const left = dueInMs(sla, now);
  if (left === undefined) return <span class="pill paused">—</span>;
  const values = { phase: labelOf(PHASE_LABELS, sla.phase ?? '', lang), time: duration(left, lang) };
  return left >= 0 ? (
    <span class="pill due">{fill(C.dueIn, lang, values)}</span>
  ) : (
    <span class="pill overdue">{fill(C.overdueBy, lang, values)}</span>
  );
};

/** Pakistan time in the console's language (isolated, so it never reorders inside Urdu text). */
export const Time = ({ iso }: { iso: string | undefined }) => {
  const lang = useLang();
  return iso ? <bdi>{pakistanTime(iso, lang)}</bdi> : <>—</>;
};

/** A labelled select; `any` adds an empty first option (a filter that does not filter). */
export const SelectField = (props: {
  id: string;
  label: string;
  name?: string;
  options: readonly (readonly [value: string, label: string])[];
  any?: string;
  value?: string;
  /** The option first chosen in an uncontrolled select. */
  defaultValue?: string;
  onChange?: (value: string) => void;
  inline?: boolean;
}) => {
  const select = (
    <select
      id={props.id}
      name={props.name}
      class={props.inline ? 'inline' : undefined}
      {...(props.value !== undefined ? { value: props.value } : {})}
      {...(props.onChange
        ? { onChange: (e: Event) => props.onChange?.((e.currentTarget as HTMLSelectElement).value) }
        : {})}
    >
      {props.any !== undefined && <option value="">{props.any}</option>}
      {props.options.map(([value, label]) => (
        <option value={value} key={value} selected={value === props.defaultValue ? true : undefined}>
          {label}
        </option>
      ))}
    </select>
  );
  return props.inline ? (
    <>
      <label for={props.id}>{props.label}</label>
      {select}
    </>
  ) : (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {select}
    </div>
  );
};

/**
 * A table wider than a phone scrolls inside its card. The card is a labelled region in the tab order, so a
 * keyboard user can scroll it too (axe scrollable-region-focusable).
 */
export const ScrollTable = (props: {
  caption: string;
  columns: readonly string[];
  empty?: string | false;
  /**
   * On a phone, each row becomes a card whose cells carry their column's name (lists of complaints, follow-ups,
   * alerts); tables of figures stay tables and scroll sideways.
   */
  stack?: boolean;
  /** The rows. */
  children: ComponentChildren;
}) => {
  const lang = useLang();
  const body = useRef<HTMLTableSectionElement>(null);
  // The rows are the callers'; each cell gets its column's name here, for the stacked layout's labels.
  useEffect(() => {
    if (!props.stack) return;
    for (const row of Array.from(body.current?.rows ?? [])) {
      Array.from(row.cells).forEach((cell, i) => {
        const column = props.columns[i];
        if (column) cell.dataset.label = column;
      });
    }
  });
  return (
    <div
      class="card table-scroll"
      role="region"
      tabIndex={0}
      aria-label={fill(C.scrollTable, lang, { caption: props.caption })}
    >
      <table class={props.stack ? 'stack' : undefined}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>{props.children}</tbody>
      </table>
      {props.empty && <p>{props.empty}</p>}
    </div>
  );
};

/** One fact of a definition list. */
export const Fact = (props: { term: string; children: ComponentChildren; testId?: string }) => (
  <div>
    <dt>{props.term}</dt>
    <dd data-testid={props.testId}>{props.children}</dd>
  </div>
);

export const ErrorBanner = ({ text }: { text: string }) =>
  text ? (
    <p class="error banner" role="alert">
      {text}
    </p>
  ) : null;

/** A list the API pages with a cursor: the first page on mount (and when `deps` change), then "load more". */
export const usePagedList = <T,>(
  path: string,
  query: Record<string, string | undefined>,
  deps: readonly unknown[] = [],
) => {
  const session = useSession();
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const load = async (after?: string) => {
    setLoading(true);
    try {
      const { data } = await officerApi<{ items: T[]; cursor?: string }>(session, path, {
        query: { ...query, cursor: after },
      });
      setItems((current) => (after ? [...current, ...data.items] : data.items));
      setCursor(data.cursor);
      setError('');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => void load(), deps);
  return { items, cursor, error, loading, load };
};

/** "Load more" under a paged list, while the API has another page. */
export const LoadMore = ({
  cursor,
  loading,
  load,
}: {
  cursor: string | undefined;
  loading: boolean;
  load: (after: string) => Promise<void>;
}) => {
  const lang = useLang();
  return cursor ? (
    <button type="button" class="secondary" disabled={loading} onClick={() => void load(cursor)}>
      {C.loadMore[lang]}
    </button>
  ) : null;
};

type Outcome = { kind: 'ok' | 'error' | 'conflict'; text: string };

/**
 * A form that sends one officer action: busy while it runs, "done" or the API's error under it, and on a 412
 * (someone else changed the record) a conflict message while the typed values stay.
 */
export const ActionForm = (props: {
  form: string;
  title: string;
  submit: string;
  onSubmit: (values: Record<string, string | undefined>) => Promise<void>;
  children: ComponentChildren;
}) => {
  const lang = useLang();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const send = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setOutcome(undefined);
    setBusy(true);
    props
      .onSubmit(formValues(form))
      .then(() => {
        form.reset();
        setOutcome({ kind: 'ok', text: C.done[lang] });
      })
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 412)
          setOutcome({ kind: 'conflict', text: C.conflict[lang] });
        else setOutcome({ kind: 'error', text: describeError(e) });
      })
      .finally(() => setBusy(false));
  };
  return (
    <form class="card form" onSubmit={send} aria-label={props.title} data-form={props.form}>
      <h3>{props.title}</h3>
      {props.children}
      <button type="submit" class="primary" disabled={busy}>
        {props.submit}
      </button>
      {outcome && (
        <p
          class={outcome.kind === 'ok' ? 'hint' : 'error'}
          role={outcome.kind === 'ok' ? 'status' : 'alert'}
          data-outcome={outcome.kind}
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
};

export const Input = (props: {
  id: string;
  label: string;
  name: string;
  multiline?: boolean;
  ltr?: boolean;
  defaultValue?: string | undefined;
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    {props.multiline ? (
      <textarea id={props.id} name={props.name} rows={3} maxLength={2000} defaultValue={props.defaultValue} />
    ) : (
      <input
        id={props.id}
        name={props.name}
        maxLength={120}
        dir={props.ltr ? 'ltr' : undefined}
        defaultValue={props.defaultValue}
      />
    )}
  </div>
);
