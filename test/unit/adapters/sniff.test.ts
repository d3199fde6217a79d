import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffType } from '../../../shared/adapters/files/sniff.ts';

/** A ZIP archive of stored (uncompressed) entries, in the order given, with its central directory. */
const zipOf = (entries: readonly { name: string; data: Buffer }[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
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
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('sniffType', () => {
  it('reads a Word document whose identifying entry comes after a large first entry', async () => {
    // Not every producer writes [Content_Types].xml first; a 100 KiB thumbnail ahead of it is enough to hide
    // it from a look at the first 64 KiB only, and the document was refused as an archive.
    const docx = zipOf([
      { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(100 * 1024, 7) },
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(await sniffType(new Uint8Array(docx))).toBe(DOCX);
  });

  it('still reads a plain archive as an archive', async () => {
    const zip = zipOf([{ name: 'notes.txt', data: Buffer.from('hello') }]);
    expect(await sniffType(new Uint8Array(zip))).toBe('application/zip');
  });
});
