import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { jobSearchQuery, jobSearchView, obligationChange, obligationView, reportedApplicationInput, storedReportedApplication } from '../../core/job-search/schema.js';
import { idParams } from '../../core/schemas/common.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

export type JobSearchServices = Pick<Services, 'jobSearch'>;

const tags = ['job suggestions'];

/** A client's job-search obligation, the applications counted per month, and the suitable vacancies to apply for. */
export function jobSearchRoutes(services: JobSearchServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/jobseekers/:id/job-search',
      {
        config: { roles: ACCESS.jobSuggestions },
        schema: {
          tags,
          summary: "A client's job-search obligation for a month, the applications counted, and the suitable open vacancies within their range",
          params: idParams,
          querystring: jobSearchQuery,
          response: { 200: jobSearchView, 400: errorBody, 404: errorBody },
        },
      },
      (request) => services.jobSearch.forJobseeker(request.principal!, request.params.id, request.query, request.audited),
    );

    app.put(
      '/v1/jobseekers/:id/job-search/obligation',
      {
        config: { roles: ACCESS.jobSuggestions },
        schema: {
          tags,
          summary: "Change a client's applications per month (0–4, default 4), saying why",
          params: idParams,
          querystring: noQuery,
          body: obligationChange,
          response: { 200: obligationView, 400: errorBody, 404: errorBody },
        },
      },
      async (request) => services.jobSearch.setObligation(request.principal!, request.params.id, request.body, request.audited),
    );

    app.post(
      '/v1/jobseekers/:id/applications',
      {
        config: { roles: ACCESS.jobSuggestions },
        schema: {
          tags,
          summary: 'Record an application the client reports (one not made from a suggestion)',
          params: idParams,
          querystring: noQuery,
          body: reportedApplicationInput,
          response: {
            201: storedReportedApplication,
            400: errorBody,
            404: errorBody,
          },
        },
      },
      async (request, reply) => reply.status(201).send(await services.jobSearch.report(request.principal!, request.params.id, request.body, request.audited)),
    );
  };
}
