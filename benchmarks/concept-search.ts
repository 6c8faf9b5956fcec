/**
 * Concept search latency (GET /v1/taxonomy/skills and /occupations) on the full labels of a
 * taxonomy: autocomplete keystrokes (every prefix of 3+ characters of sampled labels, fi/sv/en) and
 * whole labels; median and p99 per query for the word ranking, the trigram ranking and the whole
 * ConceptSearch (lexical; with --model also the shipped model's query embedding and nearest labels).
 *
 *   npx tsx benchmarks/concept-search.ts                              # taxonomy/esco-1.1.1 + local extension
 *   npx tsx benchmarks/concept-search.ts --taxonomy ../shared/esco --extension '' --model
 *   npx tsx benchmarks/concept-search.ts --baseline main --rounds 4   # against another revision, same run
 *   npx tsx benchmarks/concept-search.ts --baseline main --check      # same hits as that revision?
 *
 * --baseline REV copies that revision's search.ts, label-index.ts and char-ngrams.ts out of git into
 * a temporary directory (outside the repository; every other import points at this tree, so only
 * those three files differ) and times both, alternating which goes first, `--rounds` times each:
 * on a shared machine only figures of one run compare. --check runs the same queries, and
 * `--whole` whole preferred labels per language, through both and counts identical top-10s of
 * ConceptSearch (and identical top-50s of each ranking), printing the first differences.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { TransformersEmbedder } from '../src/adapters/embedders/transformers.js';
import { loadEscoCsv } from '../src/adapters/taxonomy/esco-csv.js';
import { LabelVectors } from '../src/core/taxonomy/label-vectors.js';
import { ConceptSearch, type SemanticSignal } from '../src/core/taxonomy/search.js';
import type { Concept, Taxonomy } from '../src/core/taxonomy/taxonomy.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    taxonomy: { type: 'string', default: join(ROOT, 'taxonomy', 'esco-1.1.1') },
    extension: { type: 'string', default: join(ROOT, 'taxonomy', 'local-extension.csv') },
    labels: { type: 'string', default: '60' },
    model: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    check: { type: 'boolean', default: false },
    whole: { type: 'string', default: '1000' },
  },
});
const taxonomy = loadEscoCsv(resolve(values.taxonomy!), { extension: values.extension ? resolve(values.extension) : undefined });
const model = values.model
  ? await TransformersEmbedder.load({ modelDir: join(ROOT, 'models'), model: 'kohtaanto-jobs-fi-sv-en', quantized: true, batchSize: 64 })
  : undefined;

type Search = Pick<ConceptSearch, 'search' | 'lexical' | 'trigramsOnly'>;
type SearchClass = new (taxonomy: Taxonomy, concepts: () => Iterable<Concept>, semantic?: SemanticSignal) => Search;

/** ConceptSearch of another revision: its three search files out of git, their other imports pointed at this tree. */
async function baselineClass(rev: string): Promise<{ Class: SearchClass; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'concept-search-baseline-'));
  const own = ['search.ts', 'label-index.ts', 'char-ngrams.ts'];
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of own) {
    const source = execFileSync('git', ['show', `${rev}:src/core/taxonomy/${file}`], { cwd: ROOT, encoding: 'utf8' });
    const rewritten = source.replace(/from '(\.\.?\/[^']+)\.js'/g, (whole, path: string) =>
      own.includes(`${path.replace('./', '')}.ts`) ? whole : `from '${pathToFileURL(join(ROOT, 'src', 'core', 'taxonomy', `${path}.ts`)).href}'`,
    );
    writeFileSync(join(dir, file), rewritten);
  }
  const module = (await import(pathToFileURL(join(dir, 'search.ts')).href)) as { ConceptSearch: SearchClass };
  return { Class: module.ConceptSearch, dir };
}

const baseline = values.baseline ? await baselineClass(values.baseline) : undefined;
const revision = (rev: string) => execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
const variants: { name: string; Class: SearchClass }[] = [
  { name: `this tree (${revision('HEAD')}${execFileSync('git', ['status', '--porcelain', '--', 'src/core/taxonomy'], { cwd: ROOT, encoding: 'utf8' }).trim() ? '+changes' : ''})`, Class: ConceptSearch },
  ...(baseline ? [{ name: `${values.baseline} (${revision(values.baseline!)})`, Class: baseline.Class }] : []),
];

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

/** `n` preferred labels in `lang`, spread over the concepts. */
function wholeLabels(concepts: readonly Concept[], lang: string, n: number): string[] {
  const step = Math.max(1, Math.floor(concepts.length / n));
  const out: string[] = [];
  for (let i = Math.floor(step / 2); i < concepts.length; i += step) {
    const label = concepts[i]!.labels[lang]?.preferred;
    if (label) out.push(label);
  }
  return out;
}

const rounds = Math.max(1, Number(values.rounds));
const header = `| concepts | lang | queries | search | build (ms) | words p50 / p99 | trigrams p50 / p99 | ConceptSearch p50 / p99 |${model ? ' + model p50 / p99 |' : ''}`;
if (!values.check) {
  console.log(`${rounds} round(s)${baseline ? ', the two alternating' : ''}, ${new Date().toISOString()}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  console.log(header);
  console.log(`|---|---|---|---|---|---|---|---|${model ? '---|' : ''}`);
}
const differences: string[] = [];
for (const [kind, all] of [
  ['occupations', [...taxonomy.occupations.values()]],
  ['skills', [...taxonomy.skills.values()]],
] as const) {
  const labels = model ? await LabelVectors.build(model, all, { alt: kind === 'occupations' }) : undefined;
  const built: { name: string; search: Search; semantic?: Search; build: number }[] = [];
  for (const { name, Class } of variants) {
    const started = performance.now();
    const search = new Class(taxonomy, () => all);
    await search.search('warm up', 'en', 10);
    const build = performance.now() - started;
    const semantic = model ? new Class(taxonomy, () => all, { embedder: model, labels: labels! }) : undefined;
    if (semantic) await semantic.search('warm up', 'en', 10);
    built.push({ name, search, semantic, build });
  }
  for (const lang of ['fi', 'sv', 'en']) {
    const qs = queries(all, lang, Number(values.labels));
    if (values.check) {
      const [now, before] = built;
      if (!now || !before) throw new Error('--check needs --baseline');
      const checked = [...qs, ...wholeLabels(all, lang, Number(values.whole))];
      const same = { top10: 0, top10Model: 0, words: 0, trigrams: 0 };
      const ids = (hits: { uri: string; score: number }[]) => hits.map((h) => `${h.uri} ${h.score}`).join('\n');
      for (const q of checked) {
        const a = await now.search.search(q, lang, 10);
        const b = await before.search.search(q, lang, 10);
        if (ids(a) === ids(b)) same.top10++;
        else if (differences.length < 20) differences.push(`${kind} ${lang} "${q}": ${b.map((h) => h.label).join(', ')} → ${a.map((h) => h.label).join(', ')}`);
        if (ids(now.search.lexical(q, lang, 50)) === ids(before.search.lexical(q, lang, 50))) same.words++;
        if (ids(now.search.trigramsOnly(q, 50)) === ids(before.search.trigramsOnly(q, 50))) same.trigrams++;
        if (now.semantic && before.semantic && ids(await now.semantic.search(q, lang, 10)) === ids(await before.semantic.search(q, lang, 10))) same.top10Model++;
      }
      const share = (x: number) => `${x}/${checked.length} (${((100 * x) / checked.length).toFixed(1)} %)`;
      console.log(
        `${kind} ${lang}: ${checked.length} queries (${qs.length} prefixes, ${checked.length - qs.length} whole labels); identical ConceptSearch top-10 ${share(same.top10)}` +
          `${model ? `, with the model ${share(same.top10Model)}` : ''}; identical top-50 words ${share(same.words)}, trigrams ${share(same.trigrams)} (uris and scores)`,
      );
      continue;
    }
    const times = built.map(() => ({ words: [] as number[], trigrams: [] as number[], whole: [] as number[], model: [] as number[] }));
    const time = async (into: number[], run: (q: string) => unknown) => {
      for (const q of qs) {
        const started = performance.now();
        await run(q);
        into.push(performance.now() - started);
      }
    };
    for (let round = 0; round < rounds; round++) {
      const turn = built.map((_, i) => i);
      if (round % 2 === 1) turn.reverse();
      for (const i of turn) {
        const { search, semantic } = built[i]!;
        await time(times[i]!.words, (q) => search.lexical(q, lang, 50));
        await time(times[i]!.trigrams, (q) => search.trigramsOnly(q, 50));
        await time(times[i]!.whole, (q) => search.search(q, lang, 10));
        if (semantic) await time(times[i]!.model, (q) => semantic.search(q, lang, 10));
      }
    }
    const cell = (xs: number[]) => `${ms(quantile(xs, 0.5))} / ${ms(quantile(xs, 0.99))}`;
    built.forEach(({ name, build }, i) => {
      const t = times[i]!;
      console.log(`| ${kind} (${all.length}) | ${lang} | ${qs.length} | ${name} | ${Math.round(build)} | ${cell(t.words)} | ${cell(t.trigrams)} | ${cell(t.whole)} |${model ? ` ${cell(t.model)} |` : ''}`);
    });
  }
}
if (values.check && differences.length > 0) console.log(`\nFirst differences (baseline → this tree):\n${differences.join('\n')}`);
if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
