import { describe, expect, it } from 'vitest';
import { ESSENTIAL_COVERAGE_MIN, isSuitable } from '../../src/core/suitability.js';

const hit = (score: number, essential: number | null) => ({ score, parts: { semantic: 0.5, essential, optional: null, location: 1, occupation: 1 } });

describe('isSuitable', () => {
  it('needs the score to reach the line and three quarters of the essential skills covered', () => {
    expect(ESSENTIAL_COVERAGE_MIN).toBe(0.75);
    expect(isSuitable(hit(0.55, 0.75), 0.55)).toBe(true);
    expect(isSuitable(hit(0.5499, 1), 0.55)).toBe(false);
    expect(isSuitable(hit(0.99, 0.74), 0.55)).toBe(false);
    expect(isSuitable(hit(0.99, 0), 0.55)).toBe(false);
  });

  it('lets the score alone decide when the essential skills are unknown', () => {
    expect(isSuitable(hit(0.6, null), 0.55)).toBe(true);
    expect(isSuitable(hit(0.5, null), 0.55)).toBe(false);
  });
});
