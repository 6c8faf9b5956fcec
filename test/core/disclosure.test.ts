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
    // Scores apart, so the list stays in the ranking's order (tied hits are put in their pseudonyms' order: below).
    const ranked = [hit('OTHER', { score: 0.9 }), hit('SHARED', { score: 0.8 }), hit('OWN', { score: 0.7 }), hit('SHARED-NO-CONTACT', { score: 0.6 })];
    const shown = discloseCandidates(ranked, disclosure());
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

  it('puts candidates the list shows alike in their pseudonyms\' order, not their real ids\' (which joined lists by place)', () => {
    const tied = ['A', 'B', 'C', 'D'].map((id) => hit(id));
    const key = (order: string) => (id: string) => `cand-${order.indexOf(id)}`;
    for (const order of ['DCBA', 'BDAC', 'ABCD']) {
      const shown = discloseCandidates(tied, disclosure({ seesPerson: () => false, shared: new Set(), pseudonym: key(order) }));
      expect(shown.map((h) => h.id)).toEqual(['cand-0', 'cand-1', 'cand-2', 'cand-3']);
    }
    // Not tied: the ranking's order stays, pseudonyms whatever they are.
    const apart = [hit('A', { score: 0.9 }), hit('B', { score: 0.8 })];
    expect(discloseCandidates(apart, disclosure({ seesPerson: () => false, pseudonym: key('BA') })).map((h) => h.id)).toEqual(['cand-1', 'cand-0']);
    // A caller who sees every tied candidate as a person (an admin) keeps the engine's order.
    expect(discloseCandidates(tied, disclosure({ seesPerson: () => true, pseudonym: key('DCBA') })).map((h) => h.id)).toEqual(['A', 'B', 'C', 'D']);
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
