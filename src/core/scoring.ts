import { commuteGate, type Commute } from './commute.js';
import { distanceKm as locationDistance, locationFit, type Place } from './location.js';
import type { Held, OfferRequirements, SeekerRequirements } from './requirements/sides.js';

export interface Weights {
  semantic: number;
  essential: number;
  optional: number;
  location: number;
  occupation: number;
}

/**
 * The texts' similarity counts this share of its weight when both sides name their occupation: the
 * occupation part then says what kind of work each is, and what the texts add is mostly their
 * language and style (a Finnish CV is nearer a Finnish ad than a Swedish CV of the same trade is). On
 * ESCO's labelled set, scoring candidates with no text at all (employer services' view) ranked them
 * better than with the full text weight (vacancy → candidates nDCG@10 0.875 against 0.836).
 */
export const TEXT_SHARE_WITH_OCCUPATIONS = 0.5;

/** A hard requirement, shown beside the score rather than folded into it. */
export type Gate = 'pass' | 'unknown' | 'fail';

/** An occupation as scoring sees it: its ESCO concept and ISCO-08 unit group (4 digits), either may be unknown. */
export interface OccupationRef {
  uri?: string;
  isco?: string;
}

/** The jobseeker side, reduced to what scoring needs. */
export interface SeekerSide extends Place, SeekerRequirements {
  /** Skill concept URIs the jobseeker has. */
  skills: ReadonlySet<string>;
  workingTime?: 'full' | 'part' | 'any';
  /** The occupations the jobseeker works in or seeks. */
  occupations?: OccupationRef[];
  /** Commuting range, wished places, moving (see commute.ts); the `commute` gate is unknown without it. */
  commute?: Commute;
}

/** The vacancy side. */
export interface OfferSide extends Place, Partial<OfferRequirements> {
  /** Required skill concepts (free-text skills are notes, never scored: see matching.ts offerSide). */
  essential: string[];
  optional: string[];
  workingTime?: 'full' | 'part';
  occupation?: OccupationRef;
}

/**
 * How much of a required skill a jobseeker's skills cover: 1 for the skill itself or a narrower
 * one ("MIG welding" covers "welding"), less for a broader one; 0 when nothing relates.
 */
export type SkillCredit = (held: ReadonlySet<string>, required: string) => { credit: number; via?: string };

export const exactCredit: SkillCredit = (held, required) => ({ credit: held.has(required) ? 1 : 0 });

/** `credit` with its answers kept for the set of held skills last asked about (one ranking's jobseeker). */
export function rememberCredits(credit: SkillCredit): SkillCredit {
  let holder: ReadonlySet<string> | undefined;
  let known = new Map<string, ReturnType<SkillCredit>>();
  return (held, required) => {
    if (held !== holder) {
      holder = held;
      known = new Map();
    }
    let answer = known.get(required);
    if (!answer) known.set(required, (answer = credit(held, required)));
    return answer;
  };
}

/** How related two occupations (concept URIs) are, 0..1, beyond sharing an ISCO group (see Taxonomy.occupationRelation). */
export type OccupationRelation = (a: string, b: string) => number;

/** The ISCO-08 unit group the taxonomy files an occupation concept in. */
export type OccupationGroup = (uri: string) => string | undefined;

/** What scoring may know of the taxonomy's relations; a Taxonomy is one. Without it: exact skills, ISCO groups only. */
export interface Relations {
  skillCredit: SkillCredit;
  occupationRelation: OccupationRelation;
  /** The concept's own group, for a record whose given ISCO group is another (see occupationFit). */
  occupationGroup?: OccupationGroup;
}

export const NO_RELATIONS: Relations = { skillCredit: exactCredit, occupationRelation: () => 0 };

export interface Score {
  score: number;
  parts: {
    /** Cosine similarity of the two texts' embeddings, clipped to [0, 1]; null when not compared (a pseudonymous candidate). */
    semantic: number | null;
    /** Share of the essential skills the jobseeker has; null if none are required or the jobseeker states none. */
    essential: number | null;
    optional: number | null;
    location: number | null;
    /** 1 same occupation, less for the same ISCO unit, minor or sub-major group; null when either side's is unknown. */
    occupation: number | null;
  };
  gates: { language: Gate; licence: Gate; cards: Gate; workingTime: Gate; commute: Gate };
  /** Required skills covered; `via` names the jobseeker's related skill when it is not the skill itself. */
  matched: { uri: string; importance: 'essential' | 'optional'; via?: string }[];
  missing: { uri: string; importance: 'essential' | 'optional' }[];
  /** Kilometres between the two municipalities' centres; undefined when unknown or remote. */
  distanceKm?: number;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The skill lists of a score that does not list them (never written to). */
const UNLISTED: never[] = [];
Object.freeze(UNLISTED);

/** Every required item held: pass; one known not held: fail; else unknown (the jobseeker did not say). */
function heldGate<T>(required: readonly T[] | undefined, held: Held<T> | undefined): Gate {
  let gate: Gate = 'pass';
  for (const item of required ?? []) {
    if (held?.has.has(item)) continue;
    if (held?.complete) return 'fail';
    gate = 'unknown';
  }
  return gate;
}

/** Each required language at its level: a language not listed fails, a level below fails when stated, else is unknown. */
function languageGate(required: OfferRequirements['languages'] | undefined, held: SeekerSide['languages']): Gate {
  if (!required?.length) return 'pass';
  if (!held?.size) return 'unknown';
  let gate: Gate = 'pass';
  for (const need of required) {
    const has = held.get(need.code);
    if (!has) return 'fail';
    if (has.rank >= need.rank) continue;
    if (has.exact) return 'fail';
    gate = 'unknown';
  }
  return gate;
}

function gates(seeker: SeekerSide, offer: OfferSide, km: number | undefined): Score['gates'] {
  const language = languageGate(offer.languages, seeker.languages);
  const licence = heldGate(offer.licences, seeker.licences);
  const cards = heldGate(offer.cards, seeker.cards);
  const workingTime: Gate =
    !offer.workingTime || seeker.workingTime === 'any' ? 'pass' : !seeker.workingTime ? 'unknown' : seeker.workingTime === offer.workingTime ? 'pass' : 'fail';
  return { language, licence, cards, workingTime, commute: commuteGate(seeker.commute, offer, km) };
}

/**
 * Whether any hard requirement fails (such matches rank after every pass unless asked otherwise);
 * the commuting range counts unless `commute` is false (see MatchSettings.commute).
 */
export const failsGate = (g: Score['gates'], commute = true) =>
  g.language === 'fail' || g.licence === 'fail' || g.cards === 'fail' || g.workingTime === 'fail' || (commute && g.commute === 'fail');

/** A licence or card the vacancy requires and the jobseeker is known not to hold: work they may not legally take up yet. */
export const lacksQualification = (g: Score['gates']) => g.licence === 'fail' || g.cards === 'fail';

/**
 * Below this occupation credit two named occupations are unrelated: related work by shared essential
 * skills earns RELATED_OCCUPATION_CREDIT × the share held in common, and a share under a tenth (a
 * delivery driver and an IT support specialist: one skill of fourteen, 0.036) is no more a relation
 * than none — such work ranked as related before the cleaning and sales posts next door. Chosen on
 * bench:quality (a fifth, 0.1, lowered vacancy → candidates nDCG@10 by 0.013; a tenth moves neither
 * direction by more than 0.002) and bench:review.
 */
export const RELATED_WORK_FLOOR = 0.05;

/**
 * Other work: both sides name their occupation and the two are unrelated (no credit worth the name:
 * neither the same ISCO unit or minor group nor a tenth of the essential skills in common, or two
 * skill levels apart; see RELATED_WORK_FLOOR).
 */
export const otherWork = (parts: Score['parts']) => parts.occupation !== null && parts.occupation < RELATED_WORK_FLOOR;

/**
 * How a hit of other work (see otherWork) ranks among other such hits: by the skills the jobseeker
 * holds that it asks for and by the place, not by the texts' similarity — shared words between two
 * unrelated occupations ("kiinteistönhoitaja", "kiinteistönvälittäjä") are no evidence of fit, and
 * would put the look-alike first. A skill part that is unknown counts as none held (a vacancy that
 * lists no skills shows no transferable ones).
 */
export function otherWorkScore(parts: Score['parts'], weights: Weights): number {
  const weight = weights.essential + weights.optional + weights.location;
  if (weight === 0) return 0;
  return round((weights.essential * (parts.essential ?? 0) + weights.optional * (parts.optional ?? 0) + weights.location * (parts.location ?? 0)) / weight);
}

/** Whether two codes have the same first `digits` characters (both at least that long); no substrings made (once per pool record). */
function samePrefix(a: string, b: string, digits: number): boolean {
  if (a.length < digits || b.length < digits) return false;
  for (let i = 0; i < digits; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Credit for sharing an occupation: the same concept, then ever wider ISCO-08 groups, or related work (see RELATED_OCCUPATION_CREDIT). */
const ISCO_CREDIT = [
  [4, 0.8],
  [3, 0.5],
  [2, 0.25],
] as const;

/** Credit for an occupation whose essential skills are all another's (scaled by the share held in common). */
export const RELATED_OCCUPATION_CREDIT = 0.5;

/**
 * ISCO-08's skill level of a major group (first digit): 4 professionals, 3 technicians and associate
 * professionals, 2 clerical, service, sales, agricultural, craft and machine work, 1 elementary
 * occupations; managers (1) span 3-4 and armed forces (0) every level, so they are left unknown.
 */
const SKILL_LEVEL: Record<string, number> = { '2': 4, '3': 3, '4': 2, '5': 2, '6': 2, '7': 2, '8': 2, '9': 1 };
/** Two occupations this many ISCO skill levels apart are other work whatever words and skills they share (a welder and a welding engineer). */
export const OTHER_LEVEL = 2;

const levelsApart = (a: string | undefined, b: string | undefined) => {
  const x = a ? SKILL_LEVEL[a[0]!] : undefined;
  const y = b ? SKILL_LEVEL[b[0]!] : undefined;
  return x === undefined || y === undefined ? 0 : Math.abs(x - y);
};

/**
 * How many ISCO skill levels lie between the jobseeker's occupation nearest the vacancy's and the
 * vacancy's (0 when either is unknown): other work at the client's own level of education is the more
 * plausible move (a nurse to another professional's post, not to farm work).
 */
export function levelGap(seeker: OccupationRef[] | undefined, offer: OccupationRef | undefined): number {
  if (!offer?.isco || !seeker?.length) return 0;
  let gap = Infinity;
  for (const o of seeker) gap = Math.min(gap, levelsApart(o.isco, offer.isco));
  return gap;
}

/**
 * Whether the vacancy's occupation lies above every skill level the jobseeker's occupations are at
 * (false when either side's level is unknown): work a level up asks for education or experience the
 * client has not shown (a caretaker and a real-estate agent's post).
 */
export function aboveLevel(seeker: OccupationRef[] | undefined, offer: OccupationRef | undefined): boolean {
  const to = offer?.isco ? SKILL_LEVEL[offer.isco[0]!] : undefined;
  if (to === undefined || !seeker?.length) return false;
  let known = false;
  for (const o of seeker) {
    const from = o.isco ? SKILL_LEVEL[o.isco[0]!] : undefined;
    if (from === undefined) continue;
    if (from >= to) return false;
    known = true;
  }
  return known;
}

/**
 * How well a jobseeker's occupations fit a vacancy's: 1 the same occupation, then the same ISCO-08
 * unit or minor group, or related work by the essential skills the two share (see
 * RELATED_OCCUPATION_CREDIT), never across two ISCO skill levels (a degree's work and a trade's: a
 * welder is not a welding engineer, a nurse is not a practical nurse). The sub-major group (two
 * digits) counts only when a side names no occupation concept: on ESCO it spans other work (83: bus,
 * delivery, truck and forklift drivers, crane operators, deck crew), which the concepts' shared
 * skills measure better.
 */
export function occupationFit(
  seeker: OccupationRef[] | undefined,
  offer: OccupationRef | undefined,
  relation: OccupationRelation = NO_RELATIONS.occupationRelation,
  groupOf?: OccupationGroup,
): number | null {
  if (!offer || (!offer.uri && !offer.isco) || !seeker?.length) return null;
  let best = 0;
  // A record may give one ISCO group and name a concept the taxonomy files in another ("varastotyöntekijä"
  // given 4321, ESCO's warehouse worker 9333; see SkillNormalizer.occupationInGroup): either group counts.
  const offerGroup = offer.uri && groupOf ? groupOf(offer.uri) : undefined;
  for (const o of seeker) {
    if (o.uri && o.uri === offer.uri) return 1;
    if (levelsApart(o.isco, offer.isco) >= OTHER_LEVEL) continue;
    const concepts = !!o.uri && !!offer.uri;
    if (concepts) best = Math.max(best, round(RELATED_OCCUPATION_CREDIT * relation(o.uri!, offer.uri!)));
    best = Math.max(best, groupCredit(o.isco, offer.isco, concepts));
    const own = o.uri && groupOf ? groupOf(o.uri) : undefined;
    if (own && own !== o.isco) best = Math.max(best, groupCredit(own, offer.isco, concepts), groupCredit(own, offerGroup, concepts));
    if (offerGroup && offerGroup !== offer.isco) best = Math.max(best, groupCredit(o.isco, offerGroup, concepts));
  }
  return best;
}

/** Credit for two ISCO-08 groups in common (see ISCO_CREDIT; the sub-major group only when a side names no concept). */
function groupCredit(a: string | undefined, b: string | undefined, concepts: boolean): number {
  if (!a || !b) return 0;
  for (const [digits, credit] of ISCO_CREDIT) {
    if (digits === 2 && concepts) break;
    if (samePrefix(a, b, digits)) return credit;
  }
  return 0;
}

/**
 * The share of `uris` the held skills cover (by `credit`); null when none are required or none are
 * held. With `matched`, each required skill is listed as matched or missing.
 */
function coverage(
  uris: string[],
  importance: 'essential' | 'optional',
  held: ReadonlySet<string>,
  credit: SkillCredit,
  matched: Score['matched'] | undefined,
  missing: Score['missing'],
): number | null {
  if (uris.length === 0) return null;
  let had = 0;
  for (const uri of uris) {
    const c = credit(held, uri);
    if (c.credit > 0) {
      had += c.credit;
      if (matched) matched.push(c.via ? { uri, importance, via: c.via } : { uri, importance });
    } else if (matched) missing.push({ uri, importance });
  }
  return held.size === 0 ? null : round(had / uris.length);
}

/**
 * Weighted mean of the parts that are known: an unknown part (null) drops out and the other weights
 * are renormalised. Gates (language, licence, cards, working time, commuting range) are reported, not scored.
 */
export function scoreMatch(
  seeker: SeekerSide,
  offer: OfferSide,
  /** Of the two texts; null: not compared (a pseudonymous candidate: free text moves nothing). */
  similarity: number | null,
  weights: Weights,
  relations: Relations = NO_RELATIONS,
  /** List the skills matched and missing (false: the score alone, for ranking a pool of which few hits are shown). */
  explain = true,
): Score {
  const credit = relations.skillCredit;
  const matched: Score['matched'] = explain ? [] : UNLISTED;
  const missing: Score['missing'] = explain ? [] : UNLISTED;
  const parts: Score['parts'] = {
    semantic: similarity === null ? null : round(Math.min(1, Math.max(0, similarity))),
    essential: coverage(offer.essential, 'essential', seeker.skills, credit, explain ? matched : undefined, missing),
    optional: coverage(offer.optional, 'optional', seeker.skills, credit, explain ? matched : undefined, missing),
    location: locationFit(seeker, offer),
    occupation: occupationFit(seeker.occupations, offer.occupation, relations.occupationRelation, relations.occupationGroup),
  };
  // Part by part, with no closure or loop over the keys: this runs for every record of every pool.
  let total = 0;
  let weight = 0;
  const semanticWeight = parts.occupation === null ? weights.semantic : weights.semantic * TEXT_SHARE_WITH_OCCUPATIONS;
  if (parts.semantic !== null && semanticWeight !== 0) {
    total += semanticWeight * parts.semantic;
    weight += semanticWeight;
  }
  if (parts.essential !== null && weights.essential !== 0) {
    total += weights.essential * parts.essential;
    weight += weights.essential;
  }
  if (parts.optional !== null && weights.optional !== 0) {
    total += weights.optional * parts.optional;
    weight += weights.optional;
  }
  if (parts.location !== null && weights.location !== 0) {
    total += weights.location * parts.location;
    weight += weights.location;
  }
  if (parts.occupation !== null && weights.occupation !== 0) {
    total += weights.occupation * parts.occupation;
    weight += weights.occupation;
  }
  const km = !offer.remote && seeker.municipality && offer.municipality ? locationDistance(seeker, offer) : undefined;
  const score: Score = { score: round(weight > 0 ? total / weight : 0), parts, gates: gates(seeker, offer, km), matched, missing };
  if (km !== undefined) score.distanceKm = km;
  return score;
}
