/**
 * GET /stations?district=: the police stations of a district from the force directory, for the filing form's
 * suggestions (a citizen who picks "Gulberg" rather than typing "gulbrg thana" reaches Gulberg's SHO at once).
 */
import type { ForceReader } from './ports.ts';

export interface DistrictStations {
  district: string;
  stations: { name: string; circle?: string }[];
}

export const districtStations = async (
  deps: { force: Pick<ForceReader, 'structure'> },
  district: string,
): Promise<DistrictStations> => ({
  district,
  stations: (await deps.force.structure()).stationChoices(district),
});
