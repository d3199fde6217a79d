/**
 * Evidence records (`C#<etag>` / `EV#<source>`) and pending web uploads (`C#<etag>` / `UP#<id>`). A record
 * is created in the same transaction as its timeline entry (`creationWrite`, through the complaint
 * repository's update), so evidence is announced exactly when it is recorded, and only once per source.
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EvidenceRecords } from '../../app/evidence/ports.ts';
import type { ExtraWrite } from '../../app/ports.ts';
import { EvidenceRecordSchema, PendingUploadSchema, type EvidenceRecord } from '../../domain/evidence.ts';
import { complaintPk, EVIDENCE_SK_PREFIX, evidenceKey, uploadKey } from './keys.ts';
import { queryItems } from './query-items.ts';

const EVIDENCE_ENTITY = 'evidence';
const UPLOAD_ENTITY = 'upload';

const evidenceItem = (record: EvidenceRecord) => ({
  ...record,
  ...evidenceKey(record.etag, record.sourceRef),
  entity: EVIDENCE_ENTITY,
});

const parseEvidence = (item: Record<string, unknown>): EvidenceRecord => EvidenceRecordSchema.parse(item);

export const createEvidenceRepository = (
  db: DynamoDBDocumentClient,
  tableName: () => string,
): EvidenceRecords => ({
  creationWrite: (record): ExtraWrite => ({ item: evidenceItem(record), mode: 'create' }),

  async find(etag, sourceRef) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName(), Key: evidenceKey(etag, sourceRef), ConsistentRead: true }),
    );
    return Item ? parseEvidence(Item) : undefined;
  },

  async list(etag) {
    const records: EvidenceRecord[] = [];
    for await (const item of queryItems(db, {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': complaintPk(etag), ':prefix': EVIDENCE_SK_PREFIX },
    })) {
      records.push(parseEvidence(item));
    }
    return records.sort((a, b) => a.at.localeCompare(b.at));
  },

  async saveUpload(upload) {
    await db.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...upload,
          ...uploadKey(upload.etag, upload.uploadId),
          entity: UPLOAD_ENTITY,
          // Kept a day past its validity so a late confirm still gets "expired" rather than "unknown".
          expiresAt: Math.floor(Date.parse(upload.validUntil) / 1000) + 86_400,
        },
      }),
    );
  },

  async findUpload(etag, uploadId) {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName(), Key: uploadKey(etag, uploadId), ConsistentRead: true }),
    );
    return Item ? PendingUploadSchema.parse(Item) : undefined;
  },
});
