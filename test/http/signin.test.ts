import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ERRORS } from '../../src/core/errors.js';
import { buildApp } from '../../src/http/app.js';
import { call, type RunningService } from '../helpers/service.js';
import { CookieJar, sharedSigningKey, signInAtProvider, startIdentityProvider, TEST_CLIENT, type TestIdentityProvider } from '../helpers/identity-provider.js';
import { providerSettings as settingsOf, startSignInService, type SignInService } from '../helpers/signin-service.js';

const COUNSELLORS = 'kohtaanto-counsellors-tampere';
/** Claims are checked with the provider again after this long (3 s). */
const RECHECK_MINUTES = 0.05;
const NAME = 'Tampereen seudun työllisyysalue';

let signin: SignInService;
let provider: TestIdentityProvider;
/** Another provider with the same signing key: its ID tokens differ from the first's only by issuer. */
let elsewhere: TestIdentityProvider;
let service: RunningService;
let REDIRECT: string;
let AFTER_SIGN_OUT: string;

const providerSettings = (issuer: string, roles: unknown[] = [{ value: COUNSELLORS, organisation: 'test-area', role: 'counsellor' }]) =>
  settingsOf({ id: 'tampere', name: NAME, issuer, redirectUrl: REDIRECT, postSignOutUrl: AFTER_SIGN_OUT, roles });

beforeAll(async () => {
  const key = sharedSigningKey();
  const accounts = {
    'aino-1234': { name: 'Aino Alanen', groups: ['staff', COUNSELLORS] },
    'bertil-5678': { name: 'Bertil Berg', groups: ['staff'] },
  };
  signin = await startSignInService({
    name: NAME,
    key,
    accounts,
    roles: [{ value: COUNSELLORS, organisation: 'test-area', role: 'counsellor' }],
    signOut: true,
    env: { KOHTAANTO_SIGNIN_RECHECK_MINUTES: String(RECHECK_MINUTES) },
    // A second provider the same service trusts (e.g. another area's, or Suomi.fi beside the municipality's).
    more: [{ id: 'vaasa', name: 'Vasaregionen', accounts: { 'siv-77': { name: 'Siv Sundström', groups: ['planerare'] } }, roles: [{ value: 'planerare', organisation: 'test-planning', role: 'planner' }] }],
  });
  ({ provider, service } = signin);
  REDIRECT = signin.settings.redirectUrl;
  AFTER_SIGN_OUT = signin.settings.postSignOutUrl!;
  elsewhere = await startIdentityProvider({ redirectUrl: REDIRECT, key, accounts });
}, 240_000);

afterAll(async () => {
  await signin?.close();
  await elsewhere?.close();
});

const start = (lang?: string) => signin.start(lang);
const callback: SignInService['callback'] = (returned, jar) => signin.callback(returned, jar);
const signIn = (login: string, lang?: string) => signin.signIn(login, lang);
const asBrowser: SignInService['asBrowser'] = (...args) => signin.asBrowser(...args);

/** Why the service refused the last sign-in, as its audit entry says. */
async function lastRefusal(): Promise<string> {
  service.engine.audit.flush();
  const entry = (await service.engine.audit.recent(10)).find((e) => e.route === '/signin/:provider/callback' && e.status === 400);
  return (entry?.detail as { reason?: string } | undefined)?.reason ?? '';
}

/** The page a failed sign-in ends on, in `lang`: the catalogue's text as the page escapes it. */
const failedPage = (lang: 'fi' | 'sv' | 'en') => ERRORS.signin_failed[lang].replace(/'/g, '&#39;');
/** The page an ID token out of its time ends on: why, in `lang`. */
const expiredPage = (lang: 'fi' | 'sv' | 'en') => ERRORS.signin_expired[lang].replace(/'/g, '&#39;');

describe('sign-in with an identity provider (OpenID Connect, code flow with PKCE)', () => {
  it('lists the configured provider for the sign-in page, and sends the browser to it with PKCE, state and nonce', async () => {
    const listed = await call(service.url, 'GET', '/signin');
    expect(listed.body).toEqual([
      { id: 'tampere', name: 'Tampereen seudun työllisyysalue' },
      { id: 'vaasa', name: 'Vasaregionen' },
    ]);
    const { authorize } = await start();
    expect(authorize.origin).toBe(provider.issuer);
    const params = authorize.searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    for (const name of ['code_challenge', 'state', 'nonce']) expect(params.get(name)?.length).toBeGreaterThanOrEqual(40);
    expect(params.get('redirect_uri')).toBe(REDIRECT);
  });

  it('gives a person in a mapped group a session of their organisation and role, which calls the API, audited under their name', async () => {
    const { status, jar } = await signIn('aino-1234');
    expect(status).toBe(200);
    expect(jar.cookies.has('kohtaanto_session')).toBe(true);
    expect(jar.cookies.has('kohtaanto_signin')).toBe(false); // the flow's cookie is used once
    const me = await asBrowser(jar, 'GET', '/v1/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Aino Alanen', role: 'counsellor', organisation: { id: 'test-area', kind: 'employment-area' } });
    const clients = await asBrowser(jar, 'GET', '/v1/jobseekers?limit=2');
    expect(clients.status).toBe(200);
    // A change without the session's CSRF token is refused, with it allowed as for a key's session.
    expect((await asBrowser(jar, 'DELETE', '/v1/session')).status).toBe(403);

    service.engine.audit.flush();
    const trail = await service.engine.audit.recent(50);
    const signedIn = trail.find((e) => e.route === '/signin/:provider/callback' && e.status === 200);
    expect(signedIn).toMatchObject({ keyId: 'person:tampere:aino-1234', role: 'counsellor', detail: { provider: 'tampere', subject: 'aino-1234', name: 'Aino Alanen' } });
    const listing = trail.find((e) => e.route === '/v1/jobseekers' && e.method === 'GET');
    expect(listing).toMatchObject({ keyId: 'person:tampere:aino-1234', person: 'Aino Alanen', role: 'counsellor', status: 200 });
    // The trail as an admin reads it names the person too.
    const read = await call(service.as('admin'), 'GET', '/v1/audit?limit=50');
    expect(read.body.entries.find((e: { route: string }) => e.route === '/v1/jobseekers')).toMatchObject({ keyId: 'person:tampere:aino-1234', person: 'Aino Alanen' });
  });

  it('refuses a person whose claims map to nothing with a page in their language, and opens no session', async () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const { status, page, jar } = await signIn('bertil-5678', lang);
      expect(status).toBe(403);
      expect(page).toContain(`lang="${lang}"`);
      expect(page).toContain(ERRORS.signin_refused[lang].replace(/'/g, '&#39;'));
      expect(jar.cookies.has('kohtaanto_session')).toBe(false);
    }
    service.engine.audit.flush();
    const refused = (await service.engine.audit.recent(20)).find((e) => e.keyId === 'person:tampere:bertil-5678');
    expect(refused).toMatchObject({ status: 403, detail: { name: 'Bertil Berg' } });
  });

  it("signs in with either of two providers by its own mapping; a sign-in started with one is refused at the other's callback; junk is refused", async () => {
    const there = await signin.signIn('siv-77', 'sv', 'vaasa');
    expect(there.status).toBe(200);
    expect((await asBrowser(there.jar, 'GET', '/v1/session')).body).toMatchObject({ name: 'Siv Sundström', role: 'planner', organisation: { id: 'test-planning' } });
    expect((await asBrowser(there.jar, 'GET', '/v1/analytics/mismatch?area=tampere')).status).toBe(200);
    expect((await asBrowser(there.jar, 'GET', '/v1/jobseekers?limit=1')).status).toBe(403);

    // Started with Tampere's provider, delivered to Vaasa's callback (the sign-in cookie's path holds both).
    const { authorize, jar } = await start('sv');
    const returned = await signInAtProvider(authorize.href, 'aino-1234', REDIRECT);
    const crossed = new URL(returned.href.replace('/signin/tampere/callback', '/signin/vaasa/callback'));
    const refused = await callback(crossed, jar);
    expect(refused.status).toBe(400);
    expect(refused.page).toContain(failedPage('sv'));
    expect(jar.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toBe('started with another provider');

    // An unknown provider, a callback of one, a language the service does not speak.
    expect((await call(service.url, 'GET', '/signin/nowhere', undefined, { 'accept-language': 'fi' })).status).toBe(404);
    const nowhere = await callback(new URL(`${service.url}/signin/nowhere/callback?code=x&state=y`), new CookieJar());
    expect(nowhere.status).toBe(400);
    const badLang = await call(service.url, 'GET', '/signin/tampere?lang=de', undefined, { 'accept-language': 'sv' });
    expect(badLang.status).toBe(400);
    expect(JSON.stringify(badLang.body)).toContain('lang');
  });

  it('refuses a tampered state', async () => {
    const { authorize, jar } = await start('en');
    const returned = await signInAtProvider(authorize.href, 'aino-1234', REDIRECT);
    returned.searchParams.set('state', `${returned.searchParams.get('state')}x`);
    const { status, page } = await callback(returned, jar);
    expect(status).toBe(400);
    expect(page).toContain(ERRORS.signin_failed.en);
    expect(jar.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toMatch(/state/);
  });

  it('refuses an ID token for another nonce', async () => {
    const { authorize, jar } = await start();
    authorize.searchParams.set('nonce', 'a-nonce-this-browser-never-got-from-the-service-0123456789');
    const { status } = await callback(await signInAtProvider(authorize.href, 'aino-1234', REDIRECT), jar);
    expect(status).toBe(400);
    expect(jar.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toMatch(/claim nonce/);
  });

  it('refuses an ID token from another issuer, though signed with the same key for the same client and nonce', async () => {
    const { authorize, jar } = await start();
    // The other provider signs the same person in for the same request (nonce, PKCE challenge) ...
    const there = new URL(authorize.pathname + authorize.search, elsewhere.issuer);
    const code = (await signInAtProvider(there.href, 'aino-1234', REDIRECT)).searchParams.get('code')!;
    const flow = JSON.parse(Buffer.from(jar.cookies.get('kohtaanto_signin')!, 'base64url').toString('utf8')) as { verifier: string };
    const token = await fetch(`${elsewhere.issuer}/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${TEST_CLIENT.id}:${TEST_CLIENT.secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: flow.verifier }).toString(),
    });
    const { id_token: foreign } = (await token.json()) as { id_token: string };
    expect(JSON.parse(Buffer.from(foreign.split('.')[1]!, 'base64url').toString()).iss).toBe(elsewhere.issuer);
    // ... and the configured provider's token endpoint answers with that ID token.
    const returned = await signInAtProvider(authorize.href, 'aino-1234', REDIRECT);
    provider.replaceNextIdToken(foreign);
    const { status } = await callback(returned, jar);
    expect(status).toBe(400);
    expect(jar.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toMatch(/claim iss/);
  });

  it('refuses a replayed authorization code: no session from the second use, and the first loses access at its next re-check', async () => {
    const { authorize, jar } = await start('sv');
    const flowCookie = jar.cookies.get('kohtaanto_signin')!;
    const returned = await signInAtProvider(authorize.href, 'aino-1234', REDIRECT);
    const first = await callback(returned, jar);
    expect(first.status).toBe(200);
    expect((await asBrowser(first.jar, 'GET', '/v1/jobseekers?limit=1')).status).toBe(200);

    // The browser's back button: the same address again, the sign-in's cookie already used up.
    const back = new CookieJar();
    const again = await callback(returned, back);
    expect(again.status).toBe(400);
    expect(again.page).toContain(failedPage('en')); // no sign-in under way: in the browser's language (fetch sends none: English)
    expect(back.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toBe('no sign-in under way in this browser');

    // Someone who copied the address and the sign-in's cookie: the provider refuses the used code.
    const thief = new CookieJar();
    thief.cookies.set('kohtaanto_signin', flowCookie);
    const replayed = await callback(returned, thief);
    expect(replayed.status).toBe(400);
    expect(replayed.page).toContain('lang="sv"');
    expect(replayed.page).toContain(failedPage('sv'));
    expect(thief.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toMatch(/invalid_grant/);

    // The provider revoked what the code gave (RFC 6749 §4.1.2): the first session's refresh is refused at its re-check.
    await new Promise((done) => setTimeout(done, RECHECK_MINUTES * 60_000 + 200));
    const after = await asBrowser(first.jar, 'GET', '/v1/jobseekers?limit=1');
    expect(after.status).toBe(401);
    expect(after.headers.get('x-session-ended')).toBe('revoked');
  });

  it('refuses an expired ID token with a page in the language of the sign-in', async () => {
    // The control: the provider's token signed again unchanged is accepted (the rewriting refuses nothing by itself).
    const control = await start();
    const controlReturned = await signInAtProvider(control.authorize.href, 'aino-1234', REDIRECT);
    provider.rewriteNextIdToken((claims) => claims);
    expect((await callback(controlReturned, control.jar)).status).toBe(200);

    for (const lang of ['fi', 'sv'] as const) {
      const { authorize, jar } = await start(lang);
      const returned = await signInAtProvider(authorize.href, 'aino-1234', REDIRECT);
      const now = Math.floor(Date.now() / 1000);
      provider.rewriteNextIdToken((claims) => ({ ...claims, iat: now - 3600, exp: now - 1800 }));
      const { status, page } = await callback(returned, jar);
      expect(status).toBe(400);
      expect(page).toContain(`lang="${lang}"`);
      expect(page).toContain(expiredPage(lang));
      expect(jar.cookies.has('kohtaanto_session')).toBe(false);
      expect(await lastRefusal()).toMatch(/claim exp/);
    }
  });

  it("refuses an ID token signed by another key under the provider's key id", async () => {
    const { authorize, jar } = await start('en');
    const returned = await signInAtProvider(authorize.href, 'aino-1234', REDIRECT);
    provider.rewriteNextIdToken((claims) => claims, sharedSigningKey());
    const { status, page } = await callback(returned, jar);
    expect(status).toBe(400);
    expect(page).toContain(failedPage('en'));
    expect(jar.cookies.has('kohtaanto_session')).toBe(false);
    expect(await lastRefusal()).toMatch(/signature/i);
  });

  it("signs out: the session ends and the provider's sign-out address is given", async () => {
    const { jar } = await signIn('aino-1234');
    const me = await asBrowser(jar, 'GET', '/v1/session');
    const out = await asBrowser(jar, 'DELETE', '/v1/session', me.body.csrf);
    expect(out.status).toBe(200);
    const end = new URL(out.body.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(AFTER_SIGN_OUT);
    expect((await asBrowser(jar, 'GET', '/v1/session')).status).toBe(401);
  });

  it('checks the claims again after the re-check interval: a person removed from the group loses access at their next request', async () => {
    const { jar } = await signIn('aino-1234');
    expect((await asBrowser(jar, 'GET', '/v1/jobseekers?limit=1')).status).toBe(200);
    await new Promise((done) => setTimeout(done, RECHECK_MINUTES * 60_000 + 200));
    expect((await asBrowser(jar, 'GET', '/v1/jobseekers?limit=1')).status).toBe(200); // re-checked, still in the group
    provider.accounts.get('aino-1234')!.groups = ['staff'];
    expect((await asBrowser(jar, 'GET', '/v1/jobseekers?limit=1')).status).toBe(200); // within the interval
    await new Promise((done) => setTimeout(done, RECHECK_MINUTES * 60_000 + 200));
    const refused = await asBrowser(jar, 'GET', '/v1/jobseekers?limit=1');
    expect(refused.status).toBe(401);
    // The sign-in page says why (the web app reads the header).
    expect(refused.headers.get('x-session-ended')).toBe('revoked');
    expect(refused.body).toMatchObject({ error: 'unauthorized' });
    // A session the service does not know (signed out elsewhere, ended before) is "ended".
    expect((await asBrowser(jar, 'GET', '/v1/session')).headers.get('x-session-ended')).toBe('ended');
    provider.accounts.get('aino-1234')!.groups = ['staff', COUNSELLORS];
  });
});

describe('sign-in configuration', () => {
  const write = (content: unknown) => {
    const file = join(signin.dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(content));
    return file;
  };

  it('refuses a provider without an issuer, naming the setting and the field', () => {
    const { issuer: _issuer, ...noIssuer } = providerSettings(provider.issuer);
    expect(() => loadConfig({ KOHTAANTO_SIGNIN_PROVIDERS_FILE: write([noIssuer]) })).toThrow(/KOHTAANTO_SIGNIN_PROVIDERS_FILE\.0\.issuer/);
    expect(() => loadConfig({ KOHTAANTO_SIGNIN_PROVIDERS_FILE: write([providerSettings('http://idp.example.org')]) })).toThrow(
      /KOHTAANTO_SIGNIN_PROVIDERS_FILE\.0\.issuer: must be https/,
    );
    expect(() => loadConfig({ KOHTAANTO_SIGNIN_PROVIDERS_FILE: write([providerSettings(provider.issuer, [{ value: 'x', organisation: 'test-area', role: 'boss' }])]) })).toThrow(
      /KOHTAANTO_SIGNIN_PROVIDERS_FILE\.0\.roles\.0\.role/,
    );
  });

  it('refuses to start with a mapping to an unknown organisation, a role its kind does not hold, or an unreachable provider', async () => {
    const start = (settings: unknown) => buildApp(service.engine, { ...loadConfig({ KOHTAANTO_SIGNIN_PROVIDERS_FILE: write([settings]) }) });
    await expect(start(providerSettings(provider.issuer, [{ value: 'x', organisation: 'nowhere', role: 'counsellor' }]))).rejects.toThrow(
      /KOHTAANTO_SIGNIN_PROVIDERS_FILE: provider 'tampere' \(0\)\.roles\.0: organisation 'nowhere' does not exist/,
    );
    await expect(start(providerSettings(provider.issuer, [{ value: 'x', organisation: 'test-unit', role: 'counsellor' }]))).rejects.toThrow(
      /roles\.0: role 'counsellor' is not held in an organisation of kind 'employer-services'/,
    );
    await expect(start(providerSettings('http://127.0.0.1:9'))).rejects.toThrow(/KOHTAANTO_SIGNIN_PROVIDERS_FILE: provider 'tampere' \(0\)\.issuer: the discovery document/);
  });
});
