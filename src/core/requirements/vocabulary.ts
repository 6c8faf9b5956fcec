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

/** A card or certificate: its id, names in fi/sv/en, and its taxonomy concept where the taxonomy has one. */
export interface Card {
  id: string;
  names: { fi: string; sv: string; en: string };
  uri?: string;
}

export const CARDS = [
  { id: 'hygiene-passport', names: { fi: 'hygieniapassi', sv: 'hygienpass', en: 'hygiene passport' }, uri: 'urn:kohtaanto:skill:hygienePassport' },
  { id: 'alcohol-passport', names: { fi: 'anniskelupassi', sv: 'alkoholpass', en: 'alcohol licence passport' }, uri: 'urn:kohtaanto:skill:alcoholPassport' },
  { id: 'work-safety', names: { fi: 'työturvallisuuskortti', sv: 'arbetarskyddskort', en: 'occupational safety card' }, uri: 'urn:kohtaanto:skill:safetyCard' },
  { id: 'forklift', names: { fi: 'trukkikortti', sv: 'truckkort', en: 'forklift licence' }, uri: 'urn:kohtaanto:skill:forklift' },
  { id: 'first-aid', names: { fi: 'ensiapukortti (EA1)', sv: 'första hjälpen-kort (EA1)', en: 'first aid certificate (EA1)' }, uri: 'urn:kohtaanto:skill:firstAidTraining' },
  { id: 'hot-work', names: { fi: 'tulityökortti', sv: 'heta arbeten-kort', en: 'hot work licence' }, uri: 'urn:kohtaanto:skill:hotWork' },
  { id: 'electrical-safety', names: { fi: 'sähköturvallisuuskoulutus (SFS 6002)', sv: 'elsäkerhetsutbildning (SFS 6002)', en: 'electrical safety training (SFS 6002)' }, uri: 'urn:kohtaanto:skill:electricalSafety' },
  { id: 'road-safety', names: { fi: 'tieturvakortti', sv: 'vägsäkerhetskort', en: 'road safety card (Tieturva)' }, uri: 'urn:kohtaanto:skill:roadWork' },
  { id: 'valtti', names: { fi: 'Valttikortti', sv: 'Valttikort', en: 'Valtti card' } },
  { id: 'security-guard', names: { fi: 'vartijakortti', sv: 'väktarkort', en: 'security guard licence' }, uri: 'urn:kohtaanto:skill:guardCard' },
  { id: 'adr', names: { fi: 'ADR-ajolupa', sv: 'ADR-intyg', en: 'ADR certificate' }, uri: 'urn:kohtaanto:skill:adr' },
  { id: 'professional-competence', names: { fi: 'ammattipätevyys', sv: 'yrkeskompetens', en: 'professional competence (CPC)' }, uri: 'urn:kohtaanto:skill:professionalCompetence' },
] as const satisfies readonly Card[];
export type CardId = (typeof CARDS)[number]['id'];
export const CARD_IDS = CARDS.map((c) => c.id) as [CardId, ...CardId[]];

/** The card whose taxonomy concept a skill URI is. */
export const cardOfSkill = new Map<string, CardId>(CARDS.flatMap((c) => ('uri' in c && c.uri ? [[c.uri, c.id] as const] : [])));

/** Taxonomy concepts of driving licences (a jobseeker's skill "C-ajokortti" says they hold C). */
export const licenceOfSkill = new Map<string, LicenceClass>([
  ['urn:kohtaanto:skill:driving', 'B'],
  ['urn:kohtaanto:skill:licenceC', 'C'],
  ['urn:kohtaanto:skill:licenceCE', 'CE'],
  ['urn:kohtaanto:skill:busDriving', 'D'],
  ['urn:kohtaanto:skill:tractor', 'T'],
]);

/** The taxonomy concept of a card, when it has one. */
export const cardUri = (id: CardId): string | undefined => (CARDS as readonly Card[]).find((c) => c.id === id)?.uri;
