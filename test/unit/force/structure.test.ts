import { describe, expect, it } from 'vitest';
import { DISTRICTS } from '../../../shared/domain/districts.ts';
import { seedStructure } from '../../../shared/domain/force/seed.ts';
import { ForceStructure, describePost, structureProblems } from '../../../shared/domain/force/structure.ts';
import { SLA_LEVELS } from '../../../shared/domain/sla.ts';

const { units, posts } = seedStructure();
const force = new ForceStructure(units, posts);

const ladderOf = (district: string, station: string) =>
  force.complaintLadder({ district, station }).map((p) => [p.title, p.tier, force.unit(p.unitId)?.name]);

describe('the seeded structure', () => {
  it('is consistent: every parent exists and has the right kind, every post fits its unit', () => {
    expect(structureProblems(force)).toEqual([]);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  it('a Lahore station climbs SHO, SDPO, SP division, CCPO, IG complaint cell', () => {
    expect(ladderOf('LHR', 'Gulberg')).toEqual([
      ['SHO', 'SHO', 'Gulberg'],
      ['SDPO', 'SDPO', 'Model Town'],
      ['SP_DIVISION', 'DPO', 'Model Town Division'],
      ['CCPO', 'RPO', 'Lahore Capital City Police'],
      ['IG_COMPLAINT_CELL', 'CPO', 'Central Police Office, Punjab'],
    ]);
  });

  it('a Rawalpindi station climbs SHO, SDPO, City Police Officer, RPO Rawalpindi, IG complaint cell', () => {
    expect(ladderOf('rwp', 'saddar')).toEqual([
      ['SHO', 'SHO', 'Saddar'],
      ['SDPO', 'SDPO', 'Saddar'],
      ['CITY_POLICE_OFFICER', 'DPO', 'Rawalpindi Police'],
      ['RPO', 'RPO', 'Rawalpindi Region'],
      ['IG_COMPLAINT_CELL', 'CPO', 'Central Police Office, Punjab'],
    ]);
  });

  it('an ordinary district station climbs SHO, SDPO, DPO, RPO of its region, IG complaint cell', () => {
    expect(ladderOf('ATK', 'City')).toEqual([
      ['SHO', 'SHO', 'City'],
      ['SDPO', 'SDPO', 'City'],
      ['DPO', 'DPO', 'Attock Police'],
      ['RPO', 'RPO', 'Rawalpindi Region'],
      ['IG_COMPLAINT_CELL', 'CPO', 'Central Police Office, Punjab'],
    ]);
  });

  it('Faisalabad, Multan and Gujranwala are headed by City Police Officers; Sialkot by a DPO', () => {
    for (const code of ['FSD', 'MTN', 'GRW']) {
      expect(force.responsiblePost({ district: code }, 'DPO')?.title).toBe('CITY_POLICE_OFFICER');
    }
    expect(force.responsiblePost({ district: 'SKT' }, 'DPO')?.title).toBe('DPO');
    expect(force.responsiblePost({ district: 'LHR' }, 'RPO')?.title).toBe('CCPO');
  });

  it('every station of every district has every level, in order: no level is ever skipped', () => {
    for (const district of DISTRICTS) {
      const stations = force.stationsOf(district.code);
      expect(stations.length).toBeGreaterThan(0);
      for (const station of stations) {
        const tiers = force
          .complaintLadder({ district: district.code, station: station.name })
          .map((p) => p.tier);
        expect(tiers, `${district.code}/${station.name}`).toEqual([...SLA_LEVELS]);
      }
    }
  });

  it('escalation asks the chain: the next tier of each level is the next post up', () => {
    const where = { district: 'LHR', station: 'Gulberg' };
    expect(SLA_LEVELS.map((tier) => force.nextTier(where, tier))).toEqual([
      'SDPO',
      'DPO',
      'RPO',
      'CPO',
      undefined,
    ]);
  });

  it('an unknown station falls back to the district head for district tiers and names no station post', () => {
    const where = { district: 'KSR', station: 'Nowhere' };
    expect(force.responsiblePost(where, 'SHO')).toBeUndefined();
    expect(force.responsiblePost(where, 'DPO')?.unitId).toBe('district-KSR');
    expect(force.responsiblePost({ district: 'LHR' }, 'DPO')).toBeUndefined();
  });

  it('describes a post for people', () => {
    const post = force.responsiblePost({ district: 'LHR', station: 'Gulberg' }, 'SHO');
    expect(post && describePost(force, post)).toBe('Station House Officer, Gulberg (Lahore)');
  });

  it('reports a broken structure', () => {
    const broken = new ForceStructure(
      [
        { id: 'x', kind: 'station', name: 'X', parentId: 'missing', district: 'LHR' },
        { id: 'r', kind: 'region', name: 'R', parentId: 'x' },
      ],
      [{ id: 'x.head', unitId: 'x', title: 'DPO', tier: 'DPO' }],
    );
    expect(structureProblems(broken)).toEqual([
      'x: parent missing not found',
      'r: a region cannot sit under a station',
      'x.head: a DPO cannot head a station',
    ]);
  });
});
