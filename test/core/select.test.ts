import { describe, expect, it } from 'vitest';
import { kthLargest } from '../../src/core/select.js';

describe('kthLargest', () => {
  it('finds the k-th largest value without sorting, ties and short arrays included', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    expect(kthLargest(values.slice(), 1)).toBe(999);
    expect(kthLargest(values.slice(), 10)).toBe(990);
    expect(kthLargest(Float64Array.from([3, 3, 3, 1]), 2)).toBe(3);
  });
  it('matches a full sort on random scores', () => {
    const values = Float32Array.from({ length: 5000 }, () => Math.random() * 2 - 1);
    const sorted = Float32Array.from(values).sort().reverse();
    for (const k of [1, 7, 50, 4999, 5000]) expect(kthLargest(values.slice(), k)).toBe(sorted[k - 1]);
  });
});
