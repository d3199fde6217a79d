/**
 * The application table's layout (architecture §3), shared by the adapters that read and write it and by
 * infra (the CDK stateful stack and the local runtime create the table from it). Key meanings live in keys.ts.
 */
export const APP_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item after it (sessions, processed message ids). */
  ttlAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
  indexes: {
    /** Officer queue per district, newest first. */
    byDistrict: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** A citizen's own complaints (WhatsApp identity or phone). */
    byCitizen: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Officer queue per district and status; follow-ups and alerts per district. */
    byDistrictStatus: { partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** Officer queue per district and priority (the `priority` filter reads this, not memory). */
    byDistrictPriority: { partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    /** Sparse SLA due index: only open complaints carry it; a few fixed shards, sorted by due time. */
    slaDue: { partitionKey: 'slaShard', sortKey: 'slaDue' },
  },
} as const;

export type AppIndexName = keyof typeof APP_TABLE.indexes;
