import { describe, expect, it } from 'vitest';
import { ExactIndex } from '../../../src/adapters/memory/exact-index.js';

const unit = (...v: number[]) => {
  const n = Math.hypot(...v);
  return Float32Array.from(v.map((x) => x / n));
};

describe('ExactIndex (test double)', () => {
  it('ranks every vector by cosine similarity, within the allowed labels, and forgets removed ones', () => {
    const index = new ExactIndex();
    index.upsert(1, unit(1, 0));
    index.upsert(2, unit(1, 1));
    index.upsert(3, unit(0, 1));
    const query = unit(1, 0.1);
    expect(index.search(query, 3).map((h) => h.label)).toEqual([1, 2, 3]);
    expect(index.search(query, 2, new Set([2, 3])).map((h) => h.label)).toEqual([2, 3]);
    expect(index.similarities(query, [3, 9]).map((h) => h.label)).toEqual([3]);
    index.remove(1);
    expect([index.size, index.has(1), index.vectorOf(1)]).toEqual([2, false, undefined]);
    expect(index.search(query, 3).map((h) => h.label)).toEqual([2, 3]);
  });
});
