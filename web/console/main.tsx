/**
 * The officer console: sign-in (Cognito managed login when deployed; a development-only role/area picker against
 * the local issuer), then queue, complaint, follow-ups, alerts and monitoring behind a hash router.
 */
import '../lib/style.css';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { GROUPS_CLAIM, officerGroups } from '../../shared/domain/officer-groups.ts';
import { DISTRICTS, REGIONS } from '../../shared/domain/districts.ts';
import { ROLES } from '../../shared/domain/vocabulary.ts';
import { loadConfig, type SiteConfig } from '../lib/config.ts';
import { formValues } from '../lib/form.tsx';
import { LanguageButton, SkipLink, useHash, useLanguage } from '../lib/frame.tsx';
import type { Language } from '../lib/i18n.ts';
import {
  completeCognitoSignIn,
  currentSession,
  localSignIn,
  signOut,
  startCognitoSignIn,
  type Session,
} from './auth.ts';
import {
  ErrorBanner,
  LanguageContext,
  SelectField,
  SessionContext,
  role,
  scopeOf,
  useLang,
} from './common.tsx';
import { ComplaintPage } from './complaint.tsx';
import { AlertsPage, FollowUpsPage } from './follow-ups.tsx';
import { ForcePage } from './force.tsx';
import { MonitoringPage } from './monitoring.tsx';
import { QueuePage } from './queue.tsx';
import { C, fill } from './strings.ts';

const MONITORS = ['DPO', 'RPO', 'CPO', 'ADMIN'];

/** Development only: the local issuer signs a token for the role and area picked here. */
const LocalSignIn = ({ config, onSession }: { config: SiteConfig; onSession: (s: Session) => void }) => {
  const lang = useLang();
  const [picked, setPicked] = useState('DPO');
  const [error, setError] = useState('');
  if (config.auth.kind !== 'local') return null;
  const auth = config.auth;
  const submit = (event: Event) => {
    event.preventDefault();
    const v = formValues(event.currentTarget as HTMLFormElement);
    const area = {
      ...(['SHO', 'SDPO', 'DPO'].includes(picked) && v.district ? { district: v.district } : {}),
      ...(picked === 'RPO' && v.region ? { region: v.region } : {}),
      ...(picked === 'SHO' && v.station ? { station: v.station } : {}),
      ...(picked === 'SDPO' && v.circle ? { circle: v.circle } : {}),
    };
    const sub = ['local', picked, ...Object.values(area)].join('-').toLowerCase().replace(/\W+/g, '-');
    // As Cognito would sign it: role and area as group memberships (shared/domain/officer-groups.ts).
    localSignIn(auth, {
      sub,
      [GROUPS_CLAIM]: officerGroups(picked, area),
      name: v.name ?? `${picked} (local)`,
    })
      .then(onSession)
      .catch((e: unknown) => setError(`${C.signInFailed[lang]}: ${String(e)}`));
  };
  const districts = [...DISTRICTS].sort((a, b) => a[lang].localeCompare(b[lang], lang));
  return (
    <form class="card form" onSubmit={submit} aria-labelledby="signin-title">
      <h1 id="signin-title">{C.devSignInTitle[lang]}</h1>
      <p class="notice">{fill(C.devSignInNote, lang, { stage: config.stage })}</p>
      <SelectField
        id="l-role"
        name="role"
        label={C.role[lang]}
        value={picked}
        onChange={setPicked}
        options={ROLES.map((r) => [r, r])}
      />
      {['SHO', 'SDPO', 'DPO'].includes(picked) && (
        <SelectField
          id="l-district"
          name="district"
          label={C.district[lang]}
          defaultValue="LHR"
          options={districts.map((d) => [d.code, d[lang]])}
        />
      )}
      {picked === 'RPO' && (
        <SelectField
          id="l-region"
          name="region"
          label={C.region[lang]}
          options={REGIONS.map((r) => [r.code, r[lang]])}
        />
      )}
      {picked === 'SHO' && (
        <div class="field">
          <label for="l-station">{C.station[lang]}</label>
          <input id="l-station" name="station" required />
        </div>
      )}
      {picked === 'SDPO' && (
        <div class="field">
          <label for="l-circle">{C.circle[lang]}</label>
          <input id="l-circle" name="circle" required />
        </div>
      )}
      <div class="field">
        <label for="l-name">{C.displayName[lang]}</label>
        <input id="l-name" name="name" />
      </div>
      <button type="submit" class="primary">
        {C.signIn[lang]}
      </button>
      <ErrorBanner text={error} />
    </form>
  );
};

const CognitoSignIn = ({ config, error }: { config: SiteConfig; error: string }) => {
  const lang = useLang();
  return (
    <section class="card">
      <h1>{C.consoleName[lang]}</h1>
      <p>{C.cognitoIntro[lang]}</p>
      <button
        type="button"
        class="primary"
        onClick={() => config.auth.kind === 'cognito' && void startCognitoSignIn(config.auth)}
      >
        {C.signIn[lang]}
      </button>
      <ErrorBanner text={error} />
    </section>
  );
};

const PAGES = ['queue', 'follow-ups', 'alerts', 'monitoring', 'force'] as const;
const NAV = {
  queue: C.navQueue,
  'follow-ups': C.navFollowUps,
  alerts: C.navAlerts,
  monitoring: C.navMonitoring,
  force: C.navForce,
};

/** The header (brand, language, and once signed in: who, sign-out, pages), a skip link and the page. */
const Frame = (props: {
  lang: Language;
  onLanguage: () => void;
  signedIn?: { session: Session; config: SiteConfig; page: string; monitors: boolean };
  children: ComponentChildren;
}) => {
  const { lang, signedIn } = props;
  const current = (name: string) => (signedIn?.page === name ? 'page' : undefined);
  const claims = signedIn?.session.claims;
  return (
    <>
      <SkipLink lang={lang} />
      <header class="top">
        <a class="brand" href="#/queue">
          <span class="name">{C.siteName[lang]}</span>
          <span class="tagline">{C.consoleName[lang]}</span>
        </a>
        <LanguageButton lang={lang} onSwitch={props.onLanguage} />
        {signedIn && claims && (
          <>
            <span class="who" data-testid="who">
              <bdi>{claims.name ?? claims.sub}</bdi> · {role(signedIn.session)} ·{' '}
              {scopeOf(signedIn.session).district ?? scopeOf(signedIn.session).region ?? C.allDistricts[lang]}
            </span>
            <button type="button" class="lang" onClick={() => signOut(signedIn.config.auth)}>
              {C.signOut[lang]}
            </button>
            <nav aria-label={C.navLabel[lang]}>
              {PAGES.filter(
                (p) =>
                  (p !== 'monitoring' || signedIn.monitors) &&
                  (p !== 'force' || role(signedIn.session) === 'ADMIN'),
              ).map((p) => (
                <a href={`#/${p}`} aria-current={current(p)} key={p}>
                  {NAV[p][lang]}
                </a>
              ))}
            </nav>
          </>
        )}
      </header>
      <main class="wide" id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
};

const Console = ({ session }: { session: Session }) => {
  const lang = useLang();
  const hash = useHash();
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page, arg] = path.split('/');
  const monitors = MONITORS.includes(role(session));
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
      return monitors ? <MonitoringPage /> : <p>{C.monitoringOnly[lang]}</p>;
    case 'force':
      return role(session) === 'ADMIN' ? <ForcePage /> : <p>{C.forceOnly[lang]}</p>;
    default:
      return <p>{C.noSuchPage[lang]}</p>;
  }
};

const App = () => {
  // English unless this device chose otherwise (the choice is shared with the portal: one origin, one key).
  const [lang, switchLanguage] = useLanguage('en');
  const [config, setConfig] = useState<SiteConfig>();
  const [session, setSession] = useState<Session | undefined>(currentSession);
  const [error, setError] = useState('');
  const hash = useHash();
  const [path = ''] = hash.replace(/^#\/?/, '').split('?');
  const [page = ''] = path.split('/');
  useEffect(() => {
    const name = page === 'complaints' ? C.complaint : NAV[(page || 'queue') as keyof typeof NAV];
    document.title = `${session && name ? `${name[lang]} — ` : ''}${C.siteName[lang]} — ${C.consoleName[lang]}`;
  }, [page, lang, session]);
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
  const content = () => {
    if (!config) return error ? <ErrorBanner text={error} /> : <p aria-busy="true">{C.loading[lang]}</p>;
    if (session) return <Console session={session} />;
    return config.auth.kind === 'local' ? (
      <LocalSignIn config={config} onSession={setSession} />
    ) : (
      <CognitoSignIn config={config} error={error} />
    );
  };
  const signedIn =
    config && session
      ? { session, config, page: page || 'queue', monitors: MONITORS.includes(role(session)) }
      : undefined;
  return (
    <LanguageContext.Provider value={lang}>
      <SessionContext.Provider value={session}>
        <Frame lang={lang} onLanguage={switchLanguage} {...(signedIn ? { signedIn } : {})}>
          <div key={path}>{content()}</div>
        </Frame>
      </SessionContext.Provider>
    </LanguageContext.Provider>
  );
};

document.body.classList.add('console');
const root = document.getElementById('app');
if (root) render(<App />, root);
