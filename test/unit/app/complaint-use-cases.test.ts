import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import { parseEtag } from '../../../shared/domain/etag.ts';
import { EtagExhaustedError, RateLimitedError } from '../../../shared/app/errors.ts';
import { LIMITS, scaledLimits } from '../../../shared/app/limits.ts';
import { fileComplaint, MAX_ETAG_ATTEMPTS } from '../../../shared/app/file-complaint.ts';
import type { ComplaintDeps } from '../../../shared/app/ports.ts';
import {
  listComplaintsOfCitizen,
  trackComplaint,
  trackComplaintOfCitizen,
} from '../../../shared/app/track-complaint.ts';
import {
  InMemoryComplaintRepository,
  fakeHasher,
  fixedClock,
  inMemoryLimiter,
  seededRandom,
} from '../../support/fakes.ts';

const validInput = () => ({
  complainant: { name: 'Ayesha Khan', phone: '0300 1234567', cnic: '35202-1234567-1' },
  district: 'lhr',
  category: 'police_misconduct',
  description: 'The duty officer refused to listen and insulted my father at the station.',
  language: 'en',
});

const makeDeps = () => {
  const complaints = new InMemoryComplaintRepository();
  const trackingCodes = fakeHasher();
  const deps: ComplaintDeps = {
    complaints,
    clock: fixedClock(),
    random: seededRandom(),
    trackingCodes,
    limits: inMemoryLimiter(),
    rateRules: LIMITS,
  };
  return { deps, complaints, trackingCodes };
};

describe('fileComplaint', () => {
  it('stores the complaint with a ComplaintFiled entry and answers with e-tag, tracking code and how to track', async () => {
    // Prepare
    const { deps, complaints } = makeDeps();
    // Act
    const result = await fileComplaint(deps, { input: validInput(), channel: 'web' });
    // Assess
    expect(parseEtag(result.etag)).toBe(result.etag);
    expect(result.etag.startsWith('LHR-')).toBe(true);
    expect(result.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(result.status).toBe('received');
    expect(result.track.path).toBe('/complaints/track');
    const stored = complaints.complaints.get(result.etag);
    expect(stored?.complainant.phone).toBe('+923001234567');
    expect(stored?.trackingCodeHash).not.toContain(String(result.trackingCode).replace('-', ''));
    expect(stored?.sla).toBeDefined();
    const [filed, ...rest] = complaints.timelines.get(result.etag) ?? [];
    expect(rest).toHaveLength(0);
    expect(filed?.type).toBe('ComplaintFiled');
    expect(filed?.data).toEqual({
      category: 'police_misconduct',
      priority: 'normal',
      channel: 'web',
      language: 'en',
      status: 'received',
      canMessageCitizen: true,
      sensitive: false,
    });
    expect(JSON.stringify(filed)).not.toMatch(/Ayesha|3001234567|insulted/);
  });

  it('opts sensitive categories out of updates by default and says so in the event fields', async () => {
    // Prepare
    const { deps, complaints } = makeDeps();
    // Act
    const result = await fileComplaint(deps, {
      input: { ...validInput(), category: 'gender_violence' },
      channel: 'web',
    });
    // Assess
    const filed = complaints.timelines.get(result.etag)?.[0];
    expect(filed?.data).toMatchObject({ canMessageCitizen: false, sensitive: true, priority: 'high' });
  });

  it('keeps with a location the districts it lies in, for officers to compare with the district chosen', async () => {
    // Prepare
    const { deps, complaints } = makeDeps();
    const at = (latitude: number, longitude: number, district: string) => ({
      ...validInput(),
      district,
      location: { latitude, longitude },
    });
    // Act
    const multan = await fileComplaint(deps, { input: at(30.197, 71.474, 'lhr'), channel: 'web' });
    const chiniot = await fileComplaint(deps, { input: at(31.72, 72.98, 'cnt'), channel: 'web' });
    const karachi = await fileComplaint(deps, { input: at(24.8607, 67.0011, 'lhr'), channel: 'web' });
    // Assess
    expect(complaints.complaints.get(multan.etag)?.location).toEqual({
      latitude: 30.197,
      longitude: 71.474,
      suggestedDistricts: ['MTN'],
    });
    expect(complaints.complaints.get(chiniot.etag)?.location?.suggestedDistricts).toEqual(['JHG', 'CNT']);
    expect(complaints.complaints.get(karachi.etag)?.location).toEqual({
      latitude: 24.8607,
      longitude: 67.0011,
    });
  });

  it('retries with a new e-tag when the first one is taken', async () => {
    // Prepare: learn the first e-tag this seed produces, then mark it taken
    const probe = makeDeps();
    const first = await fileComplaint(probe.deps, { input: validInput(), channel: 'web' });
    const { deps, complaints } = makeDeps();
    complaints.takenEtags.add(first.etag);
    // Act
    const result = await fileComplaint(deps, { input: validInput(), channel: 'web' });
    // Assess
    expect(result.etag).not.toBe(first.etag);
    expect(complaints.createCalls).toBe(2);
    expect(complaints.complaints.size).toBe(1);
  });

  it('gives up after a bounded number of collisions', async () => {
    // Prepare: every create collides
    const { deps, complaints } = makeDeps();
    complaints.create = async (c) => {
      complaints.createCalls++;
      const { EtagCollisionError } = await import('../../../shared/app/errors.ts');
      throw new EtagCollisionError(c.etag);
    };
    // Act
    const attempt = fileComplaint(deps, { input: validInput(), channel: 'web' });
    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EtagExhaustedError);
    expect(complaints.createCalls).toBe(MAX_ETAG_ATTEMPTS);
  });

  it('rejects invalid input with field paths and stores nothing', async () => {
    // Prepare
    const { deps, complaints } = makeDeps();
    const input = { ...validInput(), district: 'XXX', complainant: { name: 'A', phone: '12' } };
    // Act
    const error = await fileComplaint(deps, { input, channel: 'web' }).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['district', 'complainant.name', 'complainant.phone']));
    expect(complaints.complaints.size).toBe(0);
  });

  it('files once per request id: a retried WhatsApp message gets the first complaint back', async () => {
    // Prepare
    const { deps, complaints } = makeDeps();
    const command = {
      input: validInput(),
      channel: 'whatsapp' as const,
      whatsappId: '923001234567',
      requestId: 'wamid.A',
    };
    const first = await fileComplaint(deps, command);
    // Act
    const again = await fileComplaint(deps, command);
    // Assess
    expect(again.etag).toBe(first.etag);
    expect(again.trackingCode).toBeUndefined();
    expect(complaints.complaints.size).toBe(1);
  });

  it('files for a WhatsApp identity whose phone Meta withheld, but requires a phone everywhere else', async () => {
    // Prepare
    const { deps, complaints } = makeDeps();
    const { phone: _phone, ...withoutPhone } = validInput().complainant;
    const input = { ...validInput(), complainant: withoutPhone };
    // Act
    const chat = await fileComplaint(deps, { input, channel: 'whatsapp', whatsappId: 'PK.1a2b3c4d5e' });
    const web = fileComplaint(deps, { input, channel: 'web' });
    // Assess
    expect(complaints.complaints.get(chat.etag)?.complainant).toMatchObject({ whatsappId: 'PK.1a2b3c4d5e' });
    expect(complaints.complaints.get(chat.etag)?.complainant.phone).toBeUndefined();
    await expect(web).rejects.toBeInstanceOf(ValidationError);
  });

  it('keeps the WhatsApp identity so the citizen can list and track in chat', async () => {
    // Prepare
    const { deps } = makeDeps();
    // Act
    const result = await fileComplaint(deps, {
      input: validInput(),
      channel: 'whatsapp',
      whatsappId: 'PK.123',
    });
    const mine = await listComplaintsOfCitizen(deps, 'PK.123');
    const view = await trackComplaintOfCitizen(deps, result.etag, 'PK.123');
    // Assess
    expect(mine.items.map((c) => c.etag)).toEqual([result.etag]);
    expect(view.status).toBe('received');
    await expect(trackComplaintOfCitizen(deps, result.etag, 'PK.999')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('trackComplaint', () => {
  const filed = async () => {
    const ctx = makeDeps();
    const result = await fileComplaint(ctx.deps, { input: validInput(), channel: 'web' });
    return { ...ctx, result };
  };

  it('shows status and timeline with the tracking code, typed loosely', async () => {
    // Prepare
    const { deps, result } = await filed();
    // Act
    const view = await trackComplaint(deps, {
      etag: result.etag.toLowerCase().replace(/-/g, ' '),
      trackingCode: String(result.trackingCode).toLowerCase(),
    });
    // Assess
    expect(view).toMatchObject({
      etag: result.etag,
      status: 'received',
      category: 'police_misconduct',
      district: 'LHR',
    });
    expect(view.timeline).toEqual([
      expect.objectContaining({
        type: 'ComplaintFiled',
        by: 'citizen',
        status: 'received',
        toStatus: 'received',
      }),
    ]);
  });

  it('accepts the phone number the complaint was filed with, in any common format', async () => {
    // Prepare
    const { deps, result } = await filed();
    // Act
    const view = await trackComplaint(deps, { etag: result.etag, phone: '+92 300 1234567' });
    // Assess
    expect(view.etag).toBe(result.etag);
  });

  it('answers a wrong proof and an unknown e-tag identically, doing the hashing work for both', async () => {
    // Prepare
    const { deps, result, trackingCodes } = await filed();
    const other = await fileComplaint(makeDeps().deps, { input: validInput(), channel: 'web' });
    const unknownEtag = (
      await fileComplaint(
        { ...makeDeps().deps, random: seededRandom(99) },
        { input: validInput(), channel: 'web' },
      )
    ).etag;
    // Act
    const wrongCode = await trackComplaint(deps, { etag: result.etag, trackingCode: 'ZZZZ-ZZZZ' }).catch(
      (e: Error) => e,
    );
    const wrongPhone = await trackComplaint(deps, { etag: result.etag, phone: '03211234567' }).catch(
      (e: Error) => e,
    );
    const unknown = await trackComplaint(deps, { etag: unknownEtag, trackingCode: other.trackingCode }).catch(
      (e: Error) => e,
    );
    // Assess
    for (const error of [wrongCode, wrongPhone, unknown]) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as Error).message).toBe((wrongCode as Error).message);
    }
    expect(trackingCodes.verifyNothingCalls).toBe(1);
  });

  it('never shows officer ids or names in the timeline', async () => {
    // Prepare: an officer action with an id in the stored entry
    const { deps, complaints, result } = await filed();
    const current = complaints.complaints.get(result.etag)!;
    await complaints.update({ ...current, status: 'assigned', version: 2 }, 1, [
      {
        type: 'ComplaintAssigned',
        actor: { kind: 'officer', id: 'officer-42', role: 'DPO' },
        at: '2025-03-01T11:00:00.000Z',
        fromStatus: 'received',
        toStatus: 'assigned',
        data: { level: 'SHO', station: 'Model Town', officerId: 'officer-7' },
      },
    ]);
    // Act
    const view = await trackComplaint(deps, { etag: result.etag, trackingCode: result.trackingCode });
    // Assess
    expect(view.timeline[1]).toMatchObject({ type: 'ComplaintAssigned', by: 'DPO', level: 'SHO' });
    expect(JSON.stringify(view)).not.toMatch(/officer-42|officer-7/);
  });

  it('rejects a malformed request with field paths (no lookup at all)', async () => {
    // Prepare
    const { deps } = await filed();
    // Act
    const missingProof = await trackComplaint(deps, { etag: 'LHR-0000-0000' }).catch((e: Error) => e);
    const both = await trackComplaint(deps, { etag: 'nonsense', trackingCode: 'x', phone: 'y' }).catch(
      (e: Error) => e,
    );
    // Assess
    expect(missingProof).toBeInstanceOf(ValidationError);
    expect(both).toBeInstanceOf(ValidationError);
    expect((both as ValidationError).issues.map((i) => i.path)).toContain('etag');
  });
});

describe('abuse limits on the public routes', () => {
  const filed = async () => {
    const ctx = makeDeps();
    const result = await fileComplaint(ctx.deps, { input: validInput(), channel: 'web' });
    return { ...ctx, result };
  };

  it('accepts 5 web filings naming one phone a day, then answers 429 with the seconds to wait', async () => {
    // Prepare
    const { deps } = makeDeps();
    const file = (phone: string) =>
      fileComplaint(deps, {
        input: { ...validInput(), complainant: { name: 'Ayesha Khan', phone } },
        channel: 'web',
      });
    // Act: the same number written five ways, then once more
    for (const phone of [
      '0300 1234567',
      '+92 300 1234567',
      '923001234567',
      '0092-300-1234567',
      '03001234567',
    ]) {
      await file(phone);
    }
    const refused = await file('+923001234567').catch((e: Error) => e);
    const otherNumber = await file('0321 7654321');
    // Assess
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    expect(otherNumber.etag).toBeTruthy();
  });

  it('limits filings per client address', async () => {
    // Prepare
    const { deps } = makeDeps();
    // Act
    const outcomes = [];
    for (let i = 0; i < LIMITS.filingsPerAddress.limit + 1; i++) {
      outcomes.push(
        await fileComplaint(deps, {
          input: {
            ...validInput(),
            complainant: { name: 'A Citizen', phone: `0300 12${String(i).padStart(5, '0')}` },
          },
          channel: 'web',
          clientAddress: '203.0.113.9',
        }).catch((e: Error) => e),
      );
    }
    // Assess
    expect(outcomes.filter((o) => o instanceof RateLimitedError)).toHaveLength(1);
    expect(outcomes.at(-1)).toBeInstanceOf(RateLimitedError);
  });

  it('a scaled limit (RATE_LIMIT_SCALE) lets that many times more filings from one address through', async () => {
    // Prepare
    const { deps } = makeDeps();
    const scaled = { ...deps, rateRules: scaledLimits(3) };
    const allowed = LIMITS.filingsPerAddress.limit * 3;
    // Act
    const outcomes = [];
    for (let i = 0; i < allowed + 1; i++) {
      outcomes.push(
        await fileComplaint(scaled, {
          input: {
            ...validInput(),
            complainant: { name: 'A Citizen', phone: `0300 13${String(i).padStart(5, '0')}` },
          },
          channel: 'web',
          clientAddress: '203.0.113.10',
        }).catch((e: Error) => e),
      );
    }
    // Assess
    expect(scaledLimits(3).filingsPerAddress.windowSeconds).toBe(LIMITS.filingsPerAddress.windowSeconds);
    expect(outcomes.slice(0, allowed).every((o) => !(o instanceof Error))).toBe(true);
    expect(outcomes.at(-1)).toBeInstanceOf(RateLimitedError);
  });

  it('locks an e-tag after 5 wrong proofs, even against the right one, and an unknown e-tag alike', async () => {
    // Prepare
    const { deps, result } = await filed();
    const unknownEtag = (
      await fileComplaint(
        { ...makeDeps().deps, random: seededRandom(99) },
        { input: validInput(), channel: 'web' },
      )
    ).etag;
    // Act
    for (let i = 0; i < LIMITS.wrongProofsPerEtag.limit; i++) {
      await trackComplaint(deps, { etag: result.etag, phone: '0321 7654321' }).catch(() => undefined);
      await trackComplaint(deps, { etag: unknownEtag, phone: '0321 7654321' }).catch(() => undefined);
    }
    const rightProof = await trackComplaint(deps, {
      etag: result.etag,
      trackingCode: result.trackingCode,
    }).catch((e: Error) => e);
    const unknownAgain = await trackComplaint(deps, { etag: unknownEtag, phone: '0321 7654321' }).catch(
      (e: Error) => e,
    );
    // Assess
    expect(rightProof).toBeInstanceOf(RateLimitedError);
    expect(unknownAgain).toBeInstanceOf(RateLimitedError);
    expect((rightProof as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(
      LIMITS.wrongProofsPerEtag.windowSeconds,
    );
  });

  it('holds every tracking answer to the floor, found or not', async () => {
    // Prepare
    const { deps, result } = await filed();
    const sleeps: number[] = [];
    const floored = { ...deps, answerFloor: { ms: 250, sleep: async (ms: number) => void sleeps.push(ms) } };
    // Act
    await trackComplaint(floored, { etag: result.etag, trackingCode: result.trackingCode });
    const unknown = await trackComplaint(floored, {
      etag: 'LHR-2503-ZZZZ',
      trackingCode: result.trackingCode,
    }).catch((e: Error) => e);
    // Assess
    expect(unknown).toBeInstanceOf(Error);
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) expect(ms).toBeGreaterThan(200);
  });
});
