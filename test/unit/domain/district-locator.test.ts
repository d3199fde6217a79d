import { describe, expect, it } from 'vitest';
import {
  BOUNDARIES_META,
  districtBoundaries,
  suggestDistrictFor,
} from '../../../shared/domain/district-boundaries.ts';
import type { PolygonRings } from '../../../shared/domain/district-locator.ts';
import {
  CARVED_OUT_OF,
  decodeRing,
  encodeRing,
  pointInPolygon,
  suggestDistrict,
} from '../../../shared/domain/district-locator.ts';
import { DISTRICTS } from '../../../shared/domain/districts.ts';

const at = (latitude: number, longitude: number) => suggestDistrictFor({ latitude, longitude });

describe('district boundaries data', () => {
  it('gives every Punjab district exactly one polygon set, or a parent district that has one', () => {
    const withPolygons = Object.keys(districtBoundaries().districts);
    for (const d of DISTRICTS) {
      const own = withPolygons.includes(d.code);
      const parent = CARVED_OUT_OF[d.code];
      // Exactly one of the two: a polygon of its own, or the polygon of the district it was carved out of.
      expect(own !== (parent !== undefined), d.code).toBe(true);
      if (parent) expect(withPolygons, `${d.code}'s parent`).toContain(parent);
    }
    expect(withPolygons.every((code) => DISTRICTS.some((d) => d.code === code))).toBe(true);
    expect(withPolygons).toHaveLength(34);
  });

  it('says where it comes from, under which licence, and how it was simplified', () => {
    expect(BOUNDARIES_META.source).toContain('geoBoundaries');
    expect(BOUNDARIES_META.licence).toContain('Public Domain');
    expect(BOUNDARIES_META.citation).toContain('Runfola');
    expect(BOUNDARIES_META.tolerance).toBeGreaterThan(0);
    expect(BOUNDARIES_META.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has closed rings of longitude/latitude pairs inside Punjab’s bounding box', () => {
    for (const [code, polygons] of Object.entries(districtBoundaries().districts)) {
      for (const ring of polygons.flat()) {
        expect(ring.length, code).toBeGreaterThanOrEqual(4);
        expect(ring[0], code).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) {
          expect(lon).toBeGreaterThan(69);
          expect(lon).toBeLessThan(76);
          expect(lat).toBeGreaterThan(27.5);
          expect(lat).toBeLessThan(34.5);
        }
      }
    }
  });
});

describe('suggestDistrict (real places)', () => {
  it('finds the district of well-known places', () => {
    expect(at(31.579, 74.3046)?.district).toBe('LHR'); // Data Darbar, Lahore
    expect(at(30.197, 71.474)?.district).toBe('MTN'); // Ghanta Ghar, Multan
    expect(at(31.4187, 73.0791)?.district).toBe('FSD'); // Clock Tower, Faisalabad
    expect(at(29.3956, 71.6836)?.district).toBe('BWP'); // Bahawalpur
    expect(at(32.4945, 74.5229)?.district).toBe('SKT'); // Sialkot
    expect(at(33.5973, 73.0479)?.district).toBe('RWP'); // Saddar, Rawalpindi
  });

  it('offers nothing outside Punjab: KP, Sindh, Balochistan, India, the sea, or a bad coordinate', () => {
    expect(at(34.0151, 71.5249)).toBeUndefined(); // Peshawar (KP)
    expect(at(24.8607, 67.0011)).toBeUndefined(); // Karachi (Sindh)
    expect(at(30.1798, 66.975)).toBeUndefined(); // Quetta (Balochistan)
    expect(at(31.634, 74.8723)).toBeUndefined(); // Amritsar (India)
    expect(at(24.0, 65.0)).toBeUndefined(); // Arabian Sea
    expect(at(Number.NaN, 74.3)).toBeUndefined();
    expect(at(95, 74.3)).toBeUndefined();
  });

  it('offers the districts created after the boundaries were drawn as alternatives to their parent', () => {
    expect(at(31.72, 72.98)).toEqual({ district: 'JHG', alternatives: ['CNT'] }); // Chiniot city
    expect(at(33.907, 73.3943)).toEqual({ district: 'RWP', alternatives: ['MRR'] }); // Murree
    expect(at(30.4697, 70.9664)).toEqual({ district: 'MZG', alternatives: ['KTA'] }); // Kot Addu
  });

  it('near a border offers both districts, the one holding the point first', () => {
    // Shahdara, across the Ravi from Lahore: within the margin of the Lahore–Sheikhupura border.
    const shahdara = at(31.6237, 74.2836);
    expect(shahdara?.district).toBe('SKP');
    expect(shahdara?.alternatives[0]).toBe('LHR');
    expect(at(31.2437, 74.2153)).toEqual({ district: 'LHR', alternatives: ['KSR'] }); // Raiwind
  });

  it('offers Rawalpindi for the part of the city the source’s Islamabad polygon covers', () => {
    expect(at(33.6147, 73.064)?.district).toBe('RWP'); // Raja Bazaar
  });
});

describe('ring encoding (Encoded Polyline Algorithm, 1e-4 degrees)', () => {
  it('round-trips a ring, negative values and large steps included', () => {
    const ring = [
      [74.3046, 31.579],
      [-0.0001, 0],
      [179.9999, -89.9999],
      [74.3046, 31.579],
    ] as const;
    expect(decodeRing(encodeRing(ring))).toEqual(ring);
  });
});

describe('pointInPolygon (ray casting)', () => {
  const square = (x: number, y: number, size: number) => [
    [x, y] as const,
    [x + size, y] as const,
    [x + size, y + size] as const,
    [x, y + size] as const,
    [x, y] as const,
  ];
  const withHole: PolygonRings = [square(0, 0, 10), square(4, 4, 2)];

  it('is inside the outer ring and outside its holes', () => {
    expect(pointInPolygon(1, 1, withHole)).toBe(true);
    expect(pointInPolygon(5, 5, withHole)).toBe(false);
    expect(pointInPolygon(11, 5, withHole)).toBe(false);
  });

  it('handles multi-part districts and overlapping simplification slivers', () => {
    const boundaries = {
      districts: { AAA: [[square(0, 0, 1)], [square(5, 5, 1)]], BBB: [[square(0.5, 0, 1)]] },
    };
    expect(suggestDistrict(boundaries, { latitude: 5.5, longitude: 5.5 })?.district).toBe('AAA');
    expect(suggestDistrict(boundaries, { latitude: 0.5, longitude: 0.75 })).toEqual({
      district: 'AAA',
      alternatives: ['BBB'],
    });
    expect(suggestDistrict(boundaries, { latitude: 3, longitude: 3 })).toBeUndefined();
  });
});
