import { describe, expect, it } from 'vitest';
import { ConceptIndex, conceptKeys, type ConceptKey } from '../../src/core/concept-index.js';
import { ConceptIndexFilling } from '../../src/core/concept-index-filling.js';

/** A store of 2,500 records (three chunks): label → occupation, skills and place; some not matchable. */
function store() {
  const records = new Map<number, { matchable: boolean; keys: ConceptKey[]; place: string }>();
  for (let label = 1; label <= 2500; label++) {
    records.set(label, {
      matchable: label % 7 !== 0,
      keys: conceptKeys([{ uri: `o:${label % 13}`, isco: String(2000 + (label % 5)) }], [`s:${label % 11}`, `s:${label % 17}`]),
      place: ['091', '837', '564'][label % 3]!,
    });
  }
  const reads = {
    labels: () => [...records].filter(([, r]) => r.matchable).map(([label]) => label),
    conceptsOf: (labels: number[]) => labels.flatMap((label) => (records.has(label) ? [{ label, keys: records.get(label)!.keys, place: records.get(label)!.place }] : [])),
  };
  return { records, reads };
}

const atOnce = (reads: ReturnType<typeof store>['reads']) => {
  const index = new ConceptIndex();
  for (const c of reads.conceptsOf(reads.labels())) index.set(c.label, c.keys, c.place);
  return index;
};
const QUERIES = [
  { occupations: [{ uri: 'o:3', isco: '2003' }], skills: ['s:4'] },
  { occupations: [], skills: ['s:5', 's:9'] },
  { occupations: [{ isco: '2001' }], skills: [] },
];
const searches = (index: ConceptIndex, sorted: boolean) =>
  QUERIES.map((q) => {
    const hits = index.search(q, 5000, { near: ['837', '091', '564'] });
    return sorted ? hits.map((h) => `${h.label}:${h.score}`).sort() : hits.map((h) => `${h.label}:${h.score}`);
  });

describe('ConceptIndexFilling', () => {
  it('filled a chunk at a time, finds what an index read at once finds, in the same order', () => {
    const { reads } = store();
    const filling = new ConceptIndexFilling(reads);
    let steps = 1;
    while (!filling.step()) steps++;
    expect(steps).toBe(3);
    expect(filling.index.size).toBe(atOnce(reads).size);
    expect(searches(filling.index, false)).toEqual(searches(atOnce(reads), false));
  });

  it('with records written between chunks (as the service patches it), holds the records and concepts stored at the end', () => {
    const { records, reads } = store();
    const filling = new ConceptIndexFilling(reads);
    filling.step();
    // Written after the list was read: one already read changes, one not yet read changes, one is no longer matchable, one is new.
    const write = (label: number, matchable: boolean, keys: ConceptKey[], place: string) => {
      records.set(label, { matchable, keys, place });
      if (matchable) filling.set(label, keys, place);
      else filling.remove(label);
    };
    write(10, true, conceptKeys([{ uri: 'o:3' }], ['s:4']), '564');
    write(2000, true, conceptKeys([{ uri: 'o:3' }], ['s:9']), '091');
    write(1500, false, [], '091');
    write(2600, true, conceptKeys([{ isco: '2001' }], ['s:5']), '837');
    expect(filling.fill()).toBe(filling.index);
    const expected = atOnce(reads);
    expect(filling.index.size).toBe(expected.size);
    expect(searches(filling.index, true)).toEqual(searches(expected, true));
    expect(searches(filling.index, true).flat().some((hit) => hit.startsWith('1500:'))).toBe(false);
  });
});
