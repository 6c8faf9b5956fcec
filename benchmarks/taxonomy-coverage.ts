/**
 * How many of the fixture records' skill and title strings find a taxonomy concept by its labels
 * (whole-string label match, inflections included; no embedding fallback), on the curated test
 * taxonomy, on the ESCO build alone and on the ESCO build with the local extension; a title counts
 * as right when the occupation found is in the ISCO unit group the fixture generator gave it.
 *
 *   npx tsx benchmarks/taxonomy-coverage.ts            # prints a Markdown table
 *   npx tsx benchmarks/taxonomy-coverage.ts --missed   # and the strings ESCO + extension misses
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEscoCsv } from '../src/adapters/taxonomy/esco-csv.js';
import { SkillNormalizer } from '../src/core/taxonomy/normalizer.js';

const { values } = parseArgs({ options: { missed: { type: 'boolean', default: false } } });
const ROOT = join(import.meta.dirname, '..');
interface FixtureRecord { title: string; occupation: string; skills: string[]; languages?: string[] }
const records = ['vacancies.ndjson', 'jobseekers.ndjson'].flatMap((f) =>
  readFileSync(join(ROOT, 'fixtures', f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FixtureRecord),
);
const skillStrings = [...new Set(records.flatMap((r) => r.skills))];
const titles = new Map<string, string>();
for (const r of records) titles.set(r.title, r.occupation);
const round = (x: number) => Math.round(x * 1000) / 1000;

const rows = [];
for (const [name, dir, extension] of [
  ['curated test taxonomy (fixtures/taxonomy)', 'fixtures/taxonomy', undefined],
  ['ESCO v1.1.1 build (taxonomy/esco-1.1.1)', 'taxonomy/esco-1.1.1', undefined],
  ['ESCO v1.1.1 build + local extension', 'taxonomy/esco-1.1.1', 'taxonomy/local-extension.csv'],
] as const) {
  const taxonomy = loadEscoCsv(join(ROOT, dir), { extension: extension && join(ROOT, extension) });
  const normalizer = await SkillNormalizer.create(taxonomy, undefined, { nnThreshold: 0 });
  const refs = await normalizer.fromStrings(skillStrings, 'skills');
  const missedSkills = refs.filter((r) => r.method === 'unmatched').map((r) => r.evidence);
  // Skill strings weighted by how often records use them.
  const uses = records.flatMap((r) => r.skills);
  const missedSet = new Set(missedSkills);
  let titleFound = 0;
  let titleRight = 0;
  const missedTitles: string[] = [];
  for (const [title, isco] of titles) {
    const o = await normalizer.occupationOf(title, undefined, 'fi');
    if (o) titleFound++;
    if (o?.isco === isco) titleRight++;
    else missedTitles.push(`${title} (${isco} → ${o ? `${o.label} ${o.isco}` : 'none'})`);
  }
  rows.push({
    taxonomy: name,
    skillStrings: `${skillStrings.length - missedSkills.length} / ${skillStrings.length}`,
    skillUses: round(uses.filter((s) => !missedSet.has(s)).length / uses.length),
    titles: `${titleFound} / ${titles.size}`,
    titlesRightIsco: `${titleRight} / ${titles.size}`,
  });
  if (values.missed && extension) console.log(`missed skills: ${missedSkills.join(' | ')}\nmissed or other-group titles: ${missedTitles.join(' | ')}\n`);
}
console.log('| taxonomy | distinct skill strings with a concept | share of skill uses | distinct titles with an occupation | …in the fixture ISCO group |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.taxonomy} | ${r.skillStrings} | ${r.skillUses} | ${r.titles} | ${r.titlesRightIsco} |`);
