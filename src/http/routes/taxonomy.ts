import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { conceptSearchQuery, extraction, extractionInput, occupationSearchResult, skillSearchResult } from '../../core/taxonomy/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

/** The services these routes use (nothing else of the composition reaches them). */
export type TaxonomyServices = Pick<Services, 'concepts'>;

/** The taxonomy for user interfaces: concept search (autocomplete) and skill extraction from text. */
export function taxonomyRoutes(services: TaxonomyServices): FastifyPluginAsyncZod {
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
      (request) => services.concepts.skills(request.query),
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
      (request) => services.concepts.occupations(request.query),
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
      (request) => services.concepts.extract(request.body),
    );
  };
}
