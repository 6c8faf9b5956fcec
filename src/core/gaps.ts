import { invalidInput } from './errors.js';
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
export class GapAnalysis {
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
    const base = await this.matcher.vacanciesForProfile(vector, seekerSide(client), match, cache);
    const suitableNow = this.countSuitable(base);

    // Candidate skills: those the best-fitting vacancies miss most often (essential first on ties).
    const demand = new Map<string, { uri: string; label: string; count: number; essential: number }>();
    for (const hit of base) {
      for (const s of hit.missingSkills) {
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
      const suitableWith = this.countSuitable(await matchWithSkills(this, client, [skill.label], match, reuse));
      tested.push({ ...skill, suitableWith, uplift: suitableWith - suitableNow });
    }
    tested.sort((a, b) => b.uplift - a.uplift || b.count - a.count);
    const gapSkills = new Set(tested.filter((t) => t.uplift > 0).map((t) => t.uri));

    const skills = tested.map((t) => {
      const trainings = this.trainingsFor(t.uri, gapSkills, client, query);
      return {
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
      };
    });
    return {
      jobseeker: id,
      area: { reach: query.reach, ...('municipality' in match ? { municipality: match.municipality } : {}), ...('region' in match ? { region: match.region } : {}) },
      threshold: this.settings.suitableScore,
      considered: base.length,
      suitableNow,
      skills,
      targets: this.targets(base, client, query.lang),
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
      missingSkills: hit.missingSkills.map((s) => ({ ...s, trainings: this.trainingsFor(s.uri, gapSkills, client, query) })),
    };
  }

  private countSuitable(hits: MatchHit[]) {
    return hits.filter((h) => h.score >= this.settings.suitableScore).length;
  }

  /** Trainings teaching the skill: most of the client's gap covered, nearest, soonest, shortest first. */
  private trainingsFor(uri: string, gap: Set<string>, client: StoredJobseeker, query: GapQuery) {
    const today = query.today ?? new Date().toISOString().slice(0, 10);
    const centre = regions.municipality(query.municipality ?? client.municipality)!;
    const ranked = this.trainings.teaching(uri).map((t) => {
      const covers = t.normalized.skills.filter((s) => s.uri === uri || gap.has(s.uri)).map((s) => s.uri);
      const distance = t.online || t.municipality === centre.code ? 0 : t.region === centre.regionCode ? 1 : 2;
      const start = t.startDates.filter((d) => d >= today).sort()[0];
      return { t, covers, distance, start: t.startDates.length === 0 ? today : start };
    });
    return ranked
      .filter((r) => r.start !== undefined)
      .sort(
        (a, b) =>
          b.covers.length - a.covers.length ||
          a.distance - b.distance ||
          a.start!.localeCompare(b.start!) ||
          a.t.durationDays - b.t.durationDays,
      )
      .slice(0, this.settings.trainingsPerSkill)
      .map(({ t, covers, distance, start }) => ({
        id: t.id,
        title: t.title,
        provider: t.provider,
        ...(t.municipality ? { municipality: t.municipality } : {}),
        online: t.online,
        durationDays: t.durationDays,
        cost: t.cost,
        nextStart: t.startDates.length === 0 ? null : start!,
        distance: (['local or online', 'same region', 'further away'] as const)[distance]!,
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

  /** The nearest occupations with the most open vacancies among the best-fitting ones, and what separates the client from them. */
  private targets(hits: MatchHit[], client: StoredJobseeker, lang: Lang) {
    const has = new Set(client.normalized.skills.map((s) => s.uri));
    const groups = new Map<string, { label: string; hits: MatchHit[]; occupation?: string }>();
    for (const hit of hits) {
      const vacancy = this.vacancies.get(hit.id) as StoredVacancy;
      const occupation = vacancy.occupation ? this.normalizer.taxonomy.occupationFor(vacancy.occupation) : undefined;
      const key = occupation?.uri ?? `title:${hit.title.toLocaleLowerCase('fi')}`;
      const group = groups.get(key) ?? { label: occupation ? this.normalizer.taxonomy.label(occupation.uri, lang) : hit.title, hits: [], occupation: occupation?.uri };
      group.hits.push(hit);
      groups.set(key, group);
    }
    return [...groups.values()]
      .map((g) => {
        const similarity = g.hits.reduce((s, h) => s + h.parts.semantic, 0) / g.hits.length;
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
