/**
 * Reply ids: the `id` of every button and list row the bot sends, and what each one means when the
 * citizen taps it. This module is the only place that writes or reads the id strings, so a button always
 * comes back as the action it was built from (never re-read as typed text). Ids are ≤ 200 characters
 * (Meta's limit) and survive as plain strings in the chat history, so the format is stable.
 */
import { parseEtag } from '../domain/etag.ts';
import type { KhidmatItemId, ServiceId } from './catalog.ts';
import { KHIDMAT_SERVICES, SERVICES } from './catalog.ts';
import type { ComplaintOrigin, Language } from './types.ts';

export type HowTo = 'fir' | 'licence';

export type ReplyAction =
  | { kind: 'menu' }
  | { kind: 'help' }
  /** "Talk to a person": who to call, since this chat has no live agent. */
  | { kind: 'person' }
  | { kind: 'thanks' }
  | { kind: 'service'; service: ServiceId }
  | { kind: 'howTo'; topic: HowTo }
  | { kind: 'khidmatItem'; item: KhidmatItemId }
  | { kind: 'language'; language: Language }
  | { kind: 'complain'; origin: ComplaintOrigin }
  | { kind: 'track'; etag?: string }
  | { kind: 'satisfaction'; satisfied: boolean; etag: string }
  | { kind: 'answerRequest'; etag: string }
  | { kind: 'updates'; optOut: boolean; etag?: string }
  /** Page of the region list. */
  | { kind: 'regions'; page: number }
  /** Page of one region's district list. */
  | { kind: 'region'; region: string; page: number }
  | { kind: 'district'; district: string }
  | { kind: 'category'; category: string }
  | { kind: 'skip' }
  | { kind: 'done' }
  | { kind: 'confirm'; submit: boolean }
  | { kind: 'followUps'; wanted: boolean };

const ORIGINS: readonly ComplaintOrigin[] = ['crime', 'ig', 'harassment', 'zainab', 'overseas', 'general'];

/** The id to put on a button or list row for this action. */
export const replyId = (action: ReplyAction): string => {
  switch (action.kind) {
    case 'menu':
    case 'help':
    case 'person':
    case 'thanks':
    case 'skip':
    case 'done':
      return action.kind;
    case 'service':
      return `svc:${action.service}`;
    case 'howTo':
      return `svc:${action.topic}`;
    case 'khidmatItem':
      return `sub:khidmat:${action.item}`;
    case 'language':
      return `lang:${action.language}`;
    case 'complain':
      return `cmp:${action.origin}`;
    case 'track':
      return action.etag ? `trk:${action.etag}` : 'trk';
    case 'satisfaction':
      return `fb:${action.satisfied ? 'yes' : 'no'}:${action.etag}`;
    case 'answerRequest':
      return `info:${action.etag}`;
    case 'updates':
      return `opt:${action.optOut ? 'out' : 'in'}${action.etag ? `:${action.etag}` : ''}`;
    case 'regions':
      return `regp:${action.page}`;
    case 'region':
      return action.page ? `reg:${action.region}:${action.page}` : `reg:${action.region}`;
    case 'district':
      return `dist:${action.district}`;
    case 'category':
      return `cat:${action.category}`;
    case 'confirm':
      return `cf:${action.submit ? 'yes' : 'no'}`;
    case 'followUps':
      return `fu:${action.wanted ? 'yes' : 'no'}`;
  }
};

const page = (value: string | undefined): number => {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n >= 0 && n < 100 ? n : 0;
};

/** What a tapped id asks for; undefined for an id this bot never builds (or a malformed one). */
export const parseReplyId = (id: string): ReplyAction | undefined => {
  const [head = '', arg = '', ...restParts] = id.split(':');
  const rest = restParts.join(':');
  switch (head) {
    case 'menu':
    case 'help':
    case 'person':
    case 'thanks':
    case 'skip':
    case 'done':
      return arg ? undefined : { kind: head };
    case 'svc':
      if (arg === 'fir' || arg === 'licence') return { kind: 'howTo', topic: arg };
      return SERVICES.some((s) => s.id === arg) ? { kind: 'service', service: arg as ServiceId } : undefined;
    case 'sub':
      return arg === 'khidmat' && KHIDMAT_SERVICES.some((item) => item.id === rest)
        ? { kind: 'khidmatItem', item: rest as KhidmatItemId }
        : undefined;
    case 'lang':
      return arg === 'en' || arg === 'ur' ? { kind: 'language', language: arg } : undefined;
    case 'cmp':
      return ORIGINS.includes(arg as ComplaintOrigin)
        ? { kind: 'complain', origin: arg as ComplaintOrigin }
        : undefined;
    case 'trk': {
      if (!arg) return { kind: 'track' };
      const etag = parseEtag([arg, rest].filter(Boolean).join(':'));
      return etag ? { kind: 'track', etag } : undefined;
    }
    case 'fb': {
      const etag = parseEtag(rest);
      return etag && (arg === 'yes' || arg === 'no')
        ? { kind: 'satisfaction', satisfied: arg === 'yes', etag }
        : undefined;
    }
    case 'info': {
      const etag = parseEtag([arg, rest].filter(Boolean).join(':'));
      return etag ? { kind: 'answerRequest', etag } : undefined;
    }
    case 'opt': {
      if (arg !== 'out' && arg !== 'in') return undefined;
      const etag = rest ? parseEtag(rest) : undefined;
      if (rest && !etag) return undefined;
      return { kind: 'updates', optOut: arg === 'out', ...(etag ? { etag } : {}) };
    }
    case 'regp':
      return { kind: 'regions', page: page(arg) };
    case 'reg':
      return arg ? { kind: 'region', region: arg, page: page(rest) } : undefined;
    case 'dist':
      return arg ? { kind: 'district', district: arg } : undefined;
    case 'cat':
      return arg ? { kind: 'category', category: arg } : undefined;
    case 'cf':
      return arg === 'yes' || arg === 'no' ? { kind: 'confirm', submit: arg === 'yes' } : undefined;
    case 'fu':
      return arg === 'yes' || arg === 'no' ? { kind: 'followUps', wanted: arg === 'yes' } : undefined;
    default:
      return undefined;
  }
};
