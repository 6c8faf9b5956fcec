import { describe, expect, it } from 'vitest';
import { randomlyRoundedShare } from '../../../src/core/what-works/published-effects.js';

describe('a share rounded at random to 0.05', () => {
  it('is one of the two multiples of 0.05 around it, right on average, and a share on the grid stays put', () => {
    const draws = Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    for (const share of [0.2439, 0.3, 0.01, 0.999]) {
      const shown = draws.map((d) => randomlyRoundedShare(share, d));
      const below = Math.floor(share / 0.05 + 1e-9) * 0.05;
      for (const s of new Set(shown)) expect([below, Math.min(1, below + 0.05)].map((x) => Math.round(x * 100) / 100)).toContain(s);
      expect(shown.reduce((a, b) => a + b, 0) / shown.length).toBeCloseTo(share, 3);
    }
    expect(new Set(draws.map((d) => randomlyRoundedShare(0.1, d)))).toEqual(new Set([0.1]));
  });
});
