import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { conceptSearchQuery, extraction, extractionInput, occupationSearchResult, skillSearchResult } from '../../core/taxonomy/schema.js';
import type { Engine } from '../../engine.js';
import { errorBody, noQuery } from './shared.js';

/** The taxonomy for user interfaces: concept search (autocomplete) and skill extraction from text. */
/** The services these routes use (nothing else of the engine reaches them). */
export type TaxonomyServices = Pick<Engine, 'conceptSearch' | 'normalizer'>;

export function taxonomyRoutes(engine: TaxonomyServices): FastifyPluginAsyncZod {
  const taxonomy = engine.normalizer.taxonomy;
  const { skills, occupations } = engine.conceptSearch;
  return async (app) => {
    app.get(
      '/v1/taxonomy/skills',
      {
        config: { roles: ACCESS.reference },
        schema: {
          tags: ['taxonomy'],
          summary: 'Search skill concepts by label (autocomplete)',
          querystring: conceptSearchQuery,
          response: { 200: skillSearchResult, 400: errorBody },
        },
      },
      async (request) => ({
        taxonomy: taxonomy.id,
        items: await skills.search(request.query.q, request.query.lang, request.query.limit),
      }),
    );

    app.get(
      '/v1/taxonomy/occupations',
      {
        config: { roles: ACCESS.reference },
        schema: {
          tags: ['taxonomy'],
          summary: 'Search occupation concepts by label (autocomplete)',
          querystring: conceptSearchQuery,
          response: { 200: occupationSearchResult, 400: errorBody },
        },
      },
      async (request) => ({
        taxonomy: taxonomy.id,
        items: (await occupations.search(request.query.q, request.query.lang, request.query.limit)).map((hit) => {
          const o = taxonomy.occupations.get(hit.uri)!;
          return { ...hit, code: o.code, iscoGroup: o.iscoGroup, essentialSkills: o.essential.length, optionalSkills: o.optional.length };
        }),
      }),
    );

    app.post(
      '/v1/skills/extract',
      {
        config: { roles: ACCESS.reference },
        schema: {
          tags: ['taxonomy'],
          summary: 'Skill concepts found in a text (and in a list of skill strings), with confidence and span',
          querystring: noQuery,
          body: extractionInput,
          response: {
            200: extraction,
            400: errorBody,
          },
        },
      },
      async (request) => {
        const { text, skills: strings, lang, suggest } = request.body;
        const found = [...(await engine.normalizer.fromStrings(strings, 'skills')), ...engine.normalizer.fromText(text)];
        const suggested =
          suggest > 0
            ? (await engine.normalizer.suggest(text, suggest)).map((s) => ({ ...s, label: taxonomy.label(s.uri, lang) }))
            : undefined;
        return {
          taxonomy: taxonomy.id,
          concepts: found.map((c) => ({ ...c, label: c.uri.startsWith('text:') ? c.label : taxonomy.label(c.uri, lang) })),
          ...(suggested ? { suggested } : {}),
        };
      },
    );
  };
}
