/**
 * Roster import (issue 9): a CSV of officers and their postings, checked whole (dry run: what would change
 * and every invalid line) and applied all or nothing: one transaction (at most 100 writes; a larger roster
 * is refused at the dry run and must be split, e.g. by circle). Columns (header row, any order):
 *
 *   service_number, name, rank, whatsapp, whatsapp_consent, district, post, unit, from
 *
 * `post` is a post title (SHO, SDPO, SP_DIVISION, DPO, CITY_POLICE_OFFICER, RPO, CCPO, IG_COMPLAINT_CELL);
 * `unit` names the station (SHO), circle (SDPO) or division (SP_DIVISION) within the district, and is empty
 * for the district's and region's heads. `from` is an ISO date or time (default: now).
 */
import { parse } from 'csv-parse/sync';
import { ConflictError } from '../../domain/errors.ts';
import { findDistrict } from '../../domain/districts.ts';
import {
  officerRecordSchema,
  parseRank,
  planPosting,
  SERVICE_NUMBER,
  whatsappContact,
  type OfficerRecord,
  type Posting,
} from '../../domain/force/personnel.ts';
import {
  POST_TITLE_INFO,
  POST_TITLES,
  type ForceStructure,
  type Post,
  type PostTitle,
} from '../../domain/force/structure.ts';
import type { Officer } from '../../domain/officer.ts';
import { assertAdmin, syncAccounts, type ForceAdminDeps } from './admin.ts';
import { MAX_CHANGE_WRITES, changeCount, type ForceChanges } from './ports.ts';

const REQUIRED_COLUMNS = ['service_number', 'name', 'rank', 'district', 'post'] as const;

export const ROSTER_ERROR_KINDS = [
  'malformed',
  'missing_field',
  'unknown_district',
  'unknown_station',
  'unknown_unit',
  'unknown_post',
  'duplicate_service_number',
  'overlapping_postings',
  'bad_phone',
  'unknown_rank',
  'bad_date',
  'too_large',
] as const;
export type RosterErrorKind = (typeof ROSTER_ERROR_KINDS)[number];

export interface RosterError {
  /** 1-based line of the CSV (the header is line 1); 0 for the file as a whole. */
  line: number;
  kind: RosterErrorKind;
  field?: string;
  message: string;
}

export interface RosterReport {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  changes: {
    officersCreated: number;
    officersUpdated: number;
    postingsOpened: number;
    postingsClosed: number;
  };
  errors: RosterError[];
}

/** Largest roster file accepted (bytes); the HTTP edge limits bodies as well. */
export const MAX_ROSTER_BYTES = 200_000;

const YES = new Set(['yes', 'y', 'true', '1', 'haan', 'ہاں']);

interface Row {
  line: number;
  fields: Record<string, string>;
}

const readRows = (csv: string): { rows: Row[]; errors: RosterError[] } => {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { rows: [], errors: [{ line, kind: 'malformed', message: (error as Error).message }] };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => records.length > 0 && !header.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [{ line: 1, kind: 'malformed', message: `missing column(s): ${missing.join(', ')}` }],
    };
  }
  return { rows: records.map((r) => ({ line: r.info.lines, fields: r.record })), errors: [] };
};

/** The post a row names, or the error saying why it names none. */
const resolvePost = (
  structure: ForceStructure,
  district: string,
  title: PostTitle,
  unitName: string,
): Post | Omit<RosterError, 'line'> => {
  const headOf = (unitId: string | undefined) => (unitId ? structure.postOf(unitId) : undefined);
  const wanted = unitName.trim().toLowerCase();
  let post: Post | undefined;
  if (title === 'SHO') {
    post = headOf(structure.station(district, unitName)?.id);
    if (!post) {
      return {
        kind: 'unknown_station',
        field: 'unit',
        message: `no police station '${unitName}' in ${district}`,
      };
    }
    return post;
  }
  if (title === 'SDPO') post = headOf(structure.circle(district, unitName)?.id);
  else if (title === 'SP_DIVISION') {
    const division = structure
      .allUnits()
      .find(
        (u) =>
          u.kind === 'division' &&
          u.district === district &&
          [wanted, `${wanted} division`].includes(u.name.toLowerCase()),
      );
    post = headOf(division?.id);
  } else {
    const candidate = structure.responsiblePost({ district }, POST_TITLE_INFO[title].tier);
    post = candidate?.title === title ? candidate : undefined;
  }
  return (
    post ?? {
      kind: 'unknown_unit',
      field: 'unit',
      message: `no ${title} post${unitName ? ` '${unitName}'` : ''} in ${district}`,
    }
  );
};

interface PlannedRow {
  line: number;
  officer: OfficerRecord;
  expectedVersion?: number;
  postId: string;
  from: string;
}

/** Checks every row against the directory and the other rows; returns the plan and every error. */
const planRoster = async (
  deps: ForceAdminDeps,
  actor: Officer,
  rows: readonly Row[],
): Promise<{ planned: PlannedRow[]; changes: ForceChanges; errors: RosterError[] }> => {
  const now = deps.clock.now();
  const structure = await deps.force.structure();
  const errors: RosterError[] = [];
  const planned: PlannedRow[] = [];
  const lineOfService = new Map<string, number>();
  const rowsOfPost = new Map<string, PlannedRow>();

  for (const { line, fields } of rows) {
    const fail = (kind: RosterErrorKind, message: string, field?: string) =>
      errors.push({ line, kind, message, ...(field ? { field } : {}) });
    const before = errors.length;
    for (const column of REQUIRED_COLUMNS) {
      if (!fields[column]) fail('missing_field', `${column} is required`, column);
    }
    if (errors.length > before) continue;
    const serviceNumber = (fields.service_number ?? '').toUpperCase();
    if (!SERVICE_NUMBER.test(serviceNumber)) {
      fail('malformed', `'${fields.service_number}' is not a service number`, 'service_number');
    } else if (lineOfService.has(serviceNumber)) {
      fail(
        'duplicate_service_number',
        `service number ${serviceNumber} is already on line ${lineOfService.get(serviceNumber)}`,
        'service_number',
      );
    } else lineOfService.set(serviceNumber, line);
    const rank = parseRank(fields.rank ?? '');
    if (!rank) fail('unknown_rank', `unknown rank '${fields.rank}'`, 'rank');
    const contact = whatsappContact(
      fields.whatsapp,
      YES.has((fields.whatsapp_consent ?? '').toLowerCase()),
      now,
    );
    if (!contact.ok) fail('bad_phone', contact.message, 'whatsapp');
    const district = findDistrict(fields.district ?? '')?.code;
    if (!district) fail('unknown_district', `unknown district '${fields.district}'`, 'district');
    const title = POST_TITLES.find(
      (t) => t === (fields.post ?? '').trim().toUpperCase().replace(/\s+/g, '_'),
    );
    if (!title)
      fail('unknown_post', `unknown post '${fields.post}' (one of ${POST_TITLES.join(', ')})`, 'post');
    const fromText = fields.from ?? '';
    const from = fromText ? new Date(fromText) : now;
    if (Number.isNaN(from.getTime())) fail('bad_date', `'${fromText}' is not a date`, 'from');
    const post = district && title ? resolvePost(structure, district, title, fields.unit ?? '') : undefined;
    if (post && !('id' in post)) errors.push({ line, ...post });
    if (errors.length > before || !post || !('id' in post) || !rank) continue;

    const row: PlannedRow = {
      line,
      postId: post.id,
      from: from.toISOString(),
      officer: officerRecordSchema.parse({
        serviceNumber,
        name: fields.name,
        rank,
        ...(contact.ok && contact.whatsapp ? { whatsapp: contact.whatsapp } : {}),
        username: serviceNumber,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 1,
      }),
    };
    const other = rowsOfPost.get(post.id);
    if (other) {
      fail(
        'overlapping_postings',
        `line ${other.line} posts another officer to the same post (${post.id})`,
        'unit',
      );
      continue;
    }
    rowsOfPost.set(post.id, row);
    planned.push(row);
  }

  // Against the stored directory: existing officers are updated, history must not be rewritten.
  const openPostings: Posting[] = [];
  const closing = new Map<string, Posting>();
  const officers: NonNullable<ForceChanges['officers']>[number][] = [];
  for (const row of planned) {
    const stored = await deps.force.officer(row.officer.serviceNumber);
    const officer = stored
      ? {
          ...row.officer,
          createdAt: stored.createdAt,
          username: stored.username ?? row.officer.username,
          version: stored.version + 1,
        }
      : row.officer;
    let plan;
    try {
      plan = planPosting({
        postId: row.postId,
        serviceNumber: officer.serviceNumber,
        from: row.from,
        recordedBy: actor.id,
        now,
        officerHistory: await deps.force.postingsOfOfficer(officer.serviceNumber),
        postHistory: await deps.force.postingsOfPost(row.postId),
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Already holding exactly this post: nothing to change for the posting.
      if (/already holds/.test(error.message)) {
        officers.push(stored ? { officer, expectedVersion: stored.version } : { officer });
        continue;
      }
      errors.push({ line: row.line, kind: 'overlapping_postings', field: 'from', message: error.message });
      continue;
    }
    officers.push(stored ? { officer, expectedVersion: stored.version } : { officer });
    openPostings.push(plan.open);
    for (const closed of plan.close) {
      const key = `${closed.postId}|${closed.from}|${closed.serviceNumber}`;
      const earlier = closing.get(key);
      if (!earlier || (closed.to ?? '') < (earlier.to ?? '')) closing.set(key, closed);
    }
  }
  const changes: ForceChanges = { officers, openPostings, closePostings: [...closing.values()] };
  if (changeCount(changes) > MAX_CHANGE_WRITES) {
    errors.push({
      line: 0,
      kind: 'too_large',
      message: `the roster needs ${changeCount(changes)} writes; one all-or-nothing import holds at most ${MAX_CHANGE_WRITES}: split it (e.g. by circle or division)`,
    });
  }
  return { planned, changes, errors };
};

/**
 * Dry run (`apply: false`): the report of what would change and every invalid line; nothing is written.
 * Apply: the same checks, then everything in one transaction, or nothing when any line is invalid.
 */
export const importRoster = async (
  deps: ForceAdminDeps,
  input: { actor: Officer; csv: string; apply: boolean },
): Promise<RosterReport> => {
  assertAdmin(input.actor);
  const parsed = readRows(input.csv);
  const { changes, errors } =
    parsed.errors.length > 0
      ? { changes: {} as ForceChanges, errors: parsed.errors }
      : await planRoster(deps, input.actor, parsed.rows);
  errors.sort((a, b) => a.line - b.line);
  const officers = changes.officers ?? [];
  const report: RosterReport = {
    dryRun: !input.apply,
    applied: false,
    rows: parsed.rows.length,
    changes: {
      officersCreated: officers.filter((o) => o.expectedVersion === undefined).length,
      officersUpdated: officers.filter((o) => o.expectedVersion !== undefined).length,
      postingsOpened: changes.openPostings?.length ?? 0,
      postingsClosed: changes.closePostings?.length ?? 0,
    },
    errors,
  };
  if (!input.apply || errors.length > 0 || parsed.rows.length === 0) return report;
  await deps.force.apply(changes);
  await syncAccounts(deps, [
    ...officers.map((o) => o.officer.serviceNumber),
    ...(changes.closePostings ?? []).map((p) => p.serviceNumber),
  ]);
  return { ...report, applied: true };
};
