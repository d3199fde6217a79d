import { describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor } from '../../../shared/adapters/dynamodb/complaint-queries.ts';
import { SLA_SHARD_COUNT, slaIndexAttributes } from '../../../shared/adapters/dynamodb/keys.ts';
import type { HttpError } from '../../../shared/adapters/http/errors.ts';
import type { ApiEvent } from '../../../shared/adapters/http/middleware.ts';
import { ifMatchVersion } from '../../../shared/adapters/http/officer-routes.ts';
import { ValidationError } from '../../../shared/domain/errors.ts';
import { markWarned, type Sla } from '../../../shared/domain/sla.ts';
import { makeComplaint, T0 } from './fakes.ts';

describe('slaIndexAttributes', () => {
  it('indexes a running clock at its warning time, then at its due time once warned', () => {
    // Prepare
    const complaint = makeComplaint();
    const sla = complaint.sla as Sla;
    // Act
    const beforeWarning = slaIndexAttributes(complaint);
    const afterWarning = slaIndexAttributes({ ...complaint, sla: markWarned(sla) });
    // Assess
    expect(beforeWarning.slaShard).toMatch(new RegExp(`^SLA#[0-${SLA_SHARD_COUNT - 1}]$`));
    expect(beforeWarning.slaDue).toBe(`${sla.warnAt}#${complaint.etag}`);
    expect(afterWarning.slaDue).toBe(`${sla.dueAt}#${complaint.etag}`);
    expect(afterWarning.slaShard).toBe(beforeWarning.slaShard);
  });

  it('leaves paused, stopped and closed complaints out of the index', () => {
    // Prepare
    const complaint = makeComplaint();
    const sla = complaint.sla as Sla;
    // Act + Assess
    expect(slaIndexAttributes({ ...complaint, sla: { ...sla, pausedAt: T0.toISOString() } })).toEqual({});
    expect(slaIndexAttributes({ ...complaint, sla: { ...sla, stoppedAt: T0.toISOString() } })).toEqual({});
    expect(slaIndexAttributes({ ...complaint, status: 'closed' })).toEqual({});
    const { sla: _none, ...withoutSla } = complaint;
    expect(slaIndexAttributes(withoutSla)).toEqual({});
  });
});

describe('list cursors', () => {
  it('round-trips positions and refuses anything this API did not hand out', () => {
    // Prepare
    const position = '2026-03-01T08:00:00.000Z#LHR-7K3Q-F9XC';
    const cursor = encodeListCursor({ LHR: position });
    // Act + Assess
    expect(decodeListCursor(cursor, ['LHR'])).toEqual({ LHR: position });
    expect(() => decodeListCursor(cursor, ['FSD'])).toThrow(ValidationError);
    expect(() => decodeListCursor('not-base64!', ['LHR'])).toThrow(ValidationError);
    expect(() => decodeListCursor(encodeListCursor({ LHR: 'x" OR 1=1' }), ['LHR'])).toThrow(ValidationError);
    expect(() => decodeListCursor(Buffer.from('{"v":2,"p":{}}').toString('base64url'), ['LHR'])).toThrow(
      ValidationError,
    );
  });
});

describe('ifMatchVersion', () => {
  const event = (value?: string) =>
    ({ headers: value === undefined ? {} : { 'if-match': value } }) as unknown as ApiEvent;

  it('reads plain, quoted and weak versions', () => {
    expect([
      ifMatchVersion(event('3')),
      ifMatchVersion(event('"3"')),
      ifMatchVersion(event('W/"3"')),
    ]).toEqual([3, 3, 3]);
  });

  it('answers 428 without the header and 400 for anything else than one version', () => {
    const status = (value?: string) => {
      try {
        ifMatchVersion(event(value));
        return 200;
      } catch (error) {
        return (error as HttpError).statusCode;
      }
    };
    expect([status(undefined), status(''), status('abc'), status('"1", "2"'), status('0')]).toEqual([
      428, 428, 400, 400, 400,
    ]);
  });

  it('tells what to send without naming only complaints: follow-ups need If-Match too', () => {
    // Act / Assess
    expect(() => ifMatchVersion(event(undefined))).toThrow(/follow-up/);
  });
});
