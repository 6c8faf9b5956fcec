/**
 * Requirement extraction from ad text (licence classes, languages with level, cards; essential or
 * an advantage) on the labelled sentences of benchmarks/requirements/sentences.ts, per language:
 *
 * - `today`: what main read from an ad's text before requirements were extracted: nothing (only
 *   the `languages` and `drivingLicenceRequired` fields made gates);
 * - `mention`: every licence, card and language the sentence names, as essential (no cue reading);
 * - `release REF` (with `--baseline REF`): src/core/requirements/ of that commit, read with `git archive`
 *   into a temporary directory and imported from there (the release before a change, in the same run);
 * - `kohtaanto`: src/core/requirements/extract.ts (cue words, negation, advantages, offers).
 *
 * Two sets, reported apart: `in-sample` (benchmarks/requirements/sentences.ts, written with the first
 * rules and read while writing them) and `held-out` (benchmarks/requirements/held-out.ts, written
 * before reading the rules and not edited after). An item counts when its kind, value, level and
 * importance all agree (`lang:sv:good!`).
 *
 *   npm run bench:requirements [-- --baseline 115c823] [-- --verbose]   # Markdown table, benchmarks/results/requirements-<date>-<machine>.json
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extractRequirements } from '../src/core/requirements/extract.js';
import type { VacancyRequirements } from '../src/core/schemas/requirements.js';
import { HELD_OUT } from './requirements/held-out.js';
import { SENTENCES, type LabelledSentence } from './requirements/sentences.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, 'results') },
    verbose: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const SETS: [string, LabelledSentence[]][] = [
  ['in-sample', SENTENCES],
  ['held-out', HELD_OUT],
];
const round = (x: number) => Math.round(x * 1000) / 1000;

const itemsOf = (r: VacancyRequirements) => [
  ...r.licences.map((l) => `licence:${l.class}${l.required ? '!' : '?'}`),
  ...r.languages.map((l) => `lang:${l.code}:${l.level}${l.required ? '!' : '?'}`),
  ...r.cards.map((c) => `card:${c.id}${c.required ? '!' : '?'}`),
];

/** Every item named, as essential: extraction with every clause read as a requirement. */
const mention = (text: string, lang: string) => {
  const all = extractRequirements(`Vaatimukset: ${text.replace(/[.,;!?]|\b(ei|eikä|inte|ej|ingen|inget|not|no|without)\b/giu, ' ')}.`, lang);
  return itemsOf(all).map((i) => i.replace(/[?]$/, '!'));
};

const METHODS: Record<string, (text: string, lang: string) => string[]> = {
  today: () => [],
  mention,
};
/** The extractor of another commit, from a temporary copy of its src/core. */
let baselineDir: string | undefined;
if (values.baseline) {
  baselineDir = mkdtempSync(join(tmpdir(), 'kohtaanto-requirements-'));
  const root = join(import.meta.dirname, '..');
  execFileSync('sh', ['-c', `git archive ${values.baseline} src/core | tar -x -C ${baselineDir}`], { cwd: root });
  const old = await import(pathToFileURL(join(baselineDir, 'src', 'core', 'requirements', 'extract.ts')).href);
  METHODS[`release ${values.baseline}`] = (text, lang) => itemsOf(old.extractRequirements(text, lang));
}
METHODS.kohtaanto = (text, lang) => itemsOf(extractRequirements(text, lang));

const rows = [];
for (const [set, labelled] of SETS) for (const [method, run] of Object.entries(METHODS)) {
  for (const lang of ['fi', 'sv', 'en', 'all'] as const) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let exact = 0;
    const sentences = labelled.filter((s) => lang === 'all' || s.lang === lang);
    for (const s of sentences) {
      const got = new Set(run(s.text, s.lang));
      const want = new Set(s.expect);
      const hits = [...got].filter((g) => want.has(g)).length;
      tp += hits;
      fp += got.size - hits;
      fn += want.size - hits;
      if (hits === got.size && hits === want.size) exact++;
      else if (values.verbose && method === 'kohtaanto' && lang !== 'all') console.log(`${set} | ${s.lang} | ${s.text} | expected ${[...want].join(' ') || '–'} | got ${[...got].join(' ') || '–'}`);
    }
    const precision = tp + fp === 0 ? null : round(tp / (tp + fp));
    const recall = tp + fn === 0 ? null : round(tp / (tp + fn));
    const f1 = precision && recall ? round((2 * precision * recall) / (precision + recall)) : 0;
    rows.push({ set, method, lang, sentences: sentences.length, expected: tp + fn, found: tp + fp, precision, recall, f1, sentencesAllRight: round(exact / sentences.length) });
  }
}

console.log('\n| set | method | language | sentences | items expected | found | precision | recall | F1 | sentences all right |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.set} | ${r.method} | ${r.lang} | ${r.sentences} | ${r.expected} | ${r.found} | ${r.precision ?? '–'} | ${r.recall} | ${r.f1} | ${r.sentencesAllRight} |`);
}
mkdirSync(values.out!, { recursive: true });
const file = join(values.out!, `requirements-${new Date().toISOString().slice(0, 10)}-${hostname()}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), baseline: values.baseline ?? null, sentences: { inSample: SENTENCES.length, heldOut: HELD_OUT.length }, rows }, null, 2));
if (baselineDir) rmSync(baselineDir, { recursive: true, force: true });
console.log(`\nwrote ${file}`);
