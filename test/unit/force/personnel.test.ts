import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../shared/domain/errors.ts';
import {
  parseRank,
  planPosting,
  postingAt,
  roleAndAreaOf,
  whatsappContact,
  type Posting,
} from '../../../shared/domain/force/personnel.ts';
import { seedStructure } from '../../../shared/domain/force/seed.ts';
import { ForceStructure } from '../../../shared/domain/force/structure.ts';

const force = new ForceStructure(seedStructure().units, seedStructure().posts);
const now = new Date('2026-03-01T00:00:00Z');
const posting = (serviceNumber: string, postId: string, from: string, to?: string): Posting => ({
  postId,
  serviceNumber,
  from,
  ...(to ? { to } : {}),
  recordedBy: 'admin',
  recordedAt: from,
});
const GULBERG = 'station-LHR-gulberg.head';

describe('postings', () => {
  it('who held a post at an instant comes from the history', () => {
    const history = [
      posting('A1', GULBERG, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
      posting('B2', GULBERG, '2026-02-01T00:00:00.000Z'),
    ];
    expect(postingAt(history, GULBERG, '2026-01-31T23:59:59Z')?.serviceNumber).toBe('A1');
    expect(postingAt(history, GULBERG, '2026-02-01T00:00:00Z')?.serviceNumber).toBe('B2');
    expect(postingAt(history, GULBERG, '2025-12-31T00:00:00Z')).toBeUndefined();
  });

  it('a transfer closes the officer’s previous posting and relieves the post’s holder', () => {
    const plan = planPosting({
      postId: GULBERG,
      serviceNumber: 'A1',
      from: '2026-03-01T00:00:00Z',
      recordedBy: 'admin',
      now,
      officerHistory: [posting('A1', 'station-LHR-city.head', '2026-01-01T00:00:00.000Z')],
      postHistory: [posting('B2', GULBERG, '2026-02-01T00:00:00.000Z')],
    });
    expect(plan.close.map((p) => [p.serviceNumber, p.postId, p.to])).toEqual([
      ['A1', 'station-LHR-city.head', '2026-03-01T00:00:00.000Z'],
      ['B2', GULBERG, '2026-03-01T00:00:00.000Z'],
    ]);
    expect(plan.open).toMatchObject({
      serviceNumber: 'A1',
      postId: GULBERG,
      from: '2026-03-01T00:00:00.000Z',
    });
  });

  it('never rewrites history: a posting inside a closed period or before an open one is refused', () => {
    const base = { postId: GULBERG, serviceNumber: 'C3', recordedBy: 'admin', now, officerHistory: [] };
    expect(() =>
      planPosting({
        ...base,
        from: '2026-01-15T00:00:00Z',
        postHistory: [posting('A1', GULBERG, '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')],
      }),
    ).toThrow(ConflictError);
    expect(() =>
      planPosting({
        ...base,
        from: '2026-01-15T00:00:00Z',
        postHistory: [posting('B2', GULBERG, '2026-02-01T00:00:00.000Z')],
      }),
    ).toThrow(ConflictError);
  });

  it('the role and area come from the post', () => {
    const post = (id: string) => force.post(id)!;
    expect(roleAndAreaOf(force, post(GULBERG))).toEqual({
      role: 'SHO',
      district: 'LHR',
      region: 'lahore',
      circle: 'Model Town',
      station: 'Gulberg',
    });
    expect(roleAndAreaOf(force, post('district-RWP.head'))).toEqual({
      role: 'DPO',
      district: 'RWP',
      region: 'rawalpindi',
    });
    expect(roleAndAreaOf(force, post('ccpo-lahore.head'))).toEqual({ role: 'RPO', region: 'lahore' });
    expect(roleAndAreaOf(force, post('punjab-cpo.head'))).toEqual({ role: 'CPO' });
  });

  it('ranks as rosters write them; WhatsApp numbers only with consent', () => {
    expect(parseRank('S.I.')).toBe('Sub-Inspector');
    expect(parseRank('inspector')).toBe('Inspector');
    expect(parseRank('Havaldar')).toBeUndefined();
    expect(whatsappContact('0300 1234567', true, now)).toEqual({
      ok: true,
      whatsapp: { phone: '+923001234567', consentAt: now.toISOString() },
    });
    expect(whatsappContact('0300 1234567', false, now)).toEqual({ ok: true });
    expect(whatsappContact('12', true, now).ok).toBe(false);
  });
});
