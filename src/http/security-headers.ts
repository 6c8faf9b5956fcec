import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every response, computed once: what @fastify/helmet sent with this
 * service's settings (its defaults, without upgrade-insecure-requests: the service listens on plain
 * HTTP on loopback and /docs loads its own assets there), which rebuilt its policy strings on every
 * request (22–74 µs each). Routes that need another policy (Swagger UI at /docs) set their own.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';" +
    "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' https: 'unsafe-inline'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** Every /v1 answer may hold personal data: never kept by browsers or proxies. */
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith('/v1/')) reply.headers(NO_STORE);
  });
}
