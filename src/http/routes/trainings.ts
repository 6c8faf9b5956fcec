import { parse } from 'csv-parse/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { invalidInput, tooManyRecords, type FieldProblem } from '../../core/errors.js';
import { columnNames, detectDelimiter, headerFields, rowToRecord } from '../../core/imports/tabular.js';
import { parseNdjson, problemsFrom } from '../../core/ndjson.js';
import { idParams } from '../../core/schemas/common.js';
import { storedTraining, trainingInput, type Training } from '../../core/schemas/training.js';
import type { Engine } from '../../engine.js';
import { errorBody, noQuery } from './shared.js';

const CSV_COLUMNS = columnNames('trainings');

/**
 * CSV rows to trainings (comma or semicolon; column names in fi/sv/en; list cells separated by ";"
 * or "|"; dates as 2026-03-01 or 1.3.2026). Each row is validated like a JSON record; problems come
 * back with their line numbers.
 */
function parseCsv(text: string, maxRecords: number): Training[] {
  let rows: { record: string[]; info: { lines: number } }[];
  const body = text.replace(/^\uFEFF/, '');
  try {
    rows = parse(body, { delimiter: detectDelimiter(body.split(/\r?\n/, 1)[0] ?? ''), skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    throw invalidInput([{ field: 'body', message: `not valid CSV (${(error as Error).message})` }]);
  }
  const [header, ...data] = rows;
  if (!header) throw invalidInput([{ field: 'body', message: `no rows: header ${CSV_COLUMNS} and one training per line` }]);
  // Checked by name before any row becomes an object: "__proto__" or "constructor" never become keys.
  const { fields, unknown } = headerFields('trainings', header.record);
  if (unknown.length > 0) throw invalidInput(unknown.map((c) => ({ field: c, line: 1, message: `unknown column; the columns are ${CSV_COLUMNS}` })));
  if (data.length > maxRecords) throw tooManyRecords(maxRecords, data.length);
  const problems: FieldProblem[] = [];
  const trainings: Training[] = [];
  for (const { record, info } of data) {
    const parsed = trainingInput.safeParse(rowToRecord('trainings', fields, record));
    if (parsed.success) trainings.push(parsed.data);
    else problems.push(...problemsFrom(parsed.error, info.lines));
  }
  if (problems.length > 0) throw invalidInput(problems.slice(0, 100));
  if (trainings.length === 0) throw invalidInput([{ field: 'body', message: `no rows: header ${CSV_COLUMNS} and one training per line` }]);
  return trainings;
}

/** The training catalogue: courses and programmes, single and in bulk (NDJSON or CSV). */
/** The services these routes use (nothing else of the engine reaches them). */
export type TrainingServices = Pick<Engine, 'trainings'>;

export function trainingRoutes(engine: TrainingServices, bulkBodyLimit: number): FastifyPluginAsyncZod {
  const read = { roles: ACCESS.trainingsRead };
  const write = { roles: ACCESS.trainingsWrite };
  return async (app) => {
    app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.get(
      '/v1/trainings',
      {
        config: read,
        schema: {
          tags: ['trainings'],
          summary: 'List trainings, optionally those teaching a skill concept',
          querystring: z.object({ skill: z.string().max(300).optional().describe('Skill concept URI') }).strict(),
          response: { 200: z.object({ items: z.array(storedTraining) }) },
        },
      },
      async (request) => ({
        items: request.query.skill ? engine.trainings.teaching(request.query.skill) : engine.trainings.list(),
      }),
    );

    app.get(
      '/v1/trainings/:id',
      {
        config: read,
        schema: { tags: ['trainings'], summary: 'Fetch a training', params: idParams, querystring: noQuery, response: { 200: storedTraining, 404: errorBody } },
      },
      async (request) => engine.trainings.get(request.params.id),
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
          throw invalidInput([{ field: 'id', message: `body id '${request.body.id}' differs from the path id '${request.params.id}'` }]);
        }
        const { training, created } = await engine.trainings.put(request.body);
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
        engine.trainings.remove(request.params.id);
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
          description: `Content-Type application/x-ndjson (one JSON training per line) or text/csv (comma or semicolon) with the columns ${CSV_COLUMNS} (or their Finnish/Swedish names); list cells separated by ";" or "|".`,
          querystring: noQuery,
          response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }), 400: errorBody, 413: errorBody },
        },
      },
      async (request) => {
        if (typeof request.body !== 'string') throw invalidInput([{ field: 'body', message: 'send application/x-ndjson or text/csv' }]);
        const csv = request.headers['content-type']?.startsWith('text/csv');
        const max = engine.trainings.maxBatch;
        const records = csv ? parseCsv(request.body, max) : parseNdjson(request.body, trainingInput, max);
        const ids = new Set<string>();
        const duplicates = records.flatMap((r, i) => (ids.has(r.id) ? [{ line: i + 1, field: 'id', message: 'duplicate id' }] : (ids.add(r.id), [])));
        if (duplicates.length > 0) throw invalidInput(duplicates);
        return engine.trainings.putMany(records);
      },
    );
  };
}

