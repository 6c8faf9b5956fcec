import hnswlib from 'hnswlib-node';
import type { IndexHit, VectorIndex } from '../../core/ports.js';
import { plainArray } from './native-scan.js';

export interface HnswSettings {
  /** Graph degree (M): higher gives better recall and a bigger index. */
  m: number;
  /** Candidate list size while building. */
  efConstruction: number;
  /** Candidate list size while searching (raised to k when k is larger). */
  ef: number;
}


const INITIAL_CAPACITY = 1024;
/** Memory for points copied out of the graph for `similarities` (reading one from hnswlib costs ~20 µs). */
const POINT_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * hnswlib-node HNSW index in cosine space. Labels are the store's record labels. Deleted
 * points are marked deleted (hnswlib keeps them in the graph until the index is rebuilt).
 * Calls are synchronous: Node never runs an insert while a search is under way.
 */
export class HnswVectorIndex implements VectorIndex {
  private hnsw: hnswlib.HierarchicalNSW;
  private readonly live = new Set<number>();
  /** Points read out of the graph (or written to it), by label; emptied when full. */
  private readonly points = new Map<number, Float32Array>();
  /** True when the index holds changes not yet written to its file. */
  dirty = false;

  private constructor(
    readonly dimension: number,
    readonly settings: HnswSettings,
    hnsw: hnswlib.HierarchicalNSW,
  ) {
    this.hnsw = hnsw;
  }

  static create(dimension: number, settings: HnswSettings, capacity = INITIAL_CAPACITY): HnswVectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.initIndex({ maxElements: Math.max(capacity, 16), m: settings.m, efConstruction: settings.efConstruction, randomSeed: 100 });
    hnsw.setEf(settings.ef);
    return new HnswVectorIndex(dimension, settings, hnsw);
  }

  /** Loads a file written by `writeTo`; `liveLabels` are the labels the store says are searchable. */
  static read(file: string, dimension: number, settings: HnswSettings, liveLabels: Iterable<number>): HnswVectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
    hnsw.readIndexSync(file);
    return HnswVectorIndex.over(hnsw, dimension, settings, liveLabels);
  }

  /** Over a graph hnswlib read from a file written by `writeTo`; `liveLabels` are the labels the store says are searchable. */
  static over(hnsw: hnswlib.HierarchicalNSW, dimension: number, settings: HnswSettings, liveLabels: Iterable<number>): HnswVectorIndex {
    if (hnsw.getNumDimensions() !== dimension) throw new Error(`index file has ${hnsw.getNumDimensions()} dimensions, expected ${dimension}`);
    hnsw.setEf(settings.ef);
    const index = new HnswVectorIndex(dimension, settings, hnsw);
    const stored = new Set(hnsw.getIdsList());
    for (const label of liveLabels) {
      if (!stored.has(label)) throw new Error(`index file lacks label ${label}`);
      index.live.add(label);
    }
    return index;
  }

  get size(): number {
    return this.live.size;
  }

  /** Points in the graph, deleted ones included (what a rebuild would drop). */
  get storedPoints(): number {
    return this.hnsw.getCurrentCount();
  }

  /** Deleted points still held in the graph (and in its file) until the next compaction. */
  get deletedPoints(): number {
    return this.storedPoints - this.live.size;
  }

  /** Rebuilds the graph from the given points only, dropping every deleted point. */
  compact(points: Iterable<{ label: number; vector: Float32Array }>): void {
    const fresh = HnswVectorIndex.create(this.dimension, this.settings, Math.max(16, Math.ceil(this.live.size * 1.25)));
    for (const { label, vector } of points) fresh.upsert(label, vector);
    this.hnsw = fresh.hnsw;
    this.points.clear();
    this.live.clear();
    for (const label of fresh.live) this.live.add(label);
    this.dirty = true;
  }

  has(label: number): boolean {
    return this.live.has(label);
  }

  upsert(label: number, vector: Float32Array): void {
    if (vector.length !== this.dimension) {
      throw new Error(`vector has ${vector.length} dimensions, index has ${this.dimension}`);
    }
    const capacity = this.hnsw.getMaxElements();
    if (this.hnsw.getCurrentCount() + 1 > capacity) {
      // An empty index read from a file has capacity 0 (hnswlib keeps no room for none).
      this.hnsw.resizeIndex(Math.max(capacity * 2, INITIAL_CAPACITY));
    }
    this.hnsw.addPoint(Array.from(vector), label);
    this.points.delete(label);
    this.live.add(label);
    this.dirty = true;
  }

  remove(label: number): void {
    if (!this.live.delete(label)) return;
    this.points.delete(label);
    this.hnsw.markDelete(label);
    this.dirty = true;
  }

  /** Takes a label out of the searchable set whether or not it was known live (a point read from a file that is no longer wanted). */
  discard(label: number): void {
    if (this.live.has(label)) return this.remove(label);
    try {
      this.hnsw.markDelete(label); // unknown or already deleted labels throw: nothing to do
      this.dirty = true;
    } catch {
      /* not in the graph, or deleted already */
    }
  }

  similarities(vector: Float32Array, labels: number[]): IndexHit[] {
    const hits: IndexHit[] = [];
    for (const label of labels) {
      if (!this.live.has(label)) continue;
      const point = this.point(label);
      let dot = 0;
      for (let i = 0; i < point.length; i++) dot += point[i]! * vector[i]!;
      hits.push({ label, similarity: dot });
    }
    return hits;
  }

  vectorOf(label: number): Float32Array | undefined {
    return this.live.has(label) ? this.point(label) : undefined;
  }

  /** A live point's (normalised) vector, copied out of the graph once. */
  private point(label: number): Float32Array {
    let point = this.points.get(label);
    if (!point) {
      if ((this.points.size + 1) * this.dimension * 4 > POINT_CACHE_BYTES) this.points.clear();
      point = Float32Array.from(this.hnsw.getPoint(label));
      this.points.set(label, point);
    }
    return point;
  }

  search(vector: Float32Array, k: number, allowed?: ReadonlySet<number>): IndexHit[] {
    const n = Math.min(k, this.live.size, allowed ? allowed.size : Infinity);
    if (n <= 0) return [];
    this.hnsw.setEf(Math.max(this.settings.ef, n));
    const result = allowed
      ? this.hnsw.searchKnn(plainArray(vector), n, (label) => allowed.has(label))
      : this.hnsw.searchKnn(plainArray(vector), n);
    return result.neighbors.map((label, i) => ({ label, similarity: 1 - result.distances[i]! }));
  }

  writeTo(file: string): void {
    this.hnsw.writeIndexSync(file);
    this.dirty = false;
  }
}
