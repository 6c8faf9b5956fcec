/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordService } from '../../src/core/records.js';
import { ROOT } from '../helpers/service.js';
import { screenshot, signIn, useWebApp } from './browser.js';

/**
 * The training plan (a POST that computes and stores nothing) asked while the service is still filling
 * its vacancy concept index after a start: the service answers 503 with Retry-After past
 * KOHTAANTO_CONCEPT_WAIT_MS (300 ms here), and the page asks again as its views do for a GET, saying so,
 * instead of showing an error. Its own service: the index fills once, on the first question that needs it.
 */
const web = useWebApp({ env: { KOHTAANTO_CONCEPT_WAIT_MS: '300' } });
const FI = JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'locales', 'fi.json'), 'utf8')) as Record<string, string>;

/** A background fill of the concept index (as a worker starts one) whose pauses between chunks end only when released. */
function gatedFill(service: RecordService<any>) {
  const waiting: (() => void)[] = [];
  const done = service.fillConcepts(() => new Promise<void>((resolve) => waiting.push(resolve)));
  return { done, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}

describe("the planner's training plan while the service is preparing", () => {
  it('asks again after the time the service names, saying so ("… (1/5)"), and shows the plan once the service is ready: no error', async () => {
    const { context, page } = await web.fresh('fi');
    page.setDefaultTimeout(180_000);
    await signIn(page, web.service.url, web.service.keys.planner);
    const asked: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/v1/analytics/training-plan')) asked.push(r.status());
    });
    const gate = gatedFill(web.service.engine.vacancies);
    let filled = false;
    void gate.done.then(() => (filled = true));
    /** Lets the fill finish (also when the test fails before: the rest of the page needs the index). */
    const finish = async () => {
      while (!filled) {
        gate.release();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    /** The plan's own note, right after its form (the dashboard's views above may be preparing too). */
    const note = 'form:has(#budget) + p.preparing';
    try {
      await page.goto(`${web.service.url}/#/planner?kind=municipality&place=837`);
      await page.fill('#budget', '20');
      await page.click(`form:has(#budget) button:has-text("${FI['planner.makePlan']}")`);
      await page.waitForSelector(`${note}, .error`, { timeout: 120_000 });
      expect(await page.$('.error')).toBeNull();
      expect(await page.textContent(note)).toMatch(/^Palvelu valmistelee vielä tietoja käynnistyksen jälkeen\. Yritetään uudelleen \d+ s kuluttua \([1-5]\/5\)/);
      // Each ask so far answered "still preparing" (a second one may have been made while the note was read).
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((status) => status !== 503)).toEqual([]);
      await screenshot(page, 'fi-planner-preparing');
    } finally {
      await finish();
    }
    await page.waitForSelector('p.plan-summary, div[aria-live] > p[role=note]', { timeout: 180_000 });
    expect(await page.$('.error')).toBeNull();
    expect(await page.$(note)).toBeNull();
    expect(asked.at(-1)).toBe(200);
    await context.close();
  }, 400_000);
});
