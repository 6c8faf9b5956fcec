import { dotAt } from '../exact-search.js';
import { createHash } from 'node:crypto';
import type { Embedder, ExactScan, ExactScanFactory, VectorCache } from '../ports.js';
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
  /** The rows in a native exact scan (built on the first nearest-concept search), when a factory was given. */
  private scan: ExactScan | undefined;
  private constructor(
    private readonly uris: string[],
    private readonly owner: Int32Array,
    private readonly vectors: Float32Array,
    readonly dimension: number,
    private readonly scanOf?: ExactScanFactory,
  ) {}

  get size(): number {
    return this.owner.length;
  }

  /**
   * Embeds the labels, or reads their vectors from `options.cache` when the same labels were
   * embedded by the same model before (keyed by the model id and every label text).
   */
  static async build(
    embedder: Embedder,
    concepts: Iterable<Concept>,
    options: {
      alt: boolean;
      cache?: VectorCache | undefined;
      /**
       * Scans the label rows natively for nearest-concept searches (ESCO's ~40,000 label rows took ~20 ms per
       * search in the JavaScript loop: every ad-hoc CV's title and every skill phrase no label names paid it).
       */
      scan?: ExactScanFactory | undefined;
    },
  ): Promise<LabelVectors> {
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
    if (cached) return new LabelVectors(uris, Int32Array.from(owner), cached, dimension, options.scan);
    const vectors = new Float32Array(texts.length * dimension);
    for (let i = 0; i < texts.length; i += 1024) {
      const batch = await embedder.embed(texts.slice(i, i + 1024), 'document');
      batch.forEach((v, j) => vectors.set(v, (i + j) * dimension));
    }
    options.cache?.write(key, vectors);
    return new LabelVectors(uris, Int32Array.from(owner), vectors, dimension, options.scan);
  }

  /** Cosine similarity of `query` (a unit vector) to the concept's nearest label; undefined for a concept without labels here. */
  similarity(query: Float32Array, uri: string): number | undefined {
    const range = this.conceptRows().get(uri);
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

  /** Each concept's rows (its labels are embedded one after another). */
  private conceptRows(): Map<string, [number, number]> {
    if (!this.rows) {
      this.rows = new Map();
      for (let row = 0; row < this.owner.length; row++) {
        const uri = this.uris[this.owner[row]!]!;
        const range = this.rows.get(uri);
        if (range) range[1] = row + 1;
        else this.rows.set(uri, [row, row + 1]);
      }
    }
    return this.rows;
  }

  /** The `limit` concepts nearest to `query` (a unit vector), at least `minSimilarity`. */
  nearest(query: Float32Array, limit: number, minSimilarity = -1): LabelNeighbour[] {
    if (this.scanOf && limit > 0) return this.nearestByScan(query, limit, minSimilarity);
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

  /**
   * The same as the loop in `nearest`, from the scan's best label rows: a concept's first row in
   * similarity order is its nearest label, so the first `limit` distinct concepts among the best rows are
   * the `limit` nearest concepts; with fewer among them (a concept's many labels fill the rows), more
   * rows. The scan sums in single precision: concepts within a rounding margin of the last one are read
   * too, and all are scored again as the loop scores them, so that the answer (ties and thresholds
   * included) is the loop's.
   */
  private nearestByScan(query: Float32Array, limit: number, minSimilarity: number): LabelNeighbour[] {
    this.scan ??= this.scanOf!({ labels: Array.from(this.owner, (_, row) => row), matrix: this.vectors, dimension: this.dimension });
    const concepts: number[] = [];
    for (let rows = Math.min(this.owner.length, Math.max(ROWS_FIRST, limit * ROWS_PER_CONCEPT)); ; rows = Math.min(this.owner.length, rows * 4)) {
      concepts.length = 0;
      const seen = new Set<number>();
      let last = -Infinity;
      const found = this.scan.search(query, rows);
      let complete = rows >= this.owner.length || found.length < rows;
      for (const { label: row, similarity } of found) {
        if (similarity < minSimilarity - ROUNDING || similarity < last - ROUNDING) {
          complete = true;
          break;
        }
        const concept = this.owner[row]!;
        if (seen.has(concept)) continue;
        seen.add(concept);
        if (concepts.push(concept) === limit) last = similarity;
      }
      if (complete) break;
    }
    const rows = this.conceptRows();
    const d = this.dimension;
    const hits: { concept: number; similarity: number }[] = [];
    for (const concept of concepts) {
      const [from, to] = rows.get(this.uris[concept]!)!;
      let best = -2;
      for (let row = from; row < to; row++) best = Math.max(best, dotAt(this.vectors, row * d, query, d));
      if (best >= minSimilarity) hits.push({ concept, similarity: best });
    }
    hits.sort((a, b) => b.similarity - a.similarity || a.concept - b.concept);
    return hits.slice(0, limit).map(({ concept, similarity }) => ({ uri: this.uris[concept]!, similarity }));
  }
}

/** Label rows read first per nearest-concept search: at least this many, and this many per concept asked for. */
const ROWS_FIRST = 64;
const ROWS_PER_CONCEPT = 8;
/** How far the scan's single-precision similarity may be from the loop's (unit vectors: far below this). */
const ROUNDING = 1e-4;
