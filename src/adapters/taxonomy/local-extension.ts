import { readFileSync } from 'node:fs';
import type { Concept, OccupationConcept, SkillConcept } from '../../core/taxonomy/taxonomy.js';
import { csvRecords } from './csv-records.js';

/**
 * The local extension layered on ESCO (taxonomy/local-extension.csv): working-life names ESCO
 * lacks, one row per label — `conceptUri,type,lang,label,source`. A row naming a concept of the
 * taxonomy adds an alternative label to it; a row naming a concept the taxonomy lacks adds a local
 * concept (`urn:kohtaanto:local:…`), whose first label in a language is its preferred one. Rows of
 * a concept another ESCO version does not have (an `http://data.europa.eu/esco/` URI) are skipped.
 */
export interface ExtensionResult {
  /** Alternative labels added to existing concepts. */
  labels: number;
  /** Local concepts added. */
  concepts: number;
  /** Rows skipped: their ESCO concept is not in this taxonomy. */
  skipped: number;
}

export function readExtension(file: string): { text: string; rows: Record<string, string>[] } {
  const text = readFileSync(file, 'utf8');
  const rows = csvRecords(text);
  rows.forEach((row, i) => {
    if (!row.conceptUri || !row.label || !row.lang || (row.type !== 'skill' && row.type !== 'occupation') || !row.source) {
      throw new Error(`${file}: line ${i + 2}: conceptUri, type (skill or occupation), lang, label and source are required`);
    }
  });
  return { text, rows };
}

export function applyExtension(
  rows: Record<string, string>[],
  skills: Map<string, SkillConcept>,
  occupations: Map<string, OccupationConcept>,
): ExtensionResult {
  const result: ExtensionResult = { labels: 0, concepts: 0, skipped: 0 };
  const local = new Set<string>();
  for (const row of rows) {
    const uri = row.conceptUri!;
    const label = row.label!.trim();
    const lang = row.lang!;
    const map: Map<string, Concept> = row.type === 'skill' ? skills : occupations;
    let concept = map.get(uri);
    if (!concept) {
      if (uri.startsWith('http://data.europa.eu/esco/')) {
        result.skipped++;
        continue;
      }
      const created: SkillConcept | OccupationConcept =
        row.type === 'skill'
          ? { uri, skillType: 'skill/competence', labels: {} }
          : { uri, iscoGroup: row.iscoGroup ?? '', code: '', labels: {}, essential: [], optional: [] };
      map.set(uri, created);
      concept = created;
      local.add(uri);
      result.concepts++;
    }
    const own = concept.labels[lang];
    if (!own) {
      concept.labels[lang] = { preferred: label, alt: [] };
      if (!local.has(uri)) result.labels++;
      continue;
    }
    if ([own.preferred, ...own.alt].some((l) => l.toLocaleLowerCase(lang) === label.toLocaleLowerCase(lang))) continue;
    own.alt.push(label);
    if (!local.has(uri)) result.labels++;
  }
  return result;
}
