import { describe, expect, it } from 'vitest';
import { trainingInput, trainingQuery } from '../../../src/core/trainings/schema.js';
import { firstMessage, refused } from '../../helpers/schema.js';

const valid = { id: 'T-1', title: 'Hitsauksen kurssi', description: 'Kurssi.', provider: 'Tredu', municipality: 'Tampere', durationDays: 10, cost: 800, skills: ['TIG-hitsaus'] };

/** A training as the catalogue takes it: what is accepted, and the field each refusal names. */
describe('trainingInput', () => {
  it('takes a training and fills the defaults', () => {
    expect(trainingInput.parse(valid)).toEqual({ ...valid, kind: 'other', online: false, startDates: [], language: 'fi' });
  });

  it('reads the kinds of earlier catalogues as the kinds they became', () => {
    expect(['vocational', 'licence', 'language', 'it', 'apprenticeship'].map((kind) => trainingInput.parse({ ...valid, kind }).kind)).toEqual([
      'vocational-qualification',
      'licence-or-card',
      'language-for-work',
      'updating-course',
      'apprenticeship',
    ]);
    expect(refused(trainingInput, { ...valid, kind: 'hobby' })).toEqual(['kind']);
  });

  it('needs a place or online, naming municipality', () => {
    const { municipality: _m, ...nowhere } = valid;
    expect(refused(trainingInput, nowhere)).toEqual(['municipality']);
    expect(firstMessage(trainingInput, nowhere)).toBe('give the municipality where the training is held, or set online: true');
    expect(refused(trainingInput, { ...nowhere, online: true })).toEqual([]);
  });

  it('names the field of each kind of bad value', () => {
    expect(refused(trainingInput, {})).toEqual(['id', 'title', 'description', 'provider', 'durationDays', 'cost', 'skills']);
    expect(refused(trainingInput, { ...valid, skills: [] })).toEqual(['skills']);
    expect(refused(trainingInput, { ...valid, durationDays: 0 })).toEqual(['durationDays']);
    expect(refused(trainingInput, { ...valid, durationDays: 1.5 })).toEqual(['durationDays']);
    expect(refused(trainingInput, { ...valid, cost: -1 })).toEqual(['cost']);
    expect(refused(trainingInput, { ...valid, startDates: ['15.1.2027'] })).toEqual(['startDates.0']);
    expect(refused(trainingInput, { ...valid, language: 'de' })).toEqual(['language']);
    expect(refused(trainingInput, { ...valid, price: 5 })).toEqual(['price']);
  });

  it('takes a skill URI to list trainings by, and nothing else', () => {
    expect(refused(trainingQuery, { skill: 'urn:kohtaanto:skill:tig' })).toEqual([]);
    expect(refused(trainingQuery, { q: 'tig' })).toEqual(['q']);
  });
});
