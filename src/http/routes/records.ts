import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '../../core/access.js';
import { z } from 'zod';
import { invalidInput, problem, versionRequired } from '../../core/errors.js';
import type { BaseRecord } from '../../core/kinds.js';
import type { RecordUseCases } from '../../core/record-use-cases.js';
import { etagOf, versionsOf, type Expectation } from '../../core/records.js';
import { sessionToken } from '../auth.js';
import { idParams, language, recordId } from '../../core/schemas/common.js';
import { labelledIn, type ConceptLabel, type FallbackLanguage } from '../../core/taxonomy/labels-in.js';
import { bulkDeleteBody, bulkDeleteResult, bulkResult, exportQuery, listQuery, recordPage } from '../../core/schemas/records.js';
import { exportColumns, isTabularKind } from '../../core/imports/tabular.js';
import { bulkRecords } from '../bulk-body.js';
import { sendCsv, toCsv } from '../csv.js';
import { errorBody, noQuery } from './shared.js';

export interface RecordRouteOptions<In extends BaseRecord> {
  /** The use cases of this kind (src/core/record-use-cases.ts). */
  records: RecordUseCases<In>;
  roles: { read: readonly Role[]; write: readonly Role[] };
  /** e.g. "/v1/jobseekers" */
  path: string;
  tag: string;
  input: z.ZodObject;
  stored: z.ZodObject;
  bulkBodyLimit: number;
  /** Labels the record's taxonomy concepts in the language a reader asks for (GET …/:id?lang=sv). */
  labels: ConceptLabel;
  /** The language of a label `labels` gives from another language (the taxonomy has none in the one asked for). */
  fallbackLanguage: FallbackLanguage;
}

/** GET …/:id: the language of the concepts' labels in `normalized`. */
const readQuery = z
  .object({ lang: language.optional().describe("Language of the skill and occupation labels in `normalized` (without it: as stored, in the language of the record's text)") })
  .strict();

/**
 * What a PUT expects to find stored, from its conditional headers: `If-None-Match: *` a create,
 * `If-Match` a change of the version it names. Without either, an API key's PUT creates or replaces
 * (bulk and integration clients); the web app (a session) must send one, so that it never
 * overwrites unknowingly.
 */
function expectation(request: FastifyRequest): Expectation | undefined {
  const ifNoneMatch = request.headers['if-none-match'];
  const ifMatch = request.headers['if-match'];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*' || ifMatch !== undefined) {
      throw invalidInput([problem('If-None-Match', 'create_only')]);
    }
    return { absent: true };
  }
  if (ifMatch !== undefined) return { versions: versionsOf(ifMatch) };
  const key = request.headers.authorization?.startsWith('Bearer ') || request.headers['x-api-key'] !== undefined;
  if (!key && sessionToken(request) !== undefined) throw versionRequired();
  return undefined;
}


/** Create, replace, read, list and delete one kind of record, single and in bulk. */
export function recordRoutes<In extends BaseRecord>(options: RecordRouteOptions<In>): FastifyPluginAsyncZod {
  const { records, path, tag, stored, roles } = options;
  const personal = records.personal;
  // A record read from the API and sent back as it was keeps working: its `version` is accepted and
  // not stored (a change of one version is asked for with If-Match).
  const input = options.input.extend({ version: z.number().int().nonnegative().optional().describe('Ignored: the stored version is the ETag (send it as If-Match)') });
  const name = records.name;
  const read = { roles: roles.read };
  const write = { roles: roles.write };
  const replaceBody = input.extend({ id: recordId.optional().describe('If given, must equal the id in the path') });
  const tabular = path.split('/').pop() ?? '';
  if (!isTabularKind(tabular)) throw new Error(`${path}: not a path of records with spreadsheet columns`);
  return async (app) => {
    // CSV bodies as bytes: decoded in the route, in the charset the Content-Type names.
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: options.bulkBodyLimit }, (_request, body, done) => done(null, body));

    app.get(
      `${path}.csv`,
      {
        config: read,
        schema: {
          tags: [tag],
          summary: `Every ${name} the caller may read, as a spreadsheet for Excel in Finland`,
          description:
            'UTF-8 with a byte order mark, `;` between cells, decimal comma; headers, yes/no words, dates (1.3.2026) and working time ' +
            'in `lang`. The same columns POST ' + path + '/bulk takes as text/csv: an export imported again gives the same records.',
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const all = (await records.export(request.principal!, request.query.owner !== undefined, request.audited));
        return sendCsv(reply, tabular, toCsv(all, exportColumns(tabular, request.query.lang)));
      },
    );

    app.post(
      path,
      {
        config: write,
        schema: {
          querystring: noQuery,
          tags: [tag],
          summary: `Create a ${name}`,
          body: input,
          response: { 201: stored, 400: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const record = await records.create(request.principal!, request.body as unknown as In, request.audited);
        return reply.status(201).header('etag', etagOf(record)).send(record);
      },
    );

    app.get(
      path,
      {
        config: read,
        schema: {
          tags: [tag],
          summary: `List ${name} records by id`,
          querystring: listQuery,
          response: { 200: recordPage(stored) },
        },
      },
      async (request) => {
        const { items, next } = await records.list(request.principal!, request.query, request.audited);
        return next ? { items, next } : { items };
      },
    );

    app.get(
      `${path}/:id`,
      {
        config: read,
        schema: { querystring: readQuery, tags: [tag], summary: `Fetch a ${name}`, params: idParams, response: { 200: stored, 404: errorBody } },
      },
      async (request, reply) => {
        const record = await records.get(request.principal!, request.params.id, request.audited);
        const lang = request.query.lang;
        const shown = lang && 'normalized' in record ? { ...record, normalized: labelledIn(record.normalized, lang, options.labels, options.fallbackLanguage) } : record;
        return reply.header('etag', etagOf(record)).send(shown);
      },
    );

    app.put(
      `${path}/:id`,
      {
        config: write,
        schema: {
          querystring: noQuery,
          tags: [tag],
          summary: `Create or replace a ${name}`,
          description:
            'Conditional: `If-None-Match: *` creates and never replaces (412 `id_taken` when the id exists); ' +
            '`If-Match: <ETag of GET>` replaces only that version (412 `version_mismatch` when it was changed meanwhile). ' +
            'Without either an API key creates or replaces; the web app (a session) must send one (428 `version_required`).',
          params: idParams,
          body: replaceBody,
          response: { 200: stored, 201: stored, 400: errorBody, 412: errorBody, 428: errorBody },
        },
      },
      async (request, reply) => {
        const body = request.body as unknown as Omit<In, 'id'> & { id?: string };
        const { record: saved, created } = await records.put(request.principal!, request.params.id, body, () => expectation(request), request.audited);
        return reply.status(created ? 201 : 200).header('etag', etagOf(saved)).send(saved);
      },
    );

    app.delete(
      `${path}/:id`,
      {
        config: write,
        schema: {
          querystring: noQuery,
          tags: [tag],
          summary: personal ? `Erase a ${name} (GDPR): record, vector, shares; audit keeps a tombstone` : `Delete a ${name}`,
          params: idParams,
          response: { 204: z.null(), 404: errorBody },
        },
      },
      async (request, reply) => {
        await records.remove(request.principal!, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${path}/bulk`,
      {
        bodyLimit: options.bulkBodyLimit,
        config: write,
        schema: {
          querystring: noQuery,
          tags: [tag],
          summary: `Create or replace many ${name} records (NDJSON or CSV, atomic)`,
          description:
            'Content-Type: application/x-ndjson, one record per line, or text/csv (a spreadsheet: comma, semicolon or tab; ' +
            `column names in Finnish, Swedish or English as GET ${path}.csv writes them; charset=windows-1252 for Excel's ` +
            '"CSV (semicolon separated)"). The batch is atomic: if any line is invalid nothing is stored and every problem ' +
            'is reported with its line number and field, in the Accept-Language.',
          response: { 200: bulkResult, 400: errorBody, 413: errorBody, 415: errorBody },
        },
      },
      async (request) => {
        const batch = bulkRecords(tabular, request.body, request.headers['content-type'], input, records.maxBatch) as unknown as In[];
        return records.putMany(request.principal!, batch, request.audited);
      },
    );

    app.post(
      `${path}/bulk-delete`,
      {
        bodyLimit: options.bulkBodyLimit,
        config: write,
        schema: {
          querystring: noQuery,
          tags: [tag],
          summary: personal ? `Erase many ${name} records (GDPR, atomic)` : `Delete many ${name} records (atomic)`,
          body: bulkDeleteBody,
          response: { 200: bulkDeleteResult, 400: errorBody, 413: errorBody },
        },
      },
      async (request) => records.removeMany(request.principal!, request.body.ids),
    );
  };
}
