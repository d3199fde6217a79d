import { describe, expect, it } from 'vitest';
import {
  canActOnComplaint,
  canSeeComplaint,
  holdingLevel,
  scopeFilter,
  type Officer,
  type ScopedComplaint,
} from '../../../shared/domain/officer.ts';

// SKP and KSR are both in the Sheikhupura region; LHR is a region of its own.
const officers = {
  shoSkpA: { id: 'o1', role: 'SHO', district: 'SKP', station: 'Saddar' },
  shoSkpB: { id: 'o2', role: 'SHO', district: 'SKP', station: 'City' },
  shoNoStation: { id: 'o3', role: 'SHO', district: 'SKP' },
  sdpoSkpNorth: { id: 'o4', role: 'SDPO', district: 'SKP', circle: 'North' },
  dpoSkp: { id: 'o5', role: 'DPO', district: 'skp ' },
  dpoLhr: { id: 'o6', role: 'DPO', district: 'LHR' },
  rpoSheikhupura: { id: 'o7', role: 'RPO', region: 'sheikhupura' },
  rpoLahore: { id: 'o8', role: 'RPO', region: 'lahore' },
  cpo: { id: 'o9', role: 'CPO' },
  admin: { id: 'o10', role: 'ADMIN' },
} satisfies Record<string, Officer>;

const atStation: ScopedComplaint = {
  district: 'SKP',
  station: 'Saddar',
  assignment: { level: 'SHO', station: 'Saddar' },
};
const inOtherCircle: ScopedComplaint = {
  district: 'SKP',
  assignment: { level: 'SDPO', circle: 'South', station: 'City' },
};
const unassigned: ScopedComplaint = { district: 'SKP' };
const inKasur: ScopedComplaint = {
  district: 'KSR',
  station: 'Saddar',
  assignment: { level: 'SHO', station: 'Saddar' },
};
const inLahore: ScopedComplaint = { district: 'LHR' };

describe('canSeeComplaint', () => {
  it.each([
    // [officer, complaint, visible]
    ['shoSkpA', atStation, true],
    ['shoSkpB', atStation, false],
    ['shoNoStation', atStation, false],
    ['shoSkpA', inKasur, false], // same station name, other district
    ['shoSkpA', unassigned, false],
    ['sdpoSkpNorth', atStation, true],
    ['sdpoSkpNorth', unassigned, true],
    ['sdpoSkpNorth', inOtherCircle, false],
    ['sdpoSkpNorth', inKasur, false],
    ['dpoSkp', atStation, true],
    ['dpoSkp', inOtherCircle, true],
    ['dpoSkp', inKasur, false],
    ['dpoLhr', atStation, false],
    ['dpoLhr', inLahore, true],
    ['rpoSheikhupura', atStation, true],
    ['rpoSheikhupura', inKasur, true],
    ['rpoSheikhupura', inLahore, false],
    ['rpoLahore', inLahore, true],
    ['rpoLahore', inKasur, false],
    ['cpo', inKasur, true],
    ['admin', inLahore, true],
  ] as const)('%s sees %# → %s', (who, complaint, expected) => {
    expect(canSeeComplaint(officers[who], complaint)).toBe(expected);
  });
});

describe('canActOnComplaint', () => {
  it('lets an officer act only at or above the level holding the complaint', () => {
    // Prepare
    const escalated: ScopedComplaint = { ...atStation, assignment: { level: 'DPO', station: 'Saddar' } };
    // Act / Assess
    expect(canActOnComplaint(officers.shoSkpA, atStation)).toBe(true);
    expect(canSeeComplaint(officers.shoSkpA, escalated)).toBe(true);
    expect(canActOnComplaint(officers.shoSkpA, escalated)).toBe(false);
    expect(canActOnComplaint(officers.sdpoSkpNorth, escalated)).toBe(false);
    expect(canActOnComplaint(officers.dpoSkp, escalated)).toBe(true);
    expect(canActOnComplaint(officers.rpoSheikhupura, escalated)).toBe(true);
    expect(canActOnComplaint(officers.dpoLhr, escalated)).toBe(false);
  });

  it('holds an unassigned complaint with the district', () => {
    expect(holdingLevel(unassigned)).toBe('DPO');
    expect(canActOnComplaint(officers.sdpoSkpNorth, unassigned)).toBe(false);
    expect(canActOnComplaint(officers.dpoSkp, unassigned)).toBe(true);
  });
});

describe('scopeFilter', () => {
  it('describes each role’s list scope', () => {
    expect(scopeFilter(officers.cpo)).toEqual({ kind: 'all' });
    expect(scopeFilter(officers.admin)).toEqual({ kind: 'all' });
    expect(scopeFilter(officers.dpoSkp)).toEqual({ kind: 'districts', districts: ['SKP'] });
    expect(scopeFilter(officers.shoSkpA)).toEqual({
      kind: 'districts',
      districts: ['SKP'],
      station: 'Saddar',
    });
    expect(scopeFilter(officers.sdpoSkpNorth)).toEqual({
      kind: 'districts',
      districts: ['SKP'],
      circle: 'North',
    });
    expect(scopeFilter(officers.shoNoStation)).toEqual({ kind: 'districts', districts: [] });
    expect(scopeFilter({ id: 'x', role: 'DPO' })).toEqual({ kind: 'districts', districts: [] });
  });

  it('covers exactly the districts of an RPO’s region', () => {
    // Act
    const filter = scopeFilter(officers.rpoSheikhupura);
    // Assess
    expect(filter.kind).toBe('districts');
    const districts = filter.kind === 'districts' ? filter.districts : [];
    expect(districts).toEqual(expect.arrayContaining(['SKP', 'KSR']));
    expect(districts).not.toContain('LHR');
  });
});
