import type { Concept } from './taxonomy.js';

const N = 3;

function grams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const folded = text.normalize('NFKC').toLocaleLowerCase('fi').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  for (const word of folded.split(' ')) {
    if (!word) continue;
    const marked = ` ${word} `;
    for (let i = 0; i + N <= marked.length; i++) {
      const g = marked.slice(i, i + N);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Character trigram TF-IDF over concept labels (cosine): finds labels sharing word pieces with
 * the query whatever its inflection or compounding, and spelling slips. A concept scores by its
 * nearest label. Postings are typed arrays, and a search accumulates into a
 * reused typed array (not a Map): on ESCO's ~100,000 English skill labels a common trigram ("ing",
 * " co") names thousands of labels, and every keystroke of an autocomplete walks them.
 */
export class CharNgramIndex {
  private readonly uris: string[] = [];
  private readonly owner: Int32Array;
  private readonly norms: Float64Array;
  private readonly postings = new Map<string, { ids: Int32Array; tf: Float64Array }>();
  private readonly idf = new Map<string, number>();
  /** Per label: the query's dot product so far (reset after each search), and the labels touched. */
  private readonly dots: Float64Array;
  private readonly touched: Int32Array;
  /** Per concept: its best cosine in the current search (reset after each search). */
  private readonly best: Float64Array;

  constructor(concepts: Iterable<Concept>) {
    const labelGrams: Map<string, number>[] = [];
    const owner: number[] = [];
    const lists = new Map<string, { ids: number[]; tf: number[] }>();
    for (const concept of concepts) {
      const index = this.uris.push(concept.uri) - 1;
      const texts = new Set<string>();
      for (const set of Object.values(concept.labels)) for (const t of [set.preferred, ...set.alt]) texts.add(t);
      for (const text of texts) {
        const g = grams(text);
        if (g.size === 0) continue;
        const id = owner.push(index) - 1;
        labelGrams.push(g);
        for (const [gram, tf] of g) {
          let p = lists.get(gram);
          if (!p) lists.set(gram, (p = { ids: [], tf: [] }));
          p.ids.push(id);
          p.tf.push(tf);
        }
      }
    }
    const n = Math.max(1, owner.length);
    for (const [gram, p] of lists) {
      const idf = Math.log(1 + n / p.ids.length);
      this.idf.set(gram, idf);
      this.postings.set(gram, { ids: Int32Array.from(p.ids), tf: Float64Array.from(p.tf) });
    }
    this.owner = Int32Array.from(owner);
    this.norms = new Float64Array(owner.length);
    labelGrams.forEach((g, id) => {
      let sq = 0;
      for (const [gram, tf] of g) sq += (tf * this.idf.get(gram)!) ** 2;
      this.norms[id] = Math.sqrt(sq);
    });
    this.dots = new Float64Array(owner.length);
    this.touched = new Int32Array(owner.length);
    this.best = new Float64Array(this.uris.length);
  }

  /** Concepts by descending cosine of their best label; only those sharing a trigram with the query. */
  search(q: string, limit: number): { uri: string; score: number }[] {
    const query = grams(q);
    let qNorm = 0;
    let count = 0;
    const { dots, touched, best, owner } = this;
    for (const [gram, tf] of query) {
      const idf = this.idf.get(gram);
      if (idf === undefined) continue;
      const wq = tf * idf;
      qNorm += wq * wq;
      const { ids, tf: tfs } = this.postings.get(gram)!;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (dots[id] === 0) touched[count++] = id;
        dots[id]! += wq * tfs[i]! * idf;
      }
    }
    if (qNorm === 0) return [];
    qNorm = Math.sqrt(qNorm);
    // Concepts in the order their first label was touched (ties keep that order).
    const concepts: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      const cos = dots[id]! / (qNorm * this.norms[id]!);
      dots[id] = 0;
      const c = owner[id]!;
      if (best[c] === 0) concepts.push(c);
      if (cos > best[c]!) best[c] = cos;
    }
    const ranked = topByScore(concepts, best, limit);
    const out = ranked.map((c) => ({ uri: this.uris[c]!, score: Math.round(best[c]! * 10_000) / 10_000 }));
    for (const c of concepts) best[c] = 0;
    return out;
  }
}

/** The `limit` items with the highest score, best first; equal scores keep the items' order. */
function topByScore(items: number[], score: Float64Array, limit: number): number[] {
  if (items.length <= limit * 4) return items.sort((a, b) => score[b]! - score[a]!).slice(0, limit);
  // Only items at or above the limit-th highest score can place: select them, then sort those.
  const scores = Float64Array.from(items, (i) => score[i]!).sort();
  const threshold = scores[scores.length - limit]!;
  return items.filter((i) => score[i]! >= threshold).sort((a, b) => score[b]! - score[a]!).slice(0, limit);
}
