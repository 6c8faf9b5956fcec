import { WindowCounts, type CountLink } from './window-counts.js';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../core/access.js';
import type { SessionEnd } from '../core/sessions.js';
import { said, type KohtaantoError } from '../core/errors.js';
import { sendError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles admitted to the route. Every route declares roles or `public`. */
    roles?: readonly Role[];
    public?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
    /** Set when authentication refused the request: the key id it presented, if any (never the secret). */
    refused?: { keyId?: string };
    /** The web app's session the request came with (a key's or a signed-in person's). */
    webSession?: { csrf: string; expiresAt: string };
  }
}

export interface KeyVerifier {
  verify(presented: string): Promise<Principal | undefined>;
}

/** Web app sessions (src/core/sessions.ts, and people's: src/http/signin/): a cookie's token to its caller. */
type SessionChecked = { principal: Principal; csrf: string; expiresAt: string } | { ended: SessionEnd } | undefined;
export interface SessionResolver {
  /** The session, or why it ended (the 401 says it: `ended`, for the sign-in page). */
  resolve(token: string): SessionChecked | Promise<SessionChecked>;
}

/** The web app's session cookie (HttpOnly, SameSite=Strict: see src/http/routes/session.ts). */
export const SESSION_COOKIE = 'kohtaanto_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

const csrfMatches = (expected: string, presented: unknown) => {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Routes anyone may call: liveness and the API documentation (and what a route marks `public`: the web app's files, sign-in). */
const PUBLIC_PREFIXES = ['/health', '/docs'];

const presentedKey = (request: FastifyRequest): string | undefined => {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
};

/** A refusal of the catalogue (unauthorized 401 or forbidden 403), in the request's language. */
const deny = (request: FastifyRequest, reply: FastifyReply, error: KohtaantoError) =>
  sendError(request, reply.header(error.code === 'unauthorized' ? 'www-authenticate' : 'x-denied', 'Bearer'), error);

/** Counts refused API keys and failed sign-ins per address in fixed one-minute windows. */
export class FailedAuth {
  constructor(
    private readonly perMinute: number,
    /** Refusals per address, over all worker processes when linked (see WindowCounts). */
    private readonly counts = new WindowCounts(60_000),
  ) {}

  /** Seconds until the address may try again, or 0 when it may try now. */
  blockedFor(address: string, now = Date.now()): number {
    return this.counts.count(address, now) >= this.perMinute ? Math.ceil(this.counts.msLeft(now) / 1000) : 0;
  }

  failed(address: string, now = Date.now()): void {
    this.counts.add(address, now);
  }
}

/** The answer to a refused key (or sign-in) from an address over the limit, in the request's language. */
export const tooMany = (request: FastifyRequest, reply: FastifyReply, wait: number, error: KohtaantoError) =>
  sendError(request, reply, Object.assign(error, { retryAfterSeconds: wait }));

const keyIdOf = (presented: string) => /^kht_([0-9a-f]{16})_/.exec(presented)?.[1];

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
/**
 * @param failedPerMinute refused API keys (and failed sign-ins) an address may present per minute; past
 * that, further wrong keys are answered 429. Valid keys, session cookies and requests without a key are not counted.
 */
export function installAuth(
  app: FastifyInstance,
  keys: KeyVerifier,
  sessions: SessionResolver,
  failedPerMinute: number,
  link?: CountLink,
): { table: RouteAccess[]; failures: FailedAuth } {
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

  const failures = new FailedAuth(failedPerMinute, new WindowCounts(60_000, link, 10_000));
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config.public || !config.roles) return; // public, or no route at all (404)
    const presented = presentedKey(request);
    const token = presented ? undefined : sessionToken(request);
    if (token) {
      // The web app: a session cookie instead of a key; its writes carry the session's CSRF token.
      // An ended session is not counted as a refused key: its token is random (nothing to guess),
      // and a colleague's ended session must not lock out everyone behind the same proxy.
      const session = await sessions.resolve(token);
      if (!session || 'ended' in session) {
        request.refused = {};
        // Why, for the sign-in page: timeout, revoked or ended (see SessionEnd).
        reply.header('x-session-ended', session?.ended ?? 'ended');
        return deny(request, reply, said('session_ended'));
      }
      request.principal = session.principal;
      request.webSession = { csrf: session.csrf, expiresAt: session.expiresAt };
      if (!SAFE_METHODS.has(request.method) && !csrfMatches(session.csrf, request.headers['x-csrf-token'])) {
        return deny(request, reply, said('csrf_required'));
      }
      if (!config.roles.includes(session.principal.role)) {
        return deny(request, reply, said('role_refused', { role: session.principal.role, allowed: config.roles.join(', ') }));
      }
      return;
    }
    if (!presented) {
      // No key at all (any web page can make a browser send one): refused, not counted.
      request.refused = {};
      return deny(request, reply, said('key_required'));
    }
    const keyId = keyIdOf(presented);
    const principal = await keys.verify(presented);
    if (!principal) {
      request.refused = keyId ? { keyId } : {};
      // Guessing keys: after `failedPerMinute` refused keys an address waits; a valid key still
      // passes (the secrets are 256-bit random: the limit slows guessing down, it is not what stops it).
      const wait = failures.blockedFor(request.ip);
      if (wait > 0) return tooMany(request, reply, wait, said('keys_refused_too_often', { limit: failedPerMinute, wait }));
      failures.failed(request.ip);
      return deny(request, reply, said('key_refused'));
    }
    request.principal = principal;
    if (!config.roles.includes(principal.role)) {
      return deny(request, reply, said('role_refused', { role: principal.role, allowed: config.roles.join(', ') }));
    }
  });
  return { table, failures };
}
