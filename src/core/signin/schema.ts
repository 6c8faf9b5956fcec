import { z } from 'zod';
import { ROLES } from '../access.js';

/** POST /v1/session: an API key exchanged once for a session cookie. */
export const sessionInput = z.object({ key: z.string().trim().min(1).max(200) }).strict();

/** Who is signed in to the web app, and the CSRF token of their session. */
export const signedIn = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  organisation: z.object({ id: z.string(), kind: z.string(), area: z.string().optional() }),
  csrf: z.string().describe('Send back as X-CSRF-Token with every change'),
  expiresAt: z.string(),
});
export type SignedIn = z.infer<typeof signedIn>;

/** DELETE /v1/session of a person signed in with an identity provider: where to sign out there. */
export const signedOut = z.object({ endSessionUrl: z.string() });
