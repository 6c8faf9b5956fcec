import type { z } from 'zod';
import { invalidInput, problem } from '../core/errors.js';
import type { TabularKind } from '../core/imports/tabular.js';
import { parseNdjson } from '../core/ndjson.js';
import { charsetOf, recordsFromCsv } from './csv.js';

/**
 * The records of a bulk route's body, each validated against `schema`: NDJSON (a string, one record
 * per line) or CSV (bytes, decoded in the charset the Content-Type names; src/http/csv.ts). Every
 * problem is reported with its line and field, and nothing is stored; more than `maxRecords` is refused.
 * `lines`, when given, receives each returned record's line in the body (for problems found later, by the use case).
 */
export function bulkRecords<S extends z.ZodType>(kind: TabularKind, body: unknown, contentType: string | undefined, schema: S, maxRecords: number, lines?: number[]): z.output<S>[] {
  if (Buffer.isBuffer(body)) return recordsFromCsv(kind, body, charsetOf(contentType), schema, maxRecords, lines);
  if (typeof body === 'string') return parseNdjson(body, schema, maxRecords, undefined, lines);
  throw invalidInput([problem('body', 'ndjson_or_csv')]);
}
