import { describe, expect, it } from 'vitest';
import { Bm25Index, fuseRankings } from '../../../src/core/taxonomy/bm25.js';

describe('Bm25Index', () => {
  const index = new Bm25Index([
    { id: 'welder', texts: ['hitsaaja', 'levyseppähitsaaja'] },
    { id: 'mig', texts: ['MIG-hitsaus', 'MIG hitsaus'] },
    { id: 'nurse', texts: ['sairaanhoitaja'] },
    { id: 'long', texts: ['hitsaus ja levytyö ja koneistus ja maalaus ja asennus'] },
  ]);

  it('ranks only documents sharing a word with the query, a short one before a long one for the same word', () => {
    expect(index.rank('hitsaus', 10)).toEqual(['mig', 'long']);
    expect(index.rank('sairaanhoitaja', 10)).toEqual(['nurse']);
    expect(index.rank('opettaja', 10)).toEqual([]);
    expect(index.rank('hitsaus', 1)).toEqual(['mig']);
  });

  it('weighs a rare word above a common one, and a word in a short document above the same word in a long one', () => {
    const common = new Bm25Index([
      { id: 'c1', texts: ['kokki'] },
      { id: 'c2', texts: ['kokki'] },
      { id: 'c3', texts: ['kokki'] },
      { id: 'rare', texts: ['leipuri'] },
    ]);
    expect(common.rank('kokki leipuri', 4)).toEqual(['rare', 'c1', 'c2', 'c3']);
    const lengths = new Bm25Index([
      { id: 'long', texts: ['kokki ja tarjoilija ja siivooja ja kassa'] },
      { id: 'short', texts: ['kokki'] },
    ]);
    expect(lengths.rank('kokki', 2)).toEqual(['short', 'long']);
  });

  it('counts a word the query repeats once', () => {
    expect(index.rank('hitsaus hitsaus hitsaus', 10)).toEqual(index.rank('hitsaus', 10));
  });
});

describe('fuseRankings', () => {
  it('adds 1 / (60 + rank) over the rankings, so that an item several rank high rises', () => {
    expect(fuseRankings([['a', 'b', 'c'], ['b', 'c', 'a'], ['b']], 2)).toEqual([
      { id: 'b', score: Math.round((1 / 62 + 1 / 61 + 1 / 61) * 10_000) / 10_000 },
      { id: 'a', score: Math.round((1 / 61 + 1 / 63) * 10_000) / 10_000 },
    ]);
    expect(fuseRankings([], 5)).toEqual([]);
  });
});
