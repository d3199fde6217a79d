/**
 * Assigning within the force directory (docs/officer-api.md, "Assigning"): what an assigner may pick for a
 * complaint (levels, the district's stations and circles, the officers signed in at those levels), and the
 * check that an assignment names them. A station typed with a slip ("Gulbreg") would leave the complaint
 * out of the station SHO's queue and its post vacant for accountability, so a name the directory does not
 * know is refused with the names it does know, and a known one is stored as the directory spells it.
 */
import type { Complaint } from '../../domain/complaint.ts';
import { findDistrict } from '../../domain/districts.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { parseEtag } from '../../domain/etag.ts';
import type { Unit } from '../../domain/force/structure.ts';
import { ASSIGNERS, type LifecycleCommand } from '../../domain/lifecycle.ts';
import { canSeeComplaint, roleRank, type Officer } from '../../domain/officer.ts';
import { SLA_LEVELS, type SlaLevel } from '../../domain/sla.ts';
import type { Role } from '../../domain/vocabulary.ts';
import type { ForceReader } from '../force/ports.ts';
import type { ComplaintRepository } from '../ports.ts';
import type { OfficerDirectory } from './ports.ts';

type AssignCommand = Extract<LifecycleCommand, { type: 'assign' }>;

export interface AssigneeOfficer {
  /** The id an assignment names (`officerId`): the officer's sign-in subject. */
  id: string;
  role: Role;
  name?: string;
  station?: string;
  circle?: string;
}

export interface AssigneeOptions {
  /** The levels this officer may assign to: their own and below (an administrator: all). */
  levels: SlaLevel[];
  /** The complaint district's police stations, by name, with the circle each sits in. */
  stations: { name: string; circle?: string }[];
  circles: { name: string }[];
  /** Officers who have signed in at those levels for this district (the directory of who holds a post). */
  officers: AssigneeOfficer[];
}

export interface AssigneeDeps {
  force: Pick<ForceReader, 'structure'>;
  directory: Pick<OfficerDirectory, 'holders'>;
}

const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

const levelsFor = (officer: Officer): SlaLevel[] =>
  SLA_LEVELS.filter((level) => officer.role === 'ADMIN' || roleRank(level) <= roleRank(officer.role));

const areaOf = (district: string) => ({ district, region: findDistrict(district)?.region });

const officersAt = async (
  deps: AssigneeDeps,
  district: string,
  levels: readonly SlaLevel[],
): Promise<AssigneeOfficer[]> => {
  const lists = await Promise.all(levels.map((level) => deps.directory.holders(level, areaOf(district))));
  return lists.flat().map((o) => ({
    id: o.id,
    role: o.role,
    ...(o.name ? { name: o.name } : {}),
    ...(o.station ? { station: o.station } : {}),
    ...(o.circle ? { circle: o.circle } : {}),
  }));
};

/** GET /officer/complaints/{etag}/assignees: what the assign form offers for this complaint. */
export const assigneeOptions = async (
  deps: AssigneeDeps & { complaints: Pick<ComplaintRepository, 'get'> },
  input: { officer: Officer; etag: string },
): Promise<AssigneeOptions> => {
  const etag = parseEtag(input.etag);
  const complaint = etag ? await deps.complaints.get(etag) : undefined;
  if (!complaint || !canSeeComplaint(input.officer, complaint)) {
    throw new NotFoundError(`Complaint ${etag ?? input.etag.slice(0, 40)} not found`);
  }
  if (!ASSIGNERS.includes(input.officer.role)) {
    throw new ForbiddenError(`A ${input.officer.role} may not assign complaints`);
  }
  const structure = await deps.force.structure();
  const levels = levelsFor(input.officer);
  return {
    levels,
    stations: structure.stationChoices(complaint.district),
    circles: structure
      .circlesOf(complaint.district)
      .map((unit) => ({ name: unit.name }))
      .sort(byName),
    officers: (await officersAt(deps, complaint.district, levels)).sort(
      (a, b) => roleRank(a.role) - roleRank(b.role) || (a.name ?? a.id).localeCompare(b.name ?? b.id),
    ),
  };
};

/** The names a refusal lists: enough to spot the right one, never a whole province. */
const MAX_NAMES_LISTED = 40;

const districtName = (code: string): string => findDistrict(code)?.en ?? code;

const unknownName = (field: 'station' | 'circle', typed: string, code: string, known: Unit[]) => {
  const district = districtName(code);
  const names = known.map((u) => u.name).sort();
  const listed = names.slice(0, MAX_NAMES_LISTED).join(', ') + (names.length > MAX_NAMES_LISTED ? ', …' : '');
  const what = field === 'station' ? 'police station' : 'circle';
  return new ValidationError(`There is no ${what} "${typed}" in ${district}`, [
    { path: field, message: `not a ${what} of ${district} in the force directory; known: ${listed}` },
  ]);
};

/**
 * The assign command as the directory names things: a station or circle of the complaint's district (its
 * canonical name), and an officer signed in at the level assigned in that district (at that station, for an
 * SHO). A district with no station (or circle) in the directory yet takes the name as typed.
 */
export const checkAssignment = async (
  deps: AssigneeDeps,
  complaint: Pick<Complaint, 'district'>,
  command: AssignCommand,
): Promise<AssignCommand> => {
  if (command.station === undefined && command.circle === undefined && command.officerId === undefined) {
    return command;
  }
  const district = complaint.district;
  const structure = await deps.force.structure();
  let checked: AssignCommand = command;
  if (command.station !== undefined) {
    const known = structure.stationsOf(district);
    const unit = structure.station(district, command.station);
    if (!unit && known.length > 0) throw unknownName('station', command.station, district, known);
    if (unit) checked = { ...checked, station: unit.name };
  }
  if (command.circle !== undefined) {
    const known = structure.circlesOf(district);
    const unit = structure.circle(district, command.circle);
    if (!unit && known.length > 0) throw unknownName('circle', command.circle, district, known);
    if (unit) checked = { ...checked, circle: unit.name };
  }
  if (command.officerId !== undefined) {
    const holders = await deps.directory.holders(command.level, areaOf(district));
    const assignee = holders.find((o) => o.id === command.officerId);
    if (!assignee) {
      throw new ValidationError(
        `No ${command.level} officer ${command.officerId} has signed in for ${districtName(district)}`,
        [
          {
            path: 'officerId',
            message: `must be an officer signed in at ${command.level} for ${districtName(district)} (GET …/assignees lists them)`,
          },
        ],
      );
    }
    if (command.level === 'SHO' && assignee.station) {
      const assigneeStation = structure.station(district, assignee.station)?.name ?? assignee.station;
      if (checked.station !== undefined && checked.station !== assigneeStation) {
        throw new ValidationError(`Officer ${command.officerId} is the SHO of ${assigneeStation}`, [
          { path: 'officerId', message: `is posted at ${assigneeStation}, not ${checked.station}` },
        ]);
      }
      checked = { ...checked, station: assigneeStation };
    }
  }
  return checked;
};
