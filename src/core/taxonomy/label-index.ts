import { select } from './char-ngrams.js';
import { tokenize, wordSimilarity } from './phrases.js';
import type { Concept } from './taxonomy.js';

/** One label of one concept, as the lexical search holds it. */
interface Entry {
  concept: number;
  text: string;
  lang: string;
  preferred: boolean;
  words: string[];
  /** A bit per word position (labels of more than 30 words are never `contained`). */
  full: number;
}

/** A label word's postings: the labels holding it and, per label, the positions it takes (bits). */
interface Posting {
  ids: Int32Array;
  positions: Int32Array;
  idf: number;
}

/** A query word's related label words (see `relations`), as the search walks them. */
interface Relation {
  postings: Posting[];
  weights: Float64Array;
  strong: Uint8Array;
  /** The rarest related label word's rarity (the query word's weight when it is no label word itself). */
  maxIdf: number;
}

/** Query words whose relations are remembered: an autocomplete sends the same words keystroke after keystroke. */
const RELATION_CACHE = 4096;
/** Most positions of a label tracked for `contained`. */
const MAX_POSITIONS = 30;

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

/** A word's character trigrams, marked at both ends: the sets phrases.ts's wordSimilarity compares (passed in, not rebuilt per call). */
function trigrams(word: string): Set<string> {
  const marked = `#${word}#`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= marked.length; i++) grams.add(marked.slice(i, i + 3));
  return grams;
}

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
 *
 * Built for every keystroke on ESCO's ~100,000 skill labels: postings are typed arrays, a search
 * accumulates into reused typed arrays (a label's best weight for the current query word, its sum
 * over the words, the words it covers, the positions matched strongly), a query word's relations
 * are remembered, and only the best `limit` concepts become hit objects.
 */
export class LabelIndex {
  private readonly entries: Entry[] = [];
  private readonly uris: string[] = [];
  private readonly postings = new Map<string, Posting>();
  private readonly vocabulary: string[];
  private readonly reversed: string[];
  private readonly wordGrams = new Map<string, Set<string>>();
  private readonly relationCache = new Map<string, Relation>();
  /** Per label, reset after each search: best weight for the current query word, sum over the query words, words covered, strong positions. */
  private readonly current: Float64Array;
  private readonly sum: Float64Array;
  private readonly covered: Int32Array;
  private readonly strongMask: Int32Array;
  /** Labels touched by the current search in the order first touched, and those touched by the current query word. */
  private readonly touched: Int32Array;
  private readonly touchedWord: Int32Array;
  /** Per concept, reset after each search: its best label's score (-1: none yet), that label, how many of its labels matched. */
  private readonly bestScore: Float64Array;
  private readonly bestEntry: Int32Array;
  private readonly matchedLabels: Int32Array;

  constructor(concepts: Iterable<Concept>) {
    const lists = new Map<string, { ids: number[]; positions: number[] }>();
    for (const concept of concepts) {
      const index = this.uris.push(concept.uri) - 1;
      for (const [lang, set] of Object.entries(concept.labels)) {
        const texts: [string, boolean][] = [[set.preferred, true], ...set.alt.map((a): [string, boolean] => [a, false])];
        for (const [text, preferred] of texts) {
          const words = tokenize(text).map((t) => t.norm);
          if (words.length === 0) continue;
          const full = words.length > MAX_POSITIONS ? -1 : (1 << words.length) - 1;
          const id = this.entries.push({ concept: index, text, lang, preferred, words, full }) - 1;
          const positions = new Map<string, number>();
          words.forEach((w, i) => positions.set(w, (positions.get(w) ?? 0) | (i < MAX_POSITIONS ? 1 << i : 0)));
          for (const [w, bits] of positions) {
            let list = lists.get(w);
            if (!list) lists.set(w, (list = { ids: [], positions: [] }));
            list.ids.push(id);
            list.positions.push(bits);
          }
        }
      }
    }
    const n = Math.max(1, this.uris.length);
    for (const [w, list] of lists) {
      const concepts = new Set(list.ids.map((id) => this.entries[id]!.concept)).size;
      this.postings.set(w, { ids: Int32Array.from(list.ids), positions: Int32Array.from(list.positions), idf: Math.log(1 + n / concepts) });
    }
    this.vocabulary = [...this.postings.keys()].sort();
    this.reversed = this.vocabulary.map(reverse).sort();
    const labels = this.entries.length;
    this.current = new Float64Array(labels);
    this.sum = new Float64Array(labels);
    this.covered = new Int32Array(labels);
    this.strongMask = new Int32Array(labels);
    this.touched = new Int32Array(labels);
    this.touchedWord = new Int32Array(labels);
    this.bestScore = new Float64Array(this.uris.length).fill(-1);
    this.bestEntry = new Int32Array(this.uris.length);
    this.matchedLabels = new Int32Array(this.uris.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The best concepts for the query, best first; `lang` is preferred among equal labels; `accept`: only these concepts. */
  search(q: string, lang: string, limit: number, accept?: (uri: string) => boolean): LexicalHit[] {
    const words = [...new Set(tokenize(q).map((t) => t.norm))];
    // Function words ("till", "for", "ja") say nothing of the concept, unless they are all there is.
    const query = words.some((w) => !STOPWORDS.has(w)) ? words.filter((w) => !STOPWORDS.has(w)) : words;
    if (query.length === 0 || limit <= 0) return [];
    const relations = query.map((w) => this.relationsOf(w));
    const weights = query.map((w, i) => this.postings.get(w)?.idf ?? (relations[i]!.maxIdf > 0 ? relations[i]!.maxIdf : Math.log(1 + this.uris.length)));
    const { current, sum, covered, strongMask, touched, touchedWord } = this;
    let count = 0;
    for (let qi = 0; qi < query.length; qi++) {
      const r = relations[qi]!;
      const cap = weights[qi]!;
      let wordCount = 0;
      for (let k = 0; k < r.postings.length; k++) {
        const { ids, positions, idf } = r.postings[k]!;
        const value = r.weights[k]! * Math.min(idf, cap);
        const strong = r.strong[k] === 1;
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i]!;
          if (current[id] === 0) {
            touchedWord[wordCount++] = id;
            if (covered[id] === 0 && sum[id] === 0 && strongMask[id] === 0) touched[count++] = id;
          }
          if (strong) strongMask[id]! |= positions[i]!;
          if (value > current[id]!) current[id] = value;
        }
      }
      for (let i = 0; i < wordCount; i++) {
        const id = touchedWord[i]!;
        if (current[id]! > 0) {
          sum[id]! += current[id]!;
          covered[id]!++;
        }
        current[id] = 0;
      }
    }
    const total = weights.reduce((a, b) => a + b, 0);
    const { bestScore, bestEntry, matchedLabels } = this;
    /** Concepts in the order their first label was touched (ties keep that order). */
    const concepts: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      const entry = this.entries[id]!;
      const c = entry.concept;
      if (accept && !accept(this.uris[c]!)) continue;
      const extra = Math.max(0, entry.words.length - covered[id]!);
      let score = (sum[id]! / total) * (1 / (1 + EXTRA_WORD_PENALTY * extra));
      if (entry.preferred) score *= 1.05;
      if (entry.lang === lang) score *= 1.05;
      if (bestScore[c] === -1) {
        concepts.push(c);
        bestScore[c] = score;
        bestEntry[c] = id;
      } else {
        matchedLabels[c]!++;
        if (score > bestScore[c]!) {
          bestScore[c] = score;
          bestEntry[c] = id;
        }
      }
    }
    // A concept several of whose labels match is more likely the one meant.
    const final = new Float64Array(concepts.length);
    concepts.forEach((c, i) => (final[i] = Math.round(bestScore[c]! * (1 + 0.02 * Math.min(matchedLabels[c]!, 5)) * 10_000) / 10_000));
    const order = top(final, limit, (a, b) => this.entries[bestEntry[concepts[a]!]!]!.text.length - this.entries[bestEntry[concepts[b]!]!]!.text.length);
    const hits = order.map((i): LexicalHit => {
      const id = bestEntry[concepts[i]!]!;
      const entry = this.entries[id]!;
      return {
        uri: this.uris[entry.concept]!,
        text: entry.text,
        lang: entry.lang,
        score: final[i]!,
        coverage: covered[id]! / query.length,
        contained: entry.full !== -1 && (strongMask[id]! & entry.full) === entry.full,
      };
    });
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      sum[id] = 0;
      covered[id] = 0;
      strongMask[id] = 0;
    }
    for (const c of concepts) {
      bestScore[c] = -1;
      matchedLabels[c] = 0;
    }
    return hits;
  }

  /** A query word's related label words with their postings, remembered (first in, first out). */
  private relationsOf(word: string): Relation {
    let r = this.relationCache.get(word);
    if (r) return r;
    const related = [...this.relations(word)];
    const postings = related.map(([w]) => this.postings.get(w)!);
    r = {
      postings,
      weights: Float64Array.from(related, ([, weight]) => weight),
      strong: Uint8Array.from(related, ([, weight]) => (weight >= QUERY_HEAD && weight !== PREFIX && weight !== LABEL_HEAD ? 1 : 0)),
      maxIdf: postings.reduce((max, p) => Math.max(max, p.idf), 0),
    };
    if (this.relationCache.size >= RELATION_CACHE) this.relationCache.delete(this.relationCache.keys().next().value!);
    this.relationCache.set(word, r);
    return r;
  }

  private gramsOf(word: string): Set<string> {
    let g = this.wordGrams.get(word);
    if (!g) this.wordGrams.set(word, (g = trigrams(word)));
    return g;
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
      const grams = trigrams(word);
      for (const w of withPrefix(this.vocabulary, word.slice(0, 4))) {
        const s = wordSimilarity(word, w, grams, this.gramsOf(w));
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

/**
 * The indexes of the `limit` highest scores, best first; equal scores by `tie`, then by index
 * (the order the concepts were first met). Only the scores at or above the limit-th highest are sorted.
 */
function top(scores: Float64Array, limit: number, tie: (a: number, b: number) => number): number[] {
  let candidates: number[];
  if (scores.length <= limit * 4) candidates = Array.from(scores.keys());
  else {
    const threshold = select(Float64Array.from(scores), scores.length, scores.length - Math.min(limit, scores.length));
    candidates = [];
    for (let i = 0; i < scores.length; i++) if (scores[i]! >= threshold) candidates.push(i);
  }
  return candidates.sort((a, b) => scores[b]! - scores[a]! || tie(a, b) || a - b).slice(0, limit);
}
