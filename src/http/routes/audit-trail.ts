import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { auditPage, auditSearch } from '../../core/audit-trail/schema.js';
import type { Services } from '../../runtime/compose.js';
import { errorBody } from './shared.js';

/** The audit trail for admins: paged, filtered by person, organisation, route, client and period. */
export function auditTrailRoutes(services: Pick<Services, 'auditTrail'>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/v1/admin/audit',
      {
        config: { roles: ACCESS.audit },
        schema: {
          tags: ['administration'],
          summary: 'The audit trail, newest first, a page at a time (next: before=<next>)',
          querystring: auditSearch,
          response: { 200: auditPage, 400: errorBody },
        },
      },
      async (request) => services.auditTrail.page(request.query),
    );
  };
}
