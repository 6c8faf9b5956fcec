import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../core/access.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles admitted to the route. Every route declares roles or `public`. */
    roles?: readonly Role[];
    public?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export interface KeyVerifier {
  verify(presented: string): Principal | undefined;
}

/** Routes anyone may call: liveness and the API documentation. */
const PUBLIC_PREFIXES = ['/health', '/docs'];

const presentedKey = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
};

const deny = (reply: FastifyReply, status: 401 | 403, message: string) =>
  reply.status(status).header(status === 401 ? 'www-authenticate' : 'x-denied', 'Bearer').send({
    error: status === 401 ? 'unauthorized' : 'forbidden',
    message,
  });

export interface RouteAccess {
  method: string;
  url: string;
  roles: readonly Role[];
  public: boolean;
}

/**
 * API-key authentication and role checks. A route that declares neither roles nor `public`
 * fails the start-up, so no route is open by accident. Returns the table of every route and who
 * may call it (filled as routes are registered).
 */
export function installAuth(app: FastifyInstance, keys: KeyVerifier): RouteAccess[] {
  const table: RouteAccess[] = [];
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const methods = [route.method].flat().map(String);
    const isPublic = route.config?.public === true || PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
    if (isPublic) {
      route.config = { ...route.config, public: true };
      for (const method of methods) table.push({ method, url, roles: [], public: true });
      return;
    }
    if (!route.config?.roles || route.config.roles.length === 0) {
      throw new Error(`route ${methods.join(',')} ${url} declares no roles`);
    }
    for (const method of methods) table.push({ method, url, roles: route.config.roles, public: false });
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config.public || !config.roles) return; // public, or no route at all (404)
    const presented = presentedKey(request);
    if (!presented) return deny(reply, 401, 'an API key is required: Authorization: Bearer <key>');
    const principal = keys.verify(presented);
    if (!principal) return deny(reply, 401, 'unknown or revoked API key');
    request.principal = principal;
    if (!config.roles.includes(principal.role)) {
      return deny(reply, 403, `role '${principal.role}' may not use this route (allowed: ${config.roles.join(', ')})`);
    }
  });
  return table;
}
