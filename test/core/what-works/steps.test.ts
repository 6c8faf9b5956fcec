import { describe, expect, it } from 'vitest';
import { FUNNEL_STEPS, RANK_BANDS } from '../../../src/core/what-works/steps.js';

describe('What works steps and rank bands', () => {
  it('run the funnel from a suggestion to a hire', () => {
    expect(FUNNEL_STEPS[0]).toBe('suggested');
    expect(FUNNEL_STEPS.at(-1)).toBe('hired');
    expect(new Set(FUNNEL_STEPS).size).toBe(FUNNEL_STEPS.length);
  });

  it('band every rank from 1 up without a gap or overlap, and keep a band for vacancies never shown', () => {
    const numeric = RANK_BANDS.filter((b) => b !== 'not shown');
    expect(RANK_BANDS.at(-1)).toBe('not shown');
    let next = 1;
    for (const band of numeric) {
      const [from, to] = band.endsWith('+') ? [Number(band.slice(0, -1)), Infinity] : band.split('-').map(Number).concat(Number(band.split('-')[0])).slice(0, 2);
      expect(from).toBe(next);
      expect(to).toBeGreaterThanOrEqual(from!);
      next = to! + 1;
    }
    expect(next).toBe(Infinity);
  });
});
