import type { Gate } from './scoring.js';
import { regions } from './regions/regions.js';

/**
 * How far a jobseeker goes to work, and where else they would work: their daily commuting range
 * (road km, one way), the municipalities and regions they wish to work in, and whether they would
 * move for work. Beyond the range a vacancy that is not remote fails the `commute` gate unless the
 * place is wished or the jobseeker would move.
 */
export interface Commute {
  rangeKm: number;
  relocates: boolean;
  municipalities: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

/**
 * Road kilometres per straight-line kilometre between two municipality centres. Studies of road
 * networks put the detour (circuity) factor at 1.2–1.4 for trips of a few tens of km; 1.3 is the
 * usual middle value. Finland's lakes, bays and archipelago push it higher locally (a sound with no
 * bridge means a ferry or a long way round), which a single factor cannot know.
 */
export const ROAD_FACTOR = 1.3;

/** Most road km a commuting range may be set to. */
export const MAX_COMMUTE_KM = 300;

/**
 * Default ranges (road km, one way) by the home municipality's type, after Statistics Finland's
 * statistical grouping of municipalities: in an urban municipality work is near and public transport
 * runs (30 km, about 35 minutes), in a semi-urban one 45 km, and in a rural one people drive further
 * (60 km, about 50 minutes on main roads). A counsellor sets the client's own range.
 */
export const DEFAULT_COMMUTE_KM = { urban: 30, semiUrban: 45, rural: 60 } as const;

/**
 * Urban (kaupunkimaiset) and semi-urban (taajaan asutut) municipalities by code, after Statistics
 * Finland's statistical grouping (tilastollinen kuntaryhmitys); every other municipality is rural.
 * Written from the grouping as the project knows it, not imported from the yearly key: check it
 * against the current classification before relying on a municipality's default.
 */
const URBAN = new Set(
  // Helsinki Espoo Vantaa Kauniainen Kerava Järvenpää Tuusula Kirkkonummi Hyvinkää Nurmijärvi Porvoo Lohja
  // Turku Kaarina Raisio Naantali Lieto Salo Pori Rauma Hämeenlinna Riihimäki Tampere Nokia Ylöjärvi Kangasala
  // Pirkkala Lempäälä Valkeakoski Lahti Kouvola Kotka Lappeenranta Imatra Mikkeli Kuopio Joensuu Jyväskylä
  // Seinäjoki Vaasa Pietarsaari Kokkola Oulu Kempele Kajaani Rovaniemi Kemi Tornio Maarianhamina
  '091 049 092 235 245 186 858 257 106 543 638 444 853 202 680 529 423 734 609 684 109 694 837 536 980 211 604 418 908 398 286 285 405 153 491 297 167 179 743 905 598 272 564 244 205 698 240 851 478'.split(' '),
);
const SEMI_URBAN = new Set(
  // Sipoo Vihti Mäntsälä Raasepori Loviisa Hanko Parainen Uusikaupunki Loimaa Paimio Masku Ulvila Harjavalta
  // Huittinen Kankaanpää Eura Forssa Janakkala Hattula Akaa Sastamala Orivesi Mänttä-Vilppula Hollola
  // Orimattila Heinola Hamina Savonlinna Pieksämäki Varkaus Iisalmi Siilinjärvi Kontiolahti Liperi Äänekoski
  // Jämsä Laukaa Muurame Lapua Kauhava Kurikka Ilmajoki Mustasaari Raahe Liminka Ylivieska Kuusamo Kemijärvi
  '753 927 505 710 434 078 445 895 430 577 481 886 079 102 214 050 061 165 082 020 790 562 508 098 560 111 075 740 593 915 140 749 276 426 992 182 410 500 408 233 301 145 499 678 425 977 305 320'.split(' '),
);

export type MunicipalityType = 'urban' | 'semiUrban' | 'rural';

export const municipalityType = (code: string): MunicipalityType => (URBAN.has(code) ? 'urban' : SEMI_URBAN.has(code) ? 'semiUrban' : 'rural');

/** The range a jobseeker gets when none is given: by the home municipality's type. */
export const defaultCommuteKm = (municipality: string): number => DEFAULT_COMMUTE_KM[municipalityType(municipality)];

/** A jobseeker's commute as scoring reads it (built once per profile, never per vacancy scored). */
export function commuteOf(j: {
  municipality: string;
  commuteKm?: number;
  willingToRelocate?: boolean;
  wishedMunicipalities?: string[];
  wishedRegions?: string[];
}): Commute {
  const code = (m: string) => regions.municipality(m)?.code ?? m;
  return {
    rangeKm: j.commuteKm ?? defaultCommuteKm(code(j.municipality)),
    relocates: j.willingToRelocate === true,
    municipalities: new Set((j.wishedMunicipalities ?? []).map(code)),
    regions: new Set((j.wishedRegions ?? []).map((r) => regions.region(r)?.code ?? r)),
  };
}

/** Municipality codes within `rangeKm` road km of a municipality's centre (cached per municipality and range). */
const reach = new Map<string, string[]>();
export function reachable(code: string, rangeKm: number): string[] {
  const key = `${code}:${rangeKm}`;
  let codes = reach.get(key);
  if (!codes) reach.set(key, (codes = regions.municipalitiesWithin(code, rangeKm / ROAD_FACTOR)));
  return codes;
}

/** Estimated road km from the straight-line distance between municipality centres. */
export const roadKm = (straightKm: number) => Math.round(straightKm * ROAD_FACTOR);

/**
 * The commute gate: `pass` for remote work, within the range, or a place the jobseeker wished or
 * would move to; `fail` beyond the range; `unknown` when the distance or the jobseeker's range is.
 */
export function commuteGate(commute: Commute | undefined, vacancy: { municipality?: string; region?: string; remote?: boolean }, straightKm: number | undefined): Gate {
  if (vacancy.remote) return 'pass';
  if (!commute || straightKm === undefined) return 'unknown';
  if (straightKm * ROAD_FACTOR <= commute.rangeKm) return 'pass';
  return waiverOf(commute, vacancy) ? 'pass' : 'fail';
}

/** Why a place beyond the range still passes: the jobseeker would move, or wished the municipality or region. */
export function waiverOf(commute: Commute, vacancy: { municipality?: string; region?: string }): 'relocation' | 'wishedMunicipality' | 'wishedRegion' | undefined {
  if (vacancy.municipality && commute.municipalities.has(vacancy.municipality)) return 'wishedMunicipality';
  if (vacancy.region && commute.regions.has(vacancy.region)) return 'wishedRegion';
  return commute.relocates ? 'relocation' : undefined;
}

/** What a hit says of the commute: the range, the estimated road km and, beyond the range, why it still passes. */
export function commuteFacts(commute: Commute, vacancy: { municipality?: string; region?: string; remote?: boolean }, straightKm: number) {
  const road = roadKm(straightKm);
  const beyond = straightKm * ROAD_FACTOR > commute.rangeKm;
  const waiver = beyond ? waiverOf(commute, vacancy) : undefined;
  return { rangeKm: commute.rangeKm, roadKm: road, beyondRange: beyond, ...(waiver ? { waivedBy: waiver } : {}) };
}
