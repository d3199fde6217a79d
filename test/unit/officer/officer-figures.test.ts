import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../shared/domain/errors.ts';
import { openFollowUp, type FollowUp } from '../../../shared/domain/follow-up.ts';
import type { SlaLevel } from '../../../shared/domain/sla.ts';
import { officerFigures, MAX_FOLLOW_UPS_READ } from '../../../shared/app/officer/officer-figures.ts';
import { listServiceFeedback } from '../../../shared/app/officer/service-feedback.ts';
import type { FeedbackReader } from '../../../shared/app/officer/ports.ts';
import { fixedClock, officer, T0 } from './fakes.ts';

const minutes = (m: number): string => new Date(T0.getTime() + m * 60_000).toISOString();

/** A follow-up against `level` in `district`, held `delay` minutes, naming `who` (or vacant / nobody). */
const followUp = (
  n: number,
  district: string,
  delay: number,
  who: { serviceNumber: string; name: string; rank: string } | 'vacant' | 'older',
  level: SlaLevel = 'SHO',
): FollowUp =>
  openFollowUp({
    complaint: {
      etag: `${district}-AAAA-${String(n).padStart(4, '0')}`,
      district,
      station: 'Gulberg',
      sla: { windowStartedAt: minutes(0), pausedMs: 0 },
    },
    breach: {
      level,
      phase: n % 2 ? 'first_action' : 'resolution',
      dueAt: minutes(delay),
      breachedAt: minutes(delay),
    },
    breachNumber: 1,
    now: new Date(minutes(delay)),
    ...(who === 'older'
      ? {}
      : {
          accountable: { label: `SHO Gulberg (${district})`, ...(who === 'vacant' ? {} : { officer: who }) },
        }),
  });

const ASIF = { serviceNumber: 'PB-1', name: 'Asif Khan', rank: 'Inspector' };
const SANA = { serviceNumber: 'PB-2', name: 'Sana Malik', rank: 'Inspector' };

const repositoryOf = (items: FollowUp[]) => {
  const reads: string[] = [];
  return {
    reads,
    followUps: {
      async *openedBetween(district: string, from: string, to: string) {
        reads.push(district);
        for (const f of items) if (f.district === district && f.openedAt >= from && f.openedAt < to) yield f;
      },
    },
  };
};

describe('officerFigures', () => {
  const items = [
    followUp(1, 'LHR', 60, ASIF),
    followUp(2, 'LHR', 120, ASIF),
    followUp(3, 'LHR', 600, ASIF),
    followUp(4, 'LHR', 30, SANA),
    followUp(5, 'LHR', 45, 'vacant'),
    followUp(6, 'LHR', 45, 'older'),
    followUp(7, 'FSD', 999, SANA),
  ];
  const clock = fixedClock(new Date(T0.getTime() + 86_400_000));

  it('counts breaches and the median delay per officer, most breaches first, in the officer’s area only', async () => {
    // Prepare
    const { followUps, reads } = repositoryOf(items);
    // Act
    const report = await officerFigures(
      { followUps, clock },
      { officer: officer('DPO', { district: 'LHR' }), from: minutes(-60) },
    );
    // Assess
    expect(reads).toEqual(['LHR']);
    expect(report.officers).toEqual([
      expect.objectContaining({
        serviceNumber: 'PB-1',
        name: 'Asif Khan',
        rank: 'Inspector',
        breaches: 3,
        byPhase: { first_action: 2, resolution: 1 },
        openFollowUps: 3,
        medianDelayMinutes: 120,
        districts: ['LHR'],
      }),
      expect.objectContaining({ serviceNumber: 'PB-2', breaches: 1, medianDelayMinutes: 30 }),
    ]);
    expect(report.vacant).toEqual({ breaches: 1, posts: ['SHO Gulberg (LHR)'] });
    expect(report.unattributed).toBe(1); // opened before the directory named officers or vacancies
  });

  it('gives the CPO the province, and refuses station and circle officers', async () => {
    // Prepare
    const { followUps } = repositoryOf(items);
    // Act
    const province = await officerFigures(
      { followUps, clock },
      { officer: officer('CPO'), from: minutes(-60) },
    );
    // Assess
    expect(province.officers.find((o) => o.serviceNumber === 'PB-2')).toMatchObject({
      breaches: 2,
      districts: ['FSD', 'LHR'],
      medianDelayMinutes: Math.round((30 + 999) / 2),
    });
    for (const role of ['SHO', 'SDPO'] as const) {
      await expect(
        officerFigures(
          { followUps, clock },
          { officer: officer(role, { district: 'LHR', station: 'Gulberg' }) },
        ),
      ).rejects.toThrow(ForbiddenError);
    }
  });

  it('stops reading at the cap and says so', async () => {
    // Prepare: more follow-ups than the cap in one district
    const many = {
      async *openedBetween() {
        for (let i = 0; i < MAX_FOLLOW_UPS_READ + 5; i++) yield followUp(i, 'LHR', 10, ASIF);
      },
    };
    // Act
    const report = await officerFigures({ followUps: many, clock }, { officer: officer('CPO') });
    // Assess
    expect(report.truncated).toBe(true);
    expect(report.itemsRead).toBe(MAX_FOLLOW_UPS_READ);
  });
});

describe('listServiceFeedback', () => {
  const reader: FeedbackReader = {
    list: async (query) => ({
      items: [
        {
          id: 'wamid.1#0',
          citizenId: '923001234567',
          language: 'ur',
          text: 'اچھی سروس',
          receivedAt: minutes(5),
        },
      ].slice(0, query.limit),
    }),
  };

  it('shows the CPO the text, language and time, never who sent it', async () => {
    const page = await listServiceFeedback({ feedback: reader }, { officer: officer('CPO') });
    expect(page.items).toEqual([
      { id: 'wamid.1#0', language: 'ur', text: 'اچھی سروس', receivedAt: minutes(5) },
    ]);
    expect(JSON.stringify(page)).not.toContain('923001234567');
  });

  it('refuses everyone below the CPO', async () => {
    for (const o of [officer('DPO', { district: 'LHR' }), officer('RPO', { region: 'lahore' })]) {
      await expect(listServiceFeedback({ feedback: reader }, { officer: o })).rejects.toThrow(ForbiddenError);
    }
  });
});
