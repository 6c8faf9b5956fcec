import { invalidInput } from './errors.js';
import { isSuitable } from './suitability.js';
import { explainSkillGap, explainTarget, explainTraining, type Lang } from './explanations.js';
import { seekerSide, type MatchCache, type Matcher } from './matching.js';
import type { Embedder } from './ports.js';
import type { RecordService } from './records.js';
import { regions } from './regions/regions.js';
import type { Jobseeker, StoredJobseeker } from './schemas/jobseeker.js';
import type { MatchHit } from './schemas/match.js';
import type { StoredTraining } from './schemas/training.js';
import type { StoredVacancy, Vacancy } from './schemas/vacancy.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';
import type { TrainingCatalogue } from './trainings.js';
import { matchWithSkills } from './what-if.js';

export type Reach = 'municipality' | 'region' | 'country';

export interface GapSettings {
  /** A vacancy is suitable for a client when its match score reaches this. */
  suitableScore: number;
  /** How many best-matching vacancies of the area the analysis looks at. */
  pool: number;
  /** How many missing skills are tested by recomputing the match with the skill added. */
  skillsTested: number;
  trainingsPerSkill: number;
  /** Reuse parsed vacancies and vectors across the what-if matches of one analysis (off only to measure it). */
  reuseAcrossWhatIfs: boolean;
}

export const DEFAULT_GAP_SETTINGS: GapSettings = {
  suitableScore: 0.55,
  pool: 100,
  skillsTested: 10,
  trainingsPerSkill: 3,
  reuseAcrossWhatIfs: true,
};

export interface GapQuery {
  reach: Reach;
  /** Centre of the area; the client's home municipality when absent. */
  municipality?: string;
  lang: Lang;
  /** Today, for choosing training start dates (YYYY-MM-DD). */
  today?: string;
}

/**
 * What would get a client into work: the missing skills ranked by how many more suitable
 * vacancies the client would reach with each (found by recomputing the match with the skill
 * added to the profile), the trainings that teach them, and the nearest occupations in demand.
 */
/** Trainings held further than this from the client (and not online) come after those within a daily commute. */
const COMMUTE_KM = 60;

/** How a training's burden on the client adds up: one point per this many km, days waited, days long. */
const BURDEN = { kmPerPoint: 40, waitDaysPerPoint: 30, durationDaysPerPoint: 60 };

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

/** A hit in the client's line of work: the same occupation or ISCO minor group, or either side's occupation unknown. */
const isInClientsLine = (hit: MatchHit) => hit.parts.occupation === null || hit.parts.occupation >= 0.5;

export class GapAnalysis {
  private readonly trainingOccupations = new Map<string, Awaited<ReturnType<SkillNormalizer['occupationOf']>>>();

  constructor(
    private readonly jobseekers: RecordService<Jobseeker>,
    private readonly vacancies: RecordService<Vacancy>,
    readonly matcher: Matcher,
    readonly normalizer: SkillNormalizer,
    private readonly trainings: TrainingCatalogue,
    readonly embedder: Embedder,
    private readonly settings: GapSettings,
  ) {}

  /** The match query the analysis counts with; GET /matches with the same parameters gives the same hits. */
  matchQuery(client: StoredJobseeker, query: GapQuery) {
    const centre = regions.municipality(query.municipality ?? client.municipality)!;
    const area =
      query.reach === 'municipality' ? { municipality: centre.code } : query.reach === 'region' ? { region: centre.regionCode } : {};
    return { k: this.settings.pool, lang: query.lang, ...area };
  }

  async forJobseeker(id: string, query: GapQuery) {
    const { record, vector } = await this.jobseekers.withVector(id);
    const client = record as StoredJobseeker;
    const match = this.matchQuery(client, query);
    const cache: MatchCache = { records: new Map() };
    const all = await this.matcher.vacanciesForProfile(vector, seekerSide(client), match, cache);
    // The client's own line of work (their occupation and its ISCO neighbours; any vacancy when the
    // occupation is unknown): a developer is not told to learn cleaning because cleaners are wanted.
    const inLine = (hits: MatchHit[]) => hits.filter(isInClientsLine);
    const base = inLine(all);
    const suitableNow = this.countSuitable(base);
    const spoken = new Set(client.languages.flatMap((code) => this.normalizer.languageSkill(code) ?? []));

    // Candidate skills: those the best-fitting vacancies miss most often (essential first on ties).
    const demand = new Map<string, { uri: string; label: string; count: number; essential: number }>();
    for (const hit of base) {
      for (const s of hit.missingSkills) {
        if (spoken.has(s.uri)) continue;
        const d = demand.get(s.uri) ?? { uri: s.uri, label: s.label, count: 0, essential: 0 };
        d.count++;
        if (s.importance === 'essential') d.essential++;
        demand.set(s.uri, d);
      }
    }
    const candidates = [...demand.values()]
      .sort((a, b) => b.count - a.count || b.essential - a.essential)
      .slice(0, this.settings.skillsTested);

    const tested = [];
    for (const skill of candidates) {
      const reuse = this.settings.reuseAcrossWhatIfs ? cache : undefined;
      const suitableWith = this.countSuitable(inLine(await matchWithSkills(this, client, [skill.label], match, reuse)));
      tested.push({ ...skill, suitableWith, uplift: suitableWith - suitableNow });
    }
    tested.sort((a, b) => b.uplift - a.uplift || b.count - a.count);
    const gapSkills = new Set(tested.filter((t) => t.uplift > 0).map((t) => t.uri));

    const level = skillLevel(client.normalized.occupations);
    const skills = [];
    for (const t of tested) {
      const trainings = await this.trainingsFor(t.uri, gapSkills, client, query, level);
      skills.push({
        uri: t.uri,
        label: t.label,
        demand: t.count,
        essentialIn: t.essential,
        suitableWith: t.suitableWith,
        uplift: t.uplift,
        trainings,
        explanation: [
          explainSkillGap(query.lang, { skill: t.label, demand: t.count, suitableNow, suitableWith: t.suitableWith }),
          ...trainings.slice(0, 1).map((tr) => tr.explanation),
        ].join(' '),
      });
    }
    return {
      jobseeker: id,
      area: { reach: query.reach, ...('municipality' in match ? { municipality: match.municipality } : {}), ...('region' in match ? { region: match.region } : {}) },
      threshold: this.settings.suitableScore,
      considered: all.length,
      suitableNow,
      skills,
      targets: this.targets(all, client, query.lang, level),
    };
  }

  /** The gap between a client and one vacancy: its missing skills and the trainings for them. */
  async forVacancy(jobseekerId: string, vacancyId: string, query: GapQuery) {
    const { record, vector } = await this.jobseekers.withVector(jobseekerId);
    const client = record as StoredJobseeker;
    const vacancy = this.vacancies.get(vacancyId) as StoredVacancy;
    if (vacancy.status !== 'open') throw invalidInput([{ field: 'vacancy', message: `vacancy '${vacancyId}' is closed` }]);
    // Score the vacancy exactly as the match endpoint would: among its municipality's vacancies.
    const k = this.vacancies.matchableLabels({ municipalities: [vacancy.municipality] }).length;
    const hits = await this.matcher.vacanciesForProfile(vector, seekerSide(client), { k, lang: query.lang, municipality: vacancy.municipality });
    const hit = hits.find((h) => h.id === vacancyId)!;
    const gapSkills = new Set(hit.missingSkills.map((s) => s.uri));
    return {
      jobseeker: jobseekerId,
      vacancy: vacancyId,
      score: hit.score,
      parts: hit.parts,
      gates: hit.gates,
      matchedSkills: hit.matchedSkills,
      missingSkills: await Promise.all(
        hit.missingSkills.map(async (s) => ({ ...s, trainings: await this.trainingsFor(s.uri, gapSkills, client, query, skillLevel(client.normalized.occupations)) })),
      ),
    };
  }

  private countSuitable(hits: MatchHit[]) {
    return hits.filter((h) => isSuitable(h, this.settings.suitableScore)).length;
  }

  /**
   * Trainings teaching the skill, best first: taught in a language the client works in, within a
   * daily commute (60 km) or online, covering most of the client's gap, then the least burden — distance in km from the client (online:
   * none), days until the next start, and length; never a programme for an occupation below the
   * client's qualification (a registered nurse is not sent to practical-nurse training).
   */
  private async trainingsFor(uri: string, gap: Set<string>, client: StoredJobseeker, query: GapQuery, level: number | undefined) {
    const today = query.today ?? new Date().toISOString().slice(0, 10);
    const centre = regions.municipality(query.municipality ?? client.municipality)!;
    const spoken = new Set(client.languages.length > 0 ? client.languages : ['fi']);
    const ranked = [];
    for (const t of this.trainings.teaching(uri)) {
      if (level !== undefined && t.kind === 'vocational') {
        const trainsFor = await this.trainingOccupation(t);
        const target = trainsFor && skillLevel([trainsFor]);
        if (target !== undefined && target < level) continue;
      }
      const covers = t.normalized.skills.filter((s) => s.uri === uri || gap.has(s.uri)).map((s) => s.uri);
      const km = t.online || !t.municipality ? 0 : (regions.distanceKm(centre.code, t.municipality) ?? 500);
      const start = t.startDates.length === 0 ? today : t.startDates.filter((d) => d >= today).sort()[0];
      if (start === undefined) continue;
      const waitDays = (Date.parse(start) - Date.parse(today)) / 86_400_000;
      const burden = km / BURDEN.kmPerPoint + waitDays / BURDEN.waitDaysPerPoint + t.durationDays / BURDEN.durationDaysPerPoint;
      ranked.push({ t, covers, km, start, burden, understood: spoken.has(t.language), reachable: km <= COMMUTE_KM });
    }
    return ranked
      .sort(
        (a, b) =>
          Number(b.understood) - Number(a.understood) ||
          Number(b.reachable) - Number(a.reachable) ||
          b.covers.length - a.covers.length ||
          a.burden - b.burden,
      )
      .slice(0, this.settings.trainingsPerSkill)
      .map(({ t, covers, km, start }) => ({
        id: t.id,
        title: t.title,
        provider: t.provider,
        ...(t.municipality ? { municipality: t.municipality } : {}),
        online: t.online,
        durationDays: t.durationDays,
        cost: t.cost,
        language: t.language,
        nextStart: t.startDates.length === 0 ? null : start,
        distance: (t.online || km === 0 ? 'local or online' : t.region === centre.regionCode ? 'same region' : 'further away') as
          | 'local or online'
          | 'same region'
          | 'further away',
        distanceKm: Math.round(km),
        covers: covers.map((c) => ({ uri: c, label: this.normalizer.taxonomy.label(c, query.lang) })),
        explanation: explainTraining(query.lang, {
          title: t.title,
          provider: t.provider,
          place: t.online ? undefined : regions.municipality(t.municipality!)?.nameFi,
          durationDays: t.durationDays,
          start: t.startDates.length === 0 ? undefined : start,
        }),
      }));
  }

  /** The occupation a vocational programme trains for, read from its title (cached per training). */
  private async trainingOccupation(t: StoredTraining) {
    const key = `${t.id}|${t.updatedAt}`;
    if (!this.trainingOccupations.has(key)) this.trainingOccupations.set(key, await this.normalizer.occupationOf(t.title, undefined, t.language));
    return this.trainingOccupations.get(key);
  }

  /** The nearest occupations with the most open vacancies among the best-fitting ones, and what separates the client from them. */
  private targets(hits: MatchHit[], client: StoredJobseeker, lang: Lang, level: number | undefined) {
    const has = new Set(client.normalized.skills.map((s) => s.uri));
    const groups = new Map<string, { label: string; hits: MatchHit[]; occupation?: string }>();
    for (const hit of hits) {
      const vacancy = this.vacancies.get(hit.id) as StoredVacancy;
      const named = vacancy.normalized.occupation;
      if (level !== undefined && named && (skillLevel([named]) ?? level) < level) continue;
      const occupation = vacancy.occupation ? this.normalizer.taxonomy.occupationFor(vacancy.occupation) : named?.uri ? this.normalizer.taxonomy.occupations.get(named.uri) : undefined;
      const key = occupation?.uri ?? `title:${hit.title.toLocaleLowerCase('fi')}`;
      const group = groups.get(key) ?? { label: occupation ? this.normalizer.taxonomy.label(occupation.uri, lang) : hit.title, hits: [], occupation: occupation?.uri };
      group.hits.push(hit);
      groups.set(key, group);
    }
    return [...groups.values()]
      .map((g) => {
        const similarity = g.hits.reduce((s, h) => s + (h.parts.semantic ?? 0), 0) / g.hits.length;
        const occupation = g.occupation ? this.normalizer.taxonomy.occupations.get(g.occupation) : undefined;
        const missing = occupation
          ? occupation.essential.filter((s) => !has.has(s))
          : [...new Set(g.hits.flatMap((h) => h.missingSkills.filter((s) => s.importance === 'essential').map((s) => s.uri)))];
        const labels = missing.map((uri) => this.normalizer.taxonomy.label(uri, lang));
        return {
          occupation: g.occupation ?? null,
          label: g.label,
          vacancies: g.hits.length,
          similarity: Math.round(similarity * 1000) / 1000,
          missingSkills: missing.map((uri, i) => ({ uri, label: labels[i]! })),
          explanation: explainTarget(lang, g.label, g.hits.length, labels),
        };
      })
      .sort((a, b) => b.vacancies * b.similarity - a.vacancies * a.similarity)
      .slice(0, 5);
  }
}

export type GapReport = Awaited<ReturnType<GapAnalysis['forJobseeker']>>;
export type { StoredTraining };
