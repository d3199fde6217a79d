import { beforeAll, describe, expect, it } from 'vitest';
import { createComplaintRepository } from '../../shared/adapters/dynamodb/complaint-repository.ts';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { followUpItem } from '../../shared/adapters/dynamodb/follow-up-repository.ts';
import { createAlertRepository } from '../../shared/adapters/dynamodb/alert-repository.ts';
import { documentClient } from '../../shared/runtime/common.ts';
import { openFollowUp } from '../../shared/domain/follow-up.ts';
import type { Complaint } from '../../shared/domain/complaint.ts';
import type { ComplaintRepository } from '../../shared/app/ports.ts';
import { provisionForTest } from '../support/aws.ts';
import { readStream, streamEnd } from '../support/stream.ts';
import { testContext } from '../support/api-events.ts';
import { makeComplaint, T0 } from '../unit/officer/fakes.ts';
import {
  call,
  claimsOf,
  idTokenClaims,
  seed,
  type Claims,
  type Handler,
  type RequestSpec,
} from './officer-support.ts';
import { handler as listHandler } from '../../functions/officer-list-complaints.ts';
import { handler as getHandler } from '../../functions/officer-get-complaint.ts';
import { handler as actHandler } from '../../functions/officer-act-on-complaint.ts';
import { handler as monitoringHandler } from '../../functions/officer-monitoring.ts';
import { handler as followUpsHandler } from '../../functions/officer-follow-ups.ts';
import { handler as alertsHandler } from '../../functions/officer-alerts.ts';
import { trackComplaint } from '../../shared/app/track-complaint.ts';
import { LIMITS } from '../../shared/app/limits.ts';
import { inMemoryLimiter } from '../support/fakes.ts';
import { handler as monitoringDetailsHandler } from '../../functions/officer-monitoring-details.ts';
import { createFeedbackStore } from '../../shared/adapters/dynamodb/feedback-store.ts';
import { handler as countersHandler } from '../../functions/monitoring-counters.ts';
import { GROUPS_CLAIM } from '../../shared/domain/officer-groups.ts';

const LHR_DPO = claimsOf('DPO', { district: 'LHR' });
const FSD_DPO = claimsOf('DPO', { district: 'FSD' });
const CPO = claimsOf('CPO');
const MODEL_TOWN_SHO = claimsOf('SHO', { district: 'LHR', station: 'Model Town' });
const GULBERG_SHO = claimsOf('SHO', { district: 'LHR', station: 'Gulberg' });

let repository: ComplaintRepository;
let appTable: string;
let lahore: Complaint;
let faisalabad: Complaint;

beforeAll(async () => {
  const provisioned = await provisionForTest('off');
  appTable = provisioned.names.appTable;
  const streamStart = await streamEnd(provisioned.streamArn);
  repository = createComplaintRepository(documentClient(), () => provisioned.names.appTable);
  const now = new Date();
  lahore = makeComplaint({ district: 'LHR', station: 'Model Town' }, now);
  faisalabad = makeComplaint({ district: 'FSD', station: 'Civil Lines' }, now);
  await seed(repository, lahore, faisalabad);
  const tableName = () => provisioned.names.appTable;
  // A follow-up and an alert in each district, for the scope checks of those routes.
  const alerts = createAlertRepository(documentClient(), tableName);
  for (const c of [lahore, faisalabad]) {
    const followUp = openFollowUp({
      complaint: c,
      breach: { level: 'SHO', phase: 'first_action', dueAt: T0.toISOString(), breachedAt: now.toISOString() },
      breachNumber: 1,
      now,
    });
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: followUpItem(followUp) }));
    await alerts.add({
      id: `${c.etag}#${now.toISOString()}#000002.00`,
      kind: 'breach',
      etag: c.etag,
      district: c.district,
      ...(c.station ? { station: c.station } : {}),
      level: 'SHO',
      escalatedTo: 'DPO',
      phase: 'first_action',
      dueAt: T0.toISOString(),
      occurredAt: now.toISOString(),
    });
  }
  // Monitoring reads counters: feed what was written through the real counters consumer, as the stream would.
  const counted = await countersHandler(
    { Records: await readStream(provisioned.streamArn, streamStart) },
    testContext(),
  );
  expect(counted).toEqual({ batchItemFailures: [] });
});

const get = (
  route: string,
  path: string,
  claims: Claims | undefined,
  extra: Partial<RequestSpec> = {},
): RequestSpec => ({
  method: 'GET',
  route,
  path,
  ...(claims ? { claims } : {}),
  ...extra,
});

const act = (
  c: Complaint,
  kind: 'assign' | 'transitions' | 'actions',
  body: unknown,
  claims: Claims,
  version?: number,
): RequestSpec => ({
  method: 'POST',
  route: `/officer/complaints/{etag}/${kind}`,
  path: `/officer/complaints/${c.etag}/${kind}`,
  pathParameters: { etag: c.etag },
  body,
  claims,
  headers: version === undefined ? {} : { 'if-match': `"${version}"` },
});

const etags = (body: { items: { etag: string }[] }) => body.items.map((i) => i.etag);

describe('officer routes: authorization', () => {
  it('refuses requests without claims (401) and with a forged or incomplete role (403)', async () => {
    // Prepare
    const routes: [Handler, RequestSpec][] = [
      [listHandler, get('/officer/complaints', '/officer/complaints', undefined)],
      [monitoringHandler, get('/officer/monitoring', '/officer/monitoring', undefined)],
      [followUpsHandler, get('/officer/follow-ups', '/officer/follow-ups', undefined)],
      [alertsHandler, get('/officer/alerts', '/officer/alerts', undefined)],
    ];
    // Act
    const missing = await Promise.all(routes.map(([h, spec]) => call(h, spec)));
    const forged = await Promise.all(
      routes.map(([h, spec]) =>
        call(h, { ...spec, claims: { ...idTokenClaims(), sub: 'x', [GROUPS_CLAIM]: '[role-GOD]' } }),
      ),
    );
    const incomplete = await call(listHandler, {
      ...routes[0]![1],
      claims: { ...idTokenClaims(), sub: 'x', [GROUPS_CLAIM]: '[role-DPO]' },
    });
    const accessToken = await call(listHandler, {
      ...routes[0]![1],
      claims: { ...claimsOf('CPO'), token_use: 'access' },
    });
    const centuryToken = await call(listHandler, {
      ...routes[0]![1],
      claims: { ...claimsOf('CPO'), exp: String(Math.floor(Date.now() / 1000) + 100 * 365 * 86400) },
    });
    // Assess
    expect(missing.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(forged.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(incomplete.status).toBe(403);
    expect([accessToken.status, centuryToken.status]).toEqual([401, 401]);
  });

  it('list: district A sees nothing of district B, a station officer only their station, the CPO all', async () => {
    // Act
    const lhr = await call(listHandler, get('/officer/complaints', '/officer/complaints', LHR_DPO));
    const lhrAsksFsd = await call(
      listHandler,
      get('/officer/complaints', '/officer/complaints', LHR_DPO, { query: { district: 'FSD' } }),
    );
    const gulberg = await call(listHandler, get('/officer/complaints', '/officer/complaints', GULBERG_SHO));
    const modelTown = await call(
      listHandler,
      get('/officer/complaints', '/officer/complaints', MODEL_TOWN_SHO),
    );
    const cpo = await call(listHandler, get('/officer/complaints', '/officer/complaints', CPO));
    // Assess
    expect(etags(lhr.body)).toEqual([lahore.etag]);
    expect(etags(lhrAsksFsd.body)).toEqual([]);
    expect(etags(gulberg.body)).toEqual([]);
    expect(etags(modelTown.body)).toEqual([lahore.etag]);
    expect(etags(cpo.body).sort()).toEqual([lahore.etag, faisalabad.etag].sort());
  });

  it('get: out of scope answers 404 exactly like an unknown e-tag', async () => {
    // Act
    const spec = (c: { etag: string }, claims: Claims) =>
      get('/officer/complaints/{etag}', `/officer/complaints/${c.etag}`, claims, {
        pathParameters: { etag: c.etag },
      });
    const outOfScope = await call(getHandler, spec(faisalabad, LHR_DPO));
    const unknown = await call(getHandler, spec({ etag: 'LHR-0000-0000' }, LHR_DPO));
    const otherStation = await call(getHandler, spec(lahore, GULBERG_SHO));
    const own = await call(getHandler, spec(lahore, LHR_DPO));
    const cpo = await call(getHandler, spec(faisalabad, CPO));
    // Assess
    expect([outOfScope.status, unknown.status, otherStation.status]).toEqual([404, 404, 404]);
    expect(outOfScope.body.error.code).toBe(unknown.body.error.code);
    expect(own.status).toBe(200);
    expect(own.headers.etag).toBe('"1"');
    expect(own.body.complaint.complainant.phone).toBe('+923001234567');
    expect(own.body.complaint).not.toHaveProperty('trackingCodeHash');
    expect(own.body.timeline.map((t: { type: string }) => t.type)).toEqual(['ComplaintFiled']);
    expect(cpo.status).toBe(200);
  });

  it('assign / transitions / actions: 404 for another district or station, whatever the version', async () => {
    // Act
    const results = await Promise.all([
      call(actHandler, act(faisalabad, 'assign', { level: 'SHO', station: 'X' }, LHR_DPO, 1)),
      call(actHandler, act(faisalabad, 'transitions', { type: 'start' }, LHR_DPO, 1)),
      call(
        actHandler,
        act(faisalabad, 'actions', { kind: 'called_complainant', note: 'Called' }, LHR_DPO, 1),
      ),
      call(
        actHandler,
        act(lahore, 'actions', { kind: 'called_complainant', note: 'Called' }, GULBERG_SHO, 1),
      ),
    ]);
    // Assess
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    expect((await repository.get(faisalabad.etag))?.version).toBe(1);
  });

  it('monitoring, follow-ups and alerts only cover the officer’s area; the CPO sees the province', async () => {
    // Act
    const lhrMonitoring = await call(
      monitoringHandler,
      get('/officer/monitoring', '/officer/monitoring', LHR_DPO),
    );
    const cpoMonitoring = await call(
      monitoringHandler,
      get('/officer/monitoring', '/officer/monitoring', CPO),
    );
    const lhrFollowUps = await call(
      followUpsHandler,
      get('/officer/follow-ups', '/officer/follow-ups', LHR_DPO),
    );
    const shoFollowUps = await call(
      followUpsHandler,
      get('/officer/follow-ups', '/officer/follow-ups', MODEL_TOWN_SHO),
    );
    const cpoFollowUps = await call(followUpsHandler, get('/officer/follow-ups', '/officer/follow-ups', CPO));
    const fsdAlerts = await call(alertsHandler, get('/officer/alerts', '/officer/alerts', FSD_DPO));
    const gulbergAlerts = await call(alertsHandler, get('/officer/alerts', '/officer/alerts', GULBERG_SHO));
    // Assess
    expect(lhrMonitoring.body.districts.map((d: { district: string }) => d.district)).toEqual(['LHR']);
    expect(lhrMonitoring.body.province).toBeUndefined();
    expect(cpoMonitoring.body.province.total).toBe(2);
    expect(lhrFollowUps.status, JSON.stringify(lhrFollowUps.body)).toBe(200);
    expect(lhrFollowUps.body.items.map((f: { etag: string }) => f.etag)).toEqual([lahore.etag]);
    expect(shoFollowUps.body.items).toEqual([]);
    expect(cpoFollowUps.body.items).toHaveLength(2);
    expect(fsdAlerts.body.items.map((a: { etag: string }) => a.etag)).toEqual([faisalabad.etag]);
    expect(gulbergAlerts.body.items).toEqual([]);
  });
});

describe('officer routes: optimistic locking', () => {
  it('needs If-Match (428), refuses a malformed one (400) and a stale one (412)', async () => {
    // Prepare
    const body = { kind: 'called_complainant', note: 'Called the complainant' };
    // Act
    const missing = await call(actHandler, act(lahore, 'actions', body, LHR_DPO));
    const malformed = await call(actHandler, {
      ...act(lahore, 'actions', body, LHR_DPO),
      headers: { 'if-match': 'abc' },
    });
    const stale = await call(actHandler, act(lahore, 'actions', body, LHR_DPO, 42));
    // Assess
    expect([missing.status, malformed.status, stale.status]).toEqual([428, 400, 412]);
  });

  it('answers an illegal transition with 409 and a clear message', async () => {
    // Act
    const result = await call(
      actHandler,
      act(
        lahore,
        'transitions',
        { type: 'resolve', note: 'done' },
        LHR_DPO,
        (await repository.get(lahore.etag))?.version,
      ),
    );
    // Assess
    expect(result.status).toBe(409);
    expect(result.body.error.message).toMatch(/resolve/);
  });
});

describe('take and start, and internal notes', () => {
  it('a DPO takes a received complaint and starts on it in one step (If-Match, scope); its internal note stays with officers', async () => {
    // Prepare
    const received = makeComplaint({ district: 'LHR', station: 'Gulberg' }, new Date());
    await seed(repository, received);
    const body = { type: 'takeAndStart', note: 'Taking it myself: the SHO is named', visibility: 'internal' };
    // Act
    const bySho = await call(actHandler, act(received, 'transitions', body, GULBERG_SHO, 1));
    const otherDistrict = await call(actHandler, act(received, 'transitions', body, FSD_DPO, 1));
    const withoutIfMatch = await call(actHandler, act(received, 'transitions', body, LHR_DPO));
    const taken = await call(actHandler, act(received, 'transitions', body, LHR_DPO, 1));
    const again = await call(actHandler, act(received, 'transitions', body, LHR_DPO, 2));
    const detail = await call(getHandler, {
      ...get('/officer/complaints/{etag}', `/officer/complaints/${received.etag}`, LHR_DPO),
      pathParameters: { etag: received.etag },
    });
    const tracked = await trackComplaint(
      {
        complaints: repository,
        trackingCodes: {
          hash: async () => 'hash',
          verify: async () => true,
          verifyNothing: async () => false,
        },
        limits: inMemoryLimiter(),
        rateRules: LIMITS,
        clock: { now: () => new Date() },
      },
      { etag: received.etag, trackingCode: 'ANY-CODE-1' },
    );
    // Assess
    expect([bySho.status, otherDistrict.status, withoutIfMatch.status]).toEqual([409, 404, 428]);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.headers.etag).toBe('"2"');
    expect(taken.body.complaint).toMatchObject({
      status: 'in_progress',
      assignment: { level: 'DPO', station: 'Gulberg', officerId: LHR_DPO.sub },
    });
    expect(again.status).toBe(409);
    const started = detail.body.timeline.find((t: { toStatus?: string }) => t.toStatus === 'in_progress');
    expect(started).toMatchObject({ note: body.note, noteVisibility: 'internal' });
    expect(tracked.status).toBe('in_progress');
    expect(JSON.stringify(tracked.timeline)).not.toContain('SHO is named');
  });
});

describe('monitoring: per-officer figures and service feedback', () => {
  it('counts breaches and median delay per named officer from the follow-ups, in scope; SHOs are refused', async () => {
    // Prepare: three breaches at PS Gulberg (Lahore) while Inspector Asif Khan held it, one in Faisalabad
    const now = new Date();
    const asif = { serviceNumber: 'PB-FIG-1', name: 'Asif Khan', rank: 'Inspector' };
    const write = async (district: string, delayMinutes: number, n: number) => {
      const c = makeComplaint(
        { district, station: 'Gulberg' },
        new Date(now.getTime() - delayMinutes * 60_000),
      );
      const followUp = openFollowUp({
        complaint: c,
        breach: {
          level: 'SHO',
          phase: 'first_action',
          dueAt: now.toISOString(),
          breachedAt: now.toISOString(),
        },
        breachNumber: n,
        now,
        accountable: { label: 'SHO Gulberg', postId: 'station-LHR-gulberg.head', officer: asif },
      });
      await documentClient().send(new PutCommand({ TableName: appTable, Item: followUpItem(followUp) }));
    };
    await write('LHR', 60, 1);
    await write('LHR', 90, 1);
    await write('LHR', 600, 1);
    await write('FSD', 30, 1);
    const route = (claims: Claims) =>
      get('/officer/monitoring/officers', '/officer/monitoring/officers', claims);
    // Act
    const lhr = await call(monitoringDetailsHandler, route(LHR_DPO));
    const cpo = await call(monitoringDetailsHandler, route(CPO));
    const sho = await call(monitoringDetailsHandler, route(GULBERG_SHO));
    // Assess
    expect(lhr.status, JSON.stringify(lhr.body)).toBe(200);
    expect(lhr.body.officers).toEqual([
      expect.objectContaining({ ...asif, breaches: 3, medianDelayMinutes: 90, districts: ['LHR'] }),
    ]);
    expect(cpo.body.officers[0]).toMatchObject({ serviceNumber: asif.serviceNumber, breaches: 4 });
    expect(cpo.body.unattributed).toBeGreaterThanOrEqual(2); // the ones seeded without an officer
    expect(sho.status).toBe(403);
  });

  it('shows the CPO the service feedback sent on WhatsApp, newest first, and nobody else', async () => {
    // Prepare
    const store = createFeedbackStore(documentClient(), () => appTable);
    const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    await store.record({
      id: 'wamid.FB1#0',
      citizenId: '923001112223',
      language: 'en',
      text: 'Quick help, thanks',
      receivedAt: at(10),
    });
    await store.record({
      id: 'wamid.FB2#0',
      citizenId: '923001112224',
      language: 'ur',
      text: 'تھانے میں رویہ اچھا نہیں تھا',
      receivedAt: at(5),
    });
    const route = (claims: Claims, query: Record<string, string> = {}) =>
      get('/officer/monitoring/feedback', '/officer/monitoring/feedback', claims, { query });
    // Act
    const first = await call(monitoringDetailsHandler, route(CPO, { limit: '1' }));
    const second = await call(
      monitoringDetailsHandler,
      route(CPO, { limit: '1', cursor: first.body.cursor }),
    );
    const dpo = await call(monitoringDetailsHandler, route(LHR_DPO));
    // Assess
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(['wamid.FB2#0']);
    expect(second.body.items.map((i: { text: string }) => i.text)).toEqual(['Quick help, thanks']);
    expect(JSON.stringify([first.body, second.body])).not.toContain('92300111222');
    expect(dpo.status).toBe(403);
  });
});

describe('officer list: cursor pagination', () => {
  it('pages newest first without gaps or repeats, across districts, and refuses a tampered cursor', async () => {
    // Prepare
    const base = Date.now() - 3600_000;
    const batch = Array.from({ length: 5 }, (_, i) =>
      makeComplaint({ district: i % 2 === 0 ? 'JHG' : 'TTS' }, new Date(base + i * 1000)),
    );
    await seed(repository, ...batch);
    const rpo = claimsOf('RPO', { region: 'faisalabad' });
    // Act
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await call(
        listHandler,
        get('/officer/complaints', '/officer/complaints', rpo, {
          query: { limit: '2', ...(cursor ? { cursor } : {}) },
        }),
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...etags(page.body));
      cursor = page.body.cursor;
      pages++;
    } while (cursor && pages < 10);
    const tampered = await call(
      listHandler,
      get('/officer/complaints', '/officer/complaints', rpo, {
        query: { cursor: Buffer.from(JSON.stringify({ v: 1, p: { LHR: '' } })).toString('base64url') },
      }),
    );
    // Assess
    const expected = [...batch, faisalabad]
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((c) => c.etag);
    expect(seen).toEqual(expected);
    expect(tampered.status).toBe(400);
  });
});
