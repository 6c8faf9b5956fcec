/**
 * Concept search latency (GET /v1/taxonomy/skills and /occupations) on the full labels of a
 * taxonomy: autocomplete keystrokes (every prefix of 3+ characters of sampled labels, fi/sv/en) and
 * whole labels; median and p99 per query for the word ranking, the trigram ranking and the whole
 * ConceptSearch (lexical; with --model also the shipped model's query embedding and nearest labels).
 *
 *   npx tsx benchmarks/concept-search.ts                              # taxonomy/esco-1.1.1 + local extension
 *   npx tsx benchmarks/concept-search.ts --taxonomy ../shared/esco --extension '' --model
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TransformersEmbedder } from '../src/adapters/embedders/transformers.js';
import { loadEscoCsv } from '../src/adapters/taxonomy/esco-csv.js';
import { LabelVectors } from '../src/core/taxonomy/label-vectors.js';
import { ConceptSearch } from '../src/core/taxonomy/search.js';
import type { Concept } from '../src/core/taxonomy/taxonomy.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    taxonomy: { type: 'string', default: join(ROOT, 'taxonomy', 'esco-1.1.1') },
    extension: { type: 'string', default: join(ROOT, 'taxonomy', 'local-extension.csv') },
    labels: { type: 'string', default: '60' },
    model: { type: 'boolean', default: false },
  },
});
const taxonomy = loadEscoCsv(resolve(values.taxonomy!), { extension: values.extension ? resolve(values.extension) : undefined });
const model = values.model
  ? await TransformersEmbedder.load({ modelDir: join(ROOT, 'models'), model: 'kohtaanto-jobs-fi-sv-en', quantized: true, batchSize: 64 })
  : undefined;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => Math.round(x * 100) / 100;

/** Every n-th concept's preferred label in `lang`, and each prefix of it a typist sends. */
function queries(concepts: readonly Concept[], lang: string, n: number): string[] {
  const step = Math.max(1, Math.floor(concepts.length / n));
  const out: string[] = [];
  for (let i = 0; i < concepts.length; i += step) {
    const label = concepts[i]!.labels[lang]?.preferred;
    if (!label) continue;
    for (let end = 3; end <= label.length; end++) out.push(label.slice(0, end));
  }
  return out;
}

console.log(`| concepts | lang | queries | build (ms) | words p50 / p99 | trigrams p50 / p99 | ConceptSearch p50 / p99 |${model ? ' + model p50 / p99 |' : ''}`);
console.log(`|---|---|---|---|---|---|---|${model ? '---|' : ''}`);
for (const [kind, all] of [
  ['occupations', [...taxonomy.occupations.values()]],
  ['skills', [...taxonomy.skills.values()]],
] as const) {
  let started = performance.now();
  const search = new ConceptSearch(taxonomy, () => all);
  await search.search('warm up', 'en', 10);
  const build = performance.now() - started;
  const semantic = model ? new ConceptSearch(taxonomy, () => all, { embedder: model, labels: await LabelVectors.build(model, all, { alt: kind === 'occupations' }) }) : undefined;
  if (semantic) await semantic.search('warm up', 'en', 10);
  for (const lang of ['fi', 'sv', 'en']) {
    const qs = queries(all, lang, Number(values.labels));
    const time = async (run: (q: string) => unknown) => {
      const times: number[] = [];
      for (const q of qs) {
        started = performance.now();
        await run(q);
        times.push(performance.now() - started);
      }
      return `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.99))}`;
    };
    const words = await time((q) => search.lexical(q, lang, 50));
    const trigrams = await time((q) => search.trigramsOnly(q, 50));
    const whole = await time((q) => search.search(q, lang, 10));
    const withModel = semantic ? ` ${await time((q) => semantic.search(q, lang, 10))} |` : '';
    console.log(`| ${kind} (${all.length}) | ${lang} | ${qs.length} | ${Math.round(build)} | ${words} | ${trigrams} | ${whole} |${withModel}`);
  }
}
