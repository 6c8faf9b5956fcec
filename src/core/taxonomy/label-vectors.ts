import { dotAt } from '../exact-search.js';
import { createHash } from 'node:crypto';
import type { Embedder, VectorCache } from '../ports.js';
import type { Concept } from './taxonomy.js';

export interface LabelNeighbour {
  uri: string;
  /** Cosine similarity of the query to the concept's nearest label. */
  similarity: number;
}

/**
 * Embedding vectors of concept labels (preferred labels in every language, and alternative labels
 * where asked), packed in one Float32Array, for nearest-concept search. A concept's similarity to a
 * query is that of its nearest label.
 */
export class LabelVectors {
  /** Each concept's rows (its labels are embedded one after another), built on first use. */
  private rows: Map<string, [number, number]> | undefined;
  private constructor(
    private readonly uris: string[],
    private readonly owner: Int32Array,
    private readonly vectors: Float32Array,
    readonly dimension: number,
  ) {}

  get size(): number {
    return this.owner.length;
  }

  /**
   * Embeds the labels, or reads their vectors from `options.cache` when the same labels were
   * embedded by the same model before (keyed by the model id and every label text).
   */
  static async build(embedder: Embedder, concepts: Iterable<Concept>, options: { alt: boolean; cache?: VectorCache | undefined }): Promise<LabelVectors> {
    const uris: string[] = [];
    const owner: number[] = [];
    const texts: string[] = [];
    for (const concept of concepts) {
      const index = uris.push(concept.uri) - 1;
      const labels = new Set<string>();
      for (const set of Object.values(concept.labels)) {
        labels.add(set.preferred);
        if (options.alt) for (const alt of set.alt) labels.add(alt);
      }
      for (const text of labels) {
        owner.push(index);
        texts.push(text);
      }
    }
    const dimension = embedder.dimension;
    const key = createHash('sha256').update(`${embedder.id}\n${dimension}\n${texts.join('\n')}`).digest('hex');
    const cached = options.cache?.read(key, texts.length * dimension);
    if (cached) return new LabelVectors(uris, Int32Array.from(owner), cached, dimension);
    const vectors = new Float32Array(texts.length * dimension);
    for (let i = 0; i < texts.length; i += 1024) {
      const batch = await embedder.embed(texts.slice(i, i + 1024), 'document');
      batch.forEach((v, j) => vectors.set(v, (i + j) * dimension));
    }
    options.cache?.write(key, vectors);
    return new LabelVectors(uris, Int32Array.from(owner), vectors, dimension);
  }

  /** Cosine similarity of `query` (a unit vector) to the concept's nearest label; undefined for a concept without labels here. */
  similarity(query: Float32Array, uri: string): number | undefined {
    if (!this.rows) {
      this.rows = new Map();
      for (let row = 0; row < this.owner.length; row++) {
        const uri = this.uris[this.owner[row]!]!;
        const range = this.rows.get(uri);
        if (range) range[1] = row + 1;
        else this.rows.set(uri, [row, row + 1]);
      }
    }
    const range = this.rows.get(uri);
    if (!range) return undefined;
    const d = this.dimension;
    let best = -2;
    for (let row = range[0]; row < range[1]; row++) {
      let dot = 0;
      for (let i = 0, offset = row * d; i < d; i++) dot += this.vectors[offset + i]! * query[i]!;
      if (dot > best) best = dot;
    }
    return best;
  }

  /** The `limit` concepts nearest to `query` (a unit vector), at least `minSimilarity`. */
  nearest(query: Float32Array, limit: number, minSimilarity = -1): LabelNeighbour[] {
    const best = new Float32Array(this.uris.length).fill(-2);
    const d = this.dimension;
    const v = this.vectors;
    for (let row = 0, offset = 0; row < this.owner.length; row++, offset += d) {
      const dot = dotAt(v, offset, query, d);
      const c = this.owner[row]!;
      if (dot > best[c]!) best[c] = dot;
    }
    const hits: LabelNeighbour[] = [];
    for (let c = 0; c < best.length; c++) if (best[c]! >= minSimilarity) hits.push({ uri: this.uris[c]!, similarity: best[c]! });
    return hits.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
  }
}
