/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAtProviderPage, startSignInService, type SignInService } from '../helpers/signin-service.js';
import { call, type RunningService } from '../helpers/service.js';
import { expectAccessible, launch, screenshot, settled, signIn } from './browser.js';

/**
 * An admin's day in the web app, in Swedish, in Debian's Chromium: a new organisation, a group of
 * the identity provider mapped to it (and a person of that group signed in through the provider), a
 * key rotated after a dialog naming it, the audit trail filtered; axe on every admin page in fi/sv/en.
 */
let signin: SignInService;
let service: RunningService;
let browser: Browser;

beforeAll(async () => {
  signin = await startSignInService({
    id: 'vasa',
    name: 'Vasaregionen',
    host: 'localhost',
    accounts: { 'siv-77': { name: 'Siv Sundström', groups: ['vasa-handledare'] } },
    roles: [{ value: 'kohtaanto-counsellors', organisation: 'test-area', role: 'counsellor' }],
  });
  service = signin.service;
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await signin?.close();
});

async function fresh(lang: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('kohtaanto.lang', l), lang);
  return { context, page: await context.newPage() };
}

const tab = async (page: Page, name: string) => {
  await page.goto(`${service.url}/#/admin?tab=${name}`);
  await page.waitForLoadState('networkidle');
  await settled(page);
};

describe("an admin's journey in Swedish", () => {
  it('creates an organisation, maps a group to it, rotates a key after a dialog naming it, and filters the audit trail', async () => {
    const { context, page } = await fresh('sv');
    await signIn(page, service.url, service.keys.admin);

    // A new organisation: the kinds and their roles are listed; a missing area is said in Swedish.
    await tab(page, 'organisations');
    expect(await page.textContent('table')).toContain('handläggare');
    await page.fill('#org-id', 'vasa-sysselsattning');
    await page.fill('#org-name', 'Vasa sysselsättningsområde');
    await page.selectOption('#org-area', { label: 'Österbottens sysselsättningsområde' });
    await page.click('button:has-text("Lägg till organisationen")');
    await page.waitForSelector('p.notice');
    expect(await page.textContent('p.notice')).toContain('Vasa sysselsättningsområde');
    await page.waitForSelector('td:has-text("vasa-sysselsattning")');
    // Renamed, while another admin renamed it meanwhile: refused, said in Swedish, nothing stored.
    await page.click('button:has-text("Redigera: Vasa sysselsättningsområde")');
    const org = (await call(service.as('admin'), 'GET', '/v1/admin/organisations')).body.items.find((o: { id: string }) => o.id === 'vasa-sysselsattning');
    expect((await call(service.as('admin'), 'PATCH', '/v1/admin/organisations/vasa-sysselsattning', { name: 'Vasa (ändrad)' }, { 'if-match': `"${org.version}"` })).status).toBe(200);
    await page.fill('#edit-org-name', 'Vasaregionens sysselsättning');
    await page.click('form[aria-label^="Redigera"] button[type=submit]');
    await page.waitForSelector('[role=alert]');
    expect(await page.textContent('[role=alert]')).toContain('Någon annan ändrade vasa-sysselsattning');
    expect(await page.textContent('[role=alert] strong')).toBe('Uppgifterna har ändrats under tiden');
    await expectAccessible(page, 'sv organisations, stale change refused');
    await screenshot(page, 'admin-sv-organisation-stale');

    // A group of the identity provider mapped to it; a person of that group signs in as its counsellor.
    await tab(page, 'mappings');
    await page.fill('#map-value', 'vasa-handledare');
    await page.selectOption('#map-org', 'vasa-sysselsattning');
    await page.selectOption('#map-role', 'counsellor');
    await page.click('button:has-text("Koppla")');
    await page.waitForSelector('td code:has-text("vasa-handledare")');
    await expectAccessible(page, 'sv sign-in groups');
    await screenshot(page, 'admin-sv-mappings');
    const person = await fresh('sv');
    await person.page.goto(`${service.url}/`);
    await person.page.click('a.button[href^="/signin/vasa"]');
    await signInAtProviderPage(person.page, 'siv-77');
    await person.page.waitForSelector('header nav');
    expect(await person.page.textContent('.who')).toContain('Siv Sundström');
    await person.context.close();

    // A key rotated: the dialog names it; cancelling changes nothing, confirming shows the successor once.
    await tab(page, 'keys');
    const name = 'test planner';
    await page.click(`td.actions button:has-text("Byt nyckeln ${name}")`);
    const dialog = page.locator('dialog.confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(name);
    await expectAccessible(page, 'sv rotate dialog');
    await screenshot(page, 'admin-sv-rotate-dialog');
    await dialog.locator('button.secondary').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await service.engine.keys.verify(service.keys.planner)).toBeDefined();
    await page.click(`td.actions button:has-text("Byt nyckeln ${name}")`);
    await dialog.locator(`button:has-text("Byt nyckeln ${name}")`).click();
    await page.waitForSelector('div.notice code.key');
    const successor = await page.textContent('div.notice code.key');
    expect((await service.engine.keys.verify(successor!))?.role).toBe('planner');
    expect(await page.textContent('div.notice')).toContain(name);

    // The audit trail narrowed to the person who signed in, and to a route.
    await tab(page, 'audit');
    await page.fill('#audit-person', 'Siv');
    await page.click('form[aria-label] button[type=submit]');
    await page.waitForSelector('tbody tr');
    await settled(page);
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('Siv Sundström'))).toBe(true);
    await page.fill('#audit-route', '/signin');
    await page.click('form[aria-label] button[type=submit]');
    const signInsOnly = async () => {
      const shown = await page.locator('tbody tr').allTextContents();
      return shown.length > 0 && shown.every((r) => r.includes('/signin/:provider/callback') && r.includes('Siv Sundström'));
    };
    await expect.poll(signInsOnly, { timeout: 10_000 }).toBe(true);
    await expectAccessible(page, 'sv audit filtered');
    await screenshot(page, 'admin-sv-audit');
    await context.close();
  });
});

describe('the admin pages in fi, sv and en', () => {
  for (const lang of ['fi', 'sv', 'en'] as const) {
    it(`have no axe violations in ${lang}`, async () => {
      const { context, page } = await fresh(lang);
      await signIn(page, service.url, service.keys.admin);
      for (const name of ['organisations', 'mappings', 'keys', 'audit']) {
        await tab(page, name);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectAccessible(page, `${lang} ${name}`);
        await screenshot(page, `admin-${lang}-${name}`);
      }
      // The revoke dialog too (cancelled).
      await tab(page, 'keys');
      await page.click('td.actions button >> nth=1');
      await page.locator('dialog.confirm').waitFor();
      await expectAccessible(page, `${lang} revoke dialog`);
      await page.keyboard.press('Escape');
      await page.locator('dialog.confirm').waitFor({ state: 'detached' });
      await context.close();
    });
  }
});
