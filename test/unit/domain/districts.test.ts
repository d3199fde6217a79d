import { describe, expect, it } from 'vitest';
import {
  DISTRICTS,
  REGIONS,
  districtsOfRegion,
  findDistrict,
  findRegion,
  matchDistrict,
} from '../../../shared/domain/districts.ts';

const fold = (code: string) => code.replace(/O/g, '0').replace(/[IL]/g, '1');

describe('districts', () => {
  it("lists Punjab's 41 districts with unique three-letter codes", () => {
    // Act
    const codes = DISTRICTS.map((d) => d.code);
    // Assess
    expect(DISTRICTS).toHaveLength(41);
    expect(new Set(codes).size).toBe(41);
    for (const code of codes) expect(code).toMatch(/^[A-TV-Z]{3}$/);
  });

  it('keeps codes distinct after e-tag folding (O→0, I/L→1)', () => {
    expect(new Set(DISTRICTS.map((d) => fold(d.code))).size).toBe(DISTRICTS.length);
  });

  it('has English and Urdu names, and Urdu names are in Arabic script', () => {
    for (const d of DISTRICTS) {
      expect(d.en.length).toBeGreaterThan(2);
      expect(d.ur).toMatch(/^[\u0600-\u06FF\s]+$/);
    }
  });

  it('maps every district to a known region and every region has districts', () => {
    // Prepare
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    // Act + Assess
    for (const d of DISTRICTS) expect(regionCodes.has(d.region), d.code).toBe(true);
    for (const r of REGIONS) expect(districtsOfRegion(r.code).length, r.code).toBeGreaterThan(0);
    expect(REGIONS).toHaveLength(10);
  });

  it('puts Lahore alone under the CCPO and the newer districts in their regions', () => {
    // Act
    const regionOf = (en: string) => DISTRICTS.find((d) => d.en === en)?.region;
    // Assess
    expect(districtsOfRegion('lahore').map((d) => d.code)).toEqual(['LHR']);
    expect(regionOf('Murree')).toBe('rawalpindi');
    expect(regionOf('Talagang')).toBe('rawalpindi');
    expect(regionOf('Wazirabad')).toBe('gujranwala');
    expect(regionOf('Kot Addu')).toBe('dg_khan');
    expect(regionOf('Taunsa')).toBe('dg_khan');
    expect(regionOf('Nankana Sahib')).toBe('sheikhupura');
    expect(districtsOfRegion('sahiwal').map((d) => d.en)).toEqual(['Sahiwal', 'Okara', 'Pakpattan']);
    expect(districtsOfRegion('dg_khan')).toHaveLength(6);
  });

  it('finds by code case-insensitively and regions by slug', () => {
    expect(findDistrict(' lhr ')?.en).toBe('Lahore');
    expect(findDistrict('XXX')).toBeUndefined();
    expect(findRegion('Rawalpindi')?.en).toBe('Rawalpindi Region');
    expect(districtsOfRegion('nowhere')).toEqual([]);
  });

  it('matches names, Urdu names and aliases', () => {
    expect(matchDistrict('Pindi')?.code).toBe('RWP');
    expect(matchDistrict('lahor')?.code).toBe('LHR');
    expect(matchDistrict('Lyallpur')?.code).toBe('FSD');
    expect(matchDistrict('faisalabad')?.code).toBe('FSD');
    expect(matchDistrict('D.G. Khan')?.code).toBe('DGK');
    expect(matchDistrict('ملتان')?.code).toBe('MTN');
    expect(matchDistrict('Toba Tek Singh')?.code).toBe('TTS');
    expect(matchDistrict('Montgomery')?.code).toBe('SWL');
    expect(matchDistrict('Karachi')).toBeUndefined();
    expect(matchDistrict('  ')).toBeUndefined();
  });

  it('never lets one alias point at two districts', () => {
    // Prepare
    const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const owner = new Map<string, string>();
    // Act + Assess
    for (const d of DISTRICTS) {
      for (const name of [d.code, d.en, d.ur, ...d.aliases]) {
        const previous = owner.get(key(name));
        expect(previous === undefined || previous === d.code, `${name}: ${previous} vs ${d.code}`).toBe(true);
        owner.set(key(name), d.code);
      }
    }
  });
});
