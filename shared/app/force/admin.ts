/**
 * Directory administration (issue 9): units and posts, officers, postings and transfers. Admin role only;
 * every other caller gets ForbiddenError, whatever the route. An officer's sign-in user gets role and
 * area from their posting (roleAndAreaOf), never from the request. History is never overwritten.
 */
import * as z from '../../domain/zod.ts';
import { lineText } from '../../domain/text.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { findDistrict } from '../../domain/districts.ts';
import {
  officerRecordSchema,
  planPosting,
  RANKS,
  roleAndAreaOf,
  serviceNumberSchema,
  whatsappContact,
  parseRank,
  type OfficerRecord,
  type Posting,
} from '../../domain/force/personnel.ts';
import {
  ForceStructure,
  headPostId,
  POST_TITLE_INFO,
  POST_TITLES,
  structureProblems,
  TITLES_BY_UNIT_KIND,
  UNIT_KINDS,
  unitSchema,
  type Post,
  type Unit,
} from '../../domain/force/structure.ts';
import type { Officer } from '../../domain/officer.ts';
import type { ForceChanges, ForceRepository, OfficerAccounts } from './ports.ts';

export interface ForceAdminDeps {
  force: ForceRepository;
  accounts: OfficerAccounts;
  clock: { now(): Date };
}

export const assertAdmin = (actor: Officer): void => {
  if (actor.role !== 'ADMIN') {
    throw new ForbiddenError('Only an administrator manages the force directory');
  }
};

const isoInput = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const unitInputSchema = z.strictObject({
  id: unitSchema.shape.id,
  kind: z.enum(UNIT_KINDS),
  name: unitSchema.shape.name,
  ur: unitSchema.shape.ur,
  parentId: z.optional(unitSchema.shape.id),
  district: z.optional(z.string().check(z.maxLength(10))),
  region: z.optional(z.string().check(z.maxLength(40))),
  placeholder: z.optional(z.boolean()),
  /** The head post's title; default: the first title the kind allows (e.g. SHO for a station). */
  title: z.optional(z.enum(POST_TITLES)),
});
export type UnitInput = z.infer<typeof unitInputSchema>;

export const unitUpdateSchema = z.partial(z.omit(unitInputSchema, { id: true, kind: true }));

export const officerInputSchema = z.strictObject({
  serviceNumber: serviceNumberSchema,
  name: lineText(2, 100),
  rank: z.string().check(z.maxLength(40)),
  whatsapp: z.optional(z.string().check(z.maxLength(40))),
  whatsappConsent: z._default(z.boolean(), false),
  /** Post them at once (optional): the post's id and the start of the posting (default: now). */
  postId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  from: z.optional(isoInput),
});

export const officerUpdateSchema = z.partial(
  z.pick(officerInputSchema, { name: true, rank: true, whatsapp: true, whatsappConsent: true }),
);

export const postingInputSchema = z.strictObject({
  postId: z.string().check(z.minLength(1), z.maxLength(100)),
  from: z.optional(isoInput),
});

const checked = (structure: ForceStructure): void => {
  const problems = structureProblems(structure);
  if (problems.length > 0) {
    throw new ValidationError(
      'The change would leave the structure inconsistent',
      problems.map((message) => ({ path: '', message })),
    );
  }
};

/** The structure with `units` and `posts` put in place of (or beside) the stored ones. */
const withChanges = (structure: ForceStructure, units: readonly Unit[], posts: readonly Post[]) => {
  const unitMap = new Map(structure.allUnits().map((u) => [u.id, u]));
  const postMap = new Map(structure.allPosts().map((p) => [p.id, p]));
  for (const u of units) unitMap.set(u.id, u);
  for (const p of posts) postMap.set(p.id, p);
  return new ForceStructure([...unitMap.values()], [...postMap.values()]);
};

const noCycle = (structure: ForceStructure, unitId: string): void => {
  const path = structure.unitsUpFrom(unitId);
  const top = path[path.length - 1];
  if (top?.parentId && structure.unit(top.parentId)) {
    throw new ValidationError('A unit cannot sit under itself', [{ path: 'parentId', message: 'cycle' }]);
  }
};

const canonicalDistrict = (code: string | undefined): string | undefined => {
  if (code === undefined) return undefined;
  const district = findDistrict(code);
  if (!district)
    throw new ValidationError('Unknown district', [{ path: 'district', message: `unknown '${code}'` }]);
  return district.code;
};

export const createUnit = async (
  deps: ForceAdminDeps,
  input: { actor: Officer; unit: UnitInput },
): Promise<{ unit: Unit; post: Post }> => {
  assertAdmin(input.actor);
  const { title: requestedTitle, ...fields } = input.unit;
  const structure = await deps.force.structure();
  if (structure.unit(fields.id)) throw new ConflictError(`Unit ${fields.id} already exists`);
  const parent = fields.parentId ? structure.unit(fields.parentId) : undefined;
  const district = canonicalDistrict(fields.district) ?? parent?.district;
  const unit: Unit = unitSchema.parse({ ...fields, ...(district ? { district } : {}) });
  const title = requestedTitle ?? TITLES_BY_UNIT_KIND[unit.kind][0];
  if (!title)
    throw new ValidationError('No post can head this unit', [{ path: 'title', message: 'required' }]);
  const post: Post = { id: headPostId(unit.id), unitId: unit.id, title, tier: POST_TITLE_INFO[title].tier };
  checked(withChanges(structure, [unit], [post]));
  await deps.force.apply({ units: [unit], posts: [post] });
  return { unit, post };
};

export const updateUnit = async (
  deps: ForceAdminDeps,
  input: { actor: Officer; id: string; changes: z.infer<typeof unitUpdateSchema> },
): Promise<{ unit: Unit; post?: Post }> => {
  assertAdmin(input.actor);
  const structure = await deps.force.structure();
  const stored = structure.unit(input.id);
  if (!stored) throw new NotFoundError(`Unit ${input.id} not found`);
  const { title, ...fields } = input.changes;
  const district = canonicalDistrict(fields.district);
  const unit: Unit = unitSchema.parse({ ...stored, ...fields, ...(district ? { district } : {}) });
  const storedPost = structure.postOf(unit.id);
  const post: Post | undefined = title
    ? { id: storedPost?.id ?? headPostId(unit.id), unitId: unit.id, title, tier: POST_TITLE_INFO[title].tier }
    : undefined;
  const next = withChanges(structure, [unit], post ? [post] : []);
  noCycle(next, unit.id);
  checked(next);
  await deps.force.apply({ units: [unit], ...(post ? { posts: [post] } : {}) });
  return { unit, ...((post ?? storedPost) ? { post: post ?? storedPost } : {}) };
};

const at = (from: string | undefined, now: Date): string => (from ? new Date(from) : now).toISOString();

const requirePost = (structure: ForceStructure, postId: string): Post => {
  const post = structure.post(postId);
  if (!post) throw new NotFoundError(`Post ${postId} not found`);
  return post;
};

/** Brings the sign-in users of these officers in line with their open postings (none: no role). */
export const syncAccounts = async (
  deps: Pick<ForceAdminDeps, 'force' | 'accounts'>,
  serviceNumbers: readonly string[],
): Promise<void> => {
  const structure = await deps.force.structure();
  for (const serviceNumber of new Set(serviceNumbers)) {
    const officer = await deps.force.officer(serviceNumber);
    if (!officer) continue;
    const open = (await deps.force.postingsOfOfficer(serviceNumber)).find((p) => p.to === undefined);
    const post = open ? structure.post(open.postId) : undefined;
    const { role, ...area } = post ? roleAndAreaOf(structure, post) : { role: '' };
    await deps.accounts.ensure({
      username: officer.username ?? serviceNumber,
      name: officer.name,
      ...(officer.whatsapp ? { phone: officer.whatsapp.phone } : {}),
      role,
      area,
    });
  }
};

const postingChanges = async (
  deps: ForceAdminDeps,
  plan: { postId: string; serviceNumber: string; from: string; recordedBy: string },
): Promise<{ open: Posting; close: Posting[] }> =>
  planPosting({
    ...plan,
    now: deps.clock.now(),
    officerHistory: await deps.force.postingsOfOfficer(plan.serviceNumber),
    postHistory: await deps.force.postingsOfPost(plan.postId),
  });

const readRank = (text: string) => {
  const rank = parseRank(text);
  if (!rank) {
    throw new ValidationError('Unknown rank', [
      { path: 'rank', message: `expected one of ${RANKS.join(', ')}` },
    ]);
  }
  return rank;
};

const readWhatsapp = (phone: string | undefined, consent: boolean, now: Date) => {
  const contact = whatsappContact(phone, consent, now);
  if (!contact.ok)
    throw new ValidationError('Invalid WhatsApp number', [{ path: 'whatsapp', message: contact.message }]);
  return contact.whatsapp;
};

export const createOfficer = async (
  deps: ForceAdminDeps,
  input: { actor: Officer; officer: z.infer<typeof officerInputSchema> },
): Promise<{ officer: OfficerRecord; posting?: Posting }> => {
  assertAdmin(input.actor);
  const now = deps.clock.now();
  const o = input.officer;
  if (await deps.force.officer(o.serviceNumber)) {
    throw new ConflictError(`An officer with service number ${o.serviceNumber} already exists`);
  }
  const whatsapp = readWhatsapp(o.whatsapp, o.whatsappConsent, now);
  const officer: OfficerRecord = officerRecordSchema.parse({
    serviceNumber: o.serviceNumber,
    name: o.name,
    rank: readRank(o.rank),
    ...(whatsapp ? { whatsapp } : {}),
    username: o.serviceNumber,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  });
  let changes: ForceChanges = { officers: [{ officer }] };
  let posting: Posting | undefined;
  let relieved: string[] = [];
  if (o.postId) {
    requirePost(await deps.force.structure(), o.postId);
    const plan = await postingChanges(deps, {
      postId: o.postId,
      serviceNumber: officer.serviceNumber,
      from: at(o.from, now),
      recordedBy: input.actor.id,
    });
    posting = plan.open;
    relieved = plan.close.map((p) => p.serviceNumber);
    changes = { ...changes, openPostings: [plan.open], closePostings: plan.close };
  }
  await deps.force.apply(changes);
  await syncAccounts(deps, [officer.serviceNumber, ...relieved]);
  return { officer, ...(posting ? { posting } : {}) };
};

export const updateOfficer = async (
  deps: ForceAdminDeps,
  input: {
    actor: Officer;
    serviceNumber: string;
    expectedVersion: number;
    changes: z.infer<typeof officerUpdateSchema>;
  },
): Promise<OfficerRecord> => {
  assertAdmin(input.actor);
  const now = deps.clock.now();
  const stored = await deps.force.officer(input.serviceNumber);
  if (!stored) throw new NotFoundError(`Officer ${input.serviceNumber} not found`);
  const c = input.changes;
  const whatsapp =
    c.whatsapp !== undefined || c.whatsappConsent !== undefined
      ? readWhatsapp(
          c.whatsapp ?? stored.whatsapp?.phone,
          c.whatsappConsent ?? stored.whatsapp !== undefined,
          now,
        )
      : stored.whatsapp;
  const { whatsapp: _old, ...rest } = stored;
  const officer: OfficerRecord = {
    ...rest,
    ...(c.name ? { name: c.name } : {}),
    ...(c.rank ? { rank: readRank(c.rank) } : {}),
    ...(whatsapp ? { whatsapp } : {}),
    updatedAt: now.toISOString(),
    version: stored.version + 1,
  };
  await deps.force.apply({ officers: [{ officer, expectedVersion: input.expectedVersion }] });
  await syncAccounts(deps, [officer.serviceNumber]);
  return officer;
};

/** Posts or transfers an officer: their open posting and the post's previous holder are closed at `from`. */
export const postOfficer = async (
  deps: ForceAdminDeps,
  input: { actor: Officer; serviceNumber: string; posting: z.infer<typeof postingInputSchema> },
): Promise<{ posting: Posting; closed: Posting[] }> => {
  assertAdmin(input.actor);
  const now = deps.clock.now();
  if (!(await deps.force.officer(input.serviceNumber))) {
    throw new NotFoundError(`Officer ${input.serviceNumber} not found`);
  }
  requirePost(await deps.force.structure(), input.posting.postId);
  const plan = await postingChanges(deps, {
    postId: input.posting.postId,
    serviceNumber: input.serviceNumber,
    from: at(input.posting.from, now),
    recordedBy: input.actor.id,
  });
  await deps.force.apply({ openPostings: [plan.open], closePostings: plan.close });
  await syncAccounts(deps, [input.serviceNumber, ...plan.close.map((p) => p.serviceNumber)]);
  return { posting: plan.open, closed: plan.close };
};

export const getOfficer = async (
  deps: Pick<ForceAdminDeps, 'force'>,
  input: { actor: Officer; serviceNumber: string },
): Promise<{ officer: OfficerRecord; postings: Posting[] }> => {
  assertAdmin(input.actor);
  const officer = await deps.force.officer(input.serviceNumber);
  if (!officer) throw new NotFoundError(`Officer ${input.serviceNumber} not found`);
  return { officer, postings: await deps.force.postingsOfOfficer(input.serviceNumber) };
};

export const listUnits = async (
  deps: Pick<ForceAdminDeps, 'force'>,
  input: { actor: Officer; district?: string },
): Promise<{ units: (Unit & { post?: Post })[] }> => {
  assertAdmin(input.actor);
  const structure = await deps.force.structure();
  const district = input.district ? findDistrict(input.district)?.code : undefined;
  const units = structure
    .allUnits()
    .filter((u) => input.district === undefined || u.district === district)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((u) => {
      const post = structure.postOf(u.id);
      return post ? { ...u, post } : u;
    });
  return { units };
};
