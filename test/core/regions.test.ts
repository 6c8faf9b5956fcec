import { describe, expect, it } from 'vitest';
import { regions } from '../../src/core/regions/regions.js';

describe('regions', () => {
  it('holds the 309 municipalities in 19 regions', () => {
    expect(regions.municipalities).toHaveLength(309);
    expect(new Set(regions.municipalities.map((m) => m.code)).size).toBe(309);
    expect(regions.regions).toHaveLength(19);
    for (const m of regions.municipalities) expect(regions.region(m.regionCode)).toBeDefined();
  });

  it('resolves a municipality by code, unpadded code, Finnish or Swedish name, any case', () => {
    for (const key of ['091', '91', 'Helsinki', 'helsingfors', ' HELSINKI ']) {
      expect(regions.municipality(key)?.code).toBe('091');
    }
    expect(regions.municipality('Vasa')?.code).toBe('905');
    expect(regions.municipality('Atlantis')).toBeUndefined();
  });

  it('knows each municipality\'s region', () => {
    expect(regions.regionOf('837').nameFi).toBe('Pirkanmaa');
    expect(regions.region('Birkaland')?.code).toBe('06');
    expect(regions.municipalitiesIn('21')).toHaveLength(16);
  });

  it('gives the distance between municipality centres, both ways, by code or name', () => {
    const km = regions.distanceKm('091', '837')!; // Helsinki–Tampere, ~160 km as the crow flies
    expect(km).toBeGreaterThan(140);
    expect(km).toBeLessThan(180);
    expect(regions.distanceKm('837', '091')).toBe(km);
    expect(regions.distanceKm('Helsingfors', 'tampere')).toBe(km);
    expect(regions.distanceKm('91', '091')).toBe(0);
    expect(regions.distanceKm('837', '837')).toBe(0);
    expect(regions.distanceKm('091', 'Atlantis')).toBeUndefined();
  });
});
