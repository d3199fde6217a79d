/**
 * What people see of evidence: officers get the list of a complaint's attachments (never the bucket key) and a
 * short-lived link to one, only within their scope. (Citizens see the count and kinds of what was kept in
 * their tracking view: track-complaint.ts.)
 */
import { canSeeComplaint, type Officer } from '../../domain/officer.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { parseEtag } from '../../domain/etag.ts';
import { isEvidenceId, type EvidenceRecord } from '../../domain/evidence.ts';
import type { Clock, ComplaintRepository } from '../ports.ts';
import type { EvidenceObjectStore, EvidenceRecords } from './ports.ts';

/** One attachment as the officer console lists it. */
export type EvidenceView = Omit<EvidenceRecord, 'key' | 'sourceRef' | 'etag'>;

export const evidenceView = (record: EvidenceRecord): EvidenceView => {
  const { key: _key, sourceRef: _source, etag: _etag, ...view } = record;
  return view;
};

/** The officer's list: every attachment, kept or not (a refusal is part of the record), oldest first. */
export interface OfficerEvidenceList {
  evidence: EvidenceView[];
  /** The complaint's description is a voice note: officers must listen to it. */
  listenToDescription: boolean;
}

export const officerEvidenceList = (records: readonly EvidenceRecord[]): OfficerEvidenceList => ({
  evidence: records.map(evidenceView),
  listenToDescription: records.some((r) => r.state === 'stored' && r.describesComplaint === true),
});

export interface OpenEvidenceDeps {
  complaints: Pick<ComplaintRepository, 'get'>;
  records: Pick<EvidenceRecords, 'list'>;
  objects: Pick<EvidenceObjectStore, 'presignDownload'>;
  clock: Clock;
  /** How long the link works (seconds). */
  expiresSeconds: number;
}

export interface OpenedEvidence {
  url: string;
  expiresAt: string;
  evidence: EvidenceView;
}

const DOWNLOAD_NAME_EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};

/**
 * A short-lived GET link to one stored attachment. A complaint outside the officer's scope, an unknown
 * complaint, an unknown or unstored attachment: all the same 404, so nothing leaks about what exists.
 */
export const openEvidence = async (
  deps: OpenEvidenceDeps,
  input: { officer: Officer; etag: string; evidenceId: string },
): Promise<OpenedEvidence> => {
  const notFound = new NotFoundError(`Complaint ${input.etag.slice(0, 40)} not found`);
  const etag = parseEtag(input.etag);
  if (!etag || !isEvidenceId(input.evidenceId)) throw notFound;
  const complaint = await deps.complaints.get(etag);
  if (!complaint || !canSeeComplaint(input.officer, complaint)) throw notFound;
  const record = (await deps.records.list(complaint.etag)).find((r) => r.id === input.evidenceId);
  if (!record || record.state !== 'stored' || !record.key) throw notFound;
  const extension = DOWNLOAD_NAME_EXTENSIONS[record.contentType ?? ''] ?? 'bin';
  const url = await deps.objects.presignDownload({
    key: record.key,
    expiresSeconds: deps.expiresSeconds,
    fileName: record.fileName ?? `${complaint.etag}-${record.id}.${extension}`,
  });
  return {
    url,
    expiresAt: new Date(deps.clock.now().getTime() + deps.expiresSeconds * 1000).toISOString(),
    evidence: evidenceView(record),
  };
};
