import { describe, expect, it } from 'vitest';
import { DemandSupply } from '../../../src/core/analytics/demand-supply.js';
import { MismatchSummary, evenSample } from '../../../src/core/analytics/mismatch.js';
import { MatchedFiguresCount, countedNow } from '../../../src/core/analytics/matched-figures.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import type { Matcher } from '../../../src/core/matching.js';
import type { AnalyticsSource, OccupationCountRow } from '../../../src/core/ports.js';
import { hit } from '../../helpers/hits.js';
import { PRACTICAL_NURSE, WELDER, curatedTaxonomy } from '../../helpers/taxonomy.js';

const AREA: AnalysisArea = { kind: 'municipality', id: '837', nameFi: 'Tampere', nameSv: 'Tammerfors', municipalities: ['837'] };
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const occupation = (occ: string, records: number, positions = records): OccupationCountRow => ({ occupation: occ, records, positions, longTerm: 0 });

/** A hit as suitable (score and essential skills) or not. */
const suitable = (id: string) => hit(id, { score: 0.6, parts: { ...hit(id).parts, essential: 1 } });
const lowScore = (id: string) => hit(id, { score: 0.4, parts: { ...hit(id).parts, essential: 1 } });
const missingEssentials = (id: string) => hit(id, { score: 0.9, parts: { ...hit(id).parts, essential: 0.5 } });

/** The installation's key the draws are keyed by (any 32 bytes). */
const KEY = Buffer.alloc(32, 7);

/**
 * The mismatch summary over a real DemandSupply on the curated test taxonomy; the analytics source
 * and the match engine are test doubles answering fixed ids and rankings, recording what was asked.
 */
function setUp(jobseekers: number, longTerm: number, sample = 3, key = KEY, vacancyRankings: Record<string, ReturnType<typeof hit>[]> = {}) {
  const source: AnalyticsSource = {
    vacancySkills: async () => [],
    jobseekerSkills: async () => [],
    vacancyOccupations: async () => [occupation(WELDER, 10, 12), occupation(PRACTICAL_NURSE, 2)],
    jobseekerOccupations: async () => [occupation(WELDER, 5), occupation(PRACTICAL_NURSE, 10)],
    vacancyIds: async () => ids('V', 4),
    jobseekerIds: async (_filter, since) => (since === undefined ? ids('J', jobseekers) : since === '2025-11-30' ? ids('L', longTerm) : []),
  };
  const asked: string[] = [];
  const rankings: Record<string, ReturnType<typeof hit>[]> = {
    V1: ids('J', 5).map(suitable),
    V2: [suitable('J1'), missingEssentials('J2')],
    V3: [lowScore('J3')],
    ...vacancyRankings,
    // L1 to L5 have a suitable vacancy (L1 below the first place), L6 to L10 none (one misses essential skills, the rest have no vacancy at all).
    L1: [lowScore('V9'), suitable('V1')],
    ...Object.fromEntries(ids('L', 5).slice(1).map((id) => [id, [suitable('V2')]])),
    L6: [missingEssentials('V1')],
  };
  const matcher = {
    candidatesForVacancy: async (id: string, q: { k: number; lang: string; area?: string[] }) => (asked.push(`candidates:${id}:${q.k}:${q.lang}:${q.area}`), rankings[id] ?? []),
    vacanciesForJobseeker: async (id: string, q: { k: number; lang: string; area?: string[] }) => (asked.push(`vacancies:${id}:${q.k}:${q.lang}:${q.area}`), rankings[id] ?? []),
  } as unknown as Matcher; // TEST DOUBLE of the two rankings the summary asks for
  const counter = new MatchedFiguresCount(source, matcher, { suitableScore: 0.5, sample });
  const summary = new MismatchSummary(new DemandSupply(source, curatedTaxonomy(), key), countedNow(counter), { suitableScore: 0.5 }, key);
  return { summary, asked };
}

describe('evenSample', () => {
  it('takes every n-th item, all of a short list, none for a size of 0', () => {
    expect(evenSample(ids('x', 10), 3)).toEqual(['x1', 'x4', 'x7']);
    expect(evenSample(ids('x', 4), 3)).toEqual(['x1', 'x2', 'x3']);
    expect(evenSample(ids('x', 2), 3)).toEqual(['x1', 'x2']);
    expect(evenSample(ids('x', 2), 0)).toEqual([]);
    expect(evenSample(ids('x', 2), -1)).toEqual([]);
  });
});

describe('MismatchSummary.forArea', () => {
  it('publishes rounded counts, puts every vacancy and long-term unemployed through the match engine, and lists shortage and surplus occupations', async () => {
    const { summary, asked } = setUp(10, 10, 10);
    const result = await summary.forArea(AREA, { candidates: 2, lang: 'fi', today: '2026-12-06' });
    expect(result).toMatchObject({
      area: AREA,
      asOf: '2026-11-30',
      threshold: 0.5,
      vacancies: 12,
      positions: 14,
      // Multiples of 5 are never rounded away.
      jobseekers: 10,
      longTermUnemployed: 10,
      // 12 vacancies over the published 10 jobseekers.
      vacanciesPerJobseeker: 1.2,
      // V1 has five suitable candidates (published as 5); V2's second misses essential skills; V3's scores too low; V4 has none. 1 of all 4.
      vacanciesWithSuitableCandidates: { candidates: 2, share: 0.25, matched: 4, of: 4, margin95: 0 },
      // L6 to L10 have no suitable vacancy: 5 (published as 5) of the published 10, every one matched.
      longTermWithoutSuitableVacancy: { share: 0.5, matched: 10, of: 10, margin95: 0 },
    });
    expect(result.vacanciesWithSuitableCandidates).not.toHaveProperty('suppressed');
    expect(result.shortageOccupations.map((o) => [o.label, o.gap])).toEqual([['hitsaaja', 5]]);
    expect(result.surplusOccupations.map((o) => [o.label, o.gap])).toEqual([['lähihoitaja', -8]]);
    expect(asked).toEqual([...ids('V', 4).map((id) => `candidates:${id}:5:fi:837`), ...ids('L', 10).map((id) => `vacancies:${id}:20:fi:837`)]);
  });

  it('samples evenly, and publishes a share of a sample from its hits rounded at random: one of three long-term unemployed is "<5"', async () => {
    const { summary, asked } = setUp(10, 10, 3);
    const result = await summary.forArea(AREA, { candidates: 2, lang: 'fi', today: '2026-12-06' });
    expect(result).toMatchObject({
      // Vacancies are not people: V1 of V1 to V3, exactly, with the margin of a sample of 3 of 4.
      vacanciesWithSuitableCandidates: { candidates: 2, share: 0.333, matched: 3, of: 4, margin95: 0.308 },
      // L1, L4 and L7 sampled; only L7 has no suitable vacancy, and a count of one is "<5".
      longTermWithoutSuitableVacancy: { share: 0, matched: 3, of: 10, margin95: 0 },
    });
    expect(asked.filter((a) => a.startsWith('vacancies:'))).toEqual(['L1', 'L4', 'L7'].map((id) => `vacancies:${id}:20:fi:837`));
  });

  it('suppresses every share about a count of jobseekers published as "<5", and does not rank the long-term unemployed below 3', async () => {
    const { summary, asked } = setUp(2, 2);
    const result = await summary.forArea(AREA, { candidates: 2, lang: 'sv', today: '2026-12-06' });
    expect(result).toMatchObject({
      jobseekers: '<5',
      longTermUnemployed: '<5',
      vacanciesPerJobseeker: null,
      vacanciesWithSuitableCandidates: { candidates: 2, share: null, margin95: 0, suppressed: 'fewer than 5 jobseekers' },
      longTermWithoutSuitableVacancy: { share: null, suppressed: 'fewer than 5 jobseekers', matched: 0, of: '<5', margin95: 0 },
    });
    expect(asked.filter((a) => a.startsWith('vacancies:'))).toEqual([]);
  });

  it('ranks 3 or 4 long-term unemployed (their count may be published as 5), and gives the share exactly when their count is published', async () => {
    for (const key of [Buffer.alloc(32, 1), Buffer.alloc(32, 2), Buffer.alloc(32, 3), Buffer.alloc(32, 4)]) {
      const { summary, asked } = setUp(10, 4, 10, key);
      const result = await summary.forArea(AREA, { candidates: 2, lang: 'fi', today: '2026-12-06' });
      expect(asked.filter((a) => a.startsWith('vacancies:'))).toEqual(ids('L', 4).map((id) => `vacancies:${id}:20:fi:837`));
      const shown = result.longTermUnemployed;
      expect(shown === '<5' || shown === 5).toBe(true);
      expect(result.longTermWithoutSuitableVacancy.share === null).toBe(shown === '<5');
    }
  });

  it('counts a vacancy as staffed by its published count of suitable local candidates: 2 never, 3 at random, alike vacancies (the same people) all or none', async () => {
    const alike = (people: string[]) => Object.fromEntries(ids('V', 4).map((v) => [v, people.map(suitable)]));
    const TAMPERE_AREA: AnalysisArea = { ...AREA, kind: 'employment-area', id: 'tampere', municipalities: ['837', '536'] };
    const shares = { two: new Set<number | null>(), three: new Set<number | null>(), area: new Set<number | null>() };
    let differ = 0;
    for (let k = 0; k < 40; k++) {
      const key = Buffer.alloc(32, k);
      const staffed = async (people: string[], area = AREA) =>
        (await setUp(10, 0, 10, key, alike(people)).summary.forArea(area, { candidates: 3, lang: 'fi', today: '2026-12-06' })).vacanciesWithSuitableCandidates.share;
      // Two suitable people can never make a vacancy staffed, whatever N asks (a count of 2 is always "<5").
      shares.two.add(await staffed(['J1', 'J2']));
      shares.two.add((await setUp(10, 0, 10, key, alike(['J1', 'J2'])).summary.forArea(AREA, { candidates: 1, lang: 'fi', today: '2026-12-06' })).vacanciesWithSuitableCandidates.share);
      const inTampere = await staffed(['J1', 'J2', 'J3']);
      const inArea = await staffed(['J1', 'J2', 'J3'], TAMPERE_AREA);
      shares.three.add(inTampere);
      shares.area.add(inArea);
      if (inTampere !== inArea) differ++;
    }
    expect([...shares.two]).toEqual([0]);
    // Three people: staffed when their count is published as 5 (3 in 5 draws), for all four vacancies or none.
    expect([...shares.three].sort()).toEqual([0, 1]);
    expect([...shares.area].sort()).toEqual([0, 1]);
    // The same people in another place are another draw: a different status there proves no one else.
    expect(differ).toBeGreaterThan(0);
  });

  it('answers the same question the same way, in Finnish or Swedish, on any day of the month', async () => {
    const { summary } = setUp(13, 13, 20);
    const answer = async (lang: 'fi' | 'sv', today: string) => {
      const { shortageOccupations: _s, surplusOccupations: _p, ...rest } = await summary.forArea(AREA, { candidates: 2, lang, today });
      return rest;
    };
    const first = await answer('fi', '2026-12-06');
    expect(await answer('sv', '2026-12-20')).toEqual(first);
    expect([10, 15]).toContain(first.jobseekers);
  });
});
