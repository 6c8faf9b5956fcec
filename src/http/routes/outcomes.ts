import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { columnNames } from '../../core/imports/tabular.js';
import { outcomeImportQuery, outcomeImportResult, outcomeInput, outcomeList, OUTCOME_EVENTS } from '../../core/outcomes/schema.js';
import { idParams } from '../../core/schemas/common.js';
import type { Services } from '../../runtime/compose.js';
import { bulkRecords } from '../bulk-body.js';
import { errorBody, noQuery } from './shared.js';

/** The services these routes use (nothing else of the composition reaches them). */
export type OutcomeServices = Pick<Services, 'outcomes'>;

/** Labour-market outcomes from registers: a bulk import, and a client's events for their counsellor. */
export function outcomeRoutes(services: OutcomeServices, bulkBodyLimit: number): FastifyPluginAsyncZod {
  return async (app) => {
    // Bytes: decoded in the route, in the charset the Content-Type names.
    app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.post(
      '/v1/outcomes/bulk',
      {
        config: { roles: ACCESS.outcomes },
        bodyLimit: bulkBodyLimit,
        schema: {
          tags: ['outcomes'],
          summary: 'Import dated labour-market events of clients from a register (NDJSON or CSV; atomic, idempotent)',
          description:
            `Content-Type application/x-ndjson (one event per line) or text/csv with the columns ${columnNames('outcomes')} (or their Finnish/Swedish names; dates as 1.3.2026 or 2026-03-01). ` +
            `Events: ${OUTCOME_EVENTS.join(', ')} (or their fi/sv/en names in CSV). An event is its client, kind and date: one stored already is counted unchanged. ` +
            "Atomic: any bad line — a value that cannot be read, or a client who is unknown or not of the caller's area (the same answer for both) — refuses the whole request with every bad line and field named (400), and nothing is stored. " +
            'dryRun=true checks and counts without storing (what `npm run import -- outcomes` does first, so that a bad line refuses the whole file there too).',
          querystring: outcomeImportQuery,
          response: { 200: outcomeImportResult, 400: errorBody, 413: errorBody },
        },
      },
      async (request) => {
        const lines: number[] = [];
        const records = bulkRecords('outcomes', request.body, request.headers['content-type'], outcomeInput, services.outcomes.maxBatch, lines);
        return services.outcomes.import(request.principal!, records, { dryRun: request.query.dryRun, lines }, request.audited);
      },
    );

    app.get(
      '/v1/jobseekers/:id/outcomes',
      {
        config: { roles: ACCESS.outcomes },
        schema: {
          tags: ['outcomes'],
          summary: "A client's labour-market events from registers, oldest first",
          params: idParams,
          querystring: noQuery,
          response: { 200: outcomeList, 404: errorBody },
        },
      },
      async (request) => ({ items: await services.outcomes.ofJobseeker(request.principal!, request.params.id, request.audited) }),
    );
  };
}
