/**
 * Suggests the district of a shared location (a WhatsApp pin, the portal's "add my location"): a pure
 * point-in-polygon lookup over Punjab's district boundaries. Only ever a suggestion: the citizen confirms or
 * picks another district, nothing is assigned from a point alone (docs/evidence.md, "Locations → district").
 *
 * The polygons (`district-boundaries.json`, built by infra/data/build-district-boundaries.ts from geoBoundaries,
 * Public Domain) are passed in, so this module stays data-free; `district-boundaries.ts` binds the checked-in
 * data for the code that needs it (kept out of every other function's bundle).
 */

/** [longitude, latitude], as in GeoJSON. */
export type Position = readonly [number, number];
/** The first ring is the outer boundary, any further rings are holes. */
export type PolygonRings = readonly (readonly Position[])[];

export interface DistrictBoundaries {
  /** District code → its polygons (a district may have several parts). */
  readonly districts: Readonly<Record<string, readonly PolygonRings[]>>;
  /**
   * Areas outside Punjab offered as a district: the source's Islamabad Capital Territory polygon covers part of
   * Rawalpindi city, and Punjab Police does not serve Islamabad, so a point there is offered as Rawalpindi.
   */
  readonly offeredAs?: Readonly<Record<string, readonly PolygonRings[]>>;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface DistrictSuggestion {
  /** The district whose boundary holds the point. */
  district: string;
  /**
   * Other districts the point may belong to, most likely first: neighbours whose border is within
   * `BORDER_MARGIN_KM` (nearest first), then districts created out of `district` after the boundaries were
   * drawn. The citizen chooses.
   */
  alternatives: string[];
}

/**
 * Within this distance of another district's border the point is offered for both: the source boundaries are
 * approximate at this scale and the simplification moves a border by up to ~330 m.
 */
export const BORDER_MARGIN_KM = 1.5;

/**
 * Districts created after the boundary data was drawn (2019 vintage, drawn before 2005 in places): they have
 * no polygon of their own; a point in the district they were carved out of offers them as alternatives.
 */
export const CARVED_OUT_OF: Readonly<Record<string, string>> = {
  NNS: 'SKP', // Nankana Sahib, from Sheikhupura (2005)
  CNT: 'JHG', // Chiniot, from Jhang (2009)
  MRR: 'RWP', // Murree, from Rawalpindi
  TLG: 'CKW', // Talagang, from Chakwal
  WZD: 'GRW', // Wazirabad, from Gujranwala
  KTA: 'MZG', // Kot Addu, from Muzaffargarh
  TNS: 'DGK', // Taunsa, from Dera Ghazi Khan
};

/**
 * Rings are stored as Encoded Polyline Algorithm strings (Google's format: zig-zag deltas in 5-bit chunks,
 * precision 1e-4 degrees, ~11 m), longitude first: about a quarter of the size of number arrays, which
 * matters in the chat worker's bundle. `encodeRing` is used by the build script, `decodeRing` at first use.
 */
export const RING_PRECISION = 1e4;

export const encodeRing = (ring: readonly Position[]): string => {
  let out = '';
  let previous = [0, 0];
  for (const position of ring) {
    const scaled = [Math.round(position[0] * RING_PRECISION), Math.round(position[1] * RING_PRECISION)];
    for (const axis of [0, 1] as const) {
      const delta = scaled[axis]! - previous[axis]!;
      let v = delta < 0 ? ~(delta << 1) : delta << 1;
      while (v >= 0x20) {
        out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
        v >>= 5;
      }
      out += String.fromCharCode(v + 63);
    }
    previous = scaled;
  }
  return out;
};

export const decodeRing = (encoded: string): Position[] => {
  const ring: Position[] = [];
  const value = [0, 0];
  let i = 0;
  while (i < encoded.length) {
    for (const axis of [0, 1] as const) {
      let shift = 0;
      let result = 0;
      let byte: number;
      do {
        byte = encoded.charCodeAt(i++) - 63;
        result |= (byte & 0x1f) << shift;
        shift += 5;
      } while (byte >= 0x20);
      value[axis]! += result & 1 ? ~(result >> 1) : result >> 1;
    }
    ring.push([value[0]! / RING_PRECISION, value[1]! / RING_PRECISION]);
  }
  return ring;
};

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

/** Ray casting (even-odd): a horizontal ray from the point crosses the ring's edges an odd number of times. */
export const pointInRing = (lon: number, lat: number, ring: readonly Position[]): boolean => {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/** Inside the outer ring and in none of the holes. */
export const pointInPolygon = (lon: number, lat: number, polygon: PolygonRings): boolean => {
  const [outer, ...holes] = polygon;
  return !!outer && pointInRing(lon, lat, outer) && !holes.some((hole) => pointInRing(lon, lat, hole));
};

/** Shortest distance in km from the point to the polygon's rings (local flat projection; fine at < 50 km). */
const distanceToPolygonKm = (point: GeoPoint, polygon: PolygonRings): number => {
  const kx = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((point.latitude * Math.PI) / 180);
  let best = Infinity;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = (ring[j]![0] - point.longitude) * kx;
      const ay = (ring[j]![1] - point.latitude) * KM_PER_DEGREE_LAT;
      const bx = (ring[i]![0] - point.longitude) * kx;
      const by = (ring[i]![1] - point.latitude) * KM_PER_DEGREE_LAT;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
};

const carvedOutOf = (district: string): string[] =>
  Object.entries(CARVED_OUT_OF)
    .filter(([, parent]) => parent === district)
    .map(([code]) => code);

const validPoint = (p: GeoPoint): boolean =>
  Number.isFinite(p.latitude) &&
  Number.isFinite(p.longitude) &&
  Math.abs(p.latitude) <= 90 &&
  Math.abs(p.longitude) <= 180;

/**
 * The district holding the point, with the alternatives the citizen may mean; undefined when the point is in
 * no district (outside Punjab, at sea, or not a valid coordinate): then nothing is suggested.
 */
export const suggestDistrict = (
  boundaries: DistrictBoundaries,
  point: GeoPoint,
): DistrictSuggestion | undefined => {
  if (!validPoint(point)) return undefined;
  const { longitude: lon, latitude: lat } = point;
  const entries = Object.entries(boundaries.districts);
  const holding = entries
    .filter(([, polygons]) => polygons.some((polygon) => pointInPolygon(lon, lat, polygon)))
    .map(([code]) => code);
  const [district, ...overlapping] = holding;
  if (!district) {
    const offered = Object.entries(boundaries.offeredAs ?? {}).find(([, polygons]) =>
      polygons.some((polygon) => pointInPolygon(lon, lat, polygon)),
    );
    return offered ? { district: offered[0], alternatives: carvedOutOf(offered[0]) } : undefined;
  }
  const near = entries
    .filter(([code]) => !holding.includes(code))
    .map(([code, polygons]) => ({
      code,
      km: Math.min(...polygons.map((polygon) => distanceToPolygonKm(point, polygon))),
    }))
    .filter(({ km }) => km <= BORDER_MARGIN_KM)
    .sort((a, b) => a.km - b.km)
    .map(({ code }) => code);
  return { district, alternatives: [...overlapping, ...near, ...carvedOutOf(district)] };
};
