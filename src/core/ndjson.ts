import type { z } from 'zod';
import { invalidInput, tooManyRecords, type FieldProblem } from './errors.js';
import { messageOf } from './thrown.js';

/** Field problems from a zod error, each naming the field's path. */
export function problemsFrom(error: z.ZodError, line?: number): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined;
    return {
      field: unknown ?? (path || 'body'),
      message: issue.message,
      ...(line === undefined ? {} : { line }),
    };
  });
}

/**
 * Parses newline-delimited JSON, validating each line with `schema`. Blank lines are skipped.
 * All problems of all lines are reported together (at most `maxProblems`), with 1-based line numbers.
 */
export function parseNdjson<S extends z.ZodType>(
  text: string,
  schema: S,
  maxRecords: number,
  maxProblems = 100,
  /** When given, receives each returned record's line. */
  recordLines?: number[],
): z.output<S>[] {
  const lines = text.split('\n');
  const count = lines.reduce((n, line) => (line.trim().length > 0 ? n + 1 : n), 0);
  if (count > maxRecords) throw tooManyRecords(maxRecords, count);
  const records: z.output<S>[] = [];
  const problems: FieldProblem[] = [];
  for (let i = 0; i < lines.length && problems.length < maxProblems; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ line: i + 1, field: 'body', message: `not valid JSON (${messageOf(error)})` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      records.push(parsed.data);
      recordLines?.push(i + 1);
    }
    else problems.push(...problemsFrom(parsed.error, i + 1));
  }
  if (problems.length > 0) throw invalidInput(problems.slice(0, maxProblems));
  if (records.length === 0) throw invalidInput([{ field: 'body', message: 'no records: send one JSON object per line' }]);
  return records;
}
