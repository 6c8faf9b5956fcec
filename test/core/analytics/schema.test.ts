import { describe, expect, it } from 'vitest';
import { demandQuery, mismatchQuery, planRequest } from '../../../src/core/analytics/schema.js';
import { refused } from '../../helpers/schema.js';

/** The planners' analytics queries: defaults, and the field each refusal names. */
describe('analytics queries', () => {
  it('fills the defaults of the demand and mismatch queries', () => {
    expect(demandQuery.parse({ area: 'tampere' })).toEqual({ area: 'tampere', lang: 'fi', limit: 500, format: 'json' });
    expect(mismatchQuery.parse({})).toEqual({ candidates: 3, lang: 'fi', format: 'json' });
  });

  it('names each bad parameter', () => {
    expect(refused(demandQuery, { occupationGroup: '72121' })).toEqual(['occupationGroup']);
    expect(refused(demandQuery, { occupationGroup: 'welders' })).toEqual(['occupationGroup']);
    expect(refused(demandQuery, { from: '2026-13-01', to: 'today' })).toEqual(['from', 'to']);
    expect(refused(demandQuery, { asOf: '2026-02-30' })).toEqual(['asOf']);
    expect(refused(demandQuery, { limit: '20001', format: 'xlsx' })).toEqual(['limit', 'format']);
    expect(refused(demandQuery, { language: 'de' })).toEqual(['language']);
    expect(refused(demandQuery, { jobseeker: 'J-1' })).toEqual(['jobseeker']);
    expect(refused(mismatchQuery, { candidates: '51' })).toEqual(['candidates']);
    expect(refused(mismatchQuery, { candidates: '0' })).toEqual(['candidates']);
  });

  it('takes a training-plan budget in places or in euros, never both or neither', () => {
    expect(planRequest.parse({ budget: { places: 10 } })).toEqual({ budget: { places: 10 }, lang: 'fi', objective: 'employment' });
    expect(planRequest.parse({ budget: { euros: 50_000 }, area: 'tampere', objective: 'vacancies' })).toEqual({ budget: { euros: 50_000 }, area: 'tampere', lang: 'fi', objective: 'vacancies' });
    expect(refused(planRequest, { budget: { places: 10 }, objective: 'hires' })).toEqual(['objective']);
    expect(refused(planRequest, {})).toEqual(['budget']);
    expect(refused(planRequest, { budget: { places: 0 } })).toEqual(['budget.places']);
    expect(refused(planRequest, { budget: { places: 1.5 } })).toEqual(['budget']);
    expect(refused(planRequest, { budget: { places: 1, euros: 100 } })).toEqual(['budget']);
    expect(refused(planRequest, { budget: { euros: 100_000_001 } })).toEqual(['budget.euros']);
    expect(refused(planRequest, { budget: 5 })).toEqual(['budget']);
    expect(refused(planRequest, { budget: { places: 2 }, sample: 5 })).toEqual(['sample']);
  });
});
