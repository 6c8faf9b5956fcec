import { describe, expect, it } from 'vitest';
import { publishedCounts } from '../../../src/core/analytics/published-counts.js';
import { exposureReport, groupsOf, type GroupFacts } from '../../../src/core/oversight/exposure.js';

/**
 * The exposure report hides a group's share when few of its members were ranked (and a second share of
 * its dimension). Until privacy-11 that decision was taken on the exact count (1–4), without noise: two
 * nested reports that differ by one ranked person (k = 20 against k = 21 over rankings alike: 20 vacancies
 * of one employer) hid or showed the shares of that person's groups — read exactly, not averaged from noise.
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

const report = (k: number, last: GroupFacts, key = KEY, before: GroupFacts[] = []) => {
  const groups = new Map(population);
  groups.set('R21', groupsOf(last, AS_OF));
  // Optionally, the first ranked people are others (to make the 21st the n-th of a group).
  before.forEach((facts, i) => groups.set(`R${i + 1}`, groupsOf(facts, AS_OF)));
  const rankings = Array.from({ length: 20 }, () => ranked.slice(0, k));
  return exposureReport(rankings, groups, groups.values(), () => true, publishedCounts(key, 'exposure', ['837']), AS_OF, key);
};

/** Which groups' shares a report hides. */
const hidden = (r: ReturnType<typeof report>) => r.groups.filter((g) => g.exposureShare === null).map((g) => `${g.dimension}=${g.group}`);
/** The groups whose share is hidden in one of two reports and shown in the other. */
const changed = (a: ReturnType<typeof report>, b: ReturnType<typeof report>) => {
  const [x, y] = [hidden(a), hidden(b)];
  return [...x.filter((g) => !y.includes(g)), ...y.filter((g) => !x.includes(g))].sort();
};

describe('exposure report: suppression of shares against differencing', () => {
  it('k = 20 against k = 21 no longer hides the shares of the 21st person\'s groups when they are the first of them ranked', () => {
    // What a planner reads for two different people ranked 21st: the pair of reports told their groups.
    const swedishWoman = { municipality: '837', birthYear: 1950, gender: 'female', motherTongue: 'sv', unemployedSince: '2024-01-01' };
    const finnishMan = { municipality: '837', birthYear: 1985, gender: 'male', motherTongue: 'fi' };
    const told = (last: GroupFacts) => {
      const before = hidden(report(20, last));
      return hidden(report(21, last)).filter((g) => !before.includes(g));
    };
    expect(report(20, swedishWoman).sharesSuppressed).toBeNull();
    // The hole was: these differed (the first listed the Swedish-speaking woman's groups, the second nothing).
    expect(told(swedishWoman)).toEqual(told(finnishMan));
    // Nor is any share shown in one report of the pair and hidden in the other, either way.
    expect(changed(report(20, swedishWoman), report(21, swedishWoman))).toEqual(changed(report(20, finnishMan), report(21, finnishMan)));
    // The shares still published: the groups everyone ranked is in.
    expect(hidden(report(21, swedishWoman))).not.toContain('ageBand=35–44');
  });

  it("k = 20 against k = 21 tells little whether the 21st person is a group's fifth (or third … seventh) member", () => {
    // The first n - 1 ranked are Swedish-speaking women of 55 and over; the 21st is one more (the n-th) or a
    // Finnish man of 35–44. Whether the age band's share is shown at k = 21 is what a planner reads (three
    // other bands have no one ranked, so no second share of the dimension is hidden beside it); over 200 installation keys,
    // how often a guess from it is right (a coin: 50 %; the exact rule of 1–4 told the fifth every time).
    const swedishWoman = { municipality: '837', birthYear: 1950, gender: 'female', motherTongue: 'sv', unemployedSince: '2024-01-01' };
    const finnishMan = { municipality: '837', birthYear: 1985, gender: 'male', motherTongue: 'fi' };
    const keys = Array.from({ length: 200 }, (_x, i) => Buffer.alloc(32, i + 1));
    for (const n of [3, 4, 5, 6, 7, 8]) {
      const before = Array.from({ length: n - 1 }, () => swedishWoman);
      const shown = (last: GroupFacts) => keys.filter((key) => !hidden(report(21, last, key, before)).includes('ageBand=55 and over')).length;
      const [asMember, asOther] = [shown(swedishWoman), shown(finnishMan)];
      // The best guess from "shown" or "hidden" is right (asMember + (200 − asOther)) / 400 of the time, or the reverse.
      const right = Math.max(asMember + 200 - asOther, asOther + 200 - asMember) / 400;
      expect(right, `the 21st as the ${n}th member`).toBeLessThan(0.66);
    }
  });
});
