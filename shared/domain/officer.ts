/**
 * Officers and their scope in the police hierarchy. Scope decides what an officer sees; out of scope
 * answers exactly like a missing complaint (the use case throws NotFoundError). Decisions: docs/lifecycle.md.
 */
import { districtsOfRegion, findDistrict } from './districts.ts';
import { sameUnitName } from './unit-name.ts';
import type { Role } from './vocabulary.ts';

export interface Officer {
  id: string;
  role: Role;
  district?: string;
  region?: string;
  station?: string;
  circle?: string;
  name?: string;
  phone?: string;
}

/** The parts of a complaint that scope depends on (a `Complaint` satisfies it). */
export interface ScopedComplaint {
  district: string;
  station?: string;
  assignment?: { level: Role; station?: string; circle?: string; officerId?: string };
}

/** Rank in the chain, bottom to top; ADMIN sits above the CPO for administration. */
const RANK: Readonly<Record<Role, number>> = { SHO: 0, SDPO: 1, DPO: 2, RPO: 3, CPO: 4, ADMIN: 5 };

export const roleRank = (role: Role): number => RANK[role];

/** Tolerant district code comparison: claims may carry lowercase or padded codes. */
const canonicalDistrict = (code: string | undefined): string | undefined =>
  code === undefined ? undefined : (findDistrict(code)?.code ?? code.trim().toUpperCase());

const sameDistrict = (a: string | undefined, b: string | undefined): boolean => {
  const ca = canonicalDistrict(a);
  return ca !== undefined && ca !== '' && ca === canonicalDistrict(b);
};

/** The station a complaint belongs to: the one it was assigned to, else the one the citizen named. */
export const stationOf = (complaint: ScopedComplaint): string | undefined =>
  complaint.assignment?.station ?? complaint.station;

/** The level answerable for a complaint now. Unassigned complaints sit with the district (DPO). */
export const holdingLevel = (complaint: ScopedComplaint): Role => complaint.assignment?.level ?? 'DPO';

export const regionOfDistrict = (district: string): string | undefined => findDistrict(district)?.region;

/** What an officer's list query may cover. The list use case still applies `canSeeComplaint` last. */
export type ScopeFilter =
  { kind: 'all' } | { kind: 'districts'; districts: string[]; station?: string; circle?: string };

export const scopeFilter = (officer: Officer): ScopeFilter => {
  const own = canonicalDistrict(officer.district);
  const district = own ? [own] : [];
  switch (officer.role) {
    case 'CPO':
    case 'ADMIN':
      return { kind: 'all' };
    case 'RPO':
      return {
        kind: 'districts',
        districts: officer.region ? districtsOfRegion(officer.region).map((d) => d.code) : [],
      };
    case 'DPO':
      return { kind: 'districts', districts: district };
    case 'SDPO':
      return officer.circle
        ? { kind: 'districts', districts: district, circle: officer.circle }
        : { kind: 'districts', districts: district };
    case 'SHO':
      // A station officer without a station claim sees nothing (fail closed).
      return officer.station
        ? { kind: 'districts', districts: district, station: officer.station }
        : { kind: 'districts', districts: [] };
  }
};

/**
 * SHO: own district and station. SDPO: own district, except complaints assigned to another circle
 * (circles are not mapped to stations, so a complaint without circle information is visible to every
 * SDPO of its district). DPO: own district. RPO: districts of the region. CPO and ADMIN: all.
 */
export const canSeeComplaint = (officer: Officer, complaint: ScopedComplaint): boolean => {
  switch (officer.role) {
    case 'CPO':
    case 'ADMIN':
      return true;
    case 'RPO': {
      const region = regionOfDistrict(complaint.district);
      return region !== undefined && officer.region?.trim().toLowerCase() === region;
    }
    case 'DPO':
      return sameDistrict(officer.district, complaint.district);
    case 'SDPO': {
      if (!sameDistrict(officer.district, complaint.district)) return false;
      const circle = complaint.assignment?.circle;
      return circle === undefined || sameUnitName(circle, officer.circle);
    }
    case 'SHO':
      return (
        sameDistrict(officer.district, complaint.district) &&
        sameUnitName(stationOf(complaint), officer.station)
      );
  }
};

/**
 * Acting needs scope and seniority: an officer acts on a complaint held at their own level or below.
 * Once a complaint is escalated above a station, the SHO still sees it but can no longer act on it.
 */
export const canActOnComplaint = (officer: Officer, complaint: ScopedComplaint): boolean =>
  canSeeComplaint(officer, complaint) && roleRank(officer.role) >= roleRank(holdingLevel(complaint));
