/**
 * The checked-in district boundaries (~75 kB) bound to the pure locator. Imported only by code that suggests a
 * district from a location (the chat engine, the filing function, the portal's lazily loaded locator), so
 * other bundles stay free of the polygons. Source, licence and method: the file's `meta` and docs/evidence.md.
 */
import data from './district-boundaries.json' with { type: 'json' };
import type { DistrictBoundaries, DistrictSuggestion, GeoPoint, PolygonRings } from './district-locator.ts';
import { decodeRing, suggestDistrict } from './district-locator.ts';

export const BOUNDARIES_META = data.meta;

type Encoded = Readonly<Record<string, readonly (readonly string[])[]>>;
const decode = (encoded: Encoded): Record<string, PolygonRings[]> =>
  Object.fromEntries(
    Object.entries(encoded).map(([code, polygons]) => [code, polygons.map((rings) => rings.map(decodeRing))]),
  );

let decoded: DistrictBoundaries | undefined;
/** Decoded on first use (a few milliseconds), then kept for the life of the process. */
export const districtBoundaries = (): DistrictBoundaries =>
  (decoded ??= { districts: decode(data.districts), offeredAs: decode(data.offeredAs) });

/** The district a location suggests, with the alternatives to offer; undefined outside Punjab. */
export const suggestDistrictFor = (point: GeoPoint): DistrictSuggestion | undefined =>
  suggestDistrict(districtBoundaries(), point);
