import type { StoredEntry } from './ports.js';

/** Where the cache reads from: the system of record of one kind. */
export interface RecordSource<R> {
  generation(): number;
  getByLabels(labels: number[]): StoredEntry<R>[];
}

/**
 * Parsed records by label, kept between requests so that a match does not parse its candidate
 * pool from JSON again (the largest cost of a match before). Least recently used records go first
 * beyond the capacity; RecordService drops the labels it writes, and a change it was not told
 * about (another writer) empties the cache. Records are never mutated, so sharing them is safe.
 */
export class RecordCache<R> {
  private generation = -1;
  /** In least-recently-used order (a Map keeps insertion order; a hit re-inserts). */
  private readonly records = new Map<number, R>();

  constructor(
    private readonly source: RecordSource<R>,
    private readonly capacity: number,
  ) {}

  /** The records of these labels that exist, read from the store only when not cached. */
  byLabels(labels: number[]): Map<number, R> {
    const generation = this.source.generation();
    if (generation !== this.generation) {
      this.records.clear();
      this.generation = generation;
    }
    const found = new Map<number, R>();
    const missing: number[] = [];
    for (const label of labels) {
      const record = this.records.get(label);
      if (record === undefined) missing.push(label);
      else {
        found.set(label, record);
        this.records.delete(label);
        this.records.set(label, record);
      }
    }
    if (missing.length > 0) {
      for (const { label, record } of this.source.getByLabels(missing)) {
        found.set(label, record);
        if (this.capacity > 0) this.records.set(label, record);
      }
      for (const label of this.records.keys()) {
        if (this.records.size <= this.capacity) break;
        this.records.delete(label);
      }
    }
    return found;
  }

  /** These labels were written by the caller, which moved the store one generation on. */
  changed(labels: number[]): void {
    const generation = this.source.generation();
    if (generation !== this.generation + 1) this.records.clear();
    else for (const label of labels) this.records.delete(label);
    this.generation = generation;
  }

  get size(): number {
    return this.records.size;
  }
}
