import type { z } from 'zod';
import type { SkillNormalizer } from '../taxonomy/normalizer.js';
import type { conceptSearchQuery, extraction, extractionInput, occupationSearchResult, SkillSearchResult } from '../taxonomy/schema.js';
import type { ConceptSearch } from '../taxonomy/search.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

type SearchQuery = z.output<typeof conceptSearchQuery>;

/**
 * The taxonomy for user interfaces, the use cases behind /v1/taxonomy/* and /v1/skills/extract:
 * skill and occupation concepts by label (autocomplete), and the skills a text names or suggests.
 */
export class Concepts {
  constructor(
    private readonly ports: {
      taxonomy: Taxonomy;
      search: { skills: Pick<ConceptSearch, 'search'>; occupations: Pick<ConceptSearch, 'search'> };
      normalizer: Pick<SkillNormalizer, 'fromStrings' | 'fromText' | 'suggest'>;
    },
  ) {}

  async skills(query: SearchQuery): Promise<SkillSearchResult> {
    return { taxonomy: this.ports.taxonomy.id, items: await this.ports.search.skills.search(query.q, query.lang, query.limit) };
  }

  /** Occupations with their code, ISCO group and how many skills each requires. */
  async occupations(query: SearchQuery): Promise<z.infer<typeof occupationSearchResult>> {
    const { taxonomy, search } = this.ports;
    return {
      taxonomy: taxonomy.id,
      items: (await search.occupations.search(query.q, query.lang, query.limit)).map((hit) => {
        const o = taxonomy.occupations.get(hit.uri)!;
        return { ...hit, code: o.code, iscoGroup: o.iscoGroup, essentialSkills: o.essential.length, optionalSkills: o.optional.length };
      }),
    };
  }

  /** The skill concepts a text (and a list of skill strings) names, labelled in `lang`; with `suggest`, that many more the text suggests. */
  async extract(input: z.output<typeof extractionInput>): Promise<z.infer<typeof extraction>> {
    const { taxonomy, normalizer } = this.ports;
    const { text, skills: strings, lang, suggest } = input;
    const found = [...(await normalizer.fromStrings(strings, 'skills')), ...normalizer.fromText(text)];
    const suggested = suggest > 0 ? (await normalizer.suggest(text, suggest)).map((s) => ({ ...s, label: taxonomy.label(s.uri, lang) })) : undefined;
    return {
      taxonomy: taxonomy.id,
      concepts: found.map((c) => ({ ...c, label: c.uri.startsWith('text:') ? c.label : taxonomy.label(c.uri, lang) })),
      ...(suggested ? { suggested } : {}),
    };
  }
}
