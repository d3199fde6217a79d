/**
 * The kinds of evidence Rabta keeps, their allow-listed types and Meta's size limits (docs/evidence.md).
 * Kept apart from evidence.ts, which needs zod, so the citizen portal can check a file before uploading it
 * without shipping a validation library.
 */
export const EVIDENCE_KINDS = ['image', 'audio', 'video', 'document'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const MB = 1024 * 1024;

/** Allow-list per kind (content types without parameters) and Meta's size limit. */
export const EVIDENCE_TYPES: Record<EvidenceKind, { maxBytes: number; types: readonly string[] }> = {
  image: { maxBytes: 5 * MB, types: ['image/jpeg', 'image/png'] },
  audio: {
    maxBytes: 16 * MB,
    types: ['audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/aac', 'audio/amr'],
  },
  video: { maxBytes: 16 * MB, types: ['video/mp4', 'video/3gpp'] },
  document: {
    maxBytes: 100 * MB,
    types: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
};

/** The largest evidence of any kind: downloads and reads stop one byte past it. */
export const MAX_EVIDENCE_BYTES = Math.max(...Object.values(EVIDENCE_TYPES).map((t) => t.maxBytes));

export const kindOfType = (contentType: string): EvidenceKind | undefined =>
  EVIDENCE_KINDS.find((kind) => EVIDENCE_TYPES[kind].types.includes(contentType));
