import { describe, expect, it } from 'vitest';
import { ConceptIndex, conceptKeys } from '../../src/core/concept-index.js';

describe('ConceptIndex', () => {
  const index = new ConceptIndex();
  index.set(1, conceptKeys([{ uri: 'o:nurse', isco: '2221' }], ['s:care', 's:medication']));
  index.set(2, conceptKeys([{ uri: 'o:nurse-spec', isco: '2221' }], ['s:care']));
  index.set(3, conceptKeys([{ uri: 'o:welder', isco: '7212' }], ['s:welding']));
  index.set(4, conceptKeys([], ['s:care', 'text:kiva']));

  it('ranks records by shared occupation, ISCO unit group and share of their skills the query has', () => {
    const hits = index.search({ occupations: [{ uri: 'o:nurse', isco: '2221' }], skills: ['s:care'] }, 10);
    expect(hits.map((h) => h.label)).toEqual([1, 2, 4]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(index.search({ occupations: [], skills: ['s:welding'] }, 10).map((h) => h.label)).toEqual([3]);
  });

  it('keeps to a location filter, ignores plain-text skills, and follows writes', () => {
    expect(index.search({ occupations: [{ isco: '2221' }], skills: [] }, 10, new Set([2, 3])).map((h) => h.label)).toEqual([2]);
    expect(index.search({ occupations: [], skills: ['text:kiva'] }, 10)).toEqual([]);
    index.set(3, conceptKeys([{ uri: 'o:nurse', isco: '2221' }], []));
    expect(index.search({ occupations: [{ uri: 'o:welder' }], skills: [] }, 10)).toEqual([]);
    index.remove(1);
    expect(index.search({ occupations: [{ uri: 'o:nurse' }], skills: [] }, 10).map((h) => h.label)).toEqual([3]);
    expect(index.size).toBe(3);
  });
});
