import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Env } from '../../src/config.js';
import type { RoleMapping } from '../../src/core/signin/providers.js';
import { sharedSigningKey, signInAtProvider, startIdentityProvider, CookieJar, TEST_CLIENT, type TestAccount, type TestIdentityProvider } from './identity-provider.js';
import { call, removeDir, startService, tempDir, type RunningService } from './service.js';
import type { JWK } from 'oidc-provider';

/** A loopback port free now (the service's port must be known before it starts: the provider redirects to it). */
export const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

export interface SignInServiceOptions {
  /** The provider's id in the service (the paths /signin/<id>…), default `tampere`. */
  id?: string;
  /** Shown on the sign-in button. */
  name?: string;
  accounts: Record<string, TestAccount>;
  /** The providers file's claim-to-role mappings (the start value of the database's). */
  roles: RoleMapping[];
  /** `localhost` for browsers: another site than the service on 127.0.0.1, as a real provider is. */
  host?: '127.0.0.1' | 'localhost';
  /** Give the provider a sign-out return address (the service's `/`): signing out ends the provider's session too. */
  signOut?: boolean;
  key?: JWK;
  /** More settings of the service (e.g. KOHTAANTO_SIGNIN_RECHECK_MINUTES). */
  env?: Env;
  /** More providers the same service trusts (each its own test provider, issuer and key), after the first. */
  more?: { id: string; name: string; accounts: Record<string, TestAccount>; roles: RoleMapping[] }[];
}

/** The answer of the service's callback to a sign-in, and the browser's cookies after it. */
export interface CallbackAnswer {
  status: number;
  page: string;
  jar: CookieJar;
}

/** A service with a real OpenID provider (oidc-provider on loopback) configured for sign-in. */
export interface SignInService {
  service: RunningService;
  provider: TestIdentityProvider;
  /** The providers of `more`, by id. */
  others: Record<string, TestIdentityProvider>;
  /** The provider's entry in the providers file (as written). */
  settings: { id: string; redirectUrl: string; postSignOutUrl?: string } & Record<string, unknown>;
  /** A directory of the test's own (the providers file is in it), removed by `close`. */
  dir: string;
  /** A browser starting a sign-in at the service (with the first provider, or `provider`): the provider's address and the service's cookies. */
  start(lang?: string, provider?: string): Promise<{ authorize: URL; jar: CookieJar }>;
  /** The provider's redirect back, delivered to the service with the browser's cookies. */
  callback(returned: URL, jar: CookieJar): Promise<CallbackAnswer>;
  /** A whole sign-in without a browser: start, the provider's login and consent as `login`, the callback. */
  signIn(login: string, lang?: string, provider?: string): Promise<CallbackAnswer>;
  /** A request with a browser's session cookie (and its CSRF token on changes). */
  asBrowser(jar: CookieJar, method: string, path: string, csrf?: string): ReturnType<typeof call>;
  close(): Promise<void>;
}

/** A provider's entry of the providers file (KOHTAANTO_SIGNIN_PROVIDERS_FILE) for the test provider. */
export const providerSettings = (options: { id: string; name: string; issuer: string; redirectUrl: string; postSignOutUrl?: string; roles: unknown[] }) => ({
  id: options.id,
  name: options.name,
  issuer: options.issuer,
  clientId: TEST_CLIENT.id,
  clientSecret: TEST_CLIENT.secret,
  redirectUrl: options.redirectUrl,
  ...(options.postSignOutUrl ? { postSignOutUrl: options.postSignOutUrl } : {}),
  scopes: ['openid', 'profile', 'groups'],
  claim: 'groups',
  roles: options.roles,
});

/**
 * Starts a real identity provider and the service configured to trust it (a providers file in a
 * directory of the test's own), the service on the port the provider redirects to: the set-up of
 * every sign-in test. `close` stops both and removes their directories.
 */
export async function startSignInService(options: SignInServiceOptions): Promise<SignInService> {
  const id = options.id ?? 'tampere';
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const redirectUrl = `${base}/signin/${id}/callback`;
  const postSignOutUrl = options.signOut ? `${base}/` : undefined;
  const provider = await startIdentityProvider({
    redirectUrl,
    ...(postSignOutUrl ? { postSignOutUrl } : {}),
    key: options.key ?? sharedSigningKey(),
    accounts: options.accounts,
    ...(options.host ? { host: options.host } : {}),
  });
  const others: Record<string, TestIdentityProvider> = {};
  for (const more of options.more ?? []) {
    others[more.id] = await startIdentityProvider({ redirectUrl: `${base}/signin/${more.id}/callback`, key: sharedSigningKey(), accounts: more.accounts, ...(options.host ? { host: options.host } : {}) });
  }
  const closeProviders = async () => {
    for (const p of [provider, ...Object.values(others)]) await p.close();
  };
  const dir = tempDir('kohtaanto-signin-');
  const settings = providerSettings({ id, name: options.name ?? 'Tampereen seutu', issuer: provider.issuer, redirectUrl, ...(postSignOutUrl ? { postSignOutUrl } : {}), roles: options.roles });
  const file = join(dir, 'providers.json');
  const moreSettings = (options.more ?? []).map((m) => providerSettings({ id: m.id, name: m.name, issuer: others[m.id]!.issuer, redirectUrl: `${base}/signin/${m.id}/callback`, roles: m.roles }));
  writeFileSync(file, JSON.stringify([settings, ...moreSettings]));
  let service: RunningService;
  try {
    service = await startService({ env: { KOHTAANTO_SIGNIN_PROVIDERS_FILE: file, ...options.env }, port });
  } catch (error) {
    await closeProviders();
    removeDir(dir);
    throw error;
  }

  const start = async (lang = 'fi', which = id) => {
    const jar = new CookieJar();
    const response = await fetch(`${service.url}/signin/${which}?lang=${lang}`, { redirect: 'manual' });
    if (response.status !== 302) throw new Error(`the service answered the start of a sign-in ${response.status}`);
    jar.take(response);
    return { authorize: new URL(response.headers.get('location')!), jar };
  };
  const callback = async (returned: URL, jar: CookieJar) => {
    const response = await fetch(`${service.url}${returned.pathname}${returned.search}`, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    return { status: response.status, page: await response.text(), jar };
  };
  return {
    service,
    provider,
    others,
    settings,
    dir,
    start,
    callback,
    async signIn(login, lang = 'fi', which = id) {
      const { authorize, jar } = await start(lang, which);
      return callback(await signInAtProvider(authorize.href, login, `${base}/signin/${which}/callback`), jar);
    },
    asBrowser: (jar, method, path, csrf) => call(service.url, method, path, undefined, { cookie: jar.header(), ...(csrf ? { 'x-csrf-token': csrf } : {}) }),
    async close() {
      await service.stop();
      await closeProviders();
      removeDir(service.dataDir);
      removeDir(dir);
    },
  };
}

/** In Chromium, at the test provider's pages: signs in as `login` (any password) and consents. */
export async function signInAtProviderPage(page: Page, login: string): Promise<void> {
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any');
  await page.click('button[type=submit]');
  await page.waitForSelector('input[value=consent]', { state: 'attached' });
  await page.click('button[type=submit]');
}
