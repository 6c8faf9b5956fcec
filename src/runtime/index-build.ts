import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { HnswVectorIndex } from '../adapters/hnsw/hnsw-index.js';
import { indexUnavailable } from '../core/errors.js';
import type { IndexHit, VectorIndex } from '../core/ports.js';

/** Vectors inserted between yields to the event loop (~40 ms of HNSW inserts on the 2-core machine). */
const CHUNK = 128;

export interface BuildSource {
  /** Labels of every matchable record (read once when the build starts). */
  matchableLabels(): number[];
  /** The vectors of those of these labels still matchable now. */
  matchableVectorsOf(labels: number[]): Map<number, Float32Array>;
}

export interface BuildProgress {
  done: number;
  total: number;
  /** Estimated from the rate so far. */
  secondsLeft: number;
}

/**
 * The index of one record kind while it is rebuilt from SQLite in the background (its file was
 * missing or unusable): writes go into it as usual, but searches are refused with 503 and a
 * Retry-After estimate until every stored vector is in, so that no ranking is served from a
 * partial index. The service listens meanwhile (health, records, analytics answer as usual).
 */
export class IndexUnderConstruction implements VectorIndex {
  private progress: { done: number; total: number; started: number } | undefined;

  constructor(
    private readonly inner: HnswVectorIndex,
    private readonly name: string,
  ) {}

  /** Where the build is, or undefined when the index is complete. */
  get building(): BuildProgress | undefined {
    const p = this.progress;
    if (!p) return undefined;
    const elapsed = (Date.now() - p.started) / 1000;
    const rate = p.done > 0 ? p.done / Math.max(elapsed, 0.001) : 2000;
    return { done: p.done, total: p.total, secondsLeft: Math.max(1, Math.ceil((p.total - p.done) / rate)) };
  }

  /**
   * Inserts every matchable record's vector, a chunk at a time with the event loop free between
   * chunks. A record written meanwhile is already in (the write put it there) and is not
   * overwritten; one deleted meanwhile is no longer matchable when its chunk is read.
   */
  async build(source: BuildSource): Promise<number> {
    this.progress = { done: 0, total: 0, started: Date.now() };
    await yieldToRequests(); // the caller goes on (opens the service, listens) first
    const labels = source.matchableLabels();
    const progress = { done: 0, total: labels.length, started: Date.now() };
    this.progress = progress;
    // A build that fails (the database closed under it) leaves the index refusing searches.
    for (let i = 0; i < labels.length; i += CHUNK) {
      const chunk = labels.slice(i, i + CHUNK);
      for (const [label, vector] of source.matchableVectorsOf(chunk)) if (!this.inner.has(label)) this.inner.upsert(label, vector);
      progress.done = Math.min(i + CHUNK, labels.length);
      await yieldToRequests();
    }
    this.progress = undefined;
    return this.inner.size;
  }

  get size(): number {
    return this.inner.size;
  }

  has(label: number): boolean {
    return this.inner.has(label);
  }

  upsert(label: number, vector: Float32Array): void {
    this.inner.upsert(label, vector);
  }

  remove(label: number): void {
    this.inner.remove(label);
  }

  similarities(vector: Float32Array, labels: number[]): IndexHit[] {
    this.refuseWhileBuilding();
    return this.inner.similarities(vector, labels);
  }

  vectorOf(label: number): Float32Array | undefined {
    return this.inner.vectorOf(label);
  }

  search(vector: Float32Array, k: number, allowed?: ReadonlySet<number>): IndexHit[] {
    this.refuseWhileBuilding();
    return this.inner.search(vector, k, allowed);
  }

  private refuseWhileBuilding(): void {
    const building = this.building;
    if (!building) return;
    const percent = Math.floor((100 * building.done) / Math.max(building.total, 1));
    throw indexUnavailable(
      `the ${this.name} index is being rebuilt from the database (${percent} % of ${building.total} records); retry in ${building.secondsLeft} s`,
      building.secondsLeft,
    );
  }
}
