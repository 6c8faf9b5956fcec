import { describe, expect, it } from 'vitest';
import { jobseekerCounts, placeOf, publishedCounts } from '../../../src/core/analytics/published-counts.js';
import { countsBehind } from '../../../src/core/analytics/random-rounding.js';

const KEY = Buffer.alloc(32, 7);
/** Forty cells of 13 people each, as one question publishes them. */
const cells = (counts: ReturnType<typeof publishedCounts>) => Array.from({ length: 40 }, (_, i) => counts.count(`cell ${i}`, 13));

describe('publishedCounts', () => {
  it('rounds each count at random to a multiple of 5 it could stand for, "<5" for 0 to 2 always', () => {
    const counts = publishedCounts(KEY, 'jobseekers', ['837']);
    for (let n = 0; n <= 60; n++) {
      for (let c = 0; c < 20; c++) {
        const shown = counts.count(`cell ${c}`, n);
        const { low, high } = countsBehind(shown);
        expect(n).toBeGreaterThanOrEqual(low);
        expect(n).toBeLessThanOrEqual(high);
        if (n < 3) expect(shown).toBe('<5');
        if (n % 5 === 0 && n > 0) expect(shown).toBe(n);
        expect(counts.value(`cell ${c}`, n)).toBe(shown === '<5' ? null : shown);
      }
    }
    // 13 is 10 or 15 at random, not always the nearest 15.
    expect(new Set(cells(counts))).toEqual(new Set([10, 15]));
  });

  it('answers one question the same way, whatever order its municipalities come in', () => {
    expect(cells(publishedCounts(KEY, 'jobseekers', ['837', '536', '211']))).toEqual(cells(publishedCounts(KEY, 'jobseekers', ['211', '837', '536'])));
    expect(placeOf(['837', '536'])).toBe(placeOf(['536', '837']));
    expect(placeOf(undefined)).toBe('Finland');
  });

  it('draws again for another place, another report, another pick or another key', () => {
    const first = cells(jobseekerCounts(KEY, ['837', '536']));
    for (const other of [
      jobseekerCounts(KEY, ['837']),
      jobseekerCounts(KEY, undefined),
      jobseekerCounts(KEY, ['837', '536'], 'sv'),
      publishedCounts(KEY, 'exposure', ['837', '536']),
      jobseekerCounts(Buffer.alloc(32, 8), ['837', '536']),
    ]) {
      expect(cells(other)).not.toEqual(first);
    }
  });
});
