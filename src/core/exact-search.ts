import type { IndexHit } from './ports.js';
import { kthLargest } from './select.js';

/** Vectors side by side in one Float32Array: row i belongs to labels[i]. */
export interface PackedVectors {
  labels: number[];
  matrix: Float32Array;
  dimension: number;
}

export function packVectors(labels: number[], vectors: Map<number, Float32Array>): PackedVectors {
  const dimension = vectors.values().next().value?.length ?? 0;
  const present = labels.filter((label) => vectors.has(label));
  const matrix = new Float32Array(present.length * dimension);
  present.forEach((label, i) => matrix.set(vectors.get(label)!, i * dimension));
  return { labels: present, matrix, dimension };
}

/** The dot product of `query` with the row of `matrix` starting at `offset`, with four running sums (independent additions the CPU can overlap). */
export function dotAt(matrix: Float32Array, offset: number, query: Float32Array, dimension: number): number {
  const tail = dimension - (dimension % 4);
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i < tail; i += 4) {
    a += matrix[offset + i]! * query[i]!;
    b += matrix[offset + i + 1]! * query[i + 1]!;
    c += matrix[offset + i + 2]! * query[i + 2]!;
    d += matrix[offset + i + 3]! * query[i + 3]!;
  }
  for (; i < dimension; i++) a += matrix[offset + i]! * query[i]!;
  return a + b + c + d;
}

/** Exact cosine top-k over packed unit vectors, selecting the k best without sorting them all. */
export function exactTopKPacked(query: Float32Array, packed: PackedVectors, k: number): IndexHit[] {
  const { labels, matrix, dimension } = packed;
  const rows = labels.length;
  const scores = new Float32Array(rows);
  for (let row = 0; row < rows; row++) scores[row] = dotAt(matrix, row * dimension, query, dimension);
  // The k-th best score by selection (a full sort of every score was 35 % of a scan).
  const threshold = k >= rows ? -Infinity : kthLargest(scores.slice(), k);
  const hits: IndexHit[] = [];
  for (let row = 0; row < rows; row++) if (scores[row]! >= threshold) hits.push({ label: labels[row]!, similarity: scores[row]! });
  hits.sort((x, y) => y.similarity - x.similarity);
  return hits.slice(0, k);
}

/** Exact cosine top-k over unit vectors: the baseline the index is measured against. */
export function exactTopK(query: Float32Array, vectors: Map<number, Float32Array>, k: number): IndexHit[] {
  const hits: IndexHit[] = [];
  for (const [label, v] of vectors) {
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    hits.push({ label, similarity: dot });
  }
  hits.sort((a, b) => b.similarity - a.similarity);
  return hits.slice(0, k);
}
