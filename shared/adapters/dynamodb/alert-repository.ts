/**
 * Officer alerts (`ALERT#<timeline item id>` / `ALERT`): one per SLA warning or breach entry, listed per
 * district through gsi1 newest first, kept 180 days (TTL). And the officer directory
 * (`POST#<role>#<area>` / `OFFICER#<id>`): who holds a post and the WhatsApp number from their token,
 * refreshed when they open their queue, read by the alerter to message supervisors.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Officer } from '../../domain/officer.ts';
import { ALERT_KINDS } from '../../domain/sla.ts';
import { ROLES, type Role } from '../../domain/vocabulary.ts';
import type { AlertRepository, OfficerAlert, OfficerDirectory } from '../../app/officer/ports.ts';
import { mergedList } from './complaint-queries.ts';
import {
  INDEX,
  alertDistrictPk,
  alertIndexAttributes,
  alertKey,
  officerDirectoryKey,
  officerPostPk,
} from './keys.ts';

export const ALERT_TTL_DAYS = 180;

const isoTime = z.iso.datetime({ offset: true });

export const officerAlertSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(ALERT_KINDS),
  etag: z.string().min(1),
  district: z.string().min(1),
  station: z.string().optional(),
  level: z.enum(ROLES),
  escalatedTo: z.enum(ROLES).optional(),
  phase: z.string().min(1),
  dueAt: isoTime,
  occurredAt: isoTime,
});

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

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

// --- officer directory ----------------------------------------------------------------------------

const PROVINCE = 'PROVINCE';

/** The area a post is filed under: the whole province for the CPO cell and admins, else region or district. */
const postArea = (role: Role, area: { district?: string; region?: string }): string | undefined => {
  switch (role) {
    case 'CPO':
    case 'ADMIN':
      return PROVINCE;
    case 'RPO':
      return area.region?.toUpperCase();
    default:
      return area.district?.toUpperCase();
  }
};

const directoryEntrySchema = z.object({
  officerId: z.string().min(1),
  role: z.enum(ROLES),
  district: z.string().optional(),
  region: z.string().optional(),
  station: z.string().optional(),
  circle: z.string().optional(),
  name: z.string().optional(),
  phone: z.string().optional(),
});

export const createOfficerDirectory = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
): OfficerDirectory => ({
  async register(officer, now) {
    const area = postArea(officer.role, officer);
    if (!area) return;
    const entry = {
      officerId: officer.id,
      role: officer.role,
      ...(officer.district ? { district: officer.district } : {}),
      ...(officer.region ? { region: officer.region } : {}),
      ...(officer.station ? { station: officer.station } : {}),
      ...(officer.circle ? { circle: officer.circle } : {}),
      ...(officer.name ? { name: officer.name } : {}),
      ...(officer.phone ? { phone: officer.phone } : {}),
    };
    const fingerprint = JSON.stringify(entry);
    try {
      // Only written when something changed: the condition makes a repeat visit a failed (cheap) check.
      await db.send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...officerDirectoryKey(officer.role, area, officer.id),
            ...entry,
            fingerprint,
            entity: 'officer',
            registeredAt: now.toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR fingerprint <> :fingerprint',
          ExpressionAttributeValues: { ':fingerprint': fingerprint },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  async holders(role, area) {
    const key = postArea(role, area);
    if (!key) return [];
    const page = await db.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': officerPostPk(role, key) },
        Limit: 50,
      }),
    );
    return (page.Items ?? []).flatMap((item) => {
      const parsed = directoryEntrySchema.safeParse(item);
      if (!parsed.success) return [];
      const { officerId, ...rest } = parsed.data;
      return [{ id: officerId, ...rest } as Officer];
    });
  },
});
