import type { Sessions } from '../../core/sessions.js';
import type { SignInFlow } from '../../core/signin/schema.js';
import { personKeyId, type PersonSessions } from '../../core/signin/sessions.js';
import { codeOf } from '../../core/thrown.js';
import type { IdentityProvider } from './providers.js';

/**
 * The two sign-in use cases that need the identity providers this app discovered (src/http/app.ts
 * builds them, as it builds personSessionResolver): each route handler makes one call.
 */

/** What became of a provider's redirect back: a session opened, or a refusal (with the audit's detail). */
export type SignInFinished =
  | { opened: Awaited<ReturnType<PersonSessions['open']>>; detail: Record<string, unknown> }
  | { refused: 'signin_refused' | 'signin_failed' | 'signin_expired'; status: 400 | 403; detail: Record<string, unknown>; keyId?: string; error?: unknown };

/**
 * The provider's redirect back (`search`: the callback URL's query, read by openid-client), for the
 * sign-in this browser started (`flow`, from its cookie): the answer checked, the person's claims
 * mapped, and a session opened; or why not.
 */
export function finishingSignIn(providers: Map<string, IdentityProvider>, people: Pick<PersonSessions, 'open'>) {
  return async (providerId: string, search: string, flow: SignInFlow | undefined): Promise<SignInFinished> => {
    const provider = providers.get(providerId);
    if (!provider || !flow || flow.provider !== provider.settings.id) {
      return { refused: 'signin_failed', status: 400, detail: { provider: providerId, reason: flow ? 'started with another provider' : 'no sign-in under way in this browser' } };
    }
    const callbackUrl = new URL(provider.settings.redirectUrl);
    callbackUrl.search = search;
    let answer;
    try {
      answer = await provider.finish(callbackUrl, flow);
    } catch (error) {
      return { refused: answerOutOfTime(error) ? 'signin_expired' : 'signin_failed', status: 400, detail: { provider: provider.settings.id, reason: refusalReason(error) }, error };
    }
    const who = { provider: provider.settings.id, subject: answer.subject, name: answer.name };
    if (!answer.person) {
      return { refused: 'signin_refused', status: 403, keyId: personKeyId(who.provider, who.subject), detail: { ...who, reason: `no mapping for claim '${provider.settings.claim}'` } };
    }
    const opened = await people.open(answer.person, { idToken: answer.idToken, ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}) });
    return { opened, detail: { ...who, signedIn: true } };
  };
}

/**
 * Signing out: the session behind the cookie's token ends, a key's or a person's; a person's provider
 * that ends sessions too gives the address to go to.
 */
export function signingOut(sessions: Pick<Sessions, 'close'>, people: Pick<PersonSessions, 'close'>, providers: Map<string, IdentityProvider>) {
  return async (token: string): Promise<URL | undefined> => {
    await sessions.close(token);
    const ended = await people.close(token);
    const provider = ended && providers.get(ended.provider);
    return provider?.endsSessions ? provider.endSessionUrl(ended!.idToken) : undefined;
  };
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
