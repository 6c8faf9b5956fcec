import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { toJobPosting } from '../../core/imports/jobposting.js';
import { idParams } from '../../core/schemas/common.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

/** The services these routes use. */
export type FeedServices = Pick<Services, 'vacancies'>;

/** Vacancies in the formats the web publishes them in (schema.org JobPosting). */
export function feedRoutes(services: FeedServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/vacancies/:id/jobposting',
      {
        config: { roles: ACCESS.vacanciesRead },
        schema: {
          tags: ['vacancies'],
          summary: 'A vacancy as schema.org JobPosting (JSON-LD), for job boards and Google for Jobs',
          params: idParams,
          querystring: noQuery,
          response: { 200: z.record(z.string(), z.unknown()).describe('schema.org JobPosting'), 404: errorBody },
        },
      },
      async (request, reply) =>
        reply
          .type('application/ld+json; charset=utf-8')
          .serializer((x) => JSON.stringify(x))
          .send(toJobPosting(await services.vacancies.get(request.params.id))),
    );
  };
}
