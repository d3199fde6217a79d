import { describe, expect, it } from 'vitest';
import { matchDistricts } from '../../../shared/chat/district-match.ts';

describe('matchDistricts', () => {
  it.each([
    ['Lahore', 'LHR'],
    ['lahor', 'LHR'],
    ['لاہور', 'LHR'],
    ['لاھور', 'LHR'],
    ['main lahore se hoon', 'LHR'],
    ['Rawalpndi', 'RWP'],
    ['pindi', 'RWP'],
    ['faislabad', 'FSD'],
    ['Lyallpur', 'FSD'],
    ['District Sheikupura', 'SKP'],
    ['DG khan', 'DGK'],
    ['ڈیرہ غازی خان', 'DGK'],
    ['rahim yar khan', 'RYK'],
    ['Bahawal nagarpur', 'BWN'],
    ['ملتا ن', 'MTN'],
    ['Sargoda', 'SGD'],
    ['MB Din', 'MBD'],
  ])('%s → %s', (typed, code) => {
    // Act
    const found = matchDistricts(typed);
    // Assess
    expect(found.map((d) => d.code)).toEqual([code]);
  });

  it.each(['Karachi', 'Islamabad', 'kot', 'pur', 'abad', ''])('%s matches nothing in Punjab', (typed) => {
    // Act / Assess
    expect(matchDistricts(typed)).toEqual([]);
  });

  it('returns every equally close district so the citizen can choose', () => {
    // Act
    const found = matchDistricts('Bahawalngr');
    // Assess
    expect(found.map((d) => d.code).sort()).toEqual(['BWN', 'BWP']);
  });
});
