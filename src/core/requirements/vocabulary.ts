/**
 * The hard requirements a vacancy may set and a jobseeker may meet: Finnish driving-licence
 * classes, language levels, and the cards and certificates Finnish employers ask for. Shared by
 * the schemas (what is accepted), the extraction from ad text and the gates in scoring.
 */

/** Finnish driving-licence classes (ajokorttiluokat). */
export const LICENCE_CLASSES = ['AM', 'A1', 'A2', 'A', 'B', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE', 'T'] as const;
export type LicenceClass = (typeof LICENCE_CLASSES)[number];

/**
 * The classes a class entitles to drive besides itself (ajokorttilaki 386/2011, simplified):
 * a C holder drives C1 and, as every C holder has one, B; CE covers C1E and BE; B covers AM and T.
 */
const INCLUDES: Partial<Record<LicenceClass, LicenceClass[]>> = {
  A: ['A2', 'A1', 'AM'], A2: ['A1', 'AM'], A1: ['AM'], B: ['AM', 'T'], BE: ['B'],
  C1: ['B'], C: ['C1', 'B'], C1E: ['C1', 'BE'], CE: ['C', 'C1E', 'BE'],
  D1: ['B'], D: ['D1', 'B'], D1E: ['D1', 'BE'], DE: ['D', 'D1E', 'BE'],
};

/** Every class the held classes entitle to drive. */
export function licenceCover(held: Iterable<LicenceClass>): Set<LicenceClass> {
  const cover = new Set<LicenceClass>();
  const add = (c: LicenceClass) => {
    if (cover.has(c)) return;
    cover.add(c);
    for (const lower of INCLUDES[c] ?? []) add(lower);
  };
  for (const c of held) add(c);
  return cover;
}

/** Language levels, lowest first (roughly CEFR A2, B1–B2, C1–C2, mother tongue). */
export const LANGUAGE_LEVELS = ['basic', 'good', 'fluent', 'native'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
export const levelRank = (level: LanguageLevel) => LANGUAGE_LEVELS.indexOf(level);

/**
 * A card or certificate: its id, names in fi/sv/en, and the taxonomy concepts that name it — the
 * curated test taxonomy's, then ESCO's or the local extension's (taxonomy/local-extension.csv) —
 * where a taxonomy has one.
 */
export interface Card {
  id: string;
  names: { fi: string; sv: string; en: string };
  uris?: readonly string[];
}

const ESCO = 'http://data.europa.eu/esco/skill/';
const LOCAL = 'urn:kohtaanto:local:skill:';

export const CARDS = [
  { id: 'hygiene-passport', names: { fi: 'hygieniapassi', sv: 'hygienpass', en: 'hygiene passport' }, uris: ['urn:kohtaanto:skill:hygienePassport', `${LOCAL}hygiene-passport`] },
  { id: 'alcohol-passport', names: { fi: 'anniskelupassi', sv: 'alkoholpass', en: 'alcohol licence passport' }, uris: ['urn:kohtaanto:skill:alcoholPassport', `${LOCAL}alcohol-passport`] },
  { id: 'work-safety', names: { fi: 'työturvallisuuskortti', sv: 'arbetarskyddskort', en: 'occupational safety card' }, uris: ['urn:kohtaanto:skill:safetyCard', `${LOCAL}occupational-safety-card`] },
  // ESCO "operate forklift", which the local extension names trukkikortti.
  { id: 'forklift', names: { fi: 'trukkikortti', sv: 'truckkort', en: 'forklift licence' }, uris: ['urn:kohtaanto:skill:forklift', `${ESCO}28cb374e-6261-4133-8371-f9a5470145da`] },
  { id: 'first-aid', names: { fi: 'ensiapukortti (EA1)', sv: 'första hjälpen-kort (EA1)', en: 'first aid certificate (EA1)' }, uris: ['urn:kohtaanto:skill:firstAidTraining'] },
  { id: 'hot-work', names: { fi: 'tulityökortti', sv: 'heta arbeten-kort', en: 'hot work licence' }, uris: ['urn:kohtaanto:skill:hotWork', `${LOCAL}hot-work-card`] },
  { id: 'electrical-safety', names: { fi: 'sähköturvallisuuskoulutus (SFS 6002)', sv: 'elsäkerhetsutbildning (SFS 6002)', en: 'electrical safety training (SFS 6002)' }, uris: ['urn:kohtaanto:skill:electricalSafety'] },
  { id: 'road-safety', names: { fi: 'tieturvakortti', sv: 'vägsäkerhetskort', en: 'road safety card (Tieturva)' }, uris: ['urn:kohtaanto:skill:roadWork'] },
  { id: 'valtti', names: { fi: 'Valttikortti', sv: 'Valttikort', en: 'Valtti card' } },
  { id: 'security-guard', names: { fi: 'vartijakortti', sv: 'väktarkort', en: 'security guard licence' }, uris: ['urn:kohtaanto:skill:guardCard', `${LOCAL}security-guard-card`] },
  // ESCO "international carriage of dangerous goods by road", which the local extension names ADR-lupa.
  { id: 'adr', names: { fi: 'ADR-ajolupa', sv: 'ADR-intyg', en: 'ADR certificate' }, uris: ['urn:kohtaanto:skill:adr', `${ESCO}cea50b44-932c-49ac-8511-5efdd8bb38ca`] },
  { id: 'professional-competence', names: { fi: 'ammattipätevyys', sv: 'yrkeskompetens', en: 'professional competence (CPC)' }, uris: ['urn:kohtaanto:skill:professionalCompetence', `${LOCAL}driver-cpc`] },
] as const satisfies readonly Card[];
export type CardId = (typeof CARDS)[number]['id'];
/** Every card's id, first the first card's (zod's enum wants at least one). */
export const CARD_IDS: [CardId, ...CardId[]] = [CARDS[0].id, ...CARDS.slice(1).map((c) => c.id)];
/** The cards as one type (some have no taxonomy concepts). */
const CARD_LIST: readonly Card[] = CARDS;

/** The card whose taxonomy concept a skill URI is. */
export const cardOfSkill = new Map<string, CardId>(CARDS.flatMap((c) => ('uris' in c ? c.uris.map((uri) => [uri, c.id] as const) : [])));

/**
 * Taxonomy concepts of driving licences (a jobseeker's skill "C-ajokortti" says they hold C), in the
 * curated test taxonomy and in the local extension layered on ESCO (ESCO has no licence classes).
 */
export const licenceOfSkill = new Map<string, LicenceClass>([
  ['urn:kohtaanto:skill:driving', 'B'],
  ['urn:kohtaanto:skill:licenceC', 'C'],
  ['urn:kohtaanto:skill:licenceCE', 'CE'],
  ['urn:kohtaanto:skill:busDriving', 'D'],
  ['urn:kohtaanto:skill:tractor', 'T'],
  [`${LOCAL}driving-licence-c`, 'C'],
  [`${LOCAL}driving-licence-ce`, 'CE'],
]);

/** The taxonomy concept of a card: the first of its concepts `known` accepts (by default the first). */
export const cardUri = (id: CardId, known: (uri: string) => boolean = () => true): string | undefined =>
  (CARD_LIST.find((c) => c.id === id)?.uris ?? []).find(known);

/** The taxonomy concept of a licence class: the first `known` accepts (by default the first). */
export const licenceUri = (cls: LicenceClass, known: (uri: string) => boolean = () => true): string | undefined =>
  [...licenceOfSkill].find(([uri, c]) => c === cls && known(uri))?.[0];
