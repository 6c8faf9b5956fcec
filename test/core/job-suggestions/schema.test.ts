import { describe, expect, it } from 'vitest';
import { EMPLOYER_STATES, NEXT_STATES, SETTABLE_STATES, jobSuggestionChange, jobSuggestionInput, jobSuggestionParams } from '../../../src/core/job-suggestions/schema.js';
import { refused } from '../../helpers/schema.js';

describe('job-suggestion schemas', () => {
  it('takes a suggestion with the consent said either way', () => {
    expect(jobSuggestionInput.parse({ vacancyId: 'V-1', consent: true })).toEqual({ vacancyId: 'V-1', consent: true });
    expect(refused(jobSuggestionInput, { vacancyId: 'V-1', consent: false, deadline: '2027-01-15', note: 'Soita ensin.' })).toEqual([]);
    expect(refused(jobSuggestionInput, { vacancyId: 'V-1' })).toEqual(['consent']);
    expect(refused(jobSuggestionInput, { vacancyId: 'V-1', consent: 'yes' })).toEqual(['consent']);
    expect(refused(jobSuggestionInput, { vacancyId: 'V-1', consent: true, deadline: '1900-01-01' })).toEqual(['deadline']);
    // Not a date at all: named twice (not a date, and not between 1950 and 2100).
    expect(refused(jobSuggestionInput, { vacancyId: 'V-1', consent: true, deadline: '15.1.2027' })).toEqual(['deadline', 'deadline']);
    expect(refused(jobSuggestionInput, { consent: true })).toEqual(['vacancyId']);
  });

  it('takes a change of state with the version read', () => {
    expect(refused(jobSuggestionChange, { state: 'applied', version: 1 })).toEqual([]);
    expect(refused(jobSuggestionChange, { state: 'applied' })).toEqual(['version']);
    expect(refused(jobSuggestionChange, { state: 'applied', version: 0 })).toEqual(['version']);
    // Only a person sets states; "suggested" and "expired" come from the service.
    expect(refused(jobSuggestionChange, { state: 'expired', version: 1 })).toEqual(['state']);
    expect(refused(jobSuggestionChange, { state: 'suggested', version: 1 })).toEqual(['state']);
  });

  it('lets employer services set only what happens at the employer, and every next state be a settable one', () => {
    expect(EMPLOYER_STATES).toEqual(['interview', 'offer', 'hired', 'not-selected']);
    for (const next of Object.values(NEXT_STATES)) for (const s of next) expect(SETTABLE_STATES).toContain(s);
  });

  it('reads a suggestion number from the path', () => {
    expect(jobSuggestionParams.parse({ id: '42' })).toEqual({ id: 42 });
    expect(['0', '042', '-1', '1.5', 'x', '1234567890123456'].map((id) => refused(jobSuggestionParams, { id }))).toEqual(Array(6).fill(['id']));
  });
});
