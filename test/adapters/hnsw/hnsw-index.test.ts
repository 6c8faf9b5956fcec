import { describe, expect, it } from 'vitest';
import { HnswVectorIndex } from '../../../src/adapters/hnsw/hnsw-index.js';
import { exactTopK } from '../../../src/core/exact-search.js';
import { prng } from '../../../fixtures/generate.js';

const settings = { m: 16, efConstruction: 100, ef: 64 };

/** Clustered unit vectors (like real embeddings), not isotropic noise. */
function clustered(n: number, dim: number, seed = 7) {
  const rng = prng(seed);
  const centres = Array.from({ length: 20 }, () => Array.from({ length: dim }, () => rng.next() - 0.5));
  return Array.from({ length: n }, () => {
    const c = centres[Math.floor(rng.next() * centres.length)]!;
    const v = Float32Array.from(c, (x) => x + (rng.next() - 0.5) * 0.4);
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  });
}

describe('HnswVectorIndex', () => {
  const vectors = clustered(3000, 32);

  it('finds nearly the same neighbours as an exact scan (recall@10 >= 0.95)', () => {
    const index = HnswVectorIndex.create(32, settings, 16); // starts small: grows by resizing
    vectors.forEach((v, i) => index.upsert(i + 1, v));
    expect(index.size).toBe(3000);
    const all = new Map(vectors.map((v, i) => [i + 1, v]));
    let found = 0;
    for (let q = 0; q < 50; q++) {
      const query = vectors[q * 37]!;
      const truth = new Set(exactTopK(query, all, 10).map((h) => h.label));
      found += index.search(query, 10).filter((h) => truth.has(h.label)).length;
    }
    expect(found / 500).toBeGreaterThanOrEqual(0.95);
  });

  it('returns k hits from the allowed labels only when a filter is given', () => {
    const index = HnswVectorIndex.create(32, settings);
    vectors.forEach((v, i) => index.upsert(i + 1, v));
    const allowed = new Set(Array.from({ length: 300 }, (_, i) => i * 10 + 3)); // 10 %
    const hits = index.search(vectors[0]!, 20, allowed);
    expect(hits).toHaveLength(20);
    for (const h of hits) expect(allowed.has(h.label)).toBe(true);
    expect(index.search(vectors[0]!, 20, new Set([5, 6]))).toHaveLength(2);
  });

  it('replaces a vector on upsert and never returns a removed label', () => {
    const index = HnswVectorIndex.create(32, settings);
    vectors.slice(0, 200).forEach((v, i) => index.upsert(i + 1, v));
    index.upsert(1, vectors[150]!);
    expect(index.search(vectors[150]!, 2).map((h) => h.label).sort()).toEqual([1, 151]);
    index.remove(151);
    expect(index.has(151)).toBe(false);
    expect(index.size).toBe(199);
    expect(index.search(vectors[150]!, 199).map((h) => h.label)).not.toContain(151);
    index.upsert(151, vectors[150]!); // re-adding a deleted label brings it back
    expect(index.search(vectors[150]!, 2).map((h) => h.label)).toContain(151);
  });

  it('answers an empty search with no hits', () => {
    expect(HnswVectorIndex.create(8, settings).search(new Float32Array(8).fill(0.35), 5)).toEqual([]);
  });
});

describe('exact scoring of packed vectors (the filtered-area path of repeated matches)', () => {
  it('finds the same top k as the plain exact scan', async () => {
    const { exactTopKPacked, packVectors } = await import('../../../src/core/exact-search.js');
    const vectors = clustered(2000, 32, 11);
    const map = new Map(vectors.map((v, i) => [i + 1, v]));
    const labels = [...map.keys()].filter((l) => l % 3 === 0);
    const packed = packVectors(labels, map);
    const subset = new Map(labels.map((l) => [l, map.get(l)!]));
    for (const q of [vectors[5]!, vectors[500]!, vectors[1999]!]) {
      expect(exactTopKPacked(q, packed, 25).map((h) => h.label)).toEqual(exactTopK(q, subset, 25).map((h) => h.label));
    }
    expect(exactTopKPacked(vectors[0]!, packed, 10_000)).toHaveLength(labels.length);
  });
});
