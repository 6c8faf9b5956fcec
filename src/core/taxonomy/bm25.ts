import { tokenize } from './phrases.js';

/** Okapi BM25 (k1 1.2, b 0.75) over short documents such as a concept's labels. */
export class Bm25Index {
  private readonly df = new Map<string, number>();
  private readonly tf: Map<string, number>[];
  private readonly lengths: number[];
  private readonly avg: number;

  constructor(private readonly docs: { id: string; texts: string[] }[]) {
    this.tf = docs.map((d) => {
      const m = new Map<string, number>();
      for (const text of d.texts) for (const t of tokenize(text)) m.set(t.norm, (m.get(t.norm) ?? 0) + 1);
      for (const w of m.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1);
      return m;
    });
    this.lengths = this.tf.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
    this.avg = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  }

  /** Document ids by descending score; only documents sharing a word with the query. */
  rank(query: string, limit: number): string[] {
    const words = [...new Set(tokenize(query).map((t) => t.norm))].filter((w) => this.df.has(w));
    const n = this.docs.length;
    const scored: { id: string; score: number }[] = [];
    this.tf.forEach((tf, i) => {
      let score = 0;
      for (const w of words) {
        const f = tf.get(w);
        if (!f) continue;
        const df = this.df.get(w)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * this.lengths[i]!) / this.avg));
      }
      if (score > 0) scored.push({ id: this.docs[i]!.id, score });
    });
    return scored
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((s) => s.id);
  }
}

/** Reciprocal rank fusion (k = 60): items ranked high by several rankings rise. */
export function fuseRankings(rankings: string[][], limit: number): { id: string; score: number }[] {
  const score = new Map<string, number>();
  for (const ranking of rankings) ranking.forEach((id, i) => score.set(id, (score.get(id) ?? 0) + 1 / (60 + i + 1)));
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id, s]) => ({ id, score: Math.round(s * 10_000) / 10_000 }));
}
