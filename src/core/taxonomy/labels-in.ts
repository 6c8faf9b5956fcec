import type { Lang } from '../languages.js';

/** What labels a concept: the taxonomy's preferred label of `uri` in `lang` (src/core/taxonomy/taxonomy.ts). */
export type ConceptLabel = (uri: string, lang: Lang) => string;
/**
 * The language of the label ConceptLabel gives for `uri` in `lang` when the taxonomy has none in `lang`
 * and gave another language's (a fallback), else undefined (src/core/taxonomy/taxonomy.ts).
 */
export type FallbackLanguage = (uri: string, lang: Lang) => string | undefined;

const isConcept = (v: unknown): v is { uri: string; label: string } =>
  typeof v === 'object' && v !== null && 'uri' in v && 'label' in v && typeof v.uri === 'string' && typeof v.label === 'string';

/**
 * A record's taxonomy concepts (its `normalized`: skills, occupation) labelled in `lang`, as a reader of
 * that language reads them: the record stores the labels of its own text's language, so a Finnish vacancy
 * read in Swedish showed its required skills in Finnish. A free-text skill (`text:…`) keeps its words.
 * A label the taxonomy has only in another language (a fallback) says which, in `fallbackLanguage`, so
 * that a reader can be told ("(på engelska)"). A copy (JSON, as the answer is sent): the record itself is
 * not changed.
 */
export function labelledIn<T>(value: T, lang: Lang, label: ConceptLabel, fallback?: FallbackLanguage): T {
  const copy: T = JSON.parse(JSON.stringify(value), (_key, v: unknown) => {
    if (!isConcept(v) || v.uri.startsWith('text:')) return v;
    const other = fallback?.(v.uri, lang);
    return { ...v, label: label(v.uri, lang), ...(other ? { fallbackLanguage: other } : {}) };
  });
  return copy;
}
