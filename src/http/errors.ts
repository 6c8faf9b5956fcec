import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { acceptedLang, ERRORS, KohtaantoError, problemText, storageFull, type ErrorCode, type FieldProblem } from '../core/errors.js';

/** SQLite's "database or disk is full", or the file system's "no space left on device". */
const isDiskFull = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
};

/** Each code's status, from the catalogue (src/core/errors.ts). */
const STATUS = Object.fromEntries(Object.entries(ERRORS).map(([code, e]) => [code, e.status])) as Record<ErrorCode, number>;

export interface ErrorBody {
  error: string;
  message: string;
  problems?: FieldProblem[];
  /** All problems found, when more than the listed ones (src/core/errors.ts: MAX_PROBLEMS_LISTED). */
  problemCount?: number;
}

function validationProblems(error: FastifyError): FieldProblem[] {
  const context = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const keys = (v.params as { keys?: string[] }).keys;
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    const field = keys?.length ? keys.map((k) => (path ? `${path}.${k}` : k)).join(', ') : path;
    return { field: field || context, message: v.message ?? 'invalid' };
  });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof KohtaantoError) {
    // Texts of the catalogue in the request's language (Accept-Language; the web app sends its page's).
    const lang = acceptedLang(request.headers['accept-language']);
    const body: ErrorBody = { error: error.code, message: error.text(lang) };
    if (error.problems.length > 0) body.problems = error.problems.map(({ code: _c, params: _p, ...p }) => ({ ...p, message: problemText({ ...p, code: _c, params: _p }, lang) }));
    const problemCount = (error as { problemCount?: number }).problemCount;
    if (problemCount !== undefined) body.problemCount = problemCount;
    const retry = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    if (retry !== undefined) reply.header('retry-after', String(retry));
    return reply.status(STATUS[error.code]).send(body);
  }
  if (isDiskFull(error)) {
    request.log.error({ err: error }, 'data disk full');
    return reply.status(STATUS.storage_full).send({ error: 'storage_full', message: storageFull().message } satisfies ErrorBody);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = validationProblems(error);
    const where = error.validationContext ?? 'request';
    const message = `invalid ${where}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
    return reply.status(400).send({ error: 'invalid_input', message, problems } satisfies ErrorBody);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 408 ? 'request_timeout' : 'bad_request';
    return reply.status(status).send({ error: code, message: error.message } satisfies ErrorBody);
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: 'internal', message: 'internal error' } satisfies ErrorBody);
}
