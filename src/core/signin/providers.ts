import { z } from 'zod';
import { ROLES } from '../access.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or plain http on loopback only (a test or a developer's provider). */
const secureUrl = z.url().refine((u) => {
  const url = new URL(u);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
}, 'must be https (plain http only on loopback)');

/** One claim value (a group id, an app role) and the organisation and role it gives. */
export const roleMapping = z
  .object({
    value: z.string().min(1),
    organisation: z.string().min(1),
    role: z.enum(ROLES),
  })
  .strict();

/**
 * An identity provider people sign in with (OpenID Connect, authorization code with PKCE). The
 * mapping's first entry whose value the person's claim holds decides their organisation and role.
 */
export const signInProvider = z
  .object({
    /** In the sign-in and callback paths: /signin/<id>. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and -, at most 40'),
    /** Shown on the sign-in button: "Sign in with <name>". */
    name: z.string().min(1).max(80),
    issuer: secureUrl,
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    /** Registered with the provider: https://<service>/signin/<id>/callback. */
    redirectUrl: secureUrl,
    /** Where the provider sends the browser after signing out there (registered with it too). */
    postSignOutUrl: secureUrl.optional(),
    scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email', 'offline_access']),
    /** The claim holding groups or app roles; a dotted path reaches inside an object (Keycloak: realm_access.roles). */
    claim: z.string().min(1).default('groups'),
    roles: z.array(roleMapping).min(1, 'at least one claim value mapped to an organisation and a role'),
  })
  .strict();

export const signInProviders = z
  .array(signInProvider)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `provider id '${p.id}' given twice` });
      seen.add(p.id);
    });
  });

export type SignInProvider = z.infer<typeof signInProvider>;
export type RoleMapping = z.infer<typeof roleMapping>;
