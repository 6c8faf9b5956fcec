import { parse } from 'csv-parse';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fromJobPosting, jobPostingsIn, type MappedRecord, type PostalCodes } from '../../core/imports/jobposting.js';
import { detectDelimiter, headerFields, rowToRecord, type TabularKind } from '../../core/imports/tabular.js';

/** A record read from a file, before validation: where it was, and what mapping found. */
export interface SourceRecord extends MappedRecord<Record<string, unknown>> {
  /** Line (NDJSON, CSV: of the record's first line) or position (1-based, in a JSON-LD document). */
  line: number;
}

/** How far into the file reading is (for progress and ETA). */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

export type ImportFormat = 'ndjson' | 'jobposting' | 'csv';

/** The format from the file name, or from the first record of an NDJSON file. */
export function formatOf(file: string, firstLine: string): ImportFormat {
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (/\.(jsonld|json)$/i.test(file)) return 'jobposting';
  return /"@type"\s*:\s*("JobPosting"|\[[^\]]*"JobPosting")/.test(firstLine) ? 'jobposting' : 'ndjson';
}

/** The file's first line (from its first 64 KiB only). */
export function firstLineOf(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/**
 * Records of a file, streamed (a 1 GB file is never in memory at once), except JSON-LD documents
 * (.json/.jsonld: one object, an array or an @graph), which are read whole: feeds that large come
 * as NDJSON, one JobPosting per line.
 */
export async function* readRecords(
  file: string,
  format: ImportFormat,
  kind: TabularKind,
  source: string,
  progress: ReadProgress,
  postalCodes?: PostalCodes,
): AsyncGenerator<SourceRecord> {
  progress.totalBytes = statSync(file).size;
  if (format === 'jobposting' && /\.(jsonld|json)$/i.test(file)) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    progress.bytesRead = progress.totalBytes;
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      yield { line: 1, problems: [{ field: 'body', message: `not JSON: ${(error as Error).message}` }], unmapped: [] };
      return;
    }
    const postings = jobPostingsIn(document);
    if (postings.length === 0) yield { line: 1, problems: [{ field: '@type', message: 'no JobPosting in the document' }], unmapped: [] };
    let position = 0;
    for (const posting of postings) yield { line: ++position, ...(fromJobPosting(posting, source, postalCodes) as MappedRecord<Record<string, unknown>>) };
    return;
  }
  const stream = createReadStream(file);
  stream.on('data', (chunk) => (progress.bytesRead += chunk.length));
  if (format === 'csv') {
    yield* csvRecords(stream, kind, firstLineOf(file));
    return;
  }
  let line = 0;
  for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield { line, problems: [{ field: 'body', line, message: `not JSON: ${(error as Error).message}` }], unmapped: [] };
      continue;
    }
    if (format === 'jobposting') {
      const [posting] = jobPostingsIn(parsed);
      if (!posting) yield { line, problems: [{ field: '@type', line, message: 'not a JobPosting' }], unmapped: [] };
      else yield { line, ...(fromJobPosting(posting, source, postalCodes) as MappedRecord<Record<string, unknown>>) };
    } else yield { line, record: parsed as Record<string, unknown>, problems: [], unmapped: [] };
  }
}

async function* csvRecords(stream: NodeJS.ReadableStream, kind: TabularKind, firstLine: string): AsyncGenerator<SourceRecord> {
  const parser = stream.pipe(parse({ delimiter: detectDelimiter(firstLine), bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let fields: (string | undefined)[] | undefined;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!fields) {
      const header = headerFields(kind, record);
      fields = header.fields;
      if (header.unknown.length > 0) {
        // Unknown columns are refused by name before any row is read (nothing is guessed).
        yield { line: 1, problems: header.unknown.map((c) => ({ field: c, line: 1, message: 'unknown column (see README: imports)' })), unmapped: [] };
        return;
      }
      continue;
    }
    yield { line: info.lines, record: rowToRecord(kind, fields, record), problems: [], unmapped: [] };
  }
}
