import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { jobSuggestionChange, jobSuggestionInput, jobSuggestionList as list, jobSuggestionParams, jobSuggestionView } from '../../core/job-suggestions/schema.js';
import { idParams } from '../../core/schemas/common.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

export type JobSuggestionServices = Pick<Services, 'jobSuggestions'>;

const tags = ['job suggestions'];

/**
 * Job suggestions: a counsellor suggests a vacancy to a client (with the client's consent to be
 * shared with the vacancy's unit), and the counsellor or that unit records what became of it. Each
 * suggestion and change is audited with the client's id.
 */
export function jobSuggestionRoutes(services: JobSuggestionServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/v1/jobseekers/:id/job-suggestions',
      {
        config: { roles: ACCESS.jobSuggestions },
        schema: {
          tags,
          summary: 'Suggest a vacancy to a client to apply for, with a deadline and the client’s consent to be shared',
          description:
            "With consent the client is shared with the vacancy's employer-services unit (their name and contact on its candidate list), " +
            'which can then record interview, offer, hire or not selected. One open suggestion per client and vacancy (409).',
          params: idParams,
          querystring: noQuery,
          body: jobSuggestionInput,
          response: { 201: jobSuggestionView, 400: errorBody, 404: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => reply.status(201).send(await services.jobSuggestions.suggest(request.principal!, request.params.id, request.body, request.audited)),
    );

    app.get(
      '/v1/jobseekers/:id/job-suggestions',
      {
        config: { roles: ACCESS.jobSuggestions },
        schema: { tags, summary: "A client's job suggestions with their history, newest first", params: idParams, querystring: noQuery, response: { 200: list, 404: errorBody } },
      },
      async (request) => ({ items: await services.jobSuggestions.ofJobseeker(request.principal!, request.params.id, request.audited) }),
    );

    app.get(
      '/v1/vacancies/:id/job-suggestions',
      {
        config: { roles: ACCESS.jobSuggestionStates },
        schema: {
          tags,
          summary: "A vacancy's job suggestions: for its unit, the clients who agreed to be shared; for counsellors, their area's clients",
          params: idParams,
          querystring: noQuery,
          response: { 200: list, 403: errorBody, 404: errorBody },
        },
      },
      async (request) => ({ items: await services.jobSuggestions.ofVacancy(request.principal!, request.params.id, request.audited) }),
    );

    app.post(
      '/v1/job-suggestions/:id/state',
      {
        config: { roles: ACCESS.jobSuggestionStates },
        schema: {
          tags,
          summary: 'Record what became of a suggestion (applied, interview, offer, hired, not-selected, declined, withdrawn)',
          description: 'Send the version you read: a change someone else made since is refused with 412, never overwritten. Employer units record interview, offer, hired and not-selected.',
          params: jobSuggestionParams,
          querystring: noQuery,
          body: jobSuggestionChange,
          response: { 200: jobSuggestionView, 400: errorBody, 404: errorBody, 409: errorBody, 412: errorBody },
        },
      },
      async (request) => services.jobSuggestions.change(request.principal!, request.params.id, request.body, request.audited),
    );
  };
}
