/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/core/errors.js';
import { signInAtProviderPage, startSignInService, type SignInService } from '../helpers/signin-service.js';
import { call, ROOT, sampleVacancy, type RunningService } from '../helpers/service.js';
import { expectAccessible, launch, settled } from './browser.js';

/**
 * Signing in with an identity provider in Debian's Chromium: the provider (oidc-provider on
 * `localhost`, another site than the service on 127.0.0.1, so SameSite rules apply as with a real
 * provider) and the service on loopback, the button on the sign-in page, the provider's login and
 * consent pages, back to the web app signed in as a counsellor, an employer unit's person or a
 * planner, each on their own start page and refused the others' pages and API; the refusal page
 * in each language; signing out at the provider too; why a session ended; axe on every page visited.
 */
const LANGS = ['fi', 'sv', 'en'] as const;
type Lang = (typeof LANGS)[number];
const TEXTS = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'locales', `${l}.json`), 'utf8'))])) as Record<Lang, Record<string, string>>;
/** Claims are checked with the provider again after this long (3 s). */
const RECHECK_MINUTES = 0.05;
const CLIENT = 'JS-000067';
/** A vacancy of the employer unit the person belongs to (test-unit), and one of another unit. */
const OURS = 'SIGNIN-UNIT-1';
const THEIRS = 'SIGNIN-OTHER-1';

let signin: SignInService;
let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  signin = await startSignInService({
    host: 'localhost',
    signOut: true,
    accounts: {
      'aino-1234': { name: 'Aino Alanen', groups: ['counsellors'] },
      'bertil-5678': { name: 'Bertil Berg', groups: ['staff'] },
      'eero-55': { name: 'Eero Esimerkki', groups: ['staff', 'employer-unit'] },
      'pirjo-66': { name: 'Pirjo Suunnittelija', groups: ['planners'] },
      'ville-77': { name: 'Ville Väliaikainen', groups: ['counsellors'] },
    },
    roles: [
      { value: 'counsellors', organisation: 'test-area', role: 'counsellor' },
      { value: 'employer-unit', organisation: 'test-unit', role: 'employer-service' },
      { value: 'planners', organisation: 'test-planning', role: 'planner' },
    ],
    env: { KOHTAANTO_SIGNIN_RECHECK_MINUTES: String(RECHECK_MINUTES) },
  });
  service = signin.service;
  // The unit's vacancy (created with its key: the unit owns it), a client shared with it, and another unit's vacancy.
  const cleaner = { title: 'Siivooja', description: 'Toimitilojen ylläpitosiivousta Tampereella, siivouskoneiden käyttö.', skills: ['ylläpitosiivous'], employer: 'Siisti Oy' };
  expect((await call(service.as('employer-service'), 'PUT', `/v1/vacancies/${OURS}`, sampleVacancy(OURS, cleaner))).status).toBe(201);
  expect((await call(service.as('counsellor'), 'POST', `/v1/vacancies/${OURS}/shares`, { jobseekerId: CLIENT })).status).toBe(201);
  const admin = service.as('admin');
  expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'other-unit', name: 'Toinen yksikkö', kind: 'employer-services' })).status).toBe(201);
  expect((await call(admin, 'PUT', `/v1/vacancies/${THEIRS}`, sampleVacancy(THEIRS, { ...cleaner, employer: 'Muu Oy' }))).status).toBe(201);
  expect((await call(admin, 'PUT', `/v1/admin/vacancies/${THEIRS}/owner`, { organisation: 'other-unit' })).status).toBe(200);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await signin?.close();
});

async function fresh(lang: Lang) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('kohtaanto.lang', l), lang);
  return { context, page: await context.newPage() };
}

/** From the web app's sign-in page, through the provider's pages, back into the app signed in. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${service.url}/`);
  await page.click('a.button[href^="/signin/tampere"]');
  await signInAtProviderPage(page, login);
  await page.waitForSelector('header nav');
}

/** What the main menu offers. */
const menu = (page: Page) => page.locator('header nav a').allTextContents();

/** Each of the app's pages in `paths` shows the refusal for this role (the API refuses the data behind it too). */
async function expectPagesRefused(page: Page, lang: Lang, paths: string[]): Promise<void> {
  for (const path of paths) {
    await page.goto(`${service.url}/#/${path}`);
    await page.waitForSelector('main .error[role=alert]');
    expect(await page.textContent('main .error[role=alert] strong'), path).toBe(TEXTS[lang]['page.refused']);
  }
  await expectAccessible(page, `a refused page (${lang})`);
}

/** The statuses the service answers the browser's own session (its cookie) for these API paths. */
const statusesOf = (page: Page, paths: string[]) =>
  page.evaluate(async (list) => Promise.all(list.map(async (p) => (await fetch(p, { credentials: 'same-origin' })).status)), paths);

describe('sign-in with an identity provider in the browser', () => {
  it('signs a counsellor in from the button on the sign-in page and back into the web app', async () => {
    const { context, page } = await fresh('fi');
    await page.goto(`${service.url}/`);
    const button = page.getByRole('link', { name: 'Kirjaudu: Tampereen seutu' });
    await button.waitFor();
    await expectAccessible(page, 'sign-in with a provider button');
    await button.click();
    await signInAtProviderPage(page, 'aino-1234');
    await page.waitForSelector('header nav');
    expect(await page.textContent('.who')).toContain('Aino Alanen');
    expect(new URL(page.url()).hash).toBe('#/clients');
    const cookies = await context.cookies(service.url);
    expect(cookies.find((c) => c.name === 'kohtaanto_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await context.close();
  });

  for (const lang of ['fi', 'sv'] as const) {
    it(`signs an employer unit's person in (${lang}): their unit's vacancies and the candidates shared with it, none of the other roles' pages or data`, async () => {
      const { context, page } = await fresh(lang);
      await signInThroughProvider(page, 'eero-55');
      expect(new URL(page.url()).hash).toBe('#/vacancies');
      expect(await page.textContent('.who')).toContain('Eero Esimerkki');
      // Their vacancies, and the notifications of clients shared with the unit (one: the share below).
      expect(await menu(page)).toEqual([TEXTS[lang]['nav.vacancies'], TEXTS[lang]['notifications.link.one']!.replace('{n}', '1')]);
      // The unit's own vacancies only (the other unit's and the 2,400 of the feed are not listed).
      await page.waitForSelector('main table tbody tr');
      expect(await page.textContent('main h1')).toBe(TEXTS[lang]['vacancies.mine']);
      expect(await page.locator('main table tbody td.muted').allTextContents()).toEqual([OURS]);
      await expectAccessible(page, `the unit's vacancies (${lang})`);
      // Its candidates: pseudonyms, and the client shared with the unit.
      await page.click(`main table a[href="#/vacancies/${OURS}"]`);
      await page.waitForSelector('li.hit');
      await settled(page);
      const shared = page.locator(`li.hit:has-text("${TEXTS[lang]['hits.shared']}")`);
      expect(await shared.count()).toBe(1);
      const pseudonyms = await page.locator(`li.hit:not(:has-text("${TEXTS[lang]['hits.shared']}")) code`).allTextContents();
      expect(pseudonyms.length).toBeGreaterThan(0);
      expect(pseudonyms.every((id) => id.startsWith('cand-'))).toBe(true);
      expect(await page.textContent('main')).not.toMatch(/JS-\d{6}/); // no client's real id on the page
      await expectAccessible(page, `the unit's candidates (${lang})`);

      await expectPagesRefused(page, lang, ['clients', 'transfers', 'planner', 'admin']);
      const api = [
        `/v1/vacancies/${OURS}/candidates`, // the control: the session works
        '/v1/jobseekers?limit=1',
        `/v1/jobseekers/${CLIENT}`,
        `/v1/jobseekers/${CLIENT}/matches`,
        `/v1/vacancies/${THEIRS}/candidates`,
        '/v1/analytics/mismatch?area=tampere',
        '/v1/oversight/exposure?area=tampere',
        '/v1/admin/keys',
        '/v1/audit',
      ];
      expect(await statusesOf(page, api)).toEqual([200, 403, 403, 403, 403, 403, 403, 403, 403]);
      await context.close();
    });

    it(`signs a planner in (${lang}): the area dashboard of aggregates, none of the other roles' pages or data`, async () => {
      const { context, page } = await fresh(lang);
      await signInThroughProvider(page, 'pirjo-66');
      expect(new URL(page.url()).hash).toBe('#/planner');
      expect(await page.textContent('.who')).toContain('Pirjo Suunnittelija');
      expect(await menu(page)).toEqual([TEXTS[lang]['nav.planner']]);
      await page.selectOption('#area-kind', 'area');
      await page.selectOption('#area-place', 'tampere');
      await page.click('form.search button');
      await page.waitForSelector('dl.indicators');
      await page.waitForSelector('table.bars');
      await settled(page);
      expect(await page.textContent('main')).not.toMatch(/JS-\d{6}|cand-/); // counts, never a person
      await expectAccessible(page, `the area dashboard (${lang})`);

      await expectPagesRefused(page, lang, ['clients', 'vacancies', 'transfers', 'admin']);
      const api = [
        '/v1/analytics/mismatch?area=tampere', // the control: the session works
        '/v1/jobseekers?limit=1',
        `/v1/jobseekers/${CLIENT}`,
        `/v1/jobseekers/${CLIENT}/export`,
        `/v1/jobseekers/${CLIENT}/matches`,
        '/v1/vacancies?limit=1',
        `/v1/vacancies/${OURS}/candidates`,
        '/v1/admin/keys',
        '/v1/audit',
      ];
      expect(await statusesOf(page, api)).toEqual([200, 403, 403, 403, 403, 403, 403, 403, 403]);
      await context.close();
    });
  }

  for (const lang of LANGS) {
    it(`refuses a person whose groups map to nothing with a page in ${lang}`, async () => {
      const { context, page } = await fresh(lang);
      await page.goto(`${service.url}/`);
      await page.waitForSelector('a.button[href^="/signin/tampere"]');
      if (lang !== 'fi') await expectAccessible(page, `sign-in with a provider button (${lang})`); // fi: the first test
      await page.click('a.button[href^="/signin/tampere"]');
      await signInAtProviderPage(page, 'bertil-5678');
      await page.waitForSelector('[data-error=signin_refused]');
      expect(await page.textContent('[data-error=signin_refused]')).toBe(ERRORS.signin_refused[lang]);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expectAccessible(page, `refusal page (${lang})`);
      expect((await context.cookies(service.url)).find((c) => c.name === 'kohtaanto_session')).toBeUndefined();
      await context.close();
    });
  }

  it("signs out at the provider too: the next sign-in asks for the person's password again", async () => {
    const { context, page } = await fresh('fi');
    await signInThroughProvider(page, 'aino-1234');
    // The control: while the provider's session lasts, a sign-in passes its pages without a login.
    const again = await context.newPage();
    await again.goto(`${service.url}/signin/tampere?lang=fi`);
    await again.waitForSelector('header nav');
    await again.close();

    await page.reload();
    await page.waitForSelector('header nav');
    await page.click(`header button:text("${TEXTS.fi.signOut}")`);
    await page.waitForURL((url) => url.href.startsWith(`${signin.provider.issuer}/session/end`));
    await page.click('button[name=logout][value=yes]');
    // Back at the service's sign-in page, signed out of both.
    await page.waitForSelector('#key');
    expect(new URL(page.url()).origin).toBe(service.url);
    expect((await context.cookies(service.url)).find((c) => c.name === 'kohtaanto_session')).toBeUndefined();
    await page.click('a.button[href^="/signin/tampere"]');
    await page.waitForSelector('input[name=login]');
    await context.close();
  });

  it('says on the sign-in page why the session ended: a person removed from the group, at the re-check', async () => {
    const { context, page } = await fresh('sv');
    await signInThroughProvider(page, 'ville-77');
    await page.waitForSelector('main h1');
    signin.provider.accounts.get('ville-77')!.groups = ['staff'];
    await new Promise((done) => setTimeout(done, RECHECK_MINUTES * 60_000 + 500));
    // The next thing they do: the service checks their groups again and ends the session.
    await page.click(`header nav a:text("${TEXTS.sv['nav.transfers']}")`);
    await page.waitForSelector('#key');
    expect(await page.textContent('main p[role=status]')).toBe(TEXTS.sv['signIn.ended.revoked']);
    await expectAccessible(page, 'sign-in page after the access was revoked (sv)');
    await context.close();
  });
});
