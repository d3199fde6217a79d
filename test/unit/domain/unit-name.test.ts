/** One comparison of station and circle names for scope, the directory and assignments. */
import { describe, expect, it } from 'vitest';
import { canSeeComplaint, type Officer } from '../../../shared/domain/officer.ts';
import { ForceStructure } from '../../../shared/domain/force/structure.ts';
import { seedStructure } from '../../../shared/domain/force/seed.ts';
import { sameUnitName, unitNameKey } from '../../../shared/domain/unit-name.ts';

describe('unitNameKey / sameUnitName', () => {
  it.each([
    'Gulberg',
    '  gulberg ',
    'Gulberg Police Station',
    'PS Gulberg',
    'P.S. Gulberg',
    'Thana Gulberg',
    'gulberg, police station',
    'تھانہ gulberg',
  ])('"%s" is Gulberg', (typed) => {
    expect(sameUnitName(typed, 'Gulberg')).toBe(true);
  });

  it('keeps the words that tell stations apart, and a name of generic words alone matches nothing', () => {
    expect(unitNameKey('Model  Town Circle')).toBe('model town');
    expect(sameUnitName('Model Town', 'Town')).toBe(false);
    expect(sameUnitName('Civil Lines', 'Civil')).toBe(false);
    expect(sameUnitName('Police Station', 'Police Station')).toBe(false);
    expect(sameUnitName(undefined, 'Gulberg')).toBe(false);
    expect(sameUnitName('تھانہ گلبرگ', 'تھانہ گلبرگ')).toBe(true);
  });

  it('an SHO sees a complaint whose citizen wrote their station in other words', () => {
    const sho: Officer = { id: 's', role: 'SHO', district: 'LHR', station: 'Gulberg' };
    expect(canSeeComplaint(sho, { district: 'LHR', station: 'gulberg police station' })).toBe(true);
    expect(canSeeComplaint(sho, { district: 'LHR', station: 'Model Town' })).toBe(false);
  });

  it('the directory finds the station and offers its stations with their circles', () => {
    const { units, posts } = seedStructure();
    const structure = new ForceStructure(units, posts);
    expect(structure.station('LHR', 'PS Gulberg')?.name).toBe('Gulberg');
    expect(structure.station('LHR', 'Police Station')).toBeUndefined();
    expect(structure.stationChoices('LHR').slice(0, 2)).toEqual([
      { name: 'Cantt', circle: 'Cantonment' },
      { name: 'City', circle: 'City' },
    ]);
  });
});
