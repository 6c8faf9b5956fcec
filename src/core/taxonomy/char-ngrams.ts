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
 * nearest label.
 *
 * Built for every keystroke on ESCO's ~100,000 skill labels, where a common trigram ("ing", " co")
 * names thousands of labels: postings are typed arrays (term counts in bytes), a search accumulates
 * into a reused typed array, and the cosines of the labels touched are written in one sequential
 * array from which the best are selected (quickselect) before any concept is looked at: only the
 * labels that can place are grouped by concept and sorted. Every posting of the query's trigrams
 * is still walked, in the query's order, so the sums, scores and order of equal scores are those
 * of a plain walk (stopping early on the commonest trigrams was tried: on ESCO the 50th best
 * cosine is ~0.3–0.5 and many trigrams share it, so the bound let through most labels anyway).
 */
export class CharNgramIndex {
  private readonly uris: string[] = [];
  private readonly owner: Int32Array;
  private readonly norms: Float64Array;
  private readonly postings = new Map<string, { ids: Int32Array; tf: Uint8Array }>();
  private readonly idf = new Map<string, number>();
  /** Per label: the query's dot product so far (reset after each search); the labels touched, in the order first touched; each touched label's place there. */
  private readonly dots: Float64Array;
  private readonly touched: Int32Array;
  private readonly place: Int32Array;
  /** Per touched label (by place): its cosine, and a copy to select from. */
  private readonly cosines: Float64Array;
  private readonly selection: Float64Array;
  /** Per concept: its first label (a concept's labels are consecutive), its best cosine in the current search (reset after it). */
  private readonly conceptStart: Int32Array;
  private readonly best: Float64Array;

  constructor(concepts: Iterable<Concept>) {
    const labelGrams: Map<string, number>[] = [];
    const owner: number[] = [];
    const conceptStart: number[] = [];
    const lists = new Map<string, { ids: number[]; tf: number[] }>();
    for (const concept of concepts) {
      const index = this.uris.push(concept.uri) - 1;
      conceptStart.push(owner.length);
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
    conceptStart.push(owner.length);
    const n = Math.max(1, owner.length);
    for (const [gram, p] of lists) {
      const idf = Math.log(1 + n / p.ids.length);
      this.idf.set(gram, idf);
      // A trigram 255 times in one label would not fit a byte: no label is that long.
      this.postings.set(gram, { ids: Int32Array.from(p.ids), tf: Uint8Array.from(p.tf, (tf) => Math.min(tf, 255)) });
    }
    this.owner = Int32Array.from(owner);
    this.conceptStart = Int32Array.from(conceptStart);
    this.norms = new Float64Array(owner.length);
    labelGrams.forEach((g, id) => {
      let sq = 0;
      for (const [gram, tf] of g) sq += (Math.min(tf, 255) * this.idf.get(gram)!) ** 2;
      this.norms[id] = Math.sqrt(sq);
    });
    this.dots = new Float64Array(owner.length);
    this.touched = new Int32Array(owner.length);
    this.place = new Int32Array(owner.length);
    this.cosines = new Float64Array(owner.length);
    this.selection = new Float64Array(owner.length);
    this.best = new Float64Array(this.uris.length);
  }

  /** Concepts by descending cosine of their best label; only those sharing a trigram with the query. */
  search(q: string, limit: number): { uri: string; score: number }[] {
    const query = grams(q);
    let qNorm = 0;
    let count = 0;
    const { dots, touched, place, cosines, norms, best, owner } = this;
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
    if (qNorm === 0 || limit <= 0) {
      for (let i = 0; i < count; i++) dots[touched[i]!] = 0;
      return [];
    }
    qNorm = Math.sqrt(qNorm);
    for (let i = 0; i < count; i++) {
      const id = touched[i]!;
      cosines[i] = dots[id]! / (qNorm * norms[id]!);
      place[id] = i;
      dots[id] = 0;
    }
    // The concepts whose best label is at or above the cut: lowered until `limit` concepts are there (or every label is).
    let labels = Math.min(count, limit * 4);
    let concepts: number[] = [];
    for (;;) {
      concepts = [];
      const cut = labels === count ? -Infinity : this.nthHighest(count, labels);
      for (let i = 0; i < count; i++) {
        const cos = cosines[i]!;
        if (cos < cut) continue;
        const c = owner[touched[i]!]!;
        if (best[c] === 0) concepts.push(c);
        if (cos > best[c]!) best[c] = cos;
      }
      if (concepts.length >= limit || labels === count) break;
      for (const c of concepts) best[c] = 0;
      labels = Math.min(count, labels * 4);
    }
    // Equal scores keep the order a plain walk first touches the concepts (the first touched of all their labels).
    const firstTouched = (c: number) => {
      let first = count;
      for (let id = this.conceptStart[c]!; id < this.conceptStart[c + 1]!; id++) {
        const at = place[id]!;
        if (at < count && touched[at] === id && at < first) first = at;
      }
      return first;
    };
    const ranked = concepts.sort((a, b) => best[b]! - best[a]! || firstTouched(a) - firstTouched(b)).slice(0, limit);
    const out = ranked.map((c) => ({ uri: this.uris[c]!, score: Math.round(best[c]! * 10_000) / 10_000 }));
    for (const c of concepts) best[c] = 0;
    return out;
  }

  /** The `rank`-th highest of the first `count` cosines (1 ≤ rank ≤ count). */
  private nthHighest(count: number, rank: number): number {
    const values = this.selection;
    values.set(this.cosines.subarray(0, count));
    return select(values, count, count - rank);
  }
}

/** The value that would stand at index `at` if the first `count` values were sorted ascending (quickselect; reorders them). */
export function select(values: Float64Array, count: number, at: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (at <= j) hi = j;
    else if (at >= i) lo = i;
    else return values[at]!;
  }
  return values[at]!;
}
