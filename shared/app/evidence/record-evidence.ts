/**
 * Records evidence with its complaint: the evidence record and its timeline entry ("evidence added: photo",
 * or why it was not kept) in one transaction with a new version of the complaint. One record per source:
 * a second attempt for the same WhatsApp media id or web upload finds the first record and changes nothing.
 */
import { EVIDENCE_NOUN, type EvidenceRecord } from '../../domain/evidence.ts';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../../domain/errors.ts';
import type { EventSpecificFields } from '../../schemas/events/index.ts';
import type { Clock, ComplaintRepository, TimelineDraft } from '../ports.ts';
import type { EvidenceRecords } from './ports.ts';

export interface RecordEvidenceDeps {
  complaints: ComplaintRepository;
  records: EvidenceRecords;
  clock: Clock;
}

const ATTEMPTS = 5;

export const evidenceTimelineDraft = (record: EvidenceRecord): TimelineDraft => {
  const noun = EVIDENCE_NOUN[record.kind ?? 'document'];
  if (record.state === 'stored') {
    const data: EventSpecificFields<'EvidenceAdded'> = {
      evidenceId: record.id,
      kind: record.kind ?? 'document',
      source: record.source,
      bytes: record.bytes ?? 0,
      ...(record.describesComplaint && { describesComplaint: true }),
    };
    return {
      type: 'EvidenceAdded',
      actor: { kind: 'citizen' },
      at: record.at,
      note: `evidence added: ${record.describesComplaint ? 'voice note describing the complaint (listen to the audio)' : noun}`,
      data,
    };
  }
  const reason = record.reason ?? (record.state === 'unavailable' ? 'unavailable' : 'type_not_allowed');
  const data: EventSpecificFields<'EvidenceNotKept'> = {
    evidenceId: record.id,
    ...(record.kind && { kind: record.kind }),
    source: record.source,
    reason,
  };
  return {
    type: 'EvidenceNotKept',
    actor: { kind: 'system' },
    at: record.at,
    note: `evidence not kept: ${noun} (${reason.replace(/_/g, ' ')})`,
    reason,
    data,
  };
};

export type RecordOutcome =
  { recorded: true; record: EvidenceRecord } | { recorded: false; record: EvidenceRecord };

export const recordEvidence = async (
  deps: RecordEvidenceDeps,
  record: EvidenceRecord,
): Promise<RecordOutcome> => {
  for (let attempt = 1; ; attempt++) {
    const complaint = await deps.complaints.get(record.etag);
    if (!complaint) throw new NotFoundError('No complaint with this e-tag.');
    const now = deps.clock.now().toISOString();
    try {
      await deps.complaints.update(
        {
          ...complaint,
          version: complaint.version + 1,
          updatedAt: now > complaint.updatedAt ? now : complaint.updatedAt,
        },
        complaint.version,
        [evidenceTimelineDraft(record)],
        { extraWrites: [deps.records.creationWrite(record)] },
      );
      return { recorded: true, record };
    } catch (error) {
      if (error instanceof ConflictError) {
        const first = await deps.records.find(record.etag, record.sourceRef);
        if (first) return { recorded: false, record: first };
      }
      if (!(error instanceof PreconditionFailedError) || attempt >= ATTEMPTS) throw error;
    }
  }
};
