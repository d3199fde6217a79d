/** Filing a complaint: the form, the API's field errors beside each field, and one filing per submission. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DistrictSuggestion, GeoPoint } from '../../shared/domain/district-locator.ts';
import { ApiError, api, idempotencyKeys } from '../lib/api.ts';
import { Check, Field, PhoneInput, describedBy, formValues } from '../lib/form.tsx';
import type { Language } from '../lib/i18n.ts';
import { fill } from '../lib/texts.ts';
import { fileProblem, uploadEvidence } from './attach.tsx';
import { saveReceipt } from './receipt-store.ts';
import { byName, loadReferenceData, type ReferenceData } from './reference.ts';
import { FIELD_ERRORS_UR, S } from './strings.ts';

/** Where most overseas Pakistanis live; names come from the browser in the page's language. */
const COUNTRIES = [
  'SA',
  'AE',
  'GB',
  'US',
  'CA',
  'QA',
  'OM',
  'KW',
  'BH',
  'IT',
  'ES',
  'DE',
  'FR',
  'GR',
  'NO',
  'AU',
  'MY',
  'CN',
  'JP',
  'ZA',
];

interface FiledResponse {
  etag: string;
  trackingCode: string;
  createdAt: string;
}

type Errors = Record<string, string>;

/** API issues → one message per field, in the page's language. */
export const fieldErrors = (error: ApiError, lang: Language, fields: readonly string[]): Errors => {
  const errors: Errors = {};
  for (const issue of error.issues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`)) ?? issue.path;
    errors[field] ??= lang === 'ur' ? (FIELD_ERRORS_UR[field] ?? S.fixErrors.ur) : issue.message;
  }
  return errors;
};

const FIELDS = [
  'complainant.name',
  'complainant.phone',
  'complainant.cnic',
  'complainant.country',
  'district',
  'station',
  'category',
  'description',
  'location',
] as const;

/** What the shared location says about the district: selected for the citizen, or offered when another is. */
const LocationDistrict = ({
  lang,
  suggestion,
  chosen,
  nameOf,
  choose,
}: {
  lang: Language;
  suggestion: DistrictSuggestion;
  chosen: string;
  nameOf: (code: string) => string;
  choose: (code: string) => void;
}) => {
  const district = nameOf(suggestion.district);
  const agrees = chosen === suggestion.district || suggestion.alternatives.includes(chosen);
  const others = suggestion.alternatives.filter((code) => code !== chosen).map(nameOf);
  return (
    <p class="notice" role="status" data-testid="location-district">
      {agrees && chosen === suggestion.district
        ? fill(S.locationDistrict, lang, { district })
        : agrees
          ? ''
          : fill(S.locationOtherDistrict, lang, { district })}{' '}
      {others.length > 0 &&
        fill(S.locationDistrictMaybe, lang, { others: others.join(lang === 'ur' ? '، ' : ', ') })}
      {!agrees && (
        <button type="button" class="secondary" onClick={() => choose(suggestion.district)}>
          {fill(S.useDistrict, lang, { district })}
        </button>
      )}
    </p>
  );
};

export const FilePage = ({ lang, preset }: { lang: Language; preset?: string | undefined }) => {
  const [reference, setReference] = useState<ReferenceData>();
  const [loadError, setLoadError] = useState(false);
  const [category, setCategory] = useState(preset ?? '');
  const [overseas, setOverseas] = useState(false);
  const [position, setPosition] = useState<{ latitude: number; longitude: number }>();
  const [locationNote, setLocationNote] = useState('');
  const [district, setDistrict] = useState('');
  const [suggestion, setSuggestion] = useState<DistrictSuggestion>();
  /** A voice note given as the description (uploaded with the "must listen" marker once filed). */
  const [voice, setVoice] = useState<File>();
  const [optOut, setOptOut] = useState<boolean>();
  const [updatesLang, setUpdatesLang] = useState<Language>(lang);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const keyFor = useMemo(idempotencyKeys, []);
  const inFlight = useRef<Promise<void> | undefined>(undefined);

  useEffect(() => {
    loadReferenceData().then(setReference, () => setLoadError(true));
  }, []);

  /** The chosen district's police stations, offered as the citizen types (the field stays free text). */
  const [stations, setStations] = useState<{ name: string; circle?: string }[]>([]);
  useEffect(() => {
    setStations([]);
    if (!district) return;
    let current = true;
    api<{ stations: { name: string; circle?: string }[] }>(
      `/stations?district=${encodeURIComponent(district)}`,
    )
      .then(({ data }) => current && setStations(data.stations))
      // Suggestions only: without them the citizen still types the station.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [district]);

  const sensitive = reference?.categories.find((c) => c.code === category)?.sensitive ?? false;
  const optedOut = optOut ?? sensitive;
  const countryNames = useMemo(
    () => new Intl.DisplayNames([lang === 'ur' ? 'ur' : 'en'], { type: 'region' }),
    [lang],
  );

  /** The district the point lies in (boundaries loaded only now, ~20 kB): preselected when none is chosen. */
  const suggestFrom = (point: GeoPoint) => {
    import('../../shared/domain/district-boundaries.ts').then(
      ({ suggestDistrictFor }) => {
        const found = suggestDistrictFor(point);
        setSuggestion(found);
        if (found) setDistrict((chosen) => chosen || found.district);
      },
      () => setSuggestion(undefined),
    );
  };

  const locate = () => {
    if (!navigator.geolocation) return setLocationNote(S.locationUnavailable[lang]);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const point = { latitude: p.coords.latitude, longitude: p.coords.longitude };
        setPosition(point);
        setLocationNote(S.locationAdded[lang]);
        suggestFrom(point);
      },
      () => setLocationNote(S.locationUnavailable[lang]),
      { timeout: 10_000 },
    );
  };

  const submit = (event: Event) => {
    event.preventDefault();
    // A second press while the first is on its way waits for it: the same key files once anyway.
    if (inFlight.current) return;
    const v = formValues(event.currentTarget as HTMLFormElement);
    const address = v.address;
    if (voice) {
      const problem = voice.type.startsWith('audio/') ? fileProblem(voice, lang) : S.voiceNotAudio[lang];
      if (problem) {
        setErrors({ voice: problem });
        setFormError(S.fixErrors[lang]);
        return;
      }
    }
    const body = {
      complainant: {
        name: v.name ?? '',
        phone: v.phone ?? '',
        ...(v.cnic ? { cnic: v.cnic } : {}),
        ...(overseas ? { overseas: true, ...(v.country ? { country: v.country } : {}) } : {}),
      },
      district: v.district ?? '',
      ...(v.station ? { station: v.station } : {}),
      category: v.category ?? '',
      // A voice note stands for an empty description: the placeholder says where it is.
      description: v.description || (voice ? S.voiceNoteDescription[lang] : ''),
      ...(position ? { location: { ...position, ...(address ? { address } : {}) } } : {}),
      language: updatesLang,
      optOutOfUpdates: optedOut,
    };
    setBusy(true);
    setFormError('');
    inFlight.current = api<FiledResponse>('/complaints', { body, idempotencyKey: keyFor(body) })
      .then(async ({ data }) => {
        const proof = { etag: data.etag, trackingCode: data.trackingCode };
        const voiceSent = voice
          ? await uploadEvidence(proof, voice, { describesComplaint: true }).then(
              () => true,
              () => false,
            )
          : true;
        saveReceipt({
          ...proof,
          createdAt: data.createdAt,
          ...(!voiceSent && { voiceNoteMissing: true }),
        });
        location.hash = '#/receipt';
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.issues.length > 0) {
          const found = fieldErrors(error, lang, FIELDS);
          setErrors(found);
          setFormError(S.fixErrors[lang]);
          const first = document.querySelector<HTMLElement>(
            '.field.invalid input, .field.invalid select, .field.invalid textarea',
          );
          first?.focus();
        } else {
          setErrors({});
          setFormError(
            error instanceof ApiError && error.status === 0 ? S.networkError[lang] : S.genericError[lang],
          );
        }
      })
      .finally(() => {
        inFlight.current = undefined;
        setBusy(false);
      });
  };

  if (loadError)
    return (
      <p class="error" role="alert">
        {S.networkError[lang]}
      </p>
    );
  if (!reference) return <p aria-busy="true">{S.loading[lang]}</p>;
  const err = (field: string) => errors[field];
  const aria = (id: string, field: string, hint = false) => ({
    id,
    'aria-invalid': err(field) ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, Boolean(err(field))),
  });
  const regions = [...reference.regions].sort(byName(lang));

  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h1>{S.fileTitle[lang]}</h1>
      {formError && (
        <p class="error banner" role="alert">
          {formError}
        </p>
      )}
      <fieldset>
        <legend>{S.complaintDetails[lang]}</legend>
        <Field id="f-category" label={S.category[lang]} error={err('category')}>
          <select
            name="category"
            required
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            {...aria('f-category', 'category')}
          >
            <option value="">{S.chooseCategory[lang]}</option>
            {[...reference.categories].sort(byName(lang)).map((c) => (
              <option value={c.code} key={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
        </Field>
        {sensitive && (
          <p class="notice" role="note">
            {S.sensitiveNotice[lang]}
          </p>
        )}
        <Field id="f-district" label={S.district[lang]} error={err('district')}>
          <select
            name="district"
            required
            value={district}
            onChange={(e) => setDistrict(e.currentTarget.value)}
            {...aria('f-district', 'district')}
          >
            <option value="">{S.chooseDistrict[lang]}</option>
            {regions.map((r) => (
              <optgroup label={r[lang]} key={r.code}>
                {reference.districts
                  .filter((d) => d.region === r.code)
                  .sort(byName(lang))
                  .map((d) => (
                    <option value={d.code} key={d.code}>
                      {d[lang]}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </Field>
        {suggestion && (
          <LocationDistrict
            lang={lang}
            suggestion={suggestion}
            chosen={district}
            nameOf={(code) => reference.districts.find((d) => d.code === code)?.[lang] ?? code}
            choose={setDistrict}
          />
        )}
        <Field
          id="f-station"
          label={S.station[lang]}
          tag={S.optional[lang]}
          hint={S.stationHint[lang]}
          error={err('station')}
        >
          <input
            name="station"
            maxLength={100}
            autoComplete="off"
            list="f-station-choices"
            {...aria('f-station', 'station', true)}
          />
          <datalist id="f-station-choices">
            {stations.map((s) => (
              <option value={s.name} key={s.name} />
            ))}
          </datalist>
        </Field>
        <Field
          id="f-description"
          label={S.description[lang]}
          hint={S.descriptionHint[lang]}
          error={err('description')}
        >
          <textarea
            name="description"
            rows={6}
            required={!voice}
            maxLength={5000}
            {...aria('f-description', 'description', true)}
          />
        </Field>
        <Field
          id="f-voice"
          label={S.voiceDescription[lang]}
          tag={S.optional[lang]}
          hint={S.voiceDescriptionHint[lang]}
          error={err('voice')}
        >
          <input
            type="file"
            name="voice"
            accept="audio/*"
            onChange={(e) => setVoice(e.currentTarget.files?.[0])}
            {...aria('f-voice', 'voice', true)}
          />
        </Field>
        <Field
          id="f-address"
          label={S.location[lang]}
          tag={S.optional[lang]}
          hint={S.address[lang]}
          error={err('location')}
        >
          <input
            name="address"
            maxLength={300}
            autoComplete="street-address"
            {...aria('f-address', 'location', true)}
          />
        </Field>
        <div class="row">
          {position ? (
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPosition(undefined);
                setLocationNote('');
                setSuggestion(undefined);
              }}
            >
              {S.removeLocation[lang]}
            </button>
          ) : (
            <button type="button" class="secondary" onClick={locate}>
              {S.useMyLocation[lang]}
            </button>
          )}
          <span role="status" class="hint">
            {locationNote}
          </span>
        </div>
      </fieldset>
      <fieldset>
        <legend>{S.yourDetails[lang]}</legend>
        <Field id="f-name" label={S.name[lang]} error={err('complainant.name')}>
          <input
            name="name"
            required
            maxLength={100}
            autoComplete="name"
            {...aria('f-name', 'complainant.name')}
          />
        </Field>
        <Field id="f-phone" label={S.phone[lang]} hint={S.phoneHint[lang]} error={err('complainant.phone')}>
          <PhoneInput {...aria('f-phone', 'complainant.phone', true)} />
        </Field>
        <Field id="f-cnic" label={S.cnic[lang]} tag={S.optional[lang]} error={err('complainant.cnic')}>
          <input
            name="cnic"
            dir="ltr"
            maxLength={20}
            inputMode="numeric"
            placeholder="35202-1234567-1"
            {...aria('f-cnic', 'complainant.cnic')}
          />
        </Field>
        <Check id="f-overseas" label={S.overseas[lang]} checked={overseas} onChange={setOverseas} />
        {overseas && (
          <Field id="f-country" label={S.country[lang]} error={err('complainant.country')}>
            <select name="country" {...aria('f-country', 'complainant.country')}>
              <option value="">{S.chooseCountry[lang]}</option>
              {COUNTRIES.map((code) => (
                <option value={code} key={code}>
                  {countryNames.of(code) ?? code}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="f-language" label={S.updatesLanguage[lang]}>
          <select
            id="f-language"
            value={updatesLang}
            onChange={(e) => setUpdatesLang(e.currentTarget.value === 'en' ? 'en' : 'ur')}
          >
            <option value="ur" lang="ur">
              اردو
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </Field>
        <Check id="f-optout" label={S.optOut[lang]} checked={optedOut} onChange={setOptOut} />
      </fieldset>
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? S.submitting[lang] : S.submit[lang]}
      </button>
    </form>
  );
};
