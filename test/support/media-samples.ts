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

/** A zip of uncompressed entries (what an OOXML document is), with its central directory. */
export const storedZip = (entries: Record<string, string>): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/**
 * Bytes that really are of the given (WhatsApp-declared) type, made distinct by `tag` so each fixture's file
 * has its own SHA-256. Undefined for a type the tests have no sample of.
 */
export const sampleOf = (mimeType: string, tag: string): Buffer | undefined => {
  const pad = Buffer.from(`\n${tag}\n`.repeat(8));
  switch (mimeType.split(';')[0]!.trim()) {
    case 'image/jpeg':
      return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]), pad]);
    case 'image/png':
      return Buffer.concat([pngImage(4, 4), pad]);
    case 'image/webp': {
      const body = Buffer.concat([Buffer.from('WEBPVP8 '), Buffer.alloc(4), pad]);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(body.length);
      return Buffer.concat([Buffer.from('RIFF'), size, body]);
    }
    case 'audio/ogg':
      return Buffer.concat([oggOpusVoiceNote(512), pad]);
    case 'video/mp4': {
      const ftyp = Buffer.concat([
        Buffer.from([0, 0, 0, 0x18]),
        Buffer.from('ftypisom'),
        Buffer.from([0, 0, 2, 0]),
        Buffer.from('isommp42'),
      ]);
      return Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8]), Buffer.from('free'), pad]);
    }
    case 'application/pdf':
      return Buffer.concat([Buffer.from('%PDF-1.7\n'), pad]);
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return storedZip({
        '[Content_Types].xml':
          '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        'xl/workbook.xml': `<workbook>${tag}</workbook>`,
      });
    default:
      return undefined;
  }
};
