import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '../../core/access.js';
import { z } from 'zod';
import { invalidInput, notFound, problem, versionRequired } from '../../core/errors.js';
import type { BaseRecord } from '../../core/kinds.js';
import { parseNdjson } from '../../core/ndjson.js';
import type { RecordAccess } from '../../core/record-access.js';
import { etagOf, versionsOf, type Expectation, type RecordService } from '../../core/records.js';
import { sessionToken } from '../auth.js';
import { idParams, recordId } from '../../core/schemas/common.js';
import { bulkDeleteBody, bulkDeleteResult, bulkResult, exportQuery, listQuery, recordPage } from '../../core/schemas/records.js';
import type { TabularKind } from '../../core/imports/tabular.js';
import { exportColumns } from '../../core/imports/tabular.js';
import { charsetOf, recordsFromCsv, sendCsv, toCsv } from '../csv.js';
import { errorBody, noQuery } from './shared.js';

export interface RecordRouteOptions<In extends BaseRecord> {
  service: RecordService<In>;
  roles: { read: readonly Role[]; write: readonly Role[] };
  /**
   * For personal data (jobseekers): reads and writes are audited by id, and deletion is GDPR
   * erasure (record, vector, shares; the audit trail keeps a tombstone).
   */
  personal?: { erase(ids: string[], keyId?: string): { erased: string[]; notFound: string[] } };
  /** The organisation boundary for this kind (src/core/record-access.ts). */
  access: RecordAccess;
  /** e.g. "/v1/jobseekers" */
  path: string;
  tag: string;
  input: z.ZodObject;
  stored: z.ZodObject;
  bulkBodyLimit: number;
}

/** Records read per page while exporting. */
const EXPORT_PAGE = 500;

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

/** Stored records are plain JSON objects; the response schema checks their shape. */
const asJson = (record: object) => record as Record<string, unknown>;

/** Create, replace, read, list and delete one kind of record, single and in bulk. */
export function recordRoutes<In extends BaseRecord>(options: RecordRouteOptions<In>): FastifyPluginAsyncZod {
  const { service, path, tag, stored, roles, personal, access } = options;
  // A record read from the API and sent back as it was keeps working: its `version` is accepted and
  // not stored (a change of one version is asked for with If-Match).
  const input = options.input.extend({ version: z.number().int().nonnegative().optional().describe('Ignored: the stored version is the ETag (send it as If-Match)') });
  const name = service.kind.name;
  const read = { roles: roles.read };
  const write = { roles: roles.write };
  /** Records which jobseekers a request touched, for the audit log. */
  const touched = (request: FastifyRequest, ids: string[]) => {
    if (personal) request.audited.jobseekers.push(...ids);
  };
  const replaceBody = input.extend({ id: recordId.optional().describe('If given, must equal the id in the path') });
  const tabular = path.split('/').pop() as TabularKind;
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
        const within = access.listWithin(request.principal!);
        const ids = request.query.owner ? access.owned(request.principal!) : undefined;
        const records: Record<string, unknown>[] = [];
        for (let after = ''; ; ) {
          const page = service.list({ limit: EXPORT_PAGE, after, within, ids });
          records.push(...page.map(asJson));
          if (page.length < EXPORT_PAGE) break;
          after = page[page.length - 1]!.id;
        }
        touched(request, records.map((r) => String(r.id)));
        return sendCsv(reply, tabular, toCsv(records, exportColumns(tabular, request.query.lang)));
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
        const body = request.body as unknown as In;
        access.write(request.principal!, [body]);
        const record = await service.create(body, access.within(request.principal!));
        touched(request, [record.id]);
        return reply.status(201).header('etag', etagOf(record)).send(asJson(record));
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
        const { q, owner, ...page } = request.query;
        const ids = owner ? access.owned(request.principal!) : undefined;
        const records = service.list({ ...page, search: q, ids, within: access.listWithin(request.principal!) });
        touched(request, records.map((r) => r.id));
        const items = records.map(asJson);
        const next = records.length === request.query.limit ? records[records.length - 1]?.id : undefined;
        return next ? { items, next } : { items };
      },
    );

    app.get(
      `${path}/:id`,
      {
        config: read,
        schema: { querystring: noQuery, tags: [tag], summary: `Fetch a ${name}`, params: idParams, response: { 200: stored, 404: errorBody } },
      },
      async (request, reply) => {
        access.read(request.principal!, request.params.id);
        const record = service.get(request.params.id);
        touched(request, [record.id]);
        return reply.header('etag', etagOf(record)).send(asJson(record));
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
        const body = request.body as { id?: string };
        if (body.id !== undefined && body.id !== request.params.id) {
          throw invalidInput([problem('id', 'id_differs', { body: body.id, path: request.params.id })]);
        }
        const record = { ...body, id: request.params.id } as unknown as In;
        // The organisation boundary first: a record the caller may not change answers 403/404 as
        // before, never a precondition failure telling that it exists or its version.
        access.write(request.principal!, [record]);
        const expect = expectation(request);
        const { record: saved, created } = await service.put(record, access.within(request.principal!), expect);
        touched(request, [saved.id]);
        return reply.status(created ? 201 : 200).header('etag', etagOf(saved)).send(asJson(saved));
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
        access.remove(request.principal!, [request.params.id]);
        if (!personal) {
          service.remove(request.params.id);
          access.removed([request.params.id]);
        } else if (personal.erase([request.params.id], request.principal?.keyId).erased.length === 0) {
          throw notFound(name, request.params.id);
        }
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
        const records = (
          Buffer.isBuffer(request.body)
            ? recordsFromCsv(tabular, request.body, charsetOf(request.headers['content-type']), input, service.maxBatch)
            : typeof request.body === 'string'
              ? parseNdjson(request.body, input, service.maxBatch)
              : (() => {
                  throw invalidInput([problem('body', 'ndjson_or_csv')]);
                })()
        ) as unknown as In[];
        access.write(request.principal!, records);
        const result = await service.putMany(records, access.within(request.principal!));
        touched(request, records.map((r) => r.id));
        return result;
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
      async (request) => {
        const ids = access.removable(request.principal!, request.body.ids);
        if (!personal) {
          const result = service.removeMany(ids);
          access.removed(ids.filter((id) => !result.notFound.includes(id)));
          return result;
        }
        // Ids the caller may not reach are reported as not found, exactly as unknown ones.
        const { erased } = personal.erase(ids, request.principal?.keyId);
        return { removed: erased.length, notFound: [...new Set(request.body.ids)].filter((id) => !erased.includes(id)) };
      },
    );
  };
}
