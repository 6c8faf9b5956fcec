import { describe, expect, it } from 'vitest';
import {
  MIN_JOBSEEKERS_SHOWN,
  ROUNDING_BASE,
  SMALL_POPULATION,
  SUPPRESSED,
  isSuppressed,
  jobseekerCount,
  publishedAsOf,
  publishedCount,
  smallPopulation,
} from '../../../src/core/analytics/suppression.js';

/** Statistical disclosure control of the counts of jobseekers planners see (privacy, issue 28). */
describe('suppression and rounding of counts of jobseekers', () => {
  it('shows counts below 5 as "<5" and rounds the rest to the nearest multiple of 5', () => {
    expect(MIN_JOBSEEKERS_SHOWN).toBe(5);
    expect(ROUNDING_BASE).toBe(5);
    expect([0, 1, 2, 3, 4].map(jobseekerCount)).toEqual(['<5', '<5', '<5', '<5', '<5']);
    expect([5, 6, 7, 8, 9, 10, 12, 13, 17, 18, 1234].map(jobseekerCount)).toEqual([5, 5, 5, 10, 10, 10, 10, 15, 15, 20, 1235]);
    // A count halfway between two multiples (an average) rounds up.
    expect(jobseekerCount(12.5)).toBe(15);
  });

  it('never publishes a count that differs from the true one by more than 2.5 (or reveals a count under 5)', () => {
    for (let n = 0; n <= 500; n++) {
      const shown = jobseekerCount(n);
      if (n < 5) expect(shown).toBe(SUPPRESSED);
      else {
        expect(typeof shown).toBe('number');
        expect((shown as number) % 5).toBe(0);
        expect(Math.abs((shown as number) - n)).toBeLessThanOrEqual(2.5);
      }
    }
  });

  it('computes with the published count, or null when it is suppressed', () => {
    expect(publishedCount(4)).toBeNull();
    expect(publishedCount(0)).toBeNull();
    expect(publishedCount(5)).toBe(5);
    expect(publishedCount(23)).toBe(25);
    expect(publishedCount(22)).toBe(20);
  });

  it('tells a suppressed count and a small population apart from a published one at exactly 5', () => {
    expect(isSuppressed(4)).toBe(true);
    expect(isSuppressed(5)).toBe(false);
    expect(smallPopulation()).toBe(false);
    expect(smallPopulation(100, 200, 4)).toBe(true);
    expect(smallPopulation(5, 5)).toBe(false);
    expect(SMALL_POPULATION).toBe('fewer than 5 jobseekers');
  });
});

describe('the day figures over jobseekers are counted at (asOf stepping)', () => {
  it('answers one day for every day of a month but its last, so stepping asOf a day at a time finds nothing', () => {
    const days = Array.from({ length: 31 }, (_x, i) => `2026-12-${String(i + 1).padStart(2, '0')}`);
    const used = days.map(publishedAsOf);
    expect(used.slice(0, 30)).toEqual(Array(30).fill('2026-11-30'));
    expect(used[30]).toBe('2026-12-31');
    expect(new Set(used)).toEqual(new Set(['2026-11-30', '2026-12-31']));
  });

  it('crosses years and leap days', () => {
    expect(publishedAsOf('2027-01-01')).toBe('2026-12-31');
    expect(publishedAsOf('2024-02-28')).toBe('2024-01-31');
    expect(publishedAsOf('2024-02-29')).toBe('2024-02-29');
    expect(publishedAsOf('2023-02-28')).toBe('2023-02-28');
    expect(publishedAsOf('2026-04-30')).toBe('2026-04-30');
    expect(publishedAsOf('2026-05-30')).toBe('2026-04-30');
  });

  it('never answers a day after the one asked for', () => {
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      expect(publishedAsOf(day) <= day).toBe(true);
    }
  });
});
