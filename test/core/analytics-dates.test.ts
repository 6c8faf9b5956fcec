import { describe, expect, it } from 'vitest';
import { longTermSince } from '../../src/core/analytics/demand-supply.js';
import { publishedAsOf, smallPopulation } from '../../src/core/analytics/suppression.js';

describe('the day published figures are counted at (issue 28, L3)', () => {
  it('is the last day of the month before, or the day itself at a month end', () => {
    for (let d = 1; d <= 30; d++) expect(publishedAsOf(`2026-10-${String(d).padStart(2, '0')}`)).toBe('2026-09-30');
    expect(publishedAsOf('2026-10-31')).toBe('2026-10-31');
    expect(publishedAsOf('2026-01-15')).toBe('2025-12-31');
    expect(publishedAsOf('2024-02-29')).toBe('2024-02-29');
    expect(publishedAsOf('2024-03-01')).toBe('2024-02-29');
    expect(publishedAsOf('2025-02-28')).toBe('2025-02-28');
  });

  it('moves the long-term unemployment cut-off once a month', () => {
    expect(new Set(Array.from({ length: 30 }, (_x, i) => longTermSince(`2026-10-${String(i + 1).padStart(2, '0')}`)))).toEqual(new Set(['2025-09-30']));
    expect(longTermSince('2026-10-31')).toBe('2025-10-31');
    expect(longTermSince('2024-02-29')).toBe('2023-02-28');
  });

  it('suppresses a share about fewer than 5 jobseekers', () => {
    expect(smallPopulation(1)).toBe(true);
    expect(smallPopulation(5, 4)).toBe(true);
    expect(smallPopulation(5, 120)).toBe(false);
  });
});
