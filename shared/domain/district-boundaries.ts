/**
 * The checked-in district boundaries (~75 kB) bound to the pure locator. Imported only by code that suggests a
 * district from a location (the chat engine, the filing function, the portal's lazily loaded locator), so
 * other bundles stay free of the polygons. Source, licence and method: the file's `meta` and docs/evidence.md.
 */
import data from './district-boundaries.json' with { type: 'json' };
import type { DistrictBoundaries, DistrictSuggestion, GeoPoint } from './district-locator.ts';
import { suggestDistrict } from './district-locator.ts';

export const DISTRICT_BOUNDARIES: DistrictBoundaries = data as unknown as DistrictBoundaries;
export const BOUNDARIES_META = data.meta;

/** The district a location suggests, with the alternatives to offer; undefined outside Punjab. */
export const suggestDistrictFor = (point: GeoPoint): DistrictSuggestion | undefined =>
  suggestDistrict(DISTRICT_BOUNDARIES, point);
