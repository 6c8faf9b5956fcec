/// <reference lib="dom" />
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/core/errors.js';
import { sharedSigningKey, startIdentityProvider, TEST_CLIENT, type TestIdentityProvider } from '../helpers/identity-provider.js';
import { removeDir, startService, tempDir, type RunningService } from '../helpers/service.js';
import { expectAccessible, launch } from './browser.js';

/**
 * Signing in with an identity provider in Debian's Chromium: the provider (oidc-provider on
 * `localhost`, another site than the service on 127.0.0.1, so SameSite rules apply as with a real
 * provider) and the service on loopback, the button on the sign-in page, the provider's login and
 * consent pages, back to the web app signed in; the refusal page in each language; axe on both.
 */
let service: RunningService;
let provider: TestIdentityProvider;
let browser: Browser;
let dir: string;

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  const redirectUrl = `http://127.0.0.1:${port}/signin/tampere/callback`;
  provider = await startIdentityProvider({
    redirectUrl,
    key: sharedSigningKey(),
    host: 'localhost',
    accounts: { 'aino-1234': { name: 'Aino Alanen', groups: ['counsellors'] }, 'bertil-5678': { name: 'Bertil Berg', groups: ['staff'] } },
  });
  dir = tempDir('kohtaanto-signin-web-');
  const file = join(dir, 'providers.json');
  writeFileSync(
    file,
    JSON.stringify([
      {
        id: 'tampere',
        name: 'Tampereen seutu',
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        clientSecret: TEST_CLIENT.secret,
        redirectUrl,
        scopes: ['openid', 'profile', 'groups'],
        roles: [{ value: 'counsellors', organisation: 'test-area', role: 'counsellor' }],
      },
    ]),
  );
  service = await startService({ env: { KOHTAANTO_SIGNIN_PROVIDERS_FILE: file }, port });
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await provider?.close();
  if (service) removeDir(service.dataDir);
  removeDir(dir);
});

async function atProvider(page: Page, login: string) {
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', 'any');
  await page.click('button[type=submit]');
  await page.waitForSelector('input[value=consent]', { state: 'attached' });
  await page.click('button[type=submit]');
}

describe('sign-in with an identity provider in the browser', () => {
  it('signs a counsellor in from the button on the sign-in page and back into the web app', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('kohtaanto.lang', 'fi'));
    const page = await context.newPage();
    await page.goto(`${service.url}/`);
    const button = page.getByRole('link', { name: 'Kirjaudu: Tampereen seutu' });
    await button.waitFor();
    await expectAccessible(page, 'sign-in with a provider button');
    await button.click();
    await atProvider(page, 'aino-1234');
    await page.waitForSelector('header nav');
    expect(await page.textContent('.who')).toContain('Aino Alanen');
    const cookies = await context.cookies(service.url);
    expect(cookies.find((c) => c.name === 'kohtaanto_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await context.close();
  });

  for (const lang of ['fi', 'sv', 'en'] as const) {
    it(`refuses a person whose groups map to nothing with a page in ${lang}`, async () => {
      const context = await browser.newContext();
      await context.addInitScript((l) => localStorage.setItem('kohtaanto.lang', l), lang);
      const page = await context.newPage();
      await page.goto(`${service.url}/`);
      await page.click('a.button[href^="/signin/tampere"]');
      await atProvider(page, 'bertil-5678');
      await page.waitForSelector('[data-error=signin_refused]');
      expect(await page.textContent('[data-error=signin_refused]')).toBe(ERRORS.signin_refused[lang]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectAccessible(page, `refusal page (${lang})`);
      expect((await context.cookies(service.url)).find((c) => c.name === 'kohtaanto_session')).toBeUndefined();
      await context.close();
    });
  }
});
