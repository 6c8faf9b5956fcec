import { explainTraining, type Lang } from './explanations.js';
import { regions } from './regions/regions.js';
import type { StoredJobseeker } from './jobseekers/schema.js';
import type { OccupationRef } from './schemas/skills.js';
import type { StoredTraining, TrainingKind } from './trainings/schema.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';
import type { TrainingCatalogue } from './trainings.js';
import { commuteOf, ROAD_FACTOR } from './commute.js';
import type { OfferReason } from './gaps/schema.js';

/**
 * Which trainings a counsellor is offered for a client's missing skill, and in which order (issue 29):
 * only labour-market training the employment service can buy, within the client's reach or online,
 * never a programme for an occupation the client already holds; a short course before a programme,
 * a language-for-work course first for a language.
 */

/** The client's reach for trainings held in person, in straight-line km between municipality centres. */
export type ReachKm = (client: StoredJobseeker) => number;
/**
 * A training held in person is within reach when it lies within the client's commuting range (their
 * own, or the default of their home municipality's type: see commute.ts), the range being road km.
 */
export const defaultReachKm: ReachKm = (client) => commuteOf(client).rangeKm / ROAD_FACTOR;

/** A course that is not a programme and shorter than this (working days) is a short targeted course. */
export const SHORT_COURSE_DAYS = 60;

/** How a training's burden on the client adds up: one point per this many km, days waited, days long. */
const BURDEN = { kmPerPoint: 40, waitDaysPerPoint: 30, durationDaysPerPoint: 60 };

/**
 * Qualification level of a programme: perustutkinto 1, ammattitutkinto 2, erikoisammattitutkinto 3, a
 * higher-education degree 4; an apprenticeship (oppisopimus) counts as the vocational qualification it
 * most often leads to. Short courses are no programme.
 */
const PROGRAMME_LEVEL: Partial<Record<TrainingKind, number>> = {
  'vocational-qualification': 1,
  apprenticeship: 1,
  'further-vocational': 2,
  'specialist-vocational': 3,
  'degree-programme': 4,
};
export const isProgramme = (kind: TrainingKind) => PROGRAMME_LEVEL[kind] !== undefined;

/**
 * ISCO-08 skill level of the highest of these occupations (1 elementary … 4 professional, by major
 * group: 1–2 → 4, 3 → 3, 4–8 → 2, 9 → 1); undefined when none is known.
 */
export function skillLevel(occupations: { isco?: string }[]): number | undefined {
  const levels = occupations.flatMap((o) => {
    const major = o.isco?.[0];
    if (!major || major === '0') return [];
    return [major <= '2' ? 4 : major === '3' ? 3 : major === '9' ? 1 : 2];
  });
  return levels.length === 0 ? undefined : Math.max(...levels);
}

/** The programme level a holder of an occupation of this ISCO skill level is qualified at (4: a degree; 3: ammattitutkinto; else perustutkinto). */
/** How far a training is for a client: at home or online, in the client's region, or further. */
const distanceOf = (t: { online: boolean; region?: string }, km: number, clientRegion: string): 'local or online' | 'same region' | 'further away' =>
  t.online || km === 0 ? 'local or online' : t.region === clientRegion ? 'same region' : 'further away';

const qualifiedAt = (iscoLevel: number) => (iscoLevel === 4 ? 4 : iscoLevel === 3 ? 2 : 1);

const sameOccupation = (a: { uri?: string; isco?: string }, b: { uri?: string; isco?: string }) =>
  (a.uri !== undefined && a.uri === b.uri) || (a.isco !== undefined && a.isco.length === 4 && a.isco === b.isco);

/**
 * Whether a public employment service can buy the training as labour-market training: never a
 * higher-education degree, and never a programme qualifying for a profession that needs one (ISCO
 * skill level 4: physicians, registered nurses, teachers…); their updating courses it can buy.
 */
export function buyable(kind: TrainingKind, target: OccupationRef | undefined): boolean {
  if (kind === 'degree-programme') return false;
  return !(isProgramme(kind) && target !== undefined && skillLevel([target]) === 4);
}

/**
 * A programme for an occupation the client already holds (the title's occupation or its ISCO unit
 * group, not a wish) at the same or a higher level, or for an occupation below the client's ISCO
 * skill level (a registered nurse is not sent to practical-nurse training).
 */
export function belowClient(kind: TrainingKind, target: OccupationRef | undefined, client: StoredJobseeker): boolean {
  const level = PROGRAMME_LEVEL[kind];
  if (level === undefined || target === undefined) return false;
  const held = client.normalized.occupations.filter((o) => o.method !== 'wish');
  const targetIsco = skillLevel([target]);
  const clientIsco = skillLevel(client.normalized.occupations);
  if (targetIsco !== undefined && clientIsco !== undefined && targetIsco < clientIsco) return true;
  return held.some((o) => sameOccupation(o, target) && level <= qualifiedAt(skillLevel([o]) ?? 2));
}

/** Each rule can be switched off to measure today's behaviour against it (benchmarks/advice.ts). */
export interface AdviceRules {
  /** No programme for an occupation the client holds at the same or a higher level (without: only none below the client's ISCO level). */
  ownOccupation: boolean;
  /** Only labour-market training an employment service can buy. */
  buyableOnly: boolean;
  /** Only trainings within the client's reach or online (without: those first). */
  withinReach: boolean;
  /** A language-for-work course first for a language, a short course before a programme. */
  shortFirst: boolean;
}
export const ADVICE_RULES: AdviceRules = { ownOccupation: true, buyableOnly: true, withinReach: true, shortFirst: true };
export const NO_ADVICE_RULES: AdviceRules = { ownOccupation: false, buyableOnly: false, withinReach: false, shortFirst: false };

/** Why an offer is where it is: a language course for a language, a short course, online, or near the client. */
export type { OfferReason };

export interface OfferQuery {
  lang: Lang;
  /** Centre the distances are measured from; the client's home municipality when absent. */
  municipality?: string;
  /** YYYY-MM-DD: trainings whose starts are past are not offered. */
  today: string;
}

export class TrainingAdvisor {
  private readonly targets = new Map<string, OccupationRef | undefined>();

  constructor(
    private readonly trainings: TrainingCatalogue,
    private readonly normalizer: SkillNormalizer,
    private readonly rules: AdviceRules,
    private readonly reachKm: ReachKm,
    private readonly perSkill: number,
  ) {}

  /**
   * Trainings teaching the skill, best first: taught in a language the client works in; a
   * language-for-work course for a language and a short course before a programme; covering most of
   * the client's gap; then the least burden (distance, days until the next start, length).
   */
  async offers(uri: string, gap: Set<string>, client: StoredJobseeker, query: OfferQuery) {
    const today = query.today;
    const centre = regions.municipality(query.municipality ?? client.municipality)!;
    const spoken = new Set(client.languages.length > 0 ? client.languages : ['fi']);
    const reach = this.reachKm(client);
    const ranked = [];
    for (const t of this.trainings.teaching(uri)) {
      const target = isProgramme(t.kind) ? await this.target(t) : undefined;
      if (this.rules.buyableOnly && !buyable(t.kind, target)) continue;
      if (this.rules.ownOccupation ? belowClient(t.kind, target, client) : belowLevel(t, target, client)) continue;
      const km = t.online || !t.municipality ? 0 : (regions.distanceKm(centre.code, t.municipality) ?? 500);
      const reachable = t.online || km <= reach;
      if (this.rules.withinReach && !reachable) continue;
      const start = t.startDates.length === 0 ? today : t.startDates.filter((d) => d >= today).sort()[0];
      if (start === undefined) continue;
      const covers = t.normalized.skills.filter((s) => s.uri === uri || gap.has(s.uri)).map((s) => s.uri);
      const waitDays = (Date.parse(start) - Date.parse(today)) / 86_400_000;
      const burden = km / BURDEN.kmPerPoint + waitDays / BURDEN.waitDaysPerPoint + t.durationDays / BURDEN.durationDaysPerPoint;
      // A language-for-work course teaching the skill: the skill is a language, and the course is the answer to it.
      const languageCourse = t.kind === 'language-for-work';
      const short = !isProgramme(t.kind) && t.durationDays < SHORT_COURSE_DAYS;
      const reason: OfferReason = languageCourse ? 'language-for-work' : short ? 'short-course' : t.online ? 'online' : 'near';
      ranked.push({ t, covers, km, start, burden, reason, languageCourse, short, understood: spoken.has(t.language), reachable });
    }
    const first = this.rules.shortFirst;
    return ranked
      .sort(
        (a, b) =>
          Number(b.understood) - Number(a.understood) ||
          Number(b.reachable) - Number(a.reachable) ||
          (first ? Number(b.languageCourse) - Number(a.languageCourse) || Number(b.short) - Number(a.short) : 0) ||
          b.covers.length - a.covers.length ||
          a.burden - b.burden,
      )
      .slice(0, this.perSkill)
      .map(({ t, covers, km, start, reason }) => ({
        id: t.id,
        title: t.title,
        provider: t.provider,
        kind: t.kind,
        ...(t.municipality ? { municipality: t.municipality } : {}),
        online: t.online,
        durationDays: t.durationDays,
        cost: t.cost,
        language: t.language,
        nextStart: t.startDates.length === 0 ? null : start,
        distance: distanceOf(t, km, centre.regionCode),
        distanceKm: Math.round(km),
        reason,
        covers: covers.map((c) => ({ uri: c, label: this.normalizer.taxonomy.label(c, query.lang) })),
        explanation: explainTraining(query.lang, {
          title: t.title,
          provider: t.provider,
          place: t.online ? undefined : regions.municipalityName(t.municipality!, query.lang),
          durationDays: t.durationDays,
          start: t.startDates.length === 0 ? undefined : start,
        }),
      }));
  }

  /** The occupation a programme qualifies for: its `occupation`, else read from its title (cached per training). */
  async target(t: StoredTraining): Promise<OccupationRef | undefined> {
    const key = `${t.id}|${t.updatedAt}`;
    if (!this.targets.has(key)) this.targets.set(key, await this.normalizer.occupationOf(t.title, t.occupation, t.language));
    return this.targets.get(key);
  }
}

/** Today's rule without `ownOccupation`: only a programme for an occupation below the client's ISCO skill level is left out. */
function belowLevel(t: StoredTraining, target: OccupationRef | undefined, client: StoredJobseeker) {
  const level = skillLevel(client.normalized.occupations);
  const trainsFor = target && skillLevel([target]);
  return isProgramme(t.kind) && level !== undefined && trainsFor !== undefined && trainsFor < level;
}

export type TrainingOffer = Awaited<ReturnType<TrainingAdvisor['offers']>>[number];
