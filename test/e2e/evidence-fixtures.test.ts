/**
 * Every real media webhook of ../shared/fixtures/whatsapp (image, audio, voice, video, document, sticker)
 * through the whole local runtime: a citizen files a complaint on WhatsApp, says "add to my complaint", and
 * sends each fixture's message as Meta delivered it (only the sender, message id and media id are this
 * test's, so every fixture is its own attachment). The fake Graph API serves bytes of the declared type for
 * each media id. Each file is then stored with the right kind and type (matched by its SHA-256 in the
 * officer's list), and each sticker is refused as noise with a reply, never queued: nothing is lost silently.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { baseType } from '../../shared/domain/evidence.ts';
import { describeWithCorpus, loadWhatsAppFixtures } from '../support/corpus.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { sampleOf, sha256Hex } from '../support/media-samples.ts';
import { registerMedia, whatsAppCitizen } from '../support/whatsapp-citizen.ts';
import { httpClient } from './officer-e2e-support.ts';

const MEDIA_TYPES = ['image', 'audio', 'video', 'document', 'sticker'] as const;
type MediaType = (typeof MEDIA_TYPES)[number];

interface MediaFixture {
  name: string;
  type: MediaType;
  media: { id: string; mime_type: string } & Record<string, unknown>;
}

interface Message {
  type?: string;
  [key: string]: unknown;
}

/** Every media message of every real webhook delivery in the corpus. */
const mediaFixtures = (): MediaFixture[] =>
  loadWhatsAppFixtures()
    .filter((f) => f.isWebhook)
    .flatMap(
      (f) =>
        (f.json as { entry?: { changes?: { value?: { messages?: Message[] } }[] }[] }).entry?.flatMap((e) =>
          (e.changes ?? []).flatMap((c) =>
            (c.value?.messages ?? [])
              .filter((m): m is Message & { type: MediaType } => MEDIA_TYPES.includes(m.type as MediaType))
              .map((m) => ({ name: f.name, type: m.type, media: m[m.type] as MediaFixture['media'] })),
          ),
        ) ?? [],
    );

describeWithCorpus('test/e2e/evidence-fixtures.test.ts', () => {
  let runtime: RunningLocalRuntime;

  beforeAll(async () => {
    // Twenty files from one number within a minute: past the per-number limits unless scaled.
    runtime = await startLocalRuntimeProcess({ stagePrefix: 'evfix', env: { RATE_LIMIT_SCALE: '100' } });
  }, 180_000);

  afterAll(async () => {
    await runtime?.stop();
  });

  it('each media fixture: stored with its kind and type, or (a sticker) refused with a reply', async () => {
    // Prepare: the fixtures, each with its own media id and bytes of its declared type.
    const fixtures = mediaFixtures().map((f, i) => {
      const mediaId = `fx${i}-${randomBytes(4).toString('hex')}`;
      const bytes = sampleOf(f.media.mime_type, mediaId);
      if (!bytes) throw new Error(`${f.name}: no sample bytes for ${f.media.mime_type}`);
      return { ...f, mediaId, bytes };
    });
    expect(new Set(fixtures.map((f) => f.type))).toEqual(new Set(MEDIA_TYPES));
    for (const f of fixtures)
      await registerMedia(runtime, { id: f.mediaId, mimeType: f.media.mime_type, bytes: f.bytes });
    const citizen = whatsAppCitizen(runtime);
    await citizen.text('english');
    await citizen.text('complaint');
    await citizen.text('Lahore');
    await citizen.text('4');
    await citizen.text('The SHO refused to register my FIR about a stolen motorcycle last week.');
    await citizen.pressFirstButton();
    await citizen.pressFirstButton();
    const filed = (await citizen.pressFirstButton()).join('\n');
    const etag = /E-tag number: \*([A-Z0-9-]+)\*/.exec(filed)?.[1] ?? '';

    // Act: "add to my complaint", then every fixture's message as Meta sent it, then "done".
    await citizen.text('add to my complaint');
    const answers: string[][] = [];
    for (const f of fixtures) {
      answers.push(await citizen.say({ type: f.type, [f.type]: { ...f.media, id: f.mediaId } }));
    }
    await citizen.text('done');
    const stored = fixtures.filter((f) => f.type !== 'sticker');
    const http = httpClient(runtime);
    const token = await http.tokenFor('DPO', { district: 'LHR' });
    const deadline = Date.now() + 120_000;
    let evidence: { state: string; kind?: string; contentType?: string; sha256?: string; reason?: string }[] =
      [];
    while (Date.now() < deadline) {
      evidence = (await http.request('GET', `/officer/complaints/${etag}`, { token })).body?.evidence ?? [];
      if (evidence.length >= stored.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }

    // Assess: one kept record per file, with the kind and type it was sent as; stickers answered, not queued.
    expect(etag, filed).not.toBe('');
    expect(evidence, runtime.output().slice(-3000)).toHaveLength(stored.length);
    for (const f of stored) {
      const record = evidence.find((e) => e.sha256 === sha256Hex(f.bytes));
      expect(record, `${f.name} (${f.type}, ${f.media.mime_type})`).toMatchObject({
        state: 'stored',
        kind: f.type,
        contentType: baseType(f.media.mime_type),
      });
    }
    const firstSticker = fixtures.findIndex((f) => f.type === 'sticker');
    expect(answers[firstSticker]?.join('\n')).toMatch(/sticker|photo|send/i);
    const told = (await citizen.replies()).map((r) => r.request.text?.body ?? '').join('\n');
    // The citizen is told of each kept photo.
    expect(told.split(`photo is kept with complaint ${etag}`)).toHaveLength(
      stored.filter((s) => s.type === 'image').length + 1,
    );
  }, 420_000);
});
