/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, settled, signIn, useWebApp } from './browser.js';

/**
 * A planner who has spent the day's budget of noisy reports (KOHTAANTO_NOISY_REPORTS_PER_DAY; 429
 * `report_budget_spent` with Retry-After, test/http/report-budget.test.ts) on the planner's page: each
 * panel that asks a noisy report (demand and supply of skills and occupations, mismatch, what works,
 * training plan, exposure) says so in the page's language, the rest of the page keeps working, a question
 * already asked still shows, and axe finds nothing on that state.
 */
const PER_DAY = 5; // the dashboard of one place: mismatch, skills, occupations, what works, exposure
const web = useWebApp({ env: { KOHTAANTO_NOISY_REPORTS_PER_DAY: String(PER_DAY) } });

/** The budget's message, by language (src/core/errors.ts report_budget_spent). */
const SPENT = { fi: /tilastoraporttia.*huomista/s, sv: /statistikrapporter.*i morgon/s, en: /statistical reports.*tomorrow/s } as const;

const open = async (page: Page, address: string) => {
  await page.goto(`${web.service.url}/#${address}`);
  await page.waitForSelector('form.search');
  await page.waitForFunction(() => document.querySelectorAll('main h2').length >= 6);
  await settled(page);
};

/** Each panel under its heading: the heading's text and whether it shows the refusal (and its text). */
const panels = (page: Page) =>
  page.evaluate(() => {
    const out: { title: string; alert: string }[] = [];
    for (const h of Array.from(document.querySelectorAll('main h2'))) {
      let alert = '';
      for (let el = h.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
        const found = el.matches('.error[role=alert]') ? el : el.querySelector('.error[role=alert]');
        if (found) alert = (found.textContent ?? '').trim();
      }
      out.push({ title: (h.textContent ?? '').trim(), alert });
    }
    return out;
  });

describe('the planner\'s page when the day\'s budget of noisy reports is spent', () => {
  it('says so on each noisy panel in fi, sv and en; the other panels, the form and the questions already asked keep working; axe finds nothing', async () => {
    const { context, page } = await web.fresh('fi');
    await signIn(page, web.service.url, web.service.keys.planner);
    // The budget: one place's dashboard.
    await open(page, '/planner?kind=area&place=tampere');
    expect((await panels(page)).filter((p) => p.alert)).toEqual([]);
    expect(await page.locator('dl.indicators').count()).toBeGreaterThan(0);

    // A new question on one panel is refused there; the others keep their figures.
    await page.selectOption('#exposure-source', 'replay');
    await page.waitForSelector('.error[role=alert]');
    await settled(page);
    const oneRefused = (await panels(page)).filter((p) => p.alert);
    expect(oneRefused).toHaveLength(1);
    expect(oneRefused[0]!.alert).toMatch(SPENT.fi);
    expect(await page.locator('table.bars').count()).toBe(2);
    // The training plan: refused with the same message, the form stays usable.
    await page.click('form.search:has(#budget) button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.error[role=alert]').length === 2);
    expect((await panels(page)).filter((p) => p.alert).map((p) => p.alert)).toEqual([expect.stringMatching(SPENT.fi), expect.stringMatching(SPENT.fi)]);
    expect(await page.isEnabled('form.search:has(#budget) button[type=submit]')).toBe(true);
    await expectAccessible(page, 'planner, budget spent on two panels (fi)');

    // Another place: every noisy panel refused, none breaks the page.
    await open(page, '/planner?kind=area&place=helsinki');
    const refused = (await panels(page)).filter((p) => p.alert);
    expect(refused.length).toBe(5);
    for (const p of refused) expect(p.alert, p.title).toMatch(SPENT.fi);
    await expectAccessible(page, 'planner, budget spent (fi)');

    // Back to the place asked before, through the form: the same questions still show.
    await page.selectOption('#area-kind', 'area');
    await page.selectOption('#area-place', 'tampere');
    await page.click('form.search:not(:has(#budget)) button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('place=tampere'));
    await page.waitForSelector('dl.indicators');
    await settled(page);
    // The exposure panel keeps the source picked (replay: never answered for this place), the others show their figures…
    expect((await panels(page)).filter((p) => p.alert).length).toBe(1);
    expect(await page.$eval('#exposure-source', (el) => (el as HTMLSelectElement).value)).toBe('replay');
    // …and the source asked before shows again.
    await page.selectOption('#exposure-source', 'decisions');
    await page.waitForFunction(() => document.querySelectorAll('.error[role=alert]').length === 0);
    await settled(page);
    expect((await panels(page)).filter((p) => p.alert)).toEqual([]);
    await context.close();

    for (const lang of ['sv', 'en'] as const) {
      const other = await web.fresh(lang);
      await signIn(other.page, web.service.url, web.service.keys.planner);
      await open(other.page, '/planner?kind=area&place=helsinki');
      const shown = (await panels(other.page)).filter((p) => p.alert);
      expect(shown.length, lang).toBe(5);
      for (const p of shown) expect(p.alert, `${lang}: ${p.title}`).toMatch(SPENT[lang]);
      await other.page.click('form.search:has(#budget) button[type=submit]');
      await other.page.waitForFunction(() => document.querySelectorAll('.error[role=alert]').length === 6);
      await expectAccessible(other.page, `planner, budget spent (${lang})`);
      // The page's language, not the browser's: the same place in the language asked before still shows.
      await open(other.page, '/planner?kind=area&place=tampere');
      expect((await panels(other.page)).filter((p) => p.alert), lang).toEqual([]);
      await other.context.close();
    }
  });
});
