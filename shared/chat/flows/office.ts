/**
 * Police offices (service 7): the citizen types a district or picks region → district from lists, and
 * gets that district's offices. The region/district pickers are shared with the complaint flow.
 */
import { REGIONS, districtsOfRegion, findRegion } from '../../domain/districts.ts';
import type { District } from '../../domain/districts.ts';
import { officeAnswer } from '../catalog.ts';
import { matchDistricts } from '../district-match.ts';
import { WHATSAPP_LIMITS, buttons, list, pagedRows, row } from '../limits.ts';
import { replyId } from '../reply-ids.ts';
import type { Turn } from '../turn.ts';
import { lang, say, sayText } from '../turn.ts';
import type { OutgoingMessage } from '../types.ts';
import { UI } from '../ui.ts';

export const regionList = (turn: Turn, page: number): OutgoingMessage => {
  const l = lang(turn);
  const rows = pagedRows(
    REGIONS.map((r) => row(replyId({ kind: 'region', region: r.code, page: 0 }), r[l])),
    page,
    (next) => row(replyId({ kind: 'regions', page: next }), UI.more[l]),
  );
  return list(UI.pickRegionButton[l], UI.pickRegionButton[l], UI.regionsSection[l], rows);
};

const districtList = (turn: Turn, regionCode: string, page: number): OutgoingMessage => {
  const l = lang(turn);
  const rows = pagedRows(
    districtsOfRegion(regionCode).map((d) => row(replyId({ kind: 'district', district: d.code }), d[l])),
    page,
    (next) => row(replyId({ kind: 'region', region: regionCode, page: next }), UI.more[l]),
  );
  return list(UI.pickDistrictOfRegion[l], UI.pickDistrictButton[l], UI.districtsSection[l], rows);
};

/** A region row or a "More…" row was tapped: show the next list. */
export const showRegionPage = (turn: Turn, regionCode: string | undefined, page: number): void => {
  const region = regionCode === undefined ? undefined : findRegion(regionCode);
  turn.replies.push(region ? districtList(turn, region.code, page) : regionList(turn, regionCode ? 0 : page));
};

export const askWhichDistrict = (turn: Turn, candidates: readonly District[]): void => {
  const l = lang(turn);
  turn.replies.push(
    ...buttons(
      UI.districtWhich[l],
      candidates
        .slice(0, WHATSAPP_LIMITS.buttons)
        .map((d) => ({ id: replyId({ kind: 'district', district: d.code }), title: d[l] })),
    ),
  );
};

/** Typed district name: exactly one match → `onFound`; several → ask which; none → the region list. */
export const resolveTypedDistrict = (
  turn: Turn,
  input: string,
  onFound: (district: District) => void,
): void => {
  const found = matchDistricts(input);
  if (found.length === 1 && found[0]) onFound(found[0]);
  else if (found.length > 1) askWhichDistrict(turn, found);
  else {
    say(turn, UI.districtNotFound);
    turn.replies.push(regionList(turn, 0));
  }
};

export const openOfficeLookup = (turn: Turn, intro: string): void => {
  turn.session.flow = { kind: 'officeLookup' };
  sayText(turn, intro);
  turn.replies.push(regionList(turn, 0));
};

export const answerOffice = (turn: Turn, district: District): void => {
  turn.session.flow = { kind: 'menu', lastService: 'policeOffices' };
  sayText(
    turn,
    `${officeAnswer(district, findRegion(district.region), lang(turn))}\n\n${UI.backToMenu[lang(turn)]}`,
  );
};

export const officeLookupText = (turn: Turn, input: string): void => {
  resolveTypedDistrict(turn, input, (district) => answerOffice(turn, district));
};

/** A shared location cannot name a district reliably: ask for the name instead. */
export const officeLookupLocation = (turn: Turn): void => {
  say(turn, UI.typeDistrict);
};
