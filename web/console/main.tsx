/**
 * The officer console: sign-in (Cognito managed login when deployed; a development-only role/area picker against
 * the local issuer), then queue, complaint, follow-ups, alerts and monitoring behind a hash router.
 */
import '../lib/style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DISTRICTS, REGIONS } from '../../shared/domain/districts.ts';
import { ROLES } from '../../shared/domain/vocabulary.ts';
import { loadConfig, type SiteConfig } from '../lib/config.ts';
import { formValues } from '../lib/form.tsx';
import {
  completeCognitoSignIn,
  currentSession,
  localSignIn,
  signOut,
  startCognitoSignIn,
  type Session,
} from './auth.ts';
import { SessionContext, role } from './common.tsx';
import { ComplaintPage } from './complaint.tsx';
import { AlertsPage, FollowUpsPage } from './follow-ups.tsx';
import { MonitoringPage } from './monitoring.tsx';
import { QueuePage } from './queue.tsx';

const MONITORS = ['DPO', 'RPO', 'CPO', 'ADMIN'];

const useHash = (): string => {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const update = () => setHash(location.hash);
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return hash;
};

/** Development only: the local issuer signs a token for the role and area picked here. */
const LocalSignIn = ({ config, onSession }: { config: SiteConfig; onSession: (s: Session) => void }) => {
  const [picked, setPicked] = useState('DPO');
  const [error, setError] = useState('');
  if (config.auth.kind !== 'local') return null;
  const auth = config.auth;
  const submit = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const area = {
      ...(['SHO', 'SDPO', 'DPO'].includes(picked) && v.district ? { 'custom:district': v.district } : {}),
      ...(picked === 'RPO' && v.region ? { 'custom:region': v.region } : {}),
      ...(picked === 'SHO' && v.station ? { 'custom:station': v.station } : {}),
      ...(picked === 'SDPO' && v.circle ? { 'custom:circle': v.circle } : {}),
    };
    const sub = ['local', picked, ...Object.values(area)].join('-').toLowerCase().replace(/\W+/g, '-');
    localSignIn(auth, { sub, 'custom:role': picked, name: v.name ?? `${picked} (local)`, ...area })
      .then(onSession)
      .catch((e: unknown) => setError(String(e)));
  };
  return (
    <main>
      <form class="card form" onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Development sign-in</h1>
        <p class="notice">
          Local runtime only (stage <strong>{config.stage}</strong>): the local issuer signs a token for the
          role and area you pick. A deployed stage signs officers in through Cognito instead.
        </p>
        <div class="field">
          <label for="l-role">Role</label>
          <select id="l-role" name="role" value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
            {ROLES.map((r) => (
              <option value={r} key={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        {['SHO', 'SDPO', 'DPO'].includes(picked) && (
          <div class="field">
            <label for="l-district">District</label>
            <select id="l-district" name="district">
              {[...DISTRICTS]
                .sort((a, b) => a.en.localeCompare(b.en))
                .map((d) => (
                  <option value={d.code} key={d.code} selected={d.code === 'LHR'}>
                    {d.en}
                  </option>
                ))}
            </select>
          </div>
        )}
        {picked === 'RPO' && (
          <div class="field">
            <label for="l-region">Region</label>
            <select id="l-region" name="region">
              {REGIONS.map((r) => (
                <option value={r.code} key={r.code}>
                  {r.en}
                </option>
              ))}
            </select>
          </div>
        )}
        {picked === 'SHO' && (
          <div class="field">
            <label for="l-station">Police station</label>
            <input id="l-station" name="station" required />
          </div>
        )}
        {picked === 'SDPO' && (
          <div class="field">
            <label for="l-circle">Circle</label>
            <input id="l-circle" name="circle" required />
          </div>
        )}
        <div class="field">
          <label for="l-name">Display name</label>
          <input id="l-name" name="name" />
        </div>
        <button type="submit" class="primary">
          Sign in
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
};

const CognitoSignIn = ({ config, error }: { config: SiteConfig; error: string }) => (
  <main>
    <section class="card">
      <h1>Officer console</h1>
      <p>Sign in with your police account (multi-factor authentication required).</p>
      <button
        type="button"
        class="primary"
        onClick={() => config.auth.kind === 'cognito' && void startCognitoSignIn(config.auth)}
      >
        Sign in
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  </main>
);

const Console = ({ config, session }: { config: SiteConfig; session: Session }) => {
  const hash = useHash();
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, arg] = path.split('/');
  const r = role(session);
  const monitors = MONITORS.includes(r);
  const area = session.claims['custom:district'] ?? session.claims['custom:region'] ?? 'all districts';
  const current = (name: string) => ((page || 'queue') === name ? 'page' : undefined);
  useEffect(() => {
    document.title = `${(page || 'queue').replace(/-/g, ' ')} — Rabta console`;
  }, [page]);
  const content = () => {
    switch (page || 'queue') {
      case 'queue':
        return <QueuePage />;
      case 'complaints':
        return arg ? <ComplaintPage etag={decodeURIComponent(arg)} /> : <QueuePage />;
      case 'follow-ups':
        return <FollowUpsPage />;
      case 'alerts':
        return <AlertsPage />;
      case 'monitoring':
        return monitors ? <MonitoringPage /> : <p>Monitoring is for DPO, RPO and CPO.</p>;
      default:
        return <p>No such page.</p>;
    }
  };
  return (
    <SessionContext.Provider value={session}>
      <header class="top">
        <a class="brand" href="#/queue">
          <span class="name">Rabta</span>
          <span class="tagline">Officer console</span>
        </a>
        <span class="who" data-testid="who">
          {session.claims.name ?? session.claims.sub} · {r} · {area}
        </span>
        <button type="button" class="lang" onClick={() => signOut(config.auth)}>
          Sign out
        </button>
        <nav aria-label="Console">
          <a href="#/queue" aria-current={current('queue')}>
            Queue
          </a>
          <a href="#/follow-ups" aria-current={current('follow-ups')}>
            Follow-ups
          </a>
          <a href="#/alerts" aria-current={current('alerts')}>
            Alerts
          </a>
          {monitors && (
            <a href="#/monitoring" aria-current={current('monitoring')}>
              Monitoring
            </a>
          )}
        </nav>
      </header>
      <main class="wide" key={path}>
        {content()}
      </main>
    </SessionContext.Provider>
  );
};

const App = () => {
  const [config, setConfig] = useState<SiteConfig>();
  const [session, setSession] = useState<Session | undefined>(currentSession);
  const [error, setError] = useState('');
  useEffect(() => {
    loadConfig()
      .then(async (c) => {
        setConfig(c);
        if (c.auth.kind === 'cognito') {
          const fresh = await completeCognitoSignIn(c.auth);
          if (fresh) setSession(fresh);
        }
      })
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (!config)
    return (
      <main>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
      </main>
    );
  if (session) return <Console config={config} session={session} />;
  return config.auth.kind === 'local' ? (
    <LocalSignIn config={config} onSession={setSession} />
  ) : (
    <CognitoSignIn config={config} error={error} />
  );
};

document.body.classList.add('console');
const root = document.getElementById('app');
if (root) render(<App />, root);
