/** The citizen portal: a hash router over home, filing, receipt, tracking and the services pages. */
import '../lib/style.css';
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LanguageButton, SkipLink, useHash, useLanguage } from '../lib/frame.tsx';
import type { Language } from '../lib/i18n.ts';
import { FilePage } from './file.tsx';
import { ReceiptPage } from './receipt.tsx';
import { S } from './strings.ts';
import { TrackPage } from './track.tsx';
import type * as ServicesChunk from './services.tsx';

type ServicesModule = typeof ServicesChunk;

const Home = ({ lang }: { lang: Language }) => (
  <section>
    <p class="intro">{S.homeIntro[lang]}</p>
    <ul class="tiles">
      <li>
        <a href="#/file">
          <strong>{S.navFile[lang]}</strong>
          <span>{S.homeFileHint[lang]}</span>
        </a>
      </li>
      <li>
        <a href="#/track">
          <strong>{S.navTrack[lang]}</strong>
          <span>{S.homeTrackHint[lang]}</span>
        </a>
      </li>
      <li>
        <a href="#/services">
          <strong>{S.navServices[lang]}</strong>
          <span>
            <bdi>{S.homeServicesHint[lang]}</bdi>
          </span>
        </a>
      </li>
    </ul>
  </section>
);

/** The services chunk (the bot's catalog) loads only when a services page is opened. */
const Services = ({ lang, id }: { lang: Language; id?: string | undefined }) => {
  const [mod, setMod] = useState<ServicesModule>();
  useEffect(() => {
    void import('./services.tsx').then(setMod);
  }, []);
  if (!mod) return <p aria-busy="true">{S.loading[lang]}</p>;
  return id ? <mod.ServicePage lang={lang} id={id} /> : <mod.ServicesIndex lang={lang} />;
};

const titleOf = (path: string, lang: Language): string => {
  const page = path.startsWith('/file')
    ? S.navFile
    : path.startsWith('/track')
      ? S.navTrack
      : path.startsWith('/services')
        ? S.navServices
        : path.startsWith('/receipt')
          ? S.receiptTitle
          : undefined;
  return page ? `${page[lang]} — ${S.siteName[lang]}` : `${S.siteName[lang]} — ${S.tagline[lang]}`;
};

const App = () => {
  const [lang, switchLanguage] = useLanguage('ur');
  const hash = useHash();
  const [path = '/', query = ''] = hash.replace(/^#/, '').split('?');
  useEffect(() => {
    document.title = titleOf(path, lang);
  }, [path, lang]);
  const params = new URLSearchParams(query);
  const segments = path.split('/').filter(Boolean);
  const page = () => {
    switch (segments[0]) {
      case undefined:
        return <Home lang={lang} />;
      case 'file':
        return <FilePage lang={lang} preset={params.get('category') ?? undefined} />;
      case 'receipt':
        return <ReceiptPage lang={lang} />;
      case 'track':
        return <TrackPage lang={lang} />;
      case 'services':
        return <Services lang={lang} id={segments[1]} />;
      default:
        return <p class="card">{S.pageNotFound[lang]}</p>;
    }
  };
  const current = (prefix: string) => ((segments[0] ?? '') === prefix ? 'page' : undefined);
  return (
    <>
      <SkipLink lang={lang} />
      <header class="top no-print">
        <a class="brand" href="#/" aria-current={current('')}>
          <span class="name">{S.siteName[lang]}</span>
          <span class="tagline">{S.tagline[lang]}</span>
        </a>
        <LanguageButton lang={lang} onSwitch={switchLanguage} />
        <nav aria-label={lang === 'ur' ? 'مرکزی' : 'Main'}>
          <a href="#/file" aria-current={current('file')}>
            {S.navFile[lang]}
          </a>
          <a href="#/track" aria-current={current('track')}>
            {S.navTrack[lang]}
          </a>
          <a href="#/services" aria-current={current('services')}>
            {S.navServices[lang]}
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <div key={path}>{page()}</div>
      </main>
      <footer class="no-print">
        <p>{S.emergency[lang]}</p>
      </footer>
    </>
  );
};

const root = document.getElementById('app');
if (root) render(<App />, root);
