import { describe, expect, it } from 'vitest';
import { vacancyInput } from '../../../src/core/vacancies/schema.js';
import { refused } from '../../helpers/schema.js';

const valid = { id: 'V-1', title: 'hitsaaja', description: 'Konepaja hakee hitsaajaa.', municipality: '837' };

/** A vacancy as employer services enter it: what is accepted, and the field each refusal names. */
describe('vacancyInput', () => {
  it('takes a minimal vacancy and fills the defaults', () => {
    expect(vacancyInput.parse(valid)).toEqual({
      ...valid,
      skills: [],
      optionalSkills: [],
      languages: [],
      languageRequirements: [],
      workingTime: 'full',
      drivingLicenceRequired: false,
      drivingLicences: [],
      cards: [],
      remote: false,
      positions: 1,
      status: 'open',
    });
    expect(vacancyInput.parse({ ...valid, languageRequirements: [{ code: 'sv' }] }).languageRequirements).toEqual([{ code: 'sv', level: 'good', required: true }]);
  });

  it('names each missing required field', () => {
    expect(refused(vacancyInput, {})).toEqual(['id', 'title', 'description', 'municipality']);
  });

  it('names the field of each kind of bad value', () => {
    expect(refused(vacancyInput, { ...valid, positions: 0 })).toEqual(['positions']);
    expect(refused(vacancyInput, { ...valid, positions: 10_001 })).toEqual(['positions']);
    expect(refused(vacancyInput, { ...valid, workingTime: 'any' })).toEqual(['workingTime']);
    expect(refused(vacancyInput, { ...valid, status: 'filled' })).toEqual(['status']);
    expect(refused(vacancyInput, { ...valid, expiresAt: '2026-02-30' })).toEqual(['expiresAt']);
    expect(refused(vacancyInput, { ...valid, startDate: '1900-01-01' })).toEqual(['startDate']);
    expect(refused(vacancyInput, { ...valid, cards: ['wizard-licence'] })).toEqual(['cards.0']);
    expect(refused(vacancyInput, { ...valid, languageRequirements: [{ code: 'swe', level: 'good', required: 'yes' }] })).toEqual(['languageRequirements.0.required']);
    expect(refused(vacancyInput, { ...valid, howToApply: { url: 'javascript:alert(1)' } })).toEqual(['howToApply.url']);
    expect(refused(vacancyInput, { ...valid, howToApply: { url: 'ftp://example.fi/ad' } })).toEqual(['howToApply.url']);
    expect(refused(vacancyInput, { ...valid, contactPerson: { phone: '040 123 4567' } })).toEqual(['contactPerson.name']);
    expect(refused(vacancyInput, { ...valid, employer: '' })).toEqual(['employer']);
  });

  it('refuses unknown fields by name', () => {
    expect(refused(vacancyInput, { ...valid, salaryMin: 2000 })).toEqual(['salaryMin']);
    expect(refused(vacancyInput, { ...valid, howToApply: { phone: '040' } })).toEqual(['phone']);
  });
});
