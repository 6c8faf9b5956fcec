/**
 * Writes the compact ESCO build that Kohtaanto embeds as its default taxonomy, from an official ESCO
 * CSV export (v1.1.1 in ../shared/esco: English in full, Finnish and Swedish labels):
 *
 *   npm run taxonomy:build -- ../shared/esco              # → taxonomy/esco-1.1.1/
 *   npm run taxonomy:build -- ../shared/esco --out DIR --langs fi,sv,en
 *
 * The official layout and file names are kept, only gzipped (`<file>.csv.gz`; the loader reads
 * `.csv` and `.csv.gz` alike), so the same loader reads this build and any official export. Kept: the
 * columns the loader reads (URIs, types, ISCO group and code, preferred and alternative labels) of
 * skills, occupations and ISCO groups in each language, the occupation–skill relations (essential /
 * optional), the skill–skill relations and both hierarchies (broaderRelationsSkillPillar,
 * broaderRelationsOccPillar). Dropped: descriptions, definitions, scope notes, hidden labels,
 * status and dates, the collections and the skill groups' labels (the loader uses none of them).
 * The output is deterministic: the same export gives the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { csvRecords } from '../src/adapters/taxonomy/csv-records.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: join(import.meta.dirname, 'esco-1.1.1') },
    langs: { type: 'string', default: 'fi,sv,en' },
  },
});
const source = resolve(positionals[0] ?? join(import.meta.dirname, '..', '..', 'shared', 'esco'));
const out = resolve(values.out!);
const langs = values.langs!.split(',');

/** Each file kept: its name pattern and the columns kept, in the official order. */
const FILES: [RegExp, string[]][] = [
  [/^skills_([a-z]{2,3})\.csv$/, ['conceptType', 'conceptUri', 'skillType', 'reuseLevel', 'preferredLabel', 'altLabels']],
  [/^occupations_([a-z]{2,3})\.csv$/, ['conceptType', 'conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'code']],
  [/^ISCOGroups_([a-z]{2,3})\.csv$/, ['conceptType', 'conceptUri', 'code', 'preferredLabel', 'altLabels']],
  [/^occupationSkillRelations\.csv$/, ['occupationUri', 'relationType', 'skillType', 'skillUri']],
  [/^skillSkillRelations\.csv$/, ['originalSkillUri', 'originalSkillType', 'relationType', 'relatedSkillType', 'relatedSkillUri']],
  [/^broaderRelationsSkillPillar\.csv$/, ['conceptType', 'conceptUri', 'broaderType', 'broaderUri']],
  [/^broaderRelationsOccPillar\.csv$/, ['conceptType', 'conceptUri', 'broaderType', 'broaderUri']],
];

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let total = 0;
const written: string[] = [];
for (const file of readdirSync(source).sort()) {
  const rule = FILES.find(([pattern]) => pattern.test(file));
  if (!rule) continue;
  const lang = rule[0].exec(file)![1];
  if (lang && !langs.includes(lang)) continue;
  const rows = csvRecords(readFileSync(join(source, file), 'utf8'));
  const columns = rule[1].filter((c) => rows.length === 0 || c in rows[0]!);
  const text = [columns.join(','), ...rows.map((row) => columns.map((c) => cell((row[c] ?? '').trim())).join(','))].join('\n') + '\n';
  const gz = gzipSync(text, { level: 9 });
  writeFileSync(join(out, `${file}.gz`), gz);
  total += gz.length;
  written.push(`${file}.gz  ${rows.length} rows  ${(gz.length / 1024).toFixed(0)} KiB (${(text.length / 1024).toFixed(0)} KiB as text)`);
}
if (!written.some((w) => w.startsWith('skills_'))) throw new Error(`no skills_<lang>.csv for ${langs.join(', ')} in ${source} (expected an ESCO CSV export)`);
console.log(written.join('\n'));
console.log(`wrote ${written.length} files, ${(total / 1024 / 1024).toFixed(2)} MiB, to ${out}`);
