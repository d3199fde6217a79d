/**
 * Evidence through the local path (issue 10): a citizen's file as the portal sends it — presigned POST from
 * the API, the multipart upload straight to the emulator's S3, then the confirm step, which reads the object
 * back, sniffs its type, hashes it, copies it under `evidence/` and records it. Bytes and time per MB at a
 * few sizes, a handful of files each (bounded: at most ~60 MB in total).
 */
import { ms, progress, withLocalRuntime } from './local.ts';
import { median, table } from './stats.ts';

const MB = 1024 * 1024;
/** Sizes (MB) and files per size: documents, so every size is within its kind's limit (100 MB). */
const RUNS: readonly (readonly [mb: number, files: number])[] = [
  [0.25, 5],
  [1, 5],
  [4, 3],
  [16, 2],
];

const pdfOf = (bytes: number, tag: number): Buffer => {
  const head = Buffer.from(`%PDF-1.7\n% bench ${tag}\n`);
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x20)]);
};

const post = async <T>(url: string, body: unknown, expected: number): Promise<T> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${url}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
};

interface Sample {
  start: number;
  upload: number;
  confirm: number;
}

export const benchEvidence = async (): Promise<string> =>
  withLocalRuntime('benchev', async (runtime) => {
    const filed = await post<{ etag: string; trackingCode: string }>(
      `${runtime.apiUrl}/complaints`,
      {
        complainant: { name: 'Bench Citizen', phone: '0300 1234567' },
        district: 'LHR',
        category: 'theft_robbery',
        description: 'Benchmark complaint: evidence uploads of several sizes.',
      },
      201,
    );
    const proof = { etag: filed.etag, trackingCode: filed.trackingCode };
    const rows: string[][] = [];
    let tag = 0;
    for (const [mb, files] of RUNS) {
      const samples: Sample[] = [];
      for (let i = 0; i < files; i++) {
        const file = pdfOf(Math.round(mb * MB), tag++);
        const t0 = performance.now();
        const started = await post<{ uploadId: string; url: string; fields: Record<string, string> }>(
          `${runtime.apiUrl}/complaints/evidence`,
          { ...proof, contentType: 'application/pdf', bytes: file.length },
          201,
        );
        const t1 = performance.now();
        const form = new FormData();
        for (const [name, value] of Object.entries(started.fields)) form.append(name, value);
        form.append('file', new Blob([file], { type: 'application/pdf' }));
        const uploaded = await fetch(started.url, { method: 'POST', body: form });
        if (!uploaded.ok) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
        const t2 = performance.now();
        await post(
          `${runtime.apiUrl}/complaints/evidence/confirm`,
          { ...proof, uploadId: started.uploadId },
          200,
        );
        const t3 = performance.now();
        samples.push({ start: t1 - t0, upload: t2 - t1, confirm: t3 - t2 });
      }
      const total = median(samples.map((s) => s.start + s.upload + s.confirm));
      progress(`${mb} MB × ${files}: median ${total.toFixed(0)} ms`);
      rows.push([
        String(mb),
        String(files),
        ms(median(samples.map((s) => s.start))),
        ms(median(samples.map((s) => s.upload))),
        ms(median(samples.map((s) => s.confirm))),
        ms(total),
        ms(total / mb),
        (mb / (total / 1000)).toFixed(1),
      ]);
    }
    return [
      '## Evidence: a web upload stored through the local path',
      '',
      'Presigned POST from the API, multipart upload to the emulator’s S3, confirm (read back, sniff, SHA-256, copy to',
      '`evidence/`, record with a timeline entry). Medians; one file at a time.',
      '',
      table(['MB', 'files', 'presign ms', 'upload ms', 'confirm ms', 'total ms', 'ms per MB', 'MB/s'], rows),
    ].join('\n');
  });
