/**
 * The conversation engine: (session, inbound message, now) → (new session, replies, commands).
 * Pure and deterministic: no clock, no randomness, no I/O. The worker loads the session, calls
 * `converse`, persists the session, sends the replies and executes the commands (see types.ts for which
 * commands the worker answers with which renderer).
 */
import { CATEGORIES, findCategory } from '../domain/categories.ts';
import type { Category } from '../domain/categories.ts';
import { REGIONS, districtsOfRegion, findDistrict, findRegion } from '../domain/districts.ts';
import type { District } from '../domain/districts.ts';
import { ETAG_COMPACT_LENGTH, extractEtag, generateEtag, parseEtag } from '../domain/etag.ts';
import type { Priority } from '../domain/vocabulary.ts';
import { PRIORITIES } from '../domain/vocabulary.ts';
import {
  DRIVING_LICENCE,
  KHIDMAT_SERVICES,
  ORIGIN_CATEGORIES,
  REGISTER_FIR,
  SERVICES,
  officeAnswer,
  serviceByNumber,
} from './catalog.ts';
import type { Bilingual, Service } from './catalog.ts';
import { matchDistricts } from './district-match.ts';
import { WHATSAPP_LIMITS, buttons, clip, list, pagedRows, row, text } from './limits.ts';
import {
  detectLanguage,
  isCancel,
  isComplaintRequest,
  isDone,
  isEmergency,
  isFeedbackRequest,
  isFirQuestion,
  isGreeting,
  isHelplineQuestion,
  isLicenceQuestion,
  isMenuRequest,
  isMissingChildReport,
  isNo,
  isSkip,
  isStartUpdates,
  isStopUpdates,
  isTrackRequest,
  isYes,
  languageSwitch,
  menuNumber,
  tokens,
} from './text.ts';
import type {
  ChatCommand,
  ChatSession,
  ComplaintDraft,
  ComplaintFlowDraft,
  ComplaintOrigin,
  ComplaintStep,
  ConverseResult,
  DraftAttachment,
  FlowState,
  InboundMessage,
  Language,
  OutgoingMessage,
} from './types.ts';
import { UI, fill } from './ui.ts';

/** Flood control: more than this many messages inside the window → one notice, then silence. */
// A complaint filed in chat takes about ten messages; a person typing fast must not trip this, a script must.
export const FLOOD_MAX_MESSAGES = 20;
export const FLOOD_WINDOW_MS = 60_000;
/** A menu left open this long no longer turns a bare "1" into a choice. */
export const MENU_IDLE_MS = 30 * 60_000;
/** An unfinished complaint or feedback is dropped after this long without a message. */
export const DRAFT_IDLE_MS = 24 * 3600_000;
export const MAX_ATTACHMENTS = 5;
/** Same bounds as the complaint schema (shared/domain/complaint.ts), so a filed draft never fails on them. */
export const MIN_DESCRIPTION_CHARS = 20;
export const MAX_DESCRIPTION_CHARS = 5000;
const MAX_ADDRESS_CHARS = 300;
const MAX_NAME_CHARS = 100;

/** A well-formed e-tag to show as an example, in whatever format the domain currently uses. */
const ETAG_EXAMPLE = generateEtag('LHR', (size) => Uint8Array.from({ length: size }, (_, i) => i * 37 + 11));

const STANDARD_STEPS: readonly ComplaintStep[] = [
  'district',
  'category',
  'description',
  'location',
  'attachments',
  'followUps',
  'name',
  'confirm',
];
const STEPS: Record<ComplaintOrigin, readonly ComplaintStep[]> = {
  crime: STANDARD_STEPS,
  ig: STANDARD_STEPS,
  overseas: STANDARD_STEPS,
  general: STANDARD_STEPS,
  harassment: STANDARD_STEPS,
  // The child's details come first: they matter more than anything else we ask.
  zainab: ['description', 'district', 'location', 'attachments', 'name', 'confirm'],
};

interface Turn {
  session: ChatSession;
  inbound: InboundMessage;
  replies: OutgoingMessage[];
  commands: ChatCommand[];
  /** No session existed before this message. */
  firstContact: boolean;
}

type ComplaintFlow = Extract<FlowState, { kind: 'complaint' }>;

const lang = (turn: Turn): Language => turn.session.language;
const say = (turn: Turn, message: Bilingual): void => {
  turn.replies.push(...text(message[lang(turn)]));
};
const sayText = (turn: Turn, body: string): void => {
  turn.replies.push(...text(body));
};

// ---------------------------------------------------------------- entry point

export const converse = (
  session: ChatSession | undefined,
  inbound: InboundMessage,
  now: Date,
): ConverseResult => {
  const at = Number.isNaN(inbound.timestamp.getTime()) ? now : inbound.timestamp;
  const previous: ChatSession = session
    ? (JSON.parse(JSON.stringify(session)) as ChatSession)
    : {
        citizenId: inbound.citizen.id,
        language: 'ur',
        languageChosen: false,
        lastInboundAt: at.toISOString(),
        recentInbound: [],
        updatedAt: now.toISOString(),
      };
  const turn: Turn = { session: previous, inbound, replies: [], commands: [], firstContact: !session };
  const s = turn.session;

  expireIdleFlow(s, at);
  const recent = s.recentInbound.filter((iso) => at.getTime() - Date.parse(iso) < FLOOD_WINDOW_MS);
  recent.push(at.toISOString());
  s.recentInbound = recent.slice(-(FLOOD_MAX_MESSAGES + 1));
  if (Date.parse(s.lastInboundAt) < at.getTime() || !session) s.lastInboundAt = at.toISOString();
  s.updatedAt = now.toISOString();

  if (recent.length > FLOOD_MAX_MESSAGES) {
    // Someone in danger still hears "call 15", even mid-flood.
    if (inbound.kind === 'text' && isEmergency(inbound.text)) say(turn, UI.emergency);
    else if (!s.floodNoticeAt || at.getTime() - Date.parse(s.floodNoticeAt) >= FLOOD_WINDOW_MS) {
      s.floodNoticeAt = at.toISOString();
      say(turn, UI.slowDown);
    }
    return { session: s, replies: turn.replies, commands: [] };
  }

  switch (inbound.kind) {
    case 'text':
      handleText(turn, inbound.text);
      break;
    case 'interactive':
      handleReplyId(turn, inbound.replyId, inbound.title);
      break;
    case 'button':
      if (isKnownReplyId(inbound.payload)) handleReplyId(turn, inbound.payload, inbound.text);
      else handleText(turn, inbound.text || inbound.payload);
      break;
    case 'location':
      handleLocation(turn, inbound);
      break;
    case 'media':
      handleMedia(turn, inbound);
      break;
    case 'system':
      // Notices such as "customer changed number" were not typed by the citizen: nothing to answer.
      break;
    default:
      say(turn, UI.unsupported);
  }
  return { session: s, replies: turn.replies, commands: turn.commands };
};

const expireIdleFlow = (s: ChatSession, at: Date): void => {
  if (!s.flow) return;
  const idle = at.getTime() - Date.parse(s.lastInboundAt);
  const inputFlow =
    s.flow.kind === 'complaint' || s.flow.kind === 'feedback' || s.flow.kind === 'satisfactionReason';
  if (idle > (inputFlow ? DRAFT_IDLE_MS : MENU_IDLE_MS)) delete s.flow;
};

// ---------------------------------------------------------------- text

const handleText = (turn: Turn, raw: string): void => {
  const s = turn.session;
  const input = raw.trim().slice(0, 8000);
  if (!input) {
    say(turn, UI.unsupported);
    return;
  }
  const switchTo = languageSwitch(input);
  if (!switchTo && !s.languageChosen) {
    const detected = detectLanguage(input);
    if (detected) s.language = detected;
  }
  const emergency = isEmergency(input);
  if (emergency) say(turn, UI.emergency);

  if (switchTo) {
    s.language = switchTo;
    s.languageChosen = true;
    say(turn, UI.languageSet);
    if (s.flow?.kind === 'complaint') promptStep(turn, s.flow);
    else showMenu(turn, false);
    return;
  }
  if (isMenuRequest(input)) {
    showMenu(turn, false);
    return;
  }
  if (isCancel(input)) {
    if (s.flow && s.flow.kind !== 'menu') {
      delete s.flow;
      say(turn, UI.cancelled);
    } else say(turn, UI.nothingToCancel);
    return;
  }

  const flow = s.flow;
  if (flow?.kind === 'complaint') {
    complaintText(turn, flow, input);
    return;
  }
  if (flow?.kind === 'feedback' && !isShortCommand(input)) {
    if (input.length < 3) say(turn, UI.feedbackTooShort);
    else {
      turn.commands.push({
        kind: 'recordFeedback',
        text: input.slice(0, MAX_DESCRIPTION_CHARS),
        language: s.language,
      });
      delete s.flow;
    }
    return;
  }
  if (flow?.kind === 'informationAnswer' && !isShortCommand(input)) {
    turn.commands.push({
      kind: 'answerInformationRequest',
      etag: flow.etag,
      text: input.slice(0, MAX_DESCRIPTION_CHARS),
    });
    delete s.flow;
    say(turn, UI.thanksForAnswer);
    return;
  }
  if (flow?.kind === 'satisfactionReason') {
    const reason = isSkip(input) ? undefined : input.slice(0, MAX_DESCRIPTION_CHARS);
    turn.commands.push({
      kind: 'complaintFeedback',
      etag: flow.etag,
      satisfied: false,
      ...(reason ? { reason } : {}),
    });
    delete s.flow;
    say(turn, UI.thanksDissatisfied);
    return;
  }
  if (flow?.kind === 'officeLookup' && menuNumber(input) === undefined && !isGreeting(input)) {
    if (!isGlobalIntent(input)) {
      const found = matchDistricts(input);
      if (found.length === 1 && found[0]) answerOffice(turn, found[0]);
      else if (found.length > 1) askWhichDistrict(turn, found);
      else {
        say(turn, UI.districtNotFound);
        turn.replies.push(regionList(turn, 0));
      }
      return;
    }
  }
  if (flow?.kind === 'submenu') {
    const n = menuNumber(input);
    const item = n === undefined ? undefined : KHIDMAT_SERVICES[n - 1];
    if (item) {
      sayText(turn, `${item.body[lang(turn)]}\n\n${UI.submenuFooter[lang(turn)]}`);
      return;
    }
  }
  if (flow?.kind === 'menu') {
    const n = menuNumber(input);
    if (n !== undefined) {
      if (serviceByNumber(n)) openService(turn, n);
      else say(turn, UI.menuRange);
      return;
    }
  }
  globalText(turn, input, emergency);
};

/** Words that mean "do something else" even while a flow waits for free text. */
const isShortCommand = (input: string): boolean =>
  tokens(input).length <= 3 && (isTrackRequest(input) || (isGreeting(input) && tokens(input).length <= 2));

const isGlobalIntent = (input: string): boolean =>
  isTrackRequest(input) ||
  extractEtag(input) !== undefined ||
  isComplaintRequest(input) ||
  isLicenceQuestion(input) ||
  isFirQuestion(input) ||
  isMissingChildReport(input);

/** No flow claimed the message: recognise what it asks for. */
const globalText = (turn: Turn, input: string, emergency: boolean): void => {
  const s = turn.session;
  const etag = extractEtag(input);
  if (etag) {
    turn.commands.push({ kind: 'trackComplaints', etag });
    return;
  }
  if (looksLikeEtagAttempt(input)) {
    sayText(turn, fill(UI.invalidEtag[lang(turn)], ETAG_EXAMPLE));
    return;
  }
  if (isTrackRequest(input)) {
    turn.commands.push({ kind: 'trackComplaints' });
    return;
  }
  if (isMissingChildReport(input)) {
    openService(turn, 11);
    return;
  }
  if (isGreeting(input)) {
    showMenu(turn, true);
    return;
  }
  const n = menuNumber(input);
  if (n !== undefined) {
    // A bare "1" outside the menu is the greeting the issue asks for; other numbers pick directly.
    if (n === 1 || n === 0) showMenu(turn, true);
    else if (serviceByNumber(n)) openService(turn, n);
    else showMenu(turn, false);
    return;
  }
  if (isComplaintRequest(input)) {
    const last = s.flow?.kind === 'menu' ? s.flow.lastService : undefined;
    startComplaint(turn, (last !== undefined && serviceByNumber(last)?.complaintOrigin) || 'general');
    return;
  }
  if (isLicenceQuestion(input)) {
    sayText(turn, `${DRIVING_LICENCE[lang(turn)]}\n\n${UI.backToMenu[lang(turn)]}`);
    return;
  }
  if (isFirQuestion(input)) {
    sayText(turn, `${REGISTER_FIR[lang(turn)]}\n\n${UI.backToMenu[lang(turn)]}`);
    return;
  }
  if (isFeedbackRequest(input)) {
    openService(turn, 15);
    return;
  }
  if (isHelplineQuestion(input)) {
    openService(turn, 5);
    return;
  }
  if (isStopUpdates(input) || isStartUpdates(input)) {
    const optOut = isStopUpdates(input);
    turn.commands.push({ kind: 'setOptOut', optOut });
    say(turn, optOut ? UI.optedOut : UI.optedIn);
    return;
  }
  if (turn.firstContact) {
    showMenu(turn, true);
    return;
  }
  if (!emergency) say(turn, UI.notUnderstood);
  else say(turn, { en: UI.backToMenu.en, ur: UI.backToMenu.ur });
};

/** Three letters, then symbols with digits, as long as an e-tag: someone typed one, but it does not check out. */
const looksLikeEtagAttempt = (input: string): boolean => {
  const compact = input.trim().replace(/[\s\-_.]/g, '');
  return compact.length === ETAG_COMPACT_LENGTH && /^[a-z]{3}[0-9a-z]+$/i.test(compact) && /\d/.test(compact);
};

// ---------------------------------------------------------------- replies to buttons and list rows

const REPLY_ID = /^(menu|svc:|lang:|cmp:|trk|fb:|opt:|reg:|regp:|dist:|cat:|skip$|done$|cf:|fu:|sub:)/;
const isKnownReplyId = (id: string): boolean => REPLY_ID.test(id);

const handleReplyId = (turn: Turn, id: string, title: string): void => {
  const s = turn.session;
  const [head, arg = '', extra = ''] = id.split(':');
  const flow = s.flow;
  switch (head) {
    case 'menu':
      showMenu(turn, false);
      return;
    case 'svc':
      if (arg === 'fir') sayText(turn, `${REGISTER_FIR[lang(turn)]}\n\n${UI.backToMenu[lang(turn)]}`);
      else if (arg === 'licence')
        sayText(turn, `${DRIVING_LICENCE[lang(turn)]}\n\n${UI.backToMenu[lang(turn)]}`);
      else if (serviceByNumber(Number(arg))) openService(turn, Number(arg));
      else showMenu(turn, false);
      return;
    case 'sub': {
      const item = KHIDMAT_SERVICES[Number(extra) - 1];
      if (item) sayText(turn, `${item.body[lang(turn)]}\n\n${UI.submenuFooter[lang(turn)]}`);
      else showMenu(turn, false);
      return;
    }
    case 'lang':
      if (arg === 'en' || arg === 'ur') handleText(turn, arg === 'en' ? 'english' : 'urdu');
      return;
    case 'cmp':
      startComplaint(turn, isOrigin(arg) ? arg : 'general');
      return;
    case 'trk': {
      const etag = arg ? parseEtag(arg) : undefined;
      turn.commands.push(etag ? { kind: 'trackComplaints', etag } : { kind: 'trackComplaints' });
      return;
    }
    case 'fb': {
      const etag = parseEtag(id.slice(`fb:${arg}:`.length));
      if (!etag) break;
      if (arg === 'yes') {
        turn.commands.push({ kind: 'complaintFeedback', etag, satisfied: true });
        if (s.flow?.kind === 'satisfactionReason') delete s.flow;
        say(turn, UI.thanksSatisfied);
      } else {
        s.flow = { kind: 'satisfactionReason', etag };
        turn.replies.push(
          ...buttons(UI.askDissatisfactionReason[lang(turn)], [
            { id: 'skip', title: UI.btnSkip[lang(turn)] },
          ]),
        );
      }
      return;
    }
    case 'info': {
      const etag = arg ? parseEtag(arg) : undefined;
      if (!etag) break;
      s.flow = { kind: 'informationAnswer', etag };
      say(turn, UI.askForAnswer);
      return;
    }
    case 'opt': {
      const etag = parseEtag(id.slice(`opt:${arg}:`.length));
      const optOut = arg === 'out';
      turn.commands.push({ kind: 'setOptOut', optOut, ...(etag ? { etag } : {}) });
      say(turn, optOut ? UI.optedOut : UI.optedIn);
      return;
    }
    case 'reg':
    case 'regp': {
      if (flow?.kind === 'complaint' || flow?.kind === 'officeLookup') {
        if (head === 'regp') turn.replies.push(regionList(turn, Number(arg) || 0));
        else {
          const region = findRegion(arg);
          if (region) turn.replies.push(districtList(turn, region.code, Number(extra) || 0));
          else turn.replies.push(regionList(turn, 0));
        }
        return;
      }
      break;
    }
    case 'dist': {
      const district = findDistrict(arg);
      if (!district) break;
      if (flow?.kind === 'complaint' && flow.step === 'district') {
        setDistrict(turn, flow, district);
        return;
      }
      if (flow?.kind !== 'complaint') {
        answerOffice(turn, district);
        return;
      }
      break;
    }
    case 'cat':
      if (flow?.kind === 'complaint' && flow.step === 'category') {
        const category = categoriesFor(flow.origin).find((c) => c.code === arg);
        if (category) {
          flow.draft.category = category.code;
          advance(turn, flow);
          return;
        }
      }
      break;
    case 'skip':
      if (flow?.kind === 'satisfactionReason') {
        handleText(turn, 'skip');
        return;
      }
      if (flow?.kind === 'complaint') {
        complaintText(turn, flow, 'skip');
        return;
      }
      break;
    case 'done':
    case 'cf':
    case 'fu':
      if (flow?.kind === 'complaint') {
        const answer = head === 'done' ? 'done' : arg === 'yes' ? 'yes' : 'no';
        complaintText(turn, flow, answer);
        return;
      }
      break;
  }
  // A stale button (its flow ended) or an id we do not know: read its title as if typed.
  if (title && title !== id && !isKnownReplyId(title)) handleText(turn, title);
  else showMenu(turn, false);
};

const isOrigin = (value: string): value is ComplaintOrigin => value in STEPS;

// ---------------------------------------------------------------- menu and services

const showMenu = (turn: Turn, greet: boolean): void => {
  const l = lang(turn);
  const lines = SERVICES.map((svc) => `*${svc.number}.* ${svc.title[l]}`);
  const body = [...(greet ? [UI.welcome[l]] : []), UI.menuTitle[l], lines.join('\n'), UI.menuFooter[l]].join(
    '\n\n',
  );
  turn.session.flow = { kind: 'menu' };
  sayText(turn, body);
};

const withComplaintButtons = (turn: Turn, body: string, service: Service): void => {
  const l = lang(turn);
  const file =
    service.id === 'genderHarassment'
      ? UI.btnReportPrivately[l]
      : service.id === 'overseas'
        ? UI.btnComplainAbroad[l]
        : UI.btnFileComplaint[l];
  const second =
    service.id === 'crimeReport'
      ? [{ id: 'svc:fir', title: UI.btnFirHowTo[l] }]
      : service.id === 'igComplaintCell'
        ? [{ id: 'trk', title: UI.btnMyComplaints[l] }]
        : [];
  turn.replies.push(
    ...buttons(body, [
      { id: `cmp:${service.complaintOrigin ?? 'general'}`, title: file },
      ...second,
      { id: 'menu', title: UI.btnMenu[l] },
    ]),
  );
};

const openService = (turn: Turn, n: number): void => {
  const service = serviceByNumber(n);
  if (!service) return showMenu(turn, false);
  const s = turn.session;
  const l = lang(turn);
  const body = service.body[l];
  s.flow = { kind: 'menu', lastService: n };
  switch (service.id) {
    case 'khidmatMarkaz': {
      const items = KHIDMAT_SERVICES.map((item, i) => `*${i + 1}.* ${item.title[l]}`).join('\n');
      s.flow = { kind: 'submenu', menu: 'khidmat' };
      sayText(turn, `${body}\n${items}\n\n${UI.backToMenu[l]}`);
      return;
    }
    case 'policeOffices':
      s.flow = { kind: 'officeLookup' };
      sayText(turn, body);
      turn.replies.push(regionList(turn, 0));
      return;
    case 'zainabAlert':
      // Order matters: the calls to 15 and 1099 come before any question.
      sayText(turn, body);
      startComplaint(turn, 'zainab', false);
      return;
    case 'feedback':
      s.flow = { kind: 'feedback' };
      sayText(turn, body);
      return;
    default:
      if (service.complaintOrigin) withComplaintButtons(turn, body, service);
      else sayText(turn, `${body}\n\n${UI.backToMenu[l]}`);
  }
};

const answerOffice = (turn: Turn, district: District): void => {
  turn.session.flow = { kind: 'menu', lastService: 7 };
  sayText(
    turn,
    `${officeAnswer(district, findRegion(district.region), lang(turn))}\n\n${UI.backToMenu[lang(turn)]}`,
  );
};

// ---------------------------------------------------------------- region / district pickers

const regionList = (turn: Turn, page: number): OutgoingMessage => {
  const l = lang(turn);
  const rows = pagedRows(
    REGIONS.map((r) => row(`reg:${r.code}`, r[l])),
    page,
    (next) => row(`regp:${next}`, UI.more[l]),
  );
  return list(UI.pickRegionButton[l], UI.pickRegionButton[l], UI.regionsSection[l], rows);
};

const districtList = (turn: Turn, regionCode: string, page: number): OutgoingMessage => {
  const l = lang(turn);
  const rows = pagedRows(
    districtsOfRegion(regionCode).map((d) => row(`dist:${d.code}`, d[l])),
    page,
    (next) => row(`reg:${regionCode}:${next}`, UI.more[l]),
  );
  return list(UI.pickDistrictOfRegion[l], UI.pickDistrictButton[l], UI.districtsSection[l], rows);
};

const askWhichDistrict = (turn: Turn, candidates: readonly District[]): void => {
  const l = lang(turn);
  turn.replies.push(
    ...buttons(
      UI.districtWhich[l],
      candidates.slice(0, WHATSAPP_LIMITS.buttons).map((d) => ({ id: `dist:${d.code}`, title: d[l] })),
    ),
  );
};

// ---------------------------------------------------------------- complaint flow

const categoriesFor = (origin: ComplaintOrigin): Category[] => {
  if (origin === 'harassment') {
    const preferred = ORIGIN_CATEGORIES.harassment
      .map((c) => findCategory(c))
      .filter((c): c is Category => !!c);
    const others = CATEGORIES.filter((c) => c.sensitive && !preferred.includes(c));
    const all = [...preferred.filter((c) => c.sensitive), ...others];
    return all.length ? all : preferred;
  }
  return ORIGIN_CATEGORIES[origin].map((c) => findCategory(c)).filter((c): c is Category => !!c);
};

const startComplaint = (turn: Turn, origin: ComplaintOrigin, intro = true): void => {
  const draft: ComplaintFlowDraft = { attachments: [] };
  const options = categoriesFor(origin);
  if (options.length === 1 && options[0]) draft.category = options[0].code;
  const first = STEPS[origin][0] ?? 'district';
  const flow: ComplaintFlow = { kind: 'complaint', origin, step: first, draft };
  turn.session.flow = flow;
  if (intro) say(turn, origin === 'harassment' ? UI.harassmentIntro : UI.complaintIntro);
  if (!stepNeeded(turn, flow, first)) advance(turn, flow);
  else promptStep(turn, flow);
};

const stepNeeded = (turn: Turn, flow: ComplaintFlow, step: ComplaintStep): boolean => {
  const d = flow.draft;
  switch (step) {
    case 'district':
      return !d.district;
    case 'category':
      return !d.category;
    case 'description':
      return !d.description;
    case 'name':
      return !d.name && !validName(turn.inbound.citizen.name);
    case 'followUps':
      // Only sensitive categories ask; the others get updates unless the citizen types "stop updates".
      return d.optOutOfUpdates === undefined && (findCategory(d.category ?? '')?.sensitive ?? false);
    default:
      return true;
  }
};

/** Moves to the next step that still needs an answer and asks it. */
const advance = (turn: Turn, flow: ComplaintFlow): void => {
  const steps = STEPS[flow.origin];
  const from = steps.indexOf(flow.step);
  const next = steps.slice(from + 1).find((step) => stepNeeded(turn, flow, step)) ?? 'confirm';
  flow.step = next;
  promptStep(turn, flow);
};

const promptStep = (turn: Turn, flow: ComplaintFlow): void => {
  const l = lang(turn);
  const child = flow.origin === 'zainab';
  const sensitive = flow.origin === 'harassment';
  switch (flow.step) {
    case 'district':
      say(turn, child ? UI.askDistrictChild : UI.askDistrict);
      turn.replies.push(regionList(turn, 0));
      return;
    case 'category': {
      const options = categoriesFor(flow.origin);
      const numbered = options.map((c, i) => `*${i + 1}.* ${c[l]}`).join('\n');
      const question = (sensitive ? UI.askCategorySensitive : UI.askCategory)[l];
      if (options.length <= WHATSAPP_LIMITS.listRows) {
        turn.replies.push(
          list(
            `${question}\n\n${numbered}`,
            UI.pickCategoryButton[l],
            UI.categoriesSection[l],
            options.map((c, i) => row(`cat:${c.code}`, `${i + 1}. ${c[l]}`)),
          ),
        );
      } else sayText(turn, `${question}\n\n${numbered}`);
      return;
    }
    case 'description':
      say(turn, child ? UI.askChildDetails : sensitive ? UI.askDescriptionSensitive : UI.askDescription);
      return;
    case 'location':
      turn.replies.push(
        ...buttons((child ? UI.askLocationChild : UI.askLocation)[l], [{ id: 'skip', title: UI.btnSkip[l] }]),
      );
      return;
    case 'attachments':
      turn.replies.push(
        ...buttons(fill((child ? UI.askAttachmentsChild : UI.askAttachments)[l], MAX_ATTACHMENTS), [
          { id: 'done', title: UI.btnContinue[l] },
        ]),
      );
      return;
    case 'followUps':
      turn.replies.push(
        ...buttons(UI.askFollowUps[l], [
          { id: 'fu:yes', title: UI.btnUpdatesYes[l] },
          { id: 'fu:no', title: UI.btnUpdatesNo[l] },
        ]),
      );
      return;
    case 'name':
      say(turn, UI.askName);
      return;
    case 'confirm':
      turn.replies.push(
        ...buttons(confirmSummary(turn, flow), [
          { id: 'cf:yes', title: UI.btnSubmit[l] },
          { id: 'cf:no', title: UI.btnCancel[l] },
        ]),
      );
      return;
  }
};

const confirmSummary = (turn: Turn, flow: ComplaintFlow): string => {
  const l = lang(turn);
  const d = flow.draft;
  const district = d.district ? (findDistrict(d.district)?.[l] ?? d.district) : '';
  const category = d.category ? (findCategory(d.category)?.[l] ?? d.category) : '';
  const lines = [
    UI.confirmTitle[l],
    `${UI.labelDistrict[l]}: ${district}`,
    `${UI.labelCategory[l]}: ${category}`,
    `${UI.labelDescription[l]}: ${clip(d.description ?? '', 400)}`,
    `${UI.labelLocation[l]}: ${d.location ? UI.shared[l] : UI.notShared[l]}`,
    `${UI.labelAttachments[l]}: ${d.attachments.length}`,
    ...(d.optOutOfUpdates !== undefined
      ? [`${UI.labelUpdates[l]}: ${d.optOutOfUpdates ? UI.no[l] : UI.yes[l]}`]
      : []),
    `${UI.labelName[l]}: ${clip(complainantName(turn, flow), 80)}`,
    '',
    UI.confirmQuestion[l],
  ];
  return clip(lines.join('\n'), WHATSAPP_LIMITS.buttonsBody);
};

const validName = (name: string | undefined): name is string => {
  const trimmed = name?.trim() ?? '';
  return trimmed.length >= 2 && trimmed.length <= MAX_NAME_CHARS && /\p{L}/u.test(trimmed);
};

const complainantName = (turn: Turn, flow: ComplaintFlow): string => {
  if (flow.draft.name) return flow.draft.name;
  const profile = turn.inbound.citizen.name;
  return validName(profile) ? profile.trim() : '';
};

const setDistrict = (turn: Turn, flow: ComplaintFlow, district: District): void => {
  flow.draft.district = district.code;
  sayText(turn, fill(UI.districtSet[lang(turn)], district[lang(turn)]));
  advance(turn, flow);
};

const appendToDescription = (flow: ComplaintFlow, addition: string): void => {
  const current = flow.draft.description ?? '';
  flow.draft.description = clip(current ? `${current}\n${addition}` : addition, MAX_DESCRIPTION_CHARS);
};

const complaintText = (turn: Turn, flow: ComplaintFlow, input: string): void => {
  const l = lang(turn);
  switch (flow.step) {
    case 'district': {
      const found = matchDistricts(input);
      if (found.length === 1 && found[0]) setDistrict(turn, flow, found[0]);
      else if (found.length > 1) askWhichDistrict(turn, found);
      else {
        say(turn, UI.districtNotFound);
        turn.replies.push(regionList(turn, 0));
      }
      return;
    }
    case 'category': {
      const options = categoriesFor(flow.origin);
      const n = menuNumber(input);
      const key = tokens(input).join(' ');
      const chosen =
        n !== undefined
          ? options[n - 1]
          : options.find(
              (c) =>
                c.code === key.replace(/ /g, '_') ||
                tokens(c.en).join(' ') === key ||
                tokens(c.ur).join(' ') === key,
            );
      if (chosen) {
        flow.draft.category = chosen.code;
        advance(turn, flow);
      } else {
        say(turn, UI.invalidCategory);
        promptStep(turn, flow);
      }
      return;
    }
    case 'description':
      if (input.length < MIN_DESCRIPTION_CHARS || tokens(input).length < 3) {
        say(turn, UI.descriptionTooShort);
        return;
      }
      flow.draft.description = clip(input, MAX_DESCRIPTION_CHARS);
      advance(turn, flow);
      return;
    case 'location':
      if (!isSkip(input) && !isDone(input))
        appendToDescription(flow, `${UI.addressLabel[l]}: ${clip(input, MAX_ADDRESS_CHARS)}`);
      advance(turn, flow);
      return;
    case 'attachments':
      if (isDone(input) || isSkip(input) || isNo(input)) advance(turn, flow);
      else promptStep(turn, flow);
      return;
    case 'followUps':
      if (isYes(input) || isNo(input)) {
        flow.draft.optOutOfUpdates = isNo(input);
        advance(turn, flow);
      } else promptStep(turn, flow);
      return;
    case 'name':
      if (validName(input)) {
        flow.draft.name = input.trim();
        advance(turn, flow);
      } else say(turn, UI.invalidName);
      return;
    case 'confirm':
      if (isYes(input)) submit(turn, flow);
      else if (isNo(input)) {
        delete turn.session.flow;
        say(turn, UI.cancelled);
      } else {
        say(turn, UI.confirmAgain);
        promptStep(turn, flow);
      }
      return;
  }
};

const maxPriority = (a: Priority, b: Priority): Priority =>
  PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;

const submit = (turn: Turn, flow: ComplaintFlow): void => {
  const d = flow.draft;
  const citizen = turn.inbound.citizen;
  const category = d.category ? findCategory(d.category) : undefined;
  if (!d.district || !category || !d.description) {
    // Cannot happen through the steps; restart the missing one rather than file something incomplete.
    flow.step = !d.district ? 'district' : !category ? 'category' : 'description';
    promptStep(turn, flow);
    return;
  }
  const country = citizen.country?.toUpperCase();
  const overseas =
    flow.origin === 'overseas' ||
    (country ? country !== 'PK' : citizen.phone ? !citizen.phone.startsWith('+92') : false);
  const priority: Priority | undefined =
    flow.origin === 'zainab'
      ? 'urgent'
      : flow.origin === 'harassment'
        ? maxPriority(category.defaultPriority, 'high')
        : undefined;
  const draft: ComplaintDraft = {
    district: d.district,
    category: category.code,
    description: d.description,
    ...(d.location ? { location: d.location } : {}),
    attachments: d.attachments,
    complainant: {
      name: complainantName(turn, flow),
      ...(citizen.phone ? { phone: citizen.phone } : {}),
      whatsappId: citizen.id,
      overseas,
      ...(country ? { country } : {}),
    },
    language: turn.session.language,
    optOutOfUpdates: d.optOutOfUpdates ?? false,
    ...(priority ? { priority } : {}),
  };
  turn.commands.push({ kind: 'fileComplaint', draft });
  // The worker answers with renderFiled (e-tag) or renderFailure once the use case has run.
  delete turn.session.flow;
};

// ---------------------------------------------------------------- location and media

const handleLocation = (turn: Turn, message: Extract<InboundMessage, { kind: 'location' }>): void => {
  const flow = turn.session.flow;
  const valid =
    Number.isFinite(message.latitude) &&
    Number.isFinite(message.longitude) &&
    Math.abs(message.latitude) <= 90 &&
    Math.abs(message.longitude) <= 180;
  if (flow?.kind === 'complaint' && valid) {
    const address = [message.name, message.address].filter(Boolean).join(', ');
    flow.draft.location = {
      latitude: message.latitude,
      longitude: message.longitude,
      ...(address ? { address: clip(address, MAX_ADDRESS_CHARS) } : {}),
    };
    if (flow.step === 'location') advance(turn, flow);
    else {
      say(turn, UI.locationSaved);
      promptStep(turn, flow);
    }
    return;
  }
  if (flow?.kind === 'officeLookup') {
    say(turn, POLICE_OFFICES_TYPE_DISTRICT);
    return;
  }
  say(turn, UI.unsupported);
};

const POLICE_OFFICES_TYPE_DISTRICT: Bilingual = {
  en: 'Please type the name of your district, or pick your region from the list.',
  ur: 'براہِ کرم اپنے ضلع کا نام لکھیں یا فہرست سے اپنا ریجن منتخب کریں۔',
};

const handleMedia = (turn: Turn, message: Extract<InboundMessage, { kind: 'media' }>): void => {
  const flow = turn.session.flow;
  if (message.mediaKind === 'sticker') {
    say(turn, UI.unsupported);
    return;
  }
  if (flow?.kind === 'feedback') {
    say(turn, UI.feedbackNeedsText);
    return;
  }
  if (flow?.kind !== 'complaint') {
    say(turn, UI.mediaOutsideComplaint);
    return;
  }
  const l = lang(turn);
  const attachment: DraftAttachment = {
    kind: message.mediaKind,
    mediaId: message.mediaId,
    ...(message.mimeType ? { mimeType: message.mimeType } : {}),
  };
  const full = flow.draft.attachments.length >= MAX_ATTACHMENTS;
  if (!full && !flow.draft.attachments.some((a) => a.mediaId === attachment.mediaId)) {
    flow.draft.attachments.push(attachment);
  }
  const caption = message.caption?.trim() ?? '';
  switch (flow.step) {
    case 'description':
      if (caption.length >= MIN_DESCRIPTION_CHARS)
        flow.draft.description = clip(caption, MAX_DESCRIPTION_CHARS);
      else if (message.mediaKind === 'audio') flow.draft.description = UI.voiceNoteDescription[l];
      if (flow.draft.description) advance(turn, flow);
      else say(turn, UI.mediaNeedsText);
      return;
    case 'attachments':
      if (caption) appendToDescription(flow, caption);
      if (full) {
        turn.replies.push(
          ...buttons(fill(UI.attachmentsFull[l], MAX_ATTACHMENTS), [
            { id: 'done', title: UI.btnContinue[l] },
          ]),
        );
      } else {
        turn.replies.push(
          ...buttons(fill(UI.attachmentReceived[l], flow.draft.attachments.length, MAX_ATTACHMENTS), [
            { id: 'done', title: UI.btnContinue[l] },
          ]),
        );
      }
      return;
    default:
      // Evidence sent early (or late) is kept; the current question is asked again.
      if (caption) appendToDescription(flow, caption);
      sayText(turn, fill(UI.attachmentSaved[l], flow.draft.attachments.length, MAX_ATTACHMENTS));
      promptStep(turn, flow);
  }
};
