/**
 * The province's structure from public sources (docs/force.md lists them): the Central Police Office with
 * its IG complaint cell; nine regions under Regional Police Officers; Lahore under a Capital City Police
 * Officer with its six operations divisions; Rawalpindi, Faisalabad, Multan and Gujranwala under City Police
 * Officers; every other district under a District Police Officer. Circles and police stations are seeded as
 * placeholders (a City and a Saddar circle and station per district; one circle per Lahore division), since
 * the full station list is not published in a reusable form: ops load the real ones (docs/force.md).
 */
import { CITY_POLICE_DISTRICTS, DISTRICTS, REGIONS } from '../districts.ts';
import {
  districtUnitId,
  headPostId,
  POST_TITLE_INFO,
  type Post,
  type PostTitle,
  type Unit,
} from './structure.ts';

export const PROVINCE_UNIT_ID = 'punjab-cpo';
export const LAHORE_UNIT_ID = 'ccpo-lahore';

/** Lahore's operations divisions (SP Operations of each), and the placeholder stations seeded under them. */
export const LAHORE_DIVISIONS: readonly { name: string; stations: readonly string[] }[] = [
  { name: 'City', stations: ['City'] },
  { name: 'Cantonment', stations: ['Cantt'] },
  { name: 'Civil Lines', stations: ['Civil Lines'] },
  { name: 'Iqbal Town', stations: ['Iqbal Town'] },
  { name: 'Model Town', stations: ['Model Town', 'Gulberg'] },
  { name: 'Saddar', stations: ['Saddar'] },
];

/** Placeholder circles (each with a station of the same name) of every district outside Lahore. */
export const PLACEHOLDER_CIRCLES: readonly string[] = ['City', 'Saddar'];

export const slug = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const headOf = (unit: Unit, title: PostTitle): Post => ({
  id: headPostId(unit.id),
  unitId: unit.id,
  title,
  tier: POST_TITLE_INFO[title].tier,
});

const circleWithStations = (
  district: string,
  parentId: string,
  circle: string,
  stations: readonly string[],
): { units: Unit[]; posts: Post[] } => {
  const circleUnit: Unit = {
    id: `circle-${district}-${slug(circle)}`,
    kind: 'circle',
    name: circle,
    parentId,
    district,
    placeholder: true,
  };
  const stationUnits: Unit[] = stations.map((station) => ({
    id: `station-${district}-${slug(station)}`,
    kind: 'station',
    name: station,
    parentId: circleUnit.id,
    district,
    placeholder: true,
  }));
  return {
    units: [circleUnit, ...stationUnits],
    posts: [headOf(circleUnit, 'SDPO'), ...stationUnits.map((u) => headOf(u, 'SHO'))],
  };
};

/** The seed: every unit and its head post. Deterministic ids, so loading it twice changes nothing. */
export const seedStructure = (): { units: Unit[]; posts: Post[] } => {
  const units: Unit[] = [];
  const posts: Post[] = [];
  const add = (unit: Unit, title: PostTitle) => {
    units.push(unit);
    posts.push(headOf(unit, title));
  };
  const addAll = (part: { units: Unit[]; posts: Post[] }) => {
    units.push(...part.units);
    posts.push(...part.posts);
  };

  add(
    {
      id: PROVINCE_UNIT_ID,
      kind: 'province',
      name: 'Central Police Office, Punjab',
      ur: 'سینٹرل پولیس آفس، پنجاب',
    },
    'IG_COMPLAINT_CELL',
  );

  for (const region of REGIONS) {
    if (region.code === 'lahore') {
      add(
        {
          id: LAHORE_UNIT_ID,
          kind: 'capital_city',
          name: 'Lahore Capital City Police',
          ur: 'کیپیٹل سٹی پولیس لاہور',
          parentId: PROVINCE_UNIT_ID,
          region: 'lahore',
          district: 'LHR',
        },
        'CCPO',
      );
      for (const division of LAHORE_DIVISIONS) {
        const divisionUnit: Unit = {
          id: `division-LHR-${slug(division.name)}`,
          kind: 'division',
          name: `${division.name} Division`,
          parentId: LAHORE_UNIT_ID,
          district: 'LHR',
        };
        add(divisionUnit, 'SP_DIVISION');
        addAll(circleWithStations('LHR', divisionUnit.id, division.name, division.stations));
      }
      continue;
    }
    const regionUnit: Unit = {
      id: `region-${region.code}`,
      kind: 'region',
      name: region.en,
      ur: region.ur,
      parentId: PROVINCE_UNIT_ID,
      region: region.code,
    };
    add(regionUnit, 'RPO');
    for (const district of DISTRICTS.filter((d) => d.region === region.code)) {
      const districtUnit: Unit = {
        id: districtUnitId(district.code),
        kind: 'district',
        name: `${district.en} Police`,
        ur: `${district.ur} پولیس`,
        parentId: regionUnit.id,
        district: district.code,
      };
      add(districtUnit, CITY_POLICE_DISTRICTS.includes(district.code) ? 'CITY_POLICE_OFFICER' : 'DPO');
      for (const circle of PLACEHOLDER_CIRCLES) {
        addAll(circleWithStations(district.code, districtUnit.id, circle, [circle]));
      }
    }
  }
  return { units, posts };
};
