import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptedLang, notFound } from '../../core/errors.js';
import { codeOf } from '../../core/thrown.js';
import { providerParams, signInFlowCookie, signInProviderList, signInLangQuery, type SignInFlowCookie } from '../../core/signin/schema.js';
import { personKeyId, type PersonSessions } from '../../core/signin/sessions.js';
import { SESSION_COOKIE } from '../auth.js';
import { errorBody, noQuery } from '../routes/shared.js';
import { signInProblemPage, signedInPage } from './page.js';
import type { IdentityProvider } from './providers.js';

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
 * Why openid-client refused an answer, for the audit: the messages along its chain of causes and
 * the claim concerned (e.g. "unexpected JWT claim value encountered (claim iss)"); never a token.
 */
function refusalReason(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    const message = 'message' in e ? e.message : undefined;
    const claim = 'claim' in e ? e.claim : undefined;
    const providerError = 'error' in e ? e.error : undefined;
    if (typeof message === 'string' && !parts.includes(message)) parts.push(message);
    if (typeof claim === 'string') parts.push(`(claim ${claim})`);
    if (typeof providerError === 'string') parts.push(`(${providerError})`);
    e = 'cause' in e ? e.cause : undefined;
  }
  return parts.join(' ').slice(0, 300);
}

/**
 * Whether openid-client refused the answer for its time (the ID token's `exp` passed, its `iat` too
 * old or its `nbf` to come): valid once, or a clock set wrong, which the person is told.
 */
function answerOutOfTime(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth++) {
    if (codeOf(e) === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

/**
 * Sign-in with an identity provider (OpenID Connect, authorization code with PKCE): the web app's
 * button leads to /signin/<provider>, the provider sends the browser back to its callback, which
 * opens the same kind of session an API key's sign-in opens (cookie, CSRF token, timeouts), or shows
 * why not (fi/sv/en).
 */
export function signInRoutes(providers: Map<string, IdentityProvider>, people: PersonSessions): FastifyPluginAsyncZod {
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
        const provider = providers.get(request.params.provider);
        const lang = flow?.lang ?? acceptedLang(request.headers['accept-language']);
        setFlowCookie(request, reply, '', 0); // one use
        const problem = (code: 'signin_refused' | 'signin_failed' | 'signin_expired', status: 400 | 403) =>
          reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(signInProblemPage(code, lang));
        if (!provider || !flow || flow.provider !== provider.settings.id) {
          request.refused = {};
          request.audited.detail = { provider: request.params.provider, reason: flow ? 'started with another provider' : 'no sign-in under way in this browser' };
          return problem('signin_failed', 400);
        }
        const callbackUrl = new URL(provider.settings.redirectUrl);
        callbackUrl.search = new URL(request.url, 'http://callback.invalid').search;
        let answer;
        try {
          answer = await provider.finish(callbackUrl, flow);
        } catch (error) {
          request.refused = {};
          request.audited.detail = { provider: provider.settings.id, reason: refusalReason(error) };
          request.log.warn({ provider: provider.settings.id, err: error }, 'sign-in refused');
          return problem(answerOutOfTime(error) ? 'signin_expired' : 'signin_failed', 400);
        }
        const who = { provider: provider.settings.id, subject: answer.subject, name: answer.name };
        if (!answer.person) {
          request.refused = { keyId: personKeyId(who.provider, who.subject) };
          request.audited.detail = { ...who, reason: `no mapping for claim '${provider.settings.claim}'` };
          return problem('signin_refused', 403);
        }
        const opened = await people.open(answer.person, { idToken: answer.idToken, ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}) });
        request.principal = opened.principal; // the sign-in is audited under the person
        request.audited.detail = { ...who, signedIn: true };
        setSessionCookie(request, reply, opened.token, Math.floor((Date.parse(opened.expiresAt) - Date.now()) / 1000));
        return reply.status(200).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(signedInPage());
      },
    );
  };
}
