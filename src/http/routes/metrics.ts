import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';
import { metricsUnavailable, said } from '../../core/errors.js';
import { sendError } from '../errors.js';

/** Who may read the metrics (KOHTAANTO_METRICS, KOHTAANTO_METRICS_KEY). */
export type MetricsAccess = Config['metrics'];

/** The metrics text, of this process or (several workers) of all of them merged. */
export type Scrape = () => Promise<{ contentType: string; text: string }>;

const isLoopback = (address: string | undefined) => address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/**
 * A caller on this machine talking to the service directly: the connection comes from loopback and
 * no proxy relayed it (no X-Forwarded-For or Forwarded header). A reverse proxy on this machine
 * relays remote callers over loopback; with KOHTAANTO_TRUST_PROXY=true their own X-Forwarded-For
 * would even give "127.0.0.1" as the client address, so the header's presence alone refuses.
 */
const fromThisMachine = (request: FastifyRequest) =>
  isLoopback(request.socket.remoteAddress) && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;

const sameKey = (presented: string | undefined, key: string) => {
  const a = Buffer.from(presented ?? '');
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics` in Prometheus text format, for the monitoring a municipality runs: not public,
 * read from this machine (`loopback`: see fromThisMachine; a scrape relayed by a reverse proxy is
 * refused like the remote caller it comes from) or with the metrics key (`key`); with `off` there
 * is no such route. Outside the API (no API key, no
 * audit entry: it names no person).
 */
export function metricsRoutes(access: MetricsAccess, scrape: Scrape): FastifyPluginAsyncZod {
  return async (app) => {
    if (access.access === 'off') return;
    app.get(
      '/metrics',
      {
        config: { public: true },
        schema: { hide: true },
      },
      async (request, reply) => {
        if (access.access === 'loopback' && !fromThisMachine(request)) return sendError(request, reply, said('metrics_local_only'));
        if (access.access === 'key') {
          const header = request.headers.authorization;
          const presented = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
          if (!sameKey(presented, access.key)) return sendError(request, reply.header('www-authenticate', 'Bearer'), said('metrics_key'));
        }
        let scraped;
        try {
          scraped = await scrape();
        } catch {
          return sendError(request, reply, metricsUnavailable());
        }
        return reply.header('content-type', scraped.contentType).header('cache-control', 'no-store').send(scraped.text);
      },
    );
  };
}
