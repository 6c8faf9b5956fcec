import { describe, expect, it } from 'vitest';
import { jobSearchQuery, obligationChange, reportedApplicationInput } from '../../../src/core/job-search/schema.js';
import { refused } from '../../helpers/schema.js';

describe('job-search schemas', () => {
  it('takes an obligation of 0–4 a month with a reason of at least 10 characters', () => {
    expect(obligationChange.parse({ perMonth: 2, reason: 'Vähän työpaikkoja lähellä.' })).toEqual({ perMonth: 2, reason: 'Vähän työpaikkoja lähellä.' });
    expect(refused(obligationChange, { perMonth: 5, reason: 'Vähän työpaikkoja lähellä.' })).toEqual(['perMonth']);
    expect(refused(obligationChange, { perMonth: -1, reason: 'Vähän työpaikkoja lähellä.' })).toEqual(['perMonth']);
    expect(refused(obligationChange, { perMonth: 2, reason: 'liian lyh' })).toEqual(['reason']);
    expect(refused(obligationChange, { perMonth: 2 })).toEqual(['reason']);
  });

  it('takes a reported application made in the past', () => {
    const valid = { appliedOn: '2026-11-30', employer: 'Konepaja Oy', title: 'hitsaaja' };
    expect(refused(reportedApplicationInput, valid)).toEqual([]);
    expect(refused(reportedApplicationInput, { ...valid, vacancyId: 'V-1' })).toEqual([]);
    expect(refused(reportedApplicationInput, { ...valid, appliedOn: '2099-01-01' })).toEqual(['appliedOn']);
    expect(refused(reportedApplicationInput, { ...valid, employer: '' })).toEqual(['employer']);
    expect(refused(reportedApplicationInput, { ...valid, title: 'a\nb' })).toEqual(['title']);
    expect(refused(reportedApplicationInput, { ...valid, vacancyId: 'V 1' })).toEqual(['vacancyId']);
    expect(refused(reportedApplicationInput, { ...valid, salary: 1 })).toEqual(['salary']);
  });

  it('takes a review month as YYYY-MM', () => {
    expect(refused(jobSearchQuery, { month: '2026-12' })).toEqual([]);
    expect(['2026-13', '2026-1', '12/2026', '2026-00'].map((month) => refused(jobSearchQuery, { month }))).toEqual(Array(4).fill(['month']));
  });
});
