import { describe, expect, it } from 'vitest';
import { cellDraws, countsBehind, randomlyRounded } from '../../../src/core/analytics/random-rounding.js';
import { jobseekerCount } from '../../../src/core/analytics/suppression.js';

const DRAWS = Array.from({ length: 100 }, (_, i) => i / 100);

describe('random rounding: no pair of published counts proves that one person is between them', () => {
  it('publishes a multiple of 5 within 4 of the count, "<5" for 0 and always for 0–2, and rounds up with probability r/5 (unbiased from 3)', () => {
    for (let n = 0; n <= 200; n++) {
      const shown = DRAWS.map((d) => randomlyRounded(n, d));
      for (const s of shown) {
        const { low, high } = countsBehind(s);
        expect(n >= low && n <= high, `${n} as ${s}`).toBe(true);
      }
      const mean = shown.reduce<number>((sum, s) => sum + (s === '<5' ? 0 : s), 0) / DRAWS.length;
      if (n >= 3) expect(Math.abs(mean - n)).toBeLessThan(1e-9 + 0.05 * 5);
      else expect(shown.every((s) => s === '<5'), `${n}`).toBe(true); // no answer shows one or two people
    }
    expect(randomlyRounded(0, 0.99)).toBe('<5');
    expect(randomlyRounded(10, 0.99)).toBe(10);
  });

  it('two counts one apart, however each is rounded, fit one count as well (nearest rounding did not: 13 as 15 and 12 as 10)', () => {
    const overlap = (a: number | '<5', b: number | '<5') => {
      const [x, y] = [countsBehind(a), countsBehind(b)];
      return Math.max(x.low, y.low) <= Math.min(x.high, y.high);
    };
    const ways = (n: number) => [...new Set(DRAWS.map((d) => randomlyRounded(n, d)))];
    const proved: string[] = [];
    for (let n = 0; n <= 200; n++) for (const a of ways(n)) for (const b of ways(n + 1)) if (!overlap(a, b)) proved.push(`${n} as ${a}, ${n + 1} as ${b}`);
    expect(proved).toEqual([]);
    // The rule before: nearest 5 with "<5" below 5 (a published 15 stands for 13–17, a 10 for 8–12).
    const nearest = (p: number | '<5') => (p === '<5' ? { low: 0, high: 4 } : p === 5 ? { low: 5, high: 7 } : { low: p - 2, high: p + 2 });
    const [a, b] = [nearest(jobseekerCount(13)), nearest(jobseekerCount(12))];
    expect(a.low - b.high).toBe(1); // at least one person between them: proved
  });

  it('draws the same numbers for the same question and key, others for another question or key', () => {
    const key = Buffer.alloc(32, 3);
    const q = cellDraws(key, 'what-works\x00municipality\x00837\x002025-12-01\x002026-11-30');
    expect(q('funnel.hired')).toBe(cellDraws(key, 'what-works\x00municipality\x00837\x002025-12-01\x002026-11-30')('funnel.hired'));
    const cells = ['funnel.hired', 'funnel.suggested', 'clients.hired'];
    expect(new Set(cells.map(q)).size).toBe(3);
    expect(cellDraws(key, 'what-works\x00municipality\x00837\x002026-01-01\x002026-11-30')('funnel.hired')).not.toBe(q('funnel.hired'));
    expect(cellDraws(Buffer.alloc(32, 4), 'what-works\x00municipality\x00837\x002025-12-01\x002026-11-30')('funnel.hired')).not.toBe(q('funnel.hired'));
    for (const d of cells.map(q)) expect(d >= 0 && d < 1).toBe(true);
  });
});
