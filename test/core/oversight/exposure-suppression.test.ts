import { describe, expect, it } from 'vitest';
import { publishedCounts } from '../../../src/core/analytics/published-counts.js';
import { exposureReport, groupsOf, type GroupFacts } from '../../../src/core/oversight/exposure.js';

/**
 * The exposure report hides a group's share when 1–4 of its members were ranked (and a second share of
 * its dimension). That decision is taken on the exact count, without noise: two nested reports that
 * differ by one ranked person (k = 20 against k = 21 over rankings alike: 20 vacancies of one employer)
 * hide or show the shares of that person's groups — read exactly, not averaged from noise.
 */
const AS_OF = '2026-11-01';
const KEY = Buffer.alloc(32, 7);

/** 400 eligible jobseekers of the area, every group well above five; the 21 ranked are Finnish-speaking men of 35–44 but the 21st. */
const facts = (i: number): GroupFacts => ({
  municipality: '837',
  birthYear: 1960 + (i % 45),
  gender: i % 2 ? 'female' : 'male',
  motherTongue: ['fi', 'fi', 'sv', 'ru'][i % 4],
  ...(i % 3 === 0 ? { unemployedSince: '2024-01-01' } : {}),
});
const population = new Map(Array.from({ length: 400 }, (_x, i) => [`J${i}`, groupsOf(facts(i), AS_OF)]));
const ranked = Array.from({ length: 21 }, (_x, i) => `R${i + 1}`);
for (const id of ranked.slice(0, 20)) population.set(id, groupsOf({ municipality: '837', birthYear: 1985, gender: 'male', motherTongue: 'fi' }, AS_OF));

const report = (k: number, last: GroupFacts) => {
  const groups = new Map(population);
  groups.set('R21', groupsOf(last, AS_OF));
  const rankings = Array.from({ length: 20 }, () => ranked.slice(0, k));
  return exposureReport(rankings, groups, groups.values(), () => true, publishedCounts(KEY, 'exposure', ['837']), AS_OF, KEY);
};

/** Which groups' shares a report hides. */
const hidden = (r: ReturnType<typeof report>) => r.groups.filter((g) => g.exposureShare === null).map((g) => `${g.dimension}=${g.group}`);

describe('exposure report: suppression of shares against differencing', () => {
  it.fails('KNOWN HOLE: k = 20 against k = 21 hides the shares of the 21st person\'s groups, exactly', () => {
    // What a planner reads for two different people ranked 21st: each pair of reports tells their groups.
    const swedishWoman = { municipality: '837', birthYear: 1950, gender: 'female', motherTongue: 'sv', unemployedSince: '2024-01-01' };
    const finnishMan = { municipality: '837', birthYear: 1985, gender: 'male', motherTongue: 'fi' };
    const told = (last: GroupFacts) => {
      const before = hidden(report(20, last));
      return hidden(report(21, last)).filter((g) => !before.includes(g));
    };
    expect(report(20, swedishWoman).sharesSuppressed).toBeNull();
    // The hole: these differ (the first lists the Swedish-speaking woman's groups, the second nothing).
    expect(told(swedishWoman)).toEqual(told(finnishMan));
  });
});
