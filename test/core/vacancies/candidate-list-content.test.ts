import { describe, expect, it } from 'vitest';
import { candidateListContent } from '../../../src/core/vacancies/candidate-list-content.js';

const vacancy = {
  id: 'V-1',
  title: 'hitsaaja',
  description: 'Konepaja hakee hitsaajaa.',
  skills: ['MIG-hitsaus'],
  municipality: '837',
  region: '06',
  drivingLicences: [],
  employer: 'Konepaja Oy',
  salary: 'TES',
  positions: 1,
  version: 3,
  updatedAt: '2026-12-07T10:00:00Z',
  normalized: { essential: [{ uri: 'esco:mig' }] },
};

describe('candidateListContent', () => {
  it('changes with what ranks the candidates: skills, place, licences, the texts read for requirements, a field it does not know', () => {
    const digest = candidateListContent(vacancy);
    for (const change of [{ skills: ['TIG-hitsaus'] }, { municipality: '091' }, { drivingLicences: ['B'] }, { description: 'Vaaditaan C-kortti.' }, { title: 'levyseppä' }, { newField: 1 }]) {
      expect(candidateListContent({ ...vacancy, ...change }), JSON.stringify(change)).not.toBe(digest);
    }
  });

  it('stays with what ranks no one: the employer, pay, positions, bookkeeping, the derived skills, the order of keys', () => {
    const digest = candidateListContent(vacancy);
    const same = { ...vacancy, employer: 'Toinen Oy', salary: '3000 €', positions: 4, version: 9, updatedAt: '2026-12-08T10:00:00Z', id: 'V-1', normalized: { essential: [] } };
    expect(candidateListContent(same)).toBe(digest);
    const reordered = Object.fromEntries(Object.entries(vacancy).reverse());
    expect(candidateListContent(reordered)).toBe(digest);
    expect(candidateListContent(undefined)).toBe('');
  });
});
