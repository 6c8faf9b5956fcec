import { describe, expect, it } from 'vitest';
import { countsBehind } from '../../../src/core/analytics/random-rounding.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import { fixedClock } from '../../../src/core/clock.js';
import type { SuggestionOutcome } from '../../../src/core/what-works/schema.js';
import { WhatWorksReport } from '../../../src/core/what-works/service.js';

/** Subsidised hires apart in the what-works report (issue 33, item 7), over planted outcomes. */
const area: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };

/** The two values a count may be published as (random rounding): "<5" for 0. */
const either = (n: number): (number | '<5')[] => (n < 3 ? ['<5'] : [Math.floor(n / 5) * 5, Math.ceil(n / 5) * 5].map((v) => (v === 0 ? '<5' : v)));
const shareOf = (hires: number | '<5', all: number | '<5') => (hires === '<5' || all === '<5' ? null : Math.min(1, Math.round((hires / all) * 20) / 20));

function outcomes(hired: number, subsidised: number, rank = 1): SuggestionOutcome[] {
  return Array.from({ length: hired }, (_, i) => ({ jobseekerId: `J${rank}-${i}`, reached: 'hired' as const, rank, longTerm: false, daysToHire: 10, subsidised: i < subsidised }));
}

async function report(list: SuggestionOutcome[]) {
  const source = { suggestionOutcomes: async () => list, trainingFacts: async () => ({ referrals: [], clients: [] }) };
  return new WhatWorksReport(source, fixedClock('2026-12-06T10:00:00Z'), Buffer.alloc(32, 2)).report(area, {});
}

describe('what works: hires with a pay subsidy apart', () => {
  it('counts subsidised hires in the period and per rank band, rounded like every count', async () => {
    const r = await report([...outcomes(12, 7, 1), ...outcomes(3, 3, 5), ...outcomes(6, 0, 12)]);
    expect(either(21)).toContain(r.funnel.hired);
    expect(r.paySubsidy).toEqual({ hires: 10, share: shareOf(10, r.funnel.hired) }); // 10 subsidised, the share of the published counts
    const bands: [string, number, number][] = [['1', 12, 7], ['2-3', 0, 0], ['4-10', 3, 3], ['11-20', 6, 0], ['21+', 0, 0], ['not shown', 0, 0]];
    for (const [rank, hires, subsidised] of bands) {
      const b = r.byRank.find((x) => x.rank === rank)!;
      expect([either(hires).includes(b.hires), either(subsidised).includes(b.subsidisedHires)], rank).toEqual([true, true]);
    }
  });

  it('only a hire counts: a suggestion that stopped at an offer is not a subsidised hire, whatever the source says', async () => {
    const offered = outcomes(8, 8).map((o) => ({ ...o, reached: 'offer' as const }));
    const r = await report(offered);
    expect(r.paySubsidy).toEqual({ hires: '<5', share: null });
  });

  it('the share comes from the published counts, so it tells no more than they do', async () => {
    // 9 hires, 8 subsidised: an exact share (0.9) would give 8 and with it the 1 hire without.
    const r = await report(outcomes(9, 8));
    expect(either(9)).toContain(r.funnel.hired);
    expect(either(8)).toContain(r.paySubsidy.hires);
    expect(r.paySubsidy.share).toBe(shareOf(r.paySubsidy.hires, r.funnel.hired));
    // 12 hires, 3 subsidised.
    const small = await report(outcomes(12, 3));
    expect(either(3)).toContain(small.paySubsidy.hires);
    expect(small.paySubsidy.share).toBe(shareOf(small.paySubsidy.hires, small.funnel.hired));
  });

  it('no differencing: all hires less subsidised hires never gives an exact count of the hires without a subsidy', async () => {
    // Every pair of true counts up to 40 hires and every way each may be rounded: the counts without a
    // subsidy the published pair fits are never one alone.
    for (let all = 0; all <= 40; all++) {
      for (let subsidised = 0; subsidised <= all; subsidised++) {
        for (const a of either(all)) {
          for (const s of either(subsidised)) {
            const [allRange, subRange] = [countsBehind(a as number | '<5'), countsBehind(s as number | '<5')];
            const without = new Set<number>();
            for (let x = allRange.low; x <= allRange.high; x++) for (let y = subRange.low; y <= Math.min(x, subRange.high); y++) without.add(x - y);
            expect(without.has(all - subsidised), `${all}, ${subsidised}`).toBe(true);
            expect(without.size, `${all}, ${subsidised} published as ${a}, ${s}`).toBeGreaterThanOrEqual(2);
          }
        }
      }
    }
    // And the report publishes exactly those two counts, nothing exact beside them.
    for (const [all, subsidised] of [[7, 7], [7, 5], [10, 9], [5, 0]] as const) {
      const r = await report(outcomes(all, subsidised));
      expect([either(all).includes(r.funnel.hired), either(subsidised).includes(r.paySubsidy.hires)]).toEqual([true, true]);
      expect(JSON.stringify(r)).not.toMatch(/notSubsidised|openMarket|without/);
    }
  });
});
