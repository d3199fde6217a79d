import { describe, expect, it } from 'vitest';
import { generateEtag } from '../../../shared/domain/etag.ts';
import { KHIDMAT_SERVICES, SERVICES } from '../../../shared/chat/catalog.ts';
import { parseReplyId, replyId } from '../../../shared/chat/reply-ids.ts';
import type { ReplyAction } from '../../../shared/chat/reply-ids.ts';

const ETAG = generateEtag('RWP', (size) => Uint8Array.from({ length: size }, (_, i) => i * 13 + 5));

const ACTIONS: ReplyAction[] = [
  { kind: 'menu' },
  { kind: 'help' },
  { kind: 'person' },
  { kind: 'thanks' },
  ...SERVICES.map((s): ReplyAction => ({ kind: 'service', service: s.id })),
  { kind: 'howTo', topic: 'fir' },
  { kind: 'howTo', topic: 'licence' },
  ...KHIDMAT_SERVICES.map((item): ReplyAction => ({ kind: 'khidmatItem', item: item.id })),
  { kind: 'language', language: 'en' },
  { kind: 'language', language: 'ur' },
  { kind: 'complain', origin: 'harassment' },
  { kind: 'track' },
  { kind: 'track', etag: ETAG },
  { kind: 'satisfaction', satisfied: true, etag: ETAG },
  { kind: 'satisfaction', satisfied: false, etag: ETAG },
  { kind: 'answerRequest', etag: ETAG },
  { kind: 'updates', optOut: true },
  { kind: 'updates', optOut: false, etag: ETAG },
  { kind: 'regions', page: 1 },
  { kind: 'region', region: 'dg_khan', page: 0 },
  { kind: 'region', region: 'lahore', page: 2 },
  { kind: 'district', district: 'LYH' },
  { kind: 'category', category: 'theft_robbery' },
  { kind: 'skip' },
  { kind: 'done' },
  { kind: 'confirm', submit: true },
  { kind: 'confirm', submit: false },
  { kind: 'followUps', wanted: false },
];

describe('reply ids', () => {
  it.each(ACTIONS.map((action) => ({ action, id: replyId(action) })))(
    '$id parses back to the action it was built from',
    ({ action, id }) => {
      // Assess
      expect(id.length).toBeLessThanOrEqual(200);
      expect(parseReplyId(id)).toEqual(action);
    },
  );

  it('every id is distinct', () => {
    const ids = ACTIONS.map(replyId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('services are addressed by id, never by menu number', () => {
    for (const service of SERVICES)
      expect(replyId({ kind: 'service', service: service.id })).not.toMatch(/\d/);
    expect(parseReplyId('svc:3')).toBeUndefined();
  });

  it.each([
    '',
    'hello',
    'svc:',
    'svc:nope',
    'cmp:pizza',
    'fb:yes:not-an-etag',
    'fb:maybe:' + ETAG,
    'lang:fr',
    'menu:x',
  ])('%j is not ours', (id) => {
    expect(parseReplyId(id)).toBeUndefined();
  });
});
