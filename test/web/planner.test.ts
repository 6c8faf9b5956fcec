/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, signIn, useWebApp } from './browser.js';

/**
 * The planner's page opened from an address (a link, a pasted URL, the back button, a reload): the
 * area-kind and place selects show what the figures below are for.
 */
const web = useWebApp();

/** What the two selects show, and the vacancies figure of the dashboard. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const kind = document.querySelector('#area-kind') as HTMLSelectElement;
    const place = document.querySelector('#area-place') as HTMLSelectElement;
    return {
      kind: kind.value,
      place: place.value,
      placeName: place.selectedOptions[0]?.textContent ?? '',
      vacancies: document.querySelector('dl.indicators dd')?.textContent?.replace(/\s/g, '') ?? '',
    };
  });

/** The vacancies the service counts for the place, as the dashboard's first figure shows them. */
const vacanciesIn = (page: Page, where: string) =>
  page.evaluate(async (q) => String((await (await fetch(`/v1/analytics/mismatch?${q}`)).json()).vacancies), where);

const open = async (page: Page, address: string) => {
  await page.goto(`${web.service.url}/#${address}`);
  await page.waitForSelector('dl.indicators');
  await settled(page);
};

describe("the planner's page opened from an address", () => {
  it('shows the kind and place of the address in the selects, agreeing with the figures, through links, back and reload', async () => {
    const { context, page } = await web.fresh('fi');
    await signIn(page, web.service.url, web.service.keys.planner); // lands on the planner's page: its form is already there

    await open(page, '/planner?kind=region&place=06');
    expect(await shown(page)).toEqual({ kind: 'region', place: '06', placeName: 'Pirkanmaa', vacancies: await vacanciesIn(page, 'region=06') });
    // The skills table lists skills that vacancies ask for (no "0 / <5" rows of skills nobody asks for).
    const demand = await page.locator('table.bars').first().locator('tbody td:nth-child(2)').allTextContents();
    expect(demand.length).toBeGreaterThan(5);
    expect(demand.filter((d) => !(Number(d.replace(/\s/g, '')) > 0))).toEqual([]);

    await open(page, '/planner?kind=municipality&place=837');
    expect(await shown(page)).toMatchObject({ kind: 'municipality', place: '837', placeName: 'Tampere', vacancies: await vacanciesIn(page, 'municipality=837') });

    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('kind=region'));
    await settled(page);
    expect(await shown(page)).toMatchObject({ kind: 'region', place: '06', vacancies: await vacanciesIn(page, 'region=06') });

    await page.reload();
    await page.waitForSelector('dl.indicators');
    await settled(page);
    expect(await shown(page)).toMatchObject({ kind: 'region', place: '06', placeName: 'Pirkanmaa' });

    // Picking again from there shows the new choice's figures, and the selects keep it.
    await page.selectOption('#area-kind', 'area');
    await page.selectOption('#area-place', 'tampere');
    await page.focus('form.search button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('kind=area'));
    await settled(page);
    expect(await shown(page)).toMatchObject({ kind: 'area', place: 'tampere', vacancies: await vacanciesIn(page, 'area=tampere') });
    // The form stayed: a keyboard user's focus is still on its button.
    expect(await page.evaluate(() => document.activeElement?.matches('form.search button'))).toBe(true);
    await context.close();
  });

  it('treats an address with an unknown kind as no choice: no figures for a kind the select cannot show', async () => {
    const { context, page } = await web.fresh('en');
    await signIn(page, web.service.url, web.service.keys.planner);
    await page.goto(`${web.service.url}/#/planner?kind=planet&place=06`);
    await page.waitForSelector('p.empty');
    expect(await page.$('dl.indicators')).toBeNull();
    expect(await page.$eval('#area-kind', (el) => (el as HTMLSelectElement).value)).toBe('area');
    expect(await page.$eval('#area-place', (el) => (el as HTMLSelectElement).value)).toBe('');
    await context.close();
  });
});
