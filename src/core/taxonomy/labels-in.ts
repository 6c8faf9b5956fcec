import type { Lang } from '../languages.js';

/** What labels a concept: the taxonomy's preferred label of `uri` in `lang` (src/core/taxonomy/taxonomy.ts). */
export type ConceptLabel = (uri: string, lang: Lang) => string;

const isConcept = (v: unknown): v is { uri: string; label: string } =>
  typeof v === 'object' && v !== null && 'uri' in v && 'label' in v && typeof v.uri === 'string' && typeof v.label === 'string';

/**
 * A record's taxonomy concepts (its `normalized`: skills, occupation) labelled in `lang`, as a reader of
 * that language reads them: the record stores the labels of its own text's language, so a Finnish vacancy
 * read in Swedish showed its required skills in Finnish. A free-text skill (`text:…`) keeps its words.
 * A copy (JSON, as the answer is sent): the record itself is not changed.
 */
export function labelledIn<T>(value: T, lang: Lang, label: ConceptLabel): T {
  const copy: T = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    isConcept(v) && !v.uri.startsWith('text:') ? { ...v, label: label(v.uri, lang) } : v,
  );
  return copy;
}
