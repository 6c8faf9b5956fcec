import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request in the service's log, written when the response is sent: method, redacted
 * URL and caller (the `req` serializer, see redact.ts), status and time taken. Fastify's default
 * writes two lines a request (one when it comes in), which cost as much as a tenth of a stored-
 * profile match; a request that never completes is in the connection's error.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
