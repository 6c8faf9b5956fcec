import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { z } from 'zod';
import { idParams } from '../../core/schemas/common.js';
import { jobseekerVacancyParams, explanationQuery, override, overrideInput, overrideList, personExplanation } from '../../core/oversight/schema.js';
import { adHocMatchBody, jobseekerMatchQuery, matchQuery, matchResponse } from '../../core/matches/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

/** The services these routes use (nothing else of the composition reaches them). */
export type MatchServices = Pick<Services, 'matches' | 'suggestions'>;

/** Ranked, explained matches: vacancies for a jobseeker, candidates for a vacancy, and ad-hoc text; a client's overrides. */
export function matchRoutes(services: MatchServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/jobseekers/:id/matches',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: {
          tags: ['matching'],
          summary: 'Vacancies that fit a jobseeker, best first, with reasons',
          params: idParams,
          querystring: jobseekerMatchQuery,
          response: { 200: matchResponse, 400: errorBody, 404: errorBody },
        },
      },
      (request) => services.matches.vacanciesFor(request.principal!, request.params.id, request.query, request.audited),
    );

    app.get(
      '/v1/jobseekers/:id/matches/:vacancyId/explanation',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: {
          tags: ['matching'],
          summary: 'Why a vacancy is suggested to a client, in plain words for the client (fi, sv or en)',
          params: jobseekerVacancyParams,
          querystring: explanationQuery,
          response: { 200: personExplanation, 403: errorBody, 404: errorBody },
        },
      },
      (request) => services.suggestions.explanation(request.principal!, request.params.id, request.params.vacancyId, request.query.lang, request.audited),
    );

    app.get(
      '/v1/jobseekers/:id/overrides',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: { tags: ['matching'], summary: "A counsellor's overrides of a client's suggestions", params: idParams, querystring: noQuery, response: { 200: overrideList, 403: errorBody, 404: errorBody } },
      },
      async (request) => ({ items: await services.suggestions.overrides(request.principal!, request.params.id, request.audited) }),
    );

    app.post(
      '/v1/jobseekers/:id/overrides',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: {
          tags: ['matching'],
          summary: 'Set a suggestion aside, or put a vacancy forward, for a client, with the reason (kept and exported)',
          params: idParams,
          querystring: noQuery,
          body: overrideInput,
          response: { 201: override, 400: errorBody, 403: errorBody, 404: errorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await services.suggestions.override(request.principal!, request.params.id, request.body, request.audited)),
    );

    app.delete(
      '/v1/jobseekers/:id/overrides/:vacancyId',
      {
        config: { roles: ACCESS.matchesForJobseeker },
        schema: { tags: ['matching'], summary: 'Withdraw an override', params: jobseekerVacancyParams, querystring: noQuery, response: { 204: z.null(), 404: errorBody } },
      },
      async (request, reply) => {
        await services.suggestions.withdraw(request.principal!, request.params.id, request.params.vacancyId, request.audited);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/v1/vacancies/:id/candidates',
      {
        config: { roles: ACCESS.candidatesForVacancy },
        schema: {
          tags: ['matching'],
          summary: 'Jobseekers who fit a vacancy, best first, with reasons (pseudonymous for employer services)',
          params: idParams,
          querystring: matchQuery,
          response: { 200: matchResponse, 400: errorBody, 404: errorBody },
        },
      },
      (request) => services.matches.candidatesFor(request.principal!, request.params.id, request.query, request.audited),
    );

    app.post(
      '/v1/match',
      {
        config: { roles: ACCESS.adHocMatch },
        schema: {
          querystring: noQuery,
          tags: ['matching'],
          summary: 'Match ad-hoc text (a CV or a job description) without storing it',
          body: adHocMatchBody,
          response: { 200: matchResponse, 400: errorBody },
        },
      },
      (request) => services.matches.forText(request.principal!, request.body, request.audited),
    );
  };
}
