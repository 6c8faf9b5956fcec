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
 */
export class CharNgramIndex {
  private readonly uris: string[] = [];
  private readonly owner: number[] = [];
  private readonly norms: number[] = [];
  private readonly postings = new Map<string, { ids: number[]; tf: number[] }>();
  private readonly idf = new Map<string, number>();

  constructor(concepts: Iterable<Concept>) {
    const labelGrams: Map<string, number>[] = [];
    for (const concept of concepts) {
      const index = this.uris.push(concept.uri) - 1;
      const texts = new Set<string>();
      for (const set of Object.values(concept.labels)) for (const t of [set.preferred, ...set.alt]) texts.add(t);
      for (const text of texts) {
        const g = grams(text);
        if (g.size === 0) continue;
        const id = this.owner.push(index) - 1;
        labelGrams.push(g);
        for (const [gram, tf] of g) {
          let p = this.postings.get(gram);
          if (!p) this.postings.set(gram, (p = { ids: [], tf: [] }));
          p.ids.push(id);
          p.tf.push(tf);
        }
      }
    }
    const n = Math.max(1, this.owner.length);
    for (const [gram, p] of this.postings) this.idf.set(gram, Math.log(1 + n / p.ids.length));
    for (const g of labelGrams) {
      let sq = 0;
      for (const [gram, tf] of g) sq += (tf * this.idf.get(gram)!) ** 2;
      this.norms.push(Math.sqrt(sq));
    }
  }

  /** Concepts by descending cosine of their best label; only those sharing a trigram with the query. */
  search(q: string, limit: number): { uri: string; score: number }[] {
    const query = grams(q);
    let qNorm = 0;
    const dots = new Map<number, number>();
    for (const [gram, tf] of query) {
      const idf = this.idf.get(gram);
      if (idf === undefined) continue;
      const wq = tf * idf;
      qNorm += wq * wq;
      const p = this.postings.get(gram)!;
      for (let i = 0; i < p.ids.length; i++) {
        const id = p.ids[i]!;
        dots.set(id, (dots.get(id) ?? 0) + wq * p.tf[i]! * idf);
      }
    }
    if (qNorm === 0) return [];
    qNorm = Math.sqrt(qNorm);
    const best = new Map<number, number>();
    for (const [id, dot] of dots) {
      const cos = dot / (qNorm * this.norms[id]!);
      const c = this.owner[id]!;
      if (cos > (best.get(c) ?? 0)) best.set(c, cos);
    }
    return [...best.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([c, score]) => ({ uri: this.uris[c]!, score: Math.round(score * 10_000) / 10_000 }));
  }
}
