import { describe, expect, it } from 'vitest';
import type { GapQuery, GapReport } from '../../../src/core/gaps.js';
import { KeptGapReports } from '../../../src/core/gaps/kept-reports.js';

const QUERY: GapQuery = { reach: 'region', lang: 'fi' };

/** Kept reports over an analysis that answers from a version of "the records" (a number the test moves), recording each computation. */
function setUp(capacity = 10) {
  const state = { records: 1 };
  const computed: string[] = [];
  const analysis = {
    forJobseeker: async (id: string, q: GapQuery) => {
      computed.push(`${id}:${q.reach}:${q.lang}`);
      if (id === 'unknown') throw new Error(`no jobseeker '${id}'`);
      return { jobseeker: id, considered: state.records } as unknown as GapReport;
    },
    forVacancy: async (jobseekerId: string, vacancyId: string) => (computed.push(`${jobseekerId}→${vacancyId}`), { jobseeker: jobseekerId, vacancy: vacancyId }) as never,
  };
  const kept = new KeptGapReports({ analysis, version: () => `v${state.records}` }, capacity);
  return { kept, state, computed };
}

describe('KeptGapReports', () => {
  it('computes a client\'s report once while the records stay the same, and anew after they change', async () => {
    const { kept, state, computed } = setUp();
    expect(await kept.forJobseeker('J1', QUERY)).toEqual({ jobseeker: 'J1', considered: 1 });
    expect(await kept.forJobseeker('J1', { ...QUERY })).toEqual({ jobseeker: 'J1', considered: 1 });
    expect(computed).toEqual(['J1:region:fi']);
    state.records = 2;
    expect(await kept.forJobseeker('J1', QUERY)).toEqual({ jobseeker: 'J1', considered: 2 });
    expect(computed).toEqual(['J1:region:fi', 'J1:region:fi']);
  });

  it('drops every kept report at the first request after a write (an erased client\'s report is not held)', async () => {
    const { kept, state } = setUp();
    await kept.forJobseeker('J1', QUERY);
    await kept.forJobseeker('J2', QUERY);
    expect(kept.size).toBe(2);
    state.records = 2;
    await kept.forJobseeker('J3', QUERY);
    expect(kept.size).toBe(1);
  });

  it('keeps each client and query apart', async () => {
    const { kept, computed } = setUp();
    await kept.forJobseeker('J1', QUERY);
    await kept.forJobseeker('J2', QUERY);
    await kept.forJobseeker('J1', { ...QUERY, lang: 'sv' });
    await kept.forJobseeker('J1', { ...QUERY, reach: 'country' });
    await kept.forJobseeker('J1', { ...QUERY, includeZero: true });
    await kept.forJobseeker('J1', { ...QUERY, municipality: '837' });
    await kept.forJobseeker('J1', { ...QUERY, today: '2026-12-08' });
    expect(computed).toHaveLength(7);
  });

  it('two requests at once share one computation', async () => {
    const { kept, computed } = setUp();
    const [a, b] = await Promise.all([kept.forJobseeker('J1', QUERY), kept.forJobseeker('J1', QUERY)]);
    expect(a).toBe(b);
    expect(computed).toEqual(['J1:region:fi']);
  });

  it('does not keep a report that failed', async () => {
    const { kept, computed } = setUp();
    await expect(kept.forJobseeker('unknown', QUERY)).rejects.toThrow("no jobseeker 'unknown'");
    await expect(kept.forJobseeker('unknown', QUERY)).rejects.toThrow("no jobseeker 'unknown'");
    expect(computed).toEqual(['unknown:region:fi', 'unknown:region:fi']);
  });

  it('past its capacity drops the least recently asked report', async () => {
    const { kept, computed } = setUp(2);
    await kept.forJobseeker('J1', QUERY);
    await kept.forJobseeker('J2', QUERY);
    await kept.forJobseeker('J1', QUERY); // J2 is now the least recently asked
    await kept.forJobseeker('J3', QUERY);
    await kept.forJobseeker('J1', QUERY);
    await kept.forJobseeker('J2', QUERY);
    expect(computed).toEqual(['J1:region:fi', 'J2:region:fi', 'J3:region:fi', 'J2:region:fi']);
  });

  it('passes one vacancy\'s gap through, not kept', async () => {
    const { kept, computed } = setUp();
    await kept.forVacancy('J1', 'V1', QUERY);
    await kept.forVacancy('J1', 'V1', QUERY);
    expect(computed).toEqual(['J1→V1', 'J1→V1']);
  });
});
