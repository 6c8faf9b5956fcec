import { z } from 'zod';
import { ROLES } from '../access.js';
import { language } from '../schemas/common.js';

/** POST /v1/session: an API key exchanged once for a session cookie. */
export const sessionInput = z.object({ key: z.string().trim().min(1).max(200) }).strict();

/** Who is signed in to the web app, and the CSRF token of their session. */
export const signedIn = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.string(), name: z.string().optional().describe('As an admin named it'), kind: z.string(), area: z.string().optional() }),
  csrf: z.string().describe('Send back as X-CSRF-Token with every change'),
  expiresAt: z.string(),
});
export type SignedIn = z.infer<typeof signedIn>;

/** DELETE /v1/session of a person signed in with an identity provider: where to sign out there. */
export const signedOut = z.object({ endSessionUrl: z.string() });
export type SignedOut = z.infer<typeof signedOut>;

/** A sign-in with an identity provider under way (OpenID Connect, PKCE): kept in a cookie until the callback. */
export const signInFlow = z.object({ provider: z.string(), state: z.string(), nonce: z.string(), verifier: z.string() });
export type SignInFlow = z.infer<typeof signInFlow>;
/** The flow, with the language of the page that started it. */
export const signInFlowCookie = signInFlow.extend({ lang: language });
export type SignInFlowCookie = z.infer<typeof signInFlowCookie>;

/** GET /signin: the identity providers people may sign in with. */
export const signInProviderList = z.array(z.object({ id: z.string(), name: z.string() }));
export type SignInProviderList = z.infer<typeof signInProviderList>;

/** /signin/:provider and its callback */
export const providerParams = z.object({ provider: z.string().max(40) });
export const signInLangQuery = z.object({ lang: language.optional() }).strict();
