/**
 * Beside the monitoring figures: breaches and median delay per officer over the same period (DPO and above),
 * and the service feedback citizens sent on WhatsApp (CPO and ADMIN). Each reads its own route.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OfficerFiguresReport as OfficerReport } from '../../shared/schemas/officer-http.ts';
import { ApiError } from '../lib/api.ts';
import { labels, officerApi, Time, useLang, useSession } from './common.tsx';
import { C, fill } from './strings.ts';

interface FeedbackPage {
  items: { id: string; language: string; text: string; receivedAt: string }[];
  cursor?: string;
}

const DAY = 86_400_000;

const hours = (minutes: number | null): string => (minutes === null ? '—' : (minutes / 60).toFixed(1));

const message = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));

export const OfficerFigures = ({ days }: { days: number }) => {
  const session = useSession();
  const lang = useLang();
  const [report, setReport] = useState<OfficerReport>();
  const [error, setError] = useState('');
  useEffect(() => {
    const to = Date.now();
    setReport(undefined);
    officerApi<OfficerReport>(session, '/officer/monitoring/officers', {
      query: { from: new Date(to - days * DAY).toISOString(), to: new Date(to).toISOString() },
    })
      .then((r) => setReport(r.data))
      .catch((e: unknown) => setError(message(e)));
  }, [days]);
  if (error) return <p class="error">{error}</p>;
  if (!report) return <p aria-busy="true">{C.loading[lang]}</p>;
  return (
    <>
      <h2>{C.perOfficer[lang]}</h2>
      <div
        class="card table-scroll"
        tabIndex={0}
        aria-label={fill(C.scrollTable, lang, { caption: C.perOfficer[lang] })}
      >
        <table>
          <caption class="visually-hidden">{C.perOfficerCaption[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">{C.officer[lang]}</th>
              <th scope="col">{C.posts[lang]}</th>
              <th scope="col">{C.slaBreaches[lang]}</th>
              <th scope="col">{C.openFollowUps[lang]}</th>
              <th scope="col">{C.medianDelay[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {report.officers.map((o) => (
              <tr key={o.serviceNumber} data-officer={o.serviceNumber}>
                <td>
                  {o.rank ? `${o.rank} ` : ''}
                  {o.name ?? ''} <span class="code">{o.serviceNumber}</span>
                </td>
                <td>
                  {o.posts.join('; ')} ({o.districts.map(labels(lang).district).join(', ')})
                </td>
                <td>{o.breaches}</td>
                <td>{o.openFollowUps}</td>
                <td>{hours(o.medianDelayMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.officers.length === 0 && <p>{C.noOfficerBreaches[lang]}</p>}
      </div>
      <p class="hint">
        {C.delayHint[lang]}
        {report.vacant.breaches > 0 &&
          ` ${fill(C.vacantBreaches, lang, { n: report.vacant.breaches, posts: report.vacant.posts.join('; ') })}`}
        {report.unattributed > 0 && ` ${fill(C.unattributed, lang, { n: report.unattributed })}`}
        {report.truncated && ` ${C.truncatedFigures[lang]}`}
      </p>
    </>
  );
};

/** Rendered for the CPO and ADMIN only (the route answers 403 to everyone else). */
export const ServiceFeedback = () => {
  const session = useSession();
  const lang = useLang();
  const [items, setItems] = useState<FeedbackPage['items']>([]);
  const [cursor, setCursor] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState('');
  const load = (after?: string) =>
    officerApi<FeedbackPage>(session, '/officer/monitoring/feedback', {
      query: { limit: '20', ...(after ? { cursor: after } : {}) },
    })
      .then(({ data }) => {
        setItems((previous) => [...(after ? previous : []), ...data.items]);
        setCursor(data.cursor);
        setLoaded(true);
      })
      .catch((e: unknown) => setError(message(e)));
  useEffect(() => void load(), []);
  return (
    <>
      <h2>{C.serviceFeedback[lang]}</h2>
      {error && <p class="error">{error}</p>}
      {!loaded && !error && <p aria-busy="true">{C.loading[lang]}</p>}
      <ol class="card feedback-list" aria-label={C.serviceFeedback[lang]}>
        {items.map((f) => (
          <li key={f.id}>
            <Time iso={f.receivedAt} />{' '}
            <span lang={f.language} dir="auto">
              {f.text}
            </span>
          </li>
        ))}
      </ol>
      {loaded && items.length === 0 && <p>{C.noFeedback[lang]}</p>}
      {cursor && (
        <button type="button" class="secondary" onClick={() => void load(cursor)}>
          {C.moreFeedback[lang]}
        </button>
      )}
    </>
  );
};
