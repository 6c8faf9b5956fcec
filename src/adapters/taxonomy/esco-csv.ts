import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { IscoGroup, OccupationConcept, SkillConcept, TaxonomyExtras } from '../../core/taxonomy/taxonomy.js';
import { withFinlandSwedish } from '../../core/taxonomy/finland-swedish.js';
import { Taxonomy } from '../../core/taxonomy/taxonomy.js';
import { csvRecords } from './csv-records.js';
import { applyExtension, readExtension } from './local-extension.js';
import { messageOf } from '../../core/thrown.js';

type Row = Record<string, string>;

const labelsOf = (row: Row) => ({
  preferred: row.preferredLabel!.trim(),
  alt: (row.altLabels ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && l !== row.preferredLabel),
});

/** A directory's CSV files by their name without `.gz`: each file may be gzipped (the committed ESCO build is). */
function csvFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.csv')) files.set(f, f);
    else if (f.endsWith('.csv.gz') && !files.has(f.slice(0, -3))) files.set(f.slice(0, -3), f);
  }
  return files;
}

/**
 * Reads a taxonomy in the ESCO CSV export layout: `skills_<lang>.csv` and `occupations_<lang>.csv`
 * for every language present (the official export in any languages, the compact ESCO build in
 * taxonomy/esco-1.1.1/ whose files are gzipped, or the curated test taxonomy in fixtures/taxonomy/),
 * and `occupationSkillRelations.csv` (or `..._<lang>.csv`). Any file may be `<name>.csv.gz`.
 * `extension`: a local extension CSV layered on top (see local-extension.ts).
 */
export function loadEscoCsv(dir: string, options: { extension?: string | undefined } = {}): Taxonomy {
  const byName = csvFiles(dir);
  const files = [...byName.keys()];
  const langsOf = (prefix: string) =>
    files.flatMap((f) => {
      const m = new RegExp(`^${prefix}_([a-z]{2,3})\\.csv$`).exec(f);
      return m ? [m[1]!] : [];
    });
  const skillLangs = langsOf('skills');
  if (skillLangs.length === 0) throw new Error(`no skills_<lang>.csv in ${dir} (expected an ESCO CSV export)`);
  const hash = createHash('sha256');
  const read = (file: string): Row[] => {
    const actual = byName.get(file) ?? file;
    const bytes = readFileSync(join(dir, actual));
    const text = (actual.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    hash.update(file).update(text);
    try {
      return csvRecords(text);
    } catch (error) {
      throw new Error(`${join(dir, actual)}: ${messageOf(error)}`);
    }
  };

  const skills = new Map<string, SkillConcept>();
  for (const lang of skillLangs) {
    for (const row of read(`skills_${lang}.csv`)) {
      if (!row.conceptUri || !row.preferredLabel) continue;
      const skill = skills.get(row.conceptUri) ?? { uri: row.conceptUri, skillType: row.skillType ?? '', labels: {} };
      skill.labels[lang] = labelsOf(row);
      skills.set(row.conceptUri, skill);
    }
  }

  const occupations = new Map<string, OccupationConcept>();
  for (const lang of langsOf('occupations')) {
    for (const row of read(`occupations_${lang}.csv`)) {
      if (!row.conceptUri || !row.preferredLabel) continue;
      const occupation = occupations.get(row.conceptUri) ?? {
        uri: row.conceptUri,
        iscoGroup: row.iscoGroup ?? '',
        code: row.code ?? '',
        labels: {},
        essential: [],
        optional: [],
      };
      occupation.labels[lang] = labelsOf(row);
      occupations.set(row.conceptUri, occupation);
    }
  }

  let source = dir;
  if (options.extension) {
    const { text, rows } = readExtension(options.extension);
    // 'claims': the extension's occupation labels are taken from other occupations (applyExtension).
    hash.update('extension+claims').update(text);
    const added = applyExtension(rows, skills, occupations);
    source = `${dir} + ${basename(options.extension)} (${added.labels} labels, ${added.concepts} local concepts, ${added.claimed} labels taken from other occupations${added.skipped ? `, ${added.skipped} rows of concepts not in this taxonomy skipped` : ''})`;
  }

  const relations = files.find((f) => /^occupationSkillRelations(_[a-z]{2,3})?\.csv$/.test(f));
  if (relations) {
    for (const row of read(relations)) {
      const occupation = occupations.get(row.occupationUri ?? '');
      if (!occupation || !row.skillUri || !skills.has(row.skillUri)) continue;
      (row.relationType === 'essential' ? occupation.essential : occupation.optional).push(row.skillUri);
    }
  }
  const extras: TaxonomyExtras = {};
  if (files.includes('broaderRelationsSkillPillar.csv')) {
    extras.broaderSkills = read('broaderRelationsSkillPillar.csv').flatMap((row): [string, string][] =>
      row.conceptUri && row.broaderUri && skills.has(row.conceptUri) && skills.has(row.broaderUri) ? [[row.conceptUri, row.broaderUri]] : [],
    );
  }
  if (files.includes('skillSkillRelations.csv')) {
    extras.relatedSkills = read('skillSkillRelations.csv').flatMap((row): [string, string][] =>
      row.originalSkillUri && row.relatedSkillUri ? [[row.originalSkillUri, row.relatedSkillUri]] : [],
    );
  }
  const groups = new Map<string, IscoGroup>();
  for (const lang of langsOf('ISCOGroups')) {
    for (const row of read(`ISCOGroups_${lang}.csv`)) {
      if (!row.conceptUri || !row.preferredLabel || !row.code) continue;
      const group = groups.get(row.code) ?? { uri: row.conceptUri, code: row.code, labels: {} };
      group.labels[lang] = labelsOf(row);
      groups.set(row.code, group);
    }
  }
  if (groups.size > 0) extras.iscoGroups = [...groups.values()];
  const id = `${basename(dir)}:${hash.digest('hex').slice(0, 12)}`;
  // Finland-Swedish job words beside ESCO's Sweden-Swedish ones (see finland-swedish.ts).
  return new Taxonomy(id, source, [...skills.values()].map(withFinlandSwedish), [...occupations.values()].map(withFinlandSwedish), extras);
}

export const isTaxonomyDir = (dir: string) => existsSync(dir) && readdirSync(dir).some((f) => /^skills_[a-z]{2,3}\.csv(\.gz)?$/.test(f));
