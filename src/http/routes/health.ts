import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health } from '../../core/health/schema.js';
import type { Services } from '../../runtime/compose.js';

/** The services these routes use (nothing else of the composition reaches them). */
export type HealthServices = Pick<Services, 'health'>;

/** Liveness and what the service runs on (embedder, record counts). */
export function healthRoutes(services: HealthServices): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        config: { public: true },
        schema: { tags: ['service'], summary: 'Service status (public)', security: [], response: { 200: health } },
      },
      async () => services.health.status(),
    );
  };
}
