import { describe, expect, it } from 'vitest';
import { regions } from '../../../src/core/regions/regions.js';

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

describe('place names in the page\'s language', () => {
  /** Finland's bilingual municipalities and larger cities with a Swedish name (Statistics Finland). */
  const SWEDISH: Record<string, string> = {
    Närpiö: 'Närpes', Vöyri: 'Vörå', Maalahti: 'Malax', Mustasaari: 'Korsholm', Vaasa: 'Vasa', Helsinki: 'Helsingfors', Turku: 'Åbo',
    Pietarsaari: 'Jakobstad', Kokkola: 'Karleby', Kristiinankaupunki: 'Kristinestad', Parainen: 'Pargas', Raasepori: 'Raseborg',
    Loviisa: 'Lovisa', Porvoo: 'Borgå', Kirkkonummi: 'Kyrkslätt', Espoo: 'Esbo', Vantaa: 'Vanda', Kauniainen: 'Grankulla', Sipoo: 'Sibbo',
    Inkoo: 'Ingå', Hanko: 'Hangö', Kemiönsaari: 'Kimitoön', 'Pedersören kunta': 'Pedersöre', Uusikaarlepyy: 'Nykarleby', Luoto: 'Larsmo',
    Kruunupyy: 'Kronoby', Tampere: 'Tammerfors', Oulu: 'Uleåborg', Jyväskylä: 'Jyväskylä', Kuopio: 'Kuopio',
  };

  it('names municipalities in Swedish where they have a Swedish name, in Finnish otherwise and in English', () => {
    for (const [fi, sv] of Object.entries(SWEDISH)) {
      expect(regions.municipalityName(fi, 'sv'), fi).toBe(sv);
      expect(regions.municipalityName(fi, 'fi'), fi).toBe(fi);
      expect(regions.municipalityName(fi, 'en'), fi).toBe(fi);
      // A Swedish name is accepted as input, as the Finnish one is.
      expect(regions.municipality(sv)?.code, sv).toBe(regions.municipality(fi)?.code);
    }
    expect(regions.municipalityName('545', 'sv')).toBe('Närpes');
    expect(regions.municipalityName('Atlantis', 'sv')).toBeUndefined();
  });

  it('names the regions in Finnish, Swedish and English, and finds them by any of the three', () => {
    expect(['fi', 'sv', 'en'].map((lang) => regions.regionName('15', lang as 'fi' | 'sv' | 'en'))).toEqual(['Pohjanmaa', 'Österbotten', 'Ostrobothnia']);
    expect(regions.regionName('02', 'en')).toBe('Southwest Finland');
    expect(regions.regionName('Egentliga Finland', 'fi')).toBe('Varsinais-Suomi');
    for (const r of regions.regions) for (const name of [r.nameFi, r.nameSv, r.nameEn]) expect(regions.region(name)?.code, name).toBe(r.code);
  });
});
