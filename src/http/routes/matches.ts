import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../core/schemas/common.js';
import {
  adHocMatchBody,
  matchQuery,
  matchResponse,
  type MatchHit,
  type MatchQuery,
} from '../../core/schemas/match.js';
import type { Engine } from '../../engine.js';
import { errorBody } from './shared.js';

/** Ranked, explained matches: vacancies for a jobseeker, candidates for a vacancy, and ad-hoc text. */
export function matchRoutes(engine: Engine): FastifyPluginAsyncZod {
  const embedder = engine.embedder.id;
  return async (app) => {
    const storedMatchRoute = (
      url: string,
      summary: string,
      find: (id: string, query: MatchQuery) => Promise<MatchHit[]>,
    ) =>
      app.get(
        url,
        {
          schema: {
            tags: ['matching'],
            summary,
            params: idParams,
            querystring: matchQuery,
            response: { 200: matchResponse, 400: errorBody, 404: errorBody },
          },
        },
        async (request) => ({
          query: { id: request.params.id, ...request.query },
          embedder,
          hits: await find(request.params.id, request.query),
        }),
      );

    storedMatchRoute('/v1/jobseekers/:id/matches', 'Vacancies that fit a jobseeker, best first, with reasons', (id, q) =>
      engine.matcher.vacanciesForJobseeker(id, q),
    );
    storedMatchRoute('/v1/vacancies/:id/candidates', 'Jobseekers who fit a vacancy, best first, with reasons', (id, q) =>
      engine.matcher.candidatesForVacancy(id, q),
    );

    app.post(
      '/v1/match',
      {
        schema: {
          tags: ['matching'],
          summary: 'Match ad-hoc text (a CV or a job description) without storing it',
          body: adHocMatchBody,
          response: { 200: matchResponse, 400: errorBody },
        },
      },
      async (request) => {
        const { text, skills, municipality, remote, target, k, filter } = request.body;
        const query = { k, ...filter };
        return {
          query,
          embedder,
          hits: await engine.matcher.forText({ text, skills, municipality, remote }, target, query),
        };
      },
    );
  };
}
