import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptedLang, notFound } from '../../core/errors.js';
import { providerParams, signInFlowCookie, signInProviderList, signInLangQuery, type SignInFlowCookie } from '../../core/signin/schema.js';
import { SESSION_COOKIE } from '../auth.js';
import { errorBody, noQuery } from '../routes/shared.js';
import { signInProblemPage, signedInPage } from './page.js';
import type { IdentityProvider } from './providers.js';
import type { finishingSignIn } from './use-cases.js';

/** Carries state, nonce and the PKCE verifier from the start of a sign-in to its callback. */
export const FLOW_COOKIE = 'kohtaanto_signin';
/** A sign-in left at the provider for longer than this starts again. */
const FLOW_SECONDS = 600;

const secure = (request: FastifyRequest) => request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';

/** HttpOnly; SameSite=Lax: the provider's redirect back is a cross-site navigation, which a Strict cookie would not join. */
function setFlowCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) {
  reply.header('set-cookie', `${FLOW_COOKIE}=${value}; Path=/signin/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure(request) ? '; Secure' : ''}`);
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAge: number) {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure(request) ? '; Secure' : ''}`);
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function readFlow(request: FastifyRequest): SignInFlowCookie | undefined {
  const raw = cookie(request, FLOW_COOKIE);
  if (!raw) return undefined;
  try {
    const parsed = signInFlowCookie.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sign-in with an identity provider (OpenID Connect, authorization code with PKCE): the web app's
 * button leads to /signin/<provider>, the provider sends the browser back to its callback, which
 * opens the same kind of session an API key's sign-in opens (cookie, CSRF token, timeouts), or shows
 * why not (fi/sv/en).
 */
export function signInRoutes(providers: Map<string, IdentityProvider>, finishSignIn: ReturnType<typeof finishingSignIn>): FastifyPluginAsyncZod {
  const tags = ['web app session'];
  return async (app) => {
    app.get(
      '/signin',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'The identity providers people may sign in with (the sign-in page shows a button for each)',
          security: [],
          querystring: noQuery,
          response: { 200: signInProviderList },
        },
      },
      async () => [...providers.values()].map((p) => ({ id: p.settings.id, name: p.settings.name })),
    );

    app.get(
      '/signin/:provider',
      {
        config: { public: true },
        schema: { tags, summary: 'Start signing in with a provider (redirects to it)', security: [], params: providerParams, querystring: signInLangQuery, response: { 404: errorBody } },
      },
      async (request, reply) => {
        const provider = providers.get(request.params.provider);
        if (!provider) throw notFound('identity provider', request.params.provider);
        const { url, flow } = await provider.start();
        const lang = request.query.lang ?? acceptedLang(request.headers['accept-language']);
        setFlowCookie(request, reply, Buffer.from(JSON.stringify({ ...flow, lang })).toString('base64url'), FLOW_SECONDS);
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      '/signin/:provider/callback',
      {
        config: { public: true },
        // The provider's parameters (code, state, iss, session_state, error, ...) are read by openid-client.
        schema: { tags, summary: "The provider's redirect back after sign-in", security: [], params: providerParams },
      },
      async (request, reply) => {
        const flow = readFlow(request);
        const lang = flow?.lang ?? acceptedLang(request.headers['accept-language']);
        setFlowCookie(request, reply, '', 0); // one use
        const finished = await finishSignIn(request.params.provider, new URL(request.url, 'http://callback.invalid').search, flow);
        request.audited.detail = finished.detail;
        if ('refused' in finished) {
          request.refused = finished.keyId ? { keyId: finished.keyId } : {};
          if (finished.error !== undefined) request.log.warn({ provider: finished.detail.provider, err: finished.error }, 'sign-in refused');
          return reply.status(finished.status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(signInProblemPage(finished.refused, lang));
        }
        const { opened } = finished;
        request.principal = opened.principal; // the sign-in is audited under the person
        setSessionCookie(request, reply, opened.token, opened.maxAgeSeconds);
        return reply.status(200).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(signedInPage());
      },
    );
  };
}
