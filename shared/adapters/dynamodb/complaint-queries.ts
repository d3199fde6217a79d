/**
 * Officer-facing reads of the application table: the complaint queue per district (newest first,
 * filtered, cursor-paginated), merged across the districts of an officer's scope, and the per-district
 * reads behind monitoring. Follow-ups and alerts reuse `mergedList` over their own index partitions.
 *
 * Cursor: opaque base64url JSON `{ v: 1, p: { <district>: <last index sort key read> } }`. A partition
 * missing from the cursor is exhausted. The sort key is checked against its item kind and the district
 * against the request, so a tampered cursor is a 400, never a read outside scope.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Complaint } from '../../domain/complaint.ts';
import { ValidationError } from '../../domain/errors.ts';
import { stationOf } from '../../domain/officer.ts';
import type { ComplaintListFilters, ComplaintQueries, ListQuery, Page } from '../../app/officer/ports.ts';
import { isOverdue } from '../../app/officer/scope.ts';
import { sameUnitName } from '../../domain/unit-name.ts';
import { parseComplaintItem } from '../../schemas/stored.ts';
import {
  COMPLAINT_META_SK,
  INDEX,
  complaintPk,
  districtPk,
  districtPriorityPk,
  districtStatusPk,
  type TableKey,
} from './keys.ts';
import { queryItems } from './query-items.ts';

type ComplaintListQuery = ListQuery<ComplaintListFilters, Complaint>;

type IndexName = (typeof INDEX)['byDistrict' | 'byDistrictStatus' | 'byDistrictPriority'];

const INDEX_KEYS: Record<IndexName, { pk: string; sk: string }> = {
  byDistrict: { pk: 'gsi1pk', sk: 'gsi1sk' },
  byDistrictStatus: { pk: 'gsi3pk', sk: 'gsi3sk' },
  byDistrictPriority: { pk: 'gsi4pk', sk: 'gsi4sk' },
};

/** The index that serves a filter: status, else priority, else the district's whole queue. */
const partitionOf = (
  district: string,
  filters: ComplaintListFilters,
): { indexName: IndexName; pk: string } => {
  if (filters.status !== undefined) {
    return { indexName: INDEX.byDistrictStatus, pk: districtStatusPk(district, filters.status) };
  }
  if (filters.priority !== undefined) {
    return { indexName: INDEX.byDistrictPriority, pk: districtPriorityPk(district, filters.priority) };
  }
  return { indexName: INDEX.byDistrict, pk: districtPk(district) };
};

/** Index sort keys all start with an ISO time (newest first) and stay short. */
const SORT_KEY_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z#[A-Za-z0-9#.:-]{1,160}$/;

const invalidCursor = (): ValidationError =>
  new ValidationError('Invalid cursor', [
    { path: 'cursor', message: 'Not a cursor returned by this API for this query' },
  ]);

export const encodeListCursor = (positions: Record<string, string>): string =>
  Buffer.from(JSON.stringify({ v: 1, p: positions }), 'utf8').toString('base64url');

/** Positions per partition; throws ValidationError for anything this API did not hand out. */
export const decodeListCursor = (cursor: string, partitions: readonly string[]): Record<string, string> => {
  if (cursor.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const p = (value as { v?: unknown; p?: unknown } | null)?.p;
  if ((value as { v?: unknown } | null)?.v !== 1 || !p || typeof p !== 'object' || Array.isArray(p)) {
    throw invalidCursor();
  }
  const positions: Record<string, string> = {};
  for (const [partition, sk] of Object.entries(p)) {
    if (
      !partitions.includes(partition) ||
      typeof sk !== 'string' ||
      (sk !== '' && !SORT_KEY_SHAPE.test(sk))
    ) {
      throw invalidCursor();
    }
    positions[partition] = sk;
  }
  return positions;
};

export interface MergedListSpec<T> {
  db: DynamoDBDocumentClient;
  tableName: string;
  indexName: string;
  indexKeys: { pk: string; sk: string };
  /** Logical partitions (districts) and the index partition key value of each. */
  partitions: readonly { id: string; pk: string }[];
  /** Table key of the item whose index sort key is `sk` (to resume a query after it); undefined if malformed. */
  tableKeyOf: (sk: string) => TableKey | undefined;
  parse: (item: Record<string, unknown>) => T;
  where: (item: T) => boolean;
  /** Index sort key range: at or after `from`, before `to` (ISO times). */
  range?: { from?: string; to?: string };
  limit: number;
  cursor?: string;
  /** Upper bound of items read per request; a page may come back short, with a cursor to continue. */
  maxReads?: number;
}

interface Stream {
  id: string;
  pk: string;
  buffer: { sk: string; item: Record<string, unknown> }[];
  startKey: Record<string, unknown> | undefined;
  done: boolean;
  /** Index sort key of the last item taken from this partition ('' = none yet). */
  position: string;
  chunk: number;
}

export interface MergedPage<T> extends Page<T> {
  /** Items read from the index for this page (cost reporting). */
  read: number;
}

/** k-way merge, newest first, of several index partitions, with in-memory filtering and a resumable cursor. */
export const mergedList = async <T>(spec: MergedListSpec<T>): Promise<MergedPage<T>> => {
  const ids = spec.partitions.map((p) => p.id);
  const positions = spec.cursor ? decodeListCursor(spec.cursor, ids) : undefined;
  const maxReads = spec.maxReads ?? 1000;
  const firstChunk = Math.max(5, Math.ceil(spec.limit / Math.max(1, spec.partitions.length)) + 1);
  const streams: Stream[] = spec.partitions
    .filter((p) => !positions || positions[p.id] !== undefined)
    .map((p) => {
      const position = positions?.[p.id] ?? '';
      let startKey: Record<string, unknown> | undefined;
      if (position !== '') {
        const key = spec.tableKeyOf(position);
        if (!key) throw invalidCursor();
        startKey = { ...key, [spec.indexKeys.pk]: p.pk, [spec.indexKeys.sk]: position };
      }
      return { id: p.id, pk: p.pk, buffer: [], startKey, done: false, position, chunk: firstChunk };
    });

  const names: Record<string, string> = { '#pk': spec.indexKeys.pk, '#sk': spec.indexKeys.sk };
  let condition = '#pk = :pk';
  const rangeValues: Record<string, string> = {};
  if (spec.range?.from && spec.range.to) {
    condition += ' AND #sk BETWEEN :from AND :to';
    Object.assign(rangeValues, { ':from': spec.range.from, ':to': spec.range.to });
  } else if (spec.range?.from) {
    condition += ' AND #sk >= :from';
    rangeValues[':from'] = spec.range.from;
  } else if (spec.range?.to) {
    condition += ' AND #sk < :to';
    rangeValues[':to'] = spec.range.to;
  }

  const fill = async (stream: Stream): Promise<void> => {
    const page = await spec.db.send(
      new QueryCommand({
        TableName: spec.tableName,
        IndexName: spec.indexName,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: condition.includes('#sk') ? names : { '#pk': names['#pk'] as string },
        ExpressionAttributeValues: { ':pk': stream.pk, ...rangeValues },
        ScanIndexForward: false,
        Limit: stream.chunk,
        ExclusiveStartKey: stream.startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const sk = item[spec.indexKeys.sk];
      if (typeof sk === 'string') stream.buffer.push({ sk, item });
    }
    stream.startKey = page.LastEvaluatedKey;
    stream.done = !page.LastEvaluatedKey;
    stream.chunk = Math.min(stream.chunk * 2, 200);
  };

  const items: T[] = [];
  let read = 0;
  while (items.length < spec.limit && read < maxReads) {
    await Promise.all(streams.filter((s) => s.buffer.length === 0 && !s.done).map(fill));
    let best: Stream | undefined;
    for (const s of streams) {
      const head = s.buffer[0];
      if (head && (!best || head.sk > (best.buffer[0]?.sk ?? ''))) best = s;
    }
    if (!best) break;
    const head = best.buffer.shift();
    if (!head) break;
    best.position = head.sk;
    read++;
    const parsed = spec.parse(head.item);
    if (spec.where(parsed)) items.push(parsed);
  }
  const open = streams.filter((s) => s.buffer.length > 0 || !s.done);
  if (open.length === 0) return { items, read };
  return { items, read, cursor: encodeListCursor(Object.fromEntries(open.map((s) => [s.id, s.position]))) };
};

/** Index sort key `<createdAt>#<etag>` → the complaint's META key. */
const complaintKeyOfSortKey = (sk: string): TableKey | undefined => {
  const etag = sk.slice(sk.indexOf('#') + 1);
  return /^[A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(etag)
    ? { pk: complaintPk(etag), sk: COMPLAINT_META_SK }
    : undefined;
};

export const matchesFilters = (complaint: Complaint, filters: ComplaintListFilters, now: Date): boolean =>
  (filters.status === undefined || complaint.status === filters.status) &&
  (filters.category === undefined || complaint.category === filters.category) &&
  (filters.priority === undefined || complaint.priority === filters.priority) &&
  (filters.station === undefined || sameUnitName(stationOf(complaint), filters.station)) &&
  (filters.overdue === undefined || isOverdue(complaint, now) === filters.overdue);

export const createComplaintQueries = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
  options: { maxReads?: number } = {},
): ComplaintQueries & { listWithCost(query: ComplaintListQuery): Promise<MergedPage<Complaint>> } => {
  const listWithCost = async (query: ComplaintListQuery): Promise<MergedPage<Complaint>> => {
    const { filters } = query;
    const indexName = partitionOf('', filters).indexName;
    return mergedList<Complaint>({
      db,
      tableName: tableName(),
      indexName,
      indexKeys: INDEX_KEYS[indexName],
      partitions: query.districts.map((d) => ({ id: d, pk: partitionOf(d, filters).pk })),
      tableKeyOf: complaintKeyOfSortKey,
      parse: parseComplaintItem,
      where: (c) => matchesFilters(c, filters, query.now) && (query.where?.(c) ?? true),
      range: { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) },
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(options.maxReads ? { maxReads: options.maxReads } : {}),
    });
  };
  return {
    listWithCost,
    async list(query) {
      const { read: _read, ...page } = await listWithCost(query);
      return page;
    },
    async *filedBetween(district, from, to) {
      const items = queryItems(db, {
        TableName: tableName(),
        IndexName: INDEX.byDistrict,
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': districtPk(district), ':from': from, ':to': to },
      });
      for await (const item of items) yield parseComplaintItem(item);
    },
  };
};
