/**
 * Small but real media files for the evidence tests that go through the whole system (browser, e2e, bench):
 * a PNG any viewer opens, and an Ogg Opus page as WhatsApp voice notes start. The sniffer (file-type) reads
 * them as what they are, so they are kept; a test changes one byte or one declared type to see a refusal.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A width × height RGB PNG of one colour (a "photo" of the given size). */
export const pngImage = (
  width: number,
  height: number,
  rgb: [number, number, number] = [200, 40, 40],
): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(new Array(width).fill(rgb).flat())]);
  const pixels = Buffer.concat(new Array(height).fill(row) as Buffer[]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** The first page of an Ogg Opus stream (what a WhatsApp voice note is), padded to `bytes`. */
export const oggOpusVoiceNote = (bytes = 4096): Buffer => {
  const head = Buffer.concat([
    Buffer.from('OggS'),
    Buffer.from([0, 2]),
    Buffer.alloc(22),
    Buffer.from('OpusHead'),
    Buffer.from([1, 1]),
  ]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), 0x55)]);
};

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
