/**
 * `npm run import -- vacancies|jobseekers|trainings|outcomes FILE [options]`: imports a file into the running
 * service, through its API (so a key's organisation and role apply, and the service may keep
 * running).
 *
 *   --format ndjson|jobposting|csv   default: from the file (.csv, .json/.jsonld, or the first NDJSON line)
 *   --source NAME                    the feed's name, part of each JobPosting's id (default: the file's name)
 *   --url URL                        default KOHTAANTO_URL or http://127.0.0.1:8080
 *   --key KEY                        default KOHTAANTO_API_KEY
 *   --batch N                        records per atomic batch (default 500)
 *   --postal-codes FILE              postal code → municipality table (CSV), for JobPostings whose
 *                                    address has a postal code but no municipality (default KOHTAANTO_POSTAL_CODES)
 *   --restart                        ignore the checkpoint of an interrupted run and read from the start
 *   --encoding NAME                  CSV: the file's character set, utf-8 (default) or windows-1252
 *                                    (Finnish Excel's "CSV (semicolon separated)"; also iso-8859-1, iso-8859-15).
 *                                    A file that is not valid UTF-8 is refused unless another is named.
 *
 * Streams the file; shows records/s and the time left on a terminal (plain lines otherwise); prints
 * a summary: created, updated, unchanged, refused with line and reason, fields not used. Running it
 * again is safe: unchanged records are only compared. An interrupted import (Ctrl-C, the service
 * gone) leaves whole batches stored and a checkpoint; the same command resumes after the last
 * stored batch (the file must be unchanged; `--restart` reads it all again).
 * Outcomes from registers are all or nothing, as the API's bulk route is: the whole file is checked first
 * (each batch sent with dryRun=true), and one bad line refuses the file, every bad line named and nothing stored.
 * Exit code 0: all stored; 3: some records refused; 2: bad arguments or a file not in its encoding (nothing sent); 1: failed.
 */
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { firstLineOf, formatOf, invalidUtf8Line, isImportFormat, readRecords, type ReadProgress } from '../adapters/imports/readers.js';
import { csvEncoding } from '../core/imports/tabular.js';
import { CheckpointFile } from '../adapters/imports/checkpoints.js';
import { readPostalCodes } from '../adapters/imports/postal-codes.js';
import { importRecords, type BatchSink, type ImportSummary } from '../core/imports/importer.js';
import { jobseekerInput } from '../core/jobseekers/schema.js';
import { trainingInput } from '../core/trainings/schema.js';
import { vacancyInput } from '../core/vacancies/schema.js';
import { outcomeInput } from '../core/outcomes/schema.js';
import { loadImporterConfig } from '../config.js';

const SCHEMAS = { vacancies: vacancyInput, jobseekers: jobseekerInput, trainings: trainingInput, outcomes: outcomeInput };
/** Kinds a bad line refuses as a whole file (checked first, stored only when every line is good). */
const WHOLE_FILE: ReadonlySet<Kind> = new Set(['outcomes']);
type Kind = keyof typeof SCHEMAS;
const isKind = (kind: string): kind is Kind => Object.hasOwn(SCHEMAS, kind);

/** What the bulk route answers: its counts, or why it refused (each part optional: a proxy's error page has none). */
const bulkAnswer = z.object({
  created: z.number().optional(),
  updated: z.number().optional(),
  unchanged: z.number().optional(),
  message: z.string().optional(),
  problems: z.array(z.object({ field: z.string(), message: z.string(), line: z.number().optional() })).optional(),
});

/** The service's bulk route as the importer's sink. */
function httpSink(url: string, key: string, kind: Kind, dryRun = false): BatchSink {
  return {
    async send(records) {
      const response = await fetch(`${url}/v1/${kind}/bulk${dryRun ? '?dryRun=true' : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
        body: records.map((r) => JSON.stringify(r)).join('\n') + '\n',
      });
      const answer = bulkAnswer.safeParse(await response.json().catch(() => ({})));
      const body = answer.success ? answer.data : {};
      if (response.ok) return { created: body.created ?? 0, updated: body.updated ?? 0, unchanged: body.unchanged ?? 0 };
      if (response.status === 401 || response.status === 429 || response.status >= 500) {
        throw new Error(`the service answered ${response.status}: ${body.message ?? response.statusText}`);
      }
      return { refused: body.problems ?? [], message: `${response.status}: ${body.message ?? response.statusText}` };
    },
  };
}

/** Records/s and time left, on one line rewritten in place (a terminal) or a line every few seconds. */
function progressReporter(progress: ReadProgress, started: number, readBefore: number) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (summary: ImportSummary, final = false) => {
    const now = Date.now();
    if (!final && now - last < (tty ? 200 : 5000)) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = (summary.read - readBefore) / Math.max(seconds, 0.001);
    const share = progress.totalBytes > 0 ? progress.bytesRead / progress.totalBytes : 1;
    const eta = share > 0 && share < 1 ? Math.round((seconds / share) * (1 - share)) : 0;
    const bar = tty ? `[${'#'.repeat(Math.round(share * 20)).padEnd(20, '.')}] ` : '';
    const line = `${bar}${Math.round(share * 100)} % · ${summary.read} records · ${Math.round(rate)} records/s · ${final ? `${Math.round(seconds)} s` : `${eta} s left`}`;
    if (tty) process.stderr.write(`\r${line}${final ? '\n' : ''}`);
    else process.stderr.write(`${line}\n`);
  };
}

function printRefused(summary: ImportSummary) {
  for (const r of summary.refused.slice(0, 50)) console.log(`  refused line ${r.line}: ${r.field}: ${r.message}`);
  if (summary.refused.length > 50) console.log(`  … and ${summary.refused.length - 50} more`);
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, source: { type: 'string' }, url: { type: 'string' }, key: { type: 'string' }, batch: { type: 'string' }, restart: { type: 'boolean' }, 'postal-codes': { type: 'string' }, encoding: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if (!kind || !isKind(kind) || !file) {
    console.error('usage: npm run import -- vacancies|jobseekers|trainings|outcomes FILE [--format ndjson|jobposting|csv] [--source NAME] [--url URL] [--key KEY] [--batch N] [--postal-codes FILE] [--restart] [--encoding utf-8|windows-1252]');
    return 2;
  }
  const env = loadImporterConfig();
  const key = values.key ?? env.key;
  if (!key) {
    console.error('an API key is needed: --key KEY or KOHTAANTO_API_KEY');
    return 2;
  }
  const format = values.format ?? formatOf(file, firstLineOf(file));
  if (!isImportFormat(format)) {
    console.error('--format is ndjson, jobposting or csv');
    return 2;
  }
  if (format === 'jobposting' && kind !== 'vacancies') {
    console.error('JobPosting records are vacancies');
    return 2;
  }
  const encoding = values.encoding === undefined ? 'utf-8' : csvEncoding(values.encoding);
  if (!encoding) {
    console.error(`--encoding '${values.encoding}' is not supported: utf-8, windows-1252 (also iso-8859-1, iso-8859-15)`);
    return 2;
  }
  if (encoding !== 'utf-8' && format !== 'csv') {
    console.error('--encoding is for CSV files: JSON is always UTF-8');
    return 2;
  }
  if (encoding === 'utf-8') {
    // Checked before anything is sent: text that is not UTF-8 would be stored with replacement characters.
    const bad = await invalidUtf8Line(file);
    if (bad !== undefined) {
      console.error(
        `${file}, line ${bad}: the file is not UTF-8: save it as "CSV UTF-8", or give its encoding: --encoding windows-1252 (Excel's "CSV (semicolon separated)")`,
      );
      return 2;
    }
  }
  const batchSize = values.batch ? Number(values.batch) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error('--batch is a whole number from 1 to 10000');
    return 2;
  }
  const source = values.source ?? basename(file, extname(file));
  const url = (values.url ?? env.url).replace(/\/$/, '');
  const progress: ReadProgress = { bytesRead: 0, totalBytes: 0 };
  const postalFile = values['postal-codes'] ?? env.postalCodes;
  const postal = postalFile ? readPostalCodes(postalFile) : undefined;
  if (postal) console.error(`${postal.size} postal codes read${postal.unknownRows > 0 ? ` (${postal.unknownRows} rows name no Finnish municipality)` : ''}`);
  if (WHOLE_FILE.has(kind)) {
    const checked = await importRecords(readRecords(file, format, kind, source, { bytesRead: 0, totalBytes: 0 }, postal?.lookup, encoding), SCHEMAS[kind], httpSink(url, key, kind, true), { batchSize });
    if (checked.refused.length > 0) {
      console.log(`${file} (${format}) → ${kind}: ${checked.read} read, ${checked.refused.length} refused: nothing stored (a bad line refuses the whole file)`);
      printRefused(checked);
      return 3;
    }
  }
  const checkpoint = new CheckpointFile(file, { kind, source, url });
  const resumeFrom = values.restart ? undefined : checkpoint.load();
  const report = progressReporter(progress, Date.now(), resumeFrom?.summary.read ?? 0);
  if (resumeFrom) console.error(`resuming after line ${resumeFrom.line} (stored by an interrupted run; --restart to read from the start)`);
  const summary = await importRecords(readRecords(file, format, kind, source, progress, postal?.lookup, encoding), SCHEMAS[kind], httpSink(url, key, kind), {
    batchSize,
    resumeFrom,
    onBatch: (s) => report(s),
    onCheckpoint: (c) => checkpoint.save(c),
  });
  checkpoint.remove();
  report(summary, true);

  console.log(`${file} (${format}) → ${kind}: ${summary.read} read, ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.refused.length} refused`);
  printRefused(summary);
  for (const [field, n] of summary.unmapped) console.log(`  not used (${n} records): ${field}`);
  return summary.refused.length > 0 ? 3 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`import stopped: ${error.message} (whole batches before this one are stored; run again to resume)`);
    process.exitCode = 1;
  },
);
