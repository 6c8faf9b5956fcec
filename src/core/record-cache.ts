import type { StoredEntry } from './ports.js';

/** Where the cache reads from: the system of record of one kind. */
export interface RecordSource<R> {
  getByLabels(labels: number[]): StoredEntry<R>[];
}

/**
 * Memory a parsed record takes, estimated from its JSON length: V8 keeps strings and numbers of a
 * parsed object in about twice the bytes of their JSON text, plus the object headers.
 */
export const parsedBytes = (jsonLength: number) => 2 * jsonLength + 256;

/**
 * Parsed records by label, kept between requests so that a match does not parse its candidate
 * pool from JSON again (the largest cost of a match before). Bounded in bytes (estimated, see
 * parsedBytes) rather than in records, so that the whole matchable set fits when memory allows: at
 * 100,000 vacancies the pools of the fixture clients reach 69,000 distinct records, and a cache
 * smaller than that parsed a quarter of every pool again. Records not used since they were last
 * passed over go first (second chance, a cheap approximation of least recently used: a hit only
 * sets a flag, where moving the entry cost a Map delete and insert per candidate of every match);
 * RecordService drops the labels written, by itself or (read from the change log, see its `sync`)
 * by the other worker processes. Records are never mutated, so sharing them is safe.
 */
export class RecordCache<R> {
  /** In insertion order (a Map keeps it); `used`: hit since it was inserted or last passed over. */
  private readonly records = new Map<number, { record: R; bytes: number; used: boolean }>();
  private used = 0;

  /** @param capacityBytes estimated memory the cached records may take (0: no cache) */
  constructor(
    private readonly source: RecordSource<R>,
    private readonly capacityBytes: number,
  ) {}

  /** The records of these labels that exist, read from the store only when not cached. */
  byLabels(labels: number[]): Map<number, R> {
    const found = new Map<number, R>();
    this.fill(labels, found);
    return found;
  }

  /**
   * Puts the records of these labels that exist into `found` (labels already in it are left as
   * they are): a match fills one map for its whole pool, in one or two steps.
   */
  fill(labels: readonly number[], found: Map<number, R>): void {
    const missing: number[] = [];
    for (const label of labels) {
      if (found.has(label)) continue;
      const entry = this.records.get(label);
      if (entry === undefined) missing.push(label);
      else {
        found.set(label, entry.record);
        entry.used = true;
      }
    }
    if (missing.length > 0) {
      for (const { label, record, bytes } of this.source.getByLabels(missing)) {
        found.set(label, record);
        if (this.capacityBytes === 0) continue;
        const weight = parsedBytes(bytes ?? 1024);
        this.records.set(label, { record, bytes: weight, used: false });
        this.used += weight;
      }
      for (const [label, entry] of this.records) {
        if (this.used <= this.capacityBytes) break;
        this.records.delete(label);
        if (entry.used) {
          entry.used = false; // a second chance: to the back of the queue
          this.records.set(label, entry);
        } else this.used -= entry.bytes;
      }
    }
  }

  /** These labels were written or deleted: read them again when next asked for. */
  changed(labels: number[]): void {
    for (const label of labels) {
      const entry = this.records.get(label);
      if (!entry) continue;
      this.records.delete(label);
      this.used -= entry.bytes;
    }
  }

  get size(): number {
    return this.records.size;
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.used;
  }

  clear(): void {
    this.records.clear();
    this.used = 0;
  }
}
