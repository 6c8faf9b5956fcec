import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import type { FunnelStep, SuggestionOutcome } from '../../../src/core/what-works/schema.js';
import { publishedRate, rankBand, rateOfPublished, WhatWorksReport, type WhatWorksSource } from '../../../src/core/what-works/service.js';

/** The two values a count may be published as (random rounding, src/core/analytics/random-rounding.ts): "<5" for 0. */
const either = (n: number): (number | '<5')[] => (n < 3 ? ['<5'] : [Math.floor(n / 5) * 5, Math.ceil(n / 5) * 5].map((v) => (v === 0 ? '<5' : v)));
const KEY = Buffer.alloc(32, 1);

/** The report over planted outcomes (an in-memory source: a test double for src/adapters/sqlite/what-works-source.ts). */
const area: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };
const outcome = (jobseekerId: string, reached: FunnelStep, rank: number | null, extra: Partial<SuggestionOutcome> = {}): SuggestionOutcome => ({
  jobseekerId,
  reached,
  rank,
  longTerm: false,
  daysToHire: reached === 'hired' ? 20 : null,
  subsidised: false,
  ...extra,
});
async function report(outcomes: SuggestionOutcome[], query: { from?: string; to?: string } = {}) {
  const asked: unknown[] = [];
  const source: WhatWorksSource = {
    suggestionOutcomes: async (filter) => {
      asked.push(filter);
      return outcomes;
    },
    trainingFacts: async () => ({ referrals: [], clients: [] }),
  };
  return { answer: await new WhatWorksReport(source, fixedClock('2026-12-06T10:00:00Z'), KEY).report(area, query), asked };
}

describe('what works (issue 33): the funnel and rates by rank, as planners may see them', () => {
  it('counts each step with the steps after it, rounds every count at random to a multiple of 5 ("<5" for 0), the same for the same question', async () => {
    const outcomes = [
      ...Array.from({ length: 9 }, (_, i) => outcome(`A${i}`, 'suggested', 1)),
      ...Array.from({ length: 4 }, (_, i) => outcome(`B${i}`, 'applied', 1)),
      ...Array.from({ length: 3 }, (_, i) => outcome(`C${i}`, 'interview', 2)),
      ...Array.from({ length: 6 }, (_, i) => outcome(`D${i}`, 'hired', 5, { daysToHire: [10, 12, 30, 31, 40, 90][i]! })),
    ];
    const { answer, asked } = await report(outcomes);
    // 22 suggested; 13 applied (an interview and a hire count as applied); 9 interviewed; 6 offered and hired.
    const exact = { suggested: 22, applied: 13, interview: 9, offer: 6, hired: 6 };
    for (const [step, n] of Object.entries(exact)) expect(either(n), step).toContain(answer.funnel[step as keyof typeof exact]);
    expect(either(22)).toContain(answer.clients.suggested);
    expect(either(6)).toContain(answer.clients.hired);
    expect(answer.clients).toMatchObject({ longTermSuggested: '<5', longTermHired: '<5', longTermPlaced: { rate: null, margin95: null } });
    // A middle value of the six hires' days (one of the three around the median), and their count.
    expect([30, 31, 40]).toContain(answer.daysToFill.median);
    expect(either(6)).toContain(answer.daysToFill.hires);
    // The default period: the twelve whole months up to the last month end (the clock says 2026-12-06); the area's municipalities asked for.
    expect(asked).toEqual([{ municipalities: ['837'], from: '2025-12-01', to: '2026-11-30' }]);
    const bands: [string, number, number, number][] = [['1', 13, 0, 0], ['2-3', 3, 3, 0], ['4-10', 6, 6, 6], ['11-20', 0, 0, 0], ['21+', 0, 0, 0], ['not shown', 0, 0, 0]];
    for (const [rank, suggestions, interviews, hires] of bands) {
      const b = answer.byRank.find((r) => r.rank === rank)!;
      expect([either(suggestions), either(interviews), either(hires)].map((allowed, i) => allowed.includes([b.suggestions, b.interviews, b.hires][i]!)), rank).toEqual([true, true, true]);
      // Shares from the published counts only.
      expect(b.interviewRate).toEqual(rateOfPublished(b.interviews, b.suggestions));
      expect(b.hireRate).toEqual(rateOfPublished(b.hires, b.suggestions));
    }
    // Rank 1: 0 of 13 interviewed: the count is "<5", and so is its share.
    expect(answer.byRank[0]!.interviewRate).toEqual({ rate: null, margin95: null });
    // The same question again: the same answer (the rounding cannot be averaged away by asking again).
    expect((await report(outcomes)).answer).toEqual(answer);
  });

  it('rounds the same people the same way however the place is asked: an area and a region of the same municipalities are one question', async () => {
    const outcomes = Array.from({ length: 23 }, (_, i) => outcome(`P${i}`, i < 13 ? 'hired' : 'applied', i % 4 === 0 ? null : 1 + (i % 12)));
    const source: WhatWorksSource = { suggestionOutcomes: async () => outcomes, trainingFacts: async () => ({ referrals: [], clients: [] }) };
    const ask = (a: AnalysisArea, key = KEY) => new WhatWorksReport(source, fixedClock('2026-12-06T10:00:00Z'), key).report(a, {});
    const asRegion: AnalysisArea = { kind: 'region', id: 'R', nameFi: 'R', nameSv: 'R', municipalities: ['536', '837'] };
    const asArea: AnalysisArea = { kind: 'employment-area', id: 'A', nameFi: 'A', nameSv: 'A', municipalities: ['837', '536'] };
    const [region, employmentArea] = [await ask(asRegion), await ask(asArea)];
    expect({ ...employmentArea, area: region.area }).toEqual(region);
    // Another installation's secret draws again: across a few keys, not every count comes out the same.
    const others = await Promise.all([3, 4, 5, 6, 7, 8].map((k) => ask(asRegion, Buffer.alloc(32, k))));
    expect(new Set(others.map((o) => JSON.stringify([o.funnel, o.clients, o.byRank]))).size).toBeGreaterThan(1);
  });

  it('counts clients once however many vacancies they were suggested, and long-term unemployed placed apart', async () => {
    const outcomes = [
      ...Array.from({ length: 10 }, (_, i) => outcome(`L${i % 5}`, i < 3 ? 'hired' : 'suggested', null, { longTerm: true })),
      ...Array.from({ length: 5 }, (_, i) => outcome(`S${i}`, 'suggested', 3)),
    ];
    const { answer } = await report(outcomes);
    expect(answer.clients.suggested).toBe(10); // 10 distinct clients: a multiple of 5 is published as it is
    expect(answer.clients.longTermSuggested).toBe(5);
    expect(either(3)).toContain(answer.clients.hired);
    expect(either(3)).toContain(answer.clients.longTermHired);
    expect(answer.clients.longTermPlaced).toEqual(rateOfPublished(answer.clients.longTermHired, 5));
    expect(answer.daysToFill.median).toBeNull(); // 3 hires: fewer than 5
  });

  it('bands the rank the engine showed the vacancy at, and rounds shares to 0.05', () => {
    expect([1, 2, 3, 4, 10, 11, 20, 21, null].map(rankBand)).toEqual(['1', '2-3', '2-3', '4-10', '4-10', '11-20', '11-20', '21+', 'not shown']);
    expect(publishedRate(10, 23)).toEqual({ rate: 0.4, margin95: 0.19 }); // 10 of 25 as published
    expect(publishedRate(1, 7)).toEqual({ rate: null, margin95: null });
    expect(publishedRate(4, 4)).toEqual({ rate: null, margin95: null });
  });

  it('publishes no share that tells more than the two published counts (a suppressed count stays unknown)', () => {
    for (let of = 0; of <= 40; of++) {
      for (let hits = 0; hits <= of; hits++) {
        const shown = publishedRate(hits, of);
        if (hits < 5 || of < 5) expect(shown, `${hits} of ${of}`).toEqual({ rate: null, margin95: null });
        // Every pair with the same published counts gets the same share: the share is a function of them alone.
        const same = publishedRate(Math.round(hits / 5) * 5, Math.round(of / 5) * 5);
        if (hits >= 5) expect(shown, `${hits} of ${of}`).toEqual(same);
      }
    }
  });

  it('refuses a period that ends before it begins or spans more than three years, naming the field', async () => {
    await expect(report([], { from: '2026-05-01', to: '2026-04-30' })).rejects.toThrow(/from: the first day 2026-05-01 is after the last day 2026-04-30/);
    await expect(report([], { from: '2020-01-01', to: '2026-04-30' })).rejects.toThrow(/from: a period of at most 1098 days/);
  });

  it('takes a period to whole months: from the first day of `from`\'s month to the last month end by `to`', async () => {
    expect((await report([], { from: '2026-03-17', to: '2026-06-29' })).asked).toEqual([{ municipalities: ['837'], from: '2026-03-01', to: '2026-05-31' }]);
    expect((await report([], { from: '2026-03-01', to: '2026-06-30' })).asked).toEqual([{ municipalities: ['837'], from: '2026-03-01', to: '2026-06-30' }]);
  });
});
