import type { FastifyInstance } from 'fastify';
import type { Services } from '../../runtime/compose.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The use-case services the routes call (src/runtime/compose.ts wires them). */
    services: Services;
  }
}

/**
 * Decorates the app with the composed services, and closes them (timers, indexes written,
 * database) when the app closes.
 */
export function installServices(app: FastifyInstance, services: Services): void {
  app.decorate('services', services);
  app.addHook('onClose', async () => services.close());
}
