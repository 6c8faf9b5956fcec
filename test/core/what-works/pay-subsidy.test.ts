import { describe, expect, it } from 'vitest';
import { jobseekerCount } from '../../../src/core/analytics/suppression.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import { fixedClock } from '../../../src/core/clock.js';
import type { SuggestionOutcome } from '../../../src/core/what-works/schema.js';
import { WhatWorksReport } from '../../../src/core/what-works/service.js';

/** Subsidised hires apart in the what-works report (issue 33, item 7), over planted outcomes. */
const area: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };

function outcomes(hired: number, subsidised: number, rank = 1): SuggestionOutcome[] {
  return Array.from({ length: hired }, (_, i) => ({ jobseekerId: `J${rank}-${i}`, reached: 'hired' as const, rank, longTerm: false, daysToHire: 10, subsidised: i < subsidised }));
}

async function report(list: SuggestionOutcome[]) {
  const source = { suggestionOutcomes: async () => list, trainingFacts: async () => ({ referrals: [], clients: [] }) };
  return new WhatWorksReport(source, fixedClock('2026-12-06T10:00:00Z')).report(area, {});
}

describe('what works: hires with a pay subsidy apart', () => {
  it('counts subsidised hires in the period and per rank band, rounded to 5 or "<5" like every count', async () => {
    const r = await report([...outcomes(12, 7, 1), ...outcomes(3, 3, 5), ...outcomes(6, 0, 12)]);
    expect(r.funnel.hired).toBe(20); // 21
    expect(r.paySubsidy).toEqual({ hires: 10, share: 0.5 }); // 10 subsidised: 10 / 20 of the published counts
    expect(r.byRank.map((b) => [b.rank, b.hires, b.subsidisedHires])).toEqual([
      ['1', 10, 5], // 12 and 7
      ['2-3', '<5', '<5'],
      ['4-10', '<5', '<5'], // 3 and 3
      ['11-20', 5, '<5'], // 6 and 0
      ['21+', '<5', '<5'],
      ['not shown', '<5', '<5'],
    ]);
  });

  it('only a hire counts: a suggestion that stopped at an offer is not a subsidised hire, whatever the source says', async () => {
    const offered = outcomes(8, 8).map((o) => ({ ...o, reached: 'offer' as const }));
    const r = await report(offered);
    expect(r.paySubsidy).toEqual({ hires: '<5', share: null });
  });

  it('the share comes from the published counts, so it tells no more than they do', async () => {
    // 9 hires, 8 subsidised: an exact share (0.9) would give 8 and with it the 1 hire without.
    const r = await report(outcomes(9, 8));
    expect([r.funnel.hired, r.paySubsidy]).toEqual([10, { hires: 10, share: 1 }]);
    // 12 hires, 3 subsidised: the subsidised count is suppressed, and so is its share.
    expect((await report(outcomes(12, 3))).paySubsidy).toEqual({ hires: '<5', share: null });
  });

  it('no differencing: all hires less subsidised hires never gives an exact count of the hires without a subsidy when it is under 5', async () => {
    // Every pair of true counts up to 40 hires: which counts without a subsidy each published pair fits.
    const fits = new Map<string, Set<number>>();
    for (let all = 0; all <= 40; all++) {
      for (let subsidised = 0; subsidised <= all; subsidised++) {
        const key = JSON.stringify([jobseekerCount(all), jobseekerCount(subsidised)]);
        fits.set(key, (fits.get(key) ?? new Set()).add(all - subsidised));
      }
    }
    for (const [key, without] of fits) {
      // A published pair consistent with a small count without a subsidy is consistent with others too.
      if ([...without].some((n) => n < 5)) expect([key, without.size >= 2]).toEqual([key, true]);
    }
    // And the report publishes exactly those two counts: the rounded ones, nothing exact beside them.
    for (const [all, subsidised] of [[7, 7], [7, 5], [10, 9], [5, 0]] as const) {
      const r = await report(outcomes(all, subsidised));
      expect([r.funnel.hired, r.paySubsidy.hires]).toEqual([jobseekerCount(all), jobseekerCount(subsidised)]);
      expect(JSON.stringify(r)).not.toMatch(/notSubsidised|openMarket|without/);
    }
  });
});
