import { describe, expect, it } from 'vitest';
import { dotAt, exactTopK, exactTopKPacked, packVectors } from '../../src/core/exact-search.js';

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};

describe('exact search', () => {
  const vectors = new Map<number, Float32Array>([
    [10, unit(1, 0, 0, 0, 0)],
    [11, unit(0, 1, 0, 0, 0)],
    [12, unit(1, 1, 0, 0, 0)],
    [13, unit(1, 0, 0, 0, 1)],
    [14, unit(-1, 0, 0, 0, 0)],
  ]);
  const query = unit(1, 0.2, 0, 0, 0.1);

  it('packs the vectors of the labels present, in the order given', () => {
    const packed = packVectors([12, 99, 10], vectors);
    expect(packed.labels).toEqual([12, 10]);
    expect(packed.dimension).toBe(5);
    expect([...packed.matrix.slice(5, 10)]).toEqual([...vectors.get(10)!]);
    expect(packVectors([], new Map())).toEqual({ labels: [], matrix: new Float32Array(0), dimension: 0 });
  });

  it('takes dot products over any dimension, the remainder of four included', () => {
    const a = Float32Array.from([1, 2, 3, 4, 5, 6, 7]);
    const b = Float32Array.from([7, 6, 5, 4, 3, 2, 1]);
    expect(dotAt(a, 0, b, 7)).toBe(84);
    expect(dotAt(Float32Array.from([0, 0, 1, 2]), 2, Float32Array.from([3, 4]), 2)).toBe(11);
  });

  it('finds the k nearest by cosine, best first, packed or not, alike', () => {
    const expected = [10, 12, 13];
    expect(exactTopK(query, vectors, 3).map((h) => h.label)).toEqual(expected);
    const packed = exactTopKPacked(query, packVectors([...vectors.keys()], vectors), 3);
    expect(packed.map((h) => h.label)).toEqual(expected);
    // (Float32 scores summed in four lanes: equal to the plain loop's to 6 decimals.)
    exactTopK(query, vectors, 3).forEach((h, i) => expect(packed[i]!.similarity).toBeCloseTo(h.similarity, 6));
    expect(exactTopKPacked(query, packVectors([...vectors.keys()], vectors), 10).map((h) => h.label)).toEqual([10, 12, 13, 11, 14]);
    expect(exactTopKPacked(query, packVectors([...vectors.keys()], vectors), 1).map((h) => h.label)).toEqual([10]);
  });
});
