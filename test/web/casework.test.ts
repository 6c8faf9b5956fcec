/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, sampleJobseeker, sampleVacancy, type Caller } from '../helpers/service.js';
import { expectAccessible, screenshot, settled, signIn, tabTo, useWebApp } from './browser.js';

/**
 * Issue 33 item 9 in Chromium: a counsellor suggests a vacancy to a client from "Vacancies that
 * fit" (Finnish), the vacancy's employer unit moves the candidate to interview in its pipeline by
 * keyboard (Swedish), the counsellor's Suggestions tab — opened before, so its change is stale —
 * refuses a change over it and then shows the interview, with the obligation meter counting it
 * (English) and is told of it in the header and on the notifications page (item 8); another
 * employer unit sees no one. The pages axe-clean in fi, sv and en.
 */
const web = useWebApp({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });

const CLIENT = 'CW-1';
const VACANCY = 'CWV-1';
const NAME = 'Tiina Testaaja';

async function open(page: Page, url: string, text: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector(`text=${text}`, { timeout: 60_000 });
  await settled(page);
}

describe('job suggestions and the candidate pipeline in the web app (issue 33)', () => {
  let otherUnit: Caller;

  it('a counsellor suggests from a match, the unit moves the candidate to interview, the counsellor sees it; another unit does not', { timeout: 240_000 }, async () => {
    const { service } = web;
    const admin = service.as('admin');
    const counsellor = service.as('counsellor');
    const employer = service.as('employer-service');
    expect((await call(counsellor, 'PUT', `/v1/jobseekers/${CLIENT}`, { ...sampleJobseeker(CLIENT), name: NAME, contact: { email: 'tiina@example.fi' } })).status).toBe(201);
    expect((await call(employer, 'PUT', `/v1/vacancies/${VACANCY}`, sampleVacancy(VACANCY, { title: 'Hitsaaja CW', skills: ['MIG-hitsaus', 'piirustusten lukeminen'], description: 'Konepaja hakee hitsaajaa: MIG-hitsaus ja piirustusten lukeminen.' }))).status).toBe(201);
    expect((await call(admin, 'POST', '/v1/admin/organisations', { id: 'unit-2', name: 'Other unit', kind: 'employer-services' })).status).toBe(201);
    const issued = await call(admin, 'POST', '/v1/admin/keys', { role: 'employer-service', name: 'other unit', organisation: 'unit-2' });
    expect(issued.status).toBe(201);
    otherUnit = { url: service.url, key: issued.body.key };

    // The counsellor (Finnish) suggests the vacancy from the client's matches, with the client's consent.
    const fi = await web.fresh('fi');
    await signIn(fi.page, service.url, service.keys.counsellor);
    await open(fi.page, `${service.url}/#/clients/${CLIENT}`, 'Sopivat työpaikat');
    const hit = fi.page.locator('li.hit', { has: fi.page.locator('code', { hasText: VACANCY }) });
    await hit.locator('button.why').click();
    await hit.locator('button', { hasText: 'Ehdota asiakkaalle: Hitsaaja CW' }).click();
    await hit.locator('input[type=checkbox]').check();
    await expectAccessible(fi.page, 'fi suggest form');
    await hit.locator('button[type=submit]', { hasText: 'Ehdota' }).click();
    await hit.locator('[role=status]', { hasText: 'Ehdotettu: haettava viimeistään' }).waitFor();
    await hit.locator('a', { hasText: 'Työpaikkaehdotukset' }).click();
    await fi.page.waitForSelector('text=Ehdotetut työpaikat');
    await settled(fi.page);
    const fiRow = fi.page.locator('tr', { hasText: 'Hitsaaja CW' });
    expect(await fiRow.innerText()).toMatch(/Ehdotettu/);
    expect(await fi.page.locator('label[for=obligation-meter]').innerText()).toBe('Laskettuja hakemuksia: 0 / 4');
    expect(await fi.page.locator('.obligation').innerText()).toMatch(/Sopivia avoimia työpaikkoja asiakkaan työmatka-alueella nyt: [1-9]/);
    await screenshot(fi.page, 'fi-client-suggestions');
    await expectAccessible(fi.page, 'fi client suggestions');

    // The employer unit (Swedish) sees the client by name (shared with consent) and moves them to interview by keyboard alone.
    const sv = await web.fresh('sv');
    await signIn(sv.page, service.url, service.keys['employer-service']);
    await open(sv.page, `${service.url}/#/vacancies/${VACANCY}`, 'Föreslagna kandidater');
    await sv.page.waitForSelector('header nav >> text=Aviseringar (1 ny)'); // the share, in the header (one: the singular)
    const svRow = sv.page.locator('tr', { hasText: NAME });
    expect(await svRow.innerText()).toMatch(/delad med er[\s\S]*Föreslaget/);
    expect(await svRow.innerText()).not.toContain(CLIENT); // never the client's id
    // The unit records only its own steps: no "applied", "declined" or "withdrawn" buttons.
    expect(await svRow.locator('button').allInnerTexts()).toEqual(['Kallad till intervju', 'Inte vald']);
    await expectAccessible(sv.page, 'sv vacancy pipeline');
    await tabTo(sv.page, (el) => el.tag === 'button' && el.text === 'Kallad till intervju', 300);
    await sv.page.keyboard.press('Enter');
    await sv.page.locator('tr', { hasText: NAME }).locator('td strong', { hasText: 'Intervju' }).waitFor();
    expect(await sv.page.locator('dl[aria-label="Föreslagna kandidater efter läge"]').innerText()).toMatch(/Intervju\s+1/);
    await screenshot(sv.page, 'sv-vacancy-pipeline');
    await expectAccessible(sv.page, 'sv vacancy pipeline after the change');

    // The counsellor's tab still shows version 1: a change over it is refused with the conflict message, nothing stored.
    await fiRow.locator('button', { hasText: 'Haki' }).click();
    const alert = fiRow.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/muutettu välillä[\s\S]*Joku muu muutti/);
    await fiRow.locator('button', { hasText: 'Näytä ehdotus sellaisena kuin se nyt on' }).click();
    await fi.page.locator('tr', { hasText: 'Hitsaaja CW' }).locator('td strong', { hasText: 'Haastattelu' }).waitFor();
    const stored = await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}/job-suggestions`);
    expect(stored.body.items.map((s: { state: string; version: number }) => `${s.state}@${s.version}`)).toEqual(['interview@2']);
    await fi.context.close();
    await sv.context.close();

    // In English the tab shows the interview, who recorded it, and the interview counted as an application.
    const en = await web.fresh('en');
    await signIn(en.page, service.url, service.keys.counsellor);
    await open(en.page, `${service.url}/#/clients/${CLIENT}?tab=suggestions`, 'Suggested vacancies');
    const enRow = en.page.locator('tr', { hasText: 'Hitsaaja CW' });
    await enRow.locator('summary').click();
    expect(await enRow.innerText()).toMatch(/Interview[\s\S]*\(employer services\)/);
    expect(await en.page.locator('label[for=obligation-meter]').innerText()).toBe('Applications counted: 1 of 4');
    expect(await en.page.locator('.obligation').innerText()).not.toMatch(/sanction|penalt/i);
    await screenshot(en.page, 'en-client-suggestions');
    await expectAccessible(en.page, 'en client suggestions');
    // The header tells the counsellor of the unit's change; the notifications page names it, and marks it read.
    await en.page.click('header nav >> text=Notifications (1 new)');
    await en.page.waitForSelector('text=Unread: 1');
    await settled(en.page);
    expect(await en.page.locator('ul.notifications').innerText()).toMatch(/new\s.*recorded “Interview”: Tiina Testaaja, Hitsaaja CW/);
    await screenshot(en.page, 'en-notifications');
    await expectAccessible(en.page, 'en notifications');
    await en.page.click('button:text("Mark all read")');
    await en.page.waitForSelector('text=Unread: 0');
    expect(await en.page.locator('header nav').innerText()).not.toMatch(/new/);
    await en.context.close();

    // Another employer unit: refused, and no one named.
    expect((await call(otherUnit, 'GET', `/v1/vacancies/${VACANCY}/job-suggestions`)).status).toBe(403);
    expect((await call(otherUnit, 'POST', `/v1/job-suggestions/${stored.body.items[0].id}/state`, { state: 'hired', version: 2 })).status).toBe(404);
    const other = await web.fresh('fi');
    await signIn(other.page, service.url, otherUnit.key!);
    await open(other.page, `${service.url}/#/vacancies/${VACANCY}`, 'Ehdotetut hakijat');
    expect(await other.page.locator('[role=alert]').first().innerText()).toMatch(/Ei sallittu/);
    expect(await other.page.textContent('body')).not.toContain('Tiina');
    await other.context.close();
  });

  it('the pages are axe-clean in the other languages', { timeout: 240_000 }, async () => {
    const { service } = web;
    const pages: [string, string, string, string][] = [
      ['sv', 'counsellor', `/#/clients/${CLIENT}?tab=suggestions`, 'Föreslagna jobb'],
      ['fi', 'employer-service', `/#/vacancies/${VACANCY}`, 'Ehdotetut hakijat'],
      ['en', 'employer-service', `/#/vacancies/${VACANCY}`, 'Suggested candidates'],
      ['fi', 'counsellor', '/#/notifications', 'Lukemattomia: 0'],
      ['sv', 'employer-service', '/#/notifications', 'Olästa: 1'],
    ];
    for (const [lang, role, path, text] of pages) {
      const { context, page } = await web.fresh(lang);
      await signIn(page, service.url, service.keys[role as 'counsellor' | 'employer-service']);
      await open(page, `${service.url}${path}`, text);
      await screenshot(page, `${lang}-${path.includes('notifications') ? 'notifications' : role === 'counsellor' ? 'client-suggestions' : 'vacancy-pipeline'}`);
      await expectAccessible(page, `${lang} ${path}`);
      await context.close();
    }
  });
});
