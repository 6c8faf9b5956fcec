import { parse } from 'csv-parse/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access.js';
import { invalidInput, KohtaantoError, tooManyRecords, type FieldProblem } from '../../core/errors.js';
import { checkHeader, columnNames, decodeCsv, detectDelimiter, headerLengthProblem, MAX_CSV_HEADER_BYTES, rowToRecord, rowWidthProblem } from '../../core/imports/tabular.js';
import { parseNdjson, problemsFrom } from '../../core/ndjson.js';
import { idParams } from '../../core/schemas/common.js';
import { storedTraining, trainingInput, type Training } from '../../core/schemas/training.js';
import type { Engine } from '../../engine.js';
import { errorBody, noQuery } from './shared.js';

const CSV_COLUMNS = columnNames('trainings');

/**
 * CSV rows to trainings (comma or semicolon; column names in fi/sv/en; list cells separated by ";"
 * or "|"; dates as 2026-03-01 or 1.3.2026), in the Content-Type's charset (UTF-8 when none). Each
 * row is validated like a JSON record; problems come back with their line numbers. The header is
 * checked before the rest is parsed: its length, width, unknown and duplicate columns.
 */
function parseCsv(bytes: Buffer, charset: string | undefined, maxRecords: number): Training[] {
  const tooLong = headerLengthProblem(bytes.subarray(0, MAX_CSV_HEADER_BYTES + 1), bytes.length);
  if (tooLong) throw invalidInput([tooLong]);
  const body = decodeCsv(bytes, charset).replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // The header alone first: a too wide one is refused before the rows are parsed.
    const [header] = parse(firstLine, { delimiter, to_line: 1 }) as string[][];
    if (!header) throw invalidInput([{ field: 'body', message: `no rows: header ${CSV_COLUMNS} and one training per line` }]);
    const { problems } = checkHeader('trainings', header);
    if (problems.length > 0) throw invalidInput(problems);
    rows = parse(body, { delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    if (error instanceof KohtaantoError) throw error;
    throw invalidInput([{ field: 'body', message: `not valid CSV (${(error as Error).message})` }]);
  }
  const [header, ...data] = rows;
  if (!header) throw invalidInput([{ field: 'body', message: `no rows: header ${CSV_COLUMNS} and one training per line` }]);
  // Checked by name before any row becomes an object: "__proto__" or "constructor" never become keys.
  const { fields, problems: headerProblems } = checkHeader('trainings', header.record);
  if (headerProblems.length > 0) throw invalidInput(headerProblems);
  if (data.length > maxRecords) throw tooManyRecords(maxRecords, data.length);
  const problems: FieldProblem[] = [];
  const trainings: Training[] = [];
  for (const { record, info } of data) {
    const wide = rowWidthProblem(fields, record, info.lines);
    if (wide) {
      problems.push(wide);
      continue;
    }
    const parsed = trainingInput.safeParse(rowToRecord('trainings', fields, record));
    if (parsed.success) trainings.push(parsed.data);
    else problems.push(...problemsFrom(parsed.error, info.lines));
  }
  if (problems.length > 0) throw invalidInput(problems); // the first 100 listed, and how many in all
  if (trainings.length === 0) throw invalidInput([{ field: 'body', message: `no rows: header ${CSV_COLUMNS} and one training per line` }]);
  return trainings;
}

/** The charset parameter of a Content-Type, if any. */
const charsetOf = (contentType: string | undefined) => /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '')?.[2];

/** The training catalogue: courses and programmes, single and in bulk (NDJSON or CSV). */
/** The services these routes use (nothing else of the engine reaches them). */
export type TrainingServices = Pick<Engine, 'trainings'>;

export function trainingRoutes(engine: TrainingServices, bulkBodyLimit: number): FastifyPluginAsyncZod {
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
          description: `Content-Type application/x-ndjson (one JSON training per line) or text/csv (comma or semicolon) with the columns ${CSV_COLUMNS} (or their Finnish/Swedish names); list cells separated by ";" or "|". CSV is read as UTF-8 unless the Content-Type names charset=windows-1252 (or iso-8859-1); at most 200 columns; at most the first 100 problems are listed, with problemCount.`,
          querystring: noQuery,
          response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }), 400: errorBody, 413: errorBody },
        },
      },
      async (request) => {
        const max = engine.trainings.maxBatch;
        const body: unknown = request.body;
        let records: Training[];
        if (Buffer.isBuffer(body)) records = parseCsv(body, charsetOf(request.headers['content-type']), max);
        else if (typeof body === 'string') records = parseNdjson(body, trainingInput, max);
        else throw invalidInput([{ field: 'body', message: 'send application/x-ndjson or text/csv' }]);
        const ids = new Set<string>();
        const duplicates = records.flatMap((r, i) => (ids.has(r.id) ? [{ line: i + 1, field: 'id', message: 'duplicate id' }] : (ids.add(r.id), [])));
        if (duplicates.length > 0) throw invalidInput(duplicates);
        return engine.trainings.putMany(records);
      },
    );
  };
}

