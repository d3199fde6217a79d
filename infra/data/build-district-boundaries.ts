/**
 * Builds `shared/domain/district-boundaries.json` (Punjab's district polygons for suggesting a district from
 * a shared location) from geoBoundaries gbOpen PAK ADM2, simplified TopoJSON release
 * (`releaseData/gbOpen/PAK/ADM2/geoBoundaries-PAK-ADM2_simplified.topojson` in github.com/wmgeolab/geoBoundaries,
 * boundary year 2019, build of 11 March 2022, Public Domain). Nothing is downloaded here: pass the file.
 *
 *   npx tsx infra/data/build-district-boundaries.ts /path/to/geoBoundaries-PAK-ADM2_simplified.topojson
 *
 * Steps: decode the quantized, delta-encoded arcs; check every ring closes (a corrupt copy of the file fails
 * here); simplify each shared arc once with Douglas–Peucker (so neighbours keep a common border, no slivers);
 * keep the 34 Punjab features, keyed by our district codes; round to 4 decimals (~11 m). Deterministic.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeRing } from '../../shared/domain/district-locator.ts';

/** Douglas–Peucker tolerance in degrees of latitude (~1.1 km per 0.01°): 0.003° ≈ 330 m. */
const TOLERANCE_DEG = 0.003;
const DECIMALS = 4;
/** Largest gap between consecutive arcs of a ring tolerated, in quantization units (~35 m each). */
const MAX_SEAM_UNITS = 2;
const OUTPUT = 'shared/domain/district-boundaries.json';

/** geoBoundaries `shapeName` → our district code (shared/domain/districts.ts). */
const CODES: Readonly<Record<string, string>> = {
  Lahore: 'LHR',
  Sheikhpura: 'SKP',
  Kasur: 'KSR',
  Gujranwala: 'GRW',
  Sialkot: 'SKT',
  Narowal: 'NRW',
  Gujrat: 'GJT',
  Hafizabad: 'HFZ',
  'Mandi Bahauddin': 'MBD',
  Rawalpindi: 'RWP',
  Attock: 'ATK',
  Chakwal: 'CKW',
  Jhelum: 'JHM',
  Sargodha: 'SGD',
  Khushab: 'KSB',
  Mianwali: 'MNW',
  Bhakkar: 'BKR',
  Faisalabad: 'FSD',
  Jhang: 'JHG',
  'Toba Tek Singh': 'TTS',
  Sahiwal: 'SWL',
  Okara: 'OKR',
  Pakpattan: 'PKP',
  Multan: 'MTN',
  Khanewal: 'KWL',
  Vihari: 'VHR',
  Lodhran: 'LDN',
  Bahawalpur: 'BWP',
  Bahawalnagar: 'BWN',
  'Rahim Yar Khan': 'RYK',
  'Dera Ghazi Khan': 'DGK',
  Rajanpur: 'RJP',
  Muzaffargarh: 'MZG',
  Layyah: 'LYH',
};

/**
 * Areas outside Punjab whose points are offered as a Punjab district. The source's Islamabad Capital Territory
 * polygon is coarse and covers part of Rawalpindi city (Raja Bazaar, Satellite Town, Chaklala); Punjab Police
 * does not serve Islamabad, so a point there is offered as Rawalpindi for the citizen to confirm or change.
 */
const OFFERED_AS: Readonly<Record<string, string>> = { 'Islamabad Capital Territory': 'RWP' };

type Point = [number, number];
interface Geometry {
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  properties: { shapeName: string };
}
interface Topology {
  arcs: [number, number][][];
  transform: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { geometries: Geometry[] }>;
}

const source = process.argv[2];
if (!source) {
  console.error(
    'usage: tsx infra/data/build-district-boundaries.ts <geoBoundaries-PAK-ADM2_simplified.topojson>',
  );
  process.exit(2);
}
const sourceText = readFileSync(source, 'utf8');
const topology = JSON.parse(sourceText) as Topology;
const { scale, translate } = topology.transform;

/** Quantized integer positions (exact, for the closure check). */
const quantized: Point[][] = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x, y] as Point;
  });
});
const toLonLat = ([x, y]: Point): Point => [x * scale[0] + translate[0], y * scale[1] + translate[1]];

/** Perpendicular distance of p from segment ab, in degrees of latitude (longitude scaled by cos(lat)). */
const offset = (p: Point, a: Point, b: Point): number => {
  const k = Math.cos((a[1] * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[0] * k, p[1], a[0] * k, a[1], b[0] * k, b[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

const douglasPeucker = (points: Point[], tolerance: number): Point[] => {
  if (points.length <= 2) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = offset(points[i]!, points[from]!, points[to]!);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst > 0) {
      keep[worst] = true;
      stack.push([from, worst], [worst, to]);
    }
  }
  return points.filter((_, i) => keep[i]);
};

const simplified: Point[][] = quantized.map((arc) => douglasPeucker(arc.map(toLonLat), TOLERANCE_DEG));
const round = (v: number): number => Number(v.toFixed(DECIMALS));

/** A ring from arc indices (negative = reversed, ~i); checks on the exact positions that it closes. */
const ring = (indices: number[], name: string): Point[] => {
  const exact: Point[] = [];
  const out: Point[] = [];
  indices.forEach((index, n) => {
    const reversed = index < 0;
    const i = reversed ? ~index : index;
    const q = quantized[i];
    const s = simplified[i];
    if (!q || !s) throw new Error(`${name}: arc ${i} missing`);
    const qs = reversed ? [...q].reverse() : q;
    const ss = reversed ? [...s].reverse() : s;
    const last = exact[exact.length - 1];
    const gap = last ? Math.max(Math.abs(last[0] - qs[0]![0]), Math.abs(last[1] - qs[0]![1])) : 0;
    // The source has one such seam (2 units, ~70 m, Jamshoro/Nawabshah in Sindh); a bad copy has larger ones.
    if (gap > MAX_SEAM_UNITS)
      throw new Error(`${name}: arc ${index} does not start where arc ${indices[n - 1]} ends`);
    if (gap > 0) console.warn(`${name}: ${gap}-unit seam before arc ${index}`);
    exact.push(...(n === 0 ? qs : qs.slice(1)));
    out.push(...(n === 0 ? ss : ss.slice(1)));
  });
  const [first, last] = [exact[0]!, exact[exact.length - 1]!];
  if (Math.max(Math.abs(first[0] - last[0]), Math.abs(first[1] - last[1])) > MAX_SEAM_UNITS)
    throw new Error(`${name}: ring does not close`);
  return out.map(([lon, lat]) => [round(lon), round(lat)]);
};

const geometries = Object.values(topology.objects).flatMap((o) => o.geometries);
// Every feature's rings must close, not only Punjab's: a corrupt or truncated copy fails here.
const polygons = new Map<string, Point[][][]>();
const offered = new Map<string, Point[][][]>();
for (const g of geometries) {
  const name = g.properties.shapeName;
  const parts = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
  const rings = parts.map((polygon) => polygon.map((r) => ring(r, name)));
  const code = CODES[name];
  if (code) polygons.set(code, rings);
  const offeredAs = OFFERED_AS[name];
  if (offeredAs) offered.set(offeredAs, rings);
}
const missing = Object.entries(CODES).filter(([, code]) => !polygons.has(code));
if (missing.length) throw new Error(`not in the source: ${missing.map(([name]) => name).join(', ')}`);

const encoded = (entries: Iterable<[string, Point[][][]]>): Record<string, string[][]> =>
  Object.fromEntries(
    [...entries]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, parts]) => [code, parts.map((rings) => rings.map(encodeRing))]),
  );
const districts = encoded(polygons);
const output = {
  meta: {
    source:
      'geoBoundaries gbOpen PAK ADM2 (boundary year 2019, build 2022-03-11), releaseData/gbOpen/PAK/ADM2/geoBoundaries-PAK-ADM2_simplified.topojson, github.com/wmgeolab/geoBoundaries',
    sourceSha256: createHash('sha256').update(sourceText).digest('hex'),
    licence: 'Public Domain (geoBoundaries metadata; boundary source: Wikimedia Commons)',
    citation:
      'Runfola, D. et al. (2020) geoBoundaries: A global database of political administrative boundaries. PLoS ONE 15(4): e0231866',
    method: `Punjab's 34 features of the source; arcs simplified once each with Douglas-Peucker, tolerance ${TOLERANCE_DEG} degrees (~330 m); coordinates [longitude, latitude] rounded to ${DECIMALS} decimals; each ring an Encoded Polyline Algorithm string (precision 1e-${DECIMALS}, longitude first)`,
    tolerance: TOLERANCE_DEG,
    builtBy: 'infra/data/build-district-boundaries.ts',
    format:
      'districts: code -> polygons -> rings (encoded polylines of [longitude, latitude], decoded by shared/domain/district-locator.ts decodeRing); first ring of a polygon is its outer boundary. offeredAs: areas outside Punjab (Islamabad Capital Territory, whose polygon covers part of Rawalpindi city) offered as that district',
  },
  districts,
  offeredAs: encoded(offered),
};
writeFileSync(OUTPUT, `${JSON.stringify(output)}\n`);
const points = [...polygons.values()].flat(3).length;
console.log(
  `${OUTPUT}: ${polygons.size} districts, ${points} points, ${JSON.stringify(output).length} bytes`,
);
