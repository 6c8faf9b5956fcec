import { tokenize, wordSimilarity } from './phrases.js';
import type { Concept } from './taxonomy.js';

/** One label of one concept, as the lexical search holds it. */
interface Entry {
  concept: number;
  text: string;
  lang: string;
  preferred: boolean;
  words: string[];
}

export interface LexicalHit {
  uri: string;
  /** The label that scored best. */
  text: string;
  lang: string;
  score: number;
  /** Share of the query's words found in that label (1: every word). */
  coverage: number;
  /** Every word of the label is in the query, matched as itself, an inflected form or a compound head (the label names what the query says). */
  contained: boolean;
}

/** How much a label word counts for a query word, by how they relate (see `relations`). */
const EXACT = 1;
const INFLECTED = 0.9;
const PREFIX = 0.7;
/** The query word is the head (last part) of a label compound: "förare" in "truckförare". */
const LABEL_HEAD = 0.7;
/** A label word is the head of the query compound: "veterinär" in "klinikveterinär", "kuljettaja" in "trukinkuljettaja". */
const QUERY_HEAD = 0.65;
/** A label word is the first part (modifier) of the query compound: "truck" in "truckförare". */
const QUERY_MODIFIER = 0.3;
/** A label compound sharing the query compound's first part: "kundtjänstrepresentant" for "kundtjänstmedarbetare". */
const SHARED_MODIFIER = 0.4;
/** Shortest first part shared that counts. */
const MIN_SHARED_MODIFIER = 6;
/** Shortest compound part considered on its own. */
const MIN_PART = 4;
/** Words in a label that the query does not name lower its score a little (specific labels rank below general ones). */
const EXTRA_WORD_PENALTY = 0.12;

/** Function words of Finnish, Swedish and English job titles and ads. */
const STOPWORDS = new Set([
  'ja', 'tai', 'sekä', 'on', 'ei', 'myös',
  'och', 'eller', 'till', 'i', 'på', 'för', 'av', 'med', 'som', 'en', 'ett', 'inom', 'vid',
  'a', 'an', 'the', 'for', 'of', 'in', 'at', 'to', 'and', 'or', 'with', 'on',
]);

const reverse = (s: string) => [...s].reverse().join('');

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Words of `sorted` starting with `prefix`. */
function withPrefix(sorted: string[], prefix: string, limit = 400): string[] {
  const out: string[] = [];
  for (let i = lowerBound(sorted, prefix); i < sorted.length && out.length < limit && sorted[i]!.startsWith(prefix); i++) out.push(sorted[i]!);
  return out;
}

/**
 * Ranked lexical search over concept labels in every language, for autocomplete and for mapping
 * job titles and skill phrases to concepts. A label scores by the query words it contains, each
 * weighted by its rarity (inverse document frequency) and by how it relates to the label's word:
 * the same word, an inflected form, a prefix (typing), or a part of a compound — Finnish and
 * Swedish put the head last ("truckförare", "trukinkuljettaja"), so a query word that ends a label
 * word counts, and so does a label word that ends the query word. Labels naming words the query
 * does not are ranked a little lower. Partial matches rank too: no query word is required.
 */
export class LabelIndex {
  private readonly entries: Entry[] = [];
  private readonly uris: string[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly vocabulary: string[];
  private readonly reversed: string[];

  constructor(concepts: Iterable<Concept>) {
    for (const concept of concepts) {
      const index = this.uris.push(concept.uri) - 1;
      for (const [lang, set] of Object.entries(concept.labels)) {
        const texts: [string, boolean][] = [[set.preferred, true], ...set.alt.map((a): [string, boolean] => [a, false])];
        for (const [text, preferred] of texts) {
          const words = tokenize(text).map((t) => t.norm);
          if (words.length === 0) continue;
          const id = this.entries.push({ concept: index, text, lang, preferred, words }) - 1;
          for (const w of new Set(words)) {
            const list = this.postings.get(w);
            if (list) list.push(id);
            else this.postings.set(w, [id]);
          }
        }
      }
    }
    const conceptsWith = (ids: number[]) => new Set(ids.map((id) => this.entries[id]!.concept)).size;
    const n = Math.max(1, this.uris.length);
    for (const [w, ids] of this.postings) this.idf.set(w, Math.log(1 + n / conceptsWith(ids)));
    this.vocabulary = [...this.postings.keys()].sort();
    this.reversed = this.vocabulary.map(reverse).sort();
  }

  get size(): number {
    return this.entries.length;
  }

  /** The best concepts for the query, best first; `lang` is preferred among equal labels; `accept`: only these concepts. */
  search(q: string, lang: string, limit: number, accept?: (uri: string) => boolean): LexicalHit[] {
    const words = [...new Set(tokenize(q).map((t) => t.norm))];
    // Function words ("till", "for", "ja") say nothing of the concept, unless they are all there is.
    const query = words.some((w) => !STOPWORDS.has(w)) ? words.filter((w) => !STOPWORDS.has(w)) : words;
    if (query.length === 0) return [];
    // Per label: the best weight found for each query word.
    const found = new Map<number, Float64Array>();
    /** Per label: how many of its words a query word matched strongly (the same word, inflected, or the head of a query compound). */
    const strong = new Map<number, Set<string>>();
    const weights = query.map((word) => this.maxIdf(word));
    query.forEach((word, qi) => {
      for (const [labelWord, weight] of this.relations(word)) {
        const idf = this.idf.get(labelWord)!;
        const isStrong = weight >= QUERY_HEAD && weight !== PREFIX && weight !== LABEL_HEAD;
        for (const id of this.postings.get(labelWord)!) {
          if (isStrong) {
            let words = strong.get(id);
            if (!words) strong.set(id, (words = new Set()));
            words.add(labelWord);
          }
          let row = found.get(id);
          if (!row) found.set(id, (row = new Float64Array(query.length)));
          const value = weight * Math.min(idf, weights[qi]!);
          if (value > row[qi]!) row[qi] = value;
        }
      }
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const best = new Map<number, LexicalHit & { others: number }>();
    for (const [id, row] of found) {
      const entry = this.entries[id]!;
      if (accept && !accept(this.uris[entry.concept]!)) continue;
      let sum = 0;
      let covered = 0;
      for (let i = 0; i < row.length; i++) {
        sum += row[i]!;
        if (row[i]! > 0) covered++;
      }
      const extra = Math.max(0, entry.words.length - covered);
      let score = (sum / total) * (1 / (1 + EXTRA_WORD_PENALTY * extra));
      if (entry.preferred) score *= 1.05;
      if (entry.lang === lang) score *= 1.05;
      const seen = best.get(entry.concept);
      const contained = entry.words.every((w) => strong.get(id)?.has(w));
      const hit = { uri: this.uris[entry.concept]!, text: entry.text, lang: entry.lang, score, coverage: covered / query.length, contained, others: 0 };
      if (!seen) best.set(entry.concept, hit);
      else if (score > seen.score) best.set(entry.concept, { ...hit, others: seen.others + 1 });
      else seen.others++;
    }
    // A concept several of whose labels match is more likely the one meant.
    return [...best.values()]
      .map(({ others, ...hit }) => ({ ...hit, score: Math.round(hit.score * (1 + 0.02 * Math.min(others, 5)) * 10_000) / 10_000 }))
      .sort((a, b) => b.score - a.score || a.text.length - b.text.length)
      .slice(0, limit);
  }

  /** A query word's weight: the rarity of the word itself, or of the rarest label word it relates to when it is unknown. */
  private maxIdf(word: string): number {
    const own = this.idf.get(word);
    if (own !== undefined) return own;
    let max = 0;
    for (const [w] of this.relations(word)) max = Math.max(max, this.idf.get(w)!);
    return max > 0 ? max : Math.log(1 + this.uris.length);
  }

  /** Label words related to the query word, with the weight of the relation. */
  private relations(word: string): Map<string, number> {
    const out = new Map<string, number>();
    const add = (w: string, weight: number) => {
      if (this.postings.has(w) && weight > (out.get(w) ?? 0)) out.set(w, weight);
    };
    add(word, EXACT);
    if (word.length >= 2) for (const w of withPrefix(this.vocabulary, word)) add(w, w === word ? EXACT : PREFIX);
    if (word.length >= 5) {
      for (const w of withPrefix(this.vocabulary, word.slice(0, 4))) {
        const s = wordSimilarity(word, w);
        if (s > 0) add(w, INFLECTED * s);
      }
    }
    if (word.length >= MIN_PART) {
      for (const r of withPrefix(this.reversed, reverse(word))) if (r.length >= word.length + 2) add(reverse(r), LABEL_HEAD);
    }
    for (let i = 1; word.length - i >= MIN_PART; i++) {
      const head = word.slice(i);
      if (i >= 2) add(head, QUERY_HEAD);
      const modifier = word.slice(0, word.length - i);
      if (modifier.length >= MIN_PART && i >= MIN_PART) add(modifier, QUERY_MODIFIER);
      if (modifier.length >= MIN_SHARED_MODIFIER && i >= MIN_PART) {
        for (const w of withPrefix(this.vocabulary, modifier, 50)) if (w.length - modifier.length >= MIN_PART) add(w, SHARED_MODIFIER);
      }
    }
    return out;
  }
}
