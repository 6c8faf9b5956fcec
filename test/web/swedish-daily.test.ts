/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, ROOT, sampleJobseeker, sampleVacancy } from '../helpers/service.js';
import { expectAccessible, screenshot, settled, signIn, useWebApp } from './browser.js';

/**
 * The web app as a Swedish-speaking counsellor of Ostrobothnia found it (issue 31): "kund", never
 * "klient"; a Finnish client's skill chips and a Finnish title read in Swedish (the ESCO concept's
 * label), the stored text marked with its language when there is none; a vacancy in the client's own
 * municipality "i kundens hemkommun", not "0 km fågelvägen"; the print view saying once which ads do
 * not say how to apply; every date as the page's language writes it whatever the browser's locale; and a
 * unit's vacancy page with the summary and candidates first, its form behind "Redigera". Screenshots:
 * test-output/screenshots/{sv,fi}-i31-*.jpg.
 */
const web = useWebApp();

const locale = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'src', 'web', 'locales', `${lang}.json`), 'utf8')) as Record<string, string>;
const TEXTS = { fi: locale('fi'), sv: locale('sv'), en: locale('en') };
const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? `{${name}}`);

/** A day as the page's language writes it: 7.12.2026 (fi, sv), 7 Dec 2026 (en). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const written = (iso: string, lang: 'fi' | 'sv' | 'en') => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return lang === 'en' ? `${d} ${MONTHS[m! - 1]} ${y}` : `${d}.${m}.${y}`;
};
const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Today in the browser's (this machine's) time zone, as the print view dates itself. */
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** A Finnish-speaking welder of Tampere, the counsellor's area, with a chip ESCO has no label for. */
const CLIENT = 'SV-DAILY-KUND';
const UNLABELLED = 'Kemppi-hitsauslaitteiden vianetsintä';
/** A welding job in Tampere (the client's home municipality) whose ad does not say how to apply. */
const VACANCY = 'SV-DAILY-JOBB';

/** A page in `lang` in a browser whose own locale is American English (its date input would say 12/7/2026). */
async function page(lang: 'fi' | 'sv' | 'en') {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.addInitScript((l) => localStorage.setItem('kohtaanto.lang', l), lang);
  return { context, page: await context.newPage() };
}

/** Dates a page must not show: ISO days, and the browser's own forms (12/7/2026, Dec 7, 2026, 7 dec. 2026). */
const FOREIGN_DATES = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b|\b\d{1,2} [a-zåäö]{3,4}\. \d{4}\b/;

const mainText = async (p: Page) => (await p.textContent('main')) ?? '';

async function seed() {
  const counsellor = web.service.as('counsellor');
  const unit = web.service.as('employer-service');
  if ((await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}`)).status === 200) return;
  const client = sampleJobseeker(CLIENT, { title: 'Hitsaaja', name: 'Sune Exempel', skills: ['MIG-hitsaus', 'piirustusten lukeminen', UNLABELLED], unemployedSince: '2025-02-03' });
  expect((await call(counsellor, 'PUT', `/v1/jobseekers/${CLIENT}`, client)).status).toBe(201);
  expect((await call(unit, 'PUT', `/v1/vacancies/${VACANCY}`, sampleVacancy(VACANCY, { title: 'Hitsaaja', expiresAt: daysAhead(30) }))).status).toBe(201);
}

describe('a Swedish-speaking counsellor of Ostrobothnia', () => {
  it('reads a Finnish client in Swedish: "kund", the occupation beside the Finnish title, chips as ESCO labels, "i kundens hemkommun"', async () => {
    await seed();
    const stored = (await call(web.service.as('counsellor'), 'GET', `/v1/jobseekers/${CLIENT}`)).body;
    const taxonomy = web.service.engine.normalizer.taxonomy;
    const occupation = stored.normalized.occupations[0] as { uri: string; label: string };
    const swedishOccupation = taxonomy.label(occupation.uri, 'sv');
    expect(swedishOccupation.toLowerCase()).not.toBe('hitsaaja'); // ESCO says it in Swedish

    for (const lang of ['sv', 'fi'] as const) {
      const { context, page: p } = await page(lang);
      await signIn(p, web.service.url, web.service.keys.counsellor);
      await p.goto(`${web.service.url}/#/clients/${CLIENT}`);
      await p.waitForSelector('li.hit');
      await settled(p);
      // The title as written, with the occupation in the page's language beside it (not again on a Finnish page).
      const beside = await p.locator('h1 .occupation').allTextContents();
      if (lang === 'sv') expect(beside).toEqual([` (${swedishOccupation})`]); // in brackets: "Sune Exempel — Hitsaaja (svetsare, manuell)"
      else expect(beside).toEqual([]);
      // The vacancy in the client's own municipality: where it is, not "0 km".
      const hit = p.locator('li.hit', { has: p.locator(`code:text-is("${VACANCY}")`) });
      const line = (await hit.locator('p.muted').first().textContent()) ?? '';
      expect(line).toContain(TEXTS[lang]['hits.home.client']);
      expect(line).not.toMatch(/\b0 km\b/);
      if (lang === 'sv') {
        expect(await hit.locator('h3').textContent()).toContain(`Hitsaaja — ${swedishOccupation}`);
        expect(await mainText(p)).not.toMatch(/klient/i);
      }
      await expectAccessible(p, `${lang} client matches`);
      await screenshot(p, `${lang}-i31-client-matches`);
      await p.screenshot({ path: `/tmp/i31sv-${lang}-client-matches.png`, fullPage: false });

      // The profile's chips: each skill the service read as an ESCO concept by its label in the page's
      // language; the one it found no concept for as written, marked Finnish on the Swedish page.
      await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
      await p.waitForSelector('#p-skills');
      await settled(p);
      const chips = (await p.locator('fieldset.skills li.chip').allTextContents()).map((c) => c.replace(/×$/, '').trim());
      const refs = stored.normalized.skills as { uri: string; evidence: string; method: string; source: string; labelLanguage?: string }[];
      const expected = (client: string) => {
        const ref = refs.find((r) => r.source === 'skills' && r.evidence === client && !r.uri.startsWith('text:') && r.method !== 'embedding');
        // A skill written in the page's language stays as written (test/web/page-language.test.ts).
        if (ref) return (ref.labelLanguage ?? stored.normalized.language) === lang ? client : taxonomy.label(ref.uri, lang);
        return lang === 'sv' ? `${client} (${TEXTS.sv['skills.written.fi']})` : client;
      };
      expect(chips).toEqual(stored.skills.map(expected));
      if (lang === 'sv') {
        expect(chips.filter((c) => c.includes('MIG-hitsaus') || c.includes('piirustusten'))).toEqual([]);
        expect(chips).toContain(`${UNLABELLED} (${TEXTS.sv['skills.written.fi']})`);
        expect(await p.locator(`fieldset.skills li.chip span[lang=fi]`).allTextContents()).toEqual([UNLABELLED]);
      }
      // The date field says the stored day as the page's language writes it, not as the browser's date input would.
      expect(await p.inputValue('#p-since')).toBe(written('2025-02-03', lang));
      await expectAccessible(p, `${lang} client profile`);
      await screenshot(p, `${lang}-i31-client-profile`);
      await p.screenshot({ path: `/tmp/i31sv-${lang}-client-profile.png`, fullPage: true });
      await context.close();
    }
  }, 240_000);

  it('types a date as Swedish writes it and reads every date of the client in the page\'s form, whatever the browser\'s locale', async () => {
    await seed();
    const counsellor = web.service.as('counsellor');
    const deadline = daysAhead(12);
    expect((await call(counsellor, 'POST', `/v1/jobseekers/${CLIENT}/job-suggestions`, { vacancyId: VACANCY, consent: false, deadline })).status).toBe(201);
    const { context, page: p } = await page('sv');
    await signIn(p, web.service.url, web.service.keys.counsellor);
    await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=profile`);
    await p.waitForSelector('#p-since');
    await settled(p);
    await p.fill('#p-since', '1.3.2025');
    await p.click('form.profile button[type=submit]');
    await p.waitForSelector('p[role=status].badge.ok');
    expect((await call(counsellor, 'GET', `/v1/jobseekers/${CLIENT}`)).body.unemployedSince).toBe('2025-03-01');
    await expect.poll(() => p.inputValue('#p-since')).toBe('1.3.2025');
    expect(await p.textContent('h1 ~ p.muted')).toContain('1.3.2025');

    await p.goto(`${web.service.url}/#/clients/${CLIENT}?tab=suggestions`);
    const row = p.locator('table tbody tr', { hasText: 'Hitsaaja' }).first();
    await row.waitFor();
    await settled(p);
    expect(await row.textContent()).toContain(written(deadline, 'sv'));
    expect(await row.textContent()).toContain(written(today(), 'sv'));
    expect(await mainText(p)).not.toMatch(FOREIGN_DATES);
    await screenshot(p, 'sv-i31-client-suggestions');
    await context.close();

    // The same in English: 7 Dec 2026, not the American browser's Dec 7, 2026 or 12/7/2026.
    const en = await page('en');
    await signIn(en.page, web.service.url, web.service.keys.counsellor);
    await en.page.goto(`${web.service.url}/#/clients/${CLIENT}?tab=suggestions`);
    await en.page.locator('table tbody tr', { hasText: 'Hitsaaja' }).first().waitFor();
    await settled(en.page);
    expect(await mainText(en.page)).toContain(written(deadline, 'en'));
    expect(await mainText(en.page)).not.toMatch(FOREIGN_DATES);
    await en.context.close();
  }, 180_000);

  it('prints the vacancies saying once, grouped, which ads do not say how to apply, dated as Swedish writes dates', async () => {
    await seed();
    for (const lang of ['sv', 'fi'] as const) {
      const { context, page: p } = await page(lang);
      await signIn(p, web.service.url, web.service.keys.counsellor);
      await p.goto(`${web.service.url}/#/clients/${CLIENT}/print`);
      await p.waitForSelector('ol.print-list > li ul.apply');
      await settled(p);
      const items = await p.locator('section.print ol.print-list').first().locator(':scope > li').allTextContents();
      const told = (text: string) => [TEXTS[lang]['vacancy.applyUrl'], TEXTS[lang]['vacancy.applyEmail'], TEXTS[lang]['field.howToApply']].some((w) => text.includes(`${w}: `));
      const untold = items.flatMap((text, i) => (told(text) ? [] : [i + 1]));
      expect(untold.length).toBeGreaterThan(0);
      const notes = await p.locator('section.print p.no-how-to').allTextContents();
      expect(notes).toEqual([fill(TEXTS[lang]['plan.printNoHowTo']!, { numbers: new Intl.ListFormat(lang, { type: 'conjunction' }).format(untold.map(String)) })]);
      // Said once: no vacancy of the list repeats it.
      const opening = TEXTS[lang]['plan.printNoHowTo']!.split(' (')[0]!;
      expect(items.filter((text) => text.includes(opening))).toEqual([]);
      expect((await p.textContent('section.print'))!.split(opening).length - 1).toBe(1);
      // The client's own vacancy: in "your home municipality", the occupation beside the Finnish title on a Swedish page.
      const own = items.find((text) => text.includes(VACANCY))!;
      expect(own).toContain(TEXTS[lang]['hits.home.you']);
      expect(own).not.toMatch(/\b0 km\b/);
      const text = (await p.textContent('section.print'))!;
      expect(text).toContain(fill(TEXTS[lang]['plan.printed']!, { date: written(today(), lang) }));
      expect(text).toContain(fill(TEXTS[lang]['plan.printApplyBy']!, { date: written(daysAhead(30), lang) }));
      expect(text).not.toMatch(FOREIGN_DATES);
      if (lang === 'sv') expect(text).not.toMatch(/klient/i);
      await expectAccessible(p, `${lang} print view`);
      await screenshot(p, `${lang}-i31-print`);
      await p.screenshot({ path: `/tmp/i31sv-${lang}-print.png`, fullPage: true });
      await context.close();
    }
  }, 180_000);
});

describe("an employer services unit's vacancy page", () => {
  it('opens on the summary and the candidates, the form behind "Redigera", and still loses no edit', async () => {
    await seed();
    for (const lang of ['sv', 'fi'] as const) {
      const { context, page: p } = await page(lang);
      await signIn(p, web.service.url, web.service.keys['employer-service']);
      await p.goto(`${web.service.url}/#/vacancies/${VACANCY}`);
      await p.waitForSelector('li.hit');
      await settled(p);
      // No form: the summary, then the candidates, then the whole ad one click away.
      expect(await p.locator('main form.profile').count()).toBe(0);
      // (The whole ad inside the details is an article too: not counted.)
      const order = await p
        .locator('main article.vacancy-view, main section.standing, main details.vacancy-details')
        .evaluateAll((els) => els.filter((e) => !e.parentElement?.closest('details')).map((e) => e.tagName.toLowerCase()));
      expect(order[0]).toBe('article');
      expect(order.at(-1)).toBe('details');
      expect(order.slice(1, -1).every((tag) => tag === 'section')).toBe(true);
      expect(await p.locator('main article.vacancy-view').first().textContent()).toContain(written(daysAhead(30), lang));
      // The candidate who lives where the job is: "i jobbets kommun", not "0 km".
      expect(await mainText(p)).not.toMatch(/\b0 km\b/);
      if (lang === 'sv') expect(await mainText(p)).not.toMatch(/klient/i);
      await expectAccessible(p, `${lang} vacancy summary and candidates`);
      await screenshot(p, `${lang}-i31-vacancy`);
      await p.screenshot({ path: `/tmp/i31sv-${lang}-vacancy.png`, fullPage: false });

      await p.getByRole('link', { name: TEXTS[lang]['vacancyView.editButton'], exact: true }).click();
      await p.waitForSelector('#v-title');
      await settled(p);
      expect(await p.inputValue('#v-expires')).toBe(written(daysAhead(30), lang));
      await expectAccessible(p, `${lang} vacancy form`);
      await screenshot(p, `${lang}-i31-vacancy-edit`);
      await p.screenshot({ path: `/tmp/i31sv-${lang}-vacancy-edit.png`, fullPage: false });
      if (lang === 'fi') {
        await context.close();
        continue;
      }
      // An unsaved edit: leaving for the summary asks first, and "cancel" keeps the form.
      await p.fill('#v-positions', '4');
      const dialogs: string[] = [];
      p.once('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
      await p.getByRole('link', { name: TEXTS.sv['vacancyView.back'] }).click();
      await expect.poll(() => dialogs.length).toBe(1);
      expect(await p.inputValue('#v-positions')).toBe('4');
      // Someone else saves meanwhile: this save is refused (If-Match) and shows what changed.
      const unit = web.service.as('employer-service');
      const current = (await call(unit, 'GET', `/v1/vacancies/${VACANCY}`)).body;
      const { normalized: _n, region: _r, createdAt: _c, updatedAt: _u, version: _v, ...input } = current;
      expect((await call(unit, 'PUT', `/v1/vacancies/${VACANCY}`, { ...input, salary: '2 900 €/mån' }, { 'if-match': `"${current.version}"` })).status).toBe(200);
      await p.click('form.profile button[type=submit]');
      const conflict = p.locator('.conflict[role=alert]');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('2 900 €/mån');
      expect(await conflict.textContent()).not.toMatch(FOREIGN_DATES);
      expect((await call(unit, 'GET', `/v1/vacancies/${VACANCY}`)).body.positions).toBe(current.positions);
      await screenshot(p, 'sv-i31-vacancy-conflict');
      await context.close();
    }
  }, 240_000);
});
