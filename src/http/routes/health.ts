import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ACCESS } from '../../core/access.js';
import { health, healthWithCounts } from '../../core/health/schema.js';
import type { Services } from '../../runtime/compose.js';
import { noQuery } from './shared.js';

/** The services these routes use (nothing else of the composition reaches them). */
export type HealthServices = Pick<Services, 'health'>;

/**
 * Liveness and what the service runs on (embedder, taxonomy): public, for load balancers and anyone.
 * The stored and indexed records per kind only for admins: a count anyone could poll before and after
 * a person's visit would tell whether a client record was created or erased.
 */
export function healthRoutes(services: HealthServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: {
          tags: ['service'],
          summary: 'Service status (public): ok or degraded with the problems, embedder, taxonomy; no record counts',
          security: [],
          response: { 200: health },
        },
      },
      async () => services.health.status(),
    );
    app.get(
      '/v1/admin/health',
      {
        config: { roles: ACCESS.healthCounts },
        schema: {
          tags: ['service'],
          summary: "Service status with the stored and indexed records of each kind, and the problems' record counts (admins)",
          querystring: noQuery,
          response: { 200: healthWithCounts },
        },
      },
      async () => services.health.withCounts(),
    );
  };
}
