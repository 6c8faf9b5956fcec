import type { Lang } from '../languages.js';
import { COORDINATE_TABLE } from './coordinates.js';
import { MUNICIPALITY_TABLE } from './municipalities.js';

export interface Municipality {
  code: string;
  nameFi: string;
  nameSv: string;
  regionCode: string;
  /** Centre of the municipality (WGS84 degrees). */
  lat: number;
  lon: number;
}

export interface Region {
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

export type PlaceLang = Lang;

/**
 * The 19 regions (maakunnat / landskap) by their official two-digit codes, named in Finnish, Swedish
 * and English. Source: Statistics Finland, classification of regions (maakunnat 2021–, in fi/sv/en;
 * CC BY 4.0).
 */
const REGIONS: Region[] = [
  ['01', 'Uusimaa', 'Nyland', 'Uusimaa'],
  ['02', 'Varsinais-Suomi', 'Egentliga Finland', 'Southwest Finland'],
  ['04', 'Satakunta', 'Satakunta', 'Satakunta'],
  ['05', 'Kanta-Häme', 'Egentliga Tavastland', 'Kanta-Häme'],
  ['06', 'Pirkanmaa', 'Birkaland', 'Pirkanmaa'],
  ['07', 'Päijät-Häme', 'Päijänne-Tavastland', 'Päijät-Häme'],
  ['08', 'Kymenlaakso', 'Kymmenedalen', 'Kymenlaakso'],
  ['09', 'Etelä-Karjala', 'Södra Karelen', 'South Karelia'],
  ['10', 'Etelä-Savo', 'Södra Savolax', 'South Savo'],
  ['11', 'Pohjois-Savo', 'Norra Savolax', 'North Savo'],
  ['12', 'Pohjois-Karjala', 'Norra Karelen', 'North Karelia'],
  ['13', 'Keski-Suomi', 'Mellersta Finland', 'Central Finland'],
  ['14', 'Etelä-Pohjanmaa', 'Södra Österbotten', 'South Ostrobothnia'],
  ['15', 'Pohjanmaa', 'Österbotten', 'Ostrobothnia'],
  ['16', 'Keski-Pohjanmaa', 'Mellersta Österbotten', 'Central Ostrobothnia'],
  ['17', 'Pohjois-Pohjanmaa', 'Norra Österbotten', 'North Ostrobothnia'],
  ['18', 'Kainuu', 'Kajanaland', 'Kainuu'],
  ['19', 'Lappi', 'Lappland', 'Lapland'],
  ['21', 'Ahvenanmaa', 'Åland', 'Åland'],
].map(([code, nameFi, nameSv, nameEn]) => ({ code: code!, nameFi: nameFi!, nameSv: nameSv!, nameEn: nameEn! }));

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi');

/** Finnish municipalities and regions, looked up by official code or by Finnish or Swedish name. */
export class Regions {
  private readonly byKey = new Map<string, Municipality>();
  private readonly regionByKey = new Map<string, Region>();
  /** Each municipality's position in `municipalities`, by its exact code (the form records store). */
  private readonly position = new Map<string, number>();
  /** Distances between municipalities by position (row × count + column), NaN until first asked. */
  private distances: Float64Array | undefined;
  private readonly orders = new Map<string, readonly string[]>();
  readonly municipalities: Municipality[];
  readonly regions: Region[] = REGIONS;

  constructor(table: string = MUNICIPALITY_TABLE, coordinates: string = COORDINATE_TABLE) {
    const centres = new Map(
      coordinates
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const [code = '', lat = '', lon = ''] = line.split(';');
          return [code, { lat: Number(lat), lon: Number(lon) }] as const;
        }),
    );
    this.municipalities = table
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [code = '', nameFi = '', nameSv = '', regionCode = ''] = line.split(';');
        const centre = centres.get(code);
        if (!centre) throw new Error(`no coordinates for municipality ${code}`);
        return { code, nameFi, nameSv, regionCode, ...centre };
      });
    this.municipalities.forEach((m, i) => {
      for (const key of [m.code, String(Number(m.code)), m.nameFi, m.nameSv]) this.byKey.set(fold(key), m);
      this.position.set(m.code, i);
    });
    for (const r of REGIONS) {
      for (const key of [r.code, String(Number(r.code)), r.nameFi, r.nameSv, r.nameEn]) this.regionByKey.set(fold(key), r);
    }
  }

  /**
   * A municipality's name in a language: Swedish where it has a Swedish name (Vasa, Närpes,
   * Tammerfors; Jyväskylä stays), Finnish otherwise and in English (Statistics Finland's English
   * classification uses the Finnish names). Undefined for an unknown code or name.
   */
  municipalityName(codeOrName: string, lang: PlaceLang): string | undefined {
    const m = this.municipality(codeOrName);
    return m && (lang === 'sv' ? m.nameSv : m.nameFi);
  }

  /** A region's name in a language (Nyland, Southwest Finland); undefined for an unknown code or name. */
  regionName(codeOrName: string, lang: PlaceLang): string | undefined {
    const r = this.region(codeOrName);
    return r && (lang === 'sv' ? r.nameSv : lang === 'en' ? r.nameEn : r.nameFi);
  }

  /** Resolves "091", "91", "Helsinki" or "Helsingfors" to the municipality; undefined if unknown. */
  municipality(codeOrName: string): Municipality | undefined {
    return this.byKey.get(fold(codeOrName));
  }

  region(codeOrName: string): Region | undefined {
    return this.regionByKey.get(fold(codeOrName));
  }

  regionOf(municipalityCode: string): Region {
    const m = this.municipality(municipalityCode);
    const r = m && this.region(m.regionCode);
    if (!r) throw new Error(`no region for municipality ${municipalityCode}`);
    return r;
  }

  municipalitiesIn(regionCode: string): Municipality[] {
    return this.municipalities.filter((m) => m.regionCode === regionCode);
  }

  /** Great-circle distance in km between two municipalities' centres (0 for the same one); undefined if either is unknown. */
  distanceKm(a: string, b: string): number | undefined {
    if (a === b) return 0;
    // Scoring asks this for every candidate: positions by exact code and a numeric table, no string keys.
    const i = this.positionOf(a);
    const j = this.positionOf(b);
    if (i === undefined || j === undefined) return undefined;
    const n = this.municipalities.length;
    const table = (this.distances ??= new Float64Array(n * n).fill(Number.NaN));
    let km = table[i * n + j]!;
    if (Number.isNaN(km)) {
      km = haversineKm(this.municipalities[i]!, this.municipalities[j]!);
      table[i * n + j] = km;
      table[j * n + i] = km;
    }
    return km;
  }

  private positionOf(codeOrName: string): number | undefined {
    const exact = this.position.get(codeOrName);
    if (exact !== undefined) return exact;
    const m = this.municipality(codeOrName);
    return m && this.position.get(m.code);
  }

  /** Every municipality's code, nearest the given one's centre first (itself first); empty if unknown. */
  byDistance(code: string): readonly string[] {
    let order = this.orders.get(code);
    if (!order) {
      const centre = this.municipality(code);
      if (!centre) return [];
      order = this.municipalities
        .map((m) => ({ code: m.code, km: m.code === centre.code ? -1 : haversineKm(centre, m) }))
        .sort((a, b) => a.km - b.km || a.code.localeCompare(b.code))
        .map((m) => m.code);
      this.orders.set(code, order);
    }
    return order;
  }

  /** Codes of the municipalities whose centres lie within `km` of the municipality's centre (itself included). */
  municipalitiesWithin(codeOrName: string, km: number): string[] {
    const centre = this.municipality(codeOrName);
    if (!centre) return [];
    return this.municipalities.filter((m) => haversineKm(centre, m) <= km).map((m) => m.code);
  }
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * 10) / 10;
}

/** One shared instance: the table is static reference data. */
export const regions = new Regions();
