import type { FastifyInstance } from 'fastify';
import type { AuditEntry } from '../adapters/sqlite/audit-log.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What this request did to personal data; written to the audit log when the response is sent. */
    audited: { jobseekers: string[]; detail?: unknown };
  }
}

export interface AuditWriter {
  record(entry: AuditEntry): void;
}

/** Every authenticated request leaves an audit entry: who, which route, which jobseekers, when. */
export function installAudit(app: FastifyInstance, audit: AuditWriter): void {
  app.decorateRequest('audited', null as never);
  app.addHook('onRequest', async (request) => {
    request.audited = { jobseekers: [] };
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!request.principal) return;
    audit.record({
      keyId: request.principal.keyId,
      role: request.principal.role,
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      status: reply.statusCode,
      jobseekers: request.audited.jobseekers,
      detail: request.audited.detail,
    });
  });
}
