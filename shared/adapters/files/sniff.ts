/**
 * The real type of a file from its bytes (magic numbers), through the file-type library: what a sender declares
 * is never trusted on its own (docs/evidence.md "Checks").
 */
import { fileTypeFromBuffer } from 'file-type';
import type { SniffType } from '../../app/evidence/ports.ts';

/**
 * The whole file, not its first bytes: file-type reads only the header of most formats, but tells an Office
 * document from a plain ZIP archive by walking the archive's entries, and producers other than Word may put a
 * large entry (a thumbnail) before the one that identifies the document.
 */
export const sniffType: SniffType = async (bytes) => (await fileTypeFromBuffer(bytes))?.mime;
