import { exactTopKPacked, type PackedVectors } from './exact-search.js';
import type { ExactScan, ExactScanFactory, IndexHit, LocationFilter } from './ports.js';

/** Where the area cache reads from: the system of record of one kind. */
export interface AreaSource {
  matchableLabels(filter: LocationFilter): number[];
  vectorsOf(labels: number[]): Map<number, Float32Array>;
}

export interface Place {
  municipality: string;
  region: string;
}

/**
 * One written record: where it was (if stored before; without a place when not known, e.g. a change
 * another worker process made) and where it is now (if matchable now).
 */
export interface AreaChange {
  before?: { label: number; municipality?: undefined } | (Place & { label: number });
  after?: Place & { label: number; vector: Float32Array };
}

/**
 * The matchable records of one area. Its vectors are held in one of two forms while cached: packed
 * rows with room to grow (scanned in JavaScript), or, where native scans are given, the native scan
 * alone (it holds its own copy: the packed rows are dropped once it is built, so that every open
 * vacancy of a national feed fits in memory once, not twice).
 */
interface Area {
  test: (place: Place) => boolean;
  labels: number[];
  row: Map<number, number>;
  set?: Set<number>;
  matrix?: Float32Array;
  /** The native scan over the area's rows, while cached (patched with them). */
  scan?: ExactScan;
}

const isHeld = (area: Area) => area.matrix !== undefined || area.scan !== undefined;

/**
 * Matchable records per location filter (a municipality, a region), kept in memory between
 * searches: their labels, the labels as a set (for the index's filter callback) and their vectors
 * (for exact scoring). Writes patch the cached areas in place (RecordService reports each change),
 * so an area is read from the store once, not after every change. Vectors held are bounded by a
 * budget counted in vectors; the least recently used areas go first.
 */
export class AreaVectors {
  /** In least-recently-used order of their vectors (a Map keeps insertion order; a use re-inserts). */
  private readonly areas = new Map<string, Area>();
  private held = 0;
  private dimension = 0;

  constructor(
    private readonly source: AreaSource,
    /** Most vectors held at once (0 keeps none between searches). */
    private readonly budget: number,
    /** Native exact scans of cached areas; without, the packed rows are scanned in JavaScript. */
    private readonly scans?: ExactScanFactory,
  ) {}

  /** The k records of the area nearest the query, exactly. */
  searchIn(filter: LocationFilter, query: Float32Array, k: number): IndexHit[] {
    if (!this.scans) return exactTopKPacked(query, this.vectorsIn(filter), k);
    const key = keyOf(filter);
    const area = this.area(filter);
    if (area.scan) {
      this.used(key, area);
      return area.scan.search(query, k);
    }
    const rows = this.rowsOf(area);
    if (rows.dimension === 0 || rows.labels.length === 0) return [];
    const scan = this.scans(rows);
    if (this.keep(key, area)) area.scan = scan;
    return scan.search(query, k);
  }

  labelsIn(filter: LocationFilter): number[] {
    return this.area(filter).labels;
  }

  setIn(filter: LocationFilter): Set<number> {
    const area = this.area(filter);
    return (area.set ??= new Set(area.labels));
  }

  /** The area's vectors as packed rows (kept packed, within the budget, when no native scans are given). */
  vectorsIn(filter: LocationFilter): PackedVectors {
    const key = keyOf(filter);
    const area = this.area(filter);
    if (area.matrix) {
      this.used(key, area);
      return { labels: area.labels, matrix: area.matrix, dimension: this.dimension };
    }
    const rows = this.rowsOf(area);
    if (!this.scans && this.keep(key, area)) area.matrix = rows.matrix;
    return rows;
  }

  /** Records were written (RecordService calls this after each commit); 'everywhere' empties the cache. */
  changed(changes: AreaChange[] | 'everywhere'): void {
    if (changes === 'everywhere') {
      this.clear(); // a large batch: start over
      return;
    }
    for (const area of this.areas.values()) {
      for (const { before, after } of changes) {
        if (before && (before.municipality === undefined || area.test(before))) this.remove(area, before.label);
        if (after && area.test(after)) this.add(area, after.label, after.vector);
      }
    }
  }

  /** The area's vectors read from the store, packed. */
  private rowsOf(area: Area): PackedVectors {
    const vectors = this.source.vectorsOf(area.labels);
    this.dimension ||= vectors.values().next().value?.length ?? 0;
    const matrix = new Float32Array(area.labels.length * this.dimension);
    area.labels.forEach((label, i) => matrix.set(vectors.get(label)!, i * this.dimension));
    return { labels: area.labels, matrix, dimension: this.dimension };
  }

  /** Makes room for the area's vectors (least recently used areas out first); false when it is larger than the whole budget. */
  private keep(key: string, area: Area): boolean {
    if (area.labels.length > this.budget) return false;
    for (const [, other] of this.areas) {
      if (this.held + area.labels.length <= this.budget) break;
      this.drop(other);
    }
    this.held += area.labels.length;
    this.used(key, area);
    return true;
  }

  private drop(area: Area): void {
    if (isHeld(area)) this.held -= area.labels.length;
    delete area.matrix;
    delete area.scan;
  }

  /** Marks the area most recently used. */
  private used(key: string, area: Area): void {
    this.areas.delete(key);
    this.areas.set(key, area);
  }

  /** Vectors held in memory now. */
  get size(): number {
    return this.held;
  }

  private area(filter: LocationFilter): Area {
    const key = keyOf(filter);
    let area = this.areas.get(key);
    if (!area) {
      const labels = this.source.matchableLabels(filter);
      const { municipalities, regions } = filter;
      area = {
        test: (p) => (!municipalities || municipalities.includes(p.municipality)) && (!regions || regions.includes(p.region)),
        labels,
        row: new Map(labels.map((label, i) => [label, i])),
      };
      this.areas.set(key, area);
    }
    return area;
  }

  /** Swap-remove: the last row takes the removed row's place. */
  private remove(area: Area, label: number): void {
    const row = area.row.get(label);
    if (row === undefined) return;
    const last = area.labels.length - 1;
    const moved = area.labels[last]!;
    area.labels[row] = moved;
    area.row.set(moved, row);
    area.labels.pop();
    area.row.delete(label);
    area.set?.delete(label);
    area.scan?.remove(label);
    if (area.matrix) area.matrix.copyWithin(row * this.dimension, last * this.dimension, (last + 1) * this.dimension);
    if (isHeld(area)) this.held--;
  }

  private add(area: Area, label: number, vector: Float32Array): void {
    if (area.row.has(label)) this.remove(area, label);
    const row = area.labels.length;
    area.labels.push(label);
    area.row.set(label, row);
    area.set?.add(label);
    if (area.matrix) {
      // An area packed while empty (a municipality without open vacancies) may be the first packed:
      // the dimension is known from the first vector added.
      this.dimension ||= vector.length;
      if ((row + 1) * this.dimension > area.matrix.length) {
        const grown = new Float32Array(Math.ceil((row + 1) * 1.5) * this.dimension);
        grown.set(area.matrix);
        area.matrix = grown;
      }
      area.matrix.set(vector, row * this.dimension);
      this.held++;
    } else if (area.scan) {
      this.dimension ||= vector.length;
      this.held++;
      if (!area.scan.add(label, vector)) this.drop(area); // full: read again and rebuilt when next used
    }
  }

  private clear(): void {
    this.areas.clear();
    this.held = 0;
  }
}

const keyOf = (filter: LocationFilter) => JSON.stringify([filter.municipalities ?? null, filter.regions ?? null]);
