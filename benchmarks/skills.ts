/**
 * Skill evaluation, each method against a plain lexical baseline in the same run:
 *
 * 1. Extraction on the labelled examples (test/core/taxonomy/examples.ts, curated taxonomy):
 *    precision and recall of Kohtaanto's matcher (labels with inflected forms) against exact label
 *    matching (lower-cased substring search for every label).
 * 2. Job → skill ranking on the official ESCO export (../shared/esco): for sampled occupations the
 *    query is the occupation's label and description, the ground truth its essential skills.
 *    MRR and recall@10 (essential skills in the top 10 / all essential skills) for BM25 over skill
 *    labels (the baseline), the configured embedder's label similarity, and Kohtaanto's extraction
 *    (concepts found in the text first) followed by each.
 *
 *   npm run bench:skills                     # 400 occupations
 *   npm run bench:skills -- --occupations 3007
 *   npm run bench:skills -- --held-out       # only occupations the shipped model never saw in training
 *
 * Prints Markdown tables and writes benchmarks/results/skills-<date>-<machine>.json.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { selectEmbedder } from '../src/adapters/embedders/select.js';
import { loadEscoCsv } from '../src/adapters/taxonomy/esco-csv.js';
import { loadConfig } from '../src/config.js';
import type { Embedder } from '../src/core/ports.js';
import { SkillNormalizer } from '../src/core/taxonomy/normalizer.js';
import { Bm25Index } from '../src/core/taxonomy/bm25.js';
import { tokenize } from '../src/core/taxonomy/phrases.js';
import type { Taxonomy } from '../src/core/taxonomy/taxonomy.js';
import { prng } from '../fixtures/generate.js';
import { isHeldOut } from './held-out.js';
import { EXAMPLES } from '../test/core/taxonomy/examples.js';

const { values } = parseArgs({ options: { occupations: { type: 'string', default: '400' }, out: { type: 'string', default: join(import.meta.dirname, 'results') },
    /** Only occupations the shipped model never saw (it was trained on occupation → essential-skill pairs). */
    'held-out': { type: 'boolean', default: false } },
});
const ROOT = join(import.meta.dirname, '..');
const ESCO_DIR = join(ROOT, '..', 'shared', 'esco');
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const quiet = { info: () => {}, warn: () => {} };

/** Exact label matching: every label of every skill, searched as a lower-cased substring with word boundaries. */
function exactMatches(taxonomy: Taxonomy, text: string): Set<string> {
  const haystack = ` ${tokenize(text).map((t) => t.norm).join(' ')} `;
  const found = new Set<string>();
  for (const skill of taxonomy.skills.values()) {
    for (const labels of Object.values(skill.labels)) {
      for (const label of [labels.preferred, ...labels.alt]) {
        const needle = tokenize(label).map((t) => t.norm).join(' ');
        if (needle && haystack.includes(` ${needle} `)) found.add(skill.uri);
      }
    }
  }
  return found;
}

function extractionEval(taxonomy: Taxonomy, normalizer: SkillNormalizer) {
  const rows = [];
  for (const [name, find] of [
    ['Kohtaanto (labels + inflected forms)', (text: string) => new Set(normalizer.fromText(text).map((r) => r.uri))],
    ['baseline: exact label match', (text: string) => exactMatches(taxonomy, text)],
  ] as const) {
    for (const lang of ['fi', 'sv', 'en', 'all'] as const) {
      let tp = 0;
      let found = 0;
      let expected = 0;
      for (const example of EXAMPLES.filter((e) => lang === 'all' || e.lang === lang)) {
        const truth = new Set(example.skills.map((k) => `urn:kohtaanto:skill:${k}`));
        const got = find(example.text);
        expected += truth.size;
        found += got.size;
        for (const uri of got) if (truth.has(uri)) tp++;
      }
      rows.push({ method: name, lang, precision: round(tp / found), recall: round(tp / expected) });
    }
  }
  return rows;
}

/** The baseline: BM25 over each skill's labels (preferred and alternative), plain lower-cased words. */
function bm25(taxonomy: Taxonomy) {
  const index = new Bm25Index([...taxonomy.skills.values()].map((s) => ({ id: s.uri, texts: Object.values(s.labels).flatMap((l) => [l.preferred, ...l.alt]) })));
  return (query: string) => index.rank(query, 200);
}

async function embeddingRanker(taxonomy: Taxonomy, embedder: Embedder) {
  const skills = [...taxonomy.skills.values()];
  const vectors: Float32Array[] = [];
  const texts = skills.map((s) => s.labels.en?.preferred ?? Object.values(s.labels)[0]!.preferred);
  for (let i = 0; i < texts.length; i += 256) vectors.push(...(await embedder.embed(texts.slice(i, i + 256))));
  return async (query: string): Promise<string[]> => {
    const [q] = await embedder.embed([query]);
    return skills
      .map((s, i) => {
        let dot = 0;
        const v = vectors[i]!;
        for (let j = 0; j < v.length; j++) dot += v[j]! * q![j]!;
        return { uri: s.uri, dot };
      })
      .sort((a, b) => b.dot - a.dot)
      .map((x) => x.uri);
  };
}

async function rankingEval(embedder: Embedder, count: number) {
  const taxonomy = loadEscoCsv(ESCO_DIR);
  const normalizer = await SkillNormalizer.create(taxonomy, embedder, { nnThreshold: 0.6 });
  const descriptions = new Map(
    (parse(readFileSync(join(ESCO_DIR, 'occupations_en.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[]).map((r) => [
      r.conceptUri!,
      r.description ?? '',
    ]),
  );
  const rng = prng(2026);
  const pool = [...taxonomy.occupations.values()].filter((o) => o.essential.length >= 3 && (!values['held-out'] || isHeldOut(o.uri)));
  const occupations = rng.sample(pool, Math.min(count, pool.length));
  const lexical = bm25(taxonomy);
  const semantic = await embeddingRanker(taxonomy, embedder);
  const methods: [string, (q: string) => Promise<string[]> | string[]][] = [
    ['baseline: BM25 over skill labels', lexical],
    [`label embedding similarity alone (${embedder.id})`, semantic],
    ['Kohtaanto suggest: fusion of named concepts, BM25 and embedding', async (q) => (await normalizer.suggest(q, 100)).map((s) => s.uri)],
  ];
  const rows = [];
  for (const [name, rank] of methods) {
    let mrr = 0;
    let recall = 0;
    const started = Date.now();
    for (const o of occupations) {
      const query = `${o.labels.en!.preferred}. ${descriptions.get(o.uri) ?? ''}`;
      const ranked = (await rank(query)).slice(0, 100);
      const truth = new Set(o.essential);
      const first = ranked.findIndex((u) => truth.has(u));
      mrr += first >= 0 ? 1 / (first + 1) : 0;
      recall += ranked.slice(0, 10).filter((u) => truth.has(u)).length / truth.size;
    }
    rows.push({
      method: name,
      occupations: occupations.length,
      mrr: round(mrr / occupations.length),
      recallAt10: round(recall / occupations.length),
      msPerQuery: round((Date.now() - started) / occupations.length, 1),
    });
  }
  return rows;
}

async function main() {
  const config = loadConfig({ ...process.env, KOHTAANTO_LOG_LEVEL: 'silent' });
  const embedder = await selectEmbedder(config.embedder, config.model, quiet);
  const curated = loadEscoCsv(join(ROOT, 'fixtures', 'taxonomy'));
  const normalizer = await SkillNormalizer.create(curated, embedder, { nnThreshold: 0.6 });
  const extraction = extractionEval(curated, normalizer);
  console.log(`\nSkill extraction on ${EXAMPLES.length} labelled examples (curated taxonomy)\n`);
  console.log('| method | language | precision | recall |\n|---|---|---|---|');
  for (const r of extraction) console.log(`| ${r.method} | ${r.lang} | ${r.precision} | ${r.recall} |`);

  let ranking: Awaited<ReturnType<typeof rankingEval>> = [];
  if (existsSync(ESCO_DIR)) {
    ranking = await rankingEval(embedder, Number(values.occupations));
    console.log(`\nJob → skill ranking on ESCO v1.1.1 (en): essential skills of ${ranking[0]?.occupations} sampled occupations${values['held-out'] ? ' held out from model training' : ''}\n`);
    console.log('| method | MRR | recall@10 | ms/query |\n|---|---|---|---|');
    for (const r of ranking) console.log(`| ${r.method} | ${r.mrr} | ${r.recallAt10} | ${r.msPerQuery} |`);
  } else console.log(`\n(no ${ESCO_DIR}: ranking evaluation skipped)`);

  const machine = `${hostname()}-${cpus().length}cpu`;
  const result = { date: new Date().toISOString(), machine, embedder: embedder.id, extraction, ranking };
  mkdirSync(values.out!, { recursive: true });
  const file = join(values.out!, `skills-${result.date.slice(0, 10)}-${machine}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`\nwrote ${file}`);
}

await main();
