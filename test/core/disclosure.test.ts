import { describe, expect, it } from 'vitest';
import { NO_OCCUPATION, discloseCandidates, type CandidateDisclosure } from '../../src/core/disclosure.js';
import { hit } from '../helpers/hits.js';

/** Candidates as a caller may see them: persons, pseudonyms, and shared pseudonyms with contact details. */
const disclosure = (overrides: Partial<CandidateDisclosure> = {}): CandidateDisclosure => ({
  seesPerson: (h) => h.id === 'OWN',
  shared: new Set(['SHARED', 'SHARED-NO-CONTACT']),
  pseudonym: (id) => `cand-${id.toLowerCase()}`,
  contactOf: (id) => (id === 'SHARED' ? { name: 'Maija Meikäläinen', contact: { email: 'maija@example.fi' } } : {}),
  ...overrides,
});

describe('discloseCandidates', () => {
  it('shows a candidate the caller serves as they are', () => {
    const own = hit('OWN');
    const [shown] = discloseCandidates([own], disclosure());
    expect(shown).toBe(own);
  });

  it('hides everyone else behind a pseudonym, with the taxonomy occupation for a title and taxonomy skills only', () => {
    const [shown] = discloseCandidates([hit('OTHER')], disclosure());
    expect(shown).toEqual({
      ...hit('OTHER'),
      id: 'cand-other',
      title: 'hitsaaja',
      matchedSkills: [{ uri: 'skill:mig', label: 'MIG-hitsaus', importance: 'essential' }],
      missingSkills: [{ uri: 'skill:tig', label: 'TIG-hitsaus', importance: 'essential' }],
      shared: false,
    });
    expect(JSON.stringify(shown)).not.toContain('own title');
    expect(JSON.stringify(shown)).not.toContain('harvinainen');
    expect(shown).not.toHaveProperty('name');
  });

  it('shows a dash, never the free-text title, when the occupation is no taxonomy concept', () => {
    const [shown] = discloseCandidates([hit('OTHER', { occupation: undefined })], disclosure());
    expect(NO_OCCUPATION).toBe('–');
    expect(shown!.title).toBe('–');
  });

  it('gives a shared candidate the same pseudonym and position, with name and contact', () => {
    const shown = discloseCandidates([hit('OTHER'), hit('SHARED'), hit('OWN'), hit('SHARED-NO-CONTACT')], disclosure());
    expect(shown.map((h) => [h.id, h.shared ?? null])).toEqual([
      ['cand-other', false],
      ['cand-shared', true],
      ['OWN', null],
      ['cand-shared-no-contact', true],
    ]);
    expect(shown[1]).toMatchObject({ name: 'Maija Meikäläinen', contact: { email: 'maija@example.fi' }, title: 'hitsaaja' });
    expect(shown[1]!.matchedSkills.map((s) => s.uri)).toEqual(['skill:mig']);
    // Nothing known about the person: no empty name or contact fields.
    expect(shown[3]).not.toHaveProperty('name');
    expect(shown[3]).not.toHaveProperty('contact');
  });

  it('reads no contact details of a candidate who is not shared', () => {
    const asked: string[] = [];
    discloseCandidates([hit('OTHER'), hit('SHARED')], disclosure({ contactOf: (id) => (asked.push(id), {}) }));
    expect(asked).toEqual(['SHARED']);
  });

  it('does not change the hits it was given', () => {
    const hits = [hit('OTHER')];
    const before = structuredClone(hits);
    discloseCandidates(hits, disclosure());
    expect(hits).toEqual(before);
  });
});
