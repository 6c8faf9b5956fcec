import { describe, expect, it } from 'vitest';
import { countedNow, evenSample, looksAt, MatchedFiguresCount, peopleDigest } from '../../../src/core/analytics/matched-figures.js';
import type { AnalysisArea } from '../../../src/core/analytics/schema.js';
import type { AnalyticsSource } from '../../../src/core/ports.js';

/**
 * Unit test with in-memory doubles (labelled as such): an analytics source of ids, and a matcher whose
 * rankings are given per id. The real source and matcher are covered by test/http/analytics.test.ts
 * and test/http/mismatch-kept.test.ts.
 */
const AREA = { municipalities: ['905', '499'] } as unknown as AnalysisArea;
const PASS = { language: 'pass', licence: 'pass', cards: 'pass', workingTime: 'pass', commute: 'pass' };
const fit = (id: string) => ({ id, score: 0.9, parts: { essential: 1, occupation: 1 }, gates: PASS });
const weak = { id: 'W', score: 0.2, parts: { essential: 0, occupation: 1 }, gates: PASS };
/**
 * High scores a client's page does not mark suitable (standing `fit` or `no-fit`): a licence the
 * vacancy requires and they lack, beyond their commuting range, other work.
 */
const noLicence = (id: string) => ({ ...fit(id), gates: { ...PASS, licence: 'fail' } });
const beyondRange = (id: string) => ({ ...fit(id), gates: { ...PASS, commute: 'fail' } });
const otherWork = (id: string) => ({ ...fit(id), parts: { essential: 1, occupation: 0 } });

function setUp(longTerm: string[]) {
  const vacancies = ['V-1', 'V-2', 'V-3', 'V-4'];
  const source = {
    vacancyIds: async () => vacancies,
    jobseekerIds: async (_filter: unknown, longTermSince?: string) => (longTermSince ? longTerm : ['J-1', 'J-2', 'J-3', 'J-4', 'J-5', 'J-6', ...longTerm]),
  } as unknown as AnalyticsSource;
  const asked: string[] = [];
  const matcher = {
    // V-1 and V-2 have the same two suitable candidates, V-3 one, V-4 none.
    candidatesForVacancy: async (id: string, q: { k: number; area?: string[] }) => {
      asked.push(`${id} k=${q.k} area=${q.area?.join(',')}`);
      return ({ 'V-1': [fit('A'), fit('B')], 'V-2': [fit('B'), fit('A'), weak], 'V-3': [fit('C'), weak] } as Record<string, unknown[]>)[id] ?? [];
    },
    // Long-term unemployed with an odd number have nothing suitable.
    vacanciesForJobseeker: async (id: string, q: { k: number }) => {
      asked.push(`${id} k=${q.k}`);
      return Number(id.slice(2)) % 2 ? [weak, weak] : [weak, fit('V')];
    },
  };
  return { count: new MatchedFiguresCount(source, matcher as never, { suitableScore: 0.55, sample: 200 }), asked };
}

describe('MatchedFiguresCount', () => {
  it('counts vacancies with N suitable local candidates and long-term unemployed with no suitable vacancy in the area', async () => {
    const { count, asked } = setUp(['LT10', 'LT11', 'LT12', 'LT13', 'LT15']);
    const figures = await count.count(AREA, { candidates: 2, today: '2026-12-07' });
    const ab = peopleDigest(['A', 'B']);
    const suitableLocal = [{ count: 2, people: ab }, { count: 2, people: ab }, { count: 1, people: peopleDigest(['C']) }, { count: 0, people: peopleDigest([]) }];
    expect(figures).toEqual({ vacancies: 4, jobseekers: 11, longTerm: 5, sampledVacancies: 4, suitableLocal, sampledLongTerm: 5, stranded: 3 });
    expect(ab).not.toBe(peopleDigest(['A']));
    // Candidates are looked for among the area's residents, up to the next multiple of 5 (the count is published rounded to 5);
    // a long-term unemployed client's first 20 vacancies are looked at.
    expect([looksAt(1), looksAt(2), looksAt(5), looksAt(6)]).toEqual([5, 5, 5, 10]);
    expect(asked).toContain('V-1 k=5 area=905,499');
    expect(asked).toContain('LT10 k=20');
  });

  it('puts no long-term unemployed through the engine when there are too few to publish, and pauses between rankings', async () => {
    const { count, asked } = setUp(['LT10', 'LT11']);
    let pauses = 0;
    const figures = await count.count(AREA, { candidates: 1, today: '2026-12-07' }, async () => void pauses++);
    expect(figures).toMatchObject({ longTerm: 2, sampledLongTerm: 0, stranded: 0 });
    expect(figures.suitableLocal.map((v) => v.count)).toEqual([2, 2, 1, 0]);
    expect(asked.some((a) => a.startsWith('LT'))).toBe(false);
    expect(pauses).toBe(4);
    expect((await countedNow(count).of(AREA, { candidates: 1, today: '2026-12-07' })).figures).toEqual(figures);
  });

  it("counts as suitable only what a client's page marks suitable: no failing licence, commute or other work (issue 29)", async () => {
    const source = {
      vacancyIds: async () => ['V-1', 'V-2'],
      jobseekerIds: async (_filter: unknown, longTermSince?: string) => (longTermSince ? ['LT1', 'LT2', 'LT3', 'LT4'] : ['LT1', 'LT2', 'LT3', 'LT4', 'J-1']),
    } as unknown as AnalyticsSource;
    const matcher = {
      candidatesForVacancy: async (id: string) => (id === 'V-1' ? [fit('A'), noLicence('B'), beyondRange('C'), otherWork('D')] : [noLicence('B'), otherWork('D')]),
      vacanciesForJobseeker: async (id: string) => (id === 'LT1' ? [fit('V-1')] : id === 'LT2' ? [noLicence('V-1'), beyondRange('V-2')] : [otherWork('V-1'), weak]),
    };
    const count = new MatchedFiguresCount(source, matcher as never, { suitableScore: 0.55, sample: 200 });
    const figures = await count.count(AREA, { candidates: 1, today: '2026-12-07' });
    expect(figures.suitableLocal).toEqual([{ count: 1, people: peopleDigest(['A']) }, { count: 0, people: peopleDigest([]) }]);
    expect(figures).toMatchObject({ sampledLongTerm: 4, stranded: 3 });
  });

  it('samples every n-th id of a list, spread over all of it, and the whole list when it is short', () => {
    const ids = Array.from({ length: 10 }, (_, i) => i);
    expect(evenSample(ids, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(evenSample(ids, 3)).toEqual([0, 3, 6]);
    expect(evenSample(ids, 10)).toBe(ids);
    expect(evenSample(ids, 0)).toEqual([]);
  });
});
