import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import type { FunnelStep, SuggestionOutcome } from '../../../src/core/what-works/schema.js';
import { publishedRate, rankBand, WhatWorksReport, type WhatWorksSource } from '../../../src/core/what-works/service.js';

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
  return { answer: await new WhatWorksReport(source, fixedClock('2026-12-06T10:00:00Z')).report(area, query), asked };
}

describe('what works (issue 33): the funnel and rates by rank, as planners may see them', () => {
  it('counts each step with the steps after it, rounds every count to 5 and suppresses below 5', async () => {
    const outcomes = [
      ...Array.from({ length: 9 }, (_, i) => outcome(`A${i}`, 'suggested', 1)),
      ...Array.from({ length: 4 }, (_, i) => outcome(`B${i}`, 'applied', 1)),
      ...Array.from({ length: 3 }, (_, i) => outcome(`C${i}`, 'interview', 2)),
      ...Array.from({ length: 6 }, (_, i) => outcome(`D${i}`, 'hired', 5, { daysToHire: [10, 12, 30, 31, 40, 90][i]! })),
    ];
    const { answer, asked } = await report(outcomes);
    // 22 suggested; 13 applied (an interview and a hire count as applied); 9 interviewed; 6 offered and hired.
    expect(answer.funnel).toEqual({ suggested: 20, applied: 15, interview: 10, offer: 5, hired: 5 });
    expect(answer.clients).toMatchObject({ suggested: 20, hired: 5, longTermSuggested: '<5', longTermHired: '<5', longTermPlaced: { rate: null, margin95: null } });
    expect(answer.daysToFill).toEqual({ median: 31, hires: 5 });
    // The default period: the twelve whole months up to the last month end (the clock says 2026-12-06); the area's municipalities asked for.
    expect(asked).toEqual([{ municipalities: ['837'], from: '2025-12-01', to: '2026-11-30' }]);
    expect(answer.byRank.map((b) => [b.rank, b.suggestions, b.interviews, b.hires])).toEqual([
      ['1', 15, '<5', '<5'],
      ['2-3', '<5', '<5', '<5'],
      ['4-10', 5, 5, 5],
      ['11-20', '<5', '<5', '<5'],
      ['21+', '<5', '<5', '<5'],
      ['not shown', '<5', '<5', '<5'],
    ]);
    // Rank 1: 0 of 13 interviewed: the count is suppressed, and so is its share; rank 2-3: over 3, not published.
    expect(answer.byRank[0]!.interviewRate).toEqual({ rate: null, margin95: null });
    expect(answer.byRank[1]!.hireRate).toEqual({ rate: null, margin95: null });
    expect(answer.byRank[2]!.hireRate).toEqual({ rate: 1, margin95: 0 });
  });

  it('counts clients once however many vacancies they were suggested, and long-term unemployed placed apart', async () => {
    const outcomes = [
      ...Array.from({ length: 10 }, (_, i) => outcome(`L${i % 5}`, i < 3 ? 'hired' : 'suggested', null, { longTerm: true })),
      ...Array.from({ length: 5 }, (_, i) => outcome(`S${i}`, 'suggested', 3)),
    ];
    const { answer } = await report(outcomes);
    expect(answer.clients).toEqual({
      suggested: 10, // 10 distinct clients
      hired: '<5', // 3
      longTermSuggested: 5,
      longTermHired: '<5',
      longTermPlaced: { rate: null, margin95: null }, // 3 of 5: "<5" hired, so no share either (0.6 would say 3)
    });
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
