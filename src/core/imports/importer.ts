import type { z } from 'zod';
import type { FieldProblem } from '../errors.js';
import { problemsFrom } from '../ndjson.js';

/** A record read from a source, before validation. */
export interface ReadRecord {
  line: number;
  /** As read (a JSON value of an NDJSON line, a mapped JobPosting, a CSV row's fields): the schema checks it. */
  record?: unknown;
  problems: FieldProblem[];
  unmapped: string[];
}

/** Where valid records go: one atomic batch per call (the service's bulk route). */
export interface BatchSink {
  /** Stores a batch; or the problems, by 1-based position in the batch, that refused it as a whole. */
  send(records: unknown[]): Promise<{ created: number; updated: number; unchanged: number } | { refused: FieldProblem[]; message: string }>;
}

/** Times a batch is sent, each time without the records the service refused by position. */
const SEND_ATTEMPTS = 3;

export interface ImportSummary {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: { line: number; field: string; message: string }[];
  /** Source fields not used, and how many records had each. */
  unmapped: Map<string, number>;
}

/** Where an interrupted import got to: records up to `line` are stored (or refused), as `summary` says. */
export interface ImportCheckpoint {
  line: number;
  summary: ImportSummary;
}

/**
 * Reads, validates and stores records in atomic batches. A record the schema refuses is reported
 * with its line and field and left out; a batch the service refuses for some records is sent again
 * without them (so one bad record does not hold back the others); a record equal to the stored one
 * is counted unchanged (nothing re-embedded), so running an import again — after an interruption,
 * or with a changed file — stores only what is new or changed.
 */
export async function importRecords(
  records: AsyncIterable<ReadRecord>,
  schema: z.ZodType,
  sink: BatchSink,
  options: {
    batchSize: number;
    onBatch?: (summary: ImportSummary) => void;
    /** Resume after an interruption: records up to its line are skipped, its summary continued. */
    resumeFrom?: ImportCheckpoint;
    /** Called after each batch is stored, with the line every record up to which is done. */
    onCheckpoint?: (checkpoint: ImportCheckpoint) => void;
  },
): Promise<ImportSummary> {
  const resumed = options.resumeFrom;
  const summary: ImportSummary = resumed
    ? { ...resumed.summary, refused: [...resumed.summary.refused], unmapped: new Map(resumed.summary.unmapped) }
    : { read: 0, created: 0, updated: 0, unchanged: 0, refused: [], unmapped: new Map() };
  const skipUpTo = resumed?.line ?? 0;
  let batch: { line: number; record: unknown }[] = [];
  let lastLine = skipUpTo;

  const flush = async () => {
    let pending = batch;
    batch = [];
    let lastRefusal = '';
    for (let attempt = 0; pending.length > 0 && attempt < SEND_ATTEMPTS; attempt++) {
      const result = await sink.send(pending.map((p) => p.record));
      if (!('refused' in result)) {
        summary.created += result.created;
        summary.updated += result.updated;
        summary.unchanged += result.unchanged;
        pending = [];
        break;
      }
      const positions = new Set(result.refused.flatMap((p) => (p.line ? [p.line] : [])));
      if (positions.size === 0) {
        // Refused as a whole (e.g. a vacancy of another unit, a full disk): every record of it.
        for (const p of pending) summary.refused.push({ line: p.line, field: 'batch', message: result.message });
        pending = [];
        break;
      }
      for (const problem of result.refused) {
        const refused = problem.line ? pending[problem.line - 1] : undefined;
        if (refused) summary.refused.push({ line: refused.line, field: problem.field, message: problem.message });
      }
      pending = pending.filter((_p, i) => !positions.has(i + 1));
      lastRefusal = result.message;
    }
    // Still refused after the last attempt (an answer lists at most MAX_PROBLEMS_LISTED refusals): not
    // stored, and reported as such rather than left out of the summary.
    for (const p of pending) {
      summary.refused.push({ line: p.line, field: 'batch', message: `not stored: the batch was refused ${SEND_ATTEMPTS} times (${lastRefusal}); import it again` });
    }
    options.onBatch?.(summary);
    options.onCheckpoint?.({ line: lastLine, summary });
  };

  for await (const read of records) {
    if (read.line <= skipUpTo) continue;
    lastLine = read.line;
    summary.read++;
    for (const u of read.unmapped) {
      const kind = u.replace(/'[^']*'/g, '…');
      summary.unmapped.set(kind, (summary.unmapped.get(kind) ?? 0) + 1);
    }
    if (!read.record || read.problems.length > 0) {
      for (const p of read.problems) summary.refused.push({ line: read.line, field: p.field, message: p.message });
      continue;
    }
    const parsed = schema.safeParse(read.record);
    if (!parsed.success) {
      for (const p of problemsFrom(parsed.error, read.line)) summary.refused.push({ line: read.line, field: p.field, message: p.message });
      continue;
    }
    batch.push({ line: read.line, record: read.record });
    if (batch.length >= options.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  else options.onCheckpoint?.({ line: lastLine, summary });
  return summary;
}
