import type { IndexHit, VectorIndex } from '../../core/ports.js';

const dot = (a: Float32Array, b: Float32Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

/**
 * TEST DOUBLE — an exact VectorIndex over a Map (every search scores every vector), for fast core
 * unit tests without hnswlib: rankings are the true nearest neighbours, so a test of the core
 * depends on nothing approximate. Never used by the service.
 */
export class ExactIndex implements VectorIndex {
  private readonly vectors = new Map<number, Float32Array>();

  get size(): number {
    return this.vectors.size;
  }

  has(label: number): boolean {
    return this.vectors.has(label);
  }

  upsert(label: number, vector: Float32Array): void {
    this.vectors.set(label, vector);
  }

  remove(label: number): void {
    this.vectors.delete(label);
  }

  similarities(vector: Float32Array, labels: number[]): IndexHit[] {
    return labels.flatMap((label) => {
      const v = this.vectors.get(label);
      return v ? [{ label, similarity: dot(vector, v) }] : [];
    });
  }

  vectorOf(label: number): Float32Array | undefined {
    return this.vectors.get(label);
  }

  search(vector: Float32Array, k: number, allowed?: ReadonlySet<number>): IndexHit[] {
    const hits: IndexHit[] = [];
    for (const [label, v] of this.vectors) if (!allowed || allowed.has(label)) hits.push({ label, similarity: dot(vector, v) });
    return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, k);
  }
}
