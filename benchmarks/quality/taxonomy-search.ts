/**
 * Taxonomy search on real ESCO (../shared/esco, fi/sv/en): for held-out concepts (held-out.ts), the
 * query is their Finnish or Swedish preferred label, or one English alternative label, and that
 * label is removed from the searched labels — so the concept must be found through its other
 * labels (other languages, synonyms, shared words and compounds) or the model. MRR@20 and the
 * share of empty answers, for BM25 and character trigram TF-IDF over the same labels, and
 * ConceptSearch (the taxonomy route) without and with the shipped model, all in one run.
 */
import { join } from 'node:path';
import { TransformersEmbedder } from '../../src/adapters/embedders/transformers.js';
import { loadEscoCsv } from '../../src/adapters/taxonomy/esco-csv.js';
import { Bm25Index } from '../../src/core/taxonomy/bm25.js';
import { CharNgramIndex } from '../../src/core/taxonomy/char-ngrams.js';
import { LabelVectors } from '../../src/core/taxonomy/label-vectors.js';
import { ConceptSearch } from '../../src/core/taxonomy/search.js';
import type { Concept, Taxonomy } from '../../src/core/taxonomy/taxonomy.js';
import { isHeldOut } from '../held-out.js';
import { JOBSEEKERS, VACANCIES } from './match-set.js';
import { accepts } from './title-occupations.js';

const ROOT = join(import.meta.dirname, '..', '..');
const round = (x: number) => Math.round(x * 1000) / 1000;

type Condition = 'fi → concept' | 'sv → concept' | 'en altLabel → concept';

interface Query {
  text: string;
  uri: string;
  /** For hand-written titles: the family whose accepted occupations count as right, and the title's language. */
  family?: string;
  lang?: string;
}

/** The concepts with each held-out concept's query label removed, and the queries. */
function condition(concepts: Concept[], which: Condition, limit: number): { searched: Concept[]; queries: Query[] } {
  const queries: Query[] = [];
  const searched = concepts.map((c) => {
    if (!isHeldOut(c.uri) || queries.length >= limit) return c;
    const labels = { ...c.labels };
    if (which === 'en altLabel → concept') {
      const en = labels.en;
      const alt = en?.alt.find((a) => a.toLowerCase() !== en.preferred.toLowerCase());
      if (!en || !alt) return c;
      labels.en = { ...en, alt: en.alt.filter((a) => a !== alt) };
      queries.push({ text: alt, uri: c.uri });
    } else {
      const lang = which.slice(0, 2);
      const own = labels[lang];
      if (!own) return c;
      delete labels[lang];
      queries.push({ text: own.preferred, uri: c.uri });
    }
    return { ...c, labels };
  });
  return { searched, queries };
}

async function measure(queries: Query[], search: (q: string, lang?: string) => Promise<string[]> | string[]) {
  let rr = 0;
  let empty = 0;
  const started = performance.now();
  for (const q of queries) {
    const hits = await search(q.text, q.lang);
    if (hits.length === 0) empty++;
    const at = hits.slice(0, 20).findIndex((uri) => (q.family ? accepts(q.family, uri) : uri === q.uri));
    if (at >= 0) rr += 1 / (at + 1);
  }
  return { mrr: round(rr / queries.length), empty: round(empty / queries.length), msPerQuery: round((performance.now() - started) / queries.length) };
}

/** `concepts` keeps the first that many concepts of each kind (smoke runs); all when 0. */
export async function taxonomySearchQuality(limit: number, concepts = 0, dir = join(ROOT, '..', 'shared', 'esco'), extension?: string) {
  const esco: Taxonomy = loadEscoCsv(dir, { extension });
  const take = <T>(all: T[]) => (concepts > 0 ? all.slice(0, concepts) : all);
  const model = await TransformersEmbedder.load({ modelDir: join(ROOT, 'models'), model: 'kohtaanto-jobs-fi-sv-en', quantized: false, batchSize: 256 });
  const rows = [];
  for (const [kind, all, alt] of [
    ['occupations', take([...esco.occupations.values()]), true],
    ['skills', take([...esco.skills.values()]), false],
  ] as const) {
    for (const which of ['fi → concept', 'sv → concept', 'en altLabel → concept'] as Condition[]) {
      const { searched, queries } = condition([...all], which, limit);
      const lang = which === 'en altLabel → concept' ? 'en' : which.slice(0, 2);
      const bm25 = new Bm25Index(searched.map((c) => ({ id: c.uri, texts: Object.values(c.labels).flatMap((l) => [l.preferred, ...l.alt]) })));
      const trigrams = new CharNgramIndex(searched);
      const lexical = new ConceptSearch(esco, () => searched);
      const labels = await LabelVectors.build(model, searched, { alt });
      const withModel = new ConceptSearch(esco, () => searched, { embedder: model, labels });
      const figures = {
        bm25: await measure(queries, (q) => bm25.rank(q, 20)),
        charTfIdf: await measure(queries, (q) => trigrams.search(q, 20).map((h) => h.uri)),
        conceptSearch: await measure(queries, async (q) => (await lexical.search(q, lang, 20)).map((h) => h.uri)),
        conceptSearchWithModel: await measure(queries, async (q) => (await withModel.search(q, lang, 20)).map((h) => h.uri)),
      };
      rows.push({ kind, condition: which, queries: queries.length, concepts: searched.length, ...figures });
      console.error(`  taxonomy ${kind} ${which}: search ${figures.conceptSearch.mrr} (bm25 ${figures.bm25.mrr}, char ${figures.charTfIdf.mrr}), with model ${figures.conceptSearchWithModel.mrr}`);
    }
  }
  // Hand-written job titles of the labelled match set (natural wording, fi/sv/en) → ESCO occupation.
  const titles = new Map<string, Query>();
  for (const r of [...JOBSEEKERS, ...VACANCIES]) titles.set(`${r.lang}|${r.title}`, { text: r.title, uri: '', family: r.family, lang: r.lang });
  const queries = [...titles.values()];
  const occupations = take([...esco.occupations.values()]);
  const bm25 = new Bm25Index(occupations.map((c) => ({ id: c.uri, texts: Object.values(c.labels).flatMap((l) => [l.preferred, ...l.alt]) })));
  const trigrams = new CharNgramIndex(occupations);
  const lexical = new ConceptSearch(esco, () => occupations);
  const withModel = new ConceptSearch(esco, () => occupations, { embedder: model, labels: await LabelVectors.build(model, occupations, { alt: true }) });
  const titleRows = [];
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const some = queries.filter((q) => q.lang === lang);
    titleRows.push({
      kind: 'occupations',
      condition: `hand-written job titles, ${lang} → occupation`,
      queries: some.length,
      concepts: occupations.length,
      bm25: await measure(some, (q) => bm25.rank(q, 20)),
      charTfIdf: await measure(some, (q) => trigrams.search(q, 20).map((h) => h.uri)),
      conceptSearch: await measure(some, async (q) => (await lexical.search(q, lang, 20)).map((h) => h.uri)),
      conceptSearchWithModel: await measure(some, async (q) => (await withModel.search(q, lang, 20)).map((h) => h.uri)),
    });
  }
  rows.unshift(...titleRows);
  console.log(`\nTaxonomy search on ${esco.source} (hand-written titles; and held-out concepts with the query label removed from the searched labels) — MRR@20 / empty answers\n`);
  console.log('| concepts | queries | BM25 | char trigram TF-IDF | ConceptSearch (lexical) | ConceptSearch + model | lexical ÷ BM25 | ms/query (lexical, + model) |');
  console.log('|---|---|---|---|---|---|---|---|');
  const cell = (f: { mrr: number; empty: number }) => `${f.mrr.toFixed(3)} / ${f.empty.toFixed(3)}`;
  for (const r of rows) {
    console.log(
      `| ${r.kind}: ${r.condition} | ${r.queries} | ${cell(r.bm25)} | ${cell(r.charTfIdf)} | ${cell(r.conceptSearch)} | ${cell(r.conceptSearchWithModel)} | ` +
        `${round(r.conceptSearch.mrr / Math.max(r.bm25.mrr, 0.001))}× | ${r.conceptSearch.msPerQuery}, ${r.conceptSearchWithModel.msPerQuery} |`,
    );
  }
  return { model: model.id, taxonomy: esco.source, rows };
}
