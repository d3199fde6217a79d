import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../infra/local/fake-graph.ts';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { httpClient, optIn, outboxText } from './officer-e2e-support.ts';

const HOUR = 3600_000;
const SHO_WA = '923007000001';
const SDPO_WA = '923007000002';
let runtime: RunningLocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'force' });
});

afterAll(async () => {
  await runtime?.stop();
});

/** Polls an officer's outbox until a message matches (the alerter runs asynchronously). */
const waitForMessage = async (to: string, pattern: RegExp, timeoutMs = 25_000): Promise<OutboxEntry[]> => {
  const deadline = Date.now() + timeoutMs;
  let entries: OutboxEntry[] = [];
  while (Date.now() < deadline) {
    entries = await runtime.outbox(to);
    if (entries.some((e) => pattern.test(outboxText(e)))) return entries;
    await new Promise((r) => setTimeout(r, 200));
  }
  return entries;
};

/** Files a web complaint in English at PS Gulberg, Lahore. */
const fileAtGulberg = (http: ReturnType<typeof httpClient>, body: Record<string, unknown>) =>
  http.request('POST', '/complaints', {
    body: { district: 'LHR', station: 'Gulberg', language: 'en', ...body },
  });

const ROSTER = [
  'service_number,name,rank,whatsapp,whatsapp_consent,district,post,unit,from',
  `PB-E2E-1,Asif Khan,Inspector,+${SHO_WA},yes,LHR,SHO,Gulberg,2026-01-01`,
  `PB-E2E-2,Sana Malik,DSP,+${SDPO_WA},yes,LHR,SDPO,Model Town,2026-01-01`,
].join('\n');

describe('the force directory over the local runtime', () => {
  it('only an administrator manages it; an officer cannot change their own role, area or posting', async () => {
    const http = httpClient(runtime);
    const admin = await http.tokenFor('ADMIN');
    const cpo = await http.tokenFor('CPO');
    // Prepare: the admin loads a roster (dry run first)
    const dry = await http.request('POST', '/admin/roster', { token: admin, body: { csv: ROSTER } });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, changes: { officersCreated: 2 } });
    const refused = await http.request('POST', '/admin/roster', {
      token: cpo,
      body: { csv: ROSTER, apply: true },
    });
    expect(refused.status).toBe(403);
    const applied = await http.request('POST', '/admin/roster', {
      token: admin,
      body: { csv: ROSTER, apply: true },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(true);

    // Act: the SHO signs in as their user and tries to move themselves
    const signIn = await http.request('POST', '/__local/auth/officer-token', {
      body: { username: 'PB-E2E-1' },
    });
    expect(signIn.body.claims['cognito:groups']).toEqual(
      expect.arrayContaining(['role-SHO', 'station-Gulberg']),
    );
    const sho = signIn.body.token as string;
    const attempts = await Promise.all([
      http.request('POST', '/admin/officers/PB-E2E-1/postings', {
        token: sho,
        body: { postId: 'district-RWP.head' },
      }),
      http.request('PATCH', '/admin/officers/PB-E2E-1', { token: sho, ifMatch: 1, body: { rank: 'SSP' } }),
      http.request('PATCH', '/admin/units/station-LHR-gulberg', { token: sho, body: { name: 'Mine' } }),
      http.request('POST', '/admin/roster', {
        token: sho,
        body: { csv: ROSTER.replace('SHO,Gulberg', 'CCPO,'), apply: true },
      }),
    ]);
    // Assess
    expect(attempts.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    const record = await http.request('GET', '/admin/officers/PB-E2E-1', { token: admin });
    expect(record.body.postings).toEqual([expect.objectContaining({ postId: 'station-LHR-gulberg.head' })]);
    expect(record.body.officer.rank).toBe('Inspector');
  }, 120_000);

  it('an urgent complaint reaches the SHO on WhatsApp; a breach reaches the holder and the supervisor', async () => {
    const http = httpClient(runtime);
    // Act: a missing child is reported at PS Gulberg
    const filed = await fileAtGulberg(http, {
      complainant: { name: 'Ayesha Khan', phone: '0300 1234567' },
      category: 'missing_child',
      description: 'My eight year old son has not come home from school since this afternoon.',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { etag } = filed.body as { etag: string };
    // Assess: within one poll of the alert queue, in Pakistan time, with the console link
    const shoOutbox = await waitForMessage(SHO_WA, new RegExp(`URGENT new complaint ${etag}`));
    const urgent = shoOutbox.map(outboxText).find((t) => t.includes(etag)) ?? '';
    expect(urgent, JSON.stringify(shoOutbox)).toMatch(/PKT/);
    expect(urgent).toMatch(/\/complaints\//);
    expect(urgent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // Act: the DPO hands it to the station; nobody acts for two hours (first action due in one)
    const dpo = await http.tokenFor('DPO', { district: 'LHR' });
    const assigned = await http.request('POST', `/officer/complaints/${etag}/assign`, {
      token: dpo,
      ifMatch: 1,
      body: { level: 'SHO', station: 'Gulberg' },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    await http.advanceClock(2 * HOUR);
    expect((await runtime.fireSchedule('SlaSweep')).status).toBe(200);
    // Assess: holder and supervisor both told; the follow-up names the SHO
    const breach = new RegExp(`SLA breach: complaint ${etag}`);
    expect((await waitForMessage(SHO_WA, breach)).map(outboxText).some((t) => breach.test(t))).toBe(true);
    expect((await waitForMessage(SDPO_WA, breach)).map(outboxText).some((t) => breach.test(t))).toBe(true);
    const followUps = await http.request('GET', '/officer/follow-ups', { token: dpo });
    expect(followUps.body.items.find((f: { etag: string }) => f.etag === etag)).toMatchObject({
      level: 'SHO',
      officer: { serviceNumber: 'PB-E2E-1', name: 'Asif Khan', rank: 'Inspector' },
    });
  }, 120_000);

  it('no internal note reaches the citizen: not on WhatsApp, not in tracking', async () => {
    const http = httpClient(runtime);
    const citizenWa = '923007654321';
    const secret = 'informer says the SHO protects the accused';
    // Prepare: a web complaint with a phone number (updates go to it on WhatsApp)
    const filed = await fileAtGulberg(http, {
      complainant: { name: 'Bilal Ahmed', phone: '0300 7654321' },
      category: 'theft_robbery',
      description: 'My motorcycle was stolen outside the Gulberg market on Friday evening.',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { etag, trackingCode } = filed.body as { etag: string; trackingCode: string };
    const dpo = await http.tokenFor('DPO', { district: 'LHR' });
    await optIn(runtime, citizenWa);
    // Act: the DPO takes it and starts in one step with an internal note, then records one action for the
    // citizen and one internal
    const steps = [
      {
        path: 'transitions',
        body: { type: 'takeAndStart', note: `Taken: ${secret}`, visibility: 'internal' },
      },
      {
        path: 'actions',
        body: {
          kind: 'called_complainant',
          note: 'We called you; an officer visits tomorrow.',
          visibility: 'citizen',
        },
      },
      {
        path: 'actions',
        body: { kind: 'inquiry_opened', note: `Inquiry: ${secret}`, visibility: 'internal' },
      },
    ];
    for (const [index, step] of steps.entries()) {
      const done = await http.request('POST', `/officer/complaints/${etag}/${step.path}`, {
        token: dpo,
        ifMatch: index + 1,
        body: step.body,
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    // Assess: the citizen hears every step, the citizen-visible note included, and never the internal text
    const actionTaken = new RegExp(`Action has been taken on your complaint \\*${etag}\\*`, 'g');
    const deadline = Date.now() + 25_000;
    let texts: string[] = [];
    while (Date.now() < deadline) {
      texts = (await runtime.outbox(citizenWa)).map(outboxText);
      if (texts.join('\n').match(actionTaken)?.length === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const all = texts.join('\n');
    expect(all.match(actionTaken)?.length, all).toBe(2);
    expect(all).toContain('We called you; an officer visits tomorrow.');
    expect(all).toMatch(/in progress/i);
    expect(all).not.toContain(secret);
    const tracked = await http.request('POST', '/complaints/track', { body: { etag, trackingCode } });
    expect(tracked.status).toBe(200);
    expect(JSON.stringify(tracked.body)).toContain('We called you');
    expect(JSON.stringify(tracked.body)).not.toContain(secret);
    // Officers still read it, marked internal
    const detail = await http.request('GET', `/officer/complaints/${etag}`, { token: dpo });
    const internal = detail.body.timeline.filter(
      (t: { noteVisibility?: string }) => t.noteVisibility === 'internal',
    );
    expect(internal.map((t: { note: string }) => t.note)).toEqual([`Taken: ${secret}`, `Inquiry: ${secret}`]);
  }, 120_000);
});
