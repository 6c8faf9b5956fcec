/**
 * Skill extraction from ad and CV sentences on ESCO v1.1.1 with the local extension: precision,
 * recall and F1 of the skills a text names as held or asked for, per language, on the labelled
 * sentences of benchmarks/extraction/sentences.ts (fi, sv, en; see its README.md). Methods, in the
 * same run, with the same taxonomy and embedder:
 *
 * - `kohtaanto`: this checkout (SkillNormalizer.read: lexical reading, stance, the model's check);
 * - `baseline <ref>`: the same call on a build of REF in a temporary git worktree (default: the
 *   commit this branch left main at, `git merge-base HEAD main`); `--baseline none` skips it;
 * - `char n-grams`: every run of 1–3 words looked up in a character-trigram TF-IDF index of all
 *   skill labels (src/core/taxonomy/char-ngrams.ts), kept at cosine ≥ 0.8, overlaps to the best.
 *
 * A found concept is right when it is one of the acceptable URIs of an expected item; recall counts
 * the expected items found. The text's language is given (an ad's language is known from its whole
 * text); the embedder is KOHTAANTO_EMBEDDER (the shipped model by default).
 *
 *   npm run bench:extraction [-- --baseline REF|none] [--verbose]
 *     # prints a Markdown table, writes benchmarks/results/extraction-<date>-<machine>.json
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { selectEmbedder } from '../src/adapters/embedders/select.js';
import { loadEscoCsv } from '../src/adapters/taxonomy/esco-csv.js';
import { loadConfig } from '../src/config.js';
import { CharNgramIndex } from '../src/core/taxonomy/char-ngrams.js';
import { SkillNormalizer } from '../src/core/taxonomy/normalizer.js';
import { tokenize } from '../src/core/taxonomy/phrases.js';
import { CONCEPTS, SENTENCES, type Lang } from './extraction/sentences.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    baseline: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const round = (x: number) => Math.round(x * 1000) / 1000;
const quiet = { info: () => {}, warn: () => {} };
const ESCO = join(ROOT, 'taxonomy', 'esco-1.1.1');
const EXTENSION = join(ROOT, 'taxonomy', 'local-extension.csv');
/** Lowest cosine at which the n-gram baseline takes a label as named. */
const NGRAM_MIN = 0.8;

type Extract = (text: string, lang: Lang) => Promise<string[]>;

/* eslint-disable @typescript-eslint/no-explicit-any -- a baseline build's normalizer has its own (older) types */
async function normalizerOf(root: string, ext: 'ts' | 'js', embedder: unknown): Promise<Extract> {
  const base = join(root, ext === 'ts' ? 'src' : 'dist');
  const mod = async (p: string): Promise<any> => import(pathToFileURL(join(base, `${p}.${ext}`)).href);
  const [csv, norm, lang] = await Promise.all([mod('adapters/taxonomy/esco-csv'), mod('core/taxonomy/normalizer'), mod('adapters/language/eld-detector')]);
  const taxonomy = csv.loadEscoCsv(ESCO, { extension: EXTENSION });
  const lexical = (embedder as { id: string }).id.startsWith('lexical');
  const normalizer: any = await norm.SkillNormalizer.create(taxonomy, embedder, { nnThreshold: lexical ? 0.6 : 0.85 }, lang.eldDetector);
  // The text-reading call of the build: `read` (with the model's check) where it exists, else `readText`.
  if (typeof normalizer.read === 'function') return async (text, l) => (await normalizer.read(text, l)).held.map((r: any) => r.uri);
  return async (text, l) => normalizer.readText(text, l).held.map((r: any) => r.uri);
}

function ngramBaseline(): Extract {
  const taxonomy = loadEscoCsv(ESCO, { extension: EXTENSION });
  const index = new CharNgramIndex(taxonomy.skills.values());
  return async (text) => {
    const tokens = tokenize(text);
    const hits: { uri: string; score: number; from: number; to: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = 1; n <= 3 && i + n <= tokens.length; n++) {
        const span = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
        const [best] = index.search(span, 1);
        if (best && best.score >= NGRAM_MIN) hits.push({ ...best, from: i, to: i + n });
      }
    }
    hits.sort((a, b) => b.score - a.score || b.to - b.from - (a.to - a.from));
    const taken = new Set<number>();
    const uris = new Set<string>();
    for (const h of hits) {
      const covered = Array.from({ length: h.to - h.from }, (_, k) => h.from + k);
      if (covered.some((t) => taken.has(t))) continue;
      for (const t of covered) taken.add(t);
      uris.add(h.uri);
    }
    return [...uris];
  };
}

/** A temporary worktree of REF, built (tsc only). */
function baselineWorktree(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaanto-extraction-baseline-'));
  rmSync(dir, { recursive: true, force: true });
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  if (!existsSync(join(dir, 'dist', 'core', 'taxonomy', 'normalizer.js'))) throw new Error(`baseline ${ref}: no dist/core/taxonomy/normalizer.js after tsc`);
  return dir;
}

function removeWorktree(dir: string) {
  try {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'prune'], { cwd: ROOT, stdio: 'ignore' });
  }
}

interface Row {
  method: string;
  lang: Lang | 'all';
  sentences: number;
  expected: number;
  found: number;
  precision: number | null;
  recall: number;
  f1: number;
  /** Sentences naming no skill that got one. */
  noSkillWithHit: number;
  noSkillSentences: number;
  msPerSentence: number;
}

async function evaluate(method: string, extract: Extract): Promise<Row[]> {
  const got: string[][] = [];
  const started = performance.now();
  for (const s of SENTENCES) got.push(await extract(s.text, s.lang));
  const ms = (performance.now() - started) / SENTENCES.length;
  const rows: Row[] = [];
  for (const lang of ['fi', 'sv', 'en', 'all'] as const) {
    let right = 0;
    let found = 0;
    let hit = 0;
    let expected = 0;
    let noSkill = 0;
    let noSkillWithHit = 0;
    SENTENCES.forEach((s, i) => {
      if (lang !== 'all' && s.lang !== lang) return;
      const uris = new Set(got[i]);
      const groups = s.expect.map((k) => new Set(CONCEPTS[k]));
      const acceptable = new Set(groups.flatMap((g) => [...g]));
      found += uris.size;
      right += [...uris].filter((u) => acceptable.has(u)).length;
      expected += groups.length;
      hit += groups.filter((g) => [...uris].some((u) => g.has(u))).length;
      if (groups.length === 0) {
        noSkill++;
        if (uris.size > 0) noSkillWithHit++;
      }
      if (values.verbose && lang !== 'all' && (uris.size !== [...uris].filter((u) => acceptable.has(u)).length || groups.some((g) => ![...uris].some((u) => g.has(u))))) {
        console.log(`${method} | ${s.lang} | ${s.text} | expected ${s.expect.join(' ') || '–'} | got ${[...uris].map((u) => u.replace(/^.*\//, '').slice(0, 8)).join(' ') || '–'}`);
      }
    });
    const precision = found === 0 ? null : round(right / found);
    const recall = expected === 0 ? 0 : round(hit / expected);
    const f1 = precision && recall ? round((2 * precision * recall) / (precision + recall)) : 0;
    const sentences = lang === 'all' ? SENTENCES.length : SENTENCES.filter((s) => s.lang === lang).length;
    rows.push({ method, lang, sentences, expected, found, precision, recall, f1, noSkillWithHit, noSkillSentences: noSkill, msPerSentence: round(ms) });
  }
  return rows;
}

async function main() {
  const config = loadConfig({ ...process.env, KOHTAANTO_LOG_LEVEL: 'silent' });
  const embedder = await selectEmbedder(config.embedder, config.model, quiet);
  const ref = values.baseline ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim().slice(0, 7);
  const rows: Row[] = [];
  rows.push(...(await evaluate('kohtaanto', await normalizerOf(ROOT, 'ts', embedder))));
  if (ref !== 'none') {
    const dir = baselineWorktree(ref);
    try {
      rows.push(...(await evaluate(`baseline ${ref}`, await normalizerOf(dir, 'js', embedder))));
    } finally {
      removeWorktree(dir);
    }
  }
  rows.push(...(await evaluate('char n-grams', ngramBaseline())));

  console.log(`\nSkill extraction on ${SENTENCES.length} labelled sentences, ESCO v1.1.1 + local extension, embedder ${embedder.id}\n`);
  console.log('| method | language | sentences | items expected | found | precision | recall | F1 | no-skill sentences with a hit | ms/sentence |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.method} | ${r.lang} | ${r.sentences} | ${r.expected} | ${r.found} | ${r.precision ?? '–'} | ${r.recall} | ${r.f1} | ${r.noSkillWithHit}/${r.noSkillSentences} | ${r.msPerSentence} |`);
  }
  mkdirSync(values.out!, { recursive: true });
  const file = join(values.out!, `extraction-${new Date().toISOString().slice(0, 10)}-${hostname()}.json`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), embedder: embedder.id, baseline: ref, sentences: SENTENCES.length, rows }, null, 2));
  console.log(`\nwrote ${file}`);
}

await main();
