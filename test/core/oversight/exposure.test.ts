import { describe, expect, it } from 'vitest';
import { countsBehind } from '../../../src/core/analytics/random-rounding.js';
import { publishedCounts } from '../../../src/core/analytics/published-counts.js';
import { exposureReport, groupsOf, type GroupFacts } from '../../../src/core/oversight/exposure.js';
import { SHARE_MARGIN } from '../../../src/core/oversight/noised-shares.js';

/** A seeded pseudo-random sequence (mulberry32), so that every run sees the same population. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AS_OF = '2026-11-01';
const next = random(7);
const TONGUES = ['fi', 'fi', 'fi', 'fi', 'sv', 'ru', 'so', 'et'];
const people = Array.from({ length: 2000 }, (_x, i) => ({
  id: `J${i}`,
  facts: {
    municipality: i % 3 === 0 ? '091' : '837',
    birthYear: 1960 + Math.floor(next() * 45),
    gender: (['female', 'male'] as const)[Math.floor(next() * 2)],
    motherTongue: TONGUES[Math.floor(next() * TONGUES.length)],
    ...(next() < 0.3 ? { unemployedSince: '2025-01-01' } : {}),
  } satisfies GroupFacts,
}));
const groups = new Map(people.map((p) => [p.id, groupsOf(p.facts, AS_OF)]));

/** Top 10 of 300 vacancies by a fit that knows nothing of the groups, plus an optional planted boost. */
function rankings(boost: (facts: GroupFacts) => number): string[][] {
  const fit = random(11);
  return Array.from({ length: 300 }, () =>
    people
      .map((p) => ({ id: p.id, score: fit() + boost(p.facts) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10)
      .map((s) => s.id),
  );
}

/** The counts of the question, under an installation's key (any 32 bytes). */
const KEY = Buffer.alloc(32, 7);
const published = publishedCounts(KEY, 'exposure', ['091', '837']);
const report = (ranked: string[][]) => exposureReport(ranked, groups, groups.values(), () => true, published, AS_OF, KEY);

describe('exposure report', () => {
  it('flags nothing when the ranking knows nothing of the groups', () => {
    const fair = report(rankings(() => 0));
    expect(fair.flagged).toEqual([]);
    const sv = fair.groups.find((g) => g.dimension === 'motherTongue' && g.group === 'sv')!;
    expect(sv.ratioLow!).toBeLessThan(1);
    expect(sv.ratioHigh!).toBeGreaterThan(1);
  });

  it('flags a planted boost for one mother tongue, and the groups it pushed down', () => {
    const biased = report(rankings((f) => (f.motherTongue === 'sv' ? 0.05 : 0)));
    expect(biased.flagged).toContainEqual({ dimension: 'motherTongue', group: 'sv', ratio: expect.any(Number) });
    expect(biased.flagged.find((f) => f.group === 'sv')!.ratio).toBeGreaterThan(1.25);
    expect(biased.flagged.some((f) => f.dimension === 'gender' || f.dimension === 'ageBand')).toBe(false);
  });

  it('flags a penalty on long-term unemployment', () => {
    const biased = report(rankings((f) => (f.unemployedSince ? -0.05 : 0)));
    // No long-term unemployed person makes a top 10 with the penalty: the group's share is hidden (too few of its
    // members ranked), its flag is not.
    expect(biased.flagged).toContainEqual({ dimension: 'longTermUnemployed', group: 'yes', ratio: null });
    expect(biased.groups.find((g) => g.dimension === 'longTermUnemployed' && g.group === 'yes')).toMatchObject({ exposureShare: null, flagged: true });
  });

  it('suppresses groups of fewer than three (always "<5") and counts only the area\'s jobseekers', () => {
    const few = new Map([...groups].slice(0, 2));
    const small = exposureReport([['J0', 'J1', 'X']], few, few.values(), (id) => id !== 'X', published, AS_OF, KEY);
    expect(small.eligible).toBe('<5');
    expect(small.groups.every((g) => g.eligible === '<5' && g.ratio === null && !g.flagged)).toBe(true);
    // One ranking: the share outside the area is hidden like the others (it told whether position n+1 lived outside).
    expect(small.outsideAreaShare).toBeNull();
    const outside = exposureReport(rankings(() => 0), groups, groups.values(), (id) => groups.get(id)!.municipality !== '091', published, AS_OF, KEY);
    expect(outside.outsideAreaShare).toBeGreaterThan(0.2);
    expect(outside.outsideAreaShare).toBeLessThan(0.5);
  });

  it('publishes no share from rankings of a few candidates (issue 28: one ranking of one candidate described them)', () => {
    const one = report([['J0']]);
    expect(one.sharesSuppressed).toMatch(/fewer than 20 distinct jobseekers/);
    expect(one.groups.every((g) => g.exposureShare === null && g.ratio === null && !g.flagged)).toBe(true);
    expect(one.groups.some((g) => typeof g.eligible === 'number')).toBe(true); // the counts stay, rounded as elsewhere
  });

  it('hides a group of which 1-4 members were ranked, and a second share of its dimension, so that one minus the others tells nothing', () => {
    const longTerm = people.filter((p) => p.facts.unemployedSince).map((p) => p.id);
    const others = people.filter((p) => !p.facts.unemployedSince).map((p) => p.id);
    // 30 rankings of the others, one long-term unemployed person at position 5 of one of them.
    const ranked = Array.from({ length: 30 }, (_x, r) => others.slice(r * 5, r * 5 + 5));
    ranked[0]![4] = longTerm[0]!;
    const result = report(ranked);
    expect(result.sharesSuppressed).toBeNull();
    const rows = result.groups.filter((g) => g.dimension === 'longTermUnemployed');
    expect(rows.map((g) => g.exposureShare)).toEqual([null, null]);
    expect(result.groups.filter((g) => g.dimension === 'gender').every((g) => g.exposureShare !== null)).toBe(true);
  });

  it('publishes the counts rounded at random, the shares of eligible jobseekers from them alone, and the same counts for the same question', () => {
    const fair = report(rankings(() => 0));
    expect(fair.eligible).toBe(2000);
    for (const g of fair.groups) {
      const n = people.filter((p) => String(groups.get(p.id)![g.dimension]) === g.group).length;
      const { low, high } = countsBehind(g.eligible);
      expect(n, `${g.dimension} ${g.group}`).toBeGreaterThanOrEqual(low);
      expect(n, `${g.dimension} ${g.group}`).toBeLessThanOrEqual(high);
      if (g.eligible !== '<5') expect(g.eligibleShare).toBe(Math.round((g.eligible / 2000) * 1000) / 1000);
    }
    // Not the nearest multiple of 5 every time (that one could be subtracted: test/http/planner-differencing.test.ts).
    const nearest = fair.groups.filter((g) => g.eligible === Math.round(people.filter((p) => String(groups.get(p.id)![g.dimension]) === g.group).length / 5) * 5);
    expect(nearest.length).toBeLessThan(fair.groups.length);
    expect(report(rankings(() => 0)).groups.map((g) => g.eligible)).toEqual(fair.groups.map((g) => g.eligible));
  });

  it('publishes shares only from 20 rankings', () => {
    const ranked = (n: number) => Array.from({ length: n }, (_x, r) => people.slice(r * 5, r * 5 + 5).map((p) => p.id));
    expect(report(ranked(19)).sharesSuppressed).toMatch(/fewer than 20 rankings/);
    expect(report(ranked(19)).outsideAreaShare).toBeNull();
    expect(report(ranked(20)).sharesSuppressed).toBeNull();
  });

  it('publishes each share with keyed noise, to 2 decimals: the same for the same rankings, another draw for other rankings or another key', () => {
    const ranked = rankings(() => 0);
    const exact = (r: string[][], dimension: string, group: string) => {
      const perRanking = r.map((items) => {
        const w = items.map((_id, i) => 1 / Math.log2(i + 2));
        const mine = items.reduce((a, id, i) => a + (String(groups.get(id)![dimension as 'gender']) === group ? w[i]! : 0), 0);
        return mine / w.reduce((a, b) => a + b, 0);
      });
      return perRanking.reduce((a, b) => a + b, 0) / perRanking.length;
    };
    const all = report(ranked);
    const shown = all.groups.filter((g) => g.exposureShare !== null && g.dimension !== 'municipality');
    expect(shown.length).toBeGreaterThan(8);
    const errors = shown.map((g) => g.exposureShare! - exact(ranked, g.dimension, g.group));
    expect(shown.every((g) => Math.round(g.exposureShare! * 100) / 100 === g.exposureShare)).toBe(true);
    // Noise, not rounding: most shares are off by more than the rounding's 0.005, none by more than the noise's bound.
    expect(errors.filter((e) => Math.abs(e) > 0.005).length).toBeGreaterThan(shown.length / 2);
    expect(errors.every((e) => Math.abs(e) <= SHARE_MARGIN + 1e-9)).toBe(true);
    // The ratio is the published share's, so no field carries the exact one.
    for (const g of shown) expect(g.ratio).toBe(Math.round((g.exposureShare! / ((g.eligible as number) / (all.eligible as number))) * 100) / 100);
    // The same question again: the same answer; one ranking less or another installation's key: other draws.
    expect(report(ranked).groups).toEqual(report(ranked).groups);
    const fewer = report(ranked.slice(1)).groups.filter((g) => g.exposureShare !== null && g.dimension !== 'municipality');
    const fewerErrors = fewer.map((g) => g.exposureShare! - exact(ranked.slice(1), g.dimension, g.group));
    expect(fewerErrors.filter((e, i) => Math.abs(e - errors[i]!) > 0.01).length).toBeGreaterThan(fewer.length / 2);
    const other = exposureReport(ranked, groups, groups.values(), () => true, published, AS_OF, Buffer.alloc(32, 8)).groups.filter((g) => g.exposureShare !== null && g.dimension !== 'municipality');
    expect(other.filter((g, i) => g.exposureShare !== shown[i]!.exposureShare).length).toBeGreaterThan(shown.length / 2);
  });

  it('puts people in age bands and mother-tongue groups on the day asked', () => {
    expect(groupsOf({ municipality: '091', birthYear: 2002, motherTongue: 'ru', unemployedSince: '2025-10-31' }, AS_OF)).toEqual({
      ageBand: 'under 25', gender: 'unknown', motherTongue: 'other', longTermUnemployed: 'yes', municipality: '091',
    });
  });
});
