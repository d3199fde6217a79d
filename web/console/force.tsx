/**
 * The force directory for administrators (docs/force.md): a district's units with their head posts (add a
 * unit, rename or move one), an officer's record and posting history (create, edit, post or transfer), and
 * the roster import (a dry run listing what would change or every invalid line, then an all-or-nothing
 * apply). The admin routes answer 403 to anyone but ADMIN; the console offers the page to ADMIN only.
 */
import { useEffect, useState } from 'preact/hooks';
import { DISTRICTS } from '../../shared/domain/districts.ts';
import { RANKS, ROSTER_COLUMNS } from '../../shared/domain/force/personnel.ts';
import { POST_TITLE_INFO, type PostTitle, type UnitKind } from '../../shared/domain/force/structure.ts';
import { ApiError } from '../lib/api.ts';
import {
  ActionForm,
  ErrorBanner,
  Fact,
  Input,
  ScrollTable,
  SelectField,
  Time,
  describeError,
  officerApi,
  useLang,
  useSession,
} from './common.tsx';
import { C, fill } from './strings.ts';
import type { Language } from '../lib/texts.ts';

interface UnitRow {
  id: string;
  kind: UnitKind;
  name: string;
  ur?: string;
  parentId?: string;
  district?: string;
  placeholder?: boolean;
  post?: { id: string; title: PostTitle };
}

interface OfficerView {
  officer: {
    serviceNumber: string;
    name: string;
    rank: string;
    whatsapp?: { phone: string; consentAt: string };
    username?: string;
    version: number;
  };
  postings: { postId: string; from: string; to?: string }[];
}

interface RosterReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  changes: {
    officersCreated: number;
    officersUpdated: number;
    postingsOpened: number;
    postingsClosed: number;
  };
  errors: { line: number; kind: string; field?: string; message: string }[];
}

/** Units an administrator adds inside a district (regions and districts come from the seed). */
const ADDABLE_KINDS: readonly UnitKind[] = ['station', 'circle', 'division'];

const unitName = (unit: UnitRow, lang: Language): string => (lang === 'ur' && unit.ur ? unit.ur : unit.name);

const postLabel = (unit: UnitRow, lang: Language): string =>
  unit.post ? `${POST_TITLE_INFO[unit.post.title][lang]} — ${unitName(unit, lang)}` : unitName(unit, lang);

/** The id a new unit gets from its kind, district and name when the administrator leaves it empty. */
const derivedUnitId = (kind: string, district: string, name: string): string =>
  `${kind}-${district}-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

/** A `datetime-local` value (Pakistan time typed on the officer's device) as an instant; empty: none. */
const instant = (value: string | undefined): string | undefined =>
  value ? new Date(value).toISOString() : undefined;

const UnitsSection = (props: { district: string; units: UnitRow[]; reload: () => Promise<void> }) => {
  const session = useSession();
  const lang = useLang();
  const { district, units } = props;
  const byId = new Map(units.map((u) => [u.id, u]));
  const parents = units.filter((u) => ['district', 'division', 'circle'].includes(u.kind));
  const unitOptions = units.map((u) => [u.id, `${unitName(u, lang)} (${u.kind})`] as const);
  return (
    <section aria-labelledby="units-title">
      <h2 id="units-title">{C.units[lang]}</h2>
      <ScrollTable
        caption={C.unitsCaption[lang]}
        columns={[C.unit[lang], C.unitKind[lang], C.parentUnit[lang], C.headPost[lang]]}
        empty={units.length === 0 && C.loading[lang]}
      >
        {units.map((u) => (
          <tr key={u.id} data-unit={u.id}>
            <td>
              {unitName(u, lang)} <span class="code">{u.id}</span>
              {u.placeholder && <span class="tag"> ({C.placeholderUnit[lang]})</span>}
            </td>
            <td>{u.kind}</td>
            <td>{u.parentId ? unitName(byId.get(u.parentId) ?? { ...u, name: u.parentId }, lang) : '—'}</td>
            <td>{u.post ? POST_TITLE_INFO[u.post.title][lang] : '—'}</td>
          </tr>
        ))}
      </ScrollTable>
      <div class="forms">
        <ActionForm
          form="unit-create"
          title={C.addUnit[lang]}
          submit={C.addUnitSubmit[lang]}
          onSubmit={async (v) => {
            const kind = v.kind ?? 'station';
            await officerApi(session, '/admin/units', {
              body: {
                id: v.id ?? derivedUnitId(kind, district, v.name ?? ''),
                kind,
                name: v.name ?? '',
                ...(v.ur ? { ur: v.ur } : {}),
                ...(v.parentId ? { parentId: v.parentId } : {}),
                district,
              },
            });
            await props.reload();
          }}
        >
          <SelectField
            id="u-kind"
            name="kind"
            label={C.unitKind[lang]}
            options={ADDABLE_KINDS.map((k) => [k, k])}
          />
          <Input id="u-name" name="name" label={C.unitName[lang]} ltr />
          <Input id="u-ur" name="ur" label={C.unitNameUr[lang]} />
          <SelectField
            id="u-parent"
            name="parentId"
            label={C.parentUnit[lang]}
            options={parents.map((u) => [u.id, `${unitName(u, lang)} (${u.kind})`])}
          />
          <Input id="u-id" name="id" label={C.unitId[lang]} ltr />
          <p class="hint">
            {fill(C.unitIdHint, lang, { example: derivedUnitId('station', district, 'Garden Town') })}
          </p>
        </ActionForm>
        <ActionForm
          form="unit-update"
          title={C.editUnit[lang]}
          submit={C.editUnitSubmit[lang]}
          onSubmit={async (v) => {
            const changes = {
              ...(v.name ? { name: v.name } : {}),
              ...(v.ur ? { ur: v.ur } : {}),
              ...(v.parentId ? { parentId: v.parentId } : {}),
            };
            await officerApi(session, `/admin/units/${encodeURIComponent(v.id ?? '')}`, {
              method: 'PATCH',
              body: changes,
            });
            await props.reload();
          }}
        >
          <SelectField id="e-unit" name="id" label={C.unit[lang]} options={unitOptions} />
          <Input id="e-name" name="name" label={C.unitName[lang]} ltr />
          <Input id="e-ur" name="ur" label={C.unitNameUr[lang]} />
          <SelectField
            id="e-parent"
            name="parentId"
            label={C.parentUnit[lang]}
            any={C.unchanged[lang]}
            options={parents.map((u) => [u.id, `${unitName(u, lang)} (${u.kind})`])}
          />
        </ActionForm>
      </div>
    </section>
  );
};

/** Name, rank and WhatsApp number with consent; filled with the officer's record when editing one. */
const OfficerFields = ({ prefix, current }: { prefix: string; current?: OfficerView['officer'] }) => {
  const lang = useLang();
  return (
    <>
      <Input id={`${prefix}-name`} name="name" label={C.officerName[lang]} defaultValue={current?.name} />
      <SelectField
        id={`${prefix}-rank`}
        name="rank"
        label={C.rank[lang]}
        options={RANKS.map((r) => [r, r])}
        defaultValue={current?.rank ?? 'Inspector'}
      />
      <Input
        id={`${prefix}-whatsapp`}
        name="whatsapp"
        label={C.whatsappNumber[lang]}
        ltr
        defaultValue={current?.whatsapp?.phone}
      />
      <div class="check">
        <input
          type="checkbox"
          id={`${prefix}-consent`}
          name="whatsappConsent"
          value="yes"
          defaultChecked={current?.whatsapp !== undefined}
        />
        <label for={`${prefix}-consent`}>{C.whatsappConsent[lang]}</label>
      </div>
    </>
  );
};

const officerBody = (v: Record<string, string | undefined>) => ({
  name: v.name ?? '',
  rank: v.rank ?? '',
  ...(v.whatsapp ? { whatsapp: v.whatsapp } : {}),
  whatsappConsent: v.whatsappConsent === 'yes',
});

const OfficersSection = ({ units }: { units: UnitRow[] }) => {
  const session = useSession();
  const lang = useLang();
  const [found, setFound] = useState<{ view: OfficerView; version: string }>();
  const [error, setError] = useState('');
  const posts = units.filter((u) => u.post);
  const postNames = new Map(posts.map((u) => [u.post?.id ?? '', postLabel(u, lang)]));
  const load = async (serviceNumber: string) => {
    const { data, version } = await officerApi<OfficerView>(
      session,
      `/admin/officers/${encodeURIComponent(serviceNumber)}`,
    );
    setFound({ view: data, version: version ?? `"${data.officer.version}"` });
  };
  const find = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('serviceNumber');
    const serviceNumber = (input as HTMLInputElement | null)?.value.trim() ?? '';
    setError('');
    setFound(undefined);
    load(serviceNumber).catch((e: unknown) => setError(describeError(e)));
  };
  const officer = found?.view.officer;
  return (
    <section aria-labelledby="officers-title">
      <h2 id="officers-title">{C.officers[lang]}</h2>
      <form
        class="card form inline-form"
        onSubmit={find}
        aria-label={C.findOfficer[lang]}
        data-form="officer-find"
      >
        <div class="field">
          <label for="o-find">{C.serviceNumber[lang]}</label>
          <input id="o-find" name="serviceNumber" required maxLength={40} dir="ltr" />
        </div>
        <button type="submit" class="primary">
          {C.find[lang]}
        </button>
      </form>
      <ErrorBanner text={error} />
      {found && officer && (
        <>
          <dl class="card facts" data-testid="officer">
            <Fact term={C.serviceNumber[lang]}>
              <span class="code">{officer.serviceNumber}</span>
            </Fact>
            <Fact term={C.officerName[lang]}>
              <bdi>{officer.name}</bdi>
            </Fact>
            <Fact term={C.rank[lang]}>{officer.rank}</Fact>
            <Fact term={C.whatsappNumber[lang]}>
              {officer.whatsapp ? <bdi dir="ltr">{officer.whatsapp.phone}</bdi> : C.noConsent[lang]}
            </Fact>
            <Fact term={C.signInUser[lang]}>{officer.username ?? '—'}</Fact>
          </dl>
          <ScrollTable
            caption={C.postingsCaption[lang]}
            columns={[C.post[lang], C.fromTime[lang], C.toTime[lang]]}
          >
            {found.view.postings.map((p) => (
              <tr key={`${p.postId}-${p.from}`} data-posting={p.postId}>
                <td>
                  {postNames.get(p.postId) ?? ''} <span class="code">{p.postId}</span>
                </td>
                <td>
                  <Time iso={p.from} />
                </td>
                <td>{p.to ? <Time iso={p.to} /> : C.holdsNow[lang]}</td>
              </tr>
            ))}
          </ScrollTable>
          <div class="forms">
            <ActionForm
              form="officer-post"
              title={C.postOfficer[lang]}
              submit={C.postOfficerSubmit[lang]}
              onSubmit={async (v) => {
                const from = instant(v.from);
                await officerApi(
                  session,
                  `/admin/officers/${encodeURIComponent(officer.serviceNumber)}/postings`,
                  {
                    body: { postId: v.postId ?? '', ...(from ? { from } : {}) },
                  },
                );
                await load(officer.serviceNumber);
              }}
            >
              <SelectField
                id="p-post"
                name="postId"
                label={C.post[lang]}
                options={posts.map((u) => [u.post?.id ?? '', postLabel(u, lang)])}
              />
              <div class="field">
                <label for="p-from">{C.fromTime[lang]}</label>
                <p class="hint" id="p-from-hint">
                  {C.fromHint[lang]}
                </p>
                <input type="datetime-local" id="p-from" name="from" aria-describedby="p-from-hint" />
              </div>
            </ActionForm>
            <ActionForm
              form="officer-edit"
              title={C.editOfficer[lang]}
              submit={C.editUnitSubmit[lang]}
              onSubmit={async (v) => {
                await officerApi(session, `/admin/officers/${encodeURIComponent(officer.serviceNumber)}`, {
                  method: 'PATCH',
                  body: officerBody(v),
                  ifMatch: found.version,
                });
                await load(officer.serviceNumber);
              }}
            >
              <OfficerFields prefix="oe" current={officer} key={found.version} />
            </ActionForm>
          </div>
        </>
      )}
      <ActionForm
        form="officer-create"
        title={C.createOfficer[lang]}
        submit={C.createOfficerSubmit[lang]}
        onSubmit={async (v) => {
          const from = instant(v.from);
          await officerApi(session, '/admin/officers', {
            body: {
              serviceNumber: v.serviceNumber ?? '',
              ...officerBody(v),
              ...(v.postId ? { postId: v.postId, ...(from ? { from } : {}) } : {}),
            },
          });
          await load(v.serviceNumber ?? '');
        }}
      >
        <Input id="oc-sn" name="serviceNumber" label={C.serviceNumber[lang]} ltr />
        <OfficerFields prefix="oc" />
        <SelectField
          id="oc-post"
          name="postId"
          label={C.postAtOnce[lang]}
          any="—"
          options={posts.map((u) => [u.post?.id ?? '', postLabel(u, lang)])}
        />
      </ActionForm>
    </section>
  );
};

const RosterSection = () => {
  const session = useSession();
  const lang = useLang();
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<string>();
  const [report, setReport] = useState<RosterReport>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = (apply: boolean) => {
    setBusy(true);
    setError('');
    setReport(undefined);
    officerApi<RosterReport>(session, '/admin/roster', { body: { csv, apply } })
      .then(({ data }) => {
        setReport(data);
        setChecked(apply ? undefined : csv);
      })
      .catch((e: unknown) => {
        // 422 carries the report: every invalid line.
        if (e instanceof ApiError && e.status === 422 && e.body && typeof e.body === 'object') {
          setReport(e.body as RosterReport);
          setChecked(undefined);
        } else setError(describeError(e));
      })
      .finally(() => setBusy(false));
  };
  const readFile = (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (file) void file.text().then(setCsv);
  };
  const changes = report?.changes;
  return (
    <section aria-labelledby="roster-title">
      <h2 id="roster-title">{C.roster[lang]}</h2>
      <div class="card form" data-form="roster">
        <p class="hint" id="roster-hint">
          {fill(C.rosterHint, lang, { columns: ROSTER_COLUMNS.join(', ') })}
        </p>
        <div class="field">
          <label for="roster-file">{C.rosterFile[lang]}</label>
          <input type="file" id="roster-file" accept=".csv,text/csv" onChange={readFile} />
        </div>
        <div class="field">
          <label for="roster-csv">{C.rosterText[lang]}</label>
          <textarea
            id="roster-csv"
            rows={8}
            dir="ltr"
            value={csv}
            aria-describedby="roster-hint"
            onInput={(e) => setCsv((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <div class="buttons">
          <button type="button" class="secondary" disabled={busy || !csv.trim()} onClick={() => send(false)}>
            {C.dryRun[lang]}
          </button>
          <button
            type="button"
            class="primary"
            disabled={busy || checked !== csv || !csv.trim()}
            aria-describedby="roster-apply-hint"
            onClick={() => send(true)}
          >
            {C.applyRoster[lang]}
          </button>
        </div>
        <p class="hint" id="roster-apply-hint">
          {C.checkBeforeApply[lang]}
        </p>
        <ErrorBanner text={error} />
        {report && changes && (
          <div
            role="status"
            data-testid="roster-report"
            data-applied={String(report.applied)}
            data-errors={report.errors.length}
          >
            <p>
              <strong>
                {report.errors.length > 0
                  ? fill(C.rosterInvalid, lang, { n: report.errors.length })
                  : report.applied
                    ? C.rosterApplied[lang]
                    : C.rosterWouldChange[lang]}
              </strong>{' '}
              · {fill(C.rosterRows, lang, { n: report.rows })}
            </p>
            {report.errors.length === 0 && (
              <p>
                {fill(C.rosterChanges, lang, {
                  created: changes.officersCreated,
                  updated: changes.officersUpdated,
                  opened: changes.postingsOpened,
                  closed: changes.postingsClosed,
                })}
              </p>
            )}
          </div>
        )}
      </div>
      {report && report.errors.length > 0 && (
        <ScrollTable
          caption={C.rosterErrorsCaption[lang]}
          columns={[C.line[lang], C.problem[lang], C.field[lang], '']}
        >
          {report.errors.map((e, i) => (
            <tr key={`${e.line}-${e.kind}-${i}`} data-roster-error={e.kind}>
              <td>{e.line}</td>
              <td class="code">{e.kind}</td>
              <td>{e.field ?? '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
};

export const ForcePage = () => {
  const session = useSession();
  const lang = useLang();
  const [district, setDistrict] = useState('LHR');
  const [units, setUnits] = useState<UnitRow[]>([]);
  const [error, setError] = useState('');
  const reload = async () => {
    const { data } = await officerApi<{ units: UnitRow[] }>(session, '/admin/units', { query: { district } });
    setUnits(data.units);
  };
  useEffect(() => {
    setUnits([]);
    reload().catch((e: unknown) => setError(describeError(e)));
  }, [district]);
  const districts = [...DISTRICTS].sort((a, b) => a[lang].localeCompare(b[lang], lang));
  return (
    <>
      <h1>{C.forceTitle[lang]}</h1>
      <p>{C.forceIntro[lang]}</p>
      <div class="filters">
        <SelectField
          id="f-district"
          label={C.district[lang]}
          value={district}
          onChange={setDistrict}
          inline
          options={districts.map((d) => [d.code, d[lang]])}
        />
      </div>
      <ErrorBanner text={error} />
      <UnitsSection district={district} units={units} reload={reload} />
      <OfficersSection units={units} />
      <RosterSection />
    </>
  );
};
