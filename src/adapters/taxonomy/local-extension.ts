import { readFileSync } from 'node:fs';
import type { Concept, OccupationConcept, SkillConcept } from '../../core/taxonomy/taxonomy.js';
import { csvRecords } from './csv-records.js';

/**
 * The local extension layered on ESCO (taxonomy/local-extension.csv): working-life names ESCO
 * lacks, one row per label — `conceptUri,type,lang,label,source`. A row naming a concept of the
 * taxonomy adds an alternative label to it; a row naming a concept the taxonomy lacks adds a local
 * concept (`urn:kohtaanto:local:…`), whose first label in a language is its preferred one. Rows of
 * a concept another ESCO version does not have (an `http://data.europa.eu/esco/` URI) are skipped.
 * An occupation label the extension gives is the reviewed Finnish working-life reading of that
 * word: another occupation holding the same label in that language loses it (ESCO's sv "kock" is a
 * chef, "städare" a room attendant, "personlig assistent" a disability support worker; in Finland's
 * ads and CVs they are the cook, the cleaner and henkilökohtainen avustaja). A concept losing its
 * preferred label there takes its first alternative one, or keeps its labels in the other languages.
 */
export interface ExtensionResult {
  /** Alternative labels added to existing concepts. */
  labels: number;
  /** Local concepts added. */
  concepts: number;
  /** Rows skipped: their ESCO concept is not in this taxonomy. */
  skipped: number;
  /** Labels taken from other occupations (see the header). */
  claimed: number;
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
  const result: ExtensionResult = { labels: 0, concepts: 0, skipped: 0, claimed: 0 };
  /** lang → lower-cased occupation label → the concept the extension gives it. */
  const claims = new Map<string, Map<string, string>>();
  const local = new Set<string>();
  for (const row of rows) {
    const uri = row.conceptUri!;
    const label = row.label!.trim();
    const lang = row.lang!;
    const map: Map<string, Concept> = row.type === 'skill' ? skills : occupations;
    let concept = map.get(uri);
    if (row.type === 'occupation' && (concept || !uri.startsWith('http://data.europa.eu/esco/'))) {
      if (!claims.has(lang)) claims.set(lang, new Map());
      claims.get(lang)!.set(label.toLocaleLowerCase(lang), uri);
    }
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
  result.claimed = releaseClaimed(claims, occupations);
  return result;
}

/** Removes each claimed label from the occupations the extension did not give it to; the count removed. */
function releaseClaimed(claims: Map<string, Map<string, string>>, occupations: Map<string, OccupationConcept>): number {
  let removed = 0;
  for (const concept of occupations.values()) {
    for (const [lang, byLabel] of claims) {
      const own = concept.labels[lang];
      if (!own) continue;
      const taken = (l: string) => {
        const owner = byLabel.get(l.toLocaleLowerCase(lang));
        return owner !== undefined && owner !== concept.uri;
      };
      const alt = own.alt.filter((l) => !taken(l));
      removed += own.alt.length - alt.length;
      if (!taken(own.preferred)) {
        own.alt = alt;
        continue;
      }
      removed++;
      if (alt.length > 0) concept.labels[lang] = { preferred: alt[0]!, alt: alt.slice(1) };
      else delete concept.labels[lang];
    }
  }
  return removed;
}
