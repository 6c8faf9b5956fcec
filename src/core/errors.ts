/**
 * The one catalogue of domain errors. Core and adapters throw these; the HTTP layer maps each
 * code to a status in one place (src/http/errors.ts).
 */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'rate_limited'
  | 'storage_full'
  | 'already_exists'
  | 'conflict'
  | 'invalid_input'
  | 'too_many_records'
  | 'model_unavailable'
  | 'index_unavailable';

export interface FieldProblem {
  /** Path of the offending field, e.g. "skills.3" or "municipality". */
  field: string;
  message: string;
  /** 1-based line number for NDJSON bulk bodies. */
  line?: number;
}

export class KohtaantoError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'KohtaantoError';
  }
}

export const notFound = (kind: string, id: string) =>
  new KohtaantoError('not_found', `${kind} '${id}' does not exist`);

export const alreadyExists = (kind: string, id: string) =>
  new KohtaantoError('already_exists', `${kind} '${id}' already exists; use PUT to replace it`);

/**
 * A counsellor asked for a jobseeker who is not a client of their employment area: the same answer
 * whether the id belongs to another area's client or to no one (the answer must not tell which).
 */
export const notInArea = (id: string) =>
  new KohtaantoError('not_found', `no jobseeker '${id}' in your employment area (another area's client is reached by an approved transfer: POST /v1/jobseekers/${id}/transfers)`);

/** Most problems an error answer lists; beyond them it gives their number (`problemCount`). */
export const MAX_PROBLEMS_LISTED = 100;

export const invalidInput = (problems: FieldProblem[], message?: string) => {
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  const more = problems.length - listed.length;
  const text = listed.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.field}: ${p.message}`).join('; ');
  const error = new KohtaantoError('invalid_input', message ?? (more > 0 ? `${text}; and ${more} more (${problems.length} problems)` : text), listed);
  return more > 0 ? Object.assign(error, { problemCount: problems.length }) : error;
};

export const tooManyRecords = (limit: number, got: number) =>
  new KohtaantoError('too_many_records', `a batch holds at most ${limit} records, got ${got}`, [
    { field: 'body', message: `at most ${limit} records per request` },
  ]);

/** The request cannot be done in the record's present state (e.g. a share for a vacancy no unit owns). */
export const conflict = (message: string) => new KohtaantoError('conflict', message);

/** The caller's organisation may not see or change this record (roles are checked before, in HTTP). */
export const forbidden = (message: string) => new KohtaantoError('forbidden', message);

export const rateLimited = (message: string, retryAfterSeconds: number) =>
  Object.assign(new KohtaantoError('rate_limited', message), { retryAfterSeconds });

/** The disk holding the data directory is full: nothing was written. */
export const storageFull = () =>
  new KohtaantoError('storage_full', 'the data disk is full: nothing was stored; free space and retry');

/** Matching cannot answer yet: the vector index is being rebuilt (or this worker is restarting). */
export const indexUnavailable = (message: string, retryAfterSeconds: number) =>
  Object.assign(new KohtaantoError('index_unavailable', message), { retryAfterSeconds });
