import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

/** A person the test identity provider knows: their name and groups (change `groups` to move them). */
export interface TestAccount {
  name: string;
  groups: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** The next token response carries this ID token instead of its own (a token from elsewhere). */
  replaceNextIdToken(idToken: string): void;
  /**
   * The next token response carries its ID token with the claims as `change` returns them, signed
   * again with the provider's key, or with `signWith` (another key under the same key id).
   */
  rewriteNextIdToken(change: (claims: IdTokenClaims) => IdTokenClaims, signWith?: JWK): void;
  close(): Promise<void>;
}

/** The claims of an ID token (iss, sub, aud, exp, iat, nonce, …). */
export type IdTokenClaims = Record<string, unknown> & { exp: number; iat: number };

/** A JWT signed with RS256 by `key` (kid from the key), as a provider signs its ID tokens. */
export function signIdToken(claims: IdTokenClaims, key: JWK): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${part(claims)}`;
  const { kid: _kid, use: _use, alg: _alg, ...material } = key;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), createPrivateKey({ key: material as import('node:crypto').JsonWebKey, format: 'jwk' })).toString('base64url')}`;
}

export const TEST_CLIENT = { id: 'kohtaanto', secret: 'a-test-client-secret-of-enough-length-0123456789' };

/** One signing key: two providers sharing it differ only by issuer. */
export const sharedSigningKey = (): JWK => ({ ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as JWK), kid: 'test-key', use: 'sig', alg: 'RS256' });

/**
 * A real OpenID provider (the `oidc-provider` package, its development login and consent pages) on
 * a loopback port, with one client: Kohtaanto, redirecting to `redirectUrl`.
 */
export async function startIdentityProvider(options: {
  redirectUrl: string;
  postSignOutUrl?: string;
  key: JWK;
  accounts: Record<string, TestAccount>;
  /** `localhost`: another site than the service on 127.0.0.1, as a real provider is (SameSite cookies). */
  host?: '127.0.0.1' | 'localhost';
}): Promise<TestIdentityProvider> {
  const server: Server = createServer();
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done) => (host === 'localhost' ? server.listen(0, done) : server.listen(0, host, done)));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(Object.entries(options.accounts));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [options.redirectUrl],
        ...(options.postSignOutUrl ? { post_logout_redirect_uris: [options.postSignOutUrl] } : {}),
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [options.key] },
    cookies: { keys: ['test-cookie-key'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, RefreshToken: 3600, IdToken: 600 },
    claims: { openid: ['sub'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'offline_access', 'profile', 'groups'],
    features: { devInteractions: { enabled: true } },
    // Refresh tokens for this client whatever the scopes (Keycloak's default; Entra ID's with offline_access).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: account.name, groups: [...account.groups] }) };
    },
  });
  let replacement: ((idToken: string) => string) | undefined;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (replacement && ctx.path === '/token' && body?.id_token) {
      ctx.body = { ...body, id_token: replacement(body.id_token) };
      replacement = undefined;
    }
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    replaceNextIdToken: (idToken) => {
      replacement = () => idToken;
    },
    rewriteNextIdToken: (change, signWith = options.key) => {
      replacement = (idToken) => signIdToken(change(JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString('utf8')) as IdTokenClaims), signWith);
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Cookies of one browser, by name (the test providers and Kohtaanto each set their own names). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (/max-age=0\b/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * A browser at the provider: follows redirects from `url`, signs in as `login` on the login page and
 * consents, until the provider redirects to `redirectUrl`; returns that callback address.
 */
export async function signInAtProvider(url: string, login: string, redirectUrl: string, jar = new CookieJar()): Promise<URL> {
  let next = new URL(url);
  for (let step = 0; step < 20; step++) {
    if (next.href.startsWith(redirectUrl)) return next;
    const response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    if (response.status >= 300 && response.status < 400) {
      next = new URL(response.headers.get('location')!, next);
      continue;
    }
    const page = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${page.slice(0, 500)}`);
    const form: Record<string, string> | undefined = page.includes('name="login"') ? { prompt: 'login', login, password: 'any' } : page.includes('value="consent"') ? { prompt: 'consent' } : undefined;
    if (!form) throw new Error(`unexpected page at the provider: ${page.slice(0, 500)}`);
    const posted = await fetch(next, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    jar.take(posted);
    if (posted.status < 300 || posted.status >= 400) throw new Error(`the provider answered the ${form.prompt} form ${posted.status}: ${(await posted.text()).slice(0, 500)}`);
    next = new URL(posted.headers.get('location')!, next);
  }
  throw new Error('the provider never redirected back');
}
