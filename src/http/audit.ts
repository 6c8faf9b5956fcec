import type { FastifyInstance } from 'fastify';
import type { AuditEntry } from '../adapters/sqlite/audit-log.js';
import { said } from '../core/errors.js';
import type { AuditNote } from '../core/audit-note.js';
import { sendError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** What this request did to personal data; written to the audit log when the response is sent. */
    audited: AuditNote & { erasureMark?: number };
  }
}

export interface AuditWriter {
  record(entry: AuditEntry): void;
  /** Too many entries wait unwritten (a full disk): requests are refused until they are written. */
  readonly full: boolean;
  /** The newest erasure known when a request begins (see AuditEntry.erasureMark). */
  readonly erasureMark: number;
}

/**
 * Every authenticated request, and every one authentication refused, leaves an audit entry: who
 * (the key id, never its secret), from which address, which route, which jobseekers, when. A
 * refused or failed request names the record it asked for (a jobseeker among the audited
 * jobseekers, so that erasure scrubs it; another id in the detail).
 */
export function installAudit(app: FastifyInstance, audit: AuditWriter): void {
  app.decorateRequest('audited', null as never);
  app.addHook('onRequest', async (request, reply) => {
    request.audited = { jobseekers: [], erasureMark: audit.erasureMark };
    // No answer that the trail could not record: refused while the backlog is full (a full disk).
    if (audit.full && request.routeOptions.config.roles) {
      return sendError(request, reply, said('audit_full'));
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    if (!request.principal && !request.refused) return;
    const route = request.routeOptions.url ?? request.url;
    const params: unknown = request.params;
    const asked = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
    let detail = request.audited.detail;
    if (reply.statusCode >= 400 && typeof asked === 'string') {
      if (route.startsWith('/v1/jobseekers/:id')) {
        if (!request.audited.jobseekers.includes(asked)) request.audited.jobseekers.push(asked);
      } else detail = { ...(typeof detail === 'object' && detail !== null ? detail : {}), requested: asked };
    }
    audit.record({
      keyId: request.principal?.keyId ?? request.refused?.keyId,
      ...(request.principal?.keyId.startsWith('person:') ? { person: request.principal.name } : {}),
      role: request.principal?.role,
      ...(request.principal ? { organisation: request.principal.organisation.id } : {}),
      method: request.method,
      route,
      status: reply.statusCode,
      jobseekers: request.audited.jobseekers,
      detail,
      address: request.ip,
      erasureMark: request.audited.erasureMark,
      ...(typeof asked === 'string' && route.startsWith('/v1/jobseekers/:id') ? { named: asked } : {}),
    });
  });
}
