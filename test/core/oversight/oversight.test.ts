import { describe, expect, it } from 'vitest';
import type { GroupFacts } from '../../../src/core/oversight/exposure.js';
import { Oversight, type ExposureQuery } from '../../../src/core/oversight/oversight.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';

/**
 * The exposure use case: which rankings it reads, for which area and period, and how it samples a
 * replay. The decision log, the jobseekers' group facts and the ranking engine are test doubles that
 * write what they were asked; the report itself is exposure.ts's (test/core/oversight/exposure.test.ts).
 */
function setUp() {
  const asked: unknown[] = [];
  const facts = new Map<string, GroupFacts>([
    ['J-1', { municipality: '837', birthYear: 1990 }],
    ['J-2', { municipality: '091', gender: 'female' }],
  ]);
  const oversight = new Oversight({
    decisions: { candidateRankings: async (filter) => (asked.push(['rankings', filter]), [{ subject: 'V-1', items: ['J-1', 'J-2'] }, { subject: 'V-2', items: ['J-1'] }]) },
    factsOf: async (ids) => (asked.push(['facts', ids]), new Map(ids.flatMap((id) => (facts.has(id) ? [[id, facts.get(id)!] as const] : [])))),
    eligible: async (municipalities) => (asked.push(['eligible', municipalities?.length ?? 'all']), [facts.get('J-1')!]),
    openVacancies: async (municipalities) => (asked.push(['open', municipalities?.length ?? 'all']), Array.from({ length: 10 }, (_, i) => `V-${i}`)),
    rankCandidates: async (id, k) => (asked.push(['rank', id, k]), ['J-1']),
    regions,
    areas: defaultEmploymentAreas(regions),
  }, Buffer.alloc(32, 7));
  return { oversight, asked };
}

const query = (overrides: Partial<ExposureQuery>): ExposureQuery => ({ source: 'decisions', sample: 200, k: 10, asOf: '2026-12-06', ...overrides });

describe('Oversight.exposure', () => {
  it("reports on the candidate rankings served in a period, both days included, for the area's vacancies", async () => {
    const { oversight, asked } = setUp();
    const report = await oversight.exposure(query({ municipality: 'Tampere', from: '2026-11-01', to: '2026-11-30' }));
    expect(report).toMatchObject({ area: { kind: 'municipality', id: '837' }, source: 'decisions', from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30', rankings: 2, positions: 3 });
    expect(asked).toEqual([
      ['rankings', { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', municipalities: ['837'] }],
      ['facts', ['J-1', 'J-2']],
      ['eligible', 1],
    ]);
    // Two rankings of one jobseeker of the area (J-2 lives in Helsinki): no share at all, not even the share
    // outside the area (test/core/oversight/exposure.test.ts counts it over enough rankings).
    expect(report.sharesSuppressed).toMatch(/fewer than 20 distinct/);
    expect(report.outsideAreaShare).toBeNull();
  });

  it('needs the period of decisions, naming the field missing or wrong', async () => {
    const { oversight, asked } = setUp();
    const field = (q: ExposureQuery) => oversight.exposure(q).then(() => 'ok', (e: { code: string; problems: { field: string }[] }) => `${e.code}:${e.problems[0]!.field}`);
    expect(await field(query({ to: '2026-11-30' }))).toBe('invalid_input:from');
    expect(await field(query({ from: '2026-11-01' }))).toBe('invalid_input:to');
    expect(await field(query({ from: '2026-11-30', to: '2026-11-01' }))).toBe('invalid_input:to');
    expect(await field(query({ from: '2026-11-01', to: '2026-11-30', area: 'atlantis' }))).toBe('invalid_input:area');
    expect(asked).toEqual([]);
  });

  it('replays an even sample of open vacancies through the engine, the same ones each time, for all of Finland when no area is given', async () => {
    const { oversight, asked } = setUp();
    const report = await oversight.exposure(query({ source: 'replay', sample: 4, k: 5, asOf: '2026-12-31' }));
    expect(report).toMatchObject({ area: { kind: 'country' }, source: 'replay', asOf: '2026-12-31', rankings: 4, positions: 4 });
    expect(report).not.toHaveProperty('from');
    expect(asked.slice(0, 5)).toEqual([['open', 'all'], ['rank', 'V-0', 5], ['rank', 'V-2', 5], ['rank', 'V-5', 5], ['rank', 'V-7', 5]]);
    const more = setUp();
    await more.oversight.exposure(query({ source: 'replay', sample: 50, k: 5 }));
    expect(more.asked.filter((a) => (a as string[])[0] === 'rank')).toHaveLength(10);
  });
});
