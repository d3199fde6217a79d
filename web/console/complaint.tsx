/**
 * One complaint: details, the complainant's contact, SLA state, the full timeline, and every action the API
 * offers, each sent with If-Match. A 412 (someone else changed it) reloads the complaint and keeps what the
 * officer typed: the forms are never remounted by a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { evidenceMentionOf } from '../../shared/chat/evidence-text.ts';
import {
  ACTION_KINDS,
  ASSIGNERS,
  isTransitionAllowed,
  type ActorRole,
  type CommandType,
} from '../../shared/domain/lifecycle.ts';
import type { Status } from '../../shared/domain/vocabulary.ts';
import { ApiError } from '../lib/api.ts';
import { ACTION_LABELS } from '../lib/labels.ts';
import { Timeline, type TimelineItem } from '../lib/timeline.tsx';
import type { Language } from '../lib/texts.ts';
import {
  ActionForm,
  ErrorBanner,
  Fact,
  Input,
  SelectField,
  SlaClock,
  Time,
  describeError,
  labels,
  officerApi,
  role,
  useLang,
  useSession,
  type SlaView,
} from './common.tsx';
import { EvidenceList, type EvidenceItem } from './evidence.tsx';
import { C, CHANNEL_LABELS, PRIORITY_LABELS, TRANSITIONS, fill, labelOf } from './strings.ts';

interface StoredEntry {
  id: string;
  type: string;
  at: string;
  actor: { kind: string; id?: string; role?: string };
  toStatus?: string;
  note?: string;
  reason?: string;
  noteVisibility?: 'internal' | 'citizen';
  data?: Record<string, unknown>;
}

interface Detail {
  complaint: {
    etag: string;
    district: string;
    station?: string;
    category: string;
    description: string;
    channel: string;
    status: string;
    priority: string;
    language: string;
    version: number;
    createdAt: string;
    updatedAt: string;
    optOutOfUpdates: boolean;
    complainant: { name: string; phone?: string; cnic?: string; overseas?: boolean; country?: string };
    location?: { latitude: number; longitude: number; address?: string; suggestedDistricts?: string[] };
    assignment?: { level: string; station?: string; circle?: string; officerId?: string };
    sla?: SlaView;
  };
  timeline: StoredEntry[];
  evidence: EvidenceItem[];
  /** The description is a voice note: officers must listen to it. */
  listenToDescription: boolean;
}

/** The stored entry as the shared timeline draws it, with the acting officer and who may read the note. */
const timelineItem = (e: StoredEntry, lang: Language): TimelineItem => {
  const mark = e.noteVisibility === 'internal' ? C.internalMark[lang] : C.citizenMark[lang];
  const text = (key: string) => (typeof e.data?.[key] === 'string' ? (e.data[key] as string) : undefined);
  return {
    type: e.type,
    at: e.at,
    toStatus: e.toStatus,
    level: text('toLevel') ?? text('level'),
    action: e.type === 'ComplaintActionRecorded' ? text('kind') : undefined,
    firNumber: text('firNumber'),
    evidence: evidenceMentionOf(e),
    note: e.note === undefined ? undefined : `${mark}${e.note}`,
    reason: e.reason === undefined ? undefined : `${mark}${e.reason}`,
    actor: e.actor.kind === 'officer' ? `${e.actor.role ?? ''} ${e.actor.id ?? ''}`.trim() : undefined,
  };
};

/** Who may read the note: officers only unless the officer says otherwise (docs/force.md). */
const VisibilityChoice = ({ id }: { id: string }) => {
  const lang = useLang();
  return (
    <fieldset class="choice">
      <legend>{C.whoMayRead[lang]}</legend>
      <div class="check">
        <input type="radio" name="visibility" value="internal" id={`${id}-internal`} defaultChecked />
        <label for={`${id}-internal`}>{C.officersOnly[lang]}</label>
      </div>
      <div class="check">
        <input type="radio" name="visibility" value="citizen" id={`${id}-citizen`} />
        <label for={`${id}-citizen`}>{C.citizenToo[lang]}</label>
      </div>
    </fieldset>
  );
};

/** A question to the citizen and a rejection's reason always reach the citizen: the API refuses them internal. */
const ADDRESSED_TO_CITIZEN: readonly string[] = ['requestCitizenInfo', 'reject'];

/** GET /officer/complaints/{etag}/assignees: what the assign form offers (docs/officer-api.md, "Assigning"). */
interface AssigneeOptions {
  levels: string[];
  stations: { name: string; circle?: string }[];
  circles: { name: string }[];
  officers: { id: string; role: string; name?: string; station?: string; circle?: string }[];
}

const officerLabel = (o: AssigneeOptions['officers'][number]): string =>
  `${o.name ?? o.id} — ${[o.role, o.station ?? o.circle].filter(Boolean).join(' ')}`;

/**
 * The assign form's choices, all from the force directory: a typed station name the directory does not know
 * would be refused, so the officer picks one. The officers offered are those of the level chosen.
 */
const AssignFields = ({ options }: { options: AssigneeOptions }) => {
  const lang = useLang();
  const [level, setLevel] = useState(options.levels[0] ?? '');
  const officers = options.officers.filter((o) => o.role === level);
  return (
    <>
      <SelectField
        id="a-level"
        name="level"
        label={C.level[lang]}
        options={options.levels.map((l) => [l, l])}
        value={level}
        onChange={setLevel}
      />
      <SelectField
        id="a-station"
        name="station"
        label={C.stationOptional[lang]}
        any={C.keepAsIs[lang]}
        options={options.stations.map((s) => [s.name, s.circle ? `${s.name} (${s.circle})` : s.name])}
      />
      <SelectField
        id="a-circle"
        name="circle"
        label={C.circleOptional[lang]}
        any={C.keepAsIs[lang]}
        options={options.circles.map((c) => [c.name, c.name])}
      />
      <SelectField
        id="a-officer"
        name="officerId"
        label={C.officerOptional[lang]}
        any={C.noParticularOfficer[lang]}
        options={officers.map((o) => [o.id, officerLabel(o)])}
      />
      <p class="hint">{C.officersListed[lang]}</p>
    </>
  );
};

const heldBy = (c: Detail['complaint'], lang: Language): string =>
  c.assignment
    ? [c.assignment.level, c.assignment.station, c.assignment.circle].filter(Boolean).join(', ')
    : C.notAssigned[lang];

export const ComplaintPage = ({ etag }: { etag: string }) => {
  const session = useSession();
  const lang = useLang();
  const l = labels(lang);
  const [detail, setDetail] = useState<Detail>();
  const [error, setError] = useState('');
  const [assignees, setAssignees] = useState<AssigneeOptions | string>();
  const mayAssign = (ASSIGNERS as readonly string[]).includes(role(session));
  const now = Date.now();

  const reload = async () => {
    try {
      const { data } = await officerApi<Detail>(session, `/officer/complaints/${encodeURIComponent(etag)}`);
      setDetail(data);
      setError('');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? C.notInArea[lang] : describeError(e));
    }
  };
  useEffect(() => void reload(), [etag]);
  useEffect(() => {
    if (!mayAssign) return;
    officerApi<AssigneeOptions>(session, `/officer/complaints/${encodeURIComponent(etag)}/assignees`)
      .then(({ data }) => setAssignees(data))
      .catch((e: unknown) => setAssignees(describeError(e)));
  }, [etag, mayAssign]);

  /** Every action carries the version it was decided on; 412 → reload, the form keeps its text. */
  const act = async (path: string, body: unknown) => {
    if (!detail) return;
    try {
      await officerApi(session, `/officer/complaints/${encodeURIComponent(etag)}/${path}`, {
        body,
        ifMatch: `"${detail.complaint.version}"`,
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) await reload();
      throw e;
    }
    await reload();
  };

  if (error && !detail) return <ErrorBanner text={error} />;
  if (!detail) return <p aria-busy="true">{C.loading[lang]}</p>;
  const c = detail.complaint;
  // Only what the lifecycle allows this role on this status is offered (the API would answer 409).
  const allowed = (command: CommandType): boolean =>
    isTransitionAllowed(command, c.status as Status, role(session) as ActorRole);
  const transitions = TRANSITIONS.filter((tr) => allowed(tr.type as CommandType));
  const anyAction =
    allowed('takeAndStart') ||
    (mayAssign && allowed('assign')) ||
    allowed('recordAction') ||
    transitions.length > 0;
  return (
    <section>
      <p>
        <a href="#/queue">{C.backToQueue[lang]}</a>
      </p>
      <h1>
        <bdi dir="ltr" class="code">
          {c.etag}
        </bdi>{' '}
        — {l.status(c.status)}
      </h1>
      <div class="actions-grid">
        <div class="card">
          <h2>{C.complaint[lang]}</h2>
          <dl class="facts">
            <Fact term={C.category[lang]}>{l.category(c.category)}</Fact>
            <Fact term={C.priority[lang]}>{labelOf(PRIORITY_LABELS, c.priority, lang)}</Fact>
            <Fact term={C.districtStation[lang]}>
              {l.district(c.district)}
              {c.station ? ` / ${c.station}` : ''}
            </Fact>
            <Fact term={C.heldBy[lang]}>{heldBy(c, lang)}</Fact>
            <Fact term={C.sla[lang]}>
              <SlaClock sla={c.sla} now={now} />
              {c.sla?.breaches?.length ? fill(C.breaches, lang, { n: c.sla.breaches.length }) : ''}
            </Fact>
            <Fact term={C.filed[lang]}>
              <Time iso={c.createdAt} /> · {labelOf(CHANNEL_LABELS, c.channel, lang)}
            </Fact>
            <Fact term={C.version[lang]} testId="version">
              {c.version}
            </Fact>
          </dl>
          <h3>{C.whatHappened[lang]}</h3>
          {detail.listenToDescription && (
            <p class="error banner" role="note" data-testid="listen-to-description">
              {C.mustListen[lang]}
            </p>
          )}
          <p class="note" lang={c.language} dir="auto">
            {c.description}
          </p>
          {c.location && (
            <p>
              {C.location[lang]}:{' '}
              <bdi dir="ltr">
                {c.location.latitude.toFixed(5)}, {c.location.longitude.toFixed(5)}
              </bdi>
              {c.location.address ? ` — ${c.location.address}` : ''}
            </p>
          )}
          {c.location?.suggestedDistricts?.length && !c.location.suggestedDistricts.includes(c.district) ? (
            <p class="notice" role="note" data-testid="location-district">
              {fill(C.locationElsewhere, lang, {
                districts: c.location.suggestedDistricts.map((d) => l.district(d)).join(', '),
              })}
            </p>
          ) : null}
          <h3>{C.complainant[lang]}</h3>
          <dl class="facts">
            <Fact term={C.name[lang]}>{c.complainant.name}</Fact>
            <Fact term={C.phone[lang]}>
              <a href={`tel:${c.complainant.phone ?? ''}`} dir="ltr">
                {c.complainant.phone ?? '—'}
              </a>
            </Fact>
            {c.complainant.cnic && (
              <Fact term={C.cnic[lang]}>
                <bdi dir="ltr">{c.complainant.cnic}</bdi>
              </Fact>
            )}
            <Fact term={C.overseas[lang]}>
              {c.complainant.overseas
                ? `${C.yes[lang]}${c.complainant.country ? ` (${c.complainant.country})` : ''}`
                : C.no[lang]}
            </Fact>
            <Fact term={C.updates[lang]}>
              {c.optOutOfUpdates
                ? C.optedOut[lang]
                : fill(C.updatesBy, lang, { language: c.language === 'ur' ? 'اردو' : 'English' })}
            </Fact>
          </dl>
        </div>
        <div class="card">
          <h2>{C.timeline[lang]}</h2>
          <Timeline
            entries={detail.timeline.map((e) => timelineItem(e, lang))}
            lang={lang}
            district={c.district}
            event={l.event}
          />
        </div>
      </div>
      <h2>
        {C.attachments[lang]} ({detail.evidence.length})
      </h2>
      <EvidenceList etag={c.etag} items={detail.evidence} />
      <h2>{C.actions[lang]}</h2>
      <div class="actions-grid">
        {!anyAction && <p class="hint">{fill(C.noActionOpen, lang, { status: l.status(c.status) })}</p>}
        {allowed('takeAndStart') && (
          <ActionForm
            form="take"
            title={C.takeAndStart[lang]}
            submit={C.takeAndStart[lang]}
            onSubmit={(v) =>
              act('transitions', {
                type: 'takeAndStart',
                ...(v.note ? { note: v.note, visibility: v.visibility } : {}),
              })
            }
          >
            <p class="hint">{C.takeAndStartHint[lang]}</p>
            <Input id="t-note" label={C.noteOptional[lang]} name="note" multiline />
            <VisibilityChoice id="t-visibility" />
          </ActionForm>
        )}
        {mayAssign && allowed('assign') && typeof assignees === 'string' && <ErrorBanner text={assignees} />}
        {mayAssign && allowed('assign') && typeof assignees === 'object' && (
          <ActionForm
            form="assign"
            title={C.assign[lang]}
            submit={C.assign[lang]}
            onSubmit={(v) =>
              act('assign', {
                level: v.level,
                ...(v.station ? { station: v.station } : {}),
                ...(v.circle ? { circle: v.circle } : {}),
                ...(v.officerId ? { officerId: v.officerId } : {}),
                ...(v.note ? { note: v.note, visibility: v.visibility } : {}),
              })
            }
          >
            <AssignFields options={assignees} />
            <Input id="a-note" label={C.noteOptional[lang]} name="note" multiline />
            <VisibilityChoice id="a-visibility" />
          </ActionForm>
        )}
        {allowed('recordAction') && (
          <ActionForm
            form="action"
            title={C.recordAction[lang]}
            submit={C.recordActionButton[lang]}
            onSubmit={(v) =>
              act('actions', {
                kind: v.kind,
                note: v.note ?? '',
                visibility: v.visibility,
                ...(v.firNumber ? { firNumber: v.firNumber } : {}),
              })
            }
          >
            <SelectField
              id="r-kind"
              name="kind"
              label={C.whatWasDone[lang]}
              options={ACTION_KINDS.map((k) => [k, ACTION_LABELS[k][lang]])}
            />
            <Input id="r-fir" label={C.firNumber[lang]} name="firNumber" ltr />
            <Input id="r-note" label={C.note[lang]} name="note" multiline />
            <VisibilityChoice id="r-visibility" />
          </ActionForm>
        )}
        {transitions.length > 0 && (
          <ActionForm
            form="status"
            title={C.changeStatus[lang]}
            submit={C.apply[lang]}
            onSubmit={(v) =>
              act('transitions', {
                type: v.type,
                ...(v.type === 'reject' || v.type === 'reopen'
                  ? { reason: v.note }
                  : v.note
                    ? { note: v.note }
                    : {}),
                ...(v.note && !ADDRESSED_TO_CITIZEN.includes(v.type ?? '')
                  ? { visibility: v.visibility }
                  : {}),
              })
            }
          >
            <SelectField
              id="s-type"
              name="type"
              label={C.change[lang]}
              options={transitions.map((tr) => [tr.type, tr.label[lang]])}
            />
            <Input id="s-note" label={C.noteQuestionReason[lang]} name="note" multiline />
            <VisibilityChoice id="s-visibility" />
            <p class="hint">{C.alwaysToCitizen[lang]}</p>
          </ActionForm>
        )}
      </div>
    </section>
  );
};
