/** Assigning within the force directory: the options an assigner is offered, and the check of an assignment. */
import { describe, expect, it } from 'vitest';
import { assigneeOptions, checkAssignment } from '../../../shared/app/officer/assignees.ts';
import { actOnComplaint } from '../../../shared/app/officer/complaints.ts';
import type { OfficerDirectory } from '../../../shared/app/officer/ports.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../shared/domain/errors.ts';
import type { Officer } from '../../../shared/domain/officer.ts';
import { InMemoryForce } from '../force/fakes.ts';
import { InMemoryComplaints, T0, fixedClock, makeComplaint, officer } from './fakes.ts';

/** The directory of who signed in, keyed as the adapter keys it: role and district (region for an RPO). */
const directoryOf = (signedIn: Officer[]): Pick<OfficerDirectory, 'holders'> & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    holders: async (role, area) => {
      asked.push(`${role}:${area.district}`);
      return signedIn.filter(
        (o) => o.role === role && (role === 'RPO' ? o.region === area.region : o.district === area.district),
      );
    },
  };
};

const shoModelTown: Officer = {
  id: 'sub-sho-mt',
  role: 'SHO',
  district: 'LHR',
  station: 'Model Town',
  name: 'Insp. Asma',
};
const shoGulberg: Officer = {
  id: 'sub-sho-gb',
  role: 'SHO',
  district: 'LHR',
  station: 'Gulberg',
  name: 'Insp. Bilal',
};
const sdpo: Officer = {
  id: 'sub-sdpo',
  role: 'SDPO',
  district: 'LHR',
  circle: 'Model Town',
  name: 'DSP Chaudhry',
};
const shoFaisalabad: Officer = { id: 'sub-sho-fsd', role: 'SHO', district: 'FSD', station: 'City' };
const dpo = officer('DPO', { district: 'LHR' });

const setup = () => {
  const complaints = new InMemoryComplaints();
  const lahore = makeComplaint({ district: 'LHR', station: 'Model Town' });
  complaints.seed(lahore);
  const directory = directoryOf([shoModelTown, shoGulberg, sdpo, shoFaisalabad]);
  const deps = {
    complaints,
    force: new InMemoryForce(),
    directory,
    clock: fixedClock(new Date(T0.getTime() + 60_000)),
  };
  return { deps, lahore, complaints };
};

describe('assigneeOptions', () => {
  it("offers the DPO levels up to their own, the district's stations with their circles, and who signed in", async () => {
    // Prepare
    const { deps, lahore } = setup();
    // Act
    const options = await assigneeOptions(deps, { officer: dpo, etag: lahore.etag });
    // Assess
    expect(options.levels).toEqual(['SHO', 'SDPO', 'DPO']);
    expect(options.stations).toContainEqual({ name: 'Gulberg', circle: 'Model Town' });
    expect(options.stations.map((s) => s.name)).toEqual([
      'Cantt',
      'City',
      'Civil Lines',
      'Gulberg',
      'Iqbal Town',
      'Model Town',
      'Saddar',
    ]);
    expect(options.circles.map((c) => c.name)).toContain('Cantonment');
    expect(options.officers.map((o) => o.id)).toEqual(['sub-sho-mt', 'sub-sho-gb', 'sub-sdpo']);
    expect(options.officers[1]).toEqual({
      id: 'sub-sho-gb',
      role: 'SHO',
      name: 'Insp. Bilal',
      station: 'Gulberg',
    });
  });

  it('answers an officer outside the complaint’s area as a missing complaint, and an SHO with 403', async () => {
    // Prepare
    const { deps, lahore } = setup();
    // Act
    const outside = await assigneeOptions(deps, {
      officer: officer('DPO', { district: 'FSD' }),
      etag: lahore.etag,
    }).catch((e: unknown) => e);
    const unknown = await assigneeOptions(deps, { officer: dpo, etag: 'not-an-etag' }).catch(
      (e: unknown) => e,
    );
    const sho = await assigneeOptions(deps, {
      officer: officer('SHO', { district: 'LHR', station: 'Model Town' }),
      etag: lahore.etag,
    }).catch((e: unknown) => e);
    // Assess
    expect(outside).toBeInstanceOf(NotFoundError);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(sho).toBeInstanceOf(ForbiddenError);
    expect(deps.directory.asked).toEqual([]);
  });
});

describe('checkAssignment', () => {
  it('stores a known station and circle as the directory spells them', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const checked = await checkAssignment(
      deps,
      { district: 'LHR' },
      {
        type: 'assign',
        level: 'SDPO',
        station: '  model   TOWN ',
        circle: 'civil lines',
      },
    );
    // Assess
    expect(checked).toMatchObject({ station: 'Model Town', circle: 'Civil Lines' });
  });

  it('refuses a station the district does not have, naming the ones it has', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const error = await checkAssignment(
      deps,
      { district: 'LHR' },
      {
        type: 'assign',
        level: 'SHO',
        station: 'Gulbreg',
      },
    ).catch((e: unknown) => e);
    const otherDistrict = await checkAssignment(
      deps,
      { district: 'FSD' },
      {
        type: 'assign',
        level: 'SHO',
        station: 'Gulberg',
      },
    ).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('There is no police station "Gulbreg" in Lahore');
    expect((error as ValidationError).issues[0]).toMatchObject({ path: 'station' });
    expect((error as ValidationError).issues[0]?.message).toContain('Gulberg, Iqbal Town');
    expect(otherDistrict).toBeInstanceOf(ValidationError);
    expect((otherDistrict as ValidationError).issues[0]?.message).toContain('known: City, Saddar');
  });

  it('takes a name as typed in a district the directory has no stations for', async () => {
    // Prepare
    const { deps } = setup();
    const bare = new InMemoryForce({ units: [], posts: [] });
    // Act
    const checked = await checkAssignment(
      { ...deps, force: bare },
      { district: 'LHR' },
      {
        type: 'assign',
        level: 'SHO',
        station: 'Shadman',
      },
    );
    // Assess
    expect(checked.station).toBe('Shadman');
  });

  it('takes an SHO’s station from the officer assigned, and refuses one posted elsewhere or not signed in', async () => {
    // Prepare
    const { deps } = setup();
    const assign = (extra: { station?: string; officerId: string; level?: 'SHO' | 'SDPO' }) =>
      checkAssignment(
        deps,
        { district: 'LHR' },
        { type: 'assign', level: extra.level ?? 'SHO', ...extra },
      ).catch((e: unknown) => e);
    // Act
    const byOfficer = await assign({ officerId: 'sub-sho-gb' });
    const mismatch = await assign({ officerId: 'sub-sho-gb', station: 'Model Town' });
    const stranger = await assign({ officerId: 'sub-nobody' });
    const wrongLevel = await assign({ officerId: 'sub-sho-gb', level: 'SDPO' });
    const otherDistrict = await assign({ officerId: 'sub-sho-fsd' });
    // Assess
    expect(byOfficer).toMatchObject({ station: 'Gulberg', officerId: 'sub-sho-gb' });
    expect((mismatch as ValidationError).message).toBe('Officer sub-sho-gb is the SHO of Gulberg');
    expect((stranger as ValidationError).message).toBe('No SHO officer sub-nobody has signed in for Lahore');
    for (const refused of [stranger, wrongLevel, otherDistrict]) {
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).issues[0]?.path).toBe('officerId');
    }
  });

  it('through actOnComplaint: a refused assignment changes nothing; a good one lands in the station SHO’s scope', async () => {
    // Prepare
    const { deps, lahore, complaints } = setup();
    // Act
    const refused = await actOnComplaint(deps, {
      officer: dpo,
      etag: lahore.etag,
      expectedVersion: 1,
      command: { type: 'assign', level: 'SHO', station: 'Gulbreg' },
    }).catch((e: unknown) => e);
    const updatesAfterRefusal = complaints.updates;
    const assigned = await actOnComplaint(deps, {
      officer: dpo,
      etag: lahore.etag,
      expectedVersion: 1,
      command: { type: 'assign', level: 'SHO', station: 'gulberg' },
    });
    // Assess
    expect(refused).toBeInstanceOf(ValidationError);
    expect(updatesAfterRefusal).toBe(0);
    expect(assigned).toMatchObject({ station: 'Gulberg', assignment: { level: 'SHO', station: 'Gulberg' } });
  });
});
