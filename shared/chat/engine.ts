/**
 * The conversation engine: (session, inbound message, now) → (new session, replies, commands).
 * Pure and deterministic: no clock, no randomness, no I/O. The worker loads the session, calls
 * `converse`, persists the session, sends the replies and executes the commands (see types.ts for which
 * commands the worker answers with which renderer).
 *
 * This module keeps the entry point, flood control and dispatch; each flow lives in flows/.
 */
import { suggestDistrictFor } from '../domain/district-boundaries.ts';
import { findDistrict } from '../domain/districts.ts';
import { ETAG_COMPACT_LENGTH, generateEtag } from '../domain/etag.ts';
import { serviceById, serviceByNumber } from './catalog.ts';
import type { Bilingual, ServiceId } from './catalog.ts';
import {
  MAX_ADDRESS_CHARS,
  complaintLocation,
  complaintReply,
  complaintText,
  promptStep,
  startComplaint,
} from './flows/complaint.ts';
import {
  askForInformationAnswer,
  dissatisfactionReason,
  dissatisfactionText,
  feedbackText,
  informationAnswerText,
  satisfactionAnswer,
  setUpdates,
} from './flows/feedback.ts';
import {
  addEvidenceMedia,
  addEvidenceText,
  addsToFiledComplaint,
  handleMedia,
  startAddEvidence,
} from './flows/media.ts';
import {
  answerHowTo,
  answerKhidmatItem,
  menuChoice,
  openService,
  showMenu,
  submenuChoice,
} from './flows/menu.ts';
import { answerOffice, officeLookupLocation, officeLookupText, showRegionPage } from './flows/office.ts';
import { WHATSAPP_LIMITS, buttons, clip } from './limits.ts';
import type { ReplyAction } from './reply-ids.ts';
import { parseReplyId, replyId } from './reply-ids.ts';
import { understand } from './intent.ts';
import type { Candidate, Intent } from './intent.ts';
import {
  detectLanguage,
  isCancel,
  isEmergency,
  isAcknowledgement,
  isAddEvidenceRequest,
  isGreeting,
  isMenuRequest,
  languageSwitch,
  menuNumber,
  tokens,
} from './text.ts';
import type { Turn } from './turn.ts';
import { lang, say, sayText } from './turn.ts';
import type { ChatSession, ConverseResult, InboundMessage, Language } from './types.ts';
import { UI, fill } from './ui.ts';

/** Flood control: more than this many messages inside the window → one notice, then silence. */
// A complaint filed in chat takes about ten messages; a person typing fast must not trip this, a script must.
export const FLOOD_MAX_MESSAGES = 20;
export const FLOOD_WINDOW_MS = 60_000;
/** Stickers, contact cards and unsupported messages get one short help reply per citizen per this long. */
export const HELP_NOTICE_MS = 10 * 60_000;
/** A menu left open this long no longer turns a bare "1" into a choice. */
export const MENU_IDLE_MS = 30 * 60_000;
/** An unfinished complaint or feedback is dropped after this long without a message. */
export const DRAFT_IDLE_MS = 24 * 3600_000;

/** A well-formed e-tag to show as an example, in whatever format the domain currently uses. */
const ETAG_EXAMPLE = generateEtag('LHR', (size) => Uint8Array.from({ length: size }, (_, i) => i * 37 + 11));

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
    // Stickers, reactions and the like are silenced anyway: only typed messages and taps earn the notice.
    const typed = inbound.kind === 'text' || inbound.kind === 'interactive' || inbound.kind === 'button';
    if (inbound.kind === 'text' && isEmergency(inbound.text)) say(turn, UI.emergency);
    else if (typed && (!s.floodNoticeAt || at.getTime() - Date.parse(s.floodNoticeAt) >= FLOOD_WINDOW_MS)) {
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
      handleReply(turn, parseReplyId(inbound.replyId));
      break;
    case 'button': {
      // A quick reply on a template: our own payloads are buttons; anything else is its visible text.
      const action = parseReplyId(inbound.payload);
      if (action) handleReply(turn, action);
      else handleText(turn, inbound.text || inbound.payload);
      break;
    }
    case 'location':
      handleLocation(turn, inbound, at);
      break;
    case 'media':
      // A sticker is not evidence: it is noise like a reaction, whatever flow is open. Other media belong
      // to the open flow; outside one, the pointer to "start a complaint" is throttled like any help.
      if (inbound.mediaKind === 'sticker') noiseHelp(turn, at);
      else if (s.flow?.kind === 'complaint' || s.flow?.kind === 'feedback') handleMedia(turn, inbound);
      else if (addsToFiledComplaint(s.flow, inbound)) addEvidenceMedia(turn, inbound);
      else noiseHelp(turn, at, UI.mediaOutsideComplaint);
      break;
    case 'system':
    case 'reaction':
    case 'group':
      // Not a question: a notice, a thumbs-up, or a group chat. Answering would only be noise.
      break;
    default:
      noiseHelp(turn, at);
  }
  if (turn.firstContact && !s.languageChosen && (turn.replies.length > 0 || turn.commands.length > 0)) {
    offerLanguageSwitch(turn);
  }
  return { session: s, replies: turn.replies, commands: turn.commands };
};

/** At most one short help per HELP_NOTICE_MS: a burst of stickers gets one answer, or none. */
const noiseHelp = (turn: Turn, at: Date, help: Bilingual = UI.unsupported): void => {
  const s = turn.session;
  const last = s.helpNoticeAt ? Date.parse(s.helpNoticeAt) : Number.NaN;
  if (!Number.isNaN(last) && Math.abs(at.getTime() - last) < HELP_NOTICE_MS) return;
  s.helpNoticeAt = at.toISOString();
  say(turn, help);
};

const expireIdleFlow = (s: ChatSession, at: Date): void => {
  if (!s.flow) return;
  const idle = at.getTime() - Date.parse(s.lastInboundAt);
  const inputFlow =
    s.flow.kind === 'complaint' || s.flow.kind === 'feedback' || s.flow.kind === 'satisfactionReason';
  if (idle > (inputFlow ? DRAFT_IDLE_MS : MENU_IDLE_MS)) delete s.flow;
};

const setLanguage = (turn: Turn, language: Language): void => {
  const s = turn.session;
  s.language = language;
  s.languageChosen = true;
  say(turn, UI.languageSet);
  if (s.flow?.kind === 'complaint') promptStep(turn, s.flow);
  else showMenu(turn, false);
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
    setLanguage(turn, switchTo);
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
  if (flow?.kind === 'addEvidence' && addEvidenceText(turn, input)) return;
  if (isAddEvidenceRequest(input)) {
    startAddEvidence(turn, input);
    return;
  }
  if (flow?.kind === 'feedback') {
    // A bare number is a menu choice, never feedback: the citizen changed their mind.
    if (menuNumber(input) !== undefined) delete s.flow;
    else if (!isShortCommand(input)) {
      feedbackText(turn, input);
      return;
    }
  }
  if (flow?.kind === 'informationAnswer' && !isShortCommand(input)) {
    informationAnswerText(turn, flow, input);
    return;
  }
  if (flow?.kind === 'satisfactionReason') {
    dissatisfactionText(turn, flow, input);
    return;
  }
  if (flow?.kind === 'officeLookup' && menuNumber(input) === undefined && !isGreeting(input)) {
    const understood = understand(input);
    const asksElse = understood.intent !== undefined && understood.intent !== 'service:policeOffices';
    if (!asksElse) {
      officeLookupText(turn, input);
      return;
    }
  }
  if (flow?.kind === 'submenu') {
    const n = menuNumber(input);
    if (n !== undefined && submenuChoice(turn, n)) return;
  }
  if (flow?.kind === 'menu') {
    const n = menuNumber(input);
    if (n !== undefined) {
      menuChoice(turn, n);
      return;
    }
  }
  globalText(turn, input, emergency);
};

/** Words that mean "do something else" even while a flow waits for free text. */
const isShortCommand = (input: string): boolean => {
  const words = tokens(input).length;
  return words <= 3 && (understand(input).intent === 'track' || (isGreeting(input) && words <= 2));
};

/** No flow claimed the message: understand what it asks for, and answer it (first contact: welcome first). */
const globalText = (turn: Turn, input: string, emergency: boolean): void => {
  const n = menuNumber(input);
  if (n !== undefined) {
    // A bare "1" or "0" outside the menu is a greeting; other numbers pick their service directly.
    const service = serviceByNumber(n);
    if (n === 1 || n === 0 || !service) showMenu(turn, turn.firstContact || n === 1);
    else {
      welcomeFirst(turn);
      openService(turn, service.id);
    }
    return;
  }
  if (isAcknowledgement(input) && !turn.firstContact) {
    say(turn, UI.acknowledged);
    return;
  }
  const understood = understand(input);
  if (!understood.etag && looksLikeEtagAttempt(input)) {
    welcomeFirst(turn);
    sayText(turn, fill(UI.invalidEtag[lang(turn)], ETAG_EXAMPLE));
    return;
  }
  if (understood.intent === 'menu') {
    showMenu(turn, true);
    return;
  }
  if (understood.intent) {
    welcomeFirst(turn);
    handleReply(turn, intentAction(turn, understood.intent, understood.etag));
    return;
  }
  if (emergency && understood.candidates.length === 0) {
    // The warning already went out; a menu of services would only get in the way.
    say(turn, UI.backToMenu);
    return;
  }
  if (turn.firstContact && understood.candidates.length === 0) {
    showMenu(turn, true);
    return;
  }
  welcomeFirst(turn);
  askDidYouMean(turn, understood.candidates);
};

/** The one-line welcome before the answer to a citizen's very first message. */
const welcomeFirst = (turn: Turn): void => {
  if (turn.firstContact) say(turn, UI.welcomeLine);
};

/**
 * The first reply always offers the other language with one tap: the switch button goes on the first
 * short text of the reply, or on a button message that has room, or comes as its own message.
 */
const offerLanguageSwitch = (turn: Turn): void => {
  const l = lang(turn);
  const button = {
    id: replyId({ kind: 'language', language: l === 'en' ? 'ur' : 'en' }),
    title: UI.btnOtherLanguage[l],
  };
  const index = turn.replies.findIndex(
    (r) =>
      (r.kind === 'text' && r.body.length <= WHATSAPP_LIMITS.buttonsBody) ||
      (r.kind === 'buttons' && r.buttons.length < WHATSAPP_LIMITS.buttons),
  );
  const target = turn.replies[index];
  if (target?.kind === 'text')
    turn.replies[index] = { kind: 'buttons', body: target.body, buttons: [button] };
  else if (target?.kind === 'buttons') target.buttons.push(button);
  else turn.replies.push(...buttons(UI.languageOffer[l], [button]));
};

/** What a recognised intent does: the same action its button would have. */
const intentAction = (turn: Turn, intent: Intent, etag: string | undefined): ReplyAction => {
  if (intent.startsWith('service:'))
    return { kind: 'service', service: intent.slice('service:'.length) as ServiceId };
  switch (intent) {
    case 'complaint': {
      const flow = turn.session.flow;
      const last = flow?.kind === 'menu' ? flow.lastService : undefined;
      return { kind: 'complain', origin: (last && serviceById(last).complaintOrigin) || 'general' };
    }
    case 'track':
      return etag ? { kind: 'track', etag } : { kind: 'track' };
    case 'licence':
    case 'fir':
      return { kind: 'howTo', topic: intent };
    case 'language:en':
    case 'language:ur':
      return { kind: 'language', language: intent === 'language:en' ? 'en' : 'ur' };
    case 'optOut':
    case 'optIn':
      return { kind: 'updates', optOut: intent === 'optOut' };
    case 'help':
      return { kind: 'help' };
    case 'human':
      return { kind: 'person' };
    case 'thanks':
      return { kind: 'thanks' };
    default:
      return { kind: 'menu' };
  }
};

const INTENT_BUTTON: Partial<Record<Intent, Bilingual>> = {
  menu: UI.btnMenu,
  complaint: UI.btnFileComplaint,
  track: UI.btnTrack,
  licence: UI.btnLicence,
  fir: UI.btnFirHowTo,
  help: UI.btnHelp,
  human: UI.btnPerson,
  optOut: UI.btnStopUpdates,
  optIn: UI.btnStartUpdates,
  thanks: UI.btnThanks,
  'language:en': UI.btnEnglish,
  'language:ur': UI.btnUrdu,
};

const intentLabel = (intent: Intent, language: Language): string => {
  if (intent.startsWith('service:')) {
    const service = serviceById(intent.slice('service:'.length) as ServiceId);
    return (service.button ?? service.title)[language];
  }
  return INTENT_BUTTON[intent]?.[language] ?? UI.btnMenu[language];
};

/** Not sure: "Did you mean …?" with the likeliest intents, then the usual ones, as buttons. */
const askDidYouMean = (turn: Turn, candidates: readonly Candidate[]): void => {
  const l = lang(turn);
  const intents: Intent[] = [];
  for (const intent of [...candidates.map((c) => c.intent), 'complaint', 'track', 'menu'] as Intent[]) {
    if (!intents.includes(intent) && intents.length < WHATSAPP_LIMITS.buttons) intents.push(intent);
  }
  turn.replies.push(
    ...buttons(
      UI.didYouMean[l],
      intents.map((intent) => ({
        id: replyId(intentAction(turn, intent, undefined)),
        title: intentLabel(intent, l),
      })),
    ),
  );
};

/** Three letters, then symbols with digits, as long as an e-tag: someone typed one, but it does not check out. */
const looksLikeEtagAttempt = (input: string): boolean => {
  const compact = input.trim().replace(/[\s\-_.]/g, '');
  return compact.length === ETAG_COMPACT_LENGTH && /^[a-z]{3}[0-9a-z]+$/i.test(compact) && /\d/.test(compact);
};

// ---------------------------------------------------------------- buttons and list rows

/** A tapped button or list row, already parsed. Undefined = an id we never built: back to the menu. */
const handleReply = (turn: Turn, action: ReplyAction | undefined): void => {
  const s = turn.session;
  const flow = s.flow;
  if (!action) {
    staleReply(turn);
    return;
  }
  if (flow?.kind === 'complaint' && complaintReply(turn, flow, action)) return;
  switch (action.kind) {
    case 'menu':
      showMenu(turn, false);
      return;
    case 'help':
      say(turn, UI.help);
      return;
    case 'person':
      say(turn, UI.person);
      return;
    case 'thanks':
      say(turn, UI.thanks);
      return;
    case 'service':
      openService(turn, action.service);
      return;
    case 'howTo':
      answerHowTo(turn, action.topic);
      return;
    case 'khidmatItem':
      answerKhidmatItem(turn, action.item);
      return;
    case 'language':
      setLanguage(turn, action.language);
      return;
    case 'complain':
      startComplaint(turn, action.origin);
      return;
    case 'track':
      turn.commands.push(
        action.etag ? { kind: 'trackComplaints', etag: action.etag } : { kind: 'trackComplaints' },
      );
      return;
    case 'satisfaction':
      satisfactionAnswer(turn, action.etag, action.satisfied);
      return;
    case 'answerRequest':
      askForInformationAnswer(turn, action.etag);
      return;
    case 'updates':
      setUpdates(turn, action.optOut, action.etag);
      return;
    case 'regions':
    case 'region':
      if (flow?.kind === 'officeLookup') {
        showRegionPage(turn, action.kind === 'region' ? action.region : undefined, action.page);
        return;
      }
      break;
    case 'district': {
      const district = findDistrict(action.district);
      if (district) {
        answerOffice(turn, district);
        return;
      }
      break;
    }
    case 'skip':
      if (flow?.kind === 'satisfactionReason') {
        dissatisfactionReason(turn, flow, undefined);
        return;
      }
      break;
    default:
      break;
  }
  staleReply(turn);
};

/** A button whose flow has ended (or that we do not know): the complaint re-asks its question, else the menu. */
const staleReply = (turn: Turn): void => {
  const flow = turn.session.flow;
  if (flow?.kind === 'complaint') promptStep(turn, flow);
  else showMenu(turn, false);
};

// ---------------------------------------------------------------- location

const handleLocation = (
  turn: Turn,
  message: Extract<InboundMessage, { kind: 'location' }>,
  at: Date,
): void => {
  const flow = turn.session.flow;
  const valid =
    Number.isFinite(message.latitude) &&
    Number.isFinite(message.longitude) &&
    Math.abs(message.latitude) <= 90 &&
    Math.abs(message.longitude) <= 180;
  if (flow?.kind === 'complaint' && valid) {
    const address = [message.name, message.address].filter(Boolean).join(', ');
    const point = { latitude: message.latitude, longitude: message.longitude };
    complaintLocation(
      turn,
      flow,
      { ...point, ...(address ? { address: clip(address, MAX_ADDRESS_CHARS) } : {}) },
      suggestDistrictFor(point),
    );
    return;
  }
  if (flow?.kind === 'officeLookup') {
    officeLookupLocation(turn);
    return;
  }
  noiseHelp(turn, at);
};
