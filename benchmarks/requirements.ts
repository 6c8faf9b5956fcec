/**
 * Requirement extraction from ad text (licence classes, languages with level, cards; essential or
 * an advantage) on the labelled sentences of benchmarks/requirements/sentences.ts, per language:
 *
 * - `today`: what main read from an ad's text before requirements were extracted: nothing (only
 *   the `languages` and `drivingLicenceRequired` fields made gates);
 * - `mention`: every licence, card and language the sentence names, as essential (no cue reading);
 * - `kohtaanto`: src/core/requirements/extract.ts (cue words, negation, advantages, offers).
 *
 * An item counts when its kind, value, level and importance all agree (`lang:sv:good!`).
 *
 *   npm run bench:requirements [-- --verbose]     # prints a Markdown table, writes benchmarks/results/requirements-<date>-<machine>.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractRequirements } from '../src/core/requirements/extract.js';
import type { VacancyRequirements } from '../src/core/schemas/requirements.js';
import { SENTENCES } from './requirements/sentences.js';

const { values } = parseArgs({
  options: { out: { type: 'string', default: join(import.meta.dirname, 'results') }, verbose: { type: 'boolean', default: false } },
});
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
  kohtaanto: (text, lang) => itemsOf(extractRequirements(text, lang)),
};

const rows = [];
for (const [method, run] of Object.entries(METHODS)) {
  for (const lang of ['fi', 'sv', 'en', 'all'] as const) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let exact = 0;
    const sentences = SENTENCES.filter((s) => lang === 'all' || s.lang === lang);
    for (const s of sentences) {
      const got = new Set(run(s.text, s.lang));
      const want = new Set(s.expect);
      const hits = [...got].filter((g) => want.has(g)).length;
      tp += hits;
      fp += got.size - hits;
      fn += want.size - hits;
      if (hits === got.size && hits === want.size) exact++;
      else if (values.verbose && method === 'kohtaanto' && lang !== 'all') console.log(`${s.lang} | ${s.text} | expected ${[...want].join(' ') || '–'} | got ${[...got].join(' ') || '–'}`);
    }
    const precision = tp + fp === 0 ? null : round(tp / (tp + fp));
    const recall = tp + fn === 0 ? null : round(tp / (tp + fn));
    const f1 = precision && recall ? round((2 * precision * recall) / (precision + recall)) : 0;
    rows.push({ method, lang, sentences: sentences.length, expected: tp + fn, found: tp + fp, precision, recall, f1, sentencesAllRight: round(exact / sentences.length) });
  }
}

console.log('\n| method | language | sentences | items expected | found | precision | recall | F1 | sentences all right |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.method} | ${r.lang} | ${r.sentences} | ${r.expected} | ${r.found} | ${r.precision ?? '–'} | ${r.recall} | ${r.f1} | ${r.sentencesAllRight} |`);
}
mkdirSync(values.out!, { recursive: true });
const file = join(values.out!, `requirements-${new Date().toISOString().slice(0, 10)}-${hostname()}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), sentences: SENTENCES.length, rows }, null, 2));
console.log(`\nwrote ${file}`);
