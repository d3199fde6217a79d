/**
 * The real type of a file from its first bytes (magic numbers), through the file-type library: what a
 * sender declares is never trusted on its own (docs/evidence.md "Checks").
 */
import { fileTypeFromBuffer } from 'file-type';
import type { SniffType } from '../../app/evidence/ports.ts';

/** file-type looks at the start of a file (and inside ZIP containers for Office files). */
const SNIFF_BYTES = 64 * 1024;

export const sniffType: SniffType = async (bytes) =>
  (await fileTypeFromBuffer(bytes.subarray(0, SNIFF_BYTES)))?.mime;
