import { describe, expect, it } from 'vitest';
import { jobseekerInput } from '../../../src/core/jobseekers/schema.js';
import { firstMessage, refused } from '../../helpers/schema.js';

const valid = { id: 'J-1', title: 'hitsaaja', summary: 'Kokenut hitsaaja.', municipality: 'Tampere' };

/** A client profile as a counsellor enters it: what is accepted, and the field each refusal names. */
describe('jobseekerInput', () => {
  it('takes a minimal profile and fills the defaults', () => {
    expect(jobseekerInput.parse(valid)).toEqual({
      ...valid,
      wishedOccupations: [],
      skills: [],
      languages: [],
      workingTime: 'any',
      remote: false,
      status: 'active',
    });
  });

  it('takes a full profile', () => {
    expect(
      refused(jobseekerInput, {
        ...valid,
        occupation: '7212',
        wishedOccupations: ['levyseppä'],
        skills: ['MIG-hitsaus'],
        languages: ['fi', 'sv'],
        workingTime: 'full',
        educationLevel: 'vocational',
        drivingLicences: ['B', 'C'],
        languageLevels: [{ code: 'sv', level: 'basic' }],
        cards: ['hot-work'],
        commuteKm: 50,
        wishedMunicipalities: ['Nokia'],
        wishedRegions: ['Pirkanmaa'],
        willingToRelocate: true,
        unemployedSince: '2025-01-15',
        birthYear: 1980,
        gender: 'female',
        motherTongue: 'fi',
        name: 'Tiina Tampere',
        contact: { email: 'tiina@example.fi', phone: '+358 40 123 4567' },
      }),
    ).toEqual([]);
  });

  it('names each missing required field', () => {
    expect(refused(jobseekerInput, {})).toEqual(['id', 'title', 'summary', 'municipality']);
  });

  it('names the field of each kind of bad value', () => {
    expect(refused(jobseekerInput, { ...valid, id: 'J 1' })).toEqual(['id']);
    expect(refused(jobseekerInput, { ...valid, title: 'a\nb' })).toEqual(['title']);
    expect(refused(jobseekerInput, { ...valid, municipality: 'Gotham' })).toEqual(['municipality']);
    expect(refused(jobseekerInput, { ...valid, skills: ['x'.repeat(101)] })).toEqual(['skills.0']);
    expect(refused(jobseekerInput, { ...valid, workingTime: 'sometimes' })).toEqual(['workingTime']);
    expect(refused(jobseekerInput, { ...valid, commuteKm: -1 })).toEqual(['commuteKm']);
    expect(refused(jobseekerInput, { ...valid, commuteKm: 12.5 })).toEqual(['commuteKm']);
    expect(refused(jobseekerInput, { ...valid, wishedMunicipalities: ['Tampere', 'Gotham'] })).toEqual(['wishedMunicipalities.1']);
    expect(refused(jobseekerInput, { ...valid, drivingLicences: ['Z'] })).toEqual(['drivingLicences.0']);
    expect(refused(jobseekerInput, { ...valid, languageLevels: [{ code: 'sv', level: 'perfect' }] })).toEqual(['languageLevels.0.level']);
    expect(refused(jobseekerInput, { ...valid, unemployedSince: '2100-01-01' })).toEqual(['unemployedSince']);
    expect(refused(jobseekerInput, { ...valid, birthYear: new Date().getUTCFullYear() - 10 })).toEqual(['birthYear']);
    expect(refused(jobseekerInput, { ...valid, motherTongue: 'FI' })).toEqual(['motherTongue']);
    expect(refused(jobseekerInput, { ...valid, contact: { email: 'not-an-address' } })).toEqual(['contact.email']);
    expect(refused(jobseekerInput, { ...valid, wishedOccupations: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual(['wishedOccupations']);
  });

  it('refuses unknown fields by name, also inside contact', () => {
    expect(refused(jobseekerInput, { ...valid, salary: 3000 })).toEqual(['salary']);
    expect(refused(jobseekerInput, { ...valid, contact: { fax: '123' } })).toEqual(['fax']);
    expect(firstMessage(jobseekerInput, { ...valid, municipality: 'Gotham' })).toBe(
      'unknown municipality: give a Finnish municipality code (e.g. "091") or its Finnish or Swedish name',
    );
  });
});
