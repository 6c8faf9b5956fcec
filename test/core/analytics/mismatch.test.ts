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

/**
 * The mismatch summary over a real DemandSupply on the curated test taxonomy; the analytics source
 * and the match engine are test doubles answering fixed ids and rankings, recording what was asked.
 */
function setUp(jobseekers: number, longTerm: number) {
  const source: AnalyticsSource = {
    vacancySkills: async () => [],
    jobseekerSkills: async () => [],
    vacancyOccupations: async () => [occupation(WELDER, 10, 12), occupation(PRACTICAL_NURSE, 2)],
    jobseekerOccupations: async () => [occupation(WELDER, 5), occupation(PRACTICAL_NURSE, 12)],
    vacancyIds: async () => ids('V', 4),
    jobseekerIds: async (_filter, since) => (since === undefined ? ids('J', jobseekers) : since === '2025-11-30' ? ids('L', longTerm) : []),
  };
  const asked: string[] = [];
  const rankings: Record<string, ReturnType<typeof hit>[]> = {
    V1: [suitable('J1'), suitable('J2')],
    V2: [suitable('J1'), missingEssentials('J2')],
    V3: [lowScore('J3')],
    L1: [lowScore('V9'), suitable('V1')],
    L3: [missingEssentials('V1')],
    L5: [],
  };
  const matcher = {
    candidatesForVacancy: async (id: string, q: { k: number; lang: string; area?: string[] }) => (asked.push(`candidates:${id}:${q.k}:${q.lang}:${q.area}`), rankings[id] ?? []),
    vacanciesForJobseeker: async (id: string, q: { k: number; lang: string; area?: string[] }) => (asked.push(`vacancies:${id}:${q.k}:${q.lang}:${q.area}`), rankings[id] ?? []),
  } as unknown as Matcher; // TEST DOUBLE of the two rankings the summary asks for
  const counter = new MatchedFiguresCount(source, matcher, { suitableScore: 0.5, sample: 3 });
  const summary = new MismatchSummary(new DemandSupply(source, curatedTaxonomy()), countedNow(counter), { suitableScore: 0.5 });
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
  it('publishes rounded counts, samples vacancies and long-term unemployed through the match engine, and lists shortage and surplus occupations', async () => {
    const { summary, asked } = setUp(12, 6);
    const result = await summary.forArea(AREA, { candidates: 2, lang: 'fi', today: '2026-12-06' });
    expect(result).toMatchObject({
      area: AREA,
      asOf: '2026-11-30',
      threshold: 0.5,
      vacancies: 12,
      positions: 14,
      jobseekers: 10,
      longTermUnemployed: 5,
      // 12 vacancies over the published 10 jobseekers.
      vacanciesPerJobseeker: 1.2,
      // V1 has two suitable candidates; V2's second misses essential skills; V3's scores too low. 1 of 3 sampled of 4.
      vacanciesWithSuitableCandidates: { candidates: 2, share: 0.333, matched: 3, of: 4, margin95: 0.308 },
      // L3 and L5 have no suitable vacancy, L1 has one below the first place: 2 of 3, published to 0.05 over 5 (of 6).
      longTermWithoutSuitableVacancy: { share: 0.65, matched: 3, of: 5, margin95: 0.41 },
    });
    expect(result.vacanciesWithSuitableCandidates).not.toHaveProperty('suppressed');
    expect(result.shortageOccupations.map((o) => [o.label, o.gap])).toEqual([['hitsaaja', 5]]);
    expect(result.surplusOccupations.map((o) => [o.label, o.gap])).toEqual([['lähihoitaja', -8]]);
    expect(asked).toEqual([
      'candidates:V1:2:fi:837',
      'candidates:V2:2:fi:837',
      'candidates:V3:2:fi:837',
      'vacancies:L1:20:fi:837',
      'vacancies:L3:20:fi:837',
      'vacancies:L5:20:fi:837',
    ]);
  });

  it('suppresses every share about fewer than 5 jobseekers, and does not rank the long-term unemployed then', async () => {
    const { summary, asked } = setUp(4, 4);
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
});
