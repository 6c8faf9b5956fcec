import { describe, expect, it } from 'vitest';
import { plantOutcomes, plantedClock } from '../helpers/planted-outcomes.js';
import { call } from '../helpers/service.js';
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
/** The plan's basis with the participants as What works published them (20 or 25: rounded at random). */
const PLAN_BASIS = { fi: 'mitattu, {n} osallistujaa', sv: 'uppmätt, {n} deltagare', en: 'measured, {n} participants' } as const;
/** The start of the withheld plan's notice (NOTICES.plan_withheld in src/core/errors.ts). */
const WITHHELD = { fi: 'Koulutussuunnitelmaa ei näytetä', sv: 'Utbildningsplanen visas inte', en: 'No training plan is shown' } as const;
const PLAN_CAPTION = { fi: 'Koulutussuunnitelma', sv: 'Utbildningsplan', en: 'Training plan' } as const;
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
      // The effect the API gives the counsellor (from the counts rounded at random), in percentage points.
      const given = (await call({ url: web.service.url, key: web.service.keys.counsellor }, 'GET', '/v1/jobseekers/NEW-1/gaps')).body;
      const card = given.skills.flatMap((s: { trainings: { id: string; measured?: { effect: number } }[] }) => s.trainings).find((o: { id: string }) => o.id === 'T-CARD').measured;
      expect(measured).toContain(`+${Math.round(card.effect * 100)}`);
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
      const plan = (await call({ url: web.service.url, key: web.service.keys.planner }, 'POST', '/v1/analytics/training-plan', { area: 'tampere', budget: { places: 3 } })).body;
      const n = plan.purchases.find((p: { training: { id: string } }) => p.training.id === 'T-CARD').effect.participants;
      await planning.page.waitForSelector(`text=${PLAN_BASIS[lang].replace('{n}', String(n))}`, { timeout: 60_000 });
      await settled(planning.page);
      await expectAccessible(planning.page, `training plan (${lang})`);
      // Nokia has no client: no plan, only why, in the page's language (src/core/analytics/published-plan.ts).
      await planning.page.selectOption('#area-kind', 'municipality');
      await planning.page.selectOption('#area-place', '536');
      await planning.page.click('form.search button');
      await planning.page.waitForSelector('dl.indicators');
      await planning.page.fill('#budget', '3');
      await planning.page.click(`text=${MAKE_PLAN[lang]}`);
      await planning.page.waitForSelector(`text=${WITHHELD[lang]}`, { timeout: 60_000 });
      expect(await planning.page.locator('table caption', { hasText: PLAN_CAPTION[lang] }).count()).toBe(0);
      await planning.context.close();
    }
  }, 600_000);
});
