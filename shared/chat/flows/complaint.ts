/**
 * Filing a complaint in chat: district → category → description → location → attachments → follow-up
 * messages → name → confirm (Zainab Alert asks the child's details first). Each step has a prompt, a
 * typed-answer reader and, where the prompt has buttons, a button handler.
 */
import { CATEGORIES, findCategory } from '../../domain/categories.ts';
import type { Category } from '../../domain/categories.ts';
import type { DistrictSuggestion } from '../../domain/district-locator.ts';
import { findDistrict } from '../../domain/districts.ts';
import type { District } from '../../domain/districts.ts';
import type { CategoryCode, Priority } from '../../domain/vocabulary.ts';
import { PRIORITIES } from '../../domain/vocabulary.ts';
import { ORIGIN_CATEGORIES } from '../catalog.ts';
import { guessCategory } from '../category-lexicon.ts';
import { WHATSAPP_LIMITS, buttons, clip, list, pagedRows, row } from '../limits.ts';
import type { ReplyAction } from '../reply-ids.ts';
import { replyId } from '../reply-ids.ts';
import { isDone, isNo, isSkip, isYes, menuNumber, tokens } from '../text.ts';
import type { Turn } from '../turn.ts';
import { lang, say, sayText } from '../turn.ts';
import type {
  ComplaintDraft,
  ComplaintFlowDraft,
  ComplaintOrigin,
  ComplaintStep,
  DraftLocation,
  FlowState,
  OutgoingMessage,
} from '../types.ts';
import { UI, fill } from '../ui.ts';
import { regionList, resolveTypedDistrict, showRegionPage } from './office.ts';

export const MAX_ATTACHMENTS = 5;
/** Same bounds as the complaint schema (shared/domain/complaint.ts), so a filed draft never fails on them. */
export const MIN_DESCRIPTION_CHARS = 20;
export const MAX_DESCRIPTION_CHARS = 5000;
export const MAX_ADDRESS_CHARS = 300;
const MAX_NAME_CHARS = 100;

export type ComplaintFlow = Extract<FlowState, { kind: 'complaint' }>;

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

/** What a citizen should do at once besides complaining, for the categories where time matters. */
const adviseOn = (turn: Turn, category: CategoryCode): void => {
  if (category === 'missing_person') say(turn, UI.missingPersonAdvice);
};

export const startComplaint = (turn: Turn, origin: ComplaintOrigin, intro = true): void => {
  const draft: ComplaintFlowDraft = { attachments: [] };
  const options = categoriesFor(origin);
  if (options.length === 1 && options[0]) draft.category = options[0].code;
  // "meri motorcycle chori ho gayi": the message that asked to complain may already say what about.
  const named =
    !draft.category && turn.inbound.kind === 'text' ? guessCategory(turn.inbound.text, options) : undefined;
  if (named) draft.category = named.code;
  const first = STEPS[origin][0] ?? 'district';
  const flow: ComplaintFlow = { kind: 'complaint', origin, step: first, draft };
  turn.session.flow = flow;
  if (intro) say(turn, origin === 'harassment' ? UI.harassmentIntro : UI.complaintIntro);
  if (named) sayText(turn, fill(UI.categorySet[lang(turn)], named[lang(turn)]));
  if (named) adviseOn(turn, named.code);
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
    case 'location':
      // A location shared earlier (e.g. in answer to the district question) answers this one.
      return !d.location;
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
export const advance = (turn: Turn, flow: ComplaintFlow): void => {
  const steps = STEPS[flow.origin];
  const from = steps.indexOf(flow.step);
  const next = steps.slice(from + 1).find((step) => stepNeeded(turn, flow, step)) ?? 'confirm';
  flow.step = next;
  promptStep(turn, flow);
};

export const promptStep = (turn: Turn, flow: ComplaintFlow): void => {
  const l = lang(turn);
  const child = flow.origin === 'zainab';
  const sensitive = flow.origin === 'harassment';
  if (flow.step === 'district' && flow.draft.pendingSuggestion && !flow.districtCheck) {
    flow.districtCheck = flow.draft.pendingSuggestion;
    delete flow.draft.pendingSuggestion;
  }
  if (flow.districtCheck) {
    askDistrictCheck(turn, flow, flow.districtCheck);
    return;
  }
  switch (flow.step) {
    case 'district':
      say(turn, child ? UI.askDistrictChild : UI.askDistrict);
      turn.replies.push(regionList(turn, 0));
      return;
    case 'category': {
      const options = categoriesFor(flow.origin);
      const numbered = options.map((c, i) => `*${i + 1}.* ${c[l]}`).join('\n');
      const question = (sensitive ? UI.askCategorySensitive : UI.askCategory)[l];
      turn.replies.push(categoryList(turn, flow, `${question}\n\n${numbered}`, 0));
      return;
    }
    case 'description':
      say(turn, child ? UI.askChildDetails : sensitive ? UI.askDescriptionSensitive : UI.askDescription);
      return;
    case 'location':
      turn.replies.push(
        ...buttons((child ? UI.askLocationChild : UI.askLocation)[l], [
          { id: replyId({ kind: 'skip' }), title: UI.btnSkip[l] },
        ]),
      );
      return;
    case 'attachments':
      turn.replies.push(
        ...buttons(fill((child ? UI.askAttachmentsChild : UI.askAttachments)[l], MAX_ATTACHMENTS), [
          { id: replyId({ kind: 'done' }), title: UI.btnContinue[l] },
        ]),
      );
      return;
    case 'followUps':
      turn.replies.push(
        ...buttons(UI.askFollowUps[l], [
          { id: replyId({ kind: 'followUps', wanted: true }), title: UI.btnUpdatesYes[l] },
          { id: replyId({ kind: 'followUps', wanted: false }), title: UI.btnUpdatesNo[l] },
        ]),
      );
      return;
    case 'name':
      say(turn, UI.askName);
      return;
    case 'confirm':
      turn.replies.push(
        ...buttons(confirmSummary(turn, flow), [
          { id: replyId({ kind: 'confirm', submit: true }), title: UI.btnSubmit[l] },
          { id: replyId({ kind: 'confirm', submit: false }), title: UI.btnCancel[l] },
        ]),
      );
      return;
  }
};

// ---------------------------------------------------------------- district from a shared location

/** What each button of the district question stands for, in order: a district code, or "another district". */
const districtCheckChoices = (flow: ComplaintFlow, check: DistrictSuggestion): (string | 'other')[] => {
  const chosen = flow.draft.district;
  const second = chosen && chosen !== check.district ? chosen : check.alternatives[0];
  return [check.district, ...(second ? [second] : []), 'other'];
};

const districtName = (code: string, l: 'en' | 'ur'): string => findDistrict(code)?.[l] ?? code;

/** "Is this in Lahore?" (or "…but you chose Multan"), with a button per answer; typed 1/2/3 work too. */
const askDistrictCheck = (turn: Turn, flow: ComplaintFlow, check: DistrictSuggestion): void => {
  const l = lang(turn);
  const chosen = flow.draft.district;
  const suggested = districtName(check.district, l);
  const question =
    chosen && chosen !== check.district
      ? fill(UI.locationDistrictDiffers[l], suggested, districtName(chosen, l))
      : fill(UI.locationDistrictQuestion[l], suggested);
  const others = check.alternatives.filter((code) => code !== chosen).map((code) => districtName(code, l));
  const maybe = others.length
    ? `\n${fill(UI.locationDistrictMaybe[l], others.join(l === 'ur' ? '، ' : ', '))}`
    : '';
  const choices = districtCheckChoices(flow, check);
  turn.replies.push(
    ...buttons(
      `${question}${maybe}\n${UI.locationDistrictReply[l]}`,
      choices.map((choice, i) =>
        choice === 'other'
          ? { id: replyId({ kind: 'regions', page: 0 }), title: UI.btnOtherDistrict[l] }
          : {
              id: replyId({ kind: 'district', district: choice }),
              title:
                i === 0
                  ? fill(UI.btnYesDistrict[l], districtName(choice, l))
                  : choice === chosen
                    ? fill(UI.btnKeepDistrict[l], districtName(choice, l))
                    : districtName(choice, l),
            },
      ),
    ),
  );
};

/** The district question answered with a district: it is the complaint's; the flow goes on where it was. */
const answerDistrictCheck = (turn: Turn, flow: ComplaintFlow, district: District): void => {
  delete flow.districtCheck;
  flow.draft.district = district.code;
  sayText(turn, fill(UI.districtSet[lang(turn)], district[lang(turn)]));
  if (flow.step === 'district' || flow.step === 'location') advance(turn, flow);
  else promptStep(turn, flow);
};

/** "Another district": back to the district question with the region list. */
const declineDistrictCheck = (turn: Turn, flow: ComplaintFlow): void => {
  delete flow.districtCheck;
  flow.step = 'district';
  promptStep(turn, flow);
};

const districtCheckText = (
  turn: Turn,
  flow: ComplaintFlow,
  check: DistrictSuggestion,
  input: string,
): void => {
  const choices = districtCheckChoices(flow, check);
  const n = menuNumber(input);
  // Yes = the location's district; no = keep the one chosen before, or (none chosen) pick another.
  const noChoice =
    flow.draft.district && flow.draft.district !== check.district ? flow.draft.district : 'other';
  const choice =
    n !== undefined ? choices[n - 1] : isYes(input) ? check.district : isNo(input) ? noChoice : undefined;
  const district = choice && choice !== 'other' ? findDistrict(choice) : undefined;
  if (district) answerDistrictCheck(turn, flow, district);
  else if (choice === 'other') declineDistrictCheck(turn, flow);
  else
    // A typed district name answers too; anything else re-asks.
    resolveTypedDistrict(turn, input, (typed) => answerDistrictCheck(turn, flow, typed));
};

/** Whether the chosen district already agrees with what the location suggests. */
const agrees = (district: string | undefined, suggestion: DistrictSuggestion): boolean =>
  district !== undefined && (district === suggestion.district || suggestion.alternatives.includes(district));

/** The categories as a list (paged with "More…" when there are more than one list holds). */
const categoryList = (turn: Turn, flow: ComplaintFlow, body: string, page: number): OutgoingMessage => {
  const l = lang(turn);
  const rows = pagedRows(
    categoriesFor(flow.origin).map((c, i) =>
      row(replyId({ kind: 'category', category: c.code }), `${i + 1}. ${c[l]}`),
    ),
    page,
    (next) => row(replyId({ kind: 'categories', page: next }), UI.more[l]),
  );
  return list(body, UI.pickCategoryButton[l], UI.categoriesSection[l], rows);
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

export const appendToDescription = (flow: ComplaintFlow, addition: string): void => {
  const current = flow.draft.description ?? '';
  flow.draft.description = clip(current ? `${current}\n${addition}` : addition, MAX_DESCRIPTION_CHARS);
};

const cancelComplaint = (turn: Turn): void => {
  delete turn.session.flow;
  say(turn, UI.cancelled);
};

/** Long enough to tell the police what happened (the complaint schema's lower bound, and a few words). */
const isDescription = (input: string): boolean =>
  input.length >= MIN_DESCRIPTION_CHARS && tokens(input).length >= 3;

/** A typed message while the complaint flow waits for an answer. */
export const complaintText = (turn: Turn, flow: ComplaintFlow, input: string): void => {
  const l = lang(turn);
  if (flow.districtCheck) {
    districtCheckText(turn, flow, flow.districtCheck, input);
    return;
  }
  switch (flow.step) {
    case 'district':
      resolveTypedDistrict(turn, input, (district) => setDistrict(turn, flow, district));
      return;
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
      // An answer in the citizen's own words: the category it names, and the story kept as the description.
      const named = chosen ? undefined : guessCategory(input, options);
      const story = !chosen && !flow.draft.description && isDescription(input);
      if (story) flow.draft.description = clip(input, MAX_DESCRIPTION_CHARS);
      if (named) sayText(turn, fill(UI.categorySet[l], named[l]));
      const category = chosen ?? named;
      if (category) {
        flow.draft.category = category.code;
        adviseOn(turn, category.code);
        advance(turn, flow);
      } else {
        say(turn, story ? UI.descriptionKeptChooseCategory : UI.invalidCategory);
        promptStep(turn, flow);
      }
      return;
    }
    case 'description':
      if (!isDescription(input)) {
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
    case 'followUps': {
      const answer = buttonAnswer(input);
      if (answer !== undefined) {
        flow.draft.optOutOfUpdates = !answer;
        advance(turn, flow);
      } else promptStep(turn, flow);
      return;
    }
    case 'name':
      if (validName(input)) {
        flow.draft.name = input.trim();
        advance(turn, flow);
      } else say(turn, UI.invalidName);
      return;
    case 'confirm': {
      const answer = buttonAnswer(input);
      if (answer === true) submit(turn, flow);
      else if (answer === false) cancelComplaint(turn);
      else {
        say(turn, UI.confirmAgain);
        promptStep(turn, flow);
      }
      return;
    }
  }
};

/**
 * A typed answer to a yes/no question asked with two buttons (yes first): the words, or the button's number,
 * as citizens whose WhatsApp shows no buttons, or who are used to the numbered menu, type it.
 */
const buttonAnswer = (input: string): boolean | undefined => {
  const n = menuNumber(input);
  if (n === 1 || isYes(input)) return true;
  if (n === 2 || isNo(input)) return false;
  return undefined;
};

/**
 * A button or list row tapped while the complaint flow is open. Returns false when the action is not the
 * complaint's (the engine handles it). A button from an earlier step re-asks the current question.
 */
export const complaintReply = (turn: Turn, flow: ComplaintFlow, action: ReplyAction): boolean => {
  switch (action.kind) {
    case 'regions':
      if (flow.districtCheck) declineDistrictCheck(turn, flow);
      else showRegionPage(turn, undefined, action.page);
      return true;
    case 'region':
      showRegionPage(turn, action.region, action.page);
      return true;
    case 'district': {
      const district = findDistrict(action.district);
      if (district && flow.districtCheck) answerDistrictCheck(turn, flow, district);
      else if (district && flow.step === 'district') setDistrict(turn, flow, district);
      else promptStep(turn, flow);
      return true;
    }
    case 'categories':
      if (flow.step === 'category')
        turn.replies.push(categoryList(turn, flow, UI.pickCategoryButton[lang(turn)], action.page));
      else promptStep(turn, flow);
      return true;
    case 'category': {
      const category = categoriesFor(flow.origin).find((c) => c.code === action.category);
      if (category && flow.step === 'category') {
        flow.draft.category = category.code;
        advance(turn, flow);
      } else promptStep(turn, flow);
      return true;
    }
    case 'skip':
    case 'done':
      if (flow.step === 'location' || flow.step === 'attachments') advance(turn, flow);
      else promptStep(turn, flow);
      return true;
    case 'followUps':
      if (flow.step === 'followUps') {
        flow.draft.optOutOfUpdates = !action.wanted;
        advance(turn, flow);
      } else promptStep(turn, flow);
      return true;
    case 'confirm':
      if (!action.submit) cancelComplaint(turn);
      else if (flow.step === 'confirm') submit(turn, flow);
      else promptStep(turn, flow);
      return true;
    default:
      return false;
  }
};

/**
 * A shared location: kept for the complaint; it answers the location question when that is asked. The
 * district it lies in (`suggestion`, from the boundary lookup) is offered for the citizen to confirm: at once
 * when the district is being asked or a different one was chosen, else when the district question comes.
 */
export const complaintLocation = (
  turn: Turn,
  flow: ComplaintFlow,
  location: DraftLocation,
  suggestion: DistrictSuggestion | undefined,
): void => {
  const d = flow.draft;
  d.location = location;
  delete d.pendingSuggestion;
  if (suggestion && !agrees(d.district, suggestion)) {
    if (d.district || flow.step === 'district') {
      flow.districtCheck = suggestion;
      promptStep(turn, flow);
      return;
    }
    d.pendingSuggestion = suggestion;
  }
  if (flow.step === 'location') advance(turn, flow);
  else {
    say(turn, flow.step === 'district' && !suggestion ? UI.locationNoDistrict : UI.locationSaved);
    promptStep(turn, flow);
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
