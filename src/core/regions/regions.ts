import { MUNICIPALITY_TABLE } from './municipalities.js';

export interface Municipality {
  code: string;
  nameFi: string;
  nameSv: string;
  regionCode: string;
}

export interface Region {
  code: string;
  nameFi: string;
  nameSv: string;
}

/** The 19 regions (maakunnat / landskap) by their official two-digit codes. */
const REGIONS: Region[] = [
  ['01', 'Uusimaa', 'Nyland'],
  ['02', 'Varsinais-Suomi', 'Egentliga Finland'],
  ['04', 'Satakunta', 'Satakunta'],
  ['05', 'Kanta-Häme', 'Egentliga Tavastland'],
  ['06', 'Pirkanmaa', 'Birkaland'],
  ['07', 'Päijät-Häme', 'Päijänne-Tavastland'],
  ['08', 'Kymenlaakso', 'Kymmenedalen'],
  ['09', 'Etelä-Karjala', 'Södra Karelen'],
  ['10', 'Etelä-Savo', 'Södra Savolax'],
  ['11', 'Pohjois-Savo', 'Norra Savolax'],
  ['12', 'Pohjois-Karjala', 'Norra Karelen'],
  ['13', 'Keski-Suomi', 'Mellersta Finland'],
  ['14', 'Etelä-Pohjanmaa', 'Södra Österbotten'],
  ['15', 'Pohjanmaa', 'Österbotten'],
  ['16', 'Keski-Pohjanmaa', 'Mellersta Österbotten'],
  ['17', 'Pohjois-Pohjanmaa', 'Norra Österbotten'],
  ['18', 'Kainuu', 'Kajanaland'],
  ['19', 'Lappi', 'Lappland'],
  ['21', 'Ahvenanmaa', 'Åland'],
].map(([code, nameFi, nameSv]) => ({ code: code!, nameFi: nameFi!, nameSv: nameSv! }));

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi');

/** Finnish municipalities and regions, looked up by official code or by Finnish or Swedish name. */
export class Regions {
  private readonly byKey = new Map<string, Municipality>();
  private readonly regionByKey = new Map<string, Region>();
  readonly municipalities: Municipality[];
  readonly regions: Region[] = REGIONS;

  constructor(table: string = MUNICIPALITY_TABLE) {
    this.municipalities = table
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [code, nameFi, nameSv, regionCode] = line.split(';') as [string, string, string, string];
        return { code, nameFi, nameSv, regionCode };
      });
    for (const m of this.municipalities) {
      for (const key of [m.code, String(Number(m.code)), m.nameFi, m.nameSv]) this.byKey.set(fold(key), m);
    }
    for (const r of REGIONS) {
      for (const key of [r.code, String(Number(r.code)), r.nameFi, r.nameSv]) this.regionByKey.set(fold(key), r);
    }
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
}

/** One shared instance: the table is static reference data. */
export const regions = new Regions();
