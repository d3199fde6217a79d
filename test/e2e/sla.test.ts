import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { httpClient, optIn, outboxText, waitForOutbox } from './officer-e2e-support.ts';

const HOUR = 3600_000;
let runtime: RunningLocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'sla' });
});

afterAll(async () => {
  await runtime?.stop();
});

describe('SLA escalation over the local runtime', () => {
  it('a complaint left untouched climbs SHO → SDPO → SP division → CCPO, the follow-ups reach the right supervisors, the citizen hears each step', async () => {
    const http = httpClient(runtime);
    // Prepare: FIR not registered: 8 hours to first action (Punjab Police standard)
    const filed = await http.request('POST', '/complaints', {
      body: {
        complainant: { name: 'Imran Shah', phone: '0300 1234567' },
        district: 'LHR',
        category: 'fir_not_registered',
        description: 'The SHO refused to register an FIR about the burglary at my shop.',
        language: 'en',
      },
    });
    expect(filed.status, runtime.output().slice(-3000)).toBe(201);
    const { etag } = filed.body as { etag: string };
    const dpo = await http.tokenFor('DPO', { district: 'LHR' });
    const rpo = await http.tokenFor('RPO', { region: 'lahore' });
    const sho = await http.tokenFor('SHO', { district: 'LHR', station: 'Model Town' });
    // The citizen confirms the web filing (opt-in question, thanks), then hears each step
    await optIn(runtime);
    const assigned = await http.request('POST', `/officer/complaints/${etag}/assign`, {
      token: dpo,
      ifMatch: 1,
      body: { level: 'SHO', station: 'Model Town' },
    });
    expect(assigned.status).toBe(200);
    await waitForOutbox(runtime, 3);

    // Act: 9 hours pass with no action; the sweep runs
    await http.advanceClock(9 * HOUR);
    const first = await runtime.fireSchedule('SlaSweep');
    const firstReport = (await first.json()) as { result: { escalated: number; itemsRead: number } };
    // Assess
    expect(first.status).toBe(200);
    expect(firstReport.result).toMatchObject({ escalated: 1, itemsRead: 1 });
    const atSdpo = await http.request('GET', `/officer/complaints/${etag}`, { token: dpo });
    expect(atSdpo.body.complaint.assignment.level).toBe('SDPO');

    // Act: another 9 hours, another sweep (and a second, overlapping, run finds nothing more)
    await http.advanceClock(9 * HOUR);
    const [second, overlapping] = await Promise.all([
      runtime.fireSchedule('SlaSweep'),
      runtime.fireSchedule('SlaSweep'),
    ]);
    const reports = [
      (await second.json()) as { result: { escalated: number } },
      (await overlapping.json()) as { result: { escalated: number } },
    ];
    // Assess
    expect(reports.reduce((n, r) => n + r.result.escalated, 0)).toBe(1);
    const atDpo = await http.request('GET', `/officer/complaints/${etag}`, { token: dpo });
    expect(atDpo.body.complaint.assignment.level).toBe('DPO');

    // Act: a third late window: the SP division's breach goes to the CCPO (RPO tier in Lahore)
    await http.advanceClock(9 * HOUR);
    expect((await runtime.fireSchedule('SlaSweep')).status).toBe(200);
    const atRpo = await http.request('GET', `/officer/complaints/${etag}`, { token: rpo });
    expect(atRpo.body.complaint.assignment.level).toBe('RPO');
    expect(
      atRpo.body.timeline.filter((t: { type: string }) => t.type === 'ComplaintSlaBreached'),
    ).toHaveLength(3);

    // Assess: follow-ups for the right supervisors
    const dpoFollowUps = await http.request('GET', '/officer/follow-ups', { token: dpo });
    const rpoFollowUps = await http.request('GET', '/officer/follow-ups', { token: rpo });
    const shoFollowUps = await http.request('GET', '/officer/follow-ups', { token: sho });
    const levels = (body: { items: { etag: string; level: string }[] }) =>
      body.items
        .filter((f) => f.etag === etag)
        .map((f) => f.level)
        .sort();
    expect(levels(dpoFollowUps.body)).toEqual(['DPO', 'SDPO', 'SHO']);
    expect(levels(rpoFollowUps.body)).toEqual(['DPO', 'SDPO', 'SHO']);
    expect(shoFollowUps.body.items).toEqual([]);
    const againstStation = dpoFollowUps.body.items.find((f: { level: string }) => f.level === 'SHO');
    expect(againstStation).toMatchObject({
      post: 'Station House Officer, Model Town (Lahore)',
      postId: 'station-LHR-model-town.head',
      vacant: true,
      state: 'open',
    });

    // Act: the DPO (supervisor of the station) calls for an explanation
    const id = encodeURIComponent(againstStation.id);
    const step = await http.request('POST', `/officer/follow-ups/${id}/actions`, {
      token: dpo,
      ifMatch: 1,
      body: { type: 'callExplanation', note: 'Explain why the FIR was not registered' },
    });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
    expect(step.body.followUp).toMatchObject({ state: 'explanation_called', version: 2 });

    // Assess: the citizen heard about each escalation; the RPO sees the breach alerts
    const outbox = await waitForOutbox(runtime, 6);
    const escalations = outbox.map(outboxText).filter((t) => /escalated/.test(t));
    expect(escalations, JSON.stringify(outbox.map(outboxText))).toHaveLength(3);
    const deadline = Date.now() + 20_000;
    let alerts: { etag: string; kind: string }[] = [];
    while (Date.now() < deadline && alerts.length < 3) {
      alerts = (await http.request('GET', '/officer/alerts', { token: rpo })).body.items;
      if (alerts.length < 3) await new Promise((r) => setTimeout(r, 300));
    }
    expect(
      alerts.filter((a) => a.etag === etag && a.kind === 'breach'),
      JSON.stringify(alerts),
    ).toHaveLength(3);
  }, 120_000);
});
