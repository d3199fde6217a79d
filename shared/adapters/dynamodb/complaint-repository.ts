/**
 * Complaints and their timelines in the application table. Every change is one TransactWriteItems:
 * the complaint item (conditional on its version) plus the new immutable timeline items, so a write
 * that succeeds is always announced by the stream and one that fails announces nothing.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { Complaint } from '../../domain/complaint.ts';
import { ConflictError, PreconditionFailedError } from '../../domain/errors.ts';
import { DuplicateFilingError, EtagCollisionError } from '../../app/errors.ts';
import type {
  ComplaintRepository,
  ComplaintWithTimeline,
  ExtraWrite,
  Page,
  TimelineDraft,
} from '../../app/ports.ts';
import {
  COMPLAINT_ENTITY,
  TIMELINE_ENTITY,
  parseComplaintItem,
  parseTimelineItem,
  type TimelineEntry,
} from '../../schemas/stored.ts';
import {
  COMPLAINT_META_SK,
  FILING_REQUEST_TTL_SECONDS,
  filingRequestKey,
  INDEX,
  citizenPk,
  complaintIndexAttributes,
  complaintKey,
  complaintPk,
  isTimelineSk,
  timelineKey,
  timelineItemId,
} from './keys.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/** The complaint META item: state, keys, and the index attributes derived from the state. */
export const complaintItem = (complaint: Complaint): Record<string, unknown> => ({
  ...complaint,
  ...complaintIndexAttributes(complaint),
  ...complaintKey(complaint.etag),
  entity: COMPLAINT_ENTITY,
});

/**
 * The timeline entry for `draft`, written with `complaint` (its state right after the change) as the
 * `position`-th entry of that write. Pure, so in-memory fakes build exactly the same entries.
 */
export const timelineEntry = (
  complaint: Complaint,
  draft: TimelineDraft,
  position: number,
): TimelineEntry => {
  const key = timelineKey(complaint.etag, draft.at, complaint.version, position);
  return {
    id: timelineItemId(complaint.etag, key.sk),
    etag: complaint.etag,
    type: draft.type,
    at: draft.at,
    district: complaint.district,
    status: complaint.status,
    actor: draft.actor,
    ...(draft.fromStatus ? { fromStatus: draft.fromStatus } : {}),
    ...(draft.toStatus ? { toStatus: draft.toStatus } : {}),
    ...(draft.note !== undefined ? { note: draft.note } : {}),
    ...(draft.reason !== undefined ? { reason: draft.reason } : {}),
    ...(draft.noteVisibility ? { noteVisibility: draft.noteVisibility } : {}),
    ...(draft.data ? { data: draft.data } : {}),
  };
};

/** A timeline item for `draft`: its entry, table key and entity. */
export const timelineItem = (
  complaint: Complaint,
  draft: TimelineDraft,
  position: number,
): Record<string, unknown> & { pk: string; sk: string } => ({
  ...timelineEntry(complaint, draft, position),
  ...timelineKey(complaint.etag, draft.at, complaint.version, position),
  entity: TIMELINE_ENTITY,
});

export const cancellationCodes = (error: unknown): (string | undefined)[] | undefined =>
  error instanceof TransactionCanceledException ||
  (error as Error | undefined)?.name === 'TransactionCanceledException'
    ? ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code)
    : undefined;

export const createComplaintRepository = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
): ComplaintRepository => {
  const put = (
    item: Record<string, unknown>,
    condition?: string,
    values?: Record<string, unknown>,
  ): TransactItem => ({
    Put: {
      TableName: tableName(),
      Item: item,
      ...(condition ? { ConditionExpression: condition } : {}),
      ...(values ? { ExpressionAttributeValues: values } : {}),
    },
  });
  const timelinePuts = (complaint: Complaint, drafts: readonly TimelineDraft[]): TransactItem[] =>
    drafts.map((draft, i) => put(timelineItem(complaint, draft, i), 'attribute_not_exists(pk)'));

  const queryAll = async (etag: string): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let startKey: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': complaintPk(etag) },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };

  return {
    async create(complaint, timeline, options = {}) {
      const { requestId } = options;
      const marker = requestId
        ? [
            put(
              {
                ...filingRequestKey(requestId),
                etag: complaint.etag,
                expiresAt: Math.floor(Date.parse(complaint.createdAt) / 1000) + FILING_REQUEST_TTL_SECONDS,
              },
              'attribute_not_exists(pk)',
            ),
          ]
        : [];
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              put(complaintItem(complaint), 'attribute_not_exists(pk)'),
              ...timelinePuts(complaint, timeline),
              ...marker,
            ],
          }),
        );
      } catch (error) {
        const codes = cancellationCodes(error);
        if (requestId && codes?.at(-1) === 'ConditionalCheckFailed') {
          const { Item } = await db.send(
            new GetCommand({
              TableName: tableName(),
              Key: filingRequestKey(requestId),
              ConsistentRead: true,
            }),
          );
          if (typeof Item?.etag === 'string')
            throw new DuplicateFilingError(requestId, Item.etag, { cause: error });
        }
        if (codes?.[0] === 'ConditionalCheckFailed') {
          throw new EtagCollisionError(complaint.etag, { cause: error });
        }
        throw error;
      }
    },

    async get(etag) {
      // A query on the partition with a consistent read: the META item only.
      const page = await db.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk = :sk',
          ExpressionAttributeValues: { ':pk': complaintPk(etag), ':sk': COMPLAINT_META_SK },
          ConsistentRead: true,
        }),
      );
      const item = page.Items?.[0];
      return item ? parseComplaintItem(item) : undefined;
    },

    async getWithTimeline(etag): Promise<ComplaintWithTimeline | undefined> {
      const items = await queryAll(etag);
      const meta = items.find((i) => i.sk === COMPLAINT_META_SK);
      if (!meta) return undefined;
      const timeline = items
        .filter((i) => typeof i.sk === 'string' && isTimelineSk(i.sk))
        .map((i) => parseTimelineItem(i));
      return { complaint: parseComplaintItem(meta), timeline };
    },

    async listByCitizen(identity, options = {}): Promise<Page<Complaint>> {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: INDEX.byCitizen,
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': citizenPk(identity) },
          ScanIndexForward: false,
          Limit: Math.min(Math.max(options.limit ?? 20, 1), 100),
          ...(options.cursor ? { ExclusiveStartKey: decodeCursor(options.cursor) } : {}),
        }),
      );
      const items = (page.Items ?? []).map((i) => parseComplaintItem(i));
      return page.LastEvaluatedKey ? { items, cursor: encodeCursor(page.LastEvaluatedKey) } : { items };
    },

    async update(complaint, expectedVersion, timeline, options = {}) {
      if (complaint.version <= expectedVersion) {
        throw new TypeError(
          `update needs the next version (got ${complaint.version}, expected > ${expectedVersion})`,
        );
      }
      const extraWrites: readonly ExtraWrite[] = options.extraWrites ?? [];
      const items: TransactItem[] = [
        put(complaintItem(complaint), 'attribute_exists(pk) AND version = :expected', {
          ':expected': expectedVersion,
        }),
        ...timelinePuts(complaint, timeline),
        ...extraWrites.map((w) => put(w.item, w.mode === 'create' ? 'attribute_not_exists(pk)' : undefined)),
      ];
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        const extraStart = 1 + timeline.length;
        const failedExtra = codes.findIndex(
          (code, i) => i >= extraStart && code === 'ConditionalCheckFailed',
        );
        if (codes[0] !== 'ConditionalCheckFailed' && failedExtra >= 0) {
          throw new ConflictError('This change was already recorded.', { cause: error });
        }
        // Stale version, a concurrent writer (TransactionConflict) or the same timeline key: re-read and retry.
        throw new PreconditionFailedError(
          `Complaint ${complaint.etag} was changed by someone else; reload it and try again.`,
          { cause: error },
        );
      }
    },
  };
};
