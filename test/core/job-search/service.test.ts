import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/adapters/sqlite/database.js';
import { SqliteJobSearchStore } from '../../../src/adapters/sqlite/job-search.js';
import { unaudited } from '../../../src/core/audit-note.js';
import { notFound } from '../../../src/core/errors.js';
import { Guard } from '../../../src/core/guard.js';
import { JobSearch } from '../../../src/core/job-search/service.js';
import type { JobSuggestionEvent } from '../../../src/core/job-suggestions/schema.js';
import { defaultEmploymentAreas } from '../../../src/core/regions/employment-areas-model.js';
import { regions } from '../../../src/core/regions/regions.js';
import { hit, principals } from '../../helpers/hits.js';

const { tampereCounsellor, helsinkiCounsellor } = principals;
const event = (state: JobSuggestionEvent['state'], at: string): JobSuggestionEvent => ({ state, at, by: 'x', role: 'counsellor', reason: null });

/**
 * The job-search obligation over the SQLite store (in memory) and the real Guard; the client's
 * suggestions and matches are test doubles with fixed histories and rankings.
 */
function setUp() {
  const asked: string[] = [];
  const jobSearch = new JobSearch(
    {
      store: new SqliteJobSearchStore(openDatabase(':memory:')),
      guard: new Guard({ jobseekerMunicipality: (id) => (id === 'J-1' ? '837' : undefined), vacancyOwner: async () => undefined, transferAdmits: async () => false, refuseIds: async () => undefined }, defaultEmploymentAreas(regions)),
      jobseeker: async (id) => {
        asked.push(`jobseeker:${id}`);
        if (id !== 'J-1') throw notFound('jobseeker', id);
        return { id };
      },
      suggestions: async () => [
        { vacancyId: 'V-1', history: [event('suggested', '2026-10-20T08:00:00Z'), event('applied', '2026-11-03T08:00:00Z'), event('interview', '2026-11-20T08:00:00Z')] },
        // An interview recorded without "applied" counts from the interview's day.
        { vacancyId: 'V-2', history: [event('suggested', '2026-11-01T08:00:00Z'), event('interview', '2026-11-25T08:00:00Z')] },
        { vacancyId: 'V-3', history: [event('suggested', '2026-11-01T08:00:00Z'), event('declined', '2026-11-02T08:00:00Z')] },
        { vacancyId: 'V-4', history: [event('suggested', '2026-11-01T08:00:00Z'), event('applied', '2026-12-01T08:00:00Z')] },
      ],
      matches: async (id, k) => {
        asked.push(`matches:${id}:${k}`);
        const pass = hit('V').gates;
        return [
          hit('V-A', { score: 0.7 }),
          hit('V-B', { score: 0.7, gates: { ...pass, commute: 'fail' } }),
          hit('V-C', { score: 0.4 }),
          hit('V-D', { score: 0.9, parts: { ...hit('V').parts, essential: 0.5 } }),
          hit('V-E', { score: 0.6, gates: { ...pass, licence: 'unknown' } }),
        ];
      },
      now: () => new Date('2026-11-28T12:00:00Z'),
    },
    { suitableScore: 0.55, suitablePool: 50 },
  );
  return { jobSearch, asked };
}

describe('JobSearch', () => {
  it("counts the month's applications from suggestions and reports, and the suitable open vacancies within the commute", async () => {
    const { jobSearch, asked } = setUp();
    await jobSearch.report(tampereCounsellor, 'J-1', { appliedOn: '2026-11-10', employer: 'Konepaja Oy', title: 'hitsaaja' });
    await jobSearch.report(tampereCounsellor, 'J-1', { appliedOn: '2026-10-31', employer: 'Vanha Oy', title: 'hitsaaja' });
    const view = await jobSearch.forJobseeker(tampereCounsellor, 'J-1', {});
    expect(view).toEqual({
      jobseekerId: 'J-1',
      period: { from: '2026-11-01', to: '2026-11-30' },
      obligation: { perMonth: 4, reason: null, setBy: null, setAt: null },
      applications: [
        { appliedOn: '2026-11-03', source: 'suggestion', vacancyId: 'V-1', employer: null, title: null },
        { appliedOn: '2026-11-10', source: 'reported', vacancyId: null, employer: 'Konepaja Oy', title: 'hitsaaja' },
        { appliedOn: '2026-11-25', source: 'suggestion', vacancyId: 'V-2', employer: null, title: null },
      ],
      applied: 3,
      // V-A and V-E (an unknown gate does not fail); not V-B (beyond the commute), V-C (score), V-D (essential skills).
      suitableOpenVacancies: 2,
      changes: [],
    });
    expect(asked).toContain('matches:J-1:50');
    const october = await jobSearch.forJobseeker(tampereCounsellor, 'J-1', { month: '2026-10' });
    expect(october.period).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(october.applications.map((a) => [a.appliedOn, a.source])).toEqual([['2026-10-31', 'reported']]);
    expect((await jobSearch.forJobseeker(tampereCounsellor, 'J-1', { month: '2024-02' })).period.to).toBe('2024-02-29');
  });

  it('keeps each change of the obligation with its reason and who made it, the newest in force, and notes it for the audit', async () => {
    const { jobSearch } = setUp();
    const audit = unaudited();
    const set = await jobSearch.setObligation(tampereCounsellor, 'J-1', { perMonth: 2, reason: 'Vähän työpaikkoja lähellä.' }, audit);
    expect(set).toEqual({ perMonth: 2, reason: 'Vähän työpaikkoja lähellä.', setBy: 'Anna', setAt: '2026-11-28T12:00:00.000Z' });
    expect(audit).toEqual({ jobseekers: ['J-1'], detail: { perMonth: 2, reason: 'Vähän työpaikkoja lähellä.' } });
    const view = await jobSearch.forJobseeker(tampereCounsellor, 'J-1', {});
    expect(view.obligation).toEqual(set);
    expect(view.changes).toEqual([set]);
    expect((await jobSearch.exportOf('J-1')).obligationChanges).toEqual([set]);
  });

  it("refuses another area's client and an unknown one alike, before reading or writing anything", async () => {
    const { jobSearch, asked } = setUp();
    await expect(jobSearch.forJobseeker(helsinkiCounsellor, 'J-1', {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(jobSearch.setObligation(helsinkiCounsellor, 'J-1', { perMonth: 0, reason: 'Ei velvoitetta nyt.' })).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    await expect(jobSearch.report(helsinkiCounsellor, 'J-1', { appliedOn: '2026-11-10', employer: 'X', title: 'Y' })).rejects.toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(asked).toEqual([]);
    expect(await jobSearch.exportOf('J-1')).toEqual({ obligationChanges: [], reportedApplications: [] });
  });

  it('exports the reported applications without the client id', async () => {
    const { jobSearch } = setUp();
    await jobSearch.report(tampereCounsellor, 'J-1', { appliedOn: '2026-11-10', employer: 'Konepaja Oy', title: 'hitsaaja', vacancyId: 'V-9' });
    const [reported] = (await jobSearch.exportOf('J-1')).reportedApplications;
    expect(reported).toMatchObject({ appliedOn: '2026-11-10', employer: 'Konepaja Oy', title: 'hitsaaja', vacancyId: 'V-9', actor: 'Anna', at: '2026-11-28T12:00:00.000Z' });
    expect(reported).not.toHaveProperty('jobseekerId');
  });
});
