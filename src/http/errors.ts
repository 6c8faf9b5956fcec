import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { KohtaantoError, type ErrorCode, type FieldProblem } from '../core/errors.js';

/** The one place where errors become HTTP answers. */
const STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  already_exists: 409,
  invalid_input: 400,
  too_many_records: 413,
  model_unavailable: 503,
};

export interface ErrorBody {
  error: string;
  message: string;
  problems?: FieldProblem[];
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
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error.problems.length > 0) body.problems = error.problems;
    return reply.status(STATUS[error.code]).send(body);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = validationProblems(error);
    const where = error.validationContext ?? 'request';
    const message = `invalid ${where}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`;
    return reply.status(400).send({ error: 'invalid_input', message, problems } satisfies ErrorBody);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
    return reply.status(status).send({ error: code, message: error.message } satisfies ErrorBody);
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: 'internal', message: 'internal error' } satisfies ErrorBody);
}
