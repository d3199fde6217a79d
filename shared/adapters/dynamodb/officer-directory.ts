/**
 * The officer directory (`POST#<role>#<area>` / `OFFICER#<id>`): who holds a post and the WhatsApp number
 * from their token, refreshed when they open their queue, read by the alerter to message supervisors.
 */
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../domain/zod.ts';
import type { Officer } from '../../domain/officer.ts';
import { ROLES, type Role } from '../../domain/vocabulary.ts';
import type { OfficerDirectory } from '../../app/officer/ports.ts';
import { isConditionFailure } from './errors.ts';
import { officerDirectoryKey, officerPostPk } from './keys.ts';

const PROVINCE = 'PROVINCE';

/**
 * Pages of one post's holders read at most (1 MB each, thousands of entries): a district's SHOs all sign in
 * under one key, and the assign form lists them all.
 */
const MAX_HOLDER_PAGES = 5;

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
  officerId: z.string().check(z.minLength(1)),
  role: z.enum(ROLES),
  district: z.optional(z.string()),
  region: z.optional(z.string()),
  station: z.optional(z.string()),
  circle: z.optional(z.string()),
  name: z.optional(z.string()),
  phone: z.optional(z.string()),
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
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_HOLDER_PAGES; page++) {
      const result = await db.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': officerPostPk(role, key) },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      items.push(...(result.Items ?? []));
      start = result.LastEvaluatedKey;
      if (!start) break;
    }
    return items.flatMap((item) => {
      const parsed = directoryEntrySchema.safeParse(item);
      if (!parsed.success) return [];
      const { officerId, ...rest } = parsed.data;
      return [{ id: officerId, ...rest } as Officer];
    });
  },
});
