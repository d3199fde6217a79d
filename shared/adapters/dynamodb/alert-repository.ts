/**
 * Officer alerts (`ALERT#<timeline item id>` / `ALERT`): one per SLA warning or breach entry, listed per
 * district through gsi1 newest first, kept 180 days (TTL).
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../domain/zod.ts';
import { ALERT_KINDS } from '../../domain/sla.ts';
import { ROLES } from '../../domain/vocabulary.ts';
import type { AlertRepository, OfficerAlert } from '../../app/officer/ports.ts';
import { mergedList } from './complaint-queries.ts';
import { INDEX, alertDistrictPk, alertIndexAttributes, alertKey } from './keys.ts';
import { isConditionFailure } from './errors.ts';

export const ALERT_TTL_DAYS = 180;

const isoTime = z.iso.datetime({ offset: true });

export const officerAlertSchema = z.object({
  id: z.string().check(z.minLength(1)),
  kind: z.enum(ALERT_KINDS),
  etag: z.string().check(z.minLength(1)),
  district: z.string().check(z.minLength(1)),
  station: z.optional(z.string()),
  level: z.enum(ROLES),
  escalatedTo: z.optional(z.enum(ROLES)),
  phase: z.string().check(z.minLength(1)),
  dueAt: isoTime,
  occurredAt: isoTime,
  recipients: z.optional(
    z.array(
      z.object({ serviceNumber: z.string(), name: z.string(), rank: z.string(), messaged: z.boolean() }),
    ),
  ),
});

/** Index sort key `<occurredAt>#<timeline item id>` → the alert's table key. */
const alertKeyOfSortKey = (sk: string) => {
  const id = sk.slice(sk.indexOf('#') + 1);
  return id.length > 0 ? alertKey(id) : undefined;
};

export const createAlertRepository = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
): AlertRepository => ({
  async add(alert) {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...officerAlertSchema.parse(alert),
            ...alertKey(alert.id),
            ...alertIndexAttributes({
              district: alert.district,
              occurredAt: alert.occurredAt,
              timelineItemId: alert.id,
            }),
            entity: 'officerAlert',
            expiresAt: Math.floor(new Date(alert.occurredAt).getTime() / 1000) + ALERT_TTL_DAYS * 86_400,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async list(query) {
    const { read: _read, ...page } = await mergedList<OfficerAlert>({
      db,
      tableName: tableName(),
      indexName: INDEX.byDistrict,
      indexKeys: { pk: 'gsi1pk', sk: 'gsi1sk' },
      partitions: query.districts.map((d) => ({ id: d, pk: alertDistrictPk(d) })),
      tableKeyOf: alertKeyOfSortKey,
      parse: (item) => officerAlertSchema.parse(item) as OfficerAlert,
      where: (a) =>
        (query.filters.kind === undefined || a.kind === query.filters.kind) && (query.where?.(a) ?? true),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return page;
  },
});
