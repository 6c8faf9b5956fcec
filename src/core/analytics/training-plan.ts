import { explainPlanPick, type Lang } from '../explanations.js';
import { suitsNow } from '../suitability.js';
import { seekerSide, type MatchCache, type Matcher } from '../matching.js';
import type { AnalyticsSource, Embedder } from '../ports.js';
import type { RecordService } from '../records.js';
import type { Jobseeker, StoredJobseeker } from '../jobseekers/schema.js';
import type { StoredTraining } from '../trainings/schema.js';
import type { SkillNormalizer } from '../taxonomy/normalizer.js';
import type { TrainingCatalogue } from '../trainings.js';
import type { AnalysisArea, Budget, PlanObjective } from './schema.js';
import { matchWithSkills } from '../what-if.js';
import { longTermSince } from './demand-supply.js';
import { evenSample } from './mismatch.js';
import { estimatedGain, expectedGain, type ExpectedGain, type TrainingEvidence, type TrainingEvidenceSettings } from './training-evidence.js';
import type { PublishedEffect } from '../what-works/published-effects.js';

export interface TrainingPlanSettings {
  suitableScore: number;
  /** Clients of the area examined (long-term unemployed first), each with a full match. */
  clientsExamined: number;
  /** Missing skills per client for which trainings are tried. */
  skillsPerClient: number;
  /** Trainings tried per missing skill. */
  trainingsPerSkill: number;
  /** Vacancies of the area each match looks at. */
  pool: number;
  /** How a place's expected employment gain is found (see training-evidence.ts). */
  evidence: TrainingEvidenceSettings;
}

export type { Budget };

/**
 * What the plan buys most of per euro (or place): `employment`, the expected employment gain (measured
 * where the outcomes suffice, else estimated from the vacancies a place opens); `vacancies`, the
 * vacancies newly put within reach (the plan before issue 33, a proxy no outcome checks).
 */
export type { PlanObjective };

/** Why a plan stopped before the budget was spent (the web app translates these). */
const STOPPED: Record<PlanObjective, { tooDear: string; nothing: string }> = {
  vacancies: { tooDear: 'the rest of the budget buys no further place that opens vacancies', nothing: 'no further place opens vacancies' },
  employment: { tooDear: 'the rest of the budget buys no further place expected to raise employment', nothing: 'no further place is expected to raise employment' },
};

export interface PlanQuery {
  budget: Budget;
  /** Default `employment`. */
  objective?: PlanObjective;
  lang: Lang;
  today: string;
}

/** One client proposed for one training, with the vacancies the training puts within their reach. */
export interface Assignment {
  jobseeker: string;
  training: string;
  /** Vacancies suitable for the client after the training and not before (ids). */
  opens: string[];
  /** Of those, the ones no other pick opened before this one: what the pick adds to the plan. */
  adds: string[];
  /** The employment gain expected of the place, and whether it rests on measured outcomes. */
  expected: ExpectedGain;
}

/**
 * Which trainings to buy in an area and for how many clients, to put the most open vacancies
 * within reach. For a sample of the area's clients (long-term unemployed first), the trainings
 * teaching the skills their nearest vacancies miss are tried by recomputing the client's match
 * with the taught skills added (as the gap analysis does); then a greedy set cover picks
 * client–training pairs by vacancies added per place or per euro until the budget is spent.
 */
export class TrainingPlanner {
  constructor(
    private readonly source: AnalyticsSource,
    private readonly jobseekers: RecordService<Jobseeker>,
    readonly matcher: Matcher,
    readonly normalizer: SkillNormalizer,
    private readonly trainings: TrainingCatalogue,
    readonly embedder: Embedder,
    private readonly settings: TrainingPlanSettings,
    /** The measured effects (none: every pick is estimated). */
    private readonly evidence?: TrainingEvidence,
  ) {}

  async plan(area: AnalysisArea, query: PlanQuery) {
    const filter = { municipalities: area.municipalities };
    const within = area.municipalities;
    const match = { k: this.settings.pool, lang: query.lang, area: within };
    // Long-term unemployed first (an even sample of them if they alone exceed the limit), then others.
    const longTerm = await this.source.jobseekerIds(filter, longTermSince(query.today));
    const isLongTerm = new Set(longTerm);
    const first = evenSample(longTerm, this.settings.clientsExamined);
    const others = (await this.source.jobseekerIds(filter)).filter((id) => !isLongTerm.has(id));
    const clients = [...first, ...evenSample(others, this.settings.clientsExamined - first.length)];
    const cache: MatchCache = { records: new Map() };
    const candidates: { jobseeker: string; training: StoredTraining; opens: string[] }[] = [];
    for (const id of clients) {
      const { record, vector } = await this.jobseekers.withVector(id);
      const client = record as StoredJobseeker;
      const before = await this.matcher.vacanciesForProfile(vector, seekerSide(client), match, cache);
      const suitable = new Set(before.filter((h) => suitsNow(h, this.settings.suitableScore)).map((h) => h.id));
      const missing = new Map<string, number>();
      for (const hit of before) if (!suitable.has(hit.id)) for (const s of hit.missingSkills) missing.set(s.uri, (missing.get(s.uri) ?? 0) + 1);
      const skills = [...missing].sort((a, b) => b[1] - a[1]).slice(0, this.settings.skillsPerClient).map(([uri]) => uri);
      const tried = new Set<string>();
      for (const uri of skills) {
        for (const training of this.available(uri, client, area, missing)) {
          if (tried.has(training.id)) continue;
          tried.add(training.id);
          const after = await matchWithSkills(this, client, trainedSkills(training, this.normalizer), match, cache);
          const opens = after.filter((h) => suitsNow(h, this.settings.suitableScore) && !suitable.has(h.id)).map((h) => h.id);
          if (opens.length > 0) candidates.push({ jobseeker: id, training, opens });
        }
      }
    }

    // Greedy: the pair adding the most per unit of budget — vacancies not yet opened (a set cover), or
    // expected employment gain (measured, shrunk toward the estimate from the vacancies it adds).
    const objective = query.objective ?? 'employment';
    const measured: Map<string, PublishedEffect> = this.evidence ? await this.evidence.measured(area, query.today) : new Map();
    const ev = this.settings.evidence;
    const expect = (training: StoredTraining, adds: string[]) => expectedGain(estimatedGain(adds.length, ev), measured.get(training.id), ev.priorParticipants);
    const costOf = (t: StoredTraining) => ('places' in query.budget ? 1 : t.cost);
    const given = 'places' in query.budget ? query.budget.places : query.budget.euros;
    let left = given;
    const opened = new Set<string>();
    const assigned = new Set<string>();
    const picks: Assignment[] = [];
    let stoppedBecause: string = STOPPED[objective].nothing;
    for (;;) {
      let best: { c: (typeof candidates)[number]; adds: string[]; expected: ExpectedGain; value: number } | undefined;
      let tooDear = false;
      for (const c of candidates) {
        if (assigned.has(c.jobseeker)) continue;
        const adds = c.opens.filter((v) => !opened.has(v));
        const expected = expect(c.training, adds);
        if (objective === 'vacancies' ? adds.length === 0 : expected.gain <= 0) continue;
        if (costOf(c.training) > left) {
          tooDear = true;
          continue;
        }
        const value = (objective === 'vacancies' ? adds.length : expected.gain) / Math.max(costOf(c.training), 1e-9);
        if (!best || value > best.value || (value === best.value && adds.length > best.adds.length)) best = { c, adds, expected, value };
      }
      if (!best) {
        stoppedBecause = left <= 0 ? 'budget spent' : tooDear ? STOPPED[objective].tooDear : STOPPED[objective].nothing;
        break;
      }
      picks.push({ jobseeker: best.c.jobseeker, training: best.c.training.id, opens: best.c.opens, adds: best.adds, expected: best.expected });
      assigned.add(best.c.jobseeker);
      for (const v of best.adds) opened.add(v);
      left -= costOf(best.c.training);
    }
    // Per training, what a place typically brings, over every client it was tried for (all candidate pairs,
    // whatever the budget): the published plan shows this rather than the exact picks' figures, which changed
    // with every pick and so told the number of picks to a budget swept a euro at a time (published-plan.ts).
    const typical = new Map<string, { opens: number; expected: ExpectedGain }>();
    for (const id of new Set(picks.map((p) => p.training))) {
      const pairs = candidates.filter((c) => c.training.id === id);
      const opens = Math.round((pairs.reduce((s, c) => s + c.opens.length, 0) / pairs.length) * 10) / 10;
      typical.set(id, { opens, expected: expectedGain(estimatedGain(opens, ev), measured.get(id), ev.priorParticipants) });
    }
    const summary = this.summarise(picks, query, typical);
    const spent = 'places' in query.budget ? summary.places : summary.cost;
    return {
      area,
      objective,
      clientsExamined: clients.length,
      candidatePairs: candidates.length,
      picks,
      ...summary,
      budget: { unit: 'places' in query.budget ? ('places' as const) : ('euros' as const), given, spent, unspent: given - spent, stoppedBecause },
    };
  }

  /** The picks grouped by training, in the order first picked: what the planner buys. */
  private summarise(picks: Assignment[], query: PlanQuery, typical: Map<string, { opens: number; expected: ExpectedGain }>) {
    const byTraining = new Map<string, Assignment[]>();
    for (const p of picks) byTraining.set(p.training, [...(byTraining.get(p.training) ?? []), p]);
    const purchases = [...byTraining].map(([id, group]) => {
      const t = this.trainings.get(id);
      const vacancies = group.reduce((s, p) => s + p.adds.length, 0);
      const gain = group.reduce((s, p) => s + p.expected.gain, 0);
      const { basis, participants } = group[0]!.expected;
      const skills = t.normalized.skills.map((s) => this.normalizer.taxonomy.label(s.uri, query.lang));
      const effect = { basis, participants: basis === 'measured' ? participants : null, perPlace: Math.round((gain / group.length) * 100) / 100 + 0 };
      return {
        training: { id: t.id, title: t.title, provider: t.provider, ...(t.municipality ? { municipality: t.municipality } : {}), online: t.online, costPerPlace: t.cost },
        places: group.length,
        cost: group.length * t.cost,
        vacanciesOpened: vacancies,
        expectedEmployed: Math.round(gain * 10) / 10,
        effect,
        /** Per place, over every client the training was tried for (not the picks): vacancies it opens and the expected gain. */
        typical: typical.get(id)!,
        /** The skills it teaches, in the plan's language (for the published explanation). */
        skills,
        explanation: explainPlanPick(query.lang, { title: t.title, provider: t.provider, places: group.length, cost: group.length * t.cost, vacancies, skills, effect }),
      };
    });
    return {
      purchases,
      places: picks.length,
      cost: purchases.reduce((s, p) => s + p.cost, 0),
      vacanciesOpened: new Set(picks.flatMap((p) => p.adds)).size,
      expectedEmployed: Math.round(picks.reduce((s, p) => s + p.expected.gain, 0) * 10) / 10,
    };
  }

  /**
   * Trainings teaching the skill that the client can attend (online, in the area or in the client's
   * region) and that the area buys: a course without a price is already paid for (free to the client
   * or funded elsewhere), so it adds no capacity to purchase and is never a pick.
   */
  private available(uri: string, client: StoredJobseeker, area: AnalysisArea, missing: Map<string, number>) {
    const inArea = (m?: string) => m !== undefined && (area.municipalities === undefined || area.municipalities.includes(m));
    return this.trainings
      .teaching(uri)
      .filter((t) => t.cost > 0 && (t.online || inArea(t.municipality) || t.region === client.region))
      .map((t) => ({ t, covers: t.normalized.skills.filter((s) => missing.has(s.uri)).length }))
      .sort((a, b) => b.covers - a.covers || a.t.cost - b.t.cost || a.t.id.localeCompare(b.t.id))
      .slice(0, this.settings.trainingsPerSkill)
      .map(({ t }) => t);
  }
}

/** The skills a training teaches, as labels to add to a profile (in the training's language). */
export function trainedSkills(training: StoredTraining, normalizer: SkillNormalizer): string[] {
  return training.normalized.skills.map((s) => normalizer.taxonomy.label(s.uri, training.language ?? 'fi'));
}
