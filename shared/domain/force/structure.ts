/**
 * The force as data (issue 9): units (the province's complaint cell, regions, Lahore's capital city police,
 * district police, Lahore's divisions, circles, police stations), the post heading each unit, and the chain
 * of posts above any post, derived from the units' parents. Pure; decisions in docs/force.md.
 *
 * A post's `tier` is the role it acts with (scope, SLA level): SHO, SDPO, DPO, RPO or CPO. A post's
 * `title` is what it is called: a City Police Officer and an SP division both act at DPO tier, Lahore's CCPO
 * at RPO tier, and the IG complaint cell at the Central Police Office at CPO tier.
 */
import * as z from '../zod.ts';
import { lineText } from '../text.ts';
import { findDistrict } from '../districts.ts';
import { SLA_LEVELS, type SlaLevel } from '../sla.ts';
import { sameUnitName } from '../unit-name.ts';

export const UNIT_KINDS = [
  'province',
  'region',
  'capital_city',
  'district',
  'division',
  'circle',
  'station',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const POST_TITLES = [
  'IG_COMPLAINT_CELL',
  'RPO',
  'CCPO',
  'CITY_POLICE_OFFICER',
  'DPO',
  'SP_DIVISION',
  'SDPO',
  'SHO',
] as const;
export type PostTitle = (typeof POST_TITLES)[number];

/** The tier each title acts at, and what it is called (English, Urdu). */
export const POST_TITLE_INFO: Readonly<Record<PostTitle, { tier: SlaLevel; en: string; ur: string }>> = {
  IG_COMPLAINT_CELL: {
    tier: 'CPO',
    en: 'IG Complaint Cell',
    ur: 'آئی جی کمپلینٹ سیل',
  },
  RPO: { tier: 'RPO', en: 'Regional Police Officer', ur: 'ریجنل پولیس آفیسر' },
  CCPO: { tier: 'RPO', en: 'Capital City Police Officer', ur: 'کیپیٹل سٹی پولیس آفیسر' },
  CITY_POLICE_OFFICER: { tier: 'DPO', en: 'City Police Officer', ur: 'سٹی پولیس آفیسر' },
  DPO: { tier: 'DPO', en: 'District Police Officer', ur: 'ڈسٹرکٹ پولیس آفیسر' },
  SP_DIVISION: { tier: 'DPO', en: 'Superintendent of Police, Division', ur: 'ایس پی ڈویژن' },
  SDPO: { tier: 'SDPO', en: 'Sub-Divisional Police Officer', ur: 'ایس ڈی پی او' },
  SHO: { tier: 'SHO', en: 'Station House Officer', ur: 'ایس ایچ او' },
};

/** Which titles may head which kind of unit. */
export const TITLES_BY_UNIT_KIND: Readonly<Record<UnitKind, readonly PostTitle[]>> = {
  province: ['IG_COMPLAINT_CELL'],
  region: ['RPO'],
  capital_city: ['CCPO'],
  district: ['DPO', 'CITY_POLICE_OFFICER'],
  division: ['SP_DIVISION'],
  circle: ['SDPO'],
  station: ['SHO'],
};

/** Which kind of unit a unit may sit under. */
export const PARENT_KINDS: Readonly<Record<UnitKind, readonly UnitKind[]>> = {
  province: [],
  region: ['province'],
  capital_city: ['province'],
  district: ['region'],
  division: ['capital_city'],
  circle: ['district', 'division'],
  station: ['circle'],
};

const id = z
  .string()
  .check(
    z.trim(),
    z.minLength(1),
    z.maxLength(80),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only'),
  );
const name = lineText(1, 120);

export const unitSchema = z.object({
  id,
  kind: z.enum(UNIT_KINDS),
  name,
  ur: z.optional(name),
  parentId: z.optional(id),
  /** District code, on district units and every unit below one (Lahore's divisions carry LHR). */
  district: z.optional(z.string().check(z.minLength(1), z.maxLength(10))),
  /** Region code (districts.ts), on regions and Lahore's capital city police. */
  region: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** Seeded with a stand-in name because the real list is not public; ops replace it (docs/force.md). */
  placeholder: z.optional(z.boolean()),
});
export type Unit = z.infer<typeof unitSchema>;

export const postSchema = z.object({
  id,
  unitId: id,
  title: z.enum(POST_TITLES),
  tier: z.enum(SLA_LEVELS),
});
export type Post = z.infer<typeof postSchema>;

/** The head post of a unit: one per unit, so its id follows from the unit's. */
export const headPostId = (unitId: string): string => `${unitId}.head`;

/** A district's unit id, e.g. `district-RWP`. */
export const districtUnitId = (code: string): string => `district-${code}`;

/**
 * An indexed, read-only view of the force's units and posts. Built once per load (a few hundred items) and
 * asked by escalation, alerts and follow-ups: none of them hard-codes a level.
 */
export class ForceStructure {
  private readonly units = new Map<string, Unit>();
  private readonly posts = new Map<string, Post>();
  private readonly postOfUnit = new Map<string, Post>();
  private readonly stationsByDistrict = new Map<string, Unit[]>();
  private readonly circlesByDistrict = new Map<string, Unit[]>();

  constructor(units: readonly Unit[], posts: readonly Post[]) {
    for (const unit of units) this.units.set(unit.id, unit);
    for (const post of posts) {
      this.posts.set(post.id, post);
      this.postOfUnit.set(post.unitId, post);
    }
    for (const unit of units) {
      if (!unit.district) continue;
      const index =
        unit.kind === 'station'
          ? this.stationsByDistrict
          : unit.kind === 'circle'
            ? this.circlesByDistrict
            : undefined;
      if (!index) continue;
      index.set(unit.district, [...(index.get(unit.district) ?? []), unit]);
    }
  }

  allUnits(): Unit[] {
    return [...this.units.values()];
  }

  allPosts(): Post[] {
    return [...this.posts.values()];
  }

  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  post(id: string): Post | undefined {
    return this.posts.get(id);
  }

  postOf(unitId: string): Post | undefined {
    return this.postOfUnit.get(unitId);
  }

  /** The unit itself, then its parents up to the province. Stops on a cycle or a missing parent. */
  unitsUpFrom(unitId: string): Unit[] {
    const seen = new Set<string>();
    const path: Unit[] = [];
    let unit = this.units.get(unitId);
    while (unit && !seen.has(unit.id)) {
      seen.add(unit.id);
      path.push(unit);
      unit = unit.parentId ? this.units.get(unit.parentId) : undefined;
    }
    return path;
  }

  /** The post itself and every post above it, bottom to top (units without a post are passed over). */
  ladder(postId: string): Post[] {
    const post = this.posts.get(postId);
    if (!post) return [];
    return this.unitsUpFrom(post.unitId).flatMap((unit) => {
      const head = this.postOfUnit.get(unit.id);
      return head ? [head] : [];
    });
  }

  /** The chain above a post (its supervisors), nearest first. */
  chainAbove(postId: string): Post[] {
    return this.ladder(postId).slice(1);
  }

  /** The post directly above, if any. */
  supervisorOf(postId: string): Post | undefined {
    return this.chainAbove(postId)[0];
  }

  /** A police station of a district by its name (as `sameUnitName` compares: "gulberg police station" is Gulberg). */
  station(district: string, stationName: string | undefined): Unit | undefined {
    if (!stationName) return undefined;
    const code = findDistrict(district)?.code ?? district;
    return this.stationsByDistrict.get(code)?.find((u) => sameUnitName(u.name, stationName));
  }

  circle(district: string, circleName: string | undefined): Unit | undefined {
    if (!circleName) return undefined;
    const code = findDistrict(district)?.code ?? district;
    return this.circlesByDistrict.get(code)?.find((u) => sameUnitName(u.name, circleName));
  }

  stationsOf(district: string): Unit[] {
    return [...(this.stationsByDistrict.get(findDistrict(district)?.code ?? district) ?? [])];
  }

  /** A district's stations as forms offer them: by name, each with the circle it sits in. */
  stationChoices(district: string): { name: string; circle?: string }[] {
    return this.stationsOf(district)
      .map((unit) => {
        const parent = unit.parentId ? this.units.get(unit.parentId) : undefined;
        return { name: unit.name, ...(parent?.kind === 'circle' ? { circle: parent.name } : {}) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  circlesOf(district: string): Unit[] {
    return [...(this.circlesByDistrict.get(findDistrict(district)?.code ?? district) ?? [])];
  }

  /**
   * The ladder a complaint climbs: from its station when the station is known, else from its circle, else
   * from the district's own head (Lahore: the capital city police, which has no district unit).
   */
  complaintLadder(where: { district: string; station?: string; circle?: string }): Post[] {
    const start =
      this.station(where.district, where.station) ??
      this.circle(where.district, where.circle) ??
      this.districtHeadUnit(where.district);
    const post = start ? this.postOfUnit.get(start.id) : undefined;
    return post ? this.ladder(post.id) : [];
  }

  /** The unit heading a district's police: the district unit, else (Lahore) the unit of its region. */
  districtHeadUnit(district: string): Unit | undefined {
    const code = findDistrict(district)?.code ?? district;
    const own = this.units.get(districtUnitId(code));
    if (own) return own;
    const region = findDistrict(code)?.region;
    return [...this.units.values()].find((u) => u.kind === 'capital_city' && u.region === region);
  }

  /**
   * The post answerable for a complaint held at `tier`: the ladder's post of that tier. When the ladder has
   * none (an unknown station or circle), the district head's ladder answers for the district tiers and up;
   * below it the post is unknown (the caller treats it as vacant).
   */
  responsiblePost(
    where: { district: string; station?: string; circle?: string },
    tier: SlaLevel,
  ): Post | undefined {
    const fromLadder = this.complaintLadder(where).find((p) => p.tier === tier);
    if (fromLadder) return fromLadder;
    const head = this.districtHeadUnit(where.district);
    const headPost = head ? this.postOfUnit.get(head.id) : undefined;
    return headPost ? this.ladder(headPost.id).find((p) => p.tier === tier) : undefined;
  }

  /** The tier a complaint held at `tier` escalates to: the next post up its ladder. */
  nextTier(
    where: { district: string; station?: string; circle?: string },
    tier: SlaLevel,
  ): SlaLevel | undefined {
    const ladder = this.complaintLadder(where);
    const index = ladder.findIndex((p) => p.tier === tier);
    return index >= 0 ? ladder[index + 1]?.tier : undefined;
  }
}

/** Every problem of a structure: missing parents, wrong parent kinds, titles that cannot head a unit. */
export const structureProblems = (structure: ForceStructure): string[] => {
  const problems: string[] = [];
  for (const unit of structure.allUnits()) {
    const allowed = PARENT_KINDS[unit.kind];
    if (allowed.length === 0) {
      if (unit.parentId) problems.push(`${unit.id}: a ${unit.kind} has no parent`);
    } else {
      const parent = unit.parentId ? structure.unit(unit.parentId) : undefined;
      if (!parent) problems.push(`${unit.id}: parent ${unit.parentId ?? '(none)'} not found`);
      else if (!allowed.includes(parent.kind)) {
        problems.push(`${unit.id}: a ${unit.kind} cannot sit under a ${parent.kind}`);
      }
    }
  }
  for (const post of structure.allPosts()) {
    const unit = structure.unit(post.unitId);
    if (!unit) problems.push(`${post.id}: unit ${post.unitId} not found`);
    else if (!TITLES_BY_UNIT_KIND[unit.kind].includes(post.title)) {
      problems.push(`${post.id}: a ${post.title} cannot head a ${unit.kind}`);
    }
    if (POST_TITLE_INFO[post.title].tier !== post.tier) {
      problems.push(
        `${post.id}: a ${post.title} acts at ${POST_TITLE_INFO[post.title].tier}, not ${post.tier}`,
      );
    }
  }
  return problems;
};

/** The label of a post for people: title and unit, e.g. "Station House Officer, PS Gulberg (Lahore)". */
export const describePost = (structure: ForceStructure, post: Post): string => {
  const unit = structure.unit(post.unitId);
  const district = unit?.district ? findDistrict(unit.district)?.en : undefined;
  const where = unit
    ? `${unit.name}${district && !unit.name.includes(district) ? ` (${district})` : ''}`
    : '';
  return `${POST_TITLE_INFO[post.title].en}${where ? `, ${where}` : ''}`;
};
