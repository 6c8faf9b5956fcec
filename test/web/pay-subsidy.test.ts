/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { call, sampleJobseeker, sampleVacancy } from '../helpers/service.js';
import { expectAccessible, screenshot, settled, signIn, useWebApp } from './browser.js';

/**
 * Pay subsidy in Chromium (issue 33, item 7): employer services tick "a pay-subsidised hire is
 * accepted" on the vacancy form (Finnish); a counsellor records the assessment on the client's
 * profile, with long-term unemployment as a hint, and asks for the vacancies where both hold
 * (Swedish and Finnish); every page axe-clean. Employer services never see the assessment.
 */
const web = useWebApp({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });

const stored = async (path: string) => (await call(web.service.as('admin'), 'GET', path)).body;
const shownIds = (page: import('playwright-core').Page) => page.locator('ol.hits > li p.muted > code').allTextContents();

describe('pay subsidy in the web app', () => {
  it('the vacancy form says whether a subsidised hire is accepted (fi), and keeps it as saved', async () => {
    const unit = web.service.as('employer-service');
    for (const id of ['PSW-1', 'PSW-2', 'PSW-3']) {
      expect((await call(unit, 'PUT', `/v1/vacancies/${id}`, sampleVacancy(id, { employer: `Konepaja ${id}`, ...(id === 'PSW-3' ? { paySubsidy: true } : {}) }))).status).toBe(201);
    }
    const { context, page } = await web.fresh('fi');
    await signIn(page, web.service.url, web.service.keys['employer-service']);
    await page.goto(`${web.service.url}/#/vacancies/PSW-1/edit`);
    await page.waitForSelector('#v-pay-subsidy');
    await settled(page);
    expect(await page.isChecked('#v-pay-subsidy')).toBe(false);
    expect(await page.textContent('label[for=v-pay-subsidy]')).toBe('Palkkatuella palkkaaminen käy');
    await page.check('#v-pay-subsidy');
    await page.click('form.profile button[type=submit]');
    await page.waitForSelector('text=Tallennettu.');
    const saved = await stored('/v1/vacancies/PSW-1');
    expect(saved.paySubsidy).toBe(true);
    expect(saved.employer).toBe('Konepaja PSW-1'); // the rest as it was
    await expectAccessible(page, 'fi vacancy form with pay subsidy');
    await screenshot(page, 'fi-vacancy-pay-subsidy');
    // Unticked again: false, not left out (it had been said).
    await page.uncheck('#v-pay-subsidy');
    await page.click('form.profile button[type=submit]');
    await expect.poll(async () => (await stored('/v1/vacancies/PSW-1')).paySubsidy).toBe(false);
    await page.check('#v-pay-subsidy');
    await page.click('form.profile button[type=submit]');
    await expect.poll(async () => (await stored('/v1/vacancies/PSW-1')).paySubsidy).toBe(true);
    await context.close();
  });

  it('a counsellor records the assessment (sv), with long-term unemployment as a hint, and filters the vacancies where both hold', async () => {
    const counsellor = web.service.as('counsellor');
    expect((await call(counsellor, 'PUT', '/v1/jobseekers/PSW-J1', sampleJobseeker('PSW-J1', { unemployedSince: '2024-02-01', name: 'Saga Exempel' }))).status).toBe(201);
    const { context, page } = await web.fresh('sv');
    await signIn(page, web.service.url, web.service.keys.counsellor);
    // No assessment yet: the filter is not offered.
    await page.goto(`${web.service.url}/#/clients/PSW-J1?tab=matches`);
    await page.waitForSelector('ol.hits');
    await settled(page);
    expect(await page.locator('#pay-subsidy').count()).toBe(0);
    expect((await shownIds(page)).sort()).toEqual(['PSW-1', 'PSW-2', 'PSW-3']);

    await page.goto(`${web.service.url}/#/clients/PSW-J1?tab=profile`);
    await page.waitForSelector('#p-pay-subsidy');
    await settled(page);
    expect(await page.textContent('#p-pay-subsidy-hint')).toContain('Arbetslös sedan');
    expect(await page.textContent('#p-pay-subsidy-hint')).toContain('bedömningen gör du');
    expect(await page.inputValue('#p-pay-subsidy')).toBe('');
    await page.selectOption('#p-pay-subsidy', { label: 'Lönesubvention passar kunden' });
    await page.click('form.profile button[type=submit]');
    await page.waitForSelector('text=Sparat.');
    expect((await stored('/v1/jobseekers/PSW-J1')).paySubsidyEligible).toBe(true);
    await expectAccessible(page, 'sv client profile with pay subsidy');
    await screenshot(page, 'sv-client-pay-subsidy');

    await page.goto(`${web.service.url}/#/clients/PSW-J1?tab=matches`);
    await page.waitForSelector('#pay-subsidy');
    await settled(page);
    expect(await page.textContent('label[for=pay-subsidy]')).toBe('Bara jobb där anställning med lönesubvention går bra');
    await page.check('#pay-subsidy');
    await page.click('form.search button[type=submit]');
    await expect.poll(async () => (await shownIds(page)).sort()).toEqual(['PSW-1', 'PSW-3']);
    await settled(page);
    expect(await page.locator('ol.hits > li .badge:has-text("lönesubvention går bra")').count()).toBe(2);
    await expectAccessible(page, 'sv matches filtered to pay subsidy');
    await screenshot(page, 'sv-matches-pay-subsidy');
    await context.close();
  });

  it('the same filter in Finnish, and the employer unit sees nothing of the assessment', async () => {
    const { context, page } = await web.fresh('fi');
    await signIn(page, web.service.url, web.service.keys.counsellor);
    await page.goto(`${web.service.url}/#/clients/PSW-J1?tab=matches`);
    await page.waitForSelector('#pay-subsidy');
    await settled(page);
    expect(await page.textContent('label[for=pay-subsidy]')).toBe('Vain palkkatuella palkkaavat työpaikat');
    await page.check('#pay-subsidy');
    await page.click('form.search button[type=submit]');
    await expect.poll(async () => (await shownIds(page)).sort()).toEqual(['PSW-1', 'PSW-3']);
    await settled(page);
    await expectAccessible(page, 'fi matches filtered to pay subsidy');
    await context.close();

    // The unit's candidate list of its vacancy: the client, pseudonymous, and no word of a pay subsidy assessment.
    const unit = await web.fresh('fi');
    await signIn(unit.page, web.service.url, web.service.keys['employer-service']);
    await unit.page.goto(`${web.service.url}/#/vacancies/PSW-3`);
    await unit.page.waitForSelector('ol.hits');
    await settled(unit.page);
    const text = (await unit.page.textContent('main')) ?? '';
    expect(text).not.toContain('Saga Exempel');
    expect(text).not.toMatch(/palkkatuki sopii|Palkkatuki ei sovi|Ei arvioitu/i);
    await unit.context.close();
  });
});
