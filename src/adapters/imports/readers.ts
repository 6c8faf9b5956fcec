import { parse } from 'csv-parse';
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { createInterface } from 'node:readline';
import { fromJobPosting, jobPostingsIn, type MappedRecord, type PostalCodes } from '../../core/imports/jobposting.js';
import { csvRow } from '../../core/imports/csv-rows.js';
import { checkHeader, detectDelimiter, headerLengthProblem, MAX_CSV_HEADER_BYTES, rowToInput, rowWidthProblem, type TabularKind } from '../../core/imports/tabular.js';
import { messageOf } from '../../core/thrown.js';

/** A record read from a file, before validation: where it was, and what mapping found. */
export interface SourceRecord extends MappedRecord<unknown> {
  /** Line (NDJSON, CSV: of the record's first line) or position (1-based, in a JSON-LD document). */
  line: number;
}

/** How far into the file reading is (for progress and ETA). */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

const IMPORT_FORMATS = ['ndjson', 'jobposting', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const isImportFormat = (format: string): format is ImportFormat => IMPORT_FORMATS.some((f) => f === format);

/** The format from the file name, or from the first record of an NDJSON file. */
export function formatOf(file: string, firstLine: string): ImportFormat {
  if (/\.(csv|tsv|txt)$/i.test(file)) return 'csv';
  if (/\.(jsonld|json)$/i.test(file)) return 'jobposting';
  return /"@type"\s*:\s*("JobPosting"|\[[^\]]*"JobPosting")/.test(firstLine) ? 'jobposting' : 'ndjson';
}

/** The file's first `bytes` bytes (fewer when it is shorter). */
function headOf(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, readSync(fd, head, 0, head.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The file's first line (from its first 64 KiB only). */
export function firstLineOf(file: string): string {
  return headOf(file, 64 * 1024).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

/**
 * The first line of a file that is not valid UTF-8, or undefined when all of it is: streamed
 * through a strict decoder, the file never whole in memory. The line is found within the chunk that
 * failed (a byte 0x0A is never part of a longer UTF-8 sequence).
 */
export async function invalidUtf8Line(file: string): Promise<number | undefined> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    // Without an encoding, a file stream gives Buffers.
    if (!Buffer.isBuffer(chunk)) throw new Error(`${file}: the stream gave text, not bytes`);
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      const segments: Buffer[] = [];
      for (let start = 0; ; ) {
        const end = chunk.indexOf(0x0a, start);
        segments.push(chunk.subarray(start, end < 0 ? chunk.length : end));
        if (end < 0) break;
        start = end + 1;
      }
      for (const [i, segment] of segments.entries()) {
        // The first may start inside a character of the chunk before, the last end inside one of the next.
        let bytes = i === 0 ? segment.subarray(Math.min(3, segment.findIndex((b) => (b & 0xc0) !== 0x80) >>> 0)) : segment;
        if (i === segments.length - 1) bytes = bytes.subarray(0, Math.max(0, bytes.length - 3));
        if (!isUtf8(bytes)) return line + i;
      }
      return line + segments.length - 1;
    }
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) line++;
  }
  try {
    decoder.decode();
    return undefined;
  } catch {
    return line; // the file ends inside a character
  }
}

/** Bytes in a character set to text, chunk by chunk (a character split between chunks is kept whole). */
function decoding(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
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
  /** CSV: the file's character set as TextDecoder names it (default UTF-8). */
  encoding = 'utf-8',
): AsyncGenerator<SourceRecord> {
  progress.totalBytes = statSync(file).size;
  if (format === 'jobposting' && /\.(jsonld|json)$/i.test(file)) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    progress.bytesRead = progress.totalBytes;
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      yield { line: 1, problems: [{ field: 'body', message: `not JSON: ${messageOf(error)}` }], unmapped: [] };
      return;
    }
    const postings = jobPostingsIn(document);
    if (postings.length === 0) yield { line: 1, problems: [{ field: '@type', message: 'no JobPosting in the document' }], unmapped: [] };
    let position = 0;
    for (const posting of postings) yield { line: ++position, ...fromJobPosting(posting, source, postalCodes) };
    return;
  }
  const stream = createReadStream(file);
  stream.on('data', (chunk) => (progress.bytesRead += chunk.length));
  if (format === 'csv') {
    const tooLong = headerLengthProblem(headOf(file, MAX_CSV_HEADER_BYTES + 1), progress.totalBytes);
    if (tooLong) {
      // A header of a million columns is refused unread.
      yield { line: 1, problems: [tooLong], unmapped: [] };
      return;
    }
    yield* csvRecords(encoding === 'utf-8' ? stream : stream.pipe(decoding(encoding)), kind, firstLineOf(file));
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
      yield { line, problems: [{ field: 'body', line, message: `not JSON: ${messageOf(error)}` }], unmapped: [] };
      continue;
    }
    if (format === 'jobposting') {
      const [posting] = jobPostingsIn(parsed);
      if (!posting) yield { line, problems: [{ field: '@type', line, message: 'not a JobPosting' }], unmapped: [] };
      else yield { line, ...fromJobPosting(posting, source, postalCodes) };
    } else yield { line, record: parsed, problems: [], unmapped: [] };
  }
}

async function* csvRecords(stream: NodeJS.ReadableStream, kind: TabularKind, firstLine: string): AsyncGenerator<SourceRecord> {
  const parser = stream.pipe(parse({ delimiter: detectDelimiter(firstLine), bom: true, relax_column_count: true, skip_empty_lines: true, info: true }));
  let fields: (string | undefined)[] | undefined;
  let names: string[] = [];
  for await (const row of parser) {
    const { record, info } = csvRow(row);
    if (!fields) {
      const header = checkHeader(kind, record);
      fields = header.fields;
      names = record;
      if (header.problems.length > 0) {
        // A too wide header, unknown or repeated columns are refused by name before any row is read (nothing is guessed).
        yield { line: 1, problems: header.problems, unmapped: [] };
        return;
      }
      continue;
    }
    const wide = rowWidthProblem(fields, record, info.lines);
    if (wide) yield { line: info.lines, problems: [wide], unmapped: [] };
    else {
      // A cell that cannot be read as its column's type (a yes/no, a date, a number, a language) is refused by line and column.
      const { record: input, problems } = rowToInput(kind, fields, record, info.lines, names);
      yield problems.length > 0 ? { line: info.lines, problems, unmapped: [] } : { line: info.lines, record: input, problems: [], unmapped: [] };
    }
  }
}
