import hnswlib from 'hnswlib-node';
import type { ExactScan, ExactScanFactory } from '../../core/ports.js';

/**
 * hnswlib takes plain arrays: the last query's copy is kept (one, so that memory stays bounded) and
 * shared by the searches that follow with the same vector (a match searches the index and then every
 * municipality of a commuting reach with one query vector). Vectors are never changed once made.
 */
let lastQuery: Float32Array | undefined;
let lastArray: number[] = [];
export function plainArray(query: Float32Array): number[] {
  if (query !== lastQuery) {
    lastArray = Array.from(query);
    lastQuery = query;
  }
  return lastArray;
}

/** Room for this share of new records before a scan is full (and rebuilt from the area's rows). */
const GROWTH = 1.1;

/**
 * hnswlib's native brute-force index (inner product over unit vectors = cosine) as an area's exact
 * scan: ~7× faster than the JavaScript loop over the same packed rows (0.44 against 3.3 ms for
 * 10,000 vectors of 256 dimensions on the 2-core build machine), near the memory-bandwidth floor.
 */
export const nativeScan: ExactScanFactory = ({ labels, matrix, dimension }) => {
  const scan = new hnswlib.BruteforceSearch('ip', dimension);
  scan.initIndex(Math.ceil(labels.length * GROWTH) + 64);
  labels.forEach((label, row) => scan.addPoint(Array.from(matrix.subarray(row * dimension, (row + 1) * dimension)), label));
  const live = new Set(labels);
  const result: ExactScan = {
    add(label, vector) {
      if (!live.has(label) && scan.getCurrentCount() >= scan.getMaxElements()) return false;
      try {
        scan.addPoint(Array.from(vector), label);
      } catch {
        return false; // e.g. another dimension: the caller rebuilds from its rows
      }
      live.add(label);
      return live.size === scan.getCurrentCount();
    },
    remove(label) {
      if (!live.delete(label)) return;
      scan.removePoint(label);
    },
    search(query, k) {
      // Never more than the scan holds: hnswlib aborts the process (an assert) otherwise.
      const n = Math.min(k, scan.getCurrentCount());
      if (n === 0) return [];
      const found = scan.searchKnn(plainArray(query), n);
      return found.neighbors.map((label, i) => ({ label, similarity: 1 - found.distances[i]! }));
    },
  };
  return result;
};
