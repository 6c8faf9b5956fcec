import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { acceptedLang, ERRORS, KohtaantoError, problemsText, problemText, storageFull, type ErrorCode, type FieldProblem } from '../core/errors.js';
import { codeOf } from '../core/thrown.js';

/** SQLite's "database or disk is full", or the file system's "no space left on device". */
const isDiskFull = (error: unknown) => {
  const code = codeOf(error);
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
};

/** Each code's status, from the catalogue (src/core/errors.ts). */
const statusOf = (code: ErrorCode): number => ERRORS[code].status;

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
    const keys = Array.isArray(v.params.keys) ? v.params.keys.filter((k): k is string => typeof k === 'string') : undefined;
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    const field = keys?.length ? keys.map((k) => (path ? `${path}.${k}` : k)).join(', ') : path;
    return { field: field || context, message: v.message ?? 'invalid' };
  });
}

/** An error of the catalogue answered in the request's language (Accept-Language; the web app sends its page's). */
export function sendError(request: FastifyRequest, reply: FastifyReply, error: KohtaantoError) {
  const lang = acceptedLang(request.headers['accept-language']);
  const body: ErrorBody = { error: error.code, message: error.text(lang) };
  if (error.problems.length > 0) body.problems = error.problems.map(({ code: _c, params: _p, ...p }) => ({ ...p, message: problemText({ ...p, code: _c, params: _p }, lang) }));
  const problemCount = error.problemCount;
  if (problemCount !== undefined) body.problemCount = problemCount;
  const retry = error.retryAfterSeconds;
  if (retry !== undefined) reply.header('retry-after', String(retry));
  return reply.status(statusOf(error.code)).send(body);
}

/** Fastify's own 4xx errors by status: the catalogue's code (its text in the request's language; English keeps fastify's message). */
const CODE_OF_STATUS: Record<number, ErrorCode> = { 408: 'request_timeout', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof KohtaantoError) return sendError(request, reply, error);
  if (isDiskFull(error)) {
    request.log.error({ err: error }, 'data disk full');
    return sendError(request, reply, storageFull());
  }
  const lang = acceptedLang(request.headers['accept-language']);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = validationProblems(error);
    const where = error.validationContext ?? 'request';
    const message =
      lang === 'en' ? `invalid ${where}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}` : `${ERRORS.invalid_input[lang]} ${problemsText(problems, lang)}`;
    return reply.status(400).send({ error: 'invalid_input', message, problems: problems.map((p) => ({ ...p, message: problemText(p, lang) })) } satisfies ErrorBody);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = CODE_OF_STATUS[status] ?? 'bad_request';
    // A 429 not made by the catalogue (a plugin's): its retry-after header says when.
    return reply.status(status).send({ error: code, message: lang === 'en' ? error.message : ERRORS[code][lang] } satisfies ErrorBody);
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: 'internal', message: ERRORS.internal[lang] } satisfies ErrorBody);
}
