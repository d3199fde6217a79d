/**
 * The main menu and the 15 services: information answers, the Khidmat Markaz sub-menu, and the services
 * that open a flow (police offices, Zainab Alert, feedback, complaint buttons). Services are addressed by
 * id; the menu number is only how the citizen types them.
 */
import {
  DRIVING_LICENCE,
  KHIDMAT_SERVICES,
  REGISTER_FIR,
  SERVICES,
  serviceById,
  serviceByNumber,
} from '../catalog.ts';
import type { KhidmatItemId, Service, ServiceId } from '../catalog.ts';
import { buttons } from '../limits.ts';
import type { HowTo } from '../reply-ids.ts';
import { replyId } from '../reply-ids.ts';
import type { Turn } from '../turn.ts';
import { lang, say, sayText } from '../turn.ts';
import { UI } from '../ui.ts';
import { startComplaint } from './complaint.ts';
import { openFeedback } from './feedback.ts';
import { openOfficeLookup } from './office.ts';

export const showMenu = (turn: Turn, greet: boolean): void => {
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
      ? [{ id: replyId({ kind: 'howTo', topic: 'fir' }), title: UI.btnFirHowTo[l] }]
      : service.id === 'igComplaintCell'
        ? [{ id: replyId({ kind: 'track' }), title: UI.btnMyComplaints[l] }]
        : [];
  turn.replies.push(
    ...buttons(body, [
      { id: replyId({ kind: 'complain', origin: service.complaintOrigin ?? 'general' }), title: file },
      ...second,
      { id: replyId({ kind: 'menu' }), title: UI.btnMenu[l] },
    ]),
  );
};

export const openService = (turn: Turn, id: ServiceId): void => {
  const service = serviceById(id);
  const s = turn.session;
  const l = lang(turn);
  const body = service.body[l];
  s.flow = { kind: 'menu', lastService: id };
  switch (service.id) {
    case 'khidmatMarkaz': {
      const items = KHIDMAT_SERVICES.map((item, i) => `*${i + 1}.* ${item.title[l]}`).join('\n');
      s.flow = { kind: 'submenu', menu: 'khidmat' };
      sayText(turn, `${body}\n${items}\n\n${UI.backToMenu[l]}`);
      return;
    }
    case 'policeOffices':
      openOfficeLookup(turn, body);
      return;
    case 'zainabAlert':
      // Order matters: the calls to 15 and 1099 come before any question.
      sayText(turn, body);
      startComplaint(turn, 'zainab', false);
      return;
    case 'feedback':
      openFeedback(turn, body);
      return;
    default:
      if (service.complaintOrigin) withComplaintButtons(turn, body, service);
      else sayText(turn, `${body}\n\n${UI.backToMenu[l]}`);
  }
};

/** A typed number while the main menu is open. */
export const menuChoice = (turn: Turn, n: number): void => {
  const service = serviceByNumber(n);
  if (service) openService(turn, service.id);
  else say(turn, UI.menuRange);
};

export const answerHowTo = (turn: Turn, topic: HowTo): void => {
  const l = lang(turn);
  const body = topic === 'fir' ? REGISTER_FIR : DRIVING_LICENCE;
  sayText(turn, `${body[l]}\n\n${UI.backToMenu[l]}`);
};

export const answerKhidmatItem = (turn: Turn, id: KhidmatItemId): void => {
  const item = KHIDMAT_SERVICES.find((candidate) => candidate.id === id);
  if (!item) return showMenu(turn, false);
  sayText(turn, `${item.body[lang(turn)]}\n\n${UI.submenuFooter[lang(turn)]}`);
};

/** A typed number while the Khidmat Markaz sub-menu is open; false when it names no item. */
export const submenuChoice = (turn: Turn, n: number): boolean => {
  const item = KHIDMAT_SERVICES[n - 1];
  if (!item) return false;
  answerKhidmatItem(turn, item.id);
  return true;
};
