import { invalidInput } from './errors.js';
import { inClientsLine, suitsNow } from './suitability.js';
import { practicallyHeld } from './gaps/own-work.js';
import { plausibleMove } from './gaps/plausible-move.js';
import { offerRequirements } from './requirements/sides.js';
import { cardUri, licenceUri } from './requirements/vocabulary.js';
import { explainSkillGap, explainTarget, type Lang } from './explanations.js';
import { seekerSide, type MatchCache, type Matcher } from './matching.js';
import type { Embedder } from './ports.js';
import type { RecordService } from './records.js';
import { regions } from './regions/regions.js';
import type { Jobseeker, StoredJobseeker } from './jobseekers/schema.js';
import type { MatchHit } from './matches/schema.js';
import type { StoredVacancy, Vacancy } from './vacancies/schema.js';
import type { SkillNormalizer } from './taxonomy/normalizer.js';
import { skillLevel, type TrainingAdvisor, type AdviceRules, type ReachKm } from './training-advice.js';
import { matchWithSkills } from './what-if.js';
import type { Reach } from './gaps/schema.js';
import { dayOf, type Clock } from './clock.js';

export type { Reach };

export interface GapSettings {
  /** A vacancy is suitable for a client when its match score reaches this. */
  suitableScore: number;
  /** How many best-matching vacancies of the area the analysis looks at. */
  pool: number;
  /** How many missing skills are tested by recomputing the match with the skill added. */
  skillsTested: number;
  /** A vacancy within reach that no single skill opens: its missing skills are tested together when they are at most this many… */
  bundleMaxSkills: number;
  /** …for at most this many such sets (the most frequent first). */
  bundlesTested: number;
  trainingsPerSkill: number;
  /** Reuse parsed vacancies and vectors across the what-if matches of one analysis (off only to measure it). */
  reuseAcrossWhatIfs: boolean;
  /** The advice rules of issue 29 (off only to measure today's behaviour against them). */
  rules: AdviceRules & {
    /** A skill that opens no vacancy (uplift ≤ 0) is listed only when asked (`includeZero`). */
    positiveUpliftOnly: boolean;
    /** Occupations within reach only where the skills and the education make the move plausible. */
    plausibleTargets: boolean;
  };
  /** The client's reach (km) for trainings held in person. */
  reachKm: ReachKm;
  /**
   * An occupation within reach: in the ISCO-08 minor group of an occupation the client worked in, or
   * in its sub-major group when its vacancies resemble the client's profile at least this much…
   */
  targetMinSimilarity: number;
  /** …and the two occupations share at least this share of the smaller essential-skill profile (ESCO). */
  targetMinSharedSkills: number;
  /** A client whose occupation is unknown: the vacancies' similarity (above) and this share of the occupation's essential skills held. */
  targetMinOverlap: number;
}

export interface GapQuery {
  reach: Reach;
  /** Centre of the area; the client's home municipality when absent. */
  municipality?: string;
  lang: Lang;
  /** Today, for choosing training start dates (YYYY-MM-DD); the clock's day when absent. */
  today?: string;
  /** List skills that open no vacancy (uplift 0) too, after the others. */
  includeZero?: boolean;
}

/**
 * What would get a client into work: the missing skills ranked by how many more suitable
 * vacancies the client would reach with each (found by recomputing the match with the skill
 * added to the profile), the trainings that teach them, and the nearest occupations in demand.
 */
/** Within the client's commuting range, remote, or in a place they wished or would move to. */
const withinReach = (hit: MatchHit) => hit.gates.commute !== 'fail';

/** A skill the client lacks for a vacancy; `language`: the language code it stands for. */
interface Candidate {
  uri: string;
  label: string;
  importance: 'essential' | 'optional';
  language?: string;
}
interface Tested extends Candidate {
  count: number;
  essential: number;
  suitableWith: number;
  uplift: number;
  /** The other skills it was tested with (a vacancy no one of them opens alone). */
  together: Candidate[];
}

/** The client with the languages among `added` held (at "good": the level a language-for-work course aims at). */
function withLanguages(client: StoredJobseeker, added: Candidate[]): StoredJobseeker {
  const codes = added.flatMap((a) => (a.language ? [a.language] : []));
  if (codes.length === 0) return client;
  return {
    ...client,
    languages: [...new Set([...client.languages, ...codes])],
    ...(client.languageLevels ? { languageLevels: client.languageLevels.filter((l) => !codes.includes(l.code)) } : {}),
  };
}


export { skillLevel };

export class GapAnalysis {
  /** `advisor` finds the trainings for a missing skill (built in src/runtime/compose.ts with the settings' advice rules, reach and trainings per skill). */
  constructor(
    private readonly jobseekers: RecordService<Jobseeker>,
    private readonly vacancies: RecordService<Vacancy>,
    readonly matcher: Matcher,
    readonly normalizer: SkillNormalizer,
    private readonly advisor: Pick<TrainingAdvisor, 'offers'>,
    readonly embedder: Embedder,
    private readonly settings: GapSettings,
    private readonly now: Clock,
  ) {}

  /** What the training advice is asked with: the query, on the clock's day unless it names one. */
  private offerQuery(query: GapQuery) {
    return { ...query, today: query.today ?? dayOf(this.now()) };
  }

  /** The match query the analysis counts with; GET /matches with the same parameters gives the same hits. */
  matchQuery(client: StoredJobseeker, query: GapQuery) {
    const centre = regions.municipality(query.municipality ?? client.municipality)!;
    const area =
      query.reach === 'municipality' ? { municipality: centre.code } : query.reach === 'region' ? { region: centre.regionCode } : {};
    return { k: this.settings.pool, lang: query.lang, ...area };
  }

  async forJobseeker(id: string, query: GapQuery) {
    const offerQuery = this.offerQuery(query);
    const { record, vector } = await this.jobseekers.withVector(id);
    const client = record as StoredJobseeker;
    const match = this.matchQuery(client, query);
    const cache: MatchCache = { records: new Map() };
    const all = await this.matcher.vacanciesForProfile(vector, seekerSide(client), match, cache);
    // The client's own line of work (their occupation and its ISCO neighbours; any vacancy when the
    // occupation is unknown): a developer is not told to learn cleaning because cleaners are wanted.
    const inLine = (hits: MatchHit[]) => hits.filter(inClientsLine);
    // Within reach: a vacancy beyond the commuting range (not remote, not wished, the client not moving)
    // is not suitable, and what it asks for is no advice (issue 29).
    const base = inLine(all).filter(withinReach);
    const suitableNow = this.countSuitable(base);
    const spoken = new Set(client.languages.flatMap((code) => this.normalizer.languageSkill(code) ?? []));

    // Candidate skills: those the vacancies within reach miss, and the cards, licences and languages
    // whose hard requirement they fail; first those missing where the client is not yet suitable.
    const demand = new Map<string, Candidate & { count: number; essential: number; blocking: number }>();
    const needs = new Map<string, Candidate[]>();
    for (const hit of base) {
      const blocking = !this.suitable(hit);
      const need: Candidate[] = [];
      // A language both missing as a skill and failing the language requirement: one candidate, tested as a language held.
      const failed = await this.failedRequirements(hit, client, query.lang);
      const asked: Candidate[] = [...hit.missingSkills.filter((s) => !failed.some((f) => f.uri === s.uri)), ...failed];
      for (const s of asked) {
        if (spoken.has(s.uri) && !s.language) continue;
        const d = demand.get(s.uri) ?? { ...s, count: 0, essential: 0, blocking: 0 };
        if (s.language) d.language = s.language;
        d.count++;
        if (s.importance === 'essential') d.essential++;
        if (blocking) d.blocking++;
        demand.set(s.uri, d);
        if (blocking && s.importance === 'essential' && !need.some((n) => n.uri === s.uri)) need.push(d);
      }
      // No skill opens a vacancy of another working time.
      if (blocking && hit.gates.workingTime !== 'fail') needs.set(hit.id, need);
    }
    const candidates = [...demand.values()]
      .sort((a, b) => b.blocking - a.blocking || b.count - a.count || b.essential - a.essential)
      .slice(0, this.settings.skillsTested);

    const reuse = this.settings.reuseAcrossWhatIfs ? cache : undefined;
    const suitableWith = async (added: Candidate[]) =>
      this.countSuitable(inLine(await matchWithSkills(this, withLanguages(client, added), added.filter((a) => !a.language).map((a) => a.label), match, reuse)).filter(withinReach));
    const tested: Tested[] = [];
    for (const skill of candidates) {
      const n = await suitableWith([skill]);
      tested.push({ ...skill, suitableWith: n, uplift: n - suitableNow, together: [] });
    }
    // A vacancy within reach that one skill alone does not open (two essential skills missing, or a
    // card and a skill): the skills it misses, tested together.
    const opened = new Set(tested.filter((t) => t.uplift > 0).map((t) => t.uri));
    const bundles = new Map<string, { skills: Candidate[]; count: number }>();
    for (const need of needs.values()) {
      if (need.length < 2 || need.length > this.settings.bundleMaxSkills || need.some((s) => opened.has(s.uri))) continue;
      const key = need.map((s) => s.uri).sort().join(' ');
      const b = bundles.get(key) ?? { skills: need, count: 0 };
      b.count++;
      bundles.set(key, b);
    }
    const together: Tested[] = [];
    for (const b of [...bundles.values()].sort((x, y) => y.count - x.count).slice(0, this.settings.bundlesTested)) {
      const n = await suitableWith(b.skills);
      if (n <= suitableNow) continue;
      for (const s of b.skills) {
        const best = together.find((t) => t.uri === s.uri);
        if (best && best.uplift >= n - suitableNow) continue;
        if (best) together.splice(together.indexOf(best), 1);
        const d = demand.get(s.uri)!;
        together.push({ ...d, suitableWith: n, uplift: n - suitableNow, together: b.skills.filter((o) => o.uri !== s.uri) });
      }
    }
    tested.sort((a, b) => b.uplift - a.uplift || b.count - a.count);
    together.sort((a, b) => b.uplift - a.uplift || b.count - a.count);
    // A skill that opens vacancies alone first, then those that open them together with others; a skill
    // that opens no vacancy is no advice: listed only when asked, and then after the others.
    const positive = [...tested.filter((t) => t.uplift > 0), ...together.filter((t) => !opened.has(t.uri))];
    const zero = tested.filter((t) => t.uplift <= 0 && !positive.some((p) => p.uri === t.uri));
    const listed = this.settings.rules.positiveUpliftOnly && !query.includeZero ? positive : [...positive, ...zero];
    const gapSkills = new Set(positive.map((t) => t.uri));

    const level = skillLevel(client.normalized.occupations);
    const skills = [];
    for (const t of listed) {
      const trainings = await this.advisor.offers(t.uri, gapSkills, client, offerQuery);
      skills.push({
        uri: t.uri,
        label: t.label,
        demand: t.count,
        essentialIn: t.essential,
        suitableWith: t.suitableWith,
        uplift: t.uplift,
        ...(t.language ? { language: t.language } : {}),
        ...(t.together.length > 0 ? { together: t.together.map((o) => ({ uri: o.uri, label: o.label })) } : {}),
        trainings,
        explanation: [
          explainSkillGap(query.lang, { skill: t.label, demand: t.count, suitableNow, suitableWith: t.suitableWith, together: t.together.map((o) => o.label) }),
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
      targets: await this.targets(all, client, query.lang, level),
    };
  }

  /**
   * The hard requirements of a vacancy the client fails, as the skills that meet them: a required card
   * or licence (its taxonomy concept), a required language (its language skill, added to the client's
   * languages when tested).
   */
  private async failedRequirements(hit: MatchHit, client: StoredJobseeker, lang: Lang): Promise<Candidate[]> {
    const { gates } = hit;
    if (gates.cards !== 'fail' && gates.licence !== 'fail' && gates.language !== 'fail') return [];
    const vacancy = (await this.vacancies.get(hit.id)) as StoredVacancy;
    const side = seekerSide(client);
    const need = offerRequirements(vacancy);
    const out: Candidate[] = [];
    const concept = (uri: string | undefined, language?: string) => {
      if (!uri || !this.normalizer.taxonomy.skills.has(uri)) return;
      out.push({ uri, label: this.normalizer.taxonomy.label(uri, lang), importance: 'essential', ...(language ? { language } : {}) });
    };
    const known = (uri: string) => this.normalizer.taxonomy.skills.has(uri);
    if (gates.cards === 'fail') for (const id of need.cards) if (!side.cards?.has.has(id)) concept(cardUri(id, known));
    if (gates.licence === 'fail') for (const c of need.licences) if (!side.licences?.has.has(c)) concept(licenceUri(c, known));
    if (gates.language === 'fail') {
      for (const l of need.languages) {
        const held = side.languages?.get(l.code);
        if (!held || (held.exact && held.rank < l.rank)) concept(this.normalizer.languageSkill(l.code), l.code);
      }
    }
    return out;
  }

  /** The gap between a client and one vacancy: its missing skills and the trainings for them. */
  async forVacancy(jobseekerId: string, vacancyId: string, query: GapQuery) {
    const offerQuery = this.offerQuery(query);
    const { record, vector } = await this.jobseekers.withVector(jobseekerId);
    const client = record as StoredJobseeker;
    const vacancy = (await this.vacancies.get(vacancyId)) as StoredVacancy;
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
        hit.missingSkills.map(async (s) => ({ ...s, trainings: await this.advisor.offers(s.uri, gapSkills, client, offerQuery) })),
      ),
    };
  }

  /**
   * Suitable: the score and the essential skills reach the line (suitability.ts) and no hard
   * requirement fails (language, licence, cards, working time, the commuting range): what a match
   * hit's `standing` marks `suitable` (suitsNow), so that this report and the client's matches count
   * the same thing.
   */
  private suitable(hit: MatchHit) {
    return suitsNow(hit, this.settings.suitableScore);
  }

  private countSuitable(hits: MatchHit[]) {
    return hits.filter((h) => this.suitable(h)).length;
  }

  /** The nearest occupations with the most open vacancies among the best-fitting ones, and what separates the client from them. */
  private async targets(hits: MatchHit[], client: StoredJobseeker, lang: Lang, level: number | undefined) {
    const has = new Set(client.normalized.skills.map((s) => s.uri));
    const taxonomy = this.normalizer.taxonomy;
    // The occupations the client worked in (not those wished): work of these is no new occupation.
    const held = client.normalized.occupations.filter((o) => o.method !== 'wish');
    const groups = new Map<string, { label: string; hits: MatchHit[]; occupation?: string }>();
    const vacancies = (await Promise.all(hits.map((hit) => this.vacancies.get(hit.id)))) as StoredVacancy[];
    for (const [i, hit] of hits.entries()) {
      const vacancy = vacancies[i]!;
      // The occupation the vacancy was read as (its given reference resolved with its title): a given
      // ISCO code alone ("9112") names a unit group, whose first ESCO occupation says nothing of the work.
      const named = vacancy.normalized.occupation;
      if (level !== undefined && named && (skillLevel([named]) ?? level) < level) continue;
      if (named && practicallyHeld(held, named, taxonomy.occupationGroup)) continue;
      const occupation = named?.uri ? taxonomy.occupations.get(named.uri) : undefined;
      const key = occupation?.uri ?? (named?.isco ? `isco:${named.isco}` : `title:${hit.title.toLocaleLowerCase('fi')}`);
      const group = groups.get(key) ?? { label: occupation ? this.normalizer.taxonomy.label(occupation.uri, lang) : hit.title, hits: [], occupation: occupation?.uri };
      group.hits.push(hit);
      groups.set(key, group);
    }
    return [...groups.values()]
      .flatMap((g) => {
        const similarity = g.hits.reduce((s, h) => s + (h.parts.semantic ?? 0), 0) / g.hits.length;
        const occupation = g.occupation ? this.normalizer.taxonomy.occupations.get(g.occupation) : undefined;
        if (this.settings.rules.plausibleTargets) {
          // A plausible move (the education fits its level, and):
          const targetLevel = occupation ? skillLevel([{ isco: occupation.iscoGroup }]) : undefined;
          if (targetLevel !== undefined && !educationFits(targetLevel, client, level)) return [];
          if (held.length > 0) {
            if (!occupation || !plausibleMove(held, occupation, similarity, this.settings, taxonomy)) return [];
          } else {
            // An unknown occupation: the vacancies resemble the profile and the client holds a good share of
            // the occupation's essential skills (or covers the vacancies' own).
            const own = occupation && occupation.essential.length > 0 ? occupation.essential.filter((u) => has.has(u)).length / occupation.essential.length : 0;
            const covered = g.hits.reduce((s, h) => s + (h.parts.essential ?? 0), 0) / g.hits.length;
            if (similarity < this.settings.targetMinSimilarity || Math.max(own, covered) < this.settings.targetMinOverlap) return [];
          }
        }
        const missing = occupation
          ? occupation.essential.filter((s) => !has.has(s))
          : [...new Set(g.hits.flatMap((h) => h.missingSkills.filter((s) => s.importance === 'essential').map((s) => s.uri)))];
        const labels = missing.map((uri) => this.normalizer.taxonomy.label(uri, lang));
        return [{
          occupation: g.occupation ?? null,
          label: g.label,
          vacancies: g.hits.length,
          similarity: Math.round(similarity * 1000) / 1000,
          missingSkills: missing.map((uri, i) => ({ uri, label: labels[i]! })),
          explanation: explainTarget(lang, g.label, g.hits.length, labels),
        }];
      })
      .sort((a, b) => b.vacancies * b.similarity - a.vacancies * a.similarity)
      .slice(0, 5);
  }
}

/** ISCO skill level an education level qualifies for (a degree: 4; vocational or upper secondary: 2; basic: 1). */
const EDUCATION_LEVEL: Record<string, number> = { basic: 1, 'upper-secondary': 2, vocational: 2, bachelor: 4, master: 4, doctorate: 4 };

/**
 * Whether the client's education and occupation make an occupation of this ISCO skill level
 * plausible: one step up from the vocational levels (2 → 3), but a professional occupation (4)
 * needs a degree or a professional occupation already.
 */
function educationFits(target: number, client: StoredJobseeker, occupationLevel: number | undefined) {
  const level = Math.max(occupationLevel ?? 0, client.educationLevel ? EDUCATION_LEVEL[client.educationLevel]! : 0);
  if (level === 0) return target < 4;
  return target <= level || (target === 3 && level >= 2);
}

export type GapReport = Awaited<ReturnType<GapAnalysis['forJobseeker']>>;
