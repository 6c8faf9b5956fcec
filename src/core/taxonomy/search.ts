import type { Embedder } from '../ports.js';
import type { LabelVectors } from './label-vectors.js';
import { tokenize, wordSimilarity } from './phrases.js';
import type { Concept, Taxonomy } from './taxonomy.js';

/** The embedding side of concept search: the query's vector against the concepts' label vectors. */
export interface SemanticSignal {
  embedder: Embedder;
  labels: LabelVectors;
}

/** Reciprocal-rank fusion constant; small, so that the first places of each ranking weigh most. */
const FUSION_K = 10;
const SEMANTIC_POOL = 50;

export interface ConceptHit {
  uri: string;
  /** Preferred label in the requested language (or the nearest available one). */
  label: string;
  /** The label that matched the query, when it is not the preferred one. */
  matchedLabel?: string;
  score: number;
}

interface IndexedLabel {
  uri: string;
  text: string;
  preferred: boolean;
  words: string[];
}

/**
 * Concept search for autocomplete and for mapping job titles: the fusion (reciprocal rank) of a
 * lexical ranking — every query word begins a word of a label in the asked language, or is an
 * inflected form of one; labels that start with the query and preferred labels first — and, when
 * an embedder is in use, the concepts whose labels in any language are nearest the query's vector
 * (so "svetsare" or "welder" finds "hitsaaja" in Finnish).
 */
export class ConceptSearch {
  private readonly byLang = new Map<string, IndexedLabel[]>();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly concepts: () => Iterable<Concept>,
    private readonly semantic?: SemanticSignal,
  ) {}

  async search(q: string, lang: string, limit: number): Promise<ConceptHit[]> {
    const lexical = this.lexical(q, lang, Math.max(limit, SEMANTIC_POOL));
    if (!this.semantic || tokenize(q).length === 0) return lexical.slice(0, limit);
    const [vector] = await this.semantic.embedder.embed([q], 'query');
    const nearest = this.semantic.labels.nearest(vector!, SEMANTIC_POOL);
    const fused = new Map<string, { hit?: ConceptHit; score: number }>();
    lexical.forEach((hit, rank) => fused.set(hit.uri, { hit, score: 1 / (FUSION_K + rank + 1) }));
    nearest.forEach(({ uri }, rank) => {
      const seen = fused.get(uri);
      if (seen) seen.score += 1 / (FUSION_K + rank + 1);
      else fused.set(uri, { score: 1 / (FUSION_K + rank + 1) });
    });
    return [...fused.entries()]
      .sort((a, b) => b[1].score - a[1].score)
      .slice(0, limit)
      .map(([uri, { hit, score }]) => ({
        ...(hit ?? { uri, label: this.taxonomy.label(uri, lang) }),
        score: Math.round(score * 10_000) / 10_000,
      }));
  }

  /** The lexical ranking alone (the search when no embedder is in use). */
  lexical(q: string, lang: string, limit: number): ConceptHit[] {
    const query = tokenize(q).map((t) => t.norm);
    if (query.length === 0) return [];
    const phrase = query.join(' ');
    const best = new Map<string, { score: number; label: IndexedLabel; others: number }>();
    for (const label of this.labels(lang)) {
      let matched = 0;
      for (const word of query) {
        if (label.words.some((w) => w.startsWith(word) || wordSimilarity(word, w) > 0)) matched++;
        else break;
      }
      if (matched < query.length) continue;
      const joined = label.words.join(' ');
      const score =
        1 + (joined === phrase ? 2 : joined.startsWith(phrase) ? 1 : 0) + (label.preferred ? 1 : 0) + query.length / label.words.length / 2;
      const seen = best.get(label.uri);
      if (!seen) best.set(label.uri, { score, label, others: 0 });
      else if (score > seen.score) best.set(label.uri, { score, label, others: seen.others + 1 });
      else seen.others++;
    }
    // A concept many of whose labels match is more likely the one meant.
    const ranked = [...best.values()].map((b) => ({ ...b, score: b.score + Math.min(b.others, 5) * 0.1 }));
    return ranked
      .sort((a, b) => b.score - a.score || a.label.text.length - b.label.text.length)
      .slice(0, limit)
      .map(({ score, label }) => {
        const preferred = this.taxonomy.label(label.uri, lang);
        return { uri: label.uri, label: preferred, ...(label.text !== preferred ? { matchedLabel: label.text } : {}), score: Math.round(score * 100) / 100 };
      });
  }

  /** Labels in `lang`; concepts without labels in it fall back to their English (or any) labels. */
  private labels(lang: string): IndexedLabel[] {
    let labels = this.byLang.get(lang);
    if (labels) return labels;
    labels = [];
    for (const concept of this.concepts()) {
      const set = concept.labels[lang] ?? concept.labels.en ?? Object.values(concept.labels)[0];
      if (!set) continue;
      for (const [text, preferred] of [[set.preferred, true], ...set.alt.map((a) => [a, false])] as [string, boolean][]) {
        labels.push({ uri: concept.uri, text, preferred, words: tokenize(text).map((t) => t.norm) });
      }
    }
    this.byLang.set(lang, labels);
    return labels;
  }
}
