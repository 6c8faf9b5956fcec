import { describe, expect, it } from 'vitest';
import { ConceptSearch } from '../../../src/core/taxonomy/search.js';
import { MIG, TIG, WELDER, curatedTaxonomy } from '../../helpers/taxonomy.js';

/** Concept search without a model (words and trigrams fused) on the curated test taxonomy. */
describe('ConceptSearch', () => {
  const taxonomy = curatedTaxonomy();
  const skills = new ConceptSearch(taxonomy, () => taxonomy.skills.values());
  const occupations = new ConceptSearch(taxonomy, () => taxonomy.occupations.values());

  it('puts the concept whose label the query spells out first, labelled in the language asked for', async () => {
    const hits = await skills.search('tig-hitsaus', 'en', 5);
    expect(hits[0]).toMatchObject({ uri: TIG, label: 'TIG welding', matchedLabel: 'TIG-hitsaus' });
    expect((await skills.search('MIG welding', 'fi', 3))[0]).toMatchObject({ uri: MIG, label: 'MIG-hitsaus' });
    expect((await occupations.search('svetsare', 'fi', 3))[0]).toMatchObject({ uri: WELDER, label: 'hitsaaja' });
  });

  it('finds concepts by part of a word (autocomplete) and by an inflected form', async () => {
    expect((await skills.search('hitsa', 'fi', 10)).map((h) => h.uri)).toEqual(expect.arrayContaining([MIG, TIG]));
    expect((await occupations.search('hitsaajana', 'fi', 3))[0]!.uri).toBe(WELDER);
  });

  it('gives at most limit hits, best first, with scores rounded to 4 decimals', async () => {
    const hits = await skills.search('hitsaus', 'fi', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    for (const h of hits) expect(Math.round(h.score * 10_000) / 10_000).toBe(h.score);
    expect(await skills.search('zzzzqqq', 'fi', 5)).toEqual([]);
  });
});
