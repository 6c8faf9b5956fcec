import { describe, expect, it } from 'vitest';
import { plantOutcomes, plantedClock } from '../helpers/planted-outcomes.js';
import { expectAccessible, settled, signIn, useWebApp } from './browser.js';

/**
 * Issue 33, item 6, in Chromium: with planted outcomes of a training in Tampere, the counsellor's
 * training list shows its measured effect, and the planner's training plan says which purchases rest
 * on measured outcomes — in fi, sv and en, axe-clean. The outcomes are planted on a moved clock, which
 * then returns to the real time (the browser's sessions and the keys run on it).
 */
// The service starts on today (its API keys run for a year from it), plants on the moved clock, and returns.
plantedClock.at = Date.now();
const web = useWebApp({ env: { KOHTAANTO_SEED_FIXTURES: 'false' }, clock: plantedClock.now });

const MEASURED = { fi: 'Mitattu vaikutus alueella', sv: 'Uppmätt effekt i området', en: 'Measured in the area' } as const;
const PLAN_BASIS = { fi: 'mitattu, 25 osallistujaa', sv: 'uppmätt, 25 deltagare', en: 'measured, 25 participants' } as const;
const MAKE_PLAN = { fi: 'Laadi suunnitelma', sv: 'Gör planen', en: 'Make the plan' } as const;

describe('measured training effects in the web app', () => {
  it('shows them in the counsellor\'s training list and the planner\'s plan, in fi/sv/en, axe-clean', async () => {
    await plantOutcomes(web.service);
    plantedClock.at = Date.now();
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const { context, page } = await web.fresh(lang);
      await signIn(page, web.service.url, web.service.keys.counsellor);
      await page.goto(`${web.service.url}/#/clients/NEW-1?tab=plan`);
      await page.waitForSelector('ol.plan');
      await settled(page);
      const measured = await page.textContent('p.measured');
      expect(measured).toContain(MEASURED[lang]);
      expect(measured).toContain('+51');
      await expectAccessible(page, `training list (${lang})`);
      await context.close();

      const planning = await web.fresh(lang);
      await signIn(planning.page, web.service.url, web.service.keys.planner);
      await planning.page.selectOption('#area-kind', 'area');
      await planning.page.selectOption('#area-place', 'tampere');
      await planning.page.click('form.search button');
      await planning.page.waitForSelector('dl.indicators');
      await planning.page.fill('#budget', '3');
      await planning.page.click(`text=${MAKE_PLAN[lang]}`);
      await planning.page.waitForSelector(`text=${PLAN_BASIS[lang]}`, { timeout: 60_000 });
      await settled(planning.page);
      await expectAccessible(planning.page, `training plan (${lang})`);
      await planning.context.close();
    }
  }, 600_000);
});
