/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { call, sampleVacancy } from '../helpers/service.js';
import { expectAccessible, screenshot, settled, signIn, useWebApp } from './browser.js';

/**
 * No lost edits in the web app (issue 31, item 1), in Chromium against the real service: two
 * counsellors editing one client (the second save meets the conflict screen, in Swedish, and
 * nothing stored changes), a new vacancy on a taken id, forms that follow the record they edit, the
 * warning before leaving unsaved changes, and an edit that keeps the fields the form does not show.
 */
const web = useWebApp();
const CLIENT = 'JS-000067';

const fresh = (lang?: string) => web.fresh(lang);

const stored = async (path: string) => (await call(web.service.as('admin'), 'GET', path)).body;

describe('editing without lost writes', () => {
  it('two counsellors edit one client: the second save gets the conflict screen in Swedish, nothing stored changes', async () => {
    const before = await stored(`/v1/jobseekers/${CLIENT}`);
    expect(before).toMatchObject({ occupation: '9112', educationLevel: 'basic', remote: false });
    const [a, b] = [await fresh('sv'), await fresh('sv')];
    for (const { page } of [a, b]) {
      await signIn(page, web.service.url, web.service.keys.counsellor);
      await page.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
      await page.waitForSelector('#p-title');
      await settled(page);
    }
    // The first saves a new job title: every field the form does not show is kept.
    await a.page.fill('#p-title', 'lokalvårdare');
    await a.page.click('form.profile button[type=submit]');
    await a.page.waitForSelector('text=Sparat.');
    const afterA = await stored(`/v1/jobseekers/${CLIENT}`);
    expect(afterA.title).toBe('lokalvårdare');
    const { title: _t, version: _v, updatedAt: _u, ...rest } = afterA;
    const { title: _t0, version: _v0, updatedAt: _u0, ...restBefore } = before;
    expect(rest).toEqual(restBefore); // occupation, education level, remote, … as they were
    expect(afterA.version).toBeGreaterThan(before.version);

    // The second, with the page opened before that save, changes the summary and saves.
    await b.page.fill('#p-summary', 'Städare med 18 års erfarenhet.');
    await b.page.click('form.profile button[type=submit]');
    const conflict = b.page.locator('.conflict[role=alert]');
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('Någon annan hann ändra detta');
    expect(text).toContain(`Någon annan ändrade posten ${CLIENT} efter att du öppnade den; dina ändringar sparades inte.`);
    // What changed: the stored title against this person's (older) one, and their summary against the stored.
    const rows = await conflict.locator('tbody tr').allTextContents();
    expect(rows.find((r) => r.startsWith('Titel'))).toContain('lokalvårdare');
    expect(rows.find((r) => r.startsWith('Sammanfattning'))).toContain('Städare med 18 års erfarenhet.');
    expect(await stored(`/v1/jobseekers/${CLIENT}`)).toEqual(afterA); // nothing stored changed
    await expectAccessible(b.page, 'conflict screen');
    await screenshot(b.page, 'conflict-sv');

    // Reloading shows what is stored now, the person's edit gone.
    await b.page.click('text=Ladda de sparade uppgifterna (släpp mina ändringar)');
    await expect.poll(() => b.page.inputValue('#p-title')).toBe('lokalvårdare');
    expect(await b.page.inputValue('#p-summary')).toBe(before.summary);
    expect(await b.page.locator('.conflict').count()).toBe(0);

    // Or overwrite knowingly: a new conflict, then "overwrite" stores the edit over the current version.
    await a.page.fill('#p-title', 'städare');
    await a.page.click('form.profile button[type=submit]');
    await expect.poll(async () => (await stored(`/v1/jobseekers/${CLIENT}`)).title).toBe('städare');
    await b.page.fill('#p-summary', 'Städare, snabb och noggrann.');
    await b.page.click('form.profile button[type=submit]');
    await b.page.locator('.conflict').waitFor();
    await b.page.click('text=Skriv över det sparade med mina ändringar');
    await b.page.waitForSelector('text=Sparat.');
    const overwritten = await stored(`/v1/jobseekers/${CLIENT}`);
    expect([overwritten.title, overwritten.summary, overwritten.occupation]).toEqual(['lokalvårdare', 'Städare, snabb och noggrann.', '9112']);
    await a.context.close();
    await b.context.close();
  });

  it('a new vacancy on a taken id is refused and offers the existing one; forms follow the record; leaving unsaved edits warns', async () => {
    const unit = web.service.as('employer-service');
    expect((await call(unit, 'PUT', '/v1/vacancies/V-312', sampleVacancy('V-312', { title: 'sairaanhoitaja', municipality: 'Tampere' }))).status).toBe(201);
    expect((await call(unit, 'PUT', '/v1/vacancies/TRE-2026-17', sampleVacancy('TRE-2026-17', { title: 'lähihoitaja', municipality: 'Tampere' }))).status).toBe(201);
    const existing = await stored('/v1/vacancies/TRE-2026-17');
    const { context, page } = await fresh('sv');
    await signIn(page, web.service.url, web.service.keys['employer-service']);

    await page.goto(`${web.service.url}/#/vacancies/new`);
    await page.fill('#v-id', 'TRE-2026-17');
    await page.fill('#v-title', 'Siivooja');
    await page.fill('#v-description', 'Toimitilojen siivousta.');
    await page.fill('#v-municipality', 'Tampere');
    await page.click('form.profile button[type=submit]');
    const refusal = page.locator('[role=alert]:has-text("Id:t används redan")');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Det finns redan en post med id TRE-2026-17');
    expect(await stored('/v1/vacancies/TRE-2026-17')).toEqual(existing);
    await screenshot(page, 'id-taken-sv');
    await expectAccessible(page, 'id taken');
    // Opening the existing one warns first: the new form has unsaved edits. Kept on "cancel", left on "OK".
    const dialogs: string[] = [];
    page.once('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.click('text=Öppna den befintliga TRE-2026-17');
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('osparade ändringar');
    expect(await page.inputValue('#v-title')).toBe('Siivooja');
    expect(page.url()).toContain('#/vacancies/new');
    page.once('dialog', (d) => void d.accept());
    await page.click('text=Öppna den befintliga TRE-2026-17');
    // The existing vacancy opens as a unit reads it (its summary and candidates), its form behind "Redigera".
    const heading = () => page.evaluate(() => document.querySelector('h1')?.firstChild?.textContent ?? '');
    await expect.poll(heading).toBe('lähihoitaja');
    await page.getByRole('link', { name: 'Redigera', exact: true }).click();
    await expect.poll(() => page.inputValue('#v-title').catch(() => '')).toBe('lähihoitaja');

    // From one vacancy's form to another's inside the app: the form holds the second one's values.
    await page.evaluate(() => (location.hash = '/vacancies/V-312/edit'));
    await expect.poll(() => page.inputValue('#v-title')).toBe('sairaanhoitaja');
    await settled(page);
    await page.evaluate(() => (location.hash = '/vacancies/TRE-2026-17/edit'));
    await expect.poll(heading).toBe('lähihoitaja');
    await settled(page);
    expect(await page.inputValue('#v-title')).toBe('lähihoitaja');
    expect(await page.locator('#v-id').count()).toBe(0); // an existing vacancy's id is not edited

    // A change saved keeps the fields the form does not show, and the version moves on.
    await page.fill('#v-positions', '3');
    await page.click('form.profile button[type=submit]');
    await page.waitForSelector('text=Sparat.');
    const saved = await stored('/v1/vacancies/TRE-2026-17');
    expect(saved.positions).toBe(3);
    expect(saved.version).toBeGreaterThan(existing.version);
    const { positions: _p, version: _v, updatedAt: _u, normalized: _n, ...rest } = saved;
    const { positions: _p0, version: _v0, updatedAt: _u0, normalized: _n0, ...restBefore } = existing;
    expect(rest).toEqual(restBefore);

    // The browser's own warning when the tab is closed or reloaded with unsaved edits (asked of the
    // page's beforeunload handler; headless Chromium shows no dialog without a real user gesture).
    const leaving = () => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(await leaving()).toBe(false);
    await page.fill('#v-salary', '2 800 €/kk');
    await expect.poll(leaving).toBe(true);
    await context.close();
  });
});
