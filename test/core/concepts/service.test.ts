import { beforeAll, describe, expect, it } from 'vitest';
import { Concepts } from '../../../src/core/concepts/service.js';
import { ConceptSearch } from '../../../src/core/taxonomy/search.js';
import { MIG, TIG, WELDER, curatedNormalizer, curatedTaxonomy } from '../../helpers/taxonomy.js';

let concepts: Concepts;
beforeAll(async () => {
  const taxonomy = curatedTaxonomy();
  const normalizer = await curatedNormalizer();
  concepts = new Concepts({
    taxonomy,
    search: { skills: new ConceptSearch(taxonomy, () => taxonomy.skills.values()), occupations: new ConceptSearch(taxonomy, () => taxonomy.occupations.values()) },
    normalizer,
  });
});

/** The taxonomy use cases on the curated test taxonomy and the lexical embedder (no model). */
describe('Concepts', () => {
  it('searches skills and occupations, an occupation with its code, ISCO group and skill counts', async () => {
    const skills = await concepts.skills({ q: 'TIG-hitsaus', lang: 'sv', limit: 3 });
    expect(skills.taxonomy).toBe(curatedTaxonomy().id);
    expect(skills.items[0]).toMatchObject({ uri: TIG, label: 'TIG-svetsning' });
    const occupations = await concepts.occupations({ q: 'hitsaaja', lang: 'en', limit: 1 });
    expect(occupations.items).toEqual([expect.objectContaining({ uri: WELDER, label: 'welder', code: '7212.11', iscoGroup: '7212', essentialSkills: 2, optionalSkills: 3 })]);
  });

  it('extracts the skills a text and a list name, labelled in the language asked for, free text as written', async () => {
    const found = await concepts.extract({ text: 'Osaan MIG-hitsauksen.', skills: ['TIG-hitsaus', 'sukellus 3000'], lang: 'en', suggest: 0 });
    expect(found.concepts.map((c) => [c.uri, c.label])).toEqual([
      [TIG, 'TIG welding'],
      ['text:sukellus 3000', 'sukellus 3000'],
      [MIG, 'MIG welding'],
    ]);
    expect(found).not.toHaveProperty('suggested');
  });

  it('suggests as many more skills as asked, labelled', async () => {
    const found = await concepts.extract({ text: 'Hitsaaja, MIG-hitsaus ja piirustusten lukeminen.', skills: [], lang: 'fi', suggest: 2 });
    expect(found.suggested).toHaveLength(2);
    for (const s of found.suggested!) expect(s.label).toBe(curatedTaxonomy().label(s.uri, 'fi'));
  });
});
