/**
 * Evidence end to end over the whole local runtime (issue 10): a citizen files a complaint on WhatsApp by
 * answering "what happened" with a voice note; the worker queues the audio, the evidence downloader fetches
 * it from the fake Graph API and stores it in the emulator's S3; an officer of the district lists it (marked
 * "must listen") and downloads it through the presigned GET, byte for byte; an officer of another district
 * gets the same 404 as for an unknown complaint.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { oggOpusVoiceNote, sha256Hex } from '../support/media-samples.ts';
import { fileVoiceNoteComplaint } from '../support/whatsapp-citizen.ts';
import { httpClient } from './officer-e2e-support.ts';

let runtime: RunningLocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'evid' });
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('evidence over the local runtime', () => {
  it('a voice-note complaint: filed on WhatsApp, audio stored, the district’s DPO opens it; another district’s gets 404', async () => {
    // Prepare
    const bytes = oggOpusVoiceNote(6000);
    const mediaId = `media-${randomBytes(6).toString('hex')}`;
    const http = httpClient(runtime);
    const lahore = await http.tokenFor('DPO', { district: 'LHR' });
    const faisalabad = await http.tokenFor('DPO', { district: 'FSD' });

    // Act: file through the chat, then wait for the downloader to tell the citizen the voice note is kept.
    const { etag, citizen } = await fileVoiceNoteComplaint(runtime, { mediaId, bytes });
    const deadline = Date.now() + 60_000;
    let told = '';
    while (Date.now() < deadline && !/voice note is kept/.test(told)) {
      await new Promise((r) => setTimeout(r, 250));
      told = (await citizen.replies()).map((r) => r.request.text?.body ?? '').join('\n');
    }
    const detail = await http.request('GET', `/officer/complaints/${etag}`, { token: lahore });
    const voice = (
      detail.body.evidence as { id: string; describesComplaint?: boolean; sha256: string; bytes: number }[]
    ).find((e) => e.describesComplaint);
    const opened = await http.request('GET', `/officer/complaints/${etag}/evidence/${voice?.id}`, {
      token: lahore,
    });
    const downloaded = new Uint8Array(await (await fetch(opened.body.url as string)).arrayBuffer());
    const otherDetail = await http.request('GET', `/officer/complaints/${etag}`, { token: faisalabad });
    const otherOpen = await http.request('GET', `/officer/complaints/${etag}/evidence/${voice?.id}`, {
      token: faisalabad,
    });
    const unknown = await http.request('GET', `/officer/complaints/LHR-0000-000000/evidence/${voice?.id}`, {
      token: lahore,
    });

    // Assess: the citizen was told, the officer sees a marked voice note and gets the same bytes back.
    expect(told, runtime.output().slice(-3000)).toMatch(
      new RegExp(`voice note is kept as the description of complaint ${etag}`),
    );
    expect(detail.status).toBe(200);
    expect(detail.body.listenToDescription).toBe(true);
    expect(detail.body.complaint.description).toMatch(/voice note/);
    expect(voice).toMatchObject({
      kind: 'audio',
      contentType: 'audio/ogg',
      state: 'stored',
      bytes: bytes.length,
    });
    expect(voice?.sha256).toBe(sha256Hex(bytes));
    expect(opened.status).toBe(200);
    expect(Buffer.from(downloaded).equals(bytes)).toBe(true);
    expect(sha256Hex(downloaded)).toBe(voice?.sha256);
    expect(detail.body.timeline.map((e: { note?: string }) => e.note ?? '').join('\n')).toContain(
      'voice note describing the complaint (listen to the audio)',
    );
    // Outside the officer's scope: the same 404 as an unknown complaint, for the detail and for the link.
    expect(otherDetail.status).toBe(404);
    expect(otherOpen.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(otherOpen.body.error?.code).toBe(unknown.body.error?.code);
  }, 180_000);
});
