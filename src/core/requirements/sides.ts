/**
 * Hard requirements as scoring sees them (see scoring.ts `gates`): what a vacancy requires, from
 * its fields and its text, and what a jobseeker is known to hold. Older records stay readable: a
 * vacancy's `drivingLicenceRequired` is class B and its `languages` are required at `good`; a
 * jobseeker's `drivingLicence: true` is class B held (other classes unknown), `false` none, and a
 * language in `languages` is held at `good` (whether fluent or native is unknown).
 */
import type { VacancyRequirements } from '../schemas/requirements.js';
import { cardOfSkill, levelRank, licenceCover, licenceOfSkill, type CardId, type LanguageLevel, type LicenceClass } from './vocabulary.js';
import { mergeRequirements } from './extract.js';

/** What a jobseeker holds of one kind of requirement; `complete` when anything else is known not to be held. */
export interface Held<T> {
  has: ReadonlySet<T>;
  complete: boolean;
}

/** A language held: its level's rank, and whether the level was stated (else only "good" is known). */
export interface HeldLanguage {
  rank: number;
  exact: boolean;
}

export interface SeekerRequirements {
  languages?: ReadonlyMap<string, HeldLanguage>;
  licences?: Held<LicenceClass>;
  cards?: Held<CardId>;
}

export interface OfferRequirements {
  /** Required languages with the rank of the level asked for. */
  languages: readonly { code: string; rank: number }[];
  licences: readonly LicenceClass[];
  cards: readonly CardId[];
}

interface VacancyFields {
  languages?: string[];
  languageRequirements?: { code: string; level: LanguageLevel; required: boolean }[];
  drivingLicenceRequired?: boolean;
  drivingLicences?: LicenceClass[];
  cards?: CardId[];
}

/** A vacancy's requirements from its fields (each required, with the field as evidence). */
export function fieldRequirements(v: VacancyFields): VacancyRequirements {
  return mergeRequirements({
    licences: [
      ...(v.drivingLicences ?? []).map((c) => ({ class: c, required: true, evidence: 'drivingLicences' })),
      ...(v.drivingLicenceRequired ? [{ class: 'B' as const, required: true, evidence: 'drivingLicenceRequired' }] : []),
    ],
    languages: [
      ...(v.languageRequirements ?? []).map((l) => ({ ...l, evidence: 'languageRequirements' })),
      ...(v.languages ?? []).map((code) => ({ code, level: 'good' as const, required: true, evidence: 'languages' })),
    ],
    cards: (v.cards ?? []).map((id) => ({ id, required: true, evidence: 'cards' })),
  });
}

/**
 * The licence class the work itself needs, whatever its ad says (the EU driving-licence directive
 * 2006/126/EC): driving a lorry (ISCO-08 8332, heavy truck and lorry drivers) needs at least C1. An
 * ad for a truck driver that only says "driving licence required" is not open to a client whose
 * classes are B alone.
 */
const IMPLIED_LICENCE: Record<string, LicenceClass> = { '8332': 'C1' };

/**
 * The required part of a vacancy's requirements (its stored reading, else its fields), and the
 * licence classes among its essential skills: a skill list naming "CE-ajokortti" requires class CE
 * whatever cue the text around it has (a licence is held or not; it is no skill to cover in part).
 */
export function offerRequirements(
  v: VacancyFields & { normalized: { requirements?: VacancyRequirements; essential?: readonly { uri: string }[]; occupation?: { isco?: string } } },
): OfferRequirements {
  const r = v.normalized.requirements ?? fieldRequirements(v);
  const licences = new Set(r.licences.filter((l) => l.required).map((l) => l.class));
  for (const s of v.normalized.essential ?? []) {
    const licence = licenceOfSkill.get(s.uri);
    if (licence) licences.add(licence);
  }
  const implied = IMPLIED_LICENCE[v.normalized.occupation?.isco?.slice(0, 4) ?? ''];
  if (implied && !licenceCover(licences).has(implied)) licences.add(implied);
  return {
    languages: r.languages.filter((l) => l.required).map((l) => ({ code: l.code, rank: levelRank(l.level) })),
    licences: [...licences],
    cards: r.cards.filter((c) => c.required).map((c) => c.id),
  };
}

interface JobseekerFields {
  languages?: string[];
  languageLevels?: { code: string; level: LanguageLevel }[];
  drivingLicence?: boolean;
  drivingLicences?: LicenceClass[];
  cards?: CardId[];
}

/**
 * A jobseeker's skills without the licence classes their own list of classes leaves out: a client who
 * lists `drivingLicences: ['B']` does not hold "C-ajokortti" because their summary names it ("ei C- tai
 * CE-korttia" read without its negation). Without a list, every skill stands.
 */
export function heldSkills(j: Pick<JobseekerFields, 'drivingLicences'>, skills: ReadonlySet<string>): ReadonlySet<string> {
  if (!j.drivingLicences) return skills;
  const cover = licenceCover(j.drivingLicences);
  let held: Set<string> | undefined;
  for (const uri of skills) {
    const licence = licenceOfSkill.get(uri);
    if (!licence || cover.has(licence)) continue;
    held ??= new Set(skills);
    held.delete(uri);
  }
  return held ?? skills;
}

/**
 * What a jobseeker is known to hold: the fields, and the licences and cards their skills name
 * ("C-ajokortti", "hygieniapassi"); a list of licence classes is the whole of what they hold.
 */
export function seekerRequirements(j: JobseekerFields, skills: ReadonlySet<string>): SeekerRequirements {
  const languages = new Map<string, HeldLanguage>();
  for (const code of j.languages ?? []) languages.set(code, { rank: levelRank('good'), exact: false });
  for (const l of j.languageLevels ?? []) languages.set(l.code, { rank: levelRank(l.level), exact: true });
  const licenceSkills: LicenceClass[] = [];
  const cardSkills: CardId[] = [];
  for (const uri of skills) {
    const licence = licenceOfSkill.get(uri);
    if (licence) licenceSkills.push(licence);
    const card = cardOfSkill.get(uri);
    if (card) cardSkills.push(card);
  }
  const licences: Held<LicenceClass> | undefined = j.drivingLicences
    ? { has: licenceCover(j.drivingLicences), complete: true }
    : j.drivingLicence !== undefined
      ? { has: licenceCover([...(j.drivingLicence ? (['B'] as const) : []), ...licenceSkills]), complete: !j.drivingLicence }
      : licenceSkills.length > 0
        ? { has: licenceCover(licenceSkills), complete: false }
        : undefined;
  const cards: Held<CardId> | undefined = j.cards
    ? { has: new Set([...j.cards, ...cardSkills]), complete: true }
    : cardSkills.length > 0
      ? { has: new Set(cardSkills), complete: false }
      : undefined;
  return { ...(languages.size > 0 ? { languages } : {}), ...(licences ? { licences } : {}), ...(cards ? { cards } : {}) };
}
