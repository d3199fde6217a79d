import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntimeProcess, type RunningLocalRuntime } from '../support/local-runtime.ts';
import { signedWebhookRequest, webhookBody } from '../../infra/local/webhook-payload.ts';
import { fileOnWeb, httpClient, optIn, outboxText, waitForOutbox } from './officer-e2e-support.ts';

let runtime: RunningLocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntimeProcess({ stagePrefix: 'life' });
});

afterAll(async () => {
  await runtime?.stop();
});

// Each journey waits on the local runtime's asynchronous pollers (stream → bus → notifier queue) for every update;
// alone a journey takes ~8 s, but on 2 cores shared with the browser suites it took over 30 s, so these tests
// get a generous bound: they assert order and content, never speed (speed is measured in bench/).
describe('complaint lifecycle over the local runtime', { timeout: 120_000 }, () => {
  it('file → assign → action note → resolve: one citizen update per action, in order; "not satisfied" → reopened one level up', async () => {
    const http = httpClient(runtime);
    // Prepare: a web complaint with a WhatsApp-capable phone number
    const { etag, trackingCode } = await fileOnWeb(
      http,
      { name: 'Bilal Ahmed', phone: '0300 1234567' },
      {
        station: 'Model Town',
        description: 'My motorcycle was stolen outside the Model Town market yesterday evening.',
      },
    );
    const path = `/officer/complaints/${etag}`;
    const dpo = await http.tokenFor('DPO', { district: 'LHR' });
    const sho = await http.tokenFor('SHO', { district: 'LHR', station: 'Model Town' });
    // A web filing's number is asked once to confirm; updates follow only after its owner replies YES.
    await optIn(runtime);

    // Act + Assess: each officer action, then its update reaches the citizen
    const read = await http.request('GET', path, { token: dpo });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    const assigned = await http.request('POST', `${path}/assign`, {
      token: dpo,
      ifMatch: 1,
      body: { level: 'SHO', station: 'Model Town' },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    await waitForOutbox(runtime, 3);
    const noted = await http.request('POST', `${path}/actions`, {
      token: sho,
      ifMatch: 2,
      body: { kind: 'called_complainant', note: 'Called the complainant, visit arranged' },
    });
    expect(noted.status, JSON.stringify(noted.body)).toBe(200);
    await waitForOutbox(runtime, 4);
    const started = await http.request('POST', `${path}/transitions`, {
      token: sho,
      ifMatch: 3,
      body: { type: 'start' },
    });
    expect(started.status).toBe(200);
    await waitForOutbox(runtime, 5);
    const stale = await http.request('POST', `${path}/transitions`, {
      token: sho,
      ifMatch: 3,
      body: { type: 'start' },
    });
    expect(stale.status).toBe(412);
    const resolved = await http.request('POST', `${path}/transitions`, {
      token: sho,
      ifMatch: 4,
      body: { type: 'resolve', note: 'Motorcycle recovered and handed over' },
    });
    expect(resolved.status).toBe(200);
    // resolve: the update and the satisfaction question
    const outbox = await waitForOutbox(runtime, 7);
    const texts = outbox.map(outboxText);
    expect(texts).toHaveLength(7);
    expect(texts[0]).toMatch(/was filed with this number.*Reply YES/);
    expect(texts[1]).toMatch(/You will now get updates/);
    expect(texts[2]).toMatch(/assigned/);
    expect(texts[3]).toMatch(/Action has been taken/);
    expect(texts[4]).toMatch(/In progress|in_progress|now:/i);
    expect(texts[5]).toMatch(/has been resolved/);
    expect(texts[6]).toMatch(/satisfied/i);

    // Act: the citizen is not satisfied
    const feedback = await http.request('POST', '/complaints/feedback', {
      body: { etag, trackingCode, satisfied: false, reason: 'The motorcycle was returned damaged' },
    });
    // Assess: reopened one level up (station → circle), with the reason in the timeline, and told so
    expect(feedback.status, JSON.stringify(feedback.body)).toBe(200);
    expect(feedback.body).toMatchObject({ status: 'reopened', heldBy: 'SDPO' });
    const after = await http.request('GET', path, { token: dpo });
    expect(after.body.complaint).toMatchObject({ status: 'reopened', assignment: { level: 'SDPO' } });
    const reopened = after.body.timeline.find((t: { type: string }) => t.type === 'ComplaintReopened');
    expect(reopened.reason).toBe('The motorcycle was returned damaged');
    const finalOutbox = await waitForOutbox(runtime, 8);
    expect(outboxText(finalOutbox[7]!)).toMatch(/reopened/);
  });

  it("an officer asks the citizen for information; the citizen's answer returns the complaint to the officer", async () => {
    const http = httpClient(runtime);
    // Prepare: filed, assigned to a station and started
    const citizen = '923025556677';
    const { etag, trackingCode } = await fileOnWeb(
      http,
      { name: 'Nadia Khan', phone: '0302 5556677' },
      { description: 'My handbag was snatched by two men on a motorcycle near the canal.' },
    );
    const path = `/officer/complaints/${etag}`;
    const dpo = await http.tokenFor('DPO', { district: 'LHR' });
    const sho = await http.tokenFor('SHO', { district: 'LHR', station: 'Gulberg' });
    await optIn(runtime, citizen);
    await http.request('POST', `${path}/assign`, {
      token: dpo,
      ifMatch: 1,
      body: { level: 'SHO', station: 'Gulberg' },
    });
    await http.request('POST', `${path}/transitions`, { token: sho, ifMatch: 2, body: { type: 'start' } });
    // Act: the SHO asks; the citizen hears the question and answers with the tracking code as proof
    const asked = await http.request('POST', `${path}/transitions`, {
      token: sho,
      ifMatch: 3,
      body: { type: 'requestCitizenInfo', note: 'Which bridge on the canal was it near?' },
    });
    // opt-in question, thanks, assigned, started, the question
    const told = await waitForOutbox(runtime, 5, citizen);
    const answered = await http.request('POST', '/complaints/respond', {
      body: { etag, trackingCode, message: 'Near the Jail Road underpass' },
    });
    const again = await http.request('POST', '/complaints/respond', {
      body: { etag, trackingCode, message: 'Near the Jail Road underpass' },
    });
    // Assess
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    // The notifier's queue is not FIFO: updates sent in quick succession may arrive in any order.
    expect(told.map(outboxText).filter((t) => /Which bridge on the canal/.test(t))).toHaveLength(1);
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'in_progress' });
    expect(again.status).toBe(409);
    const after = await http.request('GET', path, { token: sho });
    expect(after.body.complaint.status).toBe('in_progress');
    expect(after.body.timeline.at(-1)).toMatchObject({ note: 'Near the Jail Road underpass' });
  });

  it('a web complaint’s citizen answers the officer in WhatsApp, and "status" there lists the complaint', async () => {
    const http = httpClient(runtime);
    // Prepare: filed on the web with the number the citizen writes from, opted in, asked a question
    const citizen = '923025556688';
    const { etag } = await fileOnWeb(
      http,
      { name: 'Sana Khan', phone: '0302 5556688' },
      { description: 'My phone was snatched near Liberty market by two men on a bike.' },
    );
    const path = `/officer/complaints/${etag}`;
    const dpo = await http.tokenFor('DPO', { district: 'LHR' });
    await optIn(runtime, citizen);
    await http.request('POST', `${path}/transitions`, {
      token: dpo,
      ifMatch: 1,
      body: { type: 'takeAndStart' },
    });
    await http.request('POST', `${path}/transitions`, {
      token: dpo,
      ifMatch: 2,
      body: { type: 'requestCitizenInfo', note: 'What is the IMEI of the phone?' },
    });
    // opt-in question, thanks, assigned, started, the question with its Reply button
    const told = await waitForOutbox(runtime, 5, citizen);
    /** Sends one message as the citizen; resolves with the first new outbox text that `answers`. */
    const say = async (message: Record<string, unknown>, answers: RegExp): Promise<string> => {
      const before = (await waitForOutbox(runtime, 0, citizen)).length;
      const body = webhookBody({ from: citizen, message });
      expect((await fetch(`${runtime.apiUrl}/webhook`, signedWebhookRequest(body))).status).toBe(200);
      for (let seen = before + 1; ; seen++) {
        const entries = await waitForOutbox(runtime, seen, citizen);
        const reply = entries
          .slice(before)
          .map(outboxText)
          .find((t) => answers.test(t));
        if (reply) return reply;
      }
    };
    // Act
    await say(
      {
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: `info:${etag}`, title: 'Reply' } },
      },
      /your answer|اپنا جواب/i,
    );
    const thanked = await say(
      { type: 'text', text: { body: 'The IMEI is 356938035643809' } },
      /Thank you|شکریہ/,
    );
    // The status list, not an update: it names the complaint first, then its status.
    const status = await say(
      { type: 'text', text: { body: 'status' } },
      new RegExp(`\\*${etag}\\*\\\\n(Status|صورتحال)`),
    );
    // Assess
    expect(told.map(outboxText).some((t) => t.includes(`info:${etag}`))).toBe(true);
    const after = await http.request('GET', path, { token: dpo });
    expect(after.body.complaint.status).toBe('in_progress');
    expect(after.body.timeline.at(-1)).toMatchObject({ note: 'The IMEI is 356938035643809' });
    expect(thanked).toMatch(/officer|افسر/);
    expect(status).toMatch(/\*(In progress|کارروائی جاری)\*/);
  });

  it('keeps officers of other areas out: 404 on read and act, nothing in their list', async () => {
    const http = httpClient(runtime);
    // Prepare
    const { etag } = await fileOnWeb(
      http,
      { name: 'Sana Tariq', phone: '0301 7654321' },
      { description: 'A phone was snatched near the bus stop on the main boulevard.', language: 'ur' },
    );
    const fsd = await http.tokenFor('DPO', { district: 'FSD' });
    const forged = await runtime.token({ sub: 'x', 'cognito:groups': ['role-SUPERUSER'] });
    // Act
    const read = await http.request('GET', `/officer/complaints/${etag}`, { token: fsd });
    const acted = await http.request('POST', `/officer/complaints/${etag}/assign`, {
      token: fsd,
      ifMatch: 1,
      body: { level: 'DPO' },
    });
    const list = await http.request('GET', '/officer/complaints', { token: fsd });
    const forgedList = await http.request('GET', '/officer/complaints', { token: forged });
    const noToken = await http.request('GET', '/officer/complaints');
    // Assess
    expect([read.status, acted.status]).toEqual([404, 404]);
    expect(list.body.items.map((c: { etag: string }) => c.etag)).not.toContain(etag);
    expect(forgedList.status).toBe(403);
    expect(noToken.status).toBe(401);
  });
});
