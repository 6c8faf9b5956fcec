import type { FastifyInstance, onResponseHookHandler } from 'fastify';
import type { ServiceMetrics } from '../runtime/metrics.js';

/**
 * Each route's latency histogram (kohtaanto_http_request_duration_seconds): a hook of its own is
 * added to every route as it is registered, knowing its pattern and method (never the raw URL, so
 * no id or name reaches a label). Per request it reads the status and fastify's elapsed time and
 * makes one observe: no lookup of the route, no label object (see `npm run bench:metrics-hook`). Install before the routes; requests
 * no route answers (404) are not timed.
 */
export function installRequestTimes(app: FastifyInstance, metrics: Pick<ServiceMetrics, 'routeTimer'>): void {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const method = [route.method].flat().join(',');
    const time = metrics.routeTimer(url, method);
    const hook: onResponseHookHandler = (_request, reply, done) => {
      time(reply.statusCode, reply.elapsedTime);
      done();
    };
    const existing = route.onResponse;
    route.onResponse = existing === undefined ? [hook] : [...[existing].flat(), hook];
  });
}
