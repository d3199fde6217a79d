/**
 * The 15 services and the driving-licence / FIR how-tos, rendered from the bot's own catalog
 * (shared/chat/catalog.ts): one source of truth for what the police tell citizens. Loaded as its own chunk.
 */
import { useState } from 'preact/hooks';
import {
  DRIVING_LICENCE,
  KHIDMAT_SERVICES,
  ORIGIN_CATEGORIES,
  REGISTER_FIR,
  SERVICES,
  officeAnswer,
  type Bilingual,
} from '../../shared/chat/catalog.ts';
import { DISTRICTS, findDistrict, findRegion } from '../../shared/domain/districts.ts';
import type { Language } from '../lib/i18n.ts';
import { RichText } from '../lib/rich-text.tsx';
import { S } from './strings.ts';

const HOW_TOS: Record<string, { title: Bilingual; body: Bilingual }> = {
  licence: { title: S.licence, body: DRIVING_LICENCE },
  fir: { title: S.fir, body: REGISTER_FIR },
};

const Back = ({ lang }: { lang: Language }) => (
  <a class="back" href="#/services">
    {S.back[lang]}
  </a>
);

const OfficesByDistrict = ({ lang }: { lang: Language }) => {
  const [code, setCode] = useState('');
  const district = findDistrict(code);
  return (
    <div class="field">
      <label for="s-district">{S.district[lang]}</label>
      <select id="s-district" value={code} onChange={(e) => setCode(e.currentTarget.value)}>
        <option value="">{S.chooseDistrict[lang]}</option>
        {[...DISTRICTS]
          .sort((a, b) => a[lang].localeCompare(b[lang], lang))
          .map((d) => (
            <option value={d.code} key={d.code}>
              {d[lang]}
            </option>
          ))}
      </select>
      {district && (
        <div class="answer" aria-live="polite">
          <RichText text={officeAnswer(district, findRegion(district.region), lang)} />
        </div>
      )}
    </div>
  );
};

export const ServicesIndex = ({ lang }: { lang: Language }) => (
  <section class="card">
    <h1>{S.servicesTitle[lang]}</h1>
    <ol class="services">
      {SERVICES.map((s) => (
        <li key={s.id}>
          <a href={`#/services/${s.id}`}>{s.title[lang]}</a>
        </li>
      ))}
    </ol>
    <h2>{S.howTos[lang]}</h2>
    <ul class="services">
      <li>
        <a href="#/services/licence">{S.licence[lang]}</a>
      </li>
      <li>
        <a href="#/services/fir">{S.fir[lang]}</a>
      </li>
    </ul>
  </section>
);

export const ServicePage = ({ lang, id }: { lang: Language; id: string }) => {
  const howTo = HOW_TOS[id];
  if (howTo) {
    return (
      <article class="card service">
        <Back lang={lang} />
        <h1 class="visually-hidden">{howTo.title[lang]}</h1>
        <RichText text={howTo.body[lang]} />
        {id === 'fir' && (
          <a class="button primary" href="#/file?category=fir_not_registered">
            {S.fileFromService[lang]}
          </a>
        )}
      </article>
    );
  }
  const service = SERVICES.find((s) => s.id === id);
  if (!service) return <p class="card">{S.pageNotFound[lang]}</p>;
  const category = service.complaintOrigin ? ORIGIN_CATEGORIES[service.complaintOrigin][0] : undefined;
  return (
    <article class="card service">
      <Back lang={lang} />
      <h1 class="visually-hidden">{service.title[lang]}</h1>
      <RichText text={service.body[lang]} />
      {service.id === 'khidmatMarkaz' && (
        <div class="submenu">
          {KHIDMAT_SERVICES.map((item, i) => (
            <details key={i}>
              <summary>{item.title[lang]}</summary>
              <RichText text={item.body[lang]} />
            </details>
          ))}
        </div>
      )}
      {service.id === 'policeOffices' && <OfficesByDistrict lang={lang} />}
      {category && (
        <a class="button primary" href={`#/file?category=${category}`}>
          {S.fileFromService[lang]}
        </a>
      )}
    </article>
  );
};
