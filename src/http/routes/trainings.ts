import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { invalidInput, problem } from '../../core/errors.js';
import { columnNames } from '../../core/imports/tabular.js';
import { bulkRecords } from '../bulk-body.js';
import { idParams } from '../../core/schemas/common.js';
import { storedTraining, trainingBulkResult, trainingInput, trainingList, trainingQuery } from '../../core/trainings/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody, noQuery } from './shared.js';

const CSV_COLUMNS = columnNames('trainings');

/** The training catalogue: courses and programmes, single and in bulk (NDJSON or CSV). */
/** The services these routes use (nothing else of the composition reaches them). */
export type TrainingServices = Pick<Services, 'trainings'>;

export function trainingRoutes(services: TrainingServices, bulkBodyLimit: number): FastifyPluginAsyncZod {
  const read = { roles: ACCESS.trainingsRead };
  const write = { roles: ACCESS.trainingsWrite };
  return async (app) => {
    // Bytes: decoded in the route, in the charset the Content-Type names.
    app.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    app.get(
      '/v1/trainings',
      {
        config: read,
        schema: {
          tags: ['trainings'],
          summary: 'List trainings, optionally those teaching a skill concept',
          querystring: trainingQuery,
          response: { 200: trainingList },
        },
      },
      async (request) => ({
        items: request.query.skill ? services.trainings.teaching(request.query.skill) : services.trainings.list(),
      }),
    );

    app.get(
      '/v1/trainings/:id',
      {
        config: read,
        schema: { tags: ['trainings'], summary: 'Fetch a training', params: idParams, querystring: noQuery, response: { 200: storedTraining, 404: errorBody } },
      },
      async (request) => services.trainings.get(request.params.id),
    );

    app.put(
      '/v1/trainings/:id',
      {
        config: write,
        schema: {
          tags: ['trainings'],
          summary: 'Create or replace a training',
          params: idParams,
          querystring: noQuery,
          body: trainingInput,
          response: { 200: storedTraining, 201: storedTraining, 400: errorBody },
        },
      },
      async (request, reply) => {
        if (request.body.id !== request.params.id) {
          throw invalidInput([problem('id', 'id_differs', { body: request.body.id, path: request.params.id })]);
        }
        const { training, created } = await services.trainings.put(request.body);
        return reply.status(created ? 201 : 200).send(training);
      },
    );

    app.delete(
      '/v1/trainings/:id',
      {
        config: write,
        schema: { tags: ['trainings'], summary: 'Delete a training', params: idParams, querystring: noQuery, response: { 204: z.null(), 404: errorBody } },
      },
      async (request, reply) => {
        await services.trainings.remove(request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/v1/trainings/bulk',
      {
        config: write,
        bodyLimit: bulkBodyLimit,
        schema: {
          tags: ['trainings'],
          summary: 'Create or replace many trainings (NDJSON or CSV, atomic)',
          description: `Content-Type application/x-ndjson (one JSON training per line) or text/csv (comma or semicolon) with the columns ${CSV_COLUMNS} (or their Finnish/Swedish names); list cells separated by ";" or "|". CSV is read as UTF-8 unless the Content-Type names charset=windows-1252 (or iso-8859-1); at most 200 columns; at most the first 100 problems are listed, with problemCount.`,
          querystring: noQuery,
          response: { 200: trainingBulkResult, 400: errorBody, 413: errorBody },
        },
      },
      async (request) => {
        // CSV (src/http/csv.ts: comma or semicolon; column names in fi/sv/en; list cells separated by ";" or "|";
        // dates as 2026-03-01 or 1.3.2026) or NDJSON; problems by line and column, nothing stored.
        const records = bulkRecords('trainings', request.body, request.headers['content-type'], trainingInput, services.trainings.maxBatch);
        const ids = new Set<string>();
        const duplicates = records.flatMap((r, i) => (ids.has(r.id) ? [problem('id', 'duplicate_id', {}, i + 1)] : (ids.add(r.id), [])));
        if (duplicates.length > 0) throw invalidInput(duplicates);
        return services.trainings.putMany(records);
      },
    );
  };
}

