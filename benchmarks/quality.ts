/**
 * Match and taxonomy search quality, each against baselines run beside it.
 *
 * 1. Matches: the hand-written labelled set (benchmarks/quality/) loaded through the engine (real
 *    SQLite, HNSW, normaliser) into a temporary data directory beside the 2,400 + 2,400 fixture
 *    records, once with the lexical fallback and
 *    once with the shipped model. The queries are the hand-written records; every record ranked is
 *    judged (fixture records by the occupation the generator gave them, see match-set.ts). Each
 *    ranking asks for the top 200 (the most the API gives); nDCG@10 and MRR (first hit graded ≥ 2)
 *    for client → vacancies and vacancy → candidates, overall and split
 *    same-/cross-language (the other split's relevant items left out of the list), against text-only
 *    ranking (the vector index alone) and BM25 over all records' texts. Also: expired or closed
 *    vacancies in the top 10 (target 0).
 * 2. Taxonomy search on ESCO (../shared/esco): for concepts held out (benchmarks/held-out.ts), their
 *    Finnish or Swedish label, or one English alternative label, is removed from the searched labels
 *    and used as the query (fi→concept, sv→concept, en altLabel→concept). MRR@20 and empty answers
 *    for BM25, character trigram TF-IDF, ConceptSearch without and with the model.
 *
 *   npm run bench:quality                       # both parts
 *   npm run bench:quality -- --only matches     # or taxonomy
 *   npm run bench:quality -- --tune             # also grid-search the score weights (slow)
 *   npm run bench:quality -- --limit 200        # taxonomy queries per condition
 *   npm run bench:quality -- --concepts 500     # only the first 500 concepts of each kind (smoke runs)
 *   npm run bench:quality -- --embedders lexical  # the match part with the lexical fallback only (smoke runs)
 *   npm run bench:quality -- --only taxonomy --taxonomy taxonomy/esco-1.1.1 --extension taxonomy/local-extension.csv
 *                                               # taxonomy search on another ESCO folder (default ../shared/esco, no extension)
 * The match part uses the service's taxonomy settings (KOHTAANTO_TAXONOMY_DIR, KOHTAANTO_TAXONOMY_EXTENSION).
 *
 * Prints Markdown tables and writes benchmarks/results/quality-<date>-<machine>.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MATCH_SETTINGS, DEFAULT_WEIGHTS, loadConfig } from '../src/config.js';
import { Matcher } from '../src/core/matching.js';
import type { Weights } from '../src/core/scoring.js';
import type { Jobseeker } from '../src/core/jobseekers/schema.js';
import type { StoredVacancy, Vacancy } from '../src/core/vacancies/schema.js';
import { Bm25Index } from '../src/core/taxonomy/bm25.js';
import { openEngine, type Engine } from '../src/engine.js';
import {
  fixtureJobseekers,
  fixtureVacancies,
  grade,
  gradeCommute,
  isLive,
  JOBSEEKERS,
  ndcg,
  reciprocalRank,
  VACANCIES,
  type LabelledJobseeker,
  type LabelledVacancy,
} from './quality/match-set.js';
import { taxonomySearchQuality } from './quality/taxonomy-search.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    /** The embedders the match part runs with (comma-separated; smoke runs: lexical). */
    embedders: { type: 'string', default: 'lexical,transformers' },
    tune: { type: 'boolean', default: false },
    limit: { type: 'string', default: '300' },
    concepts: { type: 'string', default: '0' },
    taxonomy: { type: 'string' },
    extension: { type: 'string' },
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
  },
});
const round = (x: number) => Math.round(x * 1000) / 1000;
const mean = (xs: number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const TODAY = new Date().toISOString().slice(0, 10);
/** Hits asked for per ranking. */
const TOP = 200;

const vacancyInput = (v: LabelledVacancy) =>
  ({
    id: v.id,
    title: v.title,
    description: v.description,
    skills: v.skills ?? [],
    municipality: v.municipality,
    languages: v.languages ?? [],
    workingTime: v.workingTime ?? 'full',
    drivingLicenceRequired: v.drivingLicenceRequired ?? false,
    remote: v.remote ?? false,
    status: v.status ?? 'open',
    ...(v.expiresAt ? { expiresAt: v.expiresAt } : {}),
  }) as unknown as Vacancy;

const jobseekerInput = (j: LabelledJobseeker) =>
  ({
    id: j.id,
    title: j.title,
    summary: j.summary,
    skills: j.skills ?? [],
    municipality: j.municipality,
    languages: j.languages,
    workingTime: j.workingTime ?? 'any',
    ...(j.drivingLicence !== undefined ? { drivingLicence: j.drivingLicence } : {}),
    remote: false,
    status: 'active',
  }) as unknown as Jobseeker;

const byVacancy = new Map([...VACANCIES, ...fixtureVacancies()].map((v) => [v.id, v]));
const byJobseeker = new Map([...JOBSEEKERS, ...fixtureJobseekers()].map((j) => [j.id, j]));

type Ranker = { name: string; vacancies(j: LabelledJobseeker): Promise<string[]>; candidates(v: LabelledVacancy): Promise<string[]> };

interface Figures {
  ndcg: number;
  ndcgSame: number;
  ndcgCross: number;
  mrr: number;
  queries: number;
  /** nDCG@10 by the query's language (the client's or the vacancy's text): fi, sv, en. */
  byLanguage: Record<string, { ndcg: number; queries: number }>;
  expiredReturned?: number;
}

/** nDCG@10 overall and split by language, and MRR, of one direction. */
function evaluate<Q extends { lang: string }, D extends { lang: string }>(
  queries: Q[],
  rankings: Map<Q, string[]>,
  items: Map<string, D>,
  gradeOf: (q: Q, d: D) => number,
): Figures {
  const overall: number[] = [];
  const same: number[] = [];
  const cross: number[] = [];
  const rr: number[] = [];
  const byLang = new Map<string, number[]>();
  for (const q of queries) {
    const all = [...items.values()];
    const ranked = rankings.get(q)!.flatMap((id) => items.get(id) ?? []);
    const grades = (list: D[]) => list.map((d) => gradeOf(q, d));
    const n = ndcg(grades(ranked), grades(all));
    if (n === undefined) continue;
    overall.push(n);
    byLang.set(q.lang, [...(byLang.get(q.lang) ?? []), n]);
    rr.push(reciprocalRank(grades(ranked)));
    for (const [split, keepSame] of [[same, true], [cross, false]] as const) {
      // The other split's relevant items leave the list (and the ideal): what is left measures this split alone.
      const keep = (d: D) => gradeOf(q, d) === 0 || (d.lang === q.lang) === keepSame;
      const value = ndcg(grades(ranked.filter(keep)), grades(all.filter(keep)));
      if (value !== undefined) split.push(value);
    }
  }
  const byLanguage = Object.fromEntries([...byLang].sort().map(([lang, values]) => [lang, { ndcg: round(mean(values)), queries: values.length }]));
  return { ndcg: round(mean(overall)), ndcgSame: round(mean(same)), ndcgCross: round(mean(cross)), mrr: round(mean(rr)), queries: overall.length, byLanguage };
}

async function rankAll(ranker: Ranker) {
  const toVacancies = new Map<LabelledJobseeker, string[]>();
  for (const j of JOBSEEKERS) toVacancies.set(j, await ranker.vacancies(j));
  const toCandidates = new Map<LabelledVacancy, string[]>();
  for (const v of VACANCIES.filter((v) => isLive(v, TODAY))) toCandidates.set(v, await ranker.candidates(v));
  const expired = [...toVacancies.values()].reduce((n, ids) => n + ids.slice(0, 10).filter((id) => byVacancy.has(id) && !isLive(byVacancy.get(id)!, TODAY)).length, 0);
  return {
    clientToVacancies: { ...evaluate(JOBSEEKERS, toVacancies, byVacancy, (j, v) => grade(j, v, TODAY)), expiredReturned: expired },
    vacancyToCandidates: evaluate([...toCandidates.keys()], toCandidates, byJobseeker, (v, j) => grade(j, v, TODAY)),
    // The same rankings graded by issue 29's suitability (the commuting range instead of distance bands; match-set.ts).
    commuteAware: {
      clientToVacancies: { ...evaluate(JOBSEEKERS, toVacancies, byVacancy, (j, v) => gradeCommute(j, v, TODAY)), expiredReturned: expired },
      vacancyToCandidates: evaluate([...toCandidates.keys()], toCandidates, byJobseeker, (v, j) => gradeCommute(j, v, TODAY)),
    },
  };
}

function rankers(engine: Engine, weights: Weights = DEFAULT_WEIGHTS): Ranker[] {
  const all = { k: TOP, lang: 'fi' };
  const matcher =
    weights === DEFAULT_WEIGHTS
      ? engine.matcher
      : new Matcher(engine.jobseekers, engine.vacancies, engine.embedder, engine.normalizer, { ...DEFAULT_MATCH_SETTINGS, weights }, engine.normalizer.taxonomy);
  const engineRanker: Ranker = {
    name: 'Kohtaanto (hybrid retrieval, full score)',
    vacancies: async (j) => (await matcher.vacanciesForJobseeker(j.id, all)).map((h) => h.id),
    candidates: async (v) => (await matcher.candidatesForVacancy(v.id, all)).map((h) => h.id),
  };
  // What a counsellor's first page gets: k=10, so the candidate pool is the engine's small-k pool.
  const firstPage: Ranker = {
    name: 'Kohtaanto, k=10 as served (small-k pool)',
    vacancies: async (j) => (await matcher.vacanciesForJobseeker(j.id, { k: 10, lang: 'fi' })).map((h) => h.id),
    candidates: async (v) => (await matcher.candidatesForVacancy(v.id, { k: 10, lang: 'fi' })).map((h) => h.id),
  };
  // What employer services are shown (issue 28): candidates scored on taxonomy requirements only,
  // texts not compared, so that no free text moves a pseudonymous list.
  const pseudonymous: Ranker = {
    name: 'Kohtaanto as employer services see it (concepts only, no text)',
    vacancies: engineRanker.vacancies,
    candidates: async (v) => (await matcher.candidatesForVacancy(v.id, all, { conceptsOnly: true })).map((h) => h.id),
  };
  const textOnly: Ranker = {
    name: 'text only (vector index)',
    vacancies: async (j) => {
      const { vector } = await engine.jobseekers.withVector(j.id);
      return engine.vacancies.index.search(vector, all.k).map((h) => engine.vacancies.cache.byLabels([h.label]).get(h.label)!.id);
    },
    candidates: async (v) => {
      const { vector } = await engine.vacancies.withVector(v.id);
      return engine.jobseekers.index.search(vector, all.k).map((h) => engine.jobseekers.cache.byLabels([h.label]).get(h.label)!.id);
    },
  };
  const live = VACANCIES.filter((v) => isLive(v, TODAY));
  const fixtures = (file: string) =>
    readFileSync(join(import.meta.dirname, '..', 'fixtures', file), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; title: string; description?: string; summary?: string; skills: string[] });
  const vacancyBm25 = new Bm25Index([
    ...live.map((v) => ({ id: v.id, texts: [v.title, v.description, ...(v.skills ?? [])] })),
    ...fixtures('vacancies.ndjson')
      .filter((v) => byVacancy.has(v.id) && isLive(byVacancy.get(v.id)!, TODAY))
      .map((v) => ({ id: v.id, texts: [v.title, v.description ?? '', ...v.skills] })),
  ]);
  const jobseekerBm25 = new Bm25Index([
    ...JOBSEEKERS.map((j) => ({ id: j.id, texts: [j.title, j.summary, ...(j.skills ?? [])] })),
    ...fixtures('jobseekers.ndjson').map((j) => ({ id: j.id, texts: [j.title, j.summary ?? '', ...j.skills] })),
  ]);
  const bm25: Ranker = {
    name: 'BM25 over the texts',
    vacancies: async (j) => vacancyBm25.rank([j.title, j.summary].join(' '), all.k),
    candidates: async (v) => jobseekerBm25.rank([v.title, v.description].join(' '), all.k),
  };
  return [engineRanker, firstPage, pseudonymous, textOnly, bm25];
}

async function withEngine<T>(embedder: 'lexical' | 'transformers', run: (engine: Engine) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kohtaanto-quality-'));
  try {
    const config = loadConfig({ ...process.env, KOHTAANTO_DATA_DIR: dataDir, KOHTAANTO_SEED_FIXTURES: 'true', KOHTAANTO_EMBEDDER: embedder });
    const engine = await openEngine(config, { info: () => {}, warn: () => {} });
    try {
      await engine.vacancies.putMany(VACANCIES.map(vacancyInput));
      await engine.jobseekers.putMany(JOBSEEKERS.map(jobseekerInput));
      // A posting repeated word for word (the fixture generator writes some: same employer, place
      // and text) is shown once, so it is judged once: the repeats leave the judged items.
      for (const id of [...byVacancy.keys()]) if (((await engine.vacancies.find(id)) as StoredVacancy | undefined)?.normalized.duplicateOf) byVacancy.delete(id);
      return await run(engine);
    } finally {
      engine.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Share of relevant pairs (grade ≥ 1) whose two texts are in different languages. */
function setFacts() {
  let relevant = 0;
  let cross = 0;
  for (const j of JOBSEEKERS) {
    for (const v of VACANCIES) {
      if (grade(j, v, TODAY) > 0) {
        relevant++;
        if (j.lang !== v.lang) cross++;
      }
    }
  }
  const families = new Set([...JOBSEEKERS.map((j) => j.family), ...VACANCIES.map((v) => v.family)]);
  const municipalities = new Set([...JOBSEEKERS.map((j) => j.municipality), ...VACANCIES.map((v) => v.municipality)]);
  return {
    jobseekers: JOBSEEKERS.length,
    vacancies: VACANCIES.length,
    expiredOrClosed: VACANCIES.filter((v) => !isLive(v, TODAY)).length,
    families: families.size,
    municipalities: municipalities.size,
    relevantPairs: relevant,
    crossLanguageShare: round(cross / relevant),
  };
}

async function matchQuality() {
  const facts = setFacts();
  console.log(
    `\nLabelled match set: ${facts.jobseekers} clients × ${facts.vacancies} vacancies (${facts.expiredOrClosed} expired or closed), ` +
      `${facts.families} occupation families, ${facts.municipalities} municipalities; ${facts.relevantPairs} relevant pairs, ${Math.round(facts.crossLanguageShare * 100)} % cross-language\n`,
  );
  const rows: Record<string, unknown>[] = [];
  const tuning: Record<string, unknown>[] = [];
  const threshold: Record<string, unknown>[] = [];
  const embedders = values.embedders!.split(',');
  for (const e of embedders) if (e !== 'lexical' && e !== 'transformers') throw new Error(`--embedders: ${e} is neither lexical nor transformers`);
  for (const embedder of embedders as ('lexical' | 'transformers')[]) {
    await withEngine(embedder, async (engine) => {
      for (const ranker of rankers(engine)) {
        const figures = await rankAll(ranker);
        rows.push({ embedder: engine.embedder.id.split(':').slice(0, 2).join(':'), ranking: ranker.name, ...figures });
      }
      threshold.push({ embedder: engine.embedder.id.split(':')[0], ...(await suitableThreshold(engine)) });
      if (values.tune) tuning.push(...(await tune(engine)));
    });
  }
  if (values.tune) {
    // One set of defaults for both embedders: the grid point with the best mean over the two.
    const byWeights = new Map<string, number[]>();
    for (const t of tuning as { weights: Weights; score: number }[]) byWeights.set(JSON.stringify(t.weights), [...(byWeights.get(JSON.stringify(t.weights)) ?? []), t.score]);
    const both = [...byWeights].filter(([, s]) => s.length === 2).map(([w, s]) => ({ weights: w, lexical: s[0]!, model: s[1]!, mean: round(mean(s)) }));
    both.sort((a, b) => b.mean - a.mean);
    console.log('\nBest weights over both embedders (mean nDCG@10 of both directions):');
    for (const b of both.slice(0, 8)) console.log(`  ${b.weights}  lexical ${b.lexical}  model ${b.model}  mean ${b.mean}`);
  }
  const { commute, candidateCommute } = loadConfig(process.env);
  console.log(`Commute rules: ${commute} for clients' vacancies (KOHTAANTO_COMMUTE_RULE), ${candidateCommute} for candidates (KOHTAANTO_CANDIDATE_COMMUTE_RULE)\n`);
  console.log('| grades | embedder | ranking | direction | nDCG@10 | same-language | cross-language | MRR | queries | expired in top 10 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  type Row = { embedder: string; ranking: string; clientToVacancies: Figures; vacancyToCandidates: Figures; commuteAware: { clientToVacancies: Figures; vacancyToCandidates: Figures } };
  for (const row of rows as Row[]) {
    for (const [grades, set] of [
      ['distance bands', row],
      ['commute-aware', row.commuteAware],
    ] as const) {
      for (const [direction, f] of [
        ['client → vacancies', set.clientToVacancies],
        ['vacancy → candidates', set.vacancyToCandidates],
      ] as const) {
        // A 10-hit list has no items past 10 to move up when the other split leaves: its splits are not comparable.
        const splits = row.ranking.includes('k=10') ? '– | –' : `${f.ndcgSame} | ${f.ndcgCross}`;
        console.log(`| ${grades} | ${row.embedder} | ${row.ranking} | ${direction} | ${f.ndcg} | ${splits} | ${f.mrr} | ${f.queries} | ${f.expiredReturned ?? '–'} |`);
      }
    }
  }
  console.log('\nBy the query\'s language (distance bands; nDCG@10, queries in brackets):\n');
  console.log('| embedder | ranking | direction | fi | sv | en |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows as Row[]) {
    for (const [direction, f] of [
      ['client → vacancies', row.clientToVacancies],
      ['vacancy → candidates', row.vacancyToCandidates],
    ] as const) {
      const cell = (lang: string) => (f.byLanguage?.[lang] ? `${f.byLanguage[lang]!.ndcg} (${f.byLanguage[lang]!.queries})` : '–');
      console.log(`| ${row.embedder} | ${row.ranking} | ${direction} | ${cell('fi')} | ${cell('sv')} | ${cell('en')} |`);
    }
  }
  console.log('\nThe "suitable" line: the score threshold that best separates pairs graded ≥ 2 from the rest (F1, client → vacancies, top 200)');
  for (const t of threshold as { embedder: string; best: { threshold: number; f1: number; precision: number; recall: number } }[]) {
    console.log(`  ${t.embedder}: ${t.best.threshold} (F1 ${t.best.f1}, precision ${t.best.precision}, recall ${t.best.recall})`);
  }
  return { set: facts, rows, tuning, threshold };
}

/** The score threshold with the best F1 for "graded ≥ 2" over the clients' top 200 (the default weights). */
async function suitableThreshold(engine: Engine) {
  const pairs: { score: number; relevant: boolean }[] = [];
  let relevantTotal = 0;
  for (const j of JOBSEEKERS) {
    relevantTotal += [...byVacancy.values()].filter((v) => grade(j, v, TODAY) >= 2).length;
    for (const h of await engine.matcher.vacanciesForJobseeker(j.id, { k: TOP, lang: 'fi' })) {
      pairs.push({ score: h.score, relevant: grade(j, byVacancy.get(h.id)!, TODAY) >= 2 });
    }
  }
  let best = { threshold: 0, f1: 0, precision: 0, recall: 0 };
  for (let t = 0.3; t <= 0.9; t += 0.01) {
    const chosen = pairs.filter((p) => p.score >= t);
    const hits = chosen.filter((p) => p.relevant).length;
    const precision = chosen.length === 0 ? 0 : hits / chosen.length;
    const recall = hits / relevantTotal;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    if (f1 > best.f1) best = { threshold: round(t), f1: round(f1), precision: round(precision), recall: round(recall) };
  }
  return { best };
}

/** Grid search of the score weights: mean nDCG@10 over both directions (printed best first). */
async function tune(engine: Engine) {
  const grid: Weights[] = [];
  for (const semantic of [0.3, 0.4, 0.5])
    for (const essential of [0.05, 0.1, 0.2])
      for (const optional of [0.1])
        for (const location of [0.2, 0.3, 0.4])
          for (const occupation of [0.6, 0.8, 1]) grid.push({ semantic, essential, optional, location, occupation });
  const results = [];
  for (const weights of grid) {
    const [engineRanker] = rankers(engine, weights);
    const f = await rankAll(engineRanker!);
    results.push({ embedder: engine.embedder.id.split(':')[0], weights, score: round((f.clientToVacancies.ndcg + f.vacancyToCandidates.ndcg) / 2), ...f });
  }
  results.sort((a, b) => b.score - a.score);
  console.log(`\nWeight grid (${grid.length} points, ${engine.embedder.id.split(':')[0]}), best 5 by mean nDCG@10:`);
  for (const r of results.slice(0, 5)) console.log(`  ${JSON.stringify(r.weights)}  ${r.score}`);
  const current = results.find((r) => JSON.stringify(r.weights) === JSON.stringify(DEFAULT_WEIGHTS));
  if (current) console.log(`  defaults ${JSON.stringify(DEFAULT_WEIGHTS)}  ${current.score}`);
  return results;
}

async function main() {
  const result: Record<string, unknown> = {};
  if (!values.only || values.only === 'matches') result.matches = await matchQuality();
  if (!values.only || values.only === 'taxonomy') result.taxonomy = await taxonomySearchQuality(Number(values.limit), Number(values.concepts), values.taxonomy, values.extension);
  mkdirSync(values.out!, { recursive: true });
  const file = join(values.out!, `quality-${TODAY}-${hostname()}-${cpus().length}cpu.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2));
  console.log(`\nwrote ${file}`);
}

await main();
