import { describe, expect, it } from 'vitest';
import { createOfficer, postOfficer, updateUnit } from '../../../shared/app/force/admin.ts';
import { importRoster } from '../../../shared/app/force/roster.ts';
import { ForbiddenError } from '../../../shared/domain/errors.ts';
import type { Officer } from '../../../shared/domain/officer.ts';
import { InMemoryForce, RecordingAccounts } from './fakes.ts';

const admin: Officer = { id: 'admin-1', role: 'ADMIN' };
const now = new Date('2026-03-01T00:00:00Z');
const setup = () => {
  const force = new InMemoryForce();
  const accounts = new RecordingAccounts();
  return { force, accounts, deps: { force, accounts, clock: { now: () => now } } };
};

const VALID = [
  'service_number,name,rank,whatsapp,whatsapp_consent,district,post,unit,from',
  'PB-LHR-1001,Asif Khan,Inspector,0300 1234567,yes,LHR,SHO,Gulberg,2026-01-01',
  'PB-LHR-1002,Sana Malik,DSP,0301 7654321,yes,LHR,SDPO,Model Town,2026-01-01',
  'PB-RWP-2001,Imran Ali,SSP,,,RWP,CITY_POLICE_OFFICER,,2026-01-01',
].join('\n');

const WITH_ERRORS = [
  'service_number,name,rank,whatsapp,whatsapp_consent,district,post,unit,from',
  'PB-LHR-3001,Nadia Riaz,Inspector,0300 1111111,yes,LHR,SHO,Nowhere Town,2026-02-01', // 2: unknown station
  'PB-LHR-3002,Omar Farooq,SI,0300 2222222,yes,LHR,SHO,City,2026-02-01',
  'PB-LHR-3002,Omar Farooq,SI,0300 2222222,yes,LHR,SHO,Cantt,2026-02-01', // 4: duplicate service number
  'PB-LHR-3003,Usman Tariq,Inspector,0300 3333333,yes,LHR,SHO,City,2026-02-01', // 5: overlapping postings
  'PB-LHR-3004,Zara Iqbal,Inspector,12345,yes,LHR,SHO,Civil Lines,2026-02-01', // 6: bad phone
  'PB-LHR-3005,Kamran Aziz,Havaldar,0300 5555555,yes,LHR,SHO,Saddar,2026-02-01', // 7: unknown rank
].join('\n');

describe('roster import', () => {
  it('a valid roster: the dry run reports the changes and writes nothing; apply writes them and the accounts', async () => {
    const { force, accounts, deps } = setup();
    const dry = await importRoster(deps, { actor: admin, csv: VALID, apply: false });
    expect(dry).toMatchObject({ dryRun: true, applied: false, rows: 3, errors: [] });
    expect(dry.changes).toEqual({
      officersCreated: 3,
      officersUpdated: 0,
      postingsOpened: 3,
      postingsClosed: 0,
    });
    expect(force.applied).toBe(0);

    const applied = await importRoster(deps, { actor: admin, csv: VALID, apply: true });
    expect(applied.applied).toBe(true);
    expect((await force.officer('PB-LHR-1001'))?.whatsapp?.phone).toBe('+923001234567');
    expect(await force.postingsOfPost('station-LHR-gulberg.head')).toHaveLength(1);
    expect(accounts.users.get('PB-LHR-1001')).toMatchObject({
      role: 'SHO',
      area: { district: 'LHR', region: 'lahore', station: 'Gulberg', circle: 'Model Town' },
    });
    expect(accounts.users.get('PB-RWP-2001')).toMatchObject({ role: 'DPO', area: { district: 'RWP' } });
  });

  it('five kinds of errors, each with its line; apply with any error changes nothing', async () => {
    const { force, accounts, deps } = setup();
    const dry = await importRoster(deps, { actor: admin, csv: WITH_ERRORS, apply: false });
    expect(dry.errors.map((e) => [e.line, e.kind])).toEqual([
      [2, 'unknown_station'],
      [4, 'duplicate_service_number'],
      [5, 'overlapping_postings'],
      [6, 'bad_phone'],
      [7, 'unknown_rank'],
    ]);
    const applied = await importRoster(deps, { actor: admin, csv: WITH_ERRORS, apply: true });
    expect(applied.applied).toBe(false);
    expect(force.applied).toBe(0);
    expect(force.officerRecords.size).toBe(0);
    expect(accounts.users.size).toBe(0);
  });

  it('a roster that would rewrite history is refused', async () => {
    const { deps } = setup();
    await importRoster(deps, { actor: admin, csv: VALID, apply: true });
    const backdated = [
      'service_number,name,rank,district,post,unit,from',
      'PB-LHR-4001,Hina Shah,Inspector,LHR,SHO,Gulberg,2025-12-01',
    ].join('\n');
    const report = await importRoster(deps, { actor: admin, csv: backdated, apply: true });
    expect(report.errors.map((e) => [e.line, e.kind])).toEqual([[2, 'overlapping_postings']]);
  });

  it('a malformed file gets one clear error', async () => {
    const { deps } = setup();
    const report = await importRoster(deps, { actor: admin, csv: 'name\n"unterminated', apply: false });
    expect(report.errors[0]?.kind).toBe('malformed');
  });
});

describe('directory administration', () => {
  it('only an administrator manages the directory', async () => {
    const { deps } = setup();
    for (const role of ['SHO', 'SDPO', 'DPO', 'RPO', 'CPO'] as const) {
      const actor: Officer = { id: 'x', role, district: 'LHR', station: 'Gulberg' };
      await expect(importRoster(deps, { actor, csv: VALID, apply: true })).rejects.toThrow(ForbiddenError);
      await expect(
        postOfficer(deps, { actor, serviceNumber: 'PB-LHR-1001', posting: { postId: 'district-RWP.head' } }),
      ).rejects.toThrow(ForbiddenError);
      await expect(
        updateUnit(deps, { actor, id: 'station-LHR-gulberg', changes: { name: 'X' } }),
      ).rejects.toThrow(ForbiddenError);
    }
  });

  it('a transfer closes the previous posting, keeps history, and moves the account’s role and area', async () => {
    const { force, accounts, deps } = setup();
    await createOfficer(deps, {
      actor: admin,
      officer: {
        serviceNumber: 'PB-LHR-5001',
        name: 'Asif Khan',
        rank: 'Inspector',
        whatsapp: '0300 1234567',
        whatsappConsent: true,
        postId: 'station-LHR-gulberg.head',
        from: '2026-01-01T00:00:00Z',
      },
    });
    const moved = await postOfficer(deps, {
      actor: admin,
      serviceNumber: 'PB-LHR-5001',
      posting: { postId: 'circle-LHR-model-town.head', from: '2026-02-01T00:00:00Z' },
    });
    expect(moved.closed).toEqual([
      expect.objectContaining({ postId: 'station-LHR-gulberg.head', to: '2026-02-01T00:00:00.000Z' }),
    ]);
    expect(await force.postingsOfOfficer('PB-LHR-5001')).toHaveLength(2);
    expect(accounts.users.get('PB-LHR-5001')).toMatchObject({
      role: 'SDPO',
      area: { district: 'LHR', circle: 'Model Town' },
    });
  });
});
