import type { FastifyInstance } from 'fastify';

/**
 * One line per request in the service's log, written when the response is sent: method, redacted
 * URL and caller (the `req` serializer, see redact.ts), status and time taken. Fastify's own
 * request logging writes two lines a request (one when it comes in), which cost as much as a
 * tenth of a stored-profile match; a request that never completes is in the connection's error.
 */
export function installRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
}
