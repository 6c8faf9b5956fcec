import type { Embedder } from '../ports.js';
import { CharNgramIndex } from './char-ngrams.js';
import { LabelIndex } from './label-index.js';
import type { LabelVectors } from './label-vectors.js';
import type { ConceptHit } from './schema.js';
import type { Concept, Taxonomy } from './taxonomy.js';

/** The embedding side of concept search: the query's vector against the concepts' label vectors. */
export interface SemanticSignal {
  embedder: Embedder;
  labels: LabelVectors;
}

/** Reciprocal-rank fusion constant; small, so that the first places of each ranking weigh most. */
const FUSION_K = 10;
/** How many places of each ranking enter the fusion. */
const POOL = 50;
/**
 * Weight of each ranking in the fusion, chosen on the taxonomy search benchmark
 * (`npm run bench:quality -- --only taxonomy`; trigrams at 0.25, 0.5 and 1 tried): words for
 * partial matches and compounds, character trigrams for inflections, slips and cognates in other
 * languages, the model for synonyms and translations. Without a model the trigrams weigh as much
 * as the words (better on Swedish titles and on cross-language queries); with one, half (at full
 * weight they crowd out the model's translations: held-out fi→concept MRR 0.157 → 0.115).
 */
const FUSION_WEIGHTS = { words: 1, trigrams: 1, trigramsWithModel: 0.5, semantic: 1 };

/** Added to the fused score of a concept with a label equal to the query: more than any fusion gives. */
const EXACT_LABEL_BONUS = 10;
const exact = (text: string) => text.trim().toLocaleLowerCase('fi').replace(/\s+/g, ' ');

export type { ConceptHit };

/**
 * Concept search for autocomplete and for mapping job titles and skill phrases: the weighted
 * reciprocal-rank fusion of a word ranking over labels in every language (partial matches,
 * word rarity, inflection, Finnish and Swedish compounds; see LabelIndex), a character trigram
 * ranking, and, with a model, the concepts whose label vectors are nearest the query's (so
 * "svetsare" or "welder" finds "hitsaaja"). Hits are labelled in the asked language.
 */
export class ConceptSearch {
  private words?: LabelIndex;
  private trigrams?: CharNgramIndex;

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly concepts: () => Iterable<Concept>,
    private readonly semantic?: SemanticSignal,
  ) {}

  async search(q: string, lang: string, limit: number): Promise<ConceptHit[]> {
    const words = this.wordIndex().search(q, lang, Math.max(limit, POOL));
    const trigrams = this.trigramIndex().search(q, Math.max(limit, POOL));
    const rankings: [string[], number][] = [
      [words.map((h) => h.uri), FUSION_WEIGHTS.words],
      [trigrams.map((h) => h.uri), this.semantic ? FUSION_WEIGHTS.trigramsWithModel : FUSION_WEIGHTS.trigrams],
    ];
    if (this.semantic && q.trim().length > 0) {
      const [vector] = await this.semantic.embedder.embed([q], 'query');
      rankings.push([this.semantic.labels.nearest(vector!, POOL).map((n) => n.uri), FUSION_WEIGHTS.semantic]);
    }
    const fused = new Map<string, number>();
    for (const [ranking, weight] of rankings) {
      ranking.forEach((uri, rank) => fused.set(uri, (fused.get(uri) ?? 0) + weight / (FUSION_K + rank + 1)));
    }
    // A label the query spells out in full (any language, any case) puts its concept first; several
    // such concepts keep the word ranking's order (a preferred label before an alternative one).
    const asked = exact(q);
    words.forEach((h, rank) => {
      if (exact(h.text) === asked) fused.set(h.uri, (fused.get(h.uri) ?? 0) + EXACT_LABEL_BONUS / (1 + rank));
    });
    const matched = new Map(words.map((h) => [h.uri, h.text]));
    return [...fused.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([uri, score]) => {
        const label = this.taxonomy.label(uri, lang);
        const text = matched.get(uri);
        return { uri, label, ...(text && text !== label ? { matchedLabel: text } : {}), score: Math.round(score * 10_000) / 10_000 };
      });
  }

  /** The word ranking alone (for callers needing how much of the query a label covers, such as title → occupation). */
  lexical(q: string, lang: string, limit: number) {
    return this.wordIndex().search(q, lang, limit);
  }

  /** The trigram ranking alone (benchmarks). */
  trigramsOnly(q: string, limit: number) {
    return this.trigramIndex().search(q, limit);
  }

  private wordIndex(): LabelIndex {
    return (this.words ??= new LabelIndex(this.concepts()));
  }

  private trigramIndex(): CharNgramIndex {
    return (this.trigrams ??= new CharNgramIndex(this.concepts()));
  }
}
