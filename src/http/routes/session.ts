import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, type Membership } from '../../core/access.js';
import { said } from '../../core/errors.js';
import { sessionInput, signedIn, signedOut } from '../../core/signin/schema.js';
import type { Services } from '../../runtime/compose.js';
import { SESSION_COOKIE, sessionToken, tooMany, type FailedAuth } from '../auth.js';
import { sendError } from '../errors.js';
import { errorBody, noBody, noQuery } from './shared.js';

/** The cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure behind TLS. */
function setCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  const secure = request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
  reply.header(
    'set-cookie',
    `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`,
  );
}

/** The services these routes use. */
export type SessionServices = Pick<Services, 'sessions' | 'organisations'>;

/**
 * Web app sign-in and sign-out: an API key exchanged once for a session cookie. `signOut`
 * (src/http/signin/use-cases.ts) ends the session behind a cookie, a key's or a person's signed in
 * with an identity provider, and gives that provider's sign-out address, when it has one.
 */
export function sessionRoutes(
  services: SessionServices,
  failures: FailedAuth,
  signOut: (token: string) => Promise<URL | undefined>,
): FastifyPluginAsyncZod {
  const tags = ['web app session'];
  /** The organisation with its name, for the web app's header (its id is no name to a person). */
  const named = async (organisation: Membership) => {
    const name = await services.organisations.nameOf(organisation.id);
    return name === undefined ? organisation : { ...organisation, name };
  };
  return async (app) => {
    app.post(
      '/v1/session',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Sign in: exchange an API key for a session cookie (the key is not kept in the page)',
          security: [],
          querystring: noQuery,
          body: sessionInput,
          response: { 201: signedIn, 401: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        // A valid key signs in even from an address over the refused-key limit (see installAuth).
        const opened = await services.sessions.open(request.body.key);
        if (!opened) {
          request.refused = {};
          const wait = failures.blockedFor(request.ip);
          if (wait > 0) return tooMany(request, reply, wait, said('sign_ins_too_often', { wait }));
          failures.failed(request.ip);
          return sendError(request, reply, said('sign_in_refused'));
        }
        request.principal = opened.principal; // the sign-in is audited
        setCookie(request, reply, opened.token, opened.maxAgeSeconds);
        const { name, role } = opened.principal;
        return reply.status(201).send({ name, role, organisation: opened.organisation, csrf: opened.csrf, expiresAt: opened.expiresAt });
      },
    );

    app.get(
      '/v1/session',
      {
        config: { roles: ROLES },
        schema: { tags, summary: 'Who is signed in (and the CSRF token of the session)', querystring: noQuery, response: { 200: signedIn, 404: errorBody } },
      },
      async (request, reply) => {
        const session = request.webSession; // set by installAuth when the request came with a session cookie (a key's or a person's)
        if (!session || !request.principal) return sendError(request, reply, said('no_session'));
        const { name, role, organisation } = request.principal;
        return { name, role, organisation: await named(organisation), csrf: session.csrf, expiresAt: session.expiresAt };
      },
    );

    app.delete(
      '/v1/session',
      {
        config: { roles: ROLES },
        schema: {
          tags,
          summary: "Sign out (a person signed in with an identity provider: 200 with the provider's sign-out address to go to)",
          querystring: noQuery,
          body: noBody,
          response: { 200: signedOut, 204: z.null() },
        },
      },
      async (request, reply) => {
        const token = sessionToken(request);
        const providerSignOut = token ? await signOut(token) : undefined;
        setCookie(request, reply, '', 0);
        if (providerSignOut) return reply.status(200).send({ endSessionUrl: providerSignOut.href });
        return reply.status(204).send(null);
      },
    );
  };
}
