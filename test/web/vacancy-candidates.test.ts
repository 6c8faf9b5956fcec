/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/service.js';
import { EXPECTED_STANDING, STANDING_CLIENTS, STANDING_VACANCY } from '../helpers/standing-cases.js';
import { duplicateIds, expectAccessible, screenshot, signIn, useWebApp } from './browser.js';

/**
 * A vacancy's page for employer services in Chromium (issue 29): its candidates grouped as the client's
 * page groups vacancies — who can take the job now, who fits with a gap, who does not fit — each group
 * in the ranking's order, in fi, sv and en, with each gap shown only as the pass/fail of the list.
 * Without the fixtures: the four clients of test/helpers/standing-cases.ts and their vacancy.
 */
const web = useWebApp({ env: { KOHTAANTO_SEED_FIXTURES: 'false' } });

const HEADINGS = {
  fi: { suitable: 'Voivat aloittaa nyt (1)', fit: 'Sopivat, mutta jotain puuttuu (2)', 'no-fit': 'Eivät sovi tähän työhön (1)' },
  sv: { suitable: 'Kan börja nu (1)', fit: 'Passar, men något saknas (2)', 'no-fit': 'Passar inte för det här jobbet (1)' },
  en: { suitable: 'Can take the job now (1)', fit: 'Fit, with a gap (2)', 'no-fit': 'Not a fit for this job (1)' },
} as const;

describe("a vacancy's candidates by standing", () => {
  it('groups the unit’s pseudonymous candidates under who can take the job now, who fits with a gap and who does not fit', async () => {
    const admin = web.service.as('admin');
    const unit = web.service.as('employer-service');
    for (const client of STANDING_CLIENTS) expect((await call(admin, 'PUT', `/v1/jobseekers/${client.id}`, client)).status).toBe(201);
    expect((await call(unit, 'PUT', `/v1/vacancies/${STANDING_VACANCY.id}`, STANDING_VACANCY)).status).toBe(201);
    const ranked = (await call(unit, 'GET', `/v1/vacancies/${STANDING_VACANCY.id}/candidates?k=20`)).body.hits as { id: string; standing: string; gates: Record<string, string> }[];
    // The fixture of where each stands holds (the page's counts below rest on it).
    expect(ranked.map((h) => h.standing).sort()).toEqual(Object.values(EXPECTED_STANDING).sort());

    for (const lang of ['fi', 'sv', 'en'] as const) {
      const { context, page } = await web.fresh(lang);
      await signIn(page, web.service.url, web.service.keys['employer-service']);
      await page.goto(`${web.service.url}/#/vacancies/${STANDING_VACANCY.id}`);
      await page.waitForSelector('section.standing li.hit');
      for (const standing of ['suitable', 'fit', 'no-fit'] as const) {
        expect(await page.textContent(`section.standing-${standing} h3`), `${lang} ${standing}`).toBe(HEADINGS[lang][standing]);
        const shown = await page.locator(`section.standing-${standing} li.hit code`).allTextContents();
        expect(shown, `${lang} ${standing}`).toEqual(ranked.filter((h) => h.standing === standing).map((h) => h.id));
      }
      // No id repeats across the groups (each group's panels were hit-0-why, hit-1-why, …), and each
      // candidate shows its rank in the whole ranking, not in its group.
      expect(await duplicateIds(page), lang).toEqual([]);
      const shownRanks = (await page.locator('li.hit .rank').allTextContents()).map((text) => Number(/^\d+/.exec(text)?.[0]));
      const shownIds = await page.locator('li.hit code').allTextContents();
      expect(shownRanks, lang).toEqual(shownIds.map((id) => ranked.findIndex((h) => h.id === id) + 1));
      // The groups come in that order on the page.
      const order = await page.locator('section.standing').evaluateAll((sections) => sections.map((s) => s.className));
      expect(order).toEqual(['standing standing-suitable', 'standing standing-fit', 'standing standing-no-fit']);
      // The gaps are the list's pass/fail badges: a licence failed, a commute beyond the range; nothing suitable fails one.
      expect(await page.locator('section.standing-fit .hit-side .badge.bad').count()).toBe(2);
      expect(await page.locator('section.standing-suitable .hit-side .badge.bad').count()).toBe(0);
      if (lang === 'en') {
        expect(await page.textContent('section.standing-fit')).toContain('Driving licence: ');
        await page.locator('section.standing-fit details.standing-hint summary').click();
        expect(await page.textContent('section.standing-fit details.standing-hint p')).toContain('shown only as met / not met');
        await expectAccessible(page, 'vacancy candidates by standing');
      }
      await screenshot(page, `vacancy-candidates-by-standing-${lang}`);
      await context.close();
    }
  });
});
